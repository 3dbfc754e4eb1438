// Small line-level markdown helpers shared by the story parsers. Story files are scanned line by
// line (never with a full markdown parser): that is fast, keeps 1-based line numbers exact, and
// is all the structure authors reliably give us.
import { memoize } from "../memoize.js";

/** Story id as written in prose: `1.1`, `1.11b`, `5.1A`, `19a.2`, `13`. */
export const ID_SRC = String.raw`\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)*(?![A-Za-z0-9])`;
/** A dotted id only (`1.2`, not `3`): bare numbers in prose are too often not story ids. */
export const DOTTED_ID_SRC = String.raw`\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)+(?![A-Za-z0-9])`;

const EMOJI_RE = /\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|\u{20E3}/gu;
/**
 * A character plainText might change besides trimming: non-ASCII (emoji, Unicode spaces),
 * emphasis/code markers, ASCII whitespace other than a space, or two spaces in a row.
 * Without one, plainText is just trim() (the fast path for the bulk of story prose).
 */
const PLAIN_WORK_RE = /[^\x20-\x7e]|[*_`]| {2}/;
const MARKERS_RE = /[*_`]/;

/** Removes emoji and emphasis/code markers, collapses spaces: `**Done** ✅` → `Done`. */
export function plainText(text: string): string {
  if (!PLAIN_WORK_RE.test(text)) return text.trim();
  let s = text;
  // Every emoji is non-ASCII, so ASCII-only text skips the Unicode-property scan.
  if (/[\u0080-\uffff]/.test(s)) s = s.replace(EMOJI_RE, "");
  if (MARKERS_RE.test(s)) {
    s = s.replace(/\*\*|__|`/g, "").replace(/(^|\s)[*_]+|[*_]+(?=\s|$|[:.,;])/g, "$1");
  }
  return s.replace(/\s+/g, " ").trim();
}

/** Replaces `[text](url)` links with their text. */
export function unlink(text: string): string {
  if (!text.includes("](")) return text;
  return text.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
}

/** Drops parenthesised commentary, nested included: `1.1 (needs (x) 2.3)` → `1.1 `. */
export function withoutParens(text: string): string {
  if (!text.includes("(") && !text.includes(")")) return text;
  let out = "";
  let depth = 0;
  for (const ch of text) {
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out;
}

export interface Heading {
  level: number;
  /** Heading text as written (without the `#`s). */
  text: string;
}

const HEADING_RE = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;

export function parseHeading(line: string): Heading | null {
  // Cheap necessary condition first: up to three spaces, then "#".
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  if (line.charCodeAt(i) !== 35) return null;
  const m = HEADING_RE.exec(line);
  return m ? { level: m[1]!.length, text: m[2]! } : null;
}

/**
 * Heading or bold pseudo-heading text reduced to a comparable key:
 * `### 📚 Dependencies:` / `**Blocked By:**` / `### Blocks (Cannot start ...)` → `dependencies` / `blocked by` / `blocks`.
 * Memoised: headings repeat across a project's stories ("Status", "Acceptance Criteria").
 */
export const headingKey: (text: string) => string = memoize(computeHeadingKey, 10_000);

function computeHeadingKey(text: string): string {
  return plainText(withoutParens(text))
    .replace(/^\d+(\.\d+)*[.)]?\s+/, "")
    .replace(/[:\s]+$/, "")
    .toLowerCase();
}

/** A line that is only a bold label: `**Dependencies:**`, `**Blocks**:`, `**Acceptance Criteria:**`. */
export function boldLabel(line: string): string | null {
  if (!line.includes("**")) return null;
  const m = /^\s*(?:[-*+]\s+)?\*\*([^*]+?)\*\*\s*:?\s*$/.exec(line);
  return m ? m[1]! : null;
}

/** Tracks fenced code blocks (``` and ~~~, any indent) so their lines can be ignored. */
export class FenceTracker {
  private fence: string | null = null;

  /** Feeds one line; true when the line is part of a fence (the fence lines included). */
  inFence(line: string): boolean {
    // A fence line has three backticks or tildes in a row: most lines are out with includes().
    const m = line.includes("```") || line.includes("~~~") ? /^\s*(`{3,}|~{3,})/.exec(line) : null;
    if (this.fence === null) {
      if (m) {
        this.fence = m[1]!;
        return true;
      }
      return false;
    }
    if (m && m[1]![0] === this.fence[0] && m[1]!.length >= this.fence.length && /^\s*[`~]+\s*$/.test(line)) {
      this.fence = null;
    }
    return true;
  }
}

export const BULLET_RE = /^(\s*)(?:[-*+]|\d+[.)])\s+/;

/**
 * What every pass over a story body needs per line, computed once per file: whether the line
 * is part of a fenced code block, and its heading (null inside a fence).
 */
export interface ScannedLines {
  lines: readonly string[];
  fenced: readonly boolean[];
  headings: readonly (Heading | null)[];
  /** `lines.join("\n")` when the caller had it already (saves building it again). */
  text?: string;
}

/** `text`, when given, must be exactly `lines.join("\n")`. */
export function scanLines(lines: readonly string[], text?: string): ScannedLines {
  const fence = new FenceTracker();
  const fenced = new Array<boolean>(lines.length);
  const headings = new Array<Heading | null>(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const f = fence.inFence(line);
    fenced[i] = f;
    headings[i] = f ? null : parseHeading(line);
  }
  const scanned: ScannedLines = { lines, fenced, headings };
  if (text !== undefined) scanned.text = text;
  return scanned;
}
