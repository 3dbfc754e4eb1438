// `resume`: reconciles the state with git after any crash (or manual meddling) and says what to
// do next. It repairs only what is safe and reports the rest. Two invariants, by construction:
// it never deletes a commit that exists nowhere else (it only creates branches/worktrees, moves
// statuses forward to what git proves, and removes worktrees git agrees are clean), and it never
// restarts a finished story (Done is never left).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { diag, ok, type Diag, type Result } from "../core/diagnostics.js";
import { compareIds, idKey, isStoryId } from "../core/ids.js";
import { short } from "../core/gate/merge-gate.js";
import { blockedStories, isActive } from "../core/scheduler/next.js";
import { newStoryState, type StoryState } from "../core/state/schemas.js";
import { transition } from "../core/state/transitions.js";
import { systemClock, type Clock } from "../adapters/clock.js";
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
  revParse,
} from "../adapters/git.js";
import { breakStaleLock, lockStaleness, readLockInfo } from "../adapters/state-store/lock.js";
import { appendJournal, mergeLockPath, relState, stateLockPath, withMergeLock, withStateLock, writeStoryState } from "../adapters/state-store/store.js";
import { LOCK_FILE, MERGE_LOCK_FILE } from "../core/state/state-files.js";
import { integrationBranch, storyBranch } from "./integration-branch.js";
import { runStepsOf } from "./story-advice.js";
import { engineCommitAt } from "./merge.js";
import { writeBackSprintStatus } from "./sprint-status.js";
import { updateOrchestration } from "./orchestration.js";
import { agentOf, dependenciesOf, loadRunContext, refreshStates, schedulable, statusOf, type RunContext } from "./run-context.js";

export interface ResumeReport {
  repaired: string[];
  problems: Diag[];
  next: string[];
}

async function clearStaleLocks(root: string, repaired: string[], problems: Diag[]): Promise<void> {
  for (const [path, name, staleMs] of [
    [stateLockPath(root), LOCK_FILE, 120_000],
    [mergeLockPath(root), MERGE_LOCK_FILE, 6 * 3600_000],
  ] as const) {
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

export async function resumeRun(root: string, clock: Clock = systemClock): Promise<Result<ResumeReport, Diag[]>> {
  const repaired: string[] = [];
  const problems: Diag[] = [];
  await clearStaleLocks(root, repaired, problems);
  const loaded = await loadRunContext(root);
  if (!loaded.ok) return loaded;
  const r = await withMergeLock(root, () => withStateLock(root, () => reconcile(root, loaded.value, clock, repaired, problems)), { timeoutMs: 60_000 });
  if (!r.ok) return r;
  return ok({ repaired, problems: problems.filter((p) => p.code !== "lock-timeout"), next: r.value });
}

async function reconcile(root: string, loadedCtx: RunContext, clock: Clock, repaired: string[], problems: Diag[]): Promise<Result<string[], Diag[]>> {
  const at = clock.now().toISOString();
  const fresh = await refreshStates(loadedCtx);
  if (!fresh.ok) return fresh;
  let ctx = fresh.value;
  const integ = await integrationBranch(root, ctx.project.config, ctx.orch);
  if (!integ.ok) return integ;
  const { branch: intBranch, tip } = integ.value;
  const prefix = await repoPrefix(root);
  const save = async (st: StoryState, what: string) => {
    await writeStoryState(root, st);
    await appendJournal(root, { at, event: "resume-repair", storyId: st.storyId, data: { what } });
    repaired.push(what);
    // A repaired status (Done after a merge that landed, In Progress for an adopted branch) reaches BMAD too.
    const w = await writeBackSprintStatus(root, st.storyId, st.status, ctx.project.sprint);
    if (w) problems.push(w);
  };
  await pruneWorktrees(root);

  // 1. A merge that was interrupted: finish it if git shows it landed, else undo the temporary worktree.
  const rec = ctx.orch?.merge ?? null;
  if (rec) {
    const st = ctx.states.get(idKey(rec.storyId));
    const landed = rec.mergedSha !== null && (await isAncestor(root, rec.mergedSha, tip));
    if (st && st.status !== "Done" && landed) {
      const t = transition(st, "merge", at, `resume: ${short(rec.mergedSha!)} is on ${intBranch}`);
      if (t.ok) await save({ ...t.value, mergedSha: rec.mergedSha }, `story ${rec.storyId}: its merge ${short(rec.mergedSha!)} is on ${intBranch}; marked Done`);
    }
    const abs = join(root, rec.mergeWorktree);
    if (existsSync(abs)) {
      await mergeAbort(abs);
      const rm = await removeWorktree(root, abs);
      if (rm.code === 0) repaired.push(`removed the interrupted merge's worktree ${rec.mergeWorktree}`);
      else problems.push(diag("dirty-worktree", `the interrupted merge's worktree ${rec.mergeWorktree} is not clean; inspect it and remove it with \`git worktree remove\``, rec.mergeWorktree));
    }
    if (!landed && st && st.status !== "Done") repaired.push(`story ${rec.storyId}: the interrupted merge did not reach ${intBranch}; nothing of it remains but the story branch (run merge again)`);
    const o = await updateOrchestration(root, at, ctx, (o) => void (o.merge = null));
    if (!o.ok) return o;
  }

  // 1b. Temporary merge worktrees nobody uses any more (a crash after the merge was recorded):
  // they hold at most the engine's merge commit (its parents live on branches), so removing
  // them (never --force) loses nothing.
  for (const w of await listWorktrees(root)) {
    const rel = insideRepo(root, w.path);
    if (rel === null || !rel.startsWith(".worktrees/merge-") || w.branch !== null || !w.head) continue;
    const onlyHere = (await isAncestor(root, w.head, tip)) ? 0 : await commitsOnlyOn(root, w.head, "--branches");
    if (onlyHere > 1) continue;
    const rm = await removeWorktree(root, w.path);
    if (rm.code === 0) repaired.push(`removed the finished merge's worktree ${rel}`);
  }

  // 2. Each started story against its branch and worktree.
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
      if (at2 && (await revParse(root, at2))) {
        await createBranch(root, branch, at2);
        branchTip = at2;
        repaired.push(`story ${st.storyId}: recreated the missing branch ${branch} at ${short(at2)}`);
      } else {
        problems.push(diag("git-error", `story ${st.storyId}: branch ${branch} is missing and its commits are unknown; fail the story or recreate the branch`));
        continue;
      }
    }
    if (!branchTip) continue;
    // Merged in git but not marked Done (a crash after the integration branch moved).
    if (st.status === "Approved" && branchTip !== st.baseSha && (await isAncestor(root, branchTip, tip))) {
      const t = transition(st, "merge", at, `resume: ${branch} is merged into ${intBranch}`);
      if (t.ok) await save({ ...t.value, mergedSha: tip }, `story ${st.storyId}: ${branch} is already merged into ${intBranch}; marked Done`);
      continue;
    }
    if (isActive(st.status) && branchTip !== st.baseSha && (await isAncestor(root, branchTip, tip)) && st.status !== "Approved") {
      problems.push(diag("review-required", `story ${st.storyId}: ${branch} is merged into ${intBranch} but was never approved by the engine; review it, or fail it`));
    }
    // A worktree that vanished: recreate it on the same branch (the commits live on the branch).
    if (isActive(st.status) && st.worktree) {
      const abs = join(root, st.worktree);
      const listed = worktrees.some((w) => w.branch === branch && !w.prunable);
      if (!existsSync(abs) && !listed) {
        const add = await addWorktree(root, abs, branch);
        if (add.code === 0) repaired.push(`story ${st.storyId}: recreated its missing worktree ${st.worktree} on ${branch}`);
        else problems.push(diag("git-error", `story ${st.storyId}: could not recreate ${st.worktree}: ${(add.stderr || add.stdout).trim()}`));
      } else if (listed && !existsSync(abs)) {
        const w = worktrees.find((x) => x.branch === branch)!;
        const rel = insideRepo(root, w.path);
        if (rel !== null) await save({ ...st, worktree: rel, lastUpdate: at }, `story ${st.storyId}: its worktree moved to ${rel}; recorded`);
      }
    }
    // New commits after the head that was submitted/reviewed.
    if ((st.status === "Ready for Review" || st.status === "Approved" || st.status === "Changes Requested") && st.headSha && branchTip !== st.headSha) {
      const engine = await engineCommitAt(root, branchTip, st.storyId, `${prefix}${ctx.analysis.index.byKey.get(idKey(st.storyId))?.path ?? ""}`);
      if (!engine || engine.parent !== st.headSha) {
        problems.push(diag("review-required", `story ${st.storyId}: ${branch} has commits after the reviewed head ${short(st.headSha)} (now ${short(branchTip)}); run \`story-orchestrator submit ${st.storyId}\` for a new review`));
      }
    }
    // Done stories whose worktree is still there (a crash before cleanup): remove it only when it
    // holds nothing but its commits (untracked or ignored files would be lost), as merge does.
    if (st.status === "Done" && st.worktree && existsSync(join(root, st.worktree))) {
      const rm = await removeWorktreeIfPristine(root, join(root, st.worktree));
      if (rm.removed) await save({ ...st, worktree: null, lastUpdate: at }, `story ${st.storyId}: removed its merged, clean worktree ${st.worktree}`);
      else repaired.push(`story ${st.storyId}: kept its merged worktree ${st.worktree}: ${rm.reason}`);
    } else if (st.status === "Done" && st.worktree && !existsSync(join(root, st.worktree))) {
      await save({ ...st, worktree: null, lastUpdate: at }, `story ${st.storyId}: its worktree is gone; recorded`);
    }
  }

  // 3. Branches and worktrees the state does not know (a crash inside `start`): adopt them.
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
    if (!(await branchExists(root, branch))) continue;
    // A story whose state already names its branch was started before and sent back (`retry`
    // of a Failed story): its branch and commits are expected, and `start` reuses them once
    // `next` hands the story out. Adopting it here would start it behind the scheduler's back.
    if (ctx.states.get(key)?.branch) {
      repaired.push(`story ${story.id}: ${branch} kept from an earlier attempt; \`start ${story.id}\` reuses it when the story is ready`);
      continue;
    }
    const branchTip = (await revParse(root, `refs/heads/${branch}`))!;
    const wt = wts.find((w) => w.branch === branch && !w.prunable);
    const own = (await isAncestor(root, branchTip, tip)) ? 0 : await commitsOnlyOn(root, branchTip, tip);
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
    const baseSha = (await mergeBase(root, branchTip, tip)) ?? tip;
    await save(
      { ...t.value, worktree: rel, branch, baseSha, startTime: at, agent: agentOf(ctx, key), dependencies: dependenciesOf(ctx, key) },
      `story ${story.id}: adopted ${rel} on ${branch} (an interrupted start); it is In Progress`,
    );
  }

  // 4. Blocked stories whose failed dependency was resolved.
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
  const o = await updateOrchestration(root, at, ctx, (o) => void (o.integrationBranch ??= intBranch));
  if (!o.ok) return o;
  // The same steps, in the same words, as `next` and `status` give.
  return ok(runStepsOf(ctx).steps);
}
