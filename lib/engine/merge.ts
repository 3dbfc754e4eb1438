// `merge ID`: the merge queue. One merge at a time (the merge lock); only with an approval of the
// exact head commit (core/gate/merge-gate.ts); conflicts predicted before anything is written
// and aborted cleanly if they still happen; the merge is built and verified in a temporary
// detached worktree, so a failing verify never touches the integration branch; a merge that
// would delete or rewrite files outside the story's own diff is refused
// (core/gate/merge-safety.ts). Steps, each a crash point `resume` knows how to finish or undo:
//   1. commit Status: Done + the review section into the story file, on the story branch
//   2. merge commit in .worktrees/merge-<id>-<stamp> (detached at the integration tip)
//   3. verifyCommand there   4. advance the integration branch (advance-integration.ts)
//   5. state Done            6. remove worktrees that are clean (never --force); keep the branch
// A merge that stops after step 1 (conflict, unsafe merge, failing verify, a dirty main checkout)
// takes the engine's step-1 commit back off the story branch: the branch must not say Done
// while unmerged, and a later `submit` must not see that commit as new work.
import { join } from "node:path";
import { readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { diag, err, ok, type Diag, type Result } from "../core/diagnostics.js";
import { idKey } from "../core/ids.js";
import { checkMergeGate, short } from "../core/gate/merge-gate.js";
import { checkMergeSafety } from "../core/gate/merge-safety.js";
import { applyMergeOutcome, engineCommitSubject } from "../core/merge/story-file-outcome.js";
import type { MergeRecord, Review, StoryState } from "../core/state/schemas.js";
import { canTransition, transition } from "../core/state/transitions.js";
import { stamp, systemClock, type Clock } from "../adapters/clock.js";
import { failpoint } from "../adapters/failpoint.js";
import {
  ENGINE_IDENTITY,
  addDetachedWorktree,
  commitInfo,
  commitOneFile,
  currentBranch,
  diffNameStatus,
  gitFailure,
  listWorktrees,
  mergeAbort,
  mergeBase,
  mergeNoFf,
  predictConflicts,
  removeWorktree,
  removeWorktreeIfPristine,
  repoPrefix,
  resetBranchNoLoss,
  resetKeep,
  revParse,
  statusLines,
  unmergedFiles,
} from "../adapters/git.js";
import { runVerify } from "../adapters/process/run-verify.js";
import { appendJournal, readStoryState, withMergeLock, withStateLock, writeStoryState } from "../adapters/state-store/store.js";
import { advanceIntegration } from "./advance-integration.js";
import { integrationBranch, storyBranch } from "./integration-branch.js";
import { updateOrchestration } from "./orchestration.js";
import { withStory, type RunContext } from "./run-context.js";
import { adviceIn } from "./story-advice.js";
import { writeBackSprintStatus } from "./sprint-status.js";

export interface MergeResult {
  id: string;
  status: "Done";
  mergedSha: string;
  /** Project-relative worktree left in place (not clean), or null when it was removed. */
  keptWorktree: string | null;
  /** Why it was kept (naming up to 5 of the files removing it would delete), or null. */
  keptReason: string | null;
  warnings: Diag[];
}

/** Is `sha` the engine's bookkeeping commit for this story (one parent, only the story file)? */
export async function engineCommitAt(root: string, sha: string, storyId: string, storyRepoPath: string): Promise<{ sha: string; parent: string } | null> {
  const info = await commitInfo(root, sha);
  if (!info || info.parents.length !== 1 || info.subject !== engineCommitSubject(storyId) || info.authorName !== ENGINE_IDENTITY.name) return null;
  const files = await diffNameStatus(root, info.parents[0]!, sha);
  if (!files || files.length !== 1 || files[0]!.path !== storyRepoPath) return null;
  return { sha, parent: info.parents[0]! };
}

/**
 * Takes the engine's bookkeeping commit back off the story branch after a merge that did not
 * complete. Only when the tip is still exactly that commit on top of the approved head: any other
 * tip is the developer's and is left alone. The commit touches only the story file, so moving
 * back loses nothing of theirs; `reset --keep` (in the worktree that has the branch) refuses
 * rather than overwrite a local change. Returns a diagnostic when it could not.
 */
async function takeBackEngineCommit(root: string, branch: string, id: string, repoPath: string, approvedSha: string): Promise<Diag | null> {
  const tip = await revParse(root, `refs/heads/${branch}`);
  if (!tip || tip === approvedSha) return null;
  const engine = await engineCommitAt(root, tip, id, repoPath);
  if (!engine || engine.parent !== approvedSha) return null;
  const holder = (await listWorktrees(root)).find((w) => w.branch === branch && !w.prunable);
  const r = holder && (await currentBranch(holder.path)) === branch ? await resetKeep(holder.path, approvedSha) : holder ? null : await resetBranchNoLoss(root, branch, approvedSha, tip);
  if (r && r.code === 0) return null;
  const where = holder ? ` in ${holder.path}` : "";
  return diag("git-error", `story ${id}: could not take the engine's commit ${short(tip)} (review outcome, status Done) back off ${branch}${where}${r ? `: ${(r.stderr || r.stdout).trim().split("\n")[0] ?? ""}` : ""}; move ${branch} back to the approved ${short(approvedSha)} (\`git reset --keep ${approvedSha}\` there) before submitting again`);
}

async function setMergeRecord(root: string, at: string, record: MergeRecord | null): Promise<Result<unknown, Diag[]>> {
  return withStateLock(root, () => updateOrchestration(root, at, null, (o) => void (o.merge = record)));
}

/** Back to the developer: conflict or failing verify. Branch, worktree and commits stay. */
async function sendBack(root: string, storyId: string, at: string, reason: string): Promise<void> {
  await withStateLock<unknown>(root, async () => {
    const cur = await readStoryState(root, storyId);
    if (!cur.ok || !cur.value) return ok(undefined);
    const t = transition(cur.value, "send-back", at, reason);
    if (t.ok) await writeStoryState(root, { ...t.value, reason });
    await appendJournal(root, { at, event: "send-back", storyId, data: { reason } });
    return updateOrchestration(root, at, null, (o) => void (o.merge = null));
  });
}

/** The latest review of `sha` by each configured reviewer: what the story file records. */
function reviewsOf(reviews: readonly Review[], sha: string, reviewers: readonly string[]): Review[] {
  const out: Review[] = [];
  for (const r of reviewers) {
    const mine = reviews.filter((x) => x.reviewer === r && x.sha === sha);
    if (mine.length) out.push(mine[mine.length - 1]!);
  }
  return out;
}

export async function mergeStory(root: string, id: string, clock: Clock = systemClock): Promise<Result<MergeResult, Diag[]>> {
  return withStory(root, id, withMergeLock, (ctx, story) => mergeLocked(root, ctx, story.id, story.title, story.path, clock));
}

async function mergeLocked(root: string, ctx: RunContext, id: string, title: string, storyPath: string, clock: Clock): Promise<Result<MergeResult, Diag[]>> {
  const config = ctx.project.config;
  const st: StoryState | undefined = ctx.states.get(idKey(id));
  const next = () => adviceIn(ctx, idKey(id));
  if (!st) return err([diag("review-required", `story ${id} has not been started, submitted or reviewed. Next: ${next()}`)]);
  if (st.status === "Done") return err([diag("illegal-transition", `story ${id} is already Done (merged as ${short(st.mergedSha ?? "")}). Next: ${next()}`)]);
  // Only a story under review or approved can pass the gate; any other status says what comes first.
  if (st.status !== "Approved" && st.status !== "Ready for Review") return err([diag("illegal-transition", `story ${id}: cannot merge from "${st.status}". Next: ${next()}`)]);
  const integ = await integrationBranch(root, config, ctx.orch);
  if (!integ.ok) return integ;
  const { branch: intBranch, tip } = integ.value;
  const branch = st.branch ?? storyBranch(id);
  const head = await revParse(root, `refs/heads/${branch}`);
  if (!head) return err([diag("git-error", `story ${id}: branch ${branch} does not exist; run \`story-orchestrator resume\``)]);
  const prefix = await repoPrefix(root);
  const repoPath = `${prefix}${storyPath}`;

  // The gate: an approval of the exact head (or of the parent of our own bookkeeping commit).
  const engine = await engineCommitAt(root, head, id, repoPath);
  const gate = checkMergeGate({ storyId: id, headSha: head, recordedSha: st.headSha, reviews: st.reviews, reviewers: config.reviewers, blockingSeverities: config.blockingSeverities, engineCommit: engine });
  if (!gate.ok) {
    // Reviews still to come on the submitted commit: say who must review it (the gate says what is missing).
    const waiting = st.status === "Ready for Review" && st.headSha === head;
    return waiting ? err(gate.error.map((d) => ({ ...d, message: `${d.message}. Next: ${next()}` }))) : gate;
  }
  const approvedSha = gate.value;
  if (!canTransition(st.status, "merge")) return err([diag("illegal-transition", `story ${id}: cannot merge from "${st.status}". Next: ${next()}`)]);

  const worktreeAbs = st.worktree ? join(root, st.worktree) : null;
  if (!worktreeAbs || !existsSync(worktreeAbs)) return err([diag("git-error", `story ${id}: its worktree ${st.worktree ?? "(none)"} is missing; run \`story-orchestrator resume\``)]);
  const dirty = (await statusLines(worktreeAbs)) ?? [];
  if (dirty.length) return err([diag("dirty-worktree", `story ${id}: ${st.worktree} has uncommitted changes (${dirty.slice(0, 5).map((l) => l.slice(3)).join(", ")}); they are not part of the approved commit ${short(approvedSha)}: commit and submit them, or remove them`, st.worktree ?? undefined)]);

  const at = () => clock.now().toISOString();
  // Conflicts are predicted before anything is written, so a conflict leaves no trace at all.
  const predicted = await predictConflicts(root, tip, head);
  if (predicted.conflicts.length) {
    const reason = `merge conflict with ${intBranch} in: ${predicted.conflicts.join(", ")}`;
    await sendBack(root, id, at(), reason);
    const diags = predicted.conflicts.map((f) => diag("merge-conflict", `story ${id}: ${f} conflicts with ${intBranch}; merge ${intBranch} into ${branch} in ${st.worktree}, resolve, commit and submit again`, f));
    // An engine commit left by an interrupted earlier merge comes off too.
    const undo = await takeBackEngineCommit(root, branch, id, repoPath, approvedSha);
    return err(undo ? [...diags, undo] : diags);
  }

  const mergeRel = `.worktrees/merge-${id}-${stamp(clock.now())}`;
  const mergeAbs = join(root, mergeRel);
  const record: MergeRecord = { storyId: id, tipSha: tip, mergeWorktree: mergeRel, phase: "started", mergedSha: null, at: at() };
  const rec1 = await setMergeRecord(root, at(), record);
  if (!rec1.ok) return rec1;

  // 1. The review outcome and Done status, committed on the story branch by the engine.
  let storyHead = head;
  if (!engine) {
    const file = join(worktreeAbs, storyPath);
    if (existsSync(file)) {
      const text = await readFile(file, "utf8");
      const updated = applyMergeOutcome(text, { storyId: id, reviewedSha: approvedSha, reviews: reviewsOf(st.reviews, approvedSha, config.reviewers) });
      if (updated !== text) {
        await writeFile(file, updated, "utf8");
        const c = await commitOneFile(worktreeAbs, repoPath, engineCommitSubject(id));
        if (c.code !== 0) {
          await writeFile(file, text, "utf8"); // leave the worktree as the developer had it
          await setMergeRecord(root, at(), null);
          return err([gitFailure(`committing the review outcome to ${storyPath}`, c)]);
        }
        storyHead = (await revParse(root, `refs/heads/${branch}`))!;
      }
    }
  }
  failpoint("merge:after-story-commit");
  await setMergeRecord(root, at(), { ...record, phase: "story-committed" });

  // From here on every way out that is not a completed merge goes through `stop`.
  const stop = async (diags: Diag[], sendBackReason: string | null): Promise<Result<MergeResult, Diag[]>> => {
    if (sendBackReason) await sendBack(root, id, at(), sendBackReason);
    else await setMergeRecord(root, at(), null);
    const undo = await takeBackEngineCommit(root, branch, id, repoPath, approvedSha);
    return err(undo ? [...diags, undo] : diags);
  };

  // 2. The merge commit, in a temporary worktree detached at the integration tip.
  const added = await addDetachedWorktree(root, mergeAbs, tip);
  if (added.code !== 0) return stop([gitFailure(`creating the merge worktree ${mergeRel}`, added)], null);
  const discard = async () => {
    await removeWorktree(root, mergeAbs);
  };
  const merged = await mergeNoFf(mergeAbs, branch, `Merge story ${id}: ${title}`);
  if (merged.code !== 0) {
    const files = await unmergedFiles(mergeAbs);
    await mergeAbort(mergeAbs);
    await discard();
    if (!files.length) return stop([gitFailure(`merging ${branch}`, merged)], null);
    return stop(
      files.map((f) => diag("merge-conflict", `story ${id}: ${f} conflicts with ${intBranch}; resolve it on ${branch} and submit again`, f)),
      `merge conflict with ${intBranch} in: ${files.join(", ")}`,
    );
  }
  const mergedSha = (await revParse(mergeAbs, "HEAD"))!;
  failpoint("merge:after-merge-commit");

  // Merge safety: the result may change only what the story's own diff changes.
  const base = (await mergeBase(root, tip, storyHead)) ?? tip;
  const own = (await diffNameStatus(root, base, storyHead)) ?? [];
  const effect = (await diffNameStatus(root, tip, mergedSha)) ?? [];
  const safe = checkMergeSafety(id, own, effect);
  if (!safe.ok) {
    await discard();
    return stop(safe.error, null);
  }
  await setMergeRecord(root, at(), { ...record, phase: "merged", mergedSha });

  // 3. Verify the merged result before the integration branch moves.
  if (config.verifyCommand) {
    const v = await runVerify(config.verifyCommand, join(mergeAbs, prefix));
    if (!v.ok) {
      await discard();
      const why = v.timedOut ? "timed out" : `exited with ${v.exitCode}`;
      const next = `fix it in ${st.worktree}, commit, then run \`story-orchestrator submit ${id}\` for a new review`;
      const output = v.tail ? `Output (last lines):\n${v.tail}` : "It printed nothing.";
      return stop(
        [diag("verify-failed", `story ${id}: \`${config.verifyCommand}\` ${why} on the merge with ${intBranch}; ${intBranch} was not changed. ${output}\nNext: ${next}.`)],
        `verify failed on the merged result (${why}); ${next}`,
      );
    }
  }
  failpoint("merge:after-verify");
  await setMergeRecord(root, at(), { ...record, phase: "verified", mergedSha });

  // 4. Advance the integration branch (and the checkout that has it).
  const adv = await advanceIntegration(root, intBranch, tip, mergedSha);
  if (!adv.ok) {
    await discard();
    return stop(adv.error, null);
  }
  failpoint("merge:after-advance");

  // 5. Done (and done in BMAD's sprint-status.yaml, under the same lock as every write-back).
  let sprintWarning: Diag | null = null;
  const done = await withStateLock(root, async () => {
    const cur = await readStoryState(root, id);
    if (!cur.ok) return cur;
    const t = transition(cur.value ?? st, "merge", at(), `merged as ${short(mergedSha)}`);
    if (!t.ok) return t;
    await writeStoryState(root, { ...t.value, mergedSha, headSha: storyHead, reason: null });
    // startedAt: when the merge began (the report draws "merge with verify" from it).
    await appendJournal(root, { at: at(), event: "merge", storyId: id, data: { mergedSha, approvedSha, integrationBranch: intBranch, startedAt: record.at } });
    sprintWarning = await writeBackSprintStatus(root, id, "Done", ctx.project.sprint);
    return updateOrchestration(root, at(), ctx, (o) => void (o.merge = null));
  });
  if (!done.ok) return done;
  failpoint("merge:after-state");

  // 6. Clean up what is clean; never --force. The branch stays (it is merged, nothing is lost).
  const warnings: Diag[] = sprintWarning ? [sprintWarning] : [];
  const rm = await removeWorktree(root, mergeAbs);
  if (rm.code !== 0) warnings.push(diag("dirty-worktree", `left the merge worktree ${mergeRel} in place (not clean: verify left files); \`story-orchestrator cleanup\` reports it`, mergeRel));
  const kept = await removeStoryWorktreeIfClean(root, id, st.worktree!, warnings);
  return ok({ id, status: "Done" as const, mergedSha, keptWorktree: kept?.worktree ?? null, keptReason: kept?.reason ?? null, warnings });
}

/**
 * Removes a Done story's worktree only when it holds nothing but committed work (no changes, no
 * untracked and no ignored files: `git worktree remove` would silently delete ignored ones, like
 * a `.env.local`), and records that. Otherwise keeps it and says why.
 */
export async function removeStoryWorktreeIfClean(root: string, id: string, worktree: string, warnings: Diag[]): Promise<{ worktree: string; reason: string } | null> {
  const r = await removeWorktreeIfPristine(root, join(root, worktree));
  if (!r.removed) {
    warnings.push(diag("dirty-worktree", `kept ${worktree}: ${r.reason}; copy what you need, then remove it with \`git worktree remove\``, worktree));
    return { worktree, reason: r.reason };
  }
  await withStateLock(root, async () => {
    const cur = await readStoryState(root, id);
    if (cur.ok && cur.value) await writeStoryState(root, { ...cur.value, worktree: null });
    return ok(undefined);
  });
  return null;
}
