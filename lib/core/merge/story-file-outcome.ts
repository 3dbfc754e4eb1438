// The review outcome the engine writes into the story file at merge time (DESIGN.md "The review
// gate, binding": it is committed on the story branch, so it merges with the code). Idempotent:
// a second merge attempt replaces the section between the markers instead of adding another.
import { SEVERITIES, type Severity } from "../config/vocabulary.js";
import type { Review } from "../state/schemas.js";

export const REVIEW_BEGIN = "<!-- story-orchestrator:review -->";
export const REVIEW_END = "<!-- /story-orchestrator:review -->";
/** Subject line of the engine's bookkeeping commit; `resume` and the gate recognise it. */
export const engineCommitSubject = (storyId: string): string => `Story ${storyId}: review outcome, status Done [story-orchestrator]`;

export interface OutcomeInput {
  storyId: string;
  reviewedSha: string;
  /** The latest review of `reviewedSha` by each configured reviewer. */
  reviews: readonly Review[];
}

function countBySeverity(r: Review): string {
  if (r.findings.length === 0) return "none";
  const counts = SEVERITIES.map((s: Severity) => [s, r.findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  return counts.map(([s, n]) => `${n} ${s}`).join(", ");
}

export function renderReviewSection(input: OutcomeInput): string {
  const rows = [...input.reviews]
    .sort((a, b) => a.reviewer.localeCompare(b.reviewer))
    .map((r) => `| ${r.reviewer} | ${r.verdict === "approved" ? "APPROVED" : "CHANGES REQUESTED"} | ${countBySeverity(r)} |`);
  return [
    REVIEW_BEGIN,
    "## Review",
    "",
    `Reviewed commit: \`${input.reviewedSha}\``,
    "",
    "| Reviewer | Verdict | Findings |",
    "|---|---|---|",
    ...rows,
    REVIEW_END,
  ].join("\n");
}

const FM_STATUS = /^(status\s*:\s*).*$/i;
// `**Status:** Draft`, `Status: Draft`, `- **Status**: Draft`
const INLINE_STATUS = /^(\s*(?:[-*]\s+)?\*{0,2}Status\*{0,2}\s*:\s*\*{0,2}\s*)(\S.*?)\s*$/i;
const STATUS_HEADING = /^#{2,4}\s+Status\s*$/i;

/** Sets the story's status to Done, in whichever form the file states it. */
export function setStatusDone(text: string): string {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(/\r?\n/);
  // Front matter first: it is what the parser reads first.
  if (lines[0] === "---") {
    const end = lines.indexOf("---", 1);
    for (let i = 1; i < end; i++) {
      if (FM_STATUS.test(lines[i]!)) {
        lines[i] = lines[i]!.replace(FM_STATUS, "$1Done");
        return lines.join(eol);
      }
    }
  }
  for (let i = 0; i < lines.length; i++) {
    const m = INLINE_STATUS.exec(lines[i]!);
    if (m) {
      lines[i] = `${m[1]}Done`;
      return lines.join(eol);
    }
    if (STATUS_HEADING.test(lines[i]!)) {
      let j = i + 1;
      while (j < lines.length && lines[j]!.trim() === "") j++;
      if (j < lines.length && !lines[j]!.startsWith("#")) lines[j] = "Done";
      else lines.splice(i + 1, 0, "", "Done");
      return lines.join(eol);
    }
  }
  // No status anywhere: add one under the first heading (or at the top).
  const h = lines.findIndex((l) => /^#\s/.test(l));
  lines.splice(h >= 0 ? h + 1 : 0, 0, ...(h >= 0 ? ["", "**Status:** Done"] : ["**Status:** Done", ""]));
  return lines.join(eol);
}

/** The whole story-file change made at merge time: status Done and the review section. */
export function applyMergeOutcome(text: string, input: OutcomeInput): string {
  const withStatus = setStatusDone(text);
  const section = renderReviewSection(input);
  const begin = withStatus.indexOf(REVIEW_BEGIN);
  const end = withStatus.indexOf(REVIEW_END);
  if (begin >= 0 && end > begin) {
    return withStatus.slice(0, begin) + section + withStatus.slice(end + REVIEW_END.length);
  }
  const trimmed = withStatus.replace(/\s*$/, "");
  return `${trimmed}\n\n${section}\n`;
}
