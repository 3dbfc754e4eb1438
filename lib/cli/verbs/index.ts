// The verb table of the command-line contract (DESIGN.md). One file per verb.
import type { Verb } from "../verb.js";
// Each verb is loaded when it runs: esbuild turns these dynamic imports into lazily initialised
// modules, so `help` or a verb that needs no git pays nothing for zod, yaml, simple-git or
// execa at start-up (the orchestrating model calls the CLI dozens of times a run).
export const VERBS: Record<string, () => Promise<Verb>> = {
  plan: async () => (await import("./plan.js")).planVerb,
  validate: async () => (await import("./validate.js")).validateVerb,
  hook: async () => (await import("./hook.js")).hookVerb,
  init: async () => (await import("./init.js")).initVerb,
  next: async () => (await import("./next.js")).nextVerb,
  start: async () => (await import("./start.js")).startVerb,
  submit: async () => (await import("./submit.js")).submitVerb,
  review: async () => (await import("./review.js")).reviewVerb,
  merge: async () => (await import("./merge.js")).mergeVerb,
  fail: async () => (await import("./fail.js")).failVerb,
  retry: async () => (await import("./retry.js")).retryVerb,
  status: async () => (await import("./status.js")).statusVerb,
  summary: async () => (await import("./summary.js")).summaryVerb,
  resume: async () => (await import("./resume.js")).resumeVerb,
  cleanup: async () => (await import("./cleanup.js")).cleanupVerb,
  run: async () => (await import("./run.js")).runVerb,
  answer: async () => (await import("./answer.js")).answerVerb,
  logs: async () => (await import("./logs.js")).logsVerb,
  dashboard: async () => (await import("./dashboard.js")).dashboardVerb,
};

export const USAGE = `Usage: story-orchestrator <verb> [args] [--json] [--cwd DIR]

Planning
  plan [SCOPE...] [--scope SCOPE]
                         waves, critical path and agent of each story in scope
  validate               every diagnostic about the stories and config; exit 1 on any error

Running
  next [SCOPE...]        the stories that may start now (a SCOPE is recorded as the run's)
  start ID               create the story's worktree and branch
  submit ID [--tokens N] [--cost USD] [--duration-ms N]
                         record the story's head commit for review
  review ID --verdict approved|changes-requested [--findings FILE] [--reviewer NAME]
  merge ID               merge an approved story (one at a time, verified)
  fail ID --reason TEXT  mark a story failed (its dependents become Blocked)
  retry ID               a Failed story goes back to Not Started (branch and worktree kept)
  status | summary       progress view | completion report (report.md, report.html)
  resume                 reconcile state with git after a crash; say what to do next
  cleanup                remove worktrees that are merged and clean
  hook EVENT             Claude Code hook: JSON on stdin, JSON on stdout

Headless runs
  run [SCOPE...] [--budget USD] [--background] [--claude PATH]
                         drive the whole run: launch Claude Code workers, review, merge;
                         --background detaches it (output in .agent-orchestration/runner/run.log)
  answer ID TEXT         answer the question a story's developer asked (questions/<id>.md)
  logs ID [--role R] [--follow]
                         each worker's messages of a story, readably; --follow keeps printing

Watching
  dashboard [--port N]   serve the run report live and a read-only JSON API on 127.0.0.1
                         (the URL it prints holds an access token); Ctrl-C stops it

Setup
  init [--user] [--force]
                         write the un-namespaced /implement-stories command
  --version              print the version

SCOPE: nothing = all; 1.1-1.5 (by id order); 1.* ; epic:NAME ; several ids (1.1 1.3)
Exit codes: 0 success, 1 refused or invalid input, 2 bad usage, 70 internal error.
`;
