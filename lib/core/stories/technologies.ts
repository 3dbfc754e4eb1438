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

/** Lower-cased technology words found in `text`, in TECHNOLOGIES order. */
export function detectTechnologies(text: string): Technology[] {
  return TECHNOLOGIES.filter((t) => PATTERNS[t].some((re) => re.test(text)));
}
