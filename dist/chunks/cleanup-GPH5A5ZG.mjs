import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  nextText,
  outcome
} from "./chunk-HMC5CVHI.mjs";
import {
  rejectUnknownOptions
} from "./chunk-D6AISK4I.mjs";
import "./chunk-S74CJSP5.mjs";
import {
  integrationBranch
} from "./chunk-J4FLWKKU.mjs";
import {
  systemClock
} from "./chunk-OXJ2D6ZF.mjs";
import {
  commitsOnlyOn,
  insideRepo,
  isAncestor,
  listWorktrees,
  pruneWorktrees,
  removeWorktree,
  statusLines,
  uncommittedPaths
} from "./chunk-KG5HAFNZ.mjs";
import {
  readAllStoryStates,
  readOrchestrationState,
  withStateLock,
  writeStoryState
} from "./chunk-A73OOLFP.mjs";
import "./chunk-UXYV742O.mjs";
import {
  command
} from "./chunk-F5LBCNN2.mjs";
import "./chunk-2BJZUZ65.mjs";
import "./chunk-2JM6FW5P.mjs";
import "./chunk-OLZJQYTV.mjs";
import "./chunk-R2CKZ2VR.mjs";
import {
  loadConfig
} from "./chunk-P7BITJDN.mjs";
import "./chunk-6MSOW3YD.mjs";
import "./chunk-R7PRS5ZI.mjs";
import "./chunk-T7SK64FE.mjs";
import "./chunk-IWUPKGEU.mjs";
import "./chunk-DJAYH52C.mjs";
import {
  idKey,
  isStoryId
} from "./chunk-KNNDJYLI.mjs";
import {
  ok
} from "./chunk-EFR3LY5V.mjs";
import "./chunk-EGEKWWZA.mjs";

// lib/engine/cleanup.ts
import { join } from "node:path";
async function cleanupWorktrees(root, clock = systemClock) {
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
    const removed = [];
    const kept = [];
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
      if (w.head && !await isAncestor(root, w.head, tip)) {
        const storyId = w.branch?.startsWith("story/") ? w.branch.slice(6) : null;
        const st = storyId && isStoryId(storyId) ? states.value.get(idKey(storyId)) : void 0;
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

// lib/cli/verbs/cleanup.ts
var cleanupVerb = async (ctx) => {
  const bad = rejectUnknownOptions("cleanup", ctx.args, [], "cleanup [--json]");
  if (bad) return bad;
  return outcome(ctx, await cleanupWorktrees(ctx.root), (c) => {
    const lines = [`Removed: ${c.removed.length ? c.removed.join(", ") : "none"}`, ...c.kept.map((k) => `Kept ${k.worktree}: ${k.reason}`)];
    const next = c.kept.length ? `the kept worktrees hold work or unmerged stories: finish them (${command("status")} shows the run), then ${command("cleanup")} again` : `nothing left to clean; ${command("status")} shows the run`;
    return lines.join("\n") + "\n" + nextText([next]);
  });
};
export {
  cleanupVerb
};
