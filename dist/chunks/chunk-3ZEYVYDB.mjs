import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  diag,
  err,
  ok
} from "./chunk-EFR3LY5V.mjs";

// lib/core/gate/merge-gate.ts
var short = (sha) => sha.slice(0, 10);
function blockingFindings(review, blocking) {
  return review.findings.filter((f) => blocking.includes(f.severity)).length;
}
function rejects(review, blocking) {
  return review.verdict !== "approved" || blockingFindings(review, blocking) > 0;
}
function evaluateReviews(reviews, sha, reviewers, blocking) {
  const out = { sha, approvedBy: [], missing: [], changesRequested: [] };
  for (const reviewer of [...reviewers].sort()) {
    const mine = reviews.filter((r) => r.reviewer === reviewer);
    const ofSha = mine.filter((r) => r.sha === sha);
    if (ofSha.length === 0) {
      const other = mine[mine.length - 1];
      out.missing.push({
        reviewer,
        reason: other ? `last reviewed ${short(other.sha)}, not ${short(sha)}` : `no review of ${short(sha)}`
      });
      continue;
    }
    const rejection = ofSha.find((r) => rejects(r, blocking));
    if (!rejection) {
      out.approvedBy.push(reviewer);
    } else {
      const blockers = blockingFindings(rejection, blocking);
      out.changesRequested.push(reviewer);
      out.missing.push({
        reviewer,
        reason: rejection.verdict === "approved" ? `approved ${short(sha)} with ${blockers} blocking finding(s)` : `requested changes on ${short(sha)}`
      });
    }
  }
  return out;
}
function checkMergeGate(input) {
  const sha = input.engineCommit && input.engineCommit.sha === input.headSha ? input.engineCommit.parent : input.headSha;
  const ev = evaluateReviews(input.reviews, sha, input.reviewers, input.blockingSeverities);
  if (ev.missing.length === 0) return ok(sha);
  const parts = ev.missing.map((m) => `${m.reviewer} (${m.reason})`).join("; ");
  const moved = input.recordedSha != null ? input.recordedSha !== sha : input.reviews.length > 0 && !input.reviews.some((r) => r.sha === sha);
  const step = moved ? `; the branch moved past the submitted commit: run \`story-orchestrator submit ${input.storyId}\`, then review again` : "";
  return err([diag("review-required", `story ${input.storyId}: head ${short(sha)} needs an approval from: ${parts}${step}`)]);
}

export {
  short,
  blockingFindings,
  rejects,
  evaluateReviews,
  checkMergeGate
};
