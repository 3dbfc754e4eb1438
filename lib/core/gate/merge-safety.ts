// Where a merge that would destroy earlier work is refused (DESIGN.md "Worktrees and the merge
// queue"). Users of other tools lost merged work to merges that deleted or rewrote files the
// story never touched. Invariant enforced here: every file the merge result changes relative to
// the integration tip is a file the story's own diff (merge-base → story head) changed, and a
// file is deleted only if the story itself deleted it.
import { diag, err, ok, type Diag, type Result } from "../diagnostics.js";

/** One line of `git diff --name-status --no-renames`: A added, M modified, D deleted, T type. */
export interface FileChange {
  path: string;
  status: string;
}

export function checkMergeSafety(
  storyId: string,
  storyChanges: readonly FileChange[],
  mergeChanges: readonly FileChange[],
): Result<void, Diag[]> {
  const own = new Map(storyChanges.map((c) => [c.path, c.status]));
  const problems: Diag[] = [];
  for (const c of [...mergeChanges].sort((a, b) => a.path.localeCompare(b.path))) {
    const mine = own.get(c.path);
    if (mine === undefined) {
      const what = c.status === "D" ? "delete" : "rewrite";
      problems.push(diag("unsafe-merge", `merging story ${storyId} would ${what} ${c.path}, which the story's own changes do not touch; merge refused`, c.path));
    } else if (c.status === "D" && mine !== "D") {
      problems.push(diag("unsafe-merge", `merging story ${storyId} would delete ${c.path}, which the story only modified; merge refused`, c.path));
    }
  }
  return problems.length ? err(problems) : ok(undefined);
}
