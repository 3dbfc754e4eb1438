// TEST FACILITY: fault injection for crash-recovery tests. When the environment variable
// STORY_ORCHESTRATOR_FAILPOINT equals a checkpoint's name, the process kills itself with SIGKILL
// right there: no cleanup, no finally blocks, no flushed buffers, exactly like a machine losing
// power or a user closing the terminal mid-operation. `resume` must then repair what is safe.
// Checkpoints (in order of the operation):
//   start:after-branch, start:after-worktree, start:after-state
//   merge:after-story-commit, merge:after-merge-commit, merge:after-verify, merge:after-advance,
//   merge:after-state
// Unset in normal use; costs one env lookup per checkpoint.
export type Failpoint =
  | "start:after-branch"
  | "start:after-worktree"
  | "start:after-state"
  | "merge:after-story-commit"
  | "merge:after-merge-commit"
  | "merge:after-verify"
  | "merge:after-advance"
  | "merge:after-state";

export const FAILPOINT_ENV = "STORY_ORCHESTRATOR_FAILPOINT";

export function failpoint(name: Failpoint): void {
  if (process.env[FAILPOINT_ENV] === name) process.kill(process.pid, "SIGKILL");
}
