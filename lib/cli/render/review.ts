// The human output of `review`: what the verdict did to the story, then the next step. After a
// change request it says who asked for changes on which commit and names the fix round's steps,
// never "approved by nobody yet", which reads as though no reviewer had looked.
import type { ReviewResult } from "../../engine/review.js";
import { short } from "../../core/gate/merge-gate.js";
import { command, fixRoundSteps, storyAdvice } from "../../core/advice/story-advice.js";

export function renderReview(v: ReviewResult): string {
  const sha = short(v.reviewedSha);
  const round = `fix round ${v.fixRounds} of ${v.maxFixRounds}`;
  const lines: string[] = [];
  let next: string;
  switch (v.status) {
    case "Changes Requested":
      lines.push(`${v.id}: Changes Requested: ${v.changesRequestedBy.join(", ")} requested changes on ${sha} (${round})`);
      next = `fix round: ${fixRoundSteps(v.id, v.worktree)}`;
      break;
    case "In Progress":
      // A verdict that came in after the fix round began: recorded for the developer.
      lines.push(`${v.id}: In Progress (${round}: ${v.changesRequestedBy.join(", ")} requested changes on ${sha})`);
      next = fixRoundSteps(v.id, v.worktree, true);
      break;
    case "Failed":
      lines.push(`${v.id}: Failed (review asked for changes ${v.fixRounds} times; maxFixRounds ${v.maxFixRounds})${v.blocked?.length ? `; blocked: ${v.blocked.join(", ")}` : ""}`);
      next = storyAdvice({ id: v.id, status: "Failed" });
      break;
    case "Approved":
      lines.push(`${v.id}: Approved (${sha}; approved by ${v.approvedBy.join(", ")})`);
      next = `merge it: ${command("merge", v.id)}`;
      break;
    default:
      lines.push(`${v.id}: ${v.status} (${sha}; approved by ${v.approvedBy.join(", ") || "nobody yet"}${v.missing.length ? `; missing: ${v.missing.join(", ")}` : ""})`);
      next = storyAdvice({ id: v.id, status: "Ready for Review", missingReviewers: v.missing });
  }
  if (v.note) lines.push(`note: ${v.note}`);
  lines.push(`Next: ${next}`);
  return lines.join("\n") + "\n";
}
