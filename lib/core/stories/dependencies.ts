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
// Memoised idKey / normalizeId: the same ids are referenced over and over.
import { keyOf, normalizeIdFast } from "../graph/id-order.js";
import {
  BULLET_RE,
  DOTTED_ID_SRC,
  ID_SRC,
  boldLabel,
  headingKey,
  plainText,
  scanLines,
  unlink,
  withoutParens,
  type ScannedLines,
} from "./markdown.js";

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

function direction(label: string): Direction | null {
  const key = headingKey(label);
  if (FORWARD_LABELS.has(key)) return "forward";
  if (REVERSE_LABELS.has(key)) return "reverse";
  return null;
}

/** Sections whose statements are about the review, not the plan (they quote dependencies). */
const IGNORED_SECTION_RE =
  /\b(qa|review|reviews|reviewed|validation|assessment|change ?log|checklist|definition of done|gate)\b/i;

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
const RANGE_RE = new RegExp(String.raw`^#?(${ID_SRC})\s*(?:-|–|—|to|through)\s*#?(${ID_SRC})$`, "i");
const LEAD_ID_RE = new RegExp(String.raw`^#?(${DOTTED_ID_SRC})(?=$|\s|:|-|–|—)`);

/** `raw` is the text the author wrote (markup and parenthesised commentary removed). */
function storyRef(id: string, raw: string, line: number): DepRef {
  return { target: { kind: "story", id: normalizeIdFast(id) }, raw, line };
}

/**
 * Refs for one list item. `raw` is how the item appears in the file: the item alone ("1.5",
 * "1.4") or, for the first item after a keyword, with it ("Story 1.1", "Stories 4.1-4.5").
 */
function itemRefs(item: string, epic: boolean, line: number, raw = item.trim()): DepRef[] {
  const text = item.trim();
  const range = RANGE_RE.exec(text);
  if (range) {
    const from = normalizeIdFast(range[1]!);
    const to = normalizeIdFast(range[2]!);
    const sameShape = from.split(".").length === to.split(".").length;
    if (epic) {
      const [a, b] = [Number(from), Number(to)];
      if (!sameShape || !Number.isInteger(a) || !Number.isInteger(b) || b < a || b - a > 50) {
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
  const id = normalizeIdFast(text.replace(/^#/, ""));
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
      for (const item of bare[1]!.split(SPLIT_RE)) if (item.trim()) refs.push(...itemRefs(item, false, line));
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
      refs.push(...itemRefs(item, epic, line, first ? `${m[1]!} ${item.trim()}` : item.trim()));
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
 * Every label above (and NO_COLON_RE's verbs) contains one of these stems. plainText only
 * removes emphasis/code markers and emoji (non-ASCII) and collapses whitespace, none of which a
 * stem contains, so a line whose text without those characters lacks every stem is no label.
 */
const LABEL_STEM_SRC = "depend|pre-?requisite|block|require[sd]|enables";
const LABEL_STEM_RE = new RegExp(LABEL_STEM_SRC, "i");
const NOT_IN_STEM_SRC = "[*_`\\u0080-\\uffff]";
const NOT_IN_STEM_RE = new RegExp(`${NOT_IN_STEM_SRC}+`, "g");

const HAS_STEM = 1;
const HAS_NOT_IN_STEM = 2;

/** Sets `flag` on every line where `source` matches (never across lines): one scan of `text`. */
function markLines(text: string, lines: readonly string[], source: string, flags: Uint8Array, flag: number): void {
  const re = new RegExp(source, "gi");
  let line = 0;
  let start = 0; // offset of `line` in `text`
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    while (m.index >= start + lines[line]!.length + 1) start += lines[line++]!.length + 1;
    flags[line]! |= flag;
    re.lastIndex = start + lines[line]!.length + 1; // one mark per line is enough
  }
}

/**
 * Lines that may be a label (labelLine), found with two scans of the whole body instead of
 * regex calls per line (two simple scans measured faster than one combined): a label line has
 * a stem, possibly split by characters plainText drops. `text` is `lines.join("\n")`.
 */
function labelCandidates(lines: readonly string[], text: string): boolean[] {
  const flags = new Uint8Array(lines.length);
  markLines(text, lines, LABEL_STEM_SRC, flags, HAS_STEM);
  markLines(text, lines, NOT_IN_STEM_SRC, flags, HAS_NOT_IN_STEM);
  const out = new Array<boolean>(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const f = flags[i]!;
    out[i] = (f & HAS_STEM) !== 0 || ((f & HAS_NOT_IN_STEM) !== 0 && LABEL_STEM_RE.test(lines[i]!.replace(NOT_IN_STEM_RE, "")));
  }
  return out;
}

/**
 * `- **Depends on:** Story 1.1` → forward, "Story 1.1"; `Requires Story 5.1A completion` too.
 * Only for a line labelCandidates kept: any other line is no label.
 */
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
 * @param lines the body's lines; `lineOffset` is how many file lines precede `lines[0]`.
 */
export function extractDependencies(lines: readonly string[], lineOffset = 0, scanned?: ScannedLines): DependencyInfo {
  const scan = scanned ?? scanLines(lines);
  const { fenced, headings } = scan;
  const candidate = labelCandidates(lines, scan.text ?? lines.join("\n"));
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
      blocks.push(...found.refs);
      return;
    }
    refs.push(...found.refs);
    if ((found.none || found.refs.length > 0) && declaredLine === undefined) declaredLine = line;
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const lineNo = lineOffset + i + 1;
    if (fenced[i]) continue;

    const heading = headings[i];
    if (heading) {
      while (stack.length > 0 && stack[stack.length - 1]!.level >= heading.level) stack.pop();
      // The title (level 1) names the story ("... Configuration Validation"), never a review.
      const ignoredHere = heading.level > 1 && IGNORED_SECTION_RE.test(plainText(heading.text));
      stack.push({ level: heading.level, ignored: ignoredHere });
      ignored = stack.some((h) => h.ignored);
      section = direction(heading.text);
      sub = null;
      block = null;
      continue;
    }
    if (ignored) continue;
    const trimmed = raw.trim();
    if (trimmed.startsWith("|")) continue; // table rows ("| Dependencies, Build & Configuration | ...")
    if (trimmed === "") {
      if (block?.seenBullet) block = null;
      continue;
    }

    const label = candidate[i] ? labelLine(raw) : null;
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
    if (section && boldLabel(raw) !== null) {
      sub = "none"; // a bold label that is not a dependency label: "**Related Stories:**"
      continue;
    }
    // Outside a dependency section or block, a line that is not a label says nothing.
    if (!block && !sub && !section) continue;

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
