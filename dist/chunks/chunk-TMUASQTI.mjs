import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  changesRequestedHead
} from "./chunk-Z2M337YQ.mjs";
import {
  blockDependents
} from "./chunk-PRYJMW64.mjs";
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
  revParse
} from "./chunk-KG5HAFNZ.mjs";
import {
  blockingFindings,
  evaluateReviews,
  rejects,
  short
} from "./chunk-3ZEYVYDB.mjs";
import {
  loadRunContext
} from "./chunk-EG7KQHPQ.mjs";
import {
  stateOf
} from "./chunk-RPVWIPJZ.mjs";
import {
  appendJournal,
  withStateLock,
  writeStoryState
} from "./chunk-A73OOLFP.mjs";
import {
  fixRoundSteps,
  storyAdvice
} from "./chunk-F5LBCNN2.mjs";
import {
  storyBranch
} from "./chunk-OLZJQYTV.mjs";
import {
  writeBackSprintStatus
} from "./chunk-ZP7QG5VT.mjs";
import {
  loadConfig
} from "./chunk-P7BITJDN.mjs";
import {
  diag,
  err,
  ok
} from "./chunk-EFR3LY5V.mjs";

// lib/engine/review.ts
function notReviewable(st) {
  if (st.status === "Ready for Review" || st.status === "Approved" || changesRequestedHead(st) !== null) return null;
  const why = st.status === "Failed" ? `it failed${st.reason ? ` (${st.reason})` : ""}` : st.status === "Done" ? "it is already merged" : "nothing is submitted for review";
  return diag("illegal-transition", `story ${st.storyId}: cannot record a review while "${st.status}": ${why}. Next: ${storyAdvice({ id: st.storyId, status: st.status, worktree: st.worktree })}`);
}
async function recordReview(root, id, input, clock = systemClock) {
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
    if (input.reviewedSha !== void 0) {
      const full = await revParse(root, input.reviewedSha);
      if (!full) return err([diag("git-error", `story ${st.storyId}: reviewed commit ${input.reviewedSha} does not exist`)]);
      sha = full;
    }
    const moved = head !== recorded && !(fixRound && input.reviewedSha !== void 0);
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
    let next = { ...st, reviews: [...st.reviews, review], lastUpdate: at };
    const ev = evaluateReviews(next.reviews, recorded, config.reviewers, config.blockingSeverities);
    const blockers = blockingFindings(review, config.blockingSeverities);
    const note = input.verdict === "approved" && blockers > 0 ? `approved verdict has ${blockerText(review.findings, config.blockingSeverities)}, which ${blockers === 1 ? "blocks" : "block"} (blockingSeverities: ${config.blockingSeverities.join(", ")})` : void 0;
    let blocked;
    if (fixRound) {
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
    const w = next.status !== st.status ? await writeBackSprintStatus(root, st.storyId, next.status) : null;
    return ok({
      ...w ? { warnings: [w] } : {},
      id: st.storyId,
      status: next.status,
      reviewedSha: sha,
      approvedBy: ev.approvedBy,
      missing: ev.missing.map((m) => m.reviewer),
      changesRequestedBy: ev.changesRequested,
      ...blocked ? { blocked } : {},
      ...note ? { note } : {},
      counted: !moot,
      fixRounds: next.fixRounds,
      maxFixRounds: config.maxFixRounds,
      worktree: next.worktree
    });
  });
}
function blockerText(findings, blocking) {
  const counts = blocking.map((s) => [s, findings.filter((f) => f.severity === s).length]).filter(([, n]) => n > 0);
  const total = counts.reduce((a, [, n]) => a + n, 0);
  if (counts.length === 1) return `${total} ${counts[0][0]} finding${total === 1 ? "" : "s"}`;
  return `${total} blocking findings (${counts.map(([s, n]) => `${n} ${s}`).join(", ")})`;
}

export {
  recordReview
};
