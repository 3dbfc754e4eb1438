import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  engineCommitAt
} from "./chunk-2UJQ6N3F.mjs";
import {
  runStepsOf
} from "./chunk-SF5OX4YS.mjs";
import {
  integrationBranch
} from "./chunk-J4FLWKKU.mjs";
import {
  transition
} from "./chunk-X73HXAI3.mjs";
import {
  updateOrchestration
} from "./chunk-IPPJ62NW.mjs";
import {
  systemClock
} from "./chunk-OXJ2D6ZF.mjs";
import {
  newStoryState
} from "./chunk-NDF5RAGK.mjs";
import {
  addWorktree,
  branchExists,
  commitsOnlyOn,
  createBranch,
  insideRepo,
  isAncestor,
  listWorktrees,
  mergeAbort,
  mergeBase,
  pruneWorktrees,
  removeWorktree,
  removeWorktreeIfPristine,
  repoPrefix,
  revParse
} from "./chunk-KG5HAFNZ.mjs";
import {
  short
} from "./chunk-3ZEYVYDB.mjs";
import {
  blockedStories,
  isActive
} from "./chunk-3C4OI2RT.mjs";
import {
  agentOf,
  dependenciesOf,
  loadRunContext,
  refreshStates,
  schedulable,
  statusOf
} from "./chunk-EG7KQHPQ.mjs";
import {
  appendJournal,
  breakStaleLock,
  lockStaleness,
  mergeLockPath,
  readLockInfo,
  relState,
  stateLockPath,
  withMergeLock,
  withStateLock,
  writeStoryState
} from "./chunk-A73OOLFP.mjs";
import {
  storyBranch
} from "./chunk-OLZJQYTV.mjs";
import {
  writeBackSprintStatus
} from "./chunk-ZP7QG5VT.mjs";
import {
  LOCK_FILE,
  MERGE_LOCK_FILE
} from "./chunk-DJAYH52C.mjs";
import {
  compareIds,
  idKey,
  isStoryId
} from "./chunk-KNNDJYLI.mjs";
import {
  diag,
  ok
} from "./chunk-EFR3LY5V.mjs";

// lib/engine/resume.ts
import { existsSync } from "node:fs";
import { join } from "node:path";
async function clearStaleLocks(root, repaired, problems) {
  for (const [path, name, staleMs] of [
    [stateLockPath(root), LOCK_FILE, 12e4],
    [mergeLockPath(root), MERGE_LOCK_FILE, 6 * 36e5]
  ]) {
    if (!existsSync(path)) continue;
    const why = await lockStaleness(path, staleMs);
    if (why !== null) {
      if (await breakStaleLock(path)) repaired.push(`removed the stale lock ${relState(name)} (${why})`);
    } else {
      const info = await readLockInfo(path);
      problems.push(diag("lock-timeout", `${relState(name)} is held by a running process (pid ${info?.pid ?? "?"}); resume waits for it`, relState(name)));
    }
  }
}
async function resumeRun(root, clock = systemClock) {
  const repaired = [];
  const problems = [];
  await clearStaleLocks(root, repaired, problems);
  const loaded = await loadRunContext(root);
  if (!loaded.ok) return loaded;
  const r = await withMergeLock(root, () => withStateLock(root, () => reconcile(root, loaded.value, clock, repaired, problems)), { timeoutMs: 6e4 });
  if (!r.ok) return r;
  return ok({ repaired, problems: problems.filter((p) => p.code !== "lock-timeout"), next: r.value });
}
async function reconcile(root, loadedCtx, clock, repaired, problems) {
  const at = clock.now().toISOString();
  const fresh = await refreshStates(loadedCtx);
  if (!fresh.ok) return fresh;
  let ctx = fresh.value;
  const integ = await integrationBranch(root, ctx.project.config, ctx.orch);
  if (!integ.ok) return integ;
  const { branch: intBranch, tip } = integ.value;
  const prefix = await repoPrefix(root);
  const save = async (st, what) => {
    await writeStoryState(root, st);
    await appendJournal(root, { at, event: "resume-repair", storyId: st.storyId, data: { what } });
    repaired.push(what);
    const w = await writeBackSprintStatus(root, st.storyId, st.status, ctx.project.sprint);
    if (w) problems.push(w);
  };
  await pruneWorktrees(root);
  const rec = ctx.orch?.merge ?? null;
  if (rec) {
    const st = ctx.states.get(idKey(rec.storyId));
    const landed = rec.mergedSha !== null && await isAncestor(root, rec.mergedSha, tip);
    if (st && st.status !== "Done" && landed) {
      const t = transition(st, "merge", at, `resume: ${short(rec.mergedSha)} is on ${intBranch}`);
      if (t.ok) await save({ ...t.value, mergedSha: rec.mergedSha }, `story ${rec.storyId}: its merge ${short(rec.mergedSha)} is on ${intBranch}; marked Done`);
    }
    const abs = join(root, rec.mergeWorktree);
    if (existsSync(abs)) {
      await mergeAbort(abs);
      const rm = await removeWorktree(root, abs);
      if (rm.code === 0) repaired.push(`removed the interrupted merge's worktree ${rec.mergeWorktree}`);
      else problems.push(diag("dirty-worktree", `the interrupted merge's worktree ${rec.mergeWorktree} is not clean; inspect it and remove it with \`git worktree remove\``, rec.mergeWorktree));
    }
    if (!landed && st && st.status !== "Done") repaired.push(`story ${rec.storyId}: the interrupted merge did not reach ${intBranch}; nothing of it remains but the story branch (run merge again)`);
    const o2 = await updateOrchestration(root, at, ctx, (o3) => void (o3.merge = null));
    if (!o2.ok) return o2;
  }
  for (const w of await listWorktrees(root)) {
    const rel = insideRepo(root, w.path);
    if (rel === null || !rel.startsWith(".worktrees/merge-") || w.branch !== null || !w.head) continue;
    const onlyHere = await isAncestor(root, w.head, tip) ? 0 : await commitsOnlyOn(root, w.head, "--branches");
    if (onlyHere > 1) continue;
    const rm = await removeWorktree(root, w.path);
    if (rm.code === 0) repaired.push(`removed the finished merge's worktree ${rel}`);
  }
  const refreshed = await refreshStates(ctx);
  if (!refreshed.ok) return refreshed;
  ctx = refreshed.value;
  const worktrees = await listWorktrees(root);
  for (const st of [...ctx.states.values()].sort((a, b) => compareIds(a.storyId, b.storyId))) {
    const branch = st.branch ?? storyBranch(st.storyId);
    const started = isActive(st.status) || st.status === "Done" || st.status === "Failed";
    if (!started || !st.branch) continue;
    let branchTip = await revParse(root, `refs/heads/${branch}`);
    if (!branchTip && st.status !== "Done") {
      const at2 = st.headSha ?? st.baseSha;
      if (at2 && await revParse(root, at2)) {
        await createBranch(root, branch, at2);
        branchTip = at2;
        repaired.push(`story ${st.storyId}: recreated the missing branch ${branch} at ${short(at2)}`);
      } else {
        problems.push(diag("git-error", `story ${st.storyId}: branch ${branch} is missing and its commits are unknown; fail the story or recreate the branch`));
        continue;
      }
    }
    if (!branchTip) continue;
    if (st.status === "Approved" && branchTip !== st.baseSha && await isAncestor(root, branchTip, tip)) {
      const t = transition(st, "merge", at, `resume: ${branch} is merged into ${intBranch}`);
      if (t.ok) await save({ ...t.value, mergedSha: tip }, `story ${st.storyId}: ${branch} is already merged into ${intBranch}; marked Done`);
      continue;
    }
    if (isActive(st.status) && branchTip !== st.baseSha && await isAncestor(root, branchTip, tip) && st.status !== "Approved") {
      problems.push(diag("review-required", `story ${st.storyId}: ${branch} is merged into ${intBranch} but was never approved by the engine; review it, or fail it`));
    }
    if (isActive(st.status) && st.worktree) {
      const abs = join(root, st.worktree);
      const listed = worktrees.some((w) => w.branch === branch && !w.prunable);
      if (!existsSync(abs) && !listed) {
        const add = await addWorktree(root, abs, branch);
        if (add.code === 0) repaired.push(`story ${st.storyId}: recreated its missing worktree ${st.worktree} on ${branch}`);
        else problems.push(diag("git-error", `story ${st.storyId}: could not recreate ${st.worktree}: ${(add.stderr || add.stdout).trim()}`));
      } else if (listed && !existsSync(abs)) {
        const w = worktrees.find((x) => x.branch === branch);
        const rel = insideRepo(root, w.path);
        if (rel !== null) await save({ ...st, worktree: rel, lastUpdate: at }, `story ${st.storyId}: its worktree moved to ${rel}; recorded`);
      }
    }
    if ((st.status === "Ready for Review" || st.status === "Approved" || st.status === "Changes Requested") && st.headSha && branchTip !== st.headSha) {
      const engine = await engineCommitAt(root, branchTip, st.storyId, `${prefix}${ctx.analysis.index.byKey.get(idKey(st.storyId))?.path ?? ""}`);
      if (!engine || engine.parent !== st.headSha) {
        problems.push(diag("review-required", `story ${st.storyId}: ${branch} has commits after the reviewed head ${short(st.headSha)} (now ${short(branchTip)}); run \`story-orchestrator submit ${st.storyId}\` for a new review`));
      }
    }
    if (st.status === "Done" && st.worktree && existsSync(join(root, st.worktree))) {
      const rm = await removeWorktreeIfPristine(root, join(root, st.worktree));
      if (rm.removed) await save({ ...st, worktree: null, lastUpdate: at }, `story ${st.storyId}: removed its merged, clean worktree ${st.worktree}`);
      else repaired.push(`story ${st.storyId}: kept its merged worktree ${st.worktree}: ${rm.reason}`);
    } else if (st.status === "Done" && st.worktree && !existsSync(join(root, st.worktree))) {
      await save({ ...st, worktree: null, lastUpdate: at }, `story ${st.storyId}: its worktree is gone; recorded`);
    }
  }
  const after = await refreshStates(ctx);
  if (!after.ok) return after;
  ctx = after.value;
  const wts = await listWorktrees(root);
  for (const story of ctx.analysis.index.sorted) {
    const key = idKey(story.id);
    const status = statusOf(ctx, key);
    if (status !== "Not Started" && status !== "Blocked") continue;
    if (!isStoryId(story.id)) continue;
    const branch = storyBranch(story.id);
    if (!await branchExists(root, branch)) continue;
    if (ctx.states.get(key)?.branch) {
      repaired.push(`story ${story.id}: ${branch} kept from an earlier attempt; \`start ${story.id}\` reuses it when the story is ready`);
      continue;
    }
    const branchTip = await revParse(root, `refs/heads/${branch}`);
    const wt = wts.find((w) => w.branch === branch && !w.prunable);
    const own = await isAncestor(root, branchTip, tip) ? 0 : await commitsOnlyOn(root, branchTip, tip);
    if (!wt && own === 0) {
      repaired.push(`story ${story.id}: ${branch} exists without commits of its own (an interrupted start); \`start ${story.id}\` reuses it`);
      continue;
    }
    let rel = wt ? insideRepo(root, wt.path) : null;
    if (!wt) {
      const agent = agentOf(ctx, key);
      rel = `.worktrees/agent-${agent}-${story.id}-adopted`;
      const add = await addWorktree(root, join(root, rel), branch);
      if (add.code !== 0) {
        problems.push(diag("git-error", `story ${story.id}: ${branch} has ${own} commit(s) but no worktree, and one could not be created: ${(add.stderr || add.stdout).trim()}`));
        continue;
      }
    }
    if (rel === null) continue;
    const base = ctx.states.get(key) ?? newStoryState({ storyId: story.id, agent: agentOf(ctx, key), dependencies: dependenciesOf(ctx, key), at });
    const t = transition(status === "Blocked" ? { ...base, status: "Not Started" } : base, "start", at, "resume: adopted an existing worktree/branch");
    if (!t.ok) continue;
    const baseSha = await mergeBase(root, branchTip, tip) ?? tip;
    await save(
      { ...t.value, worktree: rel, branch, baseSha, startTime: at, agent: agentOf(ctx, key), dependencies: dependenciesOf(ctx, key) },
      `story ${story.id}: adopted ${rel} on ${branch} (an interrupted start); it is In Progress`
    );
  }
  const again = await refreshStates(ctx);
  if (!again.ok) return again;
  ctx = again.value;
  const stillBlocked = blockedStories(schedulable(ctx));
  for (const st of ctx.states.values()) {
    if (st.status !== "Blocked" || stillBlocked.has(idKey(st.storyId))) continue;
    const t = transition(st, "unblock", at, "resume: no failed dependency any more");
    if (t.ok) await save({ ...t.value, reason: null }, `story ${st.storyId}: unblocked (its dependencies no longer failed)`);
  }
  const final = await refreshStates(ctx);
  if (!final.ok) return final;
  ctx = final.value;
  const o = await updateOrchestration(root, at, ctx, (o2) => void (o2.integrationBranch ??= intBranch));
  if (!o.ok) return o;
  return ok(runStepsOf(ctx).steps);
}

export {
  resumeRun
};
