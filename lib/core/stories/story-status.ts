// A story's status as its author wrote it in the body, and what that status means to the engine.
// Where authors write it: a `## Status` section (BMAD v4), a `Status: X` line under the title
// (BMAD v6), a `**Status:** X` bullet in a metadata list, a `## Status: ✅ COMPLETED` heading, or
// a `| **Status** | done |` row of a story-info table; in Chinese too (`**状态**: ✅ 完成`,
// `| 状态 | Backlog |`). Front matter `status:` is read by parse-story.ts and
// wins over all of these.
//
// Not the story's status: a `Status:` line in a section about something else (`## Code Review`
// → `- **Status**: Approved after fixes`, `## Test Strategy` → `**Status**: PASSED`), a
// `- **Sprint**: 11` bullet of a Status section, and a chain of statuses
// (`Status: Draft → InProgress → Ready for Review → Done`), which is either the workflow's legend
// or a history: another statement decides, and only without one is the chain read as a history
// (its last state).
import type { StoryStatus } from "../model.js";
import { memoize } from "../memoize.js";
import { labelValue, plainText, unlink, withoutParens, type ScannedLines } from "./markdown.js";

// ---- what a status means ----

const STATUS_RULES: [RegExp, StoryStatus][] = [
  // "Ready for Dev" is BMAD's ready-for-dev: written, not started ("dev" alone is in progress).
  [/\b(not started|not yet started|not done|incomplete|todo|to do|backlog|not implemented|ready for dev|ready-for-dev|ready for development)\b/, "Not Started"],
  [/\b(skipped|cancell?ed|won ?t do|wont ?fix|wontfix|obsolete)\b/, "Skipped"],
  // "Partially complete" is not complete.
  [/\b(partial|partially)\b/, "In Progress"],
  // Dutch as Definitie-app writes it (GEREED, IN_UITVOERING); ccpm writes closed/completed.
  [/\b(done|complete|completed|implemented|merged|closed|finished|qa approved|qa passed|gereed|voltooid|afgerond)\b/, "Done"],
  [/\bblocked\b/, "Blocked"],
  [/\b(in progress|inprogress|in-progress|wip|dev|in development|doing|in uitvoering)\b/, "In Progress"],
  [/\b(review|in review|ready for review|qa)\b/, "Ready for Review"],
];

// Chinese status words (DailyUse writes `**状态**: ✅ 完成`, `⚠️ 待开始`). 未完成 is "not complete".
const CJK_RULES: [RegExp, StoryStatus][] = [
  [/未完成|未开始|未開始|待开始|待開始|待处理|待處理|待办|待辦/, "Not Started"],
  [/已取消|取消/, "Skipped"],
  [/阻塞|受阻/, "Blocked"],
  [/进行中|進行中|开发中|開發中/, "In Progress"],
  [/待审核|待審核|审核中|審核中|待评审|评审中/, "Ready for Review"],
  [/完成|已合并|已合併|已关闭|已關閉/, "Done"],
];

/** The arrows of `Draft → InProgress → Done` (the states are trimmed after the split). */
const ARROW_RE = /→|⟶|➔|➜|⇒|->|=>/;

function statesOf(raw: string): string[] {
  if (!ARROW_RE.test(raw)) return [raw];
  return raw
    .split(ARROW_RE)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Whether a status value lists several states (a workflow legend or a history), not one. */
export function isStatusChain(raw: string): boolean {
  return statesOf(raw).length > 1;
}

/** The engine's status for a status word in `raw`, or null when it holds none. */
export function statusWord(raw: string): StoryStatus | null {
  const states = statesOf(raw);
  // A history (`ready-for-dev → in-progress → review`) is where it ended.
  const last = states[states.length - 1] ?? raw;
  const s = withoutParens(last)
    .toLowerCase()
    .replace(/[^a-z0-9' -]+/g, " ")
    .replace(/'/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  for (const [re, status] of STATUS_RULES) if (re.test(s)) return status;
  if (/[\u3400-\u9fff]/.test(last)) for (const [re, status] of CJK_RULES) if (re.test(last)) return status;
  return null;
}

/** Maps what authors write to the engine's lifecycle. BMAD "Approved" = approved for development. */
export function normalizeStatus(raw: string): StoryStatus {
  return statusWord(raw) ?? "Not Started";
}

// ---- where it is written ----

/** The label in the languages authors write it in (a heading key or a label, lower-cased). */
const LABEL_SRC = "(?:status|statut|estado|stato|状态|狀態)";
const STATUS_KEY_RE = new RegExp(`^${LABEL_SRC}$`, "i");
/**
 * `- **Status:** Done` up to its ":" (labelValue reads the value); a full-width "：" too. The
 * Chinese label not as a bullet: `- 状态: 日程列表、...` lists what a store's state holds.
 */
const STATUS_LABEL_RE = new RegExp(`^\\s*(?:(?:[-*]\\s+)?\\**(?:status|statut|estado|stato)\\**|\\**(?:状态|狀態)\\**)\\s*[:：]`, "i");
/** `## Status: ✅ COMPLETED`, `## Status - Done` (a heading's plain text). */
const STATUS_HEADING_RE = new RegExp(`^${LABEL_SRC}\\s*[:：\\-–—]\\s*(\\S.*)$`, "i");
/** `| **Status** | done |`: a table row whose first cell is the label. */
// No two `\\s*` with only optional tokens between them: on a long run of spaces that fails to
// match, each would share the run out with the other (quadratic).
const STATUS_ROW_RE = new RegExp(`^\\s*\\|\\s*(?:\\*+\\s*)?${LABEL_SRC}(?:\\s*\\*+)?\\s*(?:[:：]\\s*)?\\|([^|]*)\\|`, "i");
/** A table's separator row (`|---|:---:|`). */
const TABLE_SEPARATOR_RE = /^\s*(?:\|\s*)?:?-{2,}/;
/** `- **Sprint**: 11` in a Status section: some other field, no status. */
const OTHER_LABEL_RE = /^(?:[-*+]\s+\**|\*\*)([^*:：]{1,40}?)\**\s*[:：]/;

/**
 * Sections about something other than the story, whose `Status:` lines are that thing's (a code
 * review's verdict, a test run's result, a change log's transition). Matched on heading keys.
 */
const ASIDE_SECTION_RE =
  /\b(?:reviews?|validation|verification|tests?|testing|qa|results?|record|change ?log|history|findings|outcome|retrospective)\b|审查|评审|测试|验证|记录|历史/;

const cleanStatus: (text: string) => string = memoize(
  (text) =>
    plainText(unlink(text))
      .replace(/^status\s*:\s*/i, "")
      .replace(/^[-–—:\s]+/, "")
      .trim(),
  10_000,
);

export interface StatusStatement {
  raw: string;
  /** 1-based file line. */
  line: number;
}

interface OpenHeading {
  level: number;
  aside: boolean;
}

/**
 * The story's status statement in its body (`offset`: file lines before the body), the first one
 * that is not a chain of states; else the first chain; else null.
 */
export function findStatus(scan: ScannedLines, offset: number): StatusStatement | null {
  const { fenced, headings, count } = scan;
  const mayHaveCjkLabel = scan.text.includes("状态") || scan.text.includes("狀態");
  const open: OpenHeading[] = [];
  let aside = false;
  let inStatusSection = false;
  let seenHeading = false;
  let chain: StatusStatement | null = null;
  // A chain is kept in case nothing else is said; anything else is the answer.
  const take = (raw: string, i: number): StatusStatement | null => {
    const found = { raw, line: offset + i + 1 };
    if (!isStatusChain(raw)) return found;
    chain ??= found;
    return null;
  };
  for (let i = 0; i < count; i++) {
    if (fenced[i]) continue;
    const h = headings[i];
    if (h) {
      while (open.length > 0 && open[open.length - 1]!.level >= h.level) open.pop();
      // The title (the first heading, or any level-1 one) names the story, whatever its words.
      open.push({ level: h.level, aside: seenHeading && h.level > 1 && ASIDE_SECTION_RE.test(h.key) });
      seenHeading = true;
      aside = open.some((o) => o.aside);
      inStatusSection = !aside && STATUS_KEY_RE.test(h.key);
      if (!aside && !inStatusSection) {
        // A heading is more often a title than a field: its value must hold a status word.
        const m = STATUS_HEADING_RE.exec(plainText(h.text));
        const raw = m ? cleanStatus(m[1]!) : "";
        const found = raw !== "" && statusWord(raw) !== null ? take(raw, i) : null;
        if (found) return found;
      }
      continue;
    }
    if (aside) continue;
    if (inStatusSection) {
      const trimmed = scan.line(i).trim();
      if (trimmed === "" || /^[-*_]{3,}$/.test(trimmed)) continue;
      // `- **General Status**: Done` is the value; `- **Sprint**: 11` is another field.
      const label = OTHER_LABEL_RE.exec(trimmed);
      if (label && !/status|statut|estado|stato|状态|狀態/i.test(label[1]!)) continue;
      const raw = cleanStatus(trimmed);
      if (raw === "") continue;
      // The section's first line is its value; what follows is prose.
      inStatusSection = false;
      const found = take(raw, i);
      if (found) return found;
      continue;
    }
    const first = scan.firstNonSpace(i);
    if (first === 124 /* | */) {
      const found = tableRowStatus(scan, i);
      if (found !== null) {
        const f = take(found, i);
        if (f) return f;
      }
      continue;
    }
    if (!scan.startsWithLabel(i, "stat") && !scan.startsWithLabel(i, "estado") && !mayHaveCjkLabel) continue;
    const value = labelValue(scan.line(i), STATUS_LABEL_RE);
    if (value !== null) {
      const raw = cleanStatus(value);
      const found = raw !== "" ? take(raw, i) : null;
      if (found) return found;
    }
  }
  return chain;
}

/**
 * The value of a `| **Status** | done |` row, when it is one: not a table's header row (a
 * `| Status | Item |` column list), and a status word in the cell (`| Status | Active/Inactive
 * badge |` describes a field of the product).
 */
function tableRowStatus(scan: ScannedLines, i: number): string | null {
  const m = STATUS_ROW_RE.exec(scan.line(i));
  if (!m) return null;
  if (i + 1 < scan.count && TABLE_SEPARATOR_RE.test(scan.line(i + 1))) return null;
  const raw = cleanStatus(m[1]!);
  return raw !== "" && statusWord(raw) !== null ? raw : null;
}
