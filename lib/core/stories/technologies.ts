// Technology words in a story's text, lower-cased, for agent choice (DESIGN.md "Plan":
// detection from the story text). Each word has its own evidence patterns because the plain
// word is often English: "go" the verb, "react to", "node" of a graph, "rust" on metal.

/** Every word `detectTechnologies` can return. */
export const TECHNOLOGIES = [
  "python",
  "django",
  "fastapi",
  "flask",
  "pytest",
  "go",
  "rust",
  "java",
  "kotlin",
  "swift",
  "react",
  "nextjs",
  "vue",
  "svelte",
  "angular",
  "typescript",
  "javascript",
  "node",
  "html",
  "css",
  "tailwind",
  "figma",
  "docs",
] as const;
export type Technology = (typeof TECHNOLOGIES)[number];

/**
 * A technology's evidence: patterns, each after the needle words it needs (any one of them;
 * space-separated). Needles let most patterns never run (a story mentions a few technologies);
 * they are found for all patterns in one scan of the text (needlesIn). A needle is lower-case and
 * found case-insensitively at the start of a word (`\b`): "python" is also in "Python3". A leading
 * "." asks for a "." right before the word (".py": "app.py"); a trailing "$" for the whole word
 * ("go$": "go test", not "good"). Each pattern needs one of its needles: it starts its match
 * with `\b` and the word, or has `\.` and the extension. Case-insensitive finding is enough
 * because `/i` without `u` never matches non-ASCII to ASCII.
 */
const EVIDENCE: Record<Technology, readonly (readonly [needles: string, pattern: RegExp])[]> = {
  python: [
    ["python", /\bpython\d?(?:\.\d+)?\b/i],
    [".py", /[\w-]\.py\b/],
    ["requirements", /\brequirements(?:-\w+)?\.txt\b/],
    ["pyproject", /\bpyproject\.toml\b/],
  ],
  django: [["django", /\bdjango\b/i]],
  fastapi: [["fastapi", /\bfastapi\b/i]],
  flask: [["flask", /\bflask\b/i]],
  pytest: [["pytest", /\bpytest\b/i]],
  // Never the bare word: only Go as a language name in context, golang, go.mod, *.go, go tooling.
  go: [
    ["golang", /\bgolang\b/i],
    ["go$", /\bgo\.(?:mod|sum)\b/],
    [".go$", /[\w-]\.go\b(?!\w)/],
    ["go$", /\bgo (?:test|build|run|mod|get|vet|fmt|install|generate)\b/],
    [
      "go$",
      /\bGo (?:\d+\.\d+|module|modules|code|service|services|backend|binary|binaries|package|packages|project|developer|developers|program|programs|library|libraries|version|toolchain|routine|routines|struct|structs|interface|interfaces|handler|handlers|server|CLI|API)\b/,
    ],
    ["go$", /\b(?:in|using|with|written in|rewrite in|port to) Go\b(?![\w-])/],
    ["goroutine", /\bgoroutines?\b/i],
  ],
  rust: [
    ["rust", /\bRust\b/],
    ["cargo", /\bCargo\.toml\b/],
    ["cargo", /\bcargo (?:build|test|run)\b/],
    [".rs", /[\w-]\.rs\b/],
  ],
  java: [
    ["java", /\bjava\b(?!script)/i],
    ["spring", /\bspring boot\b/i],
    ["maven", /\bmaven\b/i],
    ["gradle", /\bgradle\b/i],
  ],
  kotlin: [["kotlin", /\bkotlin\b/i]],
  swift: [["swift", /\bswift(?:ui)?\b/i]],
  react: [
    ["react", /\bReact\b/],
    ["react", /\breact-dom\b/],
    ["react", /\breact(?:js|\.js)\b/i],
    [".jsx .tsx", /[\w-]\.(?:jsx|tsx)\b/],
    ["usestate useeffect", /\buse(?:State|Effect)\b/],
  ],
  nextjs: [
    ["next", /\bnext\.?js\b/i],
    ["next", /\bnext\.config\.(?:js|mjs|ts)\b/],
  ],
  vue: [
    ["vue", /\bvue(?:\.?js)?\b/i],
    [".vue", /[\w-]\.vue\b/],
  ],
  svelte: [["svelte", /\bsvelte(?:kit)?\b/i]],
  angular: [["angular", /\bangular\b/i]],
  typescript: [
    ["typescript", /\btypescript\b/i],
    ["tsconfig", /\btsconfig(?:\.\w+)?\.json\b/],
    [".ts", /[\w-]\.tsx?\b/],
  ],
  javascript: [
    ["javascript", /\bjavascript\b/i],
    ["es6", /\bES6\b/],
    // `\b(?!next\.|node\.|vue\.)[\w-]+\.m?jsx?\b`, read from the ".": that regex scanned from
    // every word start of a long `a-a-a-…` run to its end (quadratic); the look-behind reads each
    // run once, back from the "." after it.
    [".js .mjs", /\.(?<=\b(?!next\.|node\.|vue\.)[\w-]+\.)m?jsx?\b/i],
  ],
  node: [
    ["node", /\bnode\.?js\b/i],
    ["node", /\bNode (?:\d+|LTS)\b/],
    ["package", /\bpackage\.json\b/],
    ["npm$", /\bnpm (?:install|run|test|i)\b/],
  ],
  html: [["html", /\bhtml5?\b/i]],
  css: [
    ["css", /\bcss3?\b/i],
    [".css .scss", /[\w-]\.s?css\b/],
  ],
  tailwind: [["tailwind", /\btailwind(?:css)?\b/i]],
  figma: [["figma", /\bfigma\b/i]],
  docs: [
    ["documentation", /\bdocumentation\b/i],
    ["docs$", /\bdocs\b/i],
    ["readme", /\bREADME\b/],
  ],
};

interface Needle {
  /** Lower-case, without the "." and "$" marks. */
  word: string;
  afterDot: boolean;
  wholeWord: boolean;
  /** Index in the `found` flags of needlesIn. */
  index: number;
}

/** Every distinct needle, by its spelling in EVIDENCE. */
const NEEDLES = new Map<string, Needle>();
/** Every needle, by the char code of its first letter (lower-case). */
const NEEDLES_BY_FIRST = new Map<number, Needle[]>();
interface Evidence {
  /** Indexes into the `found` flags of needlesIn. */
  needles: number[];
  pattern: RegExp;
}

/** EVIDENCE in TECHNOLOGIES order, needles as indexes; `needles`: all of the technology's. */
const BY_TECHNOLOGY: { technology: Technology; needles: number[]; evidence: Evidence[] }[] = [];

for (const t of TECHNOLOGIES) {
  const evidence: Evidence[] = [];
  for (const [spellings, pattern] of EVIDENCE[t]) {
    const needles: number[] = [];
    for (const spec of spellings.split(" ")) {
      let needle = NEEDLES.get(spec);
      if (!needle) {
        const afterDot = spec.startsWith(".");
        const wholeWord = spec.endsWith("$");
        const word = spec.slice(afterDot ? 1 : 0, wholeWord ? -1 : undefined);
        // needlesIn finds a hit's start by walking back over word characters.
        if (!/^[a-z][a-z0-9]*$/.test(word)) throw new Error(`technology needle ${spec}: letters and digits only`);
        needle = { word, afterDot, wholeWord, index: NEEDLES.size };
        NEEDLES.set(spec, needle);
        const list = NEEDLES_BY_FIRST.get(word.charCodeAt(0)) ?? [];
        list.push(needle);
        NEEDLES_BY_FIRST.set(word.charCodeAt(0), list);
      }
      needles.push(needle.index);
    }
    evidence.push({ needles, pattern });
  }
  BY_TECHNOLOGY.push({ technology: t, needles: [...new Set(evidence.flatMap((e) => e.needles))], evidence });
}

/**
 * Any needle's word at a word start, in one scan of the text (a needle's "." is checked after a
 * hit: in the regex it would make a second branch for every position, twice as slow).
 */
const NEEDLE_RE = new RegExp(
  String.raw`\b(?:${[...new Set([...NEEDLES.values()].map((n) => n.word + (n.wholeWord ? String.raw`\b` : "")))].join("|")})`,
  "gi",
);

/** `\w`: ASCII letters, digits and "_". */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** Whether `n` is at `at` (a word start) in `text`, letters compared case-insensitively. */
function needleAt(text: string, at: number, n: Needle): boolean {
  const { word } = n;
  // (Every read stays inside the text: reading past either end would deoptimise this.)
  if (n.afterDot && (at === 0 || text.charCodeAt(at - 1) !== 46)) return false;
  if (at + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++) {
    const c = text.charCodeAt(at + k);
    const w = word.charCodeAt(k);
    // `| 0x20` lower-cases an ASCII capital; it maps no other character onto a letter.
    if (c !== w && !(w >= 97 && w <= 122 && (c | 0x20) === w)) return false;
  }
  const after = at + word.length;
  return !n.wholeWord || after === text.length || !isWordChar(text.charCodeAt(after));
}

/** Flags by needle index: which needles occur in `text`; null when none does. */
function needlesIn(text: string): Uint8Array | null {
  let found: Uint8Array | null = null;
  const re = NEEDLE_RE;
  re.lastIndex = 0;
  // test() rather than exec(): no match object per hit. A hit lies inside one word (needles are
  // word characters), so its word start is found by walking back; every needle that starts
  // there is checked, not only the one the regex took ("javascript" as well as "java").
  while (re.test(text)) {
    let at = re.lastIndex - 1;
    while (at > 0 && isWordChar(text.charCodeAt(at - 1))) at--;
    for (const n of NEEDLES_BY_FIRST.get(text.charCodeAt(at) | 0x20) ?? []) {
      if (needleAt(text, at, n)) (found ??= new Uint8Array(NEEDLES.size))[n.index] = 1;
    }
  }
  return found;
}

function anyFound(found: Uint8Array, needles: readonly number[]): boolean {
  for (const n of needles) if (found[n] === 1) return true;
  return false;
}

/** Lower-cased technology words found in `text`, in TECHNOLOGIES order. */
export function detectTechnologies(text: string): Technology[] {
  const out: Technology[] = [];
  const found = needlesIn(text);
  if (found === null) return out;
  for (const { technology, needles, evidence } of BY_TECHNOLOGY) {
    if (!anyFound(found, needles)) continue;
    for (const e of evidence) {
      if (anyFound(found, e.needles) && e.pattern.test(text)) {
        out.push(technology);
        break;
      }
    }
  }
  return out;
}
