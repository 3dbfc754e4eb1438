// The verb table of the command-line contract (DESIGN.md). One file per verb.
import type { Verb } from "../verb.js";
import { planVerb } from "./plan.js";
import { validateVerb } from "./validate.js";
import { hookVerb } from "./hook.js";
import { initVerb } from "./init.js";
import { nextVerb } from "./next.js";
import { startVerb } from "./start.js";
import { submitVerb } from "./submit.js";
import { reviewVerb } from "./review.js";
import { mergeVerb } from "./merge.js";
import { failVerb } from "./fail.js";
import { retryVerb } from "./retry.js";
import { statusVerb } from "./status.js";
import { summaryVerb } from "./summary.js";
import { resumeVerb } from "./resume.js";
import { cleanupVerb } from "./cleanup.js";

export const VERBS: Record<string, Verb> = {
  plan: planVerb,
  validate: validateVerb,
  hook: hookVerb,
  init: initVerb,
  next: nextVerb,
  start: startVerb,
  submit: submitVerb,
  review: reviewVerb,
  merge: mergeVerb,
  fail: failVerb,
  retry: retryVerb,
  status: statusVerb,
  summary: summaryVerb,
  resume: resumeVerb,
  cleanup: cleanupVerb,
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
  status | summary       progress view | completion report
  resume                 reconcile state with git after a crash; say what to do next
  cleanup                remove worktrees that are merged and clean
  hook EVENT             Claude Code hook: JSON on stdin, JSON on stdout

Setup
  init [--user] [--force]
                         write the un-namespaced /implement-stories command

SCOPE: nothing = all; 1.1-1.5 (by id order); 1.* ; epic:NAME ; several ids (1.1 1.3)
Exit codes: 0 success, 1 refused or invalid input, 2 bad usage.
`;
