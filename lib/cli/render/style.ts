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

/** Cuts `s` to `width` characters, marking the cut with an ellipsis. */
export function truncate(s: string, width: number): string {
  const chars = [...s];
  return chars.length <= width ? s : `${chars.slice(0, Math.max(0, width - 1)).join("")}…`;
}

/** Lays out rows as left-aligned columns separated by two spaces; `paint` styles a padded cell. */
export function table(rows: readonly (readonly string[])[], paint?: (row: number, col: number, cell: string) => string): string[] {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
  return rows.map((r, ri) =>
    r
      .map((c, ci) => {
        const padded = ci === r.length - 1 ? c : c + " ".repeat((widths[ci] ?? 0) - [...c].length);
        return paint ? paint(ri, ci, padded) : padded;
      })
      .join("  ")
      .trimEnd(),
  );
}
