// Small line-level markdown helpers shared by the story parsers. Story files are scanned line by
// line (never with a full markdown parser): that is fast, keeps 1-based line numbers exact, and
// is all the structure authors reliably give us.
import { memoize } from "../memoize.js";

// Story id as written in prose: `1.1`, `1.11b`, `5.1A`, `19a.2`, `13`, `UGM-1.1`, `US-021`; and
// a dotted id only (`1.2`, not `3`): bare numbers in prose are too often not story ids. One
// definition, the id grammar's (ids.ts).
export { ID_TOKEN_SRC as ID_SRC, DOTTED_ID_TOKEN_SRC as DOTTED_ID_SRC } from "../ids.js";

const EMOJI_RE = /\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|\u{20E3}/gu;
/**
 * A character plainText might change besides trimming: non-ASCII (emoji, Unicode spaces),
 * emphasis/code markers, ASCII whitespace other than a space, or two spaces in a row.
 * Without one, plainText is just trim() (the fast path for the bulk of story prose).
 */
const PLAIN_WORK_RE = /[^ -)+-^a-~]| {2}/; // = [^\x20-\x7e]|[*_`]| {2} (one class: faster)
const MARKERS_RE = /[*_`]/;
/** Whitespace that is not one space: what the final `\s+` → " " changes. */
const SPACING_RE = /[^\S ]| {2}/;

/**
 * A run of `*` / `_` after whitespace or at the start, or before whitespace, the end or `:.,;`.
 * The second branch starts only where a run starts (`(?<![*_])`): without the look-behind a run
 * that fails was tried again from each of its markers (`*_*_…*_a`: quadratic). Same matches:
 * what follows the run decides, the same from any of its markers.
 */
const SINGLE_MARKERS_RE = /(^|\s)[*_]+|(?<![*_])[*_]+(?=\s|$|[:.,;])/g;

/** Removes emoji and emphasis/code markers, collapses spaces: `**Done** ✅` → `Done`. */
export function plainText(text: string): string {
  if (!PLAIN_WORK_RE.test(text)) return text.trim();
  let s = text;
  // Every emoji is non-ASCII, so ASCII-only text skips the Unicode-property scan.
  if (/[\u0080-\uffff]/.test(s)) s = s.replace(EMOJI_RE, "");
  if (MARKERS_RE.test(s)) {
    s = s.replace(/\*\*|__|`/g, "");
    // Only single markers are left to remove: usually none (`**Dependencies**:`).
    if (/[*_]/.test(s)) s = s.replace(SINGLE_MARKERS_RE, "$1");
  }
  if (SPACING_RE.test(s)) s = s.replace(/\s+/g, " ");
  return s.trim();
}

/**
 * Replaces `[text](url)` links with their text: what `text.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")`
 * gives, read by hand. The regex is quadratic: from every "[" of `[[[[…](` it scans to the "]"
 * and on to the end for a ")". Here a "[" is a link when the first "]" after it is followed by
 * "(" and a ")" comes later; every "[" before the same "]" shares that answer, found once.
 */
export function unlink(text: string): string {
  if (!text.includes("](")) return text;
  let out = "";
  let copied = 0; // text before this offset is in `out` already
  let close = -1; // the first "]" after `open`
  for (let open = text.indexOf("["); open >= 0; ) {
    if (close <= open) close = text.indexOf("]", open + 1);
    if (close < 0) break; // no "]" after this "[", so none after any later one
    if (text.charCodeAt(close + 1) !== 40) {
      open = text.indexOf("[", open + 1); // "](" is not there: no link from this "["
      continue;
    }
    const end = text.indexOf(")", close + 2);
    if (end < 0) break; // no ")" after this "](", so none after any later one
    out += text.slice(copied, open) + text.slice(open + 1, close);
    copied = end + 1;
    open = text.indexOf("[", copied);
  }
  return copied === 0 ? text : out + text.slice(copied);
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
  /** headingKey(text), found once here: every pass over the body compares headings by key. */
  key: string;
}

/** Whether `c` is a character `\s` matches. */
export function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** A line terminator: a character `.` does not match. */
export const LINE_TERMINATOR_RE = /[\n\r\u2028\u2029]/;
/**
 * Whether `text` has a line terminator that can be inside a line ("\n" ends one). indexOf, not
 * a regex: it finds "\r" at memchr speed, and answers at once for "\u2028" and "\u2029" in a text
 * of one-byte characters (most story files).
 */
function hasInLineTerminator(text: string): boolean {
  return text.includes("\r") || text.includes("\u2028") || text.includes("\u2029");
}

/**
 * An ATX heading, read as `^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$` reads it (level = the number of
 * `#`s, text = group 2), by hand: the lazy group makes the regex try the closing pattern after
 * every character of the text. The text is what precedes the longest `\s*#*\s*` suffix.
 * `mayHaveTerminator`: false when the caller knows the line has no "\r", "\u2028" or "\u2029".
 */
export function parseHeading(line: string, mayHaveTerminator = true): Heading | null {
  // Every read stays inside the line: reading past the end (NaN) would deoptimise the callers.
  const n = line.length;
  let i = 0;
  while (i < 3 && i < n && line.charCodeAt(i) === 32) i++;
  const hashes = i;
  while (i < n && line.charCodeAt(i) === 35) i++;
  const level = i - hashes;
  if (level === 0 || level > 6 || i === n || !isSpace(line.charCodeAt(i))) return null;
  while (i < n && isSpace(line.charCodeAt(i))) i++;
  let end = n;
  while (end > i && isSpace(line.charCodeAt(end - 1))) end--;
  while (end > i && line.charCodeAt(end - 1) === 35) end--;
  while (end > i && isSpace(line.charCodeAt(end - 1))) end--;
  const text = line.slice(i, end);
  if (mayHaveTerminator && LINE_TERMINATOR_RE.test(text)) return null;
  // A title (level 1) is its story's own: memoising its key would only crowd out the others.
  return { level, text, key: level === 1 ? computeHeadingKey(text) : headingKey(text) };
}

/** A set of ASCII characters for ScannedLines.leadingCharIn (index = char code). */
export type CharSet = Uint8Array;

/** The characters in `chars`, plus the ASCII characters `\s` matches. */
export function leadingChars(chars: string): CharSet {
  const set = new Uint8Array(128);
  for (const ch of chars + " \t\n\v\f\r") set[ch.charCodeAt(0)] = 1;
  return set;
}

/**
 * Heading or bold pseudo-heading text reduced to a comparable key:
 * `### 📚 Dependencies:` / `**Blocked By:**` / `### Blocks (Cannot start ...)` → `dependencies` / `blocked by` / `blocks`.
 * Memoised: headings repeat across a project's stories ("Status", "Acceptance Criteria").
 */
export const headingKey: (text: string) => string = memoize(computeHeadingKey, 10_000);

/**
 * `[:\s]+$`, tried only where a run of colons and spaces starts: unanchored, it was tried again
 * from every character of a run that does not end the text (`a::::…:x`: quadratic).
 */
const TRAILING_COLONS_RE = /(?<![:\s])[:\s]+$/;

function computeHeadingKey(text: string): string {
  return plainText(withoutParens(text))
    .replace(/^\d+(\.\d+)*[.)]?\s+/, "")
    .replace(TRAILING_COLONS_RE, "")
    .toLowerCase();
}

/** A line that is only a bold label: `**Dependencies:**`, `**Blocks**:`, `**Acceptance Criteria:**`. */
export function boldLabel(line: string): string | null {
  if (!line.includes("**")) return null;
  // `\s*(?::\s*)?` is `\s*:?\s*` without two `\s*` in a row to share out a run of spaces
  // before a failing end (quadratic on `**a**` + spaces + `x`).
  const m = /^\s*(?:[-*+]\s+)?\*\*([^*]+?)\*\*\s*(?::\s*)?$/.exec(line);
  return m ? m[1]! : null;
}

/**
 * The value of a `- **Status:** Done` line: what `(.+)` captures in `<label>\s*\**\s*(.+)$`, or
 * null where that does not match. `label`: an anchored regex for the line up to its ":" that can
 * end at one ":" only (a word between markers). Read by hand: on a value with a line terminator
 * after a run of spaces, the regex tried every way of sharing the spaces out (cubic).
 */
export function labelValue(line: string, label: RegExp): string | null {
  const m = label.exec(line);
  if (!m) return null;
  const colon = m.index + m[0].length;
  const n = line.length;
  let k = colon;
  while (k < n && isSpace(line.charCodeAt(k))) k++;
  while (k < n && line.charCodeAt(k) === 42) k++;
  while (k < n && isSpace(line.charCodeAt(k))) k++;
  if (k < n) {
    // `.` matches no line terminator, and giving characters back only makes the value longer.
    const value = line.slice(k);
    return LINE_TERMINATOR_RE.test(value) ? null : value;
  }
  // Nothing left: the regex gives the last space or "*" back to `(.+)`, unless it is a terminator.
  return k > colon && !LINE_TERMINATOR_RE.test(line[n - 1]!) ? line.slice(n - 1) : null;
}

export const BULLET_RE = /^(\s*)(?:[-*+]|\d+[.)])\s+/;

/**
 * A story body's lines, found once per file, with what every pass over them needs: which lines
 * are part of a fenced code block, and the headings (null inside a fence). No string is made per
 * line: most lines are only looked at (a character or two, on the body text, which is fast),
 * and a pass takes out with line(i) the few it runs a regex on.
 */
export class ScannedLines {
  /** Whether each line is part of a fenced code block (the fence lines included). */
  readonly fenced: readonly boolean[];
  /** Each line's heading; null for any other line and inside a fence. */
  readonly headings: readonly (Heading | null)[];
  /**
   * Whether a line may hold a line terminator ("\r", "\u2028", "\u2029"), which a line regex's
   * `.` does not match: false for most bodies, so hand-written readers skip that check.
   */
  readonly terminatorsInLines: boolean;

  /** `bounds`: the start and end offset in `text` of each line, in turn. */
  constructor(
    readonly text: string,
    private readonly bounds: readonly number[],
  ) {
    this.terminatorsInLines = hasInLineTerminator(text);
    const found = findBlocks(this);
    this.fenced = found.fenced;
    this.headings = found.headings;
  }

  get count(): number {
    return this.bounds.length >> 1;
  }

  /** Offset in `text` where line i starts. */
  start(i: number): number {
    return this.bounds[2 * i]!;
  }

  /** Offset in `text` just past line i's last character. */
  end(i: number): number {
    return this.bounds[2 * i + 1]!;
  }

  line(i: number): string {
    return this.text.slice(this.bounds[2 * i], this.bounds[2 * i + 1]);
  }

  /**
   * A pre-check for a line regex anchored as `^\s*X`, where X must begin with a character of
   * `set` (made by leadingChars): false when line i cannot match because its first character is
   * ASCII, not whitespace and not in the set. A non-ASCII first character may be a Unicode space,
   * so it passes; an empty line does not. Most lines are turned down without running the regex.
   */
  leadingCharIn(i: number, set: CharSet): boolean {
    const start = this.bounds[2 * i]!;
    if (start === this.bounds[2 * i + 1]) return false;
    const c = this.text.charCodeAt(start);
    return c < 128 ? set[c] === 1 : true;
  }

  /**
   * Whether line i, without trailing whitespace, an optional ":" and whitespace again, ends with
   * "**": what every bold-label pattern (`**Tasks:**`, `**Blocks**:`) needs at its end.
   */
  endsBold(i: number): boolean {
    const start = this.bounds[2 * i]!;
    let k = this.bounds[2 * i + 1]!;
    while (k > start && isSpace(this.text.charCodeAt(k - 1))) k--;
    if (k > start && this.text.charCodeAt(k - 1) === 58) k--;
    while (k > start && isSpace(this.text.charCodeAt(k - 1))) k--;
    return k - start >= 2 && this.text.charCodeAt(k - 1) === 42 && this.text.charCodeAt(k - 2) === 42;
  }

  /**
   * Whether line i starts like `^\s*(?:[-*]\s+)?\**<word>` (`word` lower-case, matched without
   * case): what a `- **Status:** Done` pattern needs before its own regex is worth running.
   */
  startsWithLabel(i: number, word: string): boolean {
    const { text } = this;
    const end = this.bounds[2 * i + 1]!;
    let k = this.bounds[2 * i]!;
    while (k < end && isSpace(text.charCodeAt(k))) k++;
    // A bullet only with whitespace after it (else its "*" is emphasis, taken by \**).
    if (k + 1 < end && (text.charCodeAt(k) === 45 || text.charCodeAt(k) === 42) && isSpace(text.charCodeAt(k + 1))) {
      k++;
      while (k < end && isSpace(text.charCodeAt(k))) k++;
    }
    while (k < end && text.charCodeAt(k) === 42) k++;
    if (end - k < word.length) return false;
    // `word` in lower case; a letter of the line in either case (`| 0x20`), any other character as it is.
    for (let j = 0; j < word.length; j++) {
      const c = text.charCodeAt(k + j);
      const w = word.charCodeAt(j);
      if (c !== w && (c | 0x20) !== w) return false;
    }
    return true;
  }

  /** The first character of line i that is not whitespace (as trim() sees it); -1: a blank line. */
  firstNonSpace(i: number): number {
    const end = this.bounds[2 * i + 1]!;
    for (let k = this.bounds[2 * i]!; k < end; k++) {
      const c = this.text.charCodeAt(k);
      if (!isSpace(c)) return c;
    }
    return -1;
  }
}

/**
 * The lines of a body as `split(/\r?\n/)` gives them (for a text without "\r", as
 * `split("\n")` does).
 */
export function scanBody(text: string): ScannedLines {
  let count = 1;
  for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", nl + 1)) count++;
  const bounds = new Array<number>(2 * count); // sized once: no growing copies
  let start = 0;
  for (let i = 0; i < count - 1; i++) {
    const nl = text.indexOf("\n", start);
    bounds[2 * i] = start;
    bounds[2 * i + 1] = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    start = nl + 1;
  }
  bounds[2 * count - 2] = start;
  bounds[2 * count - 1] = text.length;
  return new ScannedLines(text, bounds);
}

/** Lines already split (each one's text exactly as given). */
export function scanLines(lines: readonly string[]): ScannedLines {
  const bounds: number[] = [];
  let start = 0;
  for (const line of lines) {
    bounds.push(start, start + line.length);
    start += line.length + 1;
  }
  return new ScannedLines(lines.join("\n"), bounds);
}

const FENCE_START = leadingChars("`~");
const FENCE_RE = /^\s*(`{3,}|~{3,})/;
/** A heading line starts with up to three spaces, then "#". */
const HEADING_START = leadingChars("#");

/** Fenced code blocks (``` and ~~~, any indent) and headings, in one pass over the lines. */
function findBlocks(scan: ScannedLines): { fenced: boolean[]; headings: (Heading | null)[] } {
  const n = scan.count;
  const fenced = new Array<boolean>(n);
  const headings = new Array<Heading | null>(n);
  let fence: string | null = null; // the opening fence, inside a fenced block
  for (let i = 0; i < n; i++) {
    // A fence line starts (after whitespace) with three backticks or tildes, a heading (after
    // up to three spaces) with "#": most lines are neither, by their first character.
    const mayFence = scan.leadingCharIn(i, FENCE_START);
    const mayHead = scan.leadingCharIn(i, HEADING_START);
    const line = mayFence || mayHead ? scan.line(i) : "";
    const m = mayFence ? FENCE_RE.exec(line) : null;
    if (fence === null) {
      fenced[i] = m !== null;
      if (m) fence = m[1]!;
    } else {
      fenced[i] = true;
      if (m && m[1]![0] === fence[0] && m[1]!.length >= fence.length && /^\s*[`~]+\s*$/.test(line)) fence = null;
    }
    headings[i] = !fenced[i] && mayHead ? parseHeading(line, scan.terminatorsInLines) : null;
  }
  return { fenced, headings };
}
