// `cleanup`: removes the worktrees under .worktrees/ that are merged and clean, never with
// --force, and reports every other one with the reason it stays. Branches are kept.
// "Clean" means no changes, no untracked AND no ignored files: git itself refuses the first two
// but would silently delete ignored ones (a developer's `.env.local`, notes, local config). The
// one exception is the engine's own detached merge worktree, whose ignored files are what the
// verify command generated there (build output, caches), not anybody's work.
import { join } from "node:path";
import { ok, type Diag, type Result } from "../core/diagnostics.js";
import { idKey, isStoryId } from "../core/ids.js";
import { insideRepo, isAncestor, listWorktrees, pruneWorktrees, removeWorktree, statusLines, commitsOnlyOn, uncommittedPaths } from "../adapters/git.js";
import { readAllStoryStates, readOrchestrationState, withStateLock, writeStoryState } from "../adapters/state-store/store.js";
import { loadConfig } from "../adapters/fs/load-config.js";
import { integrationBranch } from "./integration-branch.js";
import { systemClock, type Clock } from "../adapters/clock.js";

export interface CleanupResult {
  removed: string[];
  kept: { worktree: string; reason: string }[];
}

export async function cleanupWorktrees(root: string, clock: Clock = systemClock): Promise<Result<CleanupResult, Diag[]>> {
  const { config, errors } = await loadConfig(root);
  if (errors.length) return { ok: false, error: errors };
  return withStateLock(root, async () => {
    const orch = await readOrchestrationState(root);
    if (!orch.ok) return orch;
    const states = await readAllStoryStates(root);
    if (!states.ok) return states;
    const integ = await integrationBranch(root, config, orch.value);
    if (!integ.ok) return integ;
    const { branch: intBranch, tip } = integ.value;
    await pruneWorktrees(root);
    const removed: string[] = [];
    const kept: CleanupResult["kept"] = [];
    for (const w of await listWorktrees(root)) {
      const rel = insideRepo(root, w.path);
      if (rel === null || !rel.startsWith(".worktrees/")) continue;
      if (orch.value?.merge?.mergeWorktree === rel) {
        kept.push({ worktree: rel, reason: "a merge is using it (or was interrupted: run `story-orchestrator resume`)" });
        continue;
      }
      const engineMerge = !w.branch && rel.startsWith(".worktrees/merge-");
      const left = engineMerge ? (await statusLines(w.path))?.map((l) => l.slice(3)) : await uncommittedPaths(w.path);
      if (!left) {
        kept.push({ worktree: rel, reason: "git status failed there, so it is not known to be clean" });
        continue;
      }
      if (left.length) {
        const more = left.length > 5 ? `, and ${left.length - 5} more` : "";
        const what = engineMerge ? "uncommitted or untracked" : "uncommitted, untracked or ignored";
        kept.push({ worktree: rel, reason: `not clean: ${left.length} ${what} file(s) that removing it would delete: ${left.slice(0, 5).join(", ")}${more}` });
        continue;
      }
      if (w.head && !(await isAncestor(root, w.head, tip))) {
        const storyId = w.branch?.startsWith("story/") ? w.branch.slice(6) : null;
        const st = storyId && isStoryId(storyId) ? states.value.get(idKey(storyId)) : undefined;
        // A merge worktree of a finished merge holds only the engine's merge commit, whose parents are both kept.
        if (!w.branch && !st) {
          const onlyHere = await commitsOnlyOn(root, w.head, `--branches`);
          if (onlyHere > 1) {
            kept.push({ worktree: rel, reason: `detached with ${onlyHere} commits that are on no branch` });
            continue;
          }
        } else {
          kept.push({ worktree: rel, reason: `not merged: ${w.branch ?? "HEAD"} has commits not on ${intBranch}${st ? ` (story ${st.storyId} is ${st.status})` : ""}` });
          continue;
        }
      }
      const r = await removeWorktree(root, join(root, rel));
      if (r.code !== 0) {
        kept.push({ worktree: rel, reason: (r.stderr || r.stdout).trim().split("\n")[0] ?? "git refused" });
        continue;
      }
      removed.push(rel);
      for (const st of states.value.values()) {
        if (st.worktree === rel) await writeStoryState(root, { ...st, worktree: null, lastUpdate: clock.now().toISOString() });
      }
    }
    return ok({ removed: removed.sort(), kept: kept.sort((a, b) => a.worktree.localeCompare(b.worktree)) });
  });
}

