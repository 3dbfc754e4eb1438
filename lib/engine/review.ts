// `review ID --verdict ...`: records one configured reviewer's verdict on one exact commit (the
// story's recorded head unless `reviewedSha` says otherwise; a review of any other commit is kept
// but can never unlock a merge). When every configured reviewer approved the head: Approved. A
// change request (or an approval with blocking findings) sends the story back; one more round
// than `maxFixRounds` fails it.
//
// The recorded head (set by `submit`) is what is under review: a branch that moved past it needs
// a `submit` first, or a review would silently cover a commit nobody submitted. Reviewers run in
// parallel, so once one asked for changes the others' verdicts on that same head are still
// recorded (their findings feed the fix round) without counting another round.
//
// A change request is final for its commit (core/gate/merge-gate.ts evaluateReviews): an approval of
// a commit some reviewer rejected can never count. From a person (`review` on the command line)
// it is refused, since recording it would read as an override: commit a fix, then submit. From a
// reviewer agent (the hook passes `source: "agent"`) it is recorded as what that reviewer said,
// counted for nothing: the agent was launched on that commit before the change request arrived,
// its verdict is a fact of the run, and refusing it would tell the model "could not be recorded"
// as though something broke. Either way the story stays in its fix round.
import { diag, err, ok, type Diag, type Result } from "../core/diagnostics.js";
import { blockingFindings, evaluateReviews, rejects, short } from "../core/gate/merge-gate.js";
import { fixRoundSteps, storyAdvice } from "../core/advice/story-advice.js";
import type { Finding, StoryState, Verdict } from "../core/state/schemas.js";
import { changesRequestedHead } from "../core/state/fix-round.js";
import { transition } from "../core/state/transitions.js";
import { systemClock, type Clock } from "../adapters/clock.js";
import { loadConfig } from "../adapters/fs/load-config.js";
import { revParse } from "../adapters/git.js";
import { appendJournal, withStateLock, writeStoryState } from "../adapters/state-store/store.js";
import { blockDependents } from "./block-dependents.js";
import { storyBranch } from "./integration-branch.js";
import { updateOrchestration } from "./orchestration.js";
import { loadRunContext } from "./run-context.js";
import { stateOf } from "./story-ref.js";
import { writeBackSprintStatus } from "./sprint-status.js";

export interface ReviewInput {
  verdict: Verdict;
  findings: Finding[];
  reviewer: string;
  reviewedSha?: string;
  /** "agent": a reviewer agent's verdict captured by a hook (recorded even when it cannot count). */
  source?: "agent";
}

export interface ReviewResult {
  id: string;
  status: string;
  reviewedSha: string;
  approvedBy: string[];
  /** Configured reviewers whose approval of the head is still missing. */
  missing: string[];
  /** Configured reviewers who asked for changes on the reviewed commit (final for that commit). */
  changesRequestedBy: string[];
  blocked?: string[];
  /** Why the outcome differs from the verdict (an approval with blocking findings). */
  note?: string;
  /** False when this verdict changed nothing: an approval of a commit a reviewer rejected. */
  counted: boolean;
  /** Change requests so far, and the cap (for "fix round 1 of 3"). */
  fixRounds: number;
  maxFixRounds: number;
  worktree: string | null;
  /** sprint-status.yaml could not be updated (the review itself was recorded). */
  warnings?: Diag[];
}

/** Why this state takes no review, with the way forward; null when it takes one. */
function notReviewable(st: StoryState): Diag | null {
  if (st.status === "Ready for Review" || st.status === "Approved" || changesRequestedHead(st) !== null) return null;
  const why = st.status === "Failed" ? `it failed${st.reason ? ` (${st.reason})` : ""}` : st.status === "Done" ? "it is already merged" : "nothing is submitted for review";
  return diag("illegal-transition", `story ${st.storyId}: cannot record a review while "${st.status}": ${why}. Next: ${storyAdvice({ id: st.storyId, status: st.status, worktree: st.worktree })}`);
}

export async function recordReview(root: string, id: string, input: ReviewInput, clock: Clock = systemClock): Promise<Result<ReviewResult, Diag[]>> {
  const { config, errors } = await loadConfig(root);
  if (errors.length) return err(errors);
  if (!config.reviewers.includes(input.reviewer)) {
    return err([diag("usage", `"${input.reviewer}" is not a configured reviewer; configured reviewers: ${config.reviewers.join(", ")} (config \`reviewers\`)`)]);
  }
  return withStateLock(root, async () => {
    const found = await stateOf(root, id, "review");
    if (!found.ok) return found;
    const st = found.value;
    const refused = notReviewable(st);
    if (refused) return err([refused]);
    const recorded = st.headSha;
    if (recorded === null) throw new Error(`Internal error: story ${st.storyId} is ${st.status} without a recorded head`);
    const head = await revParse(root, `refs/heads/${st.branch ?? storyBranch(st.storyId)}`);
    if (!head) return err([diag("git-error", `story ${st.storyId}: its branch does not exist; run \`story-orchestrator resume\``)]);
    const fixRound = st.status !== "Ready for Review" && st.status !== "Approved";
    let sha = recorded;
    if (input.reviewedSha !== undefined) {
      const full = await revParse(root, input.reviewedSha);
      if (!full) return err([diag("git-error", `story ${st.storyId}: reviewed commit ${input.reviewedSha} does not exist`)]);
      sha = full;
    }
    // In a fix round the developer is expected to commit; a late verdict on the recorded head is
    // still recorded. Otherwise the head under review must be the branch's.
    const moved = head !== recorded && !(fixRound && input.reviewedSha !== undefined);
    if (moved) {
      return err([diag("illegal-transition", `story ${st.storyId} has new commits since it was submitted (recorded ${short(recorded)}, branch at ${short(head)}): run \`story-orchestrator submit ${st.storyId}\` first`)]);
    }
    if (fixRound && sha !== recorded) {
      return err([diag("illegal-transition", `story ${st.storyId}: cannot record a review of ${short(sha)} while "${st.status}" (changes were requested on ${short(recorded)})`)]);
    }
    const at = clock.now().toISOString();
    const review = { reviewer: input.reviewer, verdict: input.verdict, sha, findings: input.findings, at };
    const rejected = evaluateReviews(st.reviews, sha, config.reviewers, config.blockingSeverities).changesRequested;
    const moot = rejected.length > 0 && !rejects(review, config.blockingSeverities);
    if (moot && input.source !== "agent") {
      const steps = fixRoundSteps(st.storyId, st.worktree, st.status === "In Progress");
      return err([diag("illegal-transition", `story ${st.storyId}: ${rejected.join(", ")} requested changes on ${short(sha)}, so no review can approve that commit: commit a fix, then submit. Next: ${steps}`)]);
    }
    let next: StoryState = { ...st, reviews: [...st.reviews, review], lastUpdate: at };
    const ev = evaluateReviews(next.reviews, recorded, config.reviewers, config.blockingSeverities);
    const blockers = blockingFindings(review, config.blockingSeverities);
    const note =
      input.verdict === "approved" && blockers > 0
        ? `approved verdict has ${blockerText(review.findings, config.blockingSeverities)}, which ${blockers === 1 ? "blocks" : "block"} (blockingSeverities: ${config.blockingSeverities.join(", ")})`
        : undefined;
    let blocked: string[] | undefined;
    if (fixRound) {
      // Recorded for the fix round; the round was already counted by the first change request.
    } else if (sha === recorded && ev.changesRequested.includes(input.reviewer)) {
      const round = st.fixRounds + 1;
      if (round > config.maxFixRounds) {
        const why = `review asked for changes ${round} times (maxFixRounds ${config.maxFixRounds})`;
        const t = transition(next, "fail", at, why);
        if (!t.ok) return t;
        next = { ...t.value, fixRounds: round, reason: why };
      } else {
        const t = transition(next, "request-changes", at, `${input.reviewer} on ${short(sha)}`);
        if (!t.ok) return t;
        next = { ...t.value, fixRounds: round };
      }
    } else if (ev.missing.length === 0 && next.status !== "Approved") {
      const t = transition(next, "approve", at, `head ${short(recorded)}`);
      if (!t.ok) return t;
      next = t.value;
    }
    await writeStoryState(root, next);
    await appendJournal(root, { at, event: "review", storyId: st.storyId, data: { reviewer: input.reviewer, verdict: input.verdict, sha, findings: input.findings.length, status: next.status } });
    if (next.status === "Failed") {
      const ctx = await loadRunContext(root);
      if (ctx.ok) blocked = await blockDependents(root, ctx.value, st.storyId, at);
    }
    const o = await updateOrchestration(root, at, null);
    if (!o.ok) return o;
    // Changes Requested → in-progress, Approved → review (already), Failed → not written.
    const w = next.status !== st.status ? await writeBackSprintStatus(root, st.storyId, next.status) : null;
    return ok({
      ...(w ? { warnings: [w] } : {}),
      id: st.storyId,
      status: next.status,
      reviewedSha: sha,
      approvedBy: ev.approvedBy,
      missing: ev.missing.map((m) => m.reviewer),
      changesRequestedBy: ev.changesRequested,
      ...(blocked ? { blocked } : {}),
      ...(note ? { note } : {}),
      counted: !moot,
      fixRounds: next.fixRounds,
      maxFixRounds: config.maxFixRounds,
      worktree: next.worktree,
    });
  });
}

/** "1 HIGH finding", "2 findings (1 CRITICAL, 1 HIGH)". */
function blockerText(findings: readonly Finding[], blocking: readonly string[]): string {
  const counts = blocking.map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  const total = counts.reduce((a, [, n]) => a + n, 0);
  if (counts.length === 1) return `${total} ${counts[0]![0]} finding${total === 1 ? "" : "s"}`;
  return `${total} blocking findings (${counts.map(([s, n]) => `${n} ${s}`).join(", ")})`;
}
