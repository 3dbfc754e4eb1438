// The run verbs work on git branches and worktrees: outside a git repository they refuse before
// anything runs, so nothing is written (no `.agent-orchestration/`, no report) and the message
// says what is wrong instead of a git error about a "detached HEAD". `plan` and `validate` only
// read, `init` writes a command file and `hook` must answer whatever happens: they run anywhere.
import { diag } from "../core/diagnostics.js";
import { renderDiagnostics } from "./render/diagnostics.js";
import type { VerbOutcome } from "./verb.js";

export const NEEDS_GIT: ReadonlySet<string> = new Set(["next", "start", "submit", "review", "merge", "fail", "retry", "status", "summary", "resume", "cleanup", "dashboard"]);

/** The exit-1 outcome for a run verb started in `dir`, which is in no git repository. */
export function outsideGit(verb: string, dir: string, tty: boolean): VerbOutcome {
  const d = diag(
    "not-a-git-repository",
    `not inside a git repository: ${dir}. \`story-orchestrator ${verb}\` runs each story on its own git branch and worktree: ` +
      "run it from your project's repository (or pass --cwd DIR), or make this folder one (`git init`, then commit the stories)",
  );
  return { exitCode: 1, json: { errors: [d] }, human: renderDiagnostics({ errors: [d], warnings: [] }, tty) };
}
