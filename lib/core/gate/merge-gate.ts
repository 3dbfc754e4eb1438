// Where a merge is refused for want of review (DESIGN.md "The review gate, binding"): a story may
// merge only when every configured reviewer approved the EXACT commit being merged without
// blocking findings, and none of them asked for changes on that commit (a change request is
// final for its commit). A commit made after an approval needs a new review.
// The one exception is the engine's own bookkeeping commit (status Done + review section, made
// at merge time on top of the approved head and touching only the story file): it is checked
// by the caller and passed in as `engineCommit`, and the gate then looks at its parent.
import { diag, err, ok, type Diag, type Result } from "../diagnostics.js";
import type { Severity } from "../config/vocabulary.js";
import type { Review } from "../state/schemas.js";

export interface ReviewEvaluation {
  /** The commit the reviews must cover. */
  sha: string;
  approvedBy: string[];
  /** Reviewer → why their approval of `sha` is missing. */
  missing: { reviewer: string; reason: string }[];
  /** Reviewers who asked for changes on `sha` (or approved it with blocking findings). */
  changesRequested: string[];
}

export const short = (sha: string): string => sha.slice(0, 10);

export function blockingFindings(review: Review, blocking: readonly Severity[]): number {
  return review.findings.filter((f) => blocking.includes(f.severity)).length;
}

/** Does this review ask for changes (a change request, or an approval with blocking findings)? */
export function rejects(review: Review, blocking: readonly Severity[]): boolean {
  return review.verdict !== "approved" || blockingFindings(review, blocking) > 0;
}

/**
 * Each configured reviewer's review of `sha` decides, and a change request on `sha` is final: no
 * later review of the same commit, by that reviewer or another, makes it approved (`changesRequested`
 * keeps the reviewer, and `approvedBy` cannot be complete); only a new commit (a fix round) gets a
 * new review. Otherwise a reviewer could be asked again until it says yes, and the gate would pass
 * a commit it had rejected. Reviews of other commits do not count.
 */
export function evaluateReviews(
  reviews: readonly Review[],
  sha: string,
  reviewers: readonly string[],
  blocking: readonly Severity[],
): ReviewEvaluation {
  const out: ReviewEvaluation = { sha, approvedBy: [], missing: [], changesRequested: [] };
  for (const reviewer of [...reviewers].sort()) {
    const mine = reviews.filter((r) => r.reviewer === reviewer);
    const ofSha = mine.filter((r) => r.sha === sha);
    if (ofSha.length === 0) {
      const other = mine[mine.length - 1];
      out.missing.push({
        reviewer,
        reason: other ? `last reviewed ${short(other.sha)}, not ${short(sha)}` : `no review of ${short(sha)}`,
      });
      continue;
    }
    // The first rejection of `sha` stays the answer, whatever came after it.
    const rejection = ofSha.find((r) => rejects(r, blocking));
    if (!rejection) {
      out.approvedBy.push(reviewer);
    } else {
      const blockers = blockingFindings(rejection, blocking);
      out.changesRequested.push(reviewer);
      out.missing.push({
        reviewer,
        reason: rejection.verdict === "approved" ? `approved ${short(sha)} with ${blockers} blocking finding(s)` : `requested changes on ${short(sha)}`,
      });
    }
  }
  return out;
}

export interface MergeGateInput {
  storyId: string;
  /** The story branch tip: what would be merged. */
  headSha: string;
  reviews: readonly Review[];
  reviewers: readonly string[];
  blockingSeverities: readonly Severity[];
  /** Set when the tip is the engine's bookkeeping commit (verified by the caller). */
  engineCommit?: { sha: string; parent: string } | null;
  /** The head `submit` recorded; when absent, reviews of other commits only (none of the tip) say the branch moved. */
  recordedSha?: string | null;
}

/** ok(the approved SHA) or `review-required` naming every missing approval. */
export function checkMergeGate(input: MergeGateInput): Result<string, Diag[]> {
  const sha = input.engineCommit && input.engineCommit.sha === input.headSha ? input.engineCommit.parent : input.headSha;
  const ev = evaluateReviews(input.reviews, sha, input.reviewers, input.blockingSeverities);
  if (ev.missing.length === 0) return ok(sha);
  const parts = ev.missing.map((m) => `${m.reviewer} (${m.reason})`).join("; ");
  // A commit made after the submission (or after the approval) is not under review yet: say how
  // it gets there, or the user waits for reviewers that were never asked.
  const moved = input.recordedSha != null ? input.recordedSha !== sha : input.reviews.length > 0 && !input.reviews.some((r) => r.sha === sha);
  const step = moved ? `; the branch moved past the submitted commit: run \`story-orchestrator submit ${input.storyId}\`, then review again` : "";
  return err([diag("review-required", `story ${input.storyId}: head ${short(sha)} needs an approval from: ${parts}${step}`)]);
}
