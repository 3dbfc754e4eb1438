// A fix round: review (or a merge attempt) asked for changes on the submitted head, and the
// developer works in the same worktree until it has new commits. The next submit must bring a
// head different from the one changes were requested on, or the story would go back to review
// unchanged and loop there.
import type { StoryState } from "./schemas.js";

/**
 * The head commit changes were requested on, while `state` is in a fix round (Changes Requested,
 * or In Progress entered by `rework`); null otherwise (a first submission, or a retried story).
 */
export function changesRequestedHead(state: StoryState): string | null {
  if (state.status === "Changes Requested") return state.headSha;
  if (state.status !== "In Progress") return null;
  // Every status change appends to history, so the last entry is the one that entered In Progress.
  const last = state.history[state.history.length - 1];
  return last?.event === "rework" ? state.headSha : null;
}

/** One finding as the developer reads it: `- [HIGH] src/a.ts:12 - message`. */
export function findingLine(f: { severity: string; file?: string | undefined; line?: number | undefined; message: string }): string {
  return `- [${f.severity}] ${f.file ? `${f.file}${f.line ? `:${f.line}` : ""} - ` : ""}${f.message}`;
}

/**
 * What a fix round must address, from the state alone (so `start` can hand it over whatever
 * order Claude Code delivered the reviewer's notification and the Stop hook's reminder in):
 * every change request on the head changes were requested on, then the engine's own reason
 * (a merge conflict, a failing verify) when it sent the story back.
 */
export function fixRoundFindings(state: StoryState): string[] {
  const lines = state.reviews.filter((r) => r.verdict === "changes-requested" && r.sha === state.headSha).flatMap((r) => r.findings.map(findingLine));
  if (state.reason) lines.push(`- ${state.reason}`);
  return lines;
}
