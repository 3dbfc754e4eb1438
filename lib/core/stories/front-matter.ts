// Splits a story file into its front matter block and body with gray-matter, using the `yaml`
// package (failsafe schema) as its YAML engine instead of gray-matter's bundled js-yaml.
// gray-matter is required lazily: most story folders have no front matter, and loading it (with
// js-yaml) costs every verb ~30 ms of start-up; esbuild's CommonJS wrapper only evaluates the
// module on the first call. The YAML is parsed with a bound on nesting (../yaml-depth.ts): a
// deeply nested block must be an invalid-front-matter diagnostic, not a crashed process.
import { createRequire } from "node:module";
import { parseBounded } from "../yaml-depth.js";

/** `---` then only spaces or tabs up to the end of the first line. */
export const FRONT_MATTER_START_RE = /^---[ \t]*\r?\n/;

export interface FrontMatterSplit {
  /** The raw block: from just after the opening `---` to the closing delimiter. */
  matter: string;
  /** Parsed block (failsafe schema: every scalar a string); `{}` for an empty block. */
  data: unknown;
  /** The text after the closing delimiter line. */
  content: string;
}

type GrayMatter = (input: string, options: { engines: { yaml: (s: string) => object } }) => {
  matter: string;
  data: unknown;
  content: string;
};

let grayMatter: GrayMatter | undefined;
const localRequire = createRequire(import.meta.url);

// The failsafe schema keeps `id: 1.10` as "1.10" (not the number 1.1) and `[013]` as "013".
// gray-matter hands CRLF files' blocks over with a "\r" left on each line, which the failsafe
// schema would keep in every value ("1.3\r"): line ends are normalised first (line count kept).
const engines = {
  yaml: (s: string): object => (parseBounded(s.replace(/\r\n?/g, "\n"), { schema: "failsafe" }) ?? {}) as object,
};

/**
 * Whether a text that matches FRONT_MATTER_START_RE has a closing line, as gray-matter finds it
 * (the first "\n---" after the opening one). With none, gray-matter takes the whole file as
 * front matter, and a `# Story 1.2: Title` below it would be a YAML comment.
 */
export function frontMatterClosed(text: string): boolean {
  return text.indexOf("\n---", 3) !== -1;
}

/**
 * For a text that matches FRONT_MATTER_START_RE. Throws what the YAML parser throws
 * (YAMLParseError for invalid YAML); the caller turns it into a diagnostic.
 */
export function splitFrontMatter(text: string): FrontMatterSplit {
  grayMatter ??= localRequire("gray-matter") as GrayMatter;
  const { matter, data, content } = grayMatter(text, { engines });
  return { matter, data: data ?? {}, content };
}
