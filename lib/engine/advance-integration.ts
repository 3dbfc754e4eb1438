// Moving the integration branch to a verified merge commit, so that the user's main checkout
// ends up with the merged code and never with a branch that silently disagrees with its files.
//
// Why two cases:
// - The branch is checked out in some worktree (usually the user's main checkout). Moving the
//   ref alone (update-ref) would leave that checkout's index and files at the old commit, and
//   `git status` would then show the merge "reverted" as local changes. So we fast-forward IN
//   that worktree with `git merge --ff-only <merged>`: git updates ref, index and files together
//   and refuses, touching nothing, if a local change or untracked file would be overwritten. We
//   check that first ourselves to name the files. A checkout with unrelated local edits (files
//   the merge does not change) fast-forwards fine and keeps those edits.
// - Nobody has it checked out: a compare-and-swap `update-ref <branch> <merged> <old tip>`,
//   which fails if anything moved the branch since the merge began.
// Either way the branch moves only from the exact tip the merge was built and verified on
// (the merge commit's first parent), so a concurrent commit on the branch is never discarded.
import { diag, err, ok, type Diag, type Result } from "../core/diagnostics.js";
import { diffNameStatus, gitFailure, listWorktrees, mergeFfOnly, revParse, statusLines, updateBranchRef } from "../adapters/git.js";

export async function advanceIntegration(root: string, branch: string, oldTip: string, merged: string): Promise<Result<{ checkout: string | null }, Diag[]>> {
  const now = await revParse(root, `refs/heads/${branch}`);
  if (now !== oldTip) {
    return err([diag("git-error", `${branch} moved while the merge was verified (was ${oldTip.slice(0, 10)}, now ${(now ?? "missing").slice(0, 10)}); nothing was changed: run merge again`)]);
  }
  const holder = (await listWorktrees(root)).find((w) => w.branch === branch && !w.prunable);
  if (!holder) {
    const r = await updateBranchRef(root, branch, merged, oldTip);
    if (r.code !== 0) return err([gitFailure(`advancing ${branch}`, r)]);
    return ok({ checkout: null });
  }
  const changed = new Set((await diffNameStatus(root, oldTip, merged))?.map((c) => c.path) ?? []);
  const local = (await statusLines(holder.path)) ?? [];
  const clash = local.map((l) => l.slice(3).replace(/^"|"$/g, "")).filter((p) => changed.has(p)).sort();
  if (clash.length) {
    return err([
      diag("dirty-worktree", `the checkout of ${branch} at ${holder.path} has local changes to files this merge changes (${clash.join(", ")}); commit or stash them, then run merge again. ${branch} was not moved.`),
    ]);
  }
  const r = await mergeFfOnly(holder.path, merged);
  if (r.code !== 0) return err([gitFailure(`fast-forwarding ${branch} in ${holder.path}`, r)]);
  return ok({ checkout: holder.path });
}
