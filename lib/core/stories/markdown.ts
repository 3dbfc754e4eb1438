// Small line-level markdown helpers shared by the story parsers. Story files are scanned line by
// line (never with a full markdown parser): that is fast, keeps 1-based line numbers exact, and
// is all the structure authors reliably give us.

/** Story id as written in prose: `1.1`, `1.11b`, `5.1A`, `19a.2`, `13`. */
export const ID_SRC = String.raw`\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)*(?![A-Za-z0-9])`;
/** A dotted id only (`1.2`, not `3`): bare numbers in prose are too often not story ids. */
export const DOTTED_ID_SRC = String.raw`\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)+(?![A-Za-z0-9])`;

const EMOJI_RE = /\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|\u{20E3}/gu;

/** Removes emoji and emphasis/code markers, collapses spaces: `**Done** ✅` → `Done`. */
export function plainText(text: string): string {
  return text
    .replace(EMOJI_RE, "")
    .replace(/\*\*|__|`/g, "")
    .replace(/(^|\s)[*_]+|[*_]+(?=\s|$|[:.,;])/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}

/** Replaces `[text](url)` links with their text. */
export function unlink(text: string): string {
  return text.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
}

/** Drops parenthesised commentary, nested included: `1.1 (needs (x) 2.3)` → `1.1 `. */
export function withoutParens(text: string): string {
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
  const m = HEADING_RE.exec(line);
  return m ? { level: m[1]!.length, text: m[2]! } : null;
}

/**
 * Heading or bold pseudo-heading text reduced to a comparable key:
 * `### 📚 Dependencies:` / `**Blocked By:**` / `### Blocks (Cannot start ...)` → `dependencies` / `blocked by` / `blocks`.
 */
export function headingKey(text: string): string {
  return plainText(withoutParens(text))
    .replace(/^\d+(\.\d+)*[.)]?\s+/, "")
    .replace(/[:\s]+$/, "")
    .toLowerCase();
}

/** A line that is only a bold label: `**Dependencies:**`, `**Blocks**:`, `**Acceptance Criteria:**`. */
export function boldLabel(line: string): string | null {
  const m = /^\s*(?:[-*+]\s+)?\*\*([^*]+?)\*\*\s*:?\s*$/.exec(line);
  return m ? m[1]! : null;
}

/** Tracks fenced code blocks (``` and ~~~, any indent) so their lines can be ignored. */
export class FenceTracker {
  private fence: string | null = null;

  /** Feeds one line; true when the line is part of a fence (the fence lines included). */
  inFence(line: string): boolean {
    const m = /^\s*(`{3,}|~{3,})/.exec(line);
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
