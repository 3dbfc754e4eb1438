// Which agent implements a story: front matter `agent:` > config `agents` rules (first match)
// > detection from technology hints and the title > general-developer. The reason is short
// and human, because `plan` shows it next to the agent.
import type { AgentRule } from "../config/schema.js";
import { AGENT_NAME_RE } from "../config/vocabulary.js";
import type { ParsedStory } from "../model.js";
import { compileScopePattern, type EpicNames } from "../scope.js";

export interface AgentChoice {
  agent: string;
  reason: string;
}

export const DEFAULT_AGENT = "general-developer";

interface Detector {
  agent: string;
  label: string;
  /** Hint words (lower case) as the parser lists them in `technologies` or a title says them. */
  words: readonly string[];
}

/**
 * Code technologies, in tie-break order. Next.js comes before React and absorbs it: a Next.js
 * story mentions React too, and the Next.js developer knows both.
 */
const CODE_DETECTORS: readonly Detector[] = [
  { agent: "nextjs-developer", label: "Next.js", words: ["next.js", "nextjs", "next", "app router"] },
  { agent: "react-developer", label: "React", words: ["react", "jsx", "tsx", "react native", "redux", "react-query"] },
  { agent: "python-developer", label: "Python", words: ["python", "django", "fastapi", "flask", "pytest", "pydantic", "sqlalchemy", "celery", "pandas", "numpy", "opencv"] },
  { agent: "golang-developer", label: "Go", words: ["go", "golang", "goroutine", "gin"] },
];
const DESIGN: Detector = {
  agent: "frontend-design",
  label: "UI design",
  words: ["figma", "design system", "ui design", "ux", "css", "tailwind", "scss", "sass", "wireframe", "mockup", "styling"],
};
const DOC_WORDS = ["documentation", "docs", "readme", "guide", "runbook", "changelog"];
/** Technology words that are not code a developer agent writes (markup, styling, prose). */
const NOT_CODE = new Set([...DESIGN.words, ...DOC_WORDS, "html"]);
/** Too common in English titles to mean the technology ("Go live", "Next steps"). */
const TITLE_AMBIGUOUS = new Set(["go", "next", "gin", "guide"]);

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const wordRes = new Map<string, RegExp>();

/** Whole-word test ("go" is not in "good"); regexes are compiled once per word. */
function containsWord(text: string, word: string): boolean {
  if (!text.includes(word)) return false;
  let re = wordRes.get(word);
  if (!re) wordRes.set(word, (re = new RegExp(`(?<![a-z0-9])${escapeRe(word)}(?![a-z0-9])`)));
  return re.test(text);
}

const isWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

const HINT_WORDS = [...new Set([...CODE_DETECTORS.flatMap((d) => d.words), ...DESIGN.words, ...DOC_WORDS])];

/**
 * Stops (without consuming anything) where a whole hint word starts: the lookahead does not
 * consume, so hints that overlap ("ui design system") are all found. The class of first
 * letters up front lets the engine skip most places without trying every hint.
 */
const HINT_START_RE = new RegExp(
  `(?<![a-z0-9])(?=[${[...new Set(HINT_WORDS.map((h) => h[0]))].join("")}])(?=(?:${HINT_WORDS.map(escapeRe).join("|")})(?![a-z0-9]))`,
  "g",
);

/** Hints by the char code of their first letter (every hint starts with a-z). */
const HINTS_BY_FIRST_CHAR: string[][] = [];
for (const hint of HINT_WORDS) (HINTS_BY_FIRST_CHAR[hint.charCodeAt(0)] ??= []).push(hint);

/**
 * The hint words in `title` (lower case) as whole words: what containsWord(title, hint) says for
 * every hint, with one native regex scan instead of a search per hint (the planner runs this
 * cold over every title). `test` finds where hints start without allocating a match; the hints
 * starting there are then told apart by their first letter. As one string, sorted and joined
 * with "," (no hint has one): "" for none, the hint itself for one, so most titles cost no
 * allocation at all.
 */
export function titleHints(title: string): string {
  let one = "";
  let more: string[] | undefined;
  HINT_START_RE.lastIndex = 0;
  while (HINT_START_RE.test(title)) {
    const at = HINT_START_RE.lastIndex;
    HINT_START_RE.lastIndex = at + 1; // the match is empty: step past it
    const candidates = HINTS_BY_FIRST_CHAR[title.charCodeAt(at)] ?? [];
    for (let k = 0; k < candidates.length; k++) {
      const hint = candidates[k]!;
      const after = at + hint.length; // a whole word: the title ends there, or no [a-z0-9] follows
      if (!title.startsWith(hint, at) || (after < title.length && isWordChar(title.charCodeAt(after)))) continue;
      if (one === "" || one === hint) one = hint;
      else if (!more) more = [one, hint];
      else if (!more.includes(hint)) more.push(hint);
    }
  }
  return more ? more.sort().join(",") : one;
}

function hits(words: readonly string[], techs: ReadonlySet<string>, inTitle: readonly string[]): string[] {
  return words.filter((w) => techs.has(w) || (!TITLE_AMBIGUOUS.has(w) && inTitle.includes(w)));
}

/** Detection from the technologies (trimmed, lower case) and the hint words of the title. */
function detect(techs: ReadonlySet<string>, inTitle: readonly string[]): AgentChoice {
  const found = CODE_DETECTORS.map((d) => ({ d, words: hits(d.words, techs, inTitle) })).filter((f) => f.words.length > 0);
  if (found.some((f) => f.d.agent === "nextjs-developer")) {
    const next = found.find((f) => f.d.agent === "nextjs-developer");
    const react = found.find((f) => f.d.agent === "react-developer");
    if (next && react) next.words.push(...react.words);
    found.splice(0, found.length, ...found.filter((f) => f.d.agent !== "react-developer"));
  }
  if (found.length > 0) {
    const top = Math.max(...found.map((f) => f.words.length));
    const winner = found.find((f) => f.words.length === top) ?? found[0];
    if (!winner) return { agent: DEFAULT_AGENT, reason: "no technology detected" };
    const tied = found.filter((f) => f !== winner && f.words.length === top).map((f) => f.d.label);
    const others = found.filter((f) => f !== winner && f.words.length < top).map((f) => f.d.label);
    let reason = `detected ${winner.d.label} (${winner.words.join(", ")})`;
    if (tied.length > 0) reason += `; tie with ${tied.join(", ")}, ${winner.d.label} comes first`;
    else if (others.length > 0) reason += `; fewer hints for ${others.join(", ")}`;
    return { agent: winner.d.agent, reason };
  }
  // Code with no specialist agent (TypeScript, Node, Java, Rust, Vue...): the general developer.
  // Checked before design and docs so a TypeScript backend story that also mentions its docs
  // is not mistaken for a docs-only one.
  const code = [...techs].filter((t) => !NOT_CODE.has(t)).sort();
  const design = hits(DESIGN.words, techs, inTitle);
  if (design.length > 0 && code.length === 0) {
    return { agent: DESIGN.agent, reason: `detected ${DESIGN.label} (${design.join(", ")}), no code technology` };
  }
  if (code.length > 0) return { agent: DEFAULT_AGENT, reason: `detected ${code.join(", ")}, no specialist agent for it` };
  const docs = DOC_WORDS.filter((w) => techs.has(w) || inTitle.includes(w));
  if (docs.length > 0) return { agent: DEFAULT_AGENT, reason: `docs-only (${docs.join(", ")})` };
  return { agent: DEFAULT_AGENT, reason: "no technology detected" };
}

/** A level of the detection cache: one per technology of the list so far. */
interface CacheNode {
  next: Map<string, CacheNode>;
  /** Title hints (titleHints) → choice, for stories with exactly this technology list. */
  byHints: Map<string, AgentChoice>;
}

/**
 * Detection depends only on the technologies and which hint words the title has, and a project
 * repeats a few combinations over thousands of stories: each combination is detected once.
 * The cached choice is shared by the stories that have it (choices are never modified).
 * The technology list is walked one map level per word, so no key string is built for it.
 */
function cachedDetector(): (story: ParsedStory) => AgentChoice {
  const root: CacheNode = { next: new Map(), byHints: new Map() };
  return (story) => {
    const techs = story.technologies;
    let node = root;
    for (let k = 0; k < techs.length; k++) {
      let child = node.next.get(techs[k]!);
      if (!child) node.next.set(techs[k]!, (child = { next: new Map(), byHints: new Map() }));
      node = child;
    }
    const hints = titleHints(story.title.toLowerCase());
    let choice = node.byHints.get(hints);
    if (!choice) {
      choice = detect(new Set(techs.map((t) => t.trim().toLowerCase())), hints === "" ? [] : hints.split(","));
      node.byHints.set(hints, choice);
    }
    return choice;
  };
}

/** The text config `keywords:` are looked for in: title, technologies, criteria and tasks. */
function storyText(story: ParsedStory): string {
  return [story.title, story.technologies.join(" "), ...story.acceptanceCriteria.map((c) => c.text), ...story.tasks.map((t) => t.text)]
    .join("\n")
    .toLowerCase();
}

export type AgentSelector = (story: ParsedStory) => AgentChoice;

/**
 * Compiles config rules once (patterns parsed once for 10,000 stories). A rule with an invalid
 * `stories:` pattern never matches; parseConfig reports the pattern (invalid-config, at its line).
 */
export function createAgentSelector(rules: readonly AgentRule[], names?: EpicNames | (() => EpicNames)): AgentSelector {
  const compiled = rules.map((rule, i) => {
    const scope = rule.stories === undefined ? undefined : compileScopePattern(rule.stories, names);
    const keywords = (rule.keywords ?? []).map((k) => k.toLowerCase());
    const what = [rule.stories !== undefined ? `stories: ${rule.stories}` : "", keywords.length > 0 ? `keywords: ${keywords.join(", ")}` : ""]
      .filter((s) => s !== "")
      .join("; ");
    return { rule, n: i + 1, scope, keywords, what };
  });
  const detectCached = cachedDetector();
  return (story) => {
    // An agent name ends up in a worktree path, so an invalid one is ignored (and reported by
    // analyzeProject as invalid-front-matter), never used.
    const own = story.overrides.agent?.trim();
    if (own !== undefined && AGENT_NAME_RE.test(own)) return { agent: own, reason: "front matter agent:" };
    let text: string | undefined;
    // Indexed: a for-of makes an iterator per story even when there are no rules.
    for (let r = 0; r < compiled.length; r++) {
      const c = compiled[r]!;
      if (c.scope !== undefined && !(c.scope.ok && c.scope.value(story))) continue;
      if (c.keywords.length > 0) {
        text ??= storyText(story);
        const t = text;
        if (!c.keywords.some((k) => containsWord(t, k))) continue;
      }
      return { agent: c.rule.agent, reason: c.what === "" ? `config rule ${c.n}` : `config rule ${c.n} (${c.what})` };
    }
    return detectCached(story);
  };
}

export function selectAgent(story: ParsedStory, rules: readonly AgentRule[], names?: EpicNames): AgentChoice {
  return createAgentSelector(rules, names)(story);
}
