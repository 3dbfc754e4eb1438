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

const PATTERNS: Record<Technology, RegExp[]> = {
  python: [/\bpython\d?(?:\.\d+)?\b/i, /[\w-]\.py\b/, /\brequirements(?:-\w+)?\.txt\b/, /\bpyproject\.toml\b/],
  django: [/\bdjango\b/i],
  fastapi: [/\bfastapi\b/i],
  flask: [/\bflask\b/i],
  pytest: [/\bpytest\b/i],
  // Never the bare word: only Go as a language name in context, golang, go.mod, *.go, go tooling.
  go: [
    /\bgolang\b/i,
    /\bgo\.(?:mod|sum)\b/,
    /[\w-]\.go\b(?!\w)/,
    /\bgo (?:test|build|run|mod|get|vet|fmt|install|generate)\b/,
    /\bGo (?:\d+\.\d+|module|modules|code|service|services|backend|binary|binaries|package|packages|project|developer|developers|program|programs|library|libraries|version|toolchain|routine|routines|struct|structs|interface|interfaces|handler|handlers|server|CLI|API)\b/,
    /\b(?:in|using|with|written in|rewrite in|port to) Go\b(?![\w-])/,
    /\bgoroutines?\b/i,
  ],
  rust: [/\bRust\b/, /\bCargo\.toml\b/, /\bcargo (?:build|test|run)\b/, /[\w-]\.rs\b/],
  java: [/\bjava\b(?!script)/i, /\bspring boot\b/i, /\bmaven\b/i, /\bgradle\b/i],
  kotlin: [/\bkotlin\b/i],
  swift: [/\bswift(?:ui)?\b/i],
  react: [/\bReact\b/, /\breact-dom\b/, /\breact(?:js|\.js)\b/i, /[\w-]\.(?:jsx|tsx)\b/, /\buse(?:State|Effect)\b/],
  nextjs: [/\bnext\.?js\b/i, /\bnext\.config\.(?:js|mjs|ts)\b/],
  vue: [/\bvue(?:\.?js)?\b/i, /[\w-]\.vue\b/],
  svelte: [/\bsvelte(?:kit)?\b/i],
  angular: [/\bangular\b/i],
  typescript: [/\btypescript\b/i, /\btsconfig(?:\.\w+)?\.json\b/, /[\w-]\.tsx?\b/],
  javascript: [/\bjavascript\b/i, /\bES6\b/, /\b(?!next\.|node\.|vue\.)[\w-]+\.m?jsx?\b/i],
  node: [/\bnode\.?js\b/i, /\bNode (?:\d+|LTS)\b/, /\bpackage\.json\b/, /\bnpm (?:install|run|test|i)\b/],
  html: [/\bhtml5?\b/i],
  css: [/\bcss3?\b/i, /[\w-]\.s?css\b/],
  tailwind: [/\btailwind(?:css)?\b/i],
  figma: [/\bfigma\b/i],
  docs: [/\bdocumentation\b/i, /\bdocs\b/i, /\bREADME\b/],
};

/**
 * Lower-case substrings one of which every pattern of a technology needs to match: a story
 * mentions a few technologies, so most patterns are never run. An empty list: always run. (A pattern match implies its
 * needle in the lower-cased text; `/i` without `u` never matches non-ASCII to ASCII.)
 */
const NEEDLES: Record<Technology, readonly string[]> = {
  python: ["python", ".py", "requirements", "pyproject"],
  django: ["django"],
  fastapi: ["fastapi"],
  flask: ["flask"],
  pytest: ["pytest"],
  go: ["golang", "go.", ".go", "go ", " go", "goroutine"],
  rust: ["rust", "cargo", ".rs"],
  java: ["java", "spring boot", "maven", "gradle"],
  kotlin: ["kotlin"],
  swift: ["swift"],
  react: ["react", ".jsx", ".tsx", "usestate", "useeffect"],
  nextjs: ["next"],
  vue: ["vue"],
  svelte: ["svelte"],
  angular: ["angular"],
  typescript: ["typescript", "tsconfig", ".ts"],
  javascript: ["javascript", "es6", ".js", ".mjs"],
  node: ["node", "package.json", "npm "],
  html: ["html"],
  css: ["css"],
  tailwind: ["tailwind"],
  figma: ["figma"],
  // No needles: "docs" is inside "docstring", so as a needle it hits all through prose; the
  // three patterns are cheaper run directly.
  docs: [],
};

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const ALL_NEEDLES = [...new Set(Object.values(NEEDLES).flat())];
/** Any needle: one scan of the text finds every needle position (see needlesIn). */
const NEEDLE_RE = new RegExp(ALL_NEEDLES.map(escapeRe).join("|"), "g");
const NEEDLES_BY_FIRST = new Map<string, string[]>();
for (const n of ALL_NEEDLES) {
  const list = NEEDLES_BY_FIRST.get(n[0]!);
  if (list) list.push(n);
  else NEEDLES_BY_FIRST.set(n[0]!, [n]);
}

/** Every needle that occurs in `lower` (overlapping occurrences included). */
function needlesIn(lower: string): Set<string> {
  const found = new Set<string>();
  const re = NEEDLE_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(lower)) !== null) {
    const at = m.index;
    for (const n of NEEDLES_BY_FIRST.get(lower[at]!) ?? []) if (lower.startsWith(n, at)) found.add(n);
    // Resume one character on, not after the match: needles may overlap (".js" in ".json").
    re.lastIndex = at + 1;
  }
  return found;
}

/** Lower-cased technology words found in `text`, in TECHNOLOGIES order. */
export function detectTechnologies(text: string): Technology[] {
  const found = needlesIn(text.toLowerCase());
  return TECHNOLOGIES.filter(
    (t) => (NEEDLES[t].length === 0 || NEEDLES[t].some((n) => found.has(n))) && PATTERNS[t].some((re) => re.test(text)),
  );
}
