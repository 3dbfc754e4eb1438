// The verb table of the command-line contract (DESIGN.md). One file per verb.
import type { Verb } from "../verb.js";

export const VERBS: Record<string, Verb> = {};

export const USAGE = `Usage: story-orchestrator <verb> [args] [--json] [--cwd DIR]

Planning
  plan [SCOPE...]        waves, critical path and agent of each story in scope
  validate               every diagnostic about the stories and config; exit 1 on any error

Running
  next                   the stories that may start now
  start ID               create the story's worktree and branch
  submit ID              record the story's head commit for review
  review ID --verdict approved|changes-requested [--findings FILE] [--reviewer NAME]
  merge ID               merge an approved story (one at a time, verified)
  fail ID --reason TEXT  mark a story failed (its dependents become Blocked)
  status | summary       progress view | completion report
  resume                 reconcile state with git after a crash; say what to do next
  cleanup                remove worktrees that are merged and clean
  hook EVENT             Claude Code hook: JSON on stdin, JSON on stdout
  init [--user]          write the un-namespaced /implement-stories command

SCOPE: nothing = all; 1.1-1.5 (by id order); 1.* ; epic:NAME ; several ids (1.1 1.3)
Exit codes: 0 success, 1 refused or invalid input, 2 bad usage.
`;
