// The one YAML mistake authors (and their tools) commonly make in story front matter, read the
// way they meant it: a second ": " in a top-level value (`title: Story 1.2: Login`, or two
// lines a sync tool joined, `last_sync: 2025-10-19T18:19:57Zgithub: https://...`). YAML reads
// the second ": " as a nested key and rejects the whole block ("Nested mappings are not allowed
// in compact mappings"), which would set the story aside. Quoting such a value gives the text
// the author wrote; the caller reparses the block and warns at each line it quoted. Anything
// else that is wrong stays an error.

export interface QuotedValue {
  /** 1-based line within the lines given. */
  line: number;
  key: string;
  value: string;
}

/** `key: value` at the top level (no indent), the value plain: not quoted, no flow or block collection, anchor, alias or tag. */
const TOP_LEVEL_PLAIN_RE = /^([A-Za-z_][\w-]*):[ \t]+([^\s"'[{|>&*!#%@`].*)$/;

/**
 * The lines with each top-level plain value that holds ": " (or ends with ":") double-quoted, and
 * what was quoted; null when no line is such a value. A value continued on indented lines is
 * left alone (quoting its first line would cut it).
 */
export function quoteColonValues(lines: readonly string[]): { lines: string[]; quoted: QuotedValue[] } | null {
  const out = [...lines];
  const quoted: QuotedValue[] = [];
  lines.forEach((line, i) => {
    const m = TOP_LEVEL_PLAIN_RE.exec(line);
    if (!m) return;
    // ` #` starts a comment, in a plain value as anywhere.
    const value = m[2]!.replace(/[ \t]#.*$/, "").trimEnd();
    if (!value.includes(": ") && !value.endsWith(":")) return;
    const next = lines[i + 1];
    if (next !== undefined && /^[ \t]+\S/.test(next)) return;
    // JSON's string syntax is YAML's double-quoted scalar.
    out[i] = `${m[1]!}: ${JSON.stringify(value)}`;
    quoted.push({ line: i + 1, key: m[1]!, value });
  });
  return quoted.length > 0 ? { lines: out, quoted } : null;
}
