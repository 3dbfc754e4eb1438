// `review ID --verdict ...`: records one reviewer's verdict on one exact commit (the story's
// current head unless `reviewedSha` says otherwise; a review of any other commit is kept but can
// never unlock a merge). When every configured reviewer approved the head: Approved. A change
// request (or an approval with blocking findings) sends the story back; one more round than
// `maxFixRounds` fails it.
import { diag, err, ok, type Diag, type Result } from "../core/diagnostics.js";
import { evaluateReviews, short } from "../core/gate/merge-gate.js";
import type { Finding, StoryState, Verdict } from "../core/state/schemas.js";
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

export interface ReviewInput {
  verdict: Verdict;
  findings: Finding[];
  reviewer: string;
  reviewedSha?: string;
}

export interface ReviewResult {
  id: string;
  status: string;
  reviewedSha: string;
  approvedBy: string[];
  /** Configured reviewers whose approval of the head is still missing. */
  missing: string[];
  blocked?: string[];
}

export async function recordReview(root: string, id: string, input: ReviewInput, clock: Clock = systemClock): Promise<Result<ReviewResult, Diag[]>> {
  const { config, errors } = await loadConfig(root);
  if (errors.length) return err(errors);
  return withStateLock(root, async () => {
    const found = await stateOf(root, id);
    if (!found.ok) return found;
    const st = found.value;
    if (st.status !== "Ready for Review" && st.status !== "Approved") {
      return err([diag("illegal-transition", `story ${st.storyId}: cannot record a review while "${st.status}" (submit it first)`)]);
    }
    const head = await revParse(root, `refs/heads/${st.branch ?? storyBranch(st.storyId)}`);
    if (!head) return err([diag("git-error", `story ${st.storyId}: its branch does not exist; run \`story-orchestrator resume\``)]);
    let sha = head;
    if (input.reviewedSha !== undefined) {
      const full = await revParse(root, input.reviewedSha);
      if (!full) return err([diag("git-error", `story ${st.storyId}: reviewed commit ${input.reviewedSha} does not exist`)]);
      sha = full;
    }
    const at = clock.now().toISOString();
    const review = { reviewer: input.reviewer, verdict: input.verdict, sha, findings: input.findings, at };
    let next: StoryState = { ...st, reviews: [...st.reviews, review], lastUpdate: at, headSha: head };
    const ev = evaluateReviews(next.reviews, head, config.reviewers, config.blockingSeverities);
    let blocked: string[] | undefined;
    if (sha === head && ev.changesRequested.includes(input.reviewer)) {
      const round = st.fixRounds + 1;
      if (round > config.maxFixRounds) {
        const t = transition(next, "fail", at, `review asked for changes ${round} times (maxFixRounds ${config.maxFixRounds})`);
        if (!t.ok) return t;
        next = { ...t.value, fixRounds: round, reason: `review asked for changes ${round} times (maxFixRounds ${config.maxFixRounds})` };
      } else {
        const t = transition(next, "request-changes", at, `${input.reviewer} on ${short(sha)}`);
        if (!t.ok) return t;
        next = { ...t.value, fixRounds: round };
      }
    } else if (ev.missing.length === 0) {
      if (next.status !== "Approved") {
        const t = transition(next, "approve", at, `head ${short(head)}`);
        if (!t.ok) return t;
        next = t.value;
      }
    }
    await writeStoryState(root, next);
    await appendJournal(root, { at, event: "review", storyId: st.storyId, data: { reviewer: input.reviewer, verdict: input.verdict, sha, findings: input.findings.length, status: next.status } });
    if (next.status === "Failed") {
      const ctx = await loadRunContext(root);
      if (ctx.ok) blocked = await blockDependents(root, ctx.value, st.storyId, at);
    }
    const o = await updateOrchestration(root, at, null);
    if (!o.ok) return o;
    return ok({
      id: st.storyId,
      status: next.status,
      reviewedSha: sha,
      approvedBy: ev.approvedBy,
      missing: ev.missing.map((m) => m.reviewer),
      ...(blocked ? { blocked } : {}),
    });
  });
}
