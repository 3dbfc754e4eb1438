// Dependency statements as people really write them (see DESIGN.md "Stories" and the corpora):
//   **Dependencies**: 0.1, 1.1 · **Depends on:** Story 1.1 (why) · - Depends On: Story 1.1, 1.4
//   Prerequisites: Story 4.1 · Requires Story 5.1A completion · **Blocked By:** 2.3
//   a `## Dependencies` / `### Prerequisites` / `### Blocked By` section with bullets
//   a bold label alone (`**Blocked By:**`) followed by bullets · ranges `Stories 4.1-4.5`
//   whole epics `Epic 2` · `None` / `N/A` / `-` · reverse edges `**Blocks:**`, `**Enables:**`.
// Precision over recall: a false edge reorders or blocks real work, a missed one only loses an
// ordering hint. So: parenthesised text is commentary; a bare number counts only where the whole
// value is a list of ids; fenced code, tables and QA/review sections are never read; a
// "Dependencies" section that names no story (python packages, npm modules) declares nothing.
import type { DepRef, DepTarget } from "../model.js";
import { MAX_EPIC_SPAN } from "../ids.js";
// Memoised idKey: the same ids are referenced over and over.
import { keyOf } from "../graph/id-order.js";
import { memoize } from "../memoize.js";
import {
  BULLET_RE,
  DOTTED_ID_SRC,
  ID_SRC,
  boldLabel,
  headingKey,
  plainText,
  scanLines,
  ScannedLines,
  unlink,
  withoutParens,
} from "./markdown.js";
import { normalId } from "./normal-id.js";

export interface DependencyInfo {
  /** True when the file has at least one forward statement (refs or an explicit None). */
  declared: boolean;
  refs: DepRef[];
  /** Line of the first forward statement. */
  line?: number;
  /** Reverse edges: stories this one says it blocks / enables. */
  blocks: DepRef[];
}

type Direction = "forward" | "reverse";

const FORWARD_LABELS = new Set([
  "dependencies",
  "dependency",
  "story dependencies",
  "depends on",
  "depend on",
  "dependent on",
  "prerequisites",
  "prerequisite",
  "pre-requisites",
  "blocked by",
  "requires",
  "required stories",
]);
const REVERSE_LABELS = new Set(["blocks", "blocking", "enables", "unblocks"]);

function keyDirection(key: string): Direction | null {
  if (FORWARD_LABELS.has(key)) return "forward";
  if (REVERSE_LABELS.has(key)) return "reverse";
  return null;
}

function direction(label: string): Direction | null {
  return keyDirection(headingKey(label));
}

/** Sections whose statements are about the review, not the plan (they quote dependencies). */
const IGNORED_SECTION_RE =
  /\b(qa|review|reviews|reviewed|validation|assessment|change ?log|checklist|definition of done|gate)\b/i;

/** Whether a heading's text names such a section. Memoised: headings repeat across stories. */
const ignoredSection: (headingText: string) => boolean = memoize((text) => IGNORED_SECTION_RE.test(plainText(text)), 10_000);

const LABEL_RE = /^([A-Za-z][A-Za-z -]{2,30}?)\s*:\s*(.*)$/;
const NO_COLON_RE = /^(depends on|requires|blocked by)\s+((?:completion of\s+)?(?:stor(?:y|ies)|epics?)\s.*)$/i;
const NONE_RE = /^(?:none|n\/a|nil|no dependencies|no story dependencies)(?![A-Za-z])|^[-–—]+\s*\.?$/i;

const ITEM_SRC = String.raw`#?${ID_SRC}(?:\s*(?:-|–|—|\bto\b|\bthrough\b)\s*#?${ID_SRC})?`;
const SEP_SRC = String.raw`\s*(?:,|;|&|/|\band\b)\s*(?:and\s+)?`;
const KEYWORD_LIST_RE = new RegExp(
  String.raw`\b(stor(?:y|ies)|epics?)\s+(${ITEM_SRC}(?:${SEP_SRC}${ITEM_SRC})*)`,
  "gi",
);
const BARE_LIST_RE = new RegExp(String.raw`^(${ITEM_SRC}(?:(?:${SEP_SRC}|\s+)${ITEM_SRC})*)\s*\.?$`, "i");
const SPLIT_RE = new RegExp(String.raw`(?:${SEP_SRC}|\s+(?=#?\d))`, "i");
const SEP_RE = new RegExp(SEP_SRC, "i");
/** The word Story/Stories before an id; the global one for replace (which puts every one aside). */
const STORY_WORD_RE = /\bstor(?:y|ies)\s+(?=#?\d)/i;
const STORY_WORDS_RE = /\bstor(?:y|ies)\s+(?=#?\d)/gi;
const STORY_WORD_AT_START_RE = /^stor(?:y|ies)\s+(?=#?\d)/i;
const RANGE_RE = new RegExp(String.raw`^#?(${ID_SRC})\s*(?:-|–|—|to|through)\s*#?(${ID_SRC})$`, "i");
const LEAD_ID_RE = new RegExp(String.raw`^#?(${DOTTED_ID_SRC})(?=$|\s|:|-|–|—)`);

/**
 * Appends `items` to `out`. Not `out.push(...items)`: a spread passes every item as an argument,
 * and one line can hold 100,000 ids, more than the call stack has room for.
 */
export function pushAll<T>(out: T[], items: readonly T[]): void {
  for (const item of items) out.push(item);
}

/** `raw` is the text the author wrote (markup and parenthesised commentary removed). */
function storyRef(id: string, raw: string, line: number): DepRef {
  return { target: { kind: "story", id: normalId(id) }, raw, line };
}

/**
 * Refs for one list item. `raw` is how the item appears in the file: the item alone ("1.5",
 * "1.4") or, for the first item after a keyword, with it ("Story 1.1", "Stories 4.1-4.5").
 */
function itemRefs(item: string, epic: boolean, line: number, raw = item.trim()): DepRef[] {
  const text = item.trim();
  const range = RANGE_RE.exec(text);
  if (range) {
    const from = normalId(range[1]!);
    const to = normalId(range[2]!);
    const sameShape = from.split(".").length === to.split(".").length;
    if (epic) {
      const [a, b] = [Number(from), Number(to)];
      if (sameShape && Number.isInteger(a) && Number.isInteger(b) && (b < a || b - a > MAX_EPIC_SPAN)) {
        // Backwards or implausibly wide: which epics were meant is unknown. Kept whole, it
        // matches no epic, so the plan warns with the file and line instead of taking epic `a`.
        return [{ target: { kind: "epic", epic: `${from}-${to}` }, raw, line }];
      }
      if (!sameShape || !Number.isInteger(a) || !Number.isInteger(b)) {
        return [{ target: { kind: "epic", epic: from }, raw, line }];
      }
      const out: DepRef[] = [];
      for (let e = a; e <= b; e++) out.push({ target: { kind: "epic", epic: String(e) }, raw, line });
      return out;
    }
    // "Story 1.1 - 2 days" is not a range: both ends must have the same shape.
    if (!sameShape) {
      const written = `${raw.slice(0, raw.length - text.length)}${text.startsWith("#") ? "#" : ""}${range[1]!}`;
      return [storyRef(from, written, line)];
    }
    return [{ target: { kind: "range", from, to }, raw, line }];
  }
  const id = normalId(text.charCodeAt(0) === 35 ? text.slice(1) : text); // without a leading "#"
  if (epic) return [{ target: { kind: "epic", epic: id }, raw, line }];
  return [storyRef(id, raw, line)];
}

/** Refs in one statement; `mode` says how much a bare id may count. */
export function refsIn(
  text: string,
  line: number,
  mode: "value" | "bullet" | "prose",
): { refs: DepRef[]; none: boolean } {
  const clean = plainText(withoutParens(unlink(text)));
  if (NONE_RE.test(clean)) return { refs: [], none: true };
  const refs: DepRef[] = [];
  if (mode === "value") {
    const bare = BARE_LIST_RE.exec(clean);
    if (bare) {
      for (const item of bare[1]!.split(SPLIT_RE)) if (item.trim()) pushAll(refs, itemRefs(item, false, line));
      return { refs, none: false };
    }
    // `2.4, Story 1.6, Story 1.15`: a value that is a list of ids once the word Story is put
    // aside. Every item counts, the bare ones too (the keyword search below would drop 2.4).
    if (STORY_WORD_RE.test(clean) && BARE_LIST_RE.test(clean.replace(STORY_WORDS_RE, ""))) {
      // Without the full stop a list may end with (the bare-list pattern allows it too).
      for (const piece of clean.replace(/\s*\.$/, "").split(SEP_RE)) {
        const p = piece.trim();
        const word = STORY_WORD_AT_START_RE.exec(p)?.[0] ?? "";
        let first = true;
        for (const item of p.slice(word.length).split(SPLIT_RE)) {
          if (!item.trim()) continue;
          pushAll(refs, itemRefs(item, false, line, first && word ? `${word}${item.trim()}` : item.trim()));
          first = false;
        }
      }
      return { refs, none: false };
    }
  }
  if (mode === "bullet") {
    const lead = LEAD_ID_RE.exec(clean);
    if (lead) refs.push(storyRef(lead[1]!, lead[0], line));
  }
  for (const m of clean.matchAll(KEYWORD_LIST_RE)) {
    const epic = m[1]!.toLowerCase().startsWith("epic");
    let first = true;
    for (const item of m[2]!.split(new RegExp(SEP_SRC, "i"))) {
      if (!item.trim()) continue;
      pushAll(refs, itemRefs(item, epic, line, first ? `${m[1]!} ${item.trim()}` : item.trim()));
      first = false;
    }
  }
  return { refs, none: false };
}

export function targetKey(t: DepTarget): string {
  switch (t.kind) {
    case "story":
      return `s:${keyOf(t.id)}`;
    case "range":
      return `r:${keyOf(t.from)}-${keyOf(t.to)}`;
    case "epic":
      return `e:${keyOf(t.epic)}`;
  }
}

/** Removes repeated targets, keeping the first mention (and its line). */
export function dedupeRefs(refs: readonly DepRef[]): DepRef[] {
  if (refs.length < 2) return [...refs];
  const seen = new Set<string>();
  const out: DepRef[] = [];
  for (const r of refs) {
    const k = targetKey(r.target);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(r);
    }
  }
  return out;
}

interface LabelLine {
  dir: Direction;
  value: string;
}

/**
 * Characters labelLine strips before a label (whitespace, a bullet or list number, `>`, a `[x]`
 * box) or plainText removes from it (emphasis and code markers, emoji, spaces). Non-ASCII
 * characters are all treated as such. A few more than that (any digit, `.`, `x`): skipping too
 * much only lets more lines through to labelLine, never fewer.
 */
const LABEL_SKIP = new Uint8Array(128);
for (const ch of " \t\n\v\f\r-*+0123456789.)>[]xX_`") LABEL_SKIP[ch.charCodeAt(0)] = 1;

/**
 * The first two letters, lower-cased, of every label labelLine accepts: the labels above and
 * NO_COLON_RE's verbs (index: first * 128 + second).
 */
const LABEL_OPENINGS = new Uint8Array(128 * 128);
for (const label of [...FORWARD_LABELS, ...REVERSE_LABELS, "depends on", "requires", "blocked by"]) {
  LABEL_OPENINGS[label.charCodeAt(0) * 128 + label.charCodeAt(1)] = 1;
}

/**
 * False for a line (`text` from `start` to `end`) labelLine would turn down, decided from its
 * first two letters: most lines never reach labelLine's regexes. A label is the start of what
 * labelLine reads, and only LABEL_SKIP characters can come before it or between its first two
 * letters.
 */
function mayBeLabel(text: string, start: number, end: number): boolean {
  let first = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || LABEL_SKIP[c] === 1) continue;
    // `| 0x20` lower-cases ASCII letters and maps no other character onto one.
    if (first < 0) first = c | 0x20;
    else return LABEL_OPENINGS[first * 128 + (c | 0x20)] === 1;
  }
  return false;
}

/** `- **Depends on:** Story 1.1` → forward, "Story 1.1"; `Requires Story 5.1A completion` too. */
function labelLine(line: string): LabelLine | null {
  const body = plainText(line.replace(BULLET_RE, "").replace(/^\s*>\s*/, "").replace(/^\[[ xX]\]\s*/, ""));
  const m = LABEL_RE.exec(body);
  if (m) {
    const dir = direction(m[1]!);
    if (dir) return { dir, value: m[2]! };
  }
  const n = NO_COLON_RE.exec(body);
  if (n) return { dir: "forward", value: n[2]! };
  return null;
}

/**
 * Reads dependency statements from a story body.
 * @param body the body's lines, or their scan; `lineOffset` is how many file lines precede its
 * first line.
 */
export function extractDependencies(body: readonly string[] | ScannedLines, lineOffset = 0): DependencyInfo {
  const scan = body instanceof ScannedLines ? body : scanLines(body);
  const { fenced, headings, count } = scan;
  const refs: DepRef[] = [];
  const blocks: DepRef[] = [];
  let declaredLine: number | undefined;

  const stack: { level: number; ignored: boolean }[] = [];
  let ignored = false;
  // Direction of the enclosing `## Dependencies`-style section (null outside one).
  let section: Direction | null = null;
  // Inside a section, a bold label (`**Blocks:**`, `**Related Stories:**`) redirects the bullets
  // that follow, until the next heading; "none" means they are not dependencies at all.
  let sub: Direction | "none" | null = null;
  // Outside a section, a bold label with no value heads a bullet list that ends at a blank line.
  let block: { dir: Direction; seenBullet: boolean } | null = null;

  const record = (dir: Direction, found: { refs: DepRef[]; none: boolean }, line: number): void => {
    if (dir === "reverse") {
      pushAll(blocks, found.refs);
      return;
    }
    pushAll(refs, found.refs);
    if ((found.none || found.refs.length > 0) && declaredLine === undefined) declaredLine = line;
  };

  for (let i = 0; i < count; i++) {
    const lineNo = lineOffset + i + 1;
    if (fenced[i]) continue;

    const heading = headings[i];
    if (heading) {
      while (stack.length > 0 && stack[stack.length - 1]!.level >= heading.level) stack.pop();
      // The title (level 1) names the story ("... Configuration Validation"), never a review.
      const ignoredHere = heading.level > 1 && ignoredSection(heading.text);
      stack.push({ level: heading.level, ignored: ignoredHere });
      ignored = stack.some((h) => h.ignored);
      section = keyDirection(heading.key);
      sub = null;
      block = null;
      continue;
    }
    if (ignored) continue;
    const first = scan.firstNonSpace(i);
    if (first === 124) continue; // "|": table rows ("| Dependencies, Build & Configuration | ...")
    if (first < 0) {
      // a blank line
      if (block?.seenBullet) block = null;
      continue;
    }

    const label = mayBeLabel(scan.text, scan.start(i), scan.end(i)) ? labelLine(scan.line(i)) : null;
    if (label) {
      if (plainText(label.value) === "") {
        if (section) sub = label.dir;
        else block = { dir: label.dir, seenBullet: false };
      } else {
        record(label.dir, refsIn(label.value, lineNo, "value"), lineNo);
        block = null;
      }
      continue;
    }
    // Outside a dependency section or block, a line that is not a label says nothing.
    if (!block && !sub && !section) continue;
    const raw = scan.line(i);
    if (section && boldLabel(raw) !== null) {
      sub = "none"; // a bold label that is not a dependency label: "**Related Stories:**"
      continue;
    }

    const isBullet = BULLET_RE.test(raw) || /^\s{2,}\S/.test(raw);
    if (block) {
      if (isBullet) {
        block.seenBullet = true;
        record(block.dir, refsIn(raw.replace(BULLET_RE, ""), lineNo, "bullet"), lineNo);
        continue;
      }
      block = null;
    }
    const dir = sub ?? section;
    if (dir && dir !== "none") {
      const text = raw.replace(BULLET_RE, "").replace(/^\[[ xX]\]\s*/, "");
      record(dir, refsIn(text, lineNo, isBullet ? "bullet" : "prose"), lineNo);
    }
  }

  const info: DependencyInfo = {
    declared: declaredLine !== undefined,
    refs: dedupeRefs(refs),
    blocks: dedupeRefs(blocks),
  };
  if (declaredLine !== undefined) info.line = declaredLine;
  return info;
}
