// TOML front matter (`+++` … `+++`, as Hugo and some task files write it):
//   id = "02"
//   status = "Done"
//   dependencies = "02,11" # why
//   tags = ["a", "b"]
// Story files use it for flat `key = value` lines only, so that is what is read: basic and
// literal strings, single-line arrays of them, and bare scalars (numbers, booleans, dates) kept
// as the text written, like the YAML side's failsafe schema. Anything else (tables, multi-line
// values) is an error naming its line rather than a guess; no TOML library is a dependency.

/** `+++` then only spaces or tabs up to the end of the first line. */
export const TOML_FRONT_MATTER_START_RE = /^\+\+\+[ \t]*\r?\n/;

export interface TomlSplit {
  data: Record<string, string | string[]>;
  /** The block's lines (between the delimiters), for key line numbers. */
  lines: string[];
  /** The text after the closing delimiter line. */
  content: string;
}

/** A TOML line that cannot be read, with its 1-based line number in the file. */
export class TomlFrontMatterError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

const KEY_RE = /^([A-Za-z0-9_-]+|"[^"]*")\s*=\s*/;

/** Reads one value at the start of `text`; returns it and the rest of the text. */
function readValue(text: string, line: number): { value: string | string[]; rest: string } {
  if (text.startsWith('"')) {
    const m = /^"((?:[^"\\]|\\.)*)"/.exec(text);
    if (!m) throw new TomlFrontMatterError(`unterminated string`, line);
    return { value: m[1]!.replace(/\\(["\\])/g, "$1").replace(/\\n/g, "\n").replace(/\\t/g, "\t"), rest: text.slice(m[0].length) };
  }
  if (text.startsWith("'")) {
    const end = text.indexOf("'", 1);
    if (end === -1) throw new TomlFrontMatterError(`unterminated string`, line);
    return { value: text.slice(1, end), rest: text.slice(end + 1) };
  }
  if (text.startsWith("[")) {
    const items: string[] = [];
    let rest = text.slice(1).trimStart();
    while (!rest.startsWith("]")) {
      if (rest === "") throw new TomlFrontMatterError(`an array must close on its own line (multi-line arrays are not read)`, line);
      const item = readValue(rest, line);
      if (Array.isArray(item.value)) throw new TomlFrontMatterError(`nested arrays are not read`, line);
      items.push(item.value);
      rest = item.rest.trimStart();
      if (rest.startsWith(",")) rest = rest.slice(1).trimStart();
      else if (!rest.startsWith("]")) throw new TomlFrontMatterError(`expected "," or "]" in the array`, line);
    }
    return { value: items, rest: rest.slice(1) };
  }
  const m = /^[^\s#,\]]+/.exec(text);
  if (!m) throw new TomlFrontMatterError(`expected a value after "="`, line);
  return { value: m[0], rest: text.slice(m[0].length) };
}

/**
 * Splits a text that matches TOML_FRONT_MATTER_START_RE into its data and body. Returns null
 * when the block is never closed; throws TomlFrontMatterError for a line it cannot read.
 */
export function splitTomlFrontMatter(text: string): TomlSplit | null {
  const all = text.replace(/\r\n?/g, "\n").split("\n");
  const close = all.findIndex((l, i) => i > 0 && /^\+\+\+[ \t]*$/.test(l));
  if (close === -1) return null;
  const lines = all.slice(1, close);
  const data: Record<string, string | string[]> = {};
  lines.forEach((raw, i) => {
    const line = i + 2;
    const l = raw.trim();
    if (l === "" || l.startsWith("#")) return;
    const key = KEY_RE.exec(l);
    if (!key) throw new TomlFrontMatterError(`expected \`key = value\` (tables and dotted keys are not read in front matter)`, line);
    const { value, rest } = readValue(l.slice(key[0].length), line);
    const tail = rest.trim();
    if (tail !== "" && !tail.startsWith("#")) throw new TomlFrontMatterError(`unexpected text after the value: ${tail.slice(0, 30)}`, line);
    data[key[1]!.replace(/^"|"$/g, "")] = value;
  });
  return { data, lines, content: all.slice(close + 1).join("\n") };
}
