// Terminal styling for human output. Colour only when stdout is a terminal: piped output and
// files stay plain text, so tests and logs see exactly the words.
export interface Style {
  bold: (s: string) => string;
  dim: (s: string) => string;
  red: (s: string) => string;
  yellow: (s: string) => string;
  green: (s: string) => string;
  cyan: (s: string) => string;
}

const sgr = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
const plain = (s: string) => s;

export function style(tty: boolean): Style {
  if (!tty) return { bold: plain, dim: plain, red: plain, yellow: plain, green: plain, cyan: plain };
  return { bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), yellow: sgr(33, 39), green: sgr(32, 39), cyan: sgr(36, 39) };
}

/** Our own styles (sgr above): the only escape sequences human output may carry. */
const OWN_SGR = String.raw`\u001b\[(?:1|2|22|31|32|33|36|39)m`;
/** C0 and C1 controls but line feed and tab, and DEL: what a terminal may act on. */
const CONTROL = String.raw`[\u0000-\u0008\u000b-\u001f\u007f-\u009f]`;
const CONTROL_RE = new RegExp(CONTROL);
const UNSAFE_TTY_RE = new RegExp(`(${OWN_SGR})|${CONTROL}`, "g");
const UNSAFE_RE = new RegExp(CONTROL, "g");

/**
 * Human output with every control character from story text, file names or config shown as
 * U+FFFD: a title holding `ESC]0;...` or `ESC[2J` must not retitle or clear the user's
 * terminal. On a terminal our own colour codes are kept. (JSON output escapes them anyway.)
 */
export function printable(text: string, tty: boolean): string {
  if (!CONTROL_RE.test(text)) return text;
  return tty ? text.replace(UNSAFE_TTY_RE, (m, own: string | undefined) => own ?? "\uFFFD") : text.replace(UNSAFE_RE, "\uFFFD");
}

/** Any UTF-16 surrogate: only then do characters (code points) and string length differ. */
const SURROGATE_RE = /[\uD800-\uDFFF]/;

/**
 * How many characters (code points, as [...s] counts them) `s` has. Without surrogates that
 * is its length: a table of 10,000 plan rows then splits no cell into an array.
 */
function width(s: string): number {
  return SURROGATE_RE.test(s) ? [...s].length : s.length;
}

/** Cuts `s` to `width` characters, marking the cut with an ellipsis. */
export function truncate(s: string, max: number): string {
  if (!SURROGATE_RE.test(s)) return s.length <= max ? s : `${s.slice(0, Math.max(0, max - 1))}…`;
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, Math.max(0, max - 1)).join("")}…`;
}

/** Whatever String.prototype.trimEnd removes (white space and line terminators), at the end. */
const TRAILING_SPACE_RE = /\s$/;

/**
 * Lays out rows as left-aligned columns separated by two spaces; `paint` styles a padded cell.
 * Lines are concatenated, not joined from arrays: a 10,000-row plan makes no array per row.
 */
export function table(rows: readonly (readonly string[])[], paint?: (row: number, col: number, cell: string) => string): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, width(c))));
  const spaces: string[] = []; // padding strings by length, made once each
  const pad = (n: number): string => (spaces[n] ??= " ".repeat(n));
  return rows.map((r, ri) => {
    let line = "";
    let last = "";
    for (let ci = 0; ci < r.length; ci++) {
      const c = r[ci]!;
      const padded = ci === r.length - 1 ? c : c + pad((widths[ci] ?? 0) - width(c));
      last = paint ? paint(ri, ci, padded) : padded;
      line = ci === 0 ? last : line + "  " + last;
    }
    // Only a line whose last cell ends in space (or is empty) has anything to trim.
    return last === "" || TRAILING_SPACE_RE.test(last) ? line.trimEnd() : line;
  });
}
