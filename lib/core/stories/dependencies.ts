// Dependency statements as people really write them (see DESIGN.md "Stories" and the corpora):
//   **Dependencies**: 0.1, 1.1 · **Depends on:** Story 1.1 (why) · - Depends On: Story 1.1, 1.4
//   Prerequisites: Story 4.1 · Requires Story 5.1A completion · **Blocked By:** 2.3
//   a `## Dependencies` / `### Prerequisites` / `### Blocked By` section with bullets
//   a bold label alone (`**Blocked By:**`) followed by bullets · ranges `Stories 4.1-4.5`
//   whole epics `Epic 2` · `None` / `N/A` / `-` · reverse edges `**Blocks:**`, `**Enables:**`.
// Precision over recall: a false edge reorders or blocks real work, a missed one only loses an
// ordering hint. So: parenthesised text is commentary; a bare number counts only where the whole
// value is a list of ids; fenced code, tables (but a `| Dependencies | ... |` row) and QA/review sections are never read; a
// "Dependencies" section that names no story (python packages, npm modules) declares nothing.
import type { DepRef, DepTarget } from "../model.js";
// Memoised idKey: the same ids are referenced over and over.
import { keyOf } from "../graph/id-order.js";
import { memoize } from "../memoize.js";
import { BULLET_RE, DOTTED_ID_SRC, boldLabel, headingKey, plainText, scanLines, ScannedLines } from "./markdown.js";
import { FILE_MARK, ITEM_SRC, itemRefs, markFiles, namedIds, splitParens, tokenKeys, unreadTokens, type ItemKind } from "./dep-tokens.js";
import { normalId } from "./normal-id.js";

export interface DependencyInfo {
  /** True when the file has at least one forward statement (refs or an explicit None). */
  declared: boolean;
  refs: DepRef[];
  /** Line of the first forward statement. */
  line?: number;
  /** Reverse edges: stories this one says it blocks / enables. */
  blocks: DepRef[];
  /** Id-shaped tokens in statements that name no story as written (parse-story warns). */
  unread: { token: string; line: number }[];
}

type Direction = "forward" | "reverse";

// Labels in the languages the corpora are written in (French, Dutch, Chinese) and two more
// (German, Spanish). Not `vereisten` (Dutch front matter uses it for REQ-nnn requirements), nor
// `依赖` followed by a name (`**依赖 taskStore.ts**:`): only the label alone counts.
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
  // `Builds on: Story 8.9`: what this story extends comes first. `Upstream:` beside `Downstream:`.
  "builds on",
  "build on",
  "built on",
  "upstream",
  "upstream dependencies",
  "upstream dependency",
  // French
  "dépendances",
  "dépendance",
  "dépend de",
  "dépendances stories",
  "prérequis",
  "pré-requis",
  // Dutch
  "afhankelijkheden",
  "afhankelijkheid",
  "afhankelijk van",
  // Chinese: dependencies, prerequisite dependencies, prerequisite stories, prerequisites
  "依赖",
  "前置依赖",
  "前置故事",
  "前置",
  "前置条件",
  "依赖关系",
  // German, Spanish
  "abhängigkeiten",
  "abhängig von",
  "voraussetzungen",
  "dependencias",
  "depende de",
  "requisitos previos",
]);
const REVERSE_LABELS = new Set([
  "blocks",
  "blocking",
  "enables",
  "unblocks",
  "dependencies on future stories",
  // `**Downstream:** Stories 29.2 through 29.8 depend on ...`: the later stories that wait.
  "downstream",
  "downstream dependencies",
  "downstream dependency",
  "downstream impact",
  // Chinese: depended on by, later dependencies, later stories
  "被依赖",
  "后续依赖",
  "后续故事",
  // French, Dutch, German
  "bloque",
  "débloque",
  "blokkeert",
  "blockiert",
]);

/**
 * A label may say the dependencies are already met (`**Dependencies satisfied:**`,
 * `Prerequisites met:`, `Dependencies (all done)`): it still names them. The parentheses are
 * gone already (headingKey); the trailing word is put aside here.
 */
const MET_SUFFIX_RE = / (?:satisfied|met|resolved|fulfill?ed|complete|completed|done|cleared|in place)$/;

function keyDirection(key: string): Direction | null {
  if (FORWARD_LABELS.has(key)) return "forward";
  if (REVERSE_LABELS.has(key)) return "reverse";
  const bare = key.replace(MET_SUFFIX_RE, "");
  if (bare !== key && FORWARD_LABELS.has(bare)) return "forward";
  return null;
}

function direction(label: string): Direction | null {
  return keyDirection(headingKey(label));
}

/**
 * Bold labels that relate stories without ordering them: in a Dependencies section,
 * `- **Related**: Story 3.1.1` or `**Follow-up:** 2.5` names a story that is neither waited for
 * nor waiting. Only these: a bold label can also be a story's own name (`- **Story 2.1**: ...`)
 * or a topic (`- **Auth**: Story 1.1`), which stay read.
 */
const RELATION_LABEL_RE = /^(?:related(?: stor(?:y|ies)| work| to| tasks?)?|see also|follow[- ]?ups?|next(?: stor(?:y|ies)| steps?)?|references?)$/;
const LEADING_BOLD_RE = /^\s*(?:[-*+]\s+)?\*\*([^*]{1,60})\*\*/;

/**
 * A story's own card of `**Label**: value` lines (Story Created, Epic, Priority, Estimated
 * Effort, Dependencies) that closes the file after a thematic break. BMAD's QA agent inserts its
 * `## QA Results` section above such a card, so the card lands inside that section; it is the
 * story's, not the review's, and it is read. Recognised by its labels: at least one of the
 * story's own facts (META_LABEL_RE) beside the dependency label.
 */
const THEMATIC_BREAK_RE = /^\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$/;
const META_LABEL_RE = /^(?:epic|priority|story created|created|estimated effort|effort|estimate|story points|author|owner)$/;
const BOLD_LABEL_VALUE_RE = /^\s*(?:[-*+]\s+)?\*\*([^*]{1,60}?)\s*(?::\s*\*\*|\*\*\s*:)\s*\S/;

/** End (exclusive) of the story card after the thematic break at line `i`, or -1 when none follows. */
function storyCardEnd(scan: ScannedLines, i: number): number {
  let j = i + 1;
  while (j < scan.count && scan.firstNonSpace(j) < 0) j++;
  let meta = false;
  let dep = false;
  const first = j;
  for (; j < scan.count && scan.firstNonSpace(j) >= 0 && !scan.headings[j]; j++) {
    const m = BOLD_LABEL_VALUE_RE.exec(scan.line(j));
    if (!m) return -1;
    const key = headingKey(m[1]!);
    if (META_LABEL_RE.test(key)) meta = true;
    else if (keyDirection(key) !== null) dep = true;
  }
  return j > first && meta && dep ? j : -1;
}

/** Whether a line opens with a bold label RELATION_LABEL_RE names. */
function relationLine(line: string): boolean {
  const m = LEADING_BOLD_RE.exec(line);
  return m !== null && RELATION_LABEL_RE.test(headingKey(m[1]!));
}

/** Sections whose statements are about the review, not the plan (they quote dependencies). */
const IGNORED_SECTION_RE =
  /\b(qa|review|reviews|reviewed|validation|assessment|change ?log|checklist|definition of done|gate)\b/i;

/** Whether a heading's text names such a section. Memoised: headings repeat across stories. */
const ignoredSection: (headingText: string) => boolean = memoize((text) => IGNORED_SECTION_RE.test(plainText(text)), 10_000);

/** `Label: value`; letters of any script (`Prérequis :`, `前置依赖：`), a full-width colon too. */
const LABEL_RE = /^(\p{L}[\p{L} -]{1,40}?)\s*[:：]\s*(.*)$/u;
const NO_COLON_RE = /^(depends on|requires|blocked by|builds on|built on)\s+((?:completion of\s+)?(?:stor(?:y|ies)|epics?)\s.*)$/i;
const NONE_RE =
  /^(?:none|n\/a|nil|no dependencies|no story dependencies|aucune?|geen|keine|ningun[ao]|无|無|暂无)(?![\p{L}])|^[-–—]+\s*\.?$/iu;

const SEP_SRC = String.raw`\s*(?:,|;|&|/|\band\b|\bet\b|\ben\b|\bund\b|\by\b|、|，|和)\s*(?:and\s+)?`;
const KEYWORD_LIST_RE = new RegExp(
  String.raw`\b(stor(?:y|ies)|epics?|tasks?)\s+(${ITEM_SRC}(?:${SEP_SRC}${ITEM_SRC})*)`,
  "gi",
);
const BARE_LIST_RE = new RegExp(String.raw`^(${ITEM_SRC}(?:(?:${SEP_SRC}|\s+)${ITEM_SRC})*)\s*\.?$`, "i");
// Between two items: a separator, or spaces before an id that do not follow a range word
// (`7.6-6 through 7.6-9`, `4.1 - 4.5` are one item).
const SPLIT_RE = new RegExp(String.raw`(?:${SEP_SRC}|(?<!\b(?:to|through)|[-–—~])\s+(?=#?\d))`, "i");
const SEP_RE = new RegExp(SEP_SRC, "i");
/** The word Story/Task before an id; the global one for replace (which puts every one aside). */
const STORY_WORD_RE = /\b(?:stor(?:y|ies)|tasks?)\s+(?=#?\d)/i;
const STORY_WORDS_RE = /\b(?:stor(?:y|ies)|tasks?)\s+(?=#?\d)/gi;
const STORY_WORD_AT_START_RE = /^(?:stor(?:y|ies)|tasks?)\s+(?=#?\d)/i;
const LEAD_ID_RE = new RegExp(String.raw`^#?(${DOTTED_ID_SRC})(?=$|\s|:|-|–|—)`);
/**
 * A status written after a reference (`Story 20.1 - ✅ Done`, `26.1 DONE`, `- ✅ Complétée`) is
 * commentary about the other story: never an id, never this story's status. Put aside so that
 * `26.1 DONE, 26.3 DONE` is still a list of ids.
 */
// Run on plainText's output (single spaces): `\s*` here would be quadratic on a run of spaces.
const STATUS_WORDS_RE =
  / ?(?:[-–—:] ?)?(?:\b(?:done|completed?|finished|merged|closed|complétée?s?|terminée?s?|afgerond|voltooid|erledigt|abgeschlossen|completad[ao]s?|terminad[ao]s?)\b|已完成|完成)/gi;
/** `Task 7`, `Tasks 2-5, 8`: put aside where tasks are not stories (see refsIn). */
const TASK_LIST_RE = new RegExp(String.raw`\btasks?\s+(?:${ITEM_SRC}(?:${SEP_SRC}${ITEM_SRC})*)`, "gi");
/** A story file mark (dep-tokens.ts) and the separator after it, put aside once its ref is taken. */
const MARKS_RE = new RegExp(String.raw`${FILE_MARK}(?:${SEP_SRC})?`, "g");

/**
 * Appends `items` to `out`. Not `out.push(...items)`: a spread passes every item as an argument,
 * and one line can hold 100,000 ids, more than the call stack has room for.
 */
export function pushAll<T>(out: T[], items: readonly T[]): void {
  for (const item of items) out.push(item);
}

function wordKind(word: string): ItemKind {
  const w = word.toLowerCase();
  return w.startsWith("epic") ? "epic" : w.startsWith("task") ? "task" : "story";
}

/**
 * Refs of a text that is only a list of ids (`0.1, 1.1`; `2.4, Story 1.6, Story 1.15`), or null
 * when it is anything more.
 */
function listRefs(clean: string, line: number): DepRef[] | null {
  const refs: DepRef[] = [];
  if (BARE_LIST_RE.test(clean)) {
    for (const item of clean.split(SPLIT_RE)) if (item.trim()) pushAll(refs, itemRefs(item, "story", line));
    return refs;
  }
  // `2.4, Story 1.6, Story 1.15`: a value that is a list of ids once the word Story is put
  // aside. Every item counts, the bare ones too (the keyword search would drop 2.4).
  if (STORY_WORD_RE.test(clean) && BARE_LIST_RE.test(clean.replace(STORY_WORDS_RE, ""))) {
    // Without the full stop a list may end with (the bare-list pattern allows it too).
    for (const piece of clean.replace(/\s*\.$/, "").split(SEP_RE)) {
      const p = piece.trim();
      const word = STORY_WORD_AT_START_RE.exec(p)?.[0] ?? "";
      const kind = word ? wordKind(word) : "story";
      let first = true;
      for (const item of p.slice(word.length).split(SPLIT_RE)) {
        if (!item.trim()) continue;
        pushAll(refs, itemRefs(item, kind, line, first && word ? `${word}${item.trim()}` : item.trim()));
        first = false;
      }
    }
    return refs;
  }
  return null;
}

/**
 * What one statement names. `later`: stories it names as the subject of a note about what they
 * will do with this one (`Story 8.2 will integrate this`, `Stories 29.2 through 29.8 depend on
 * ...`): they wait for this story, the reverse of a dependency. `reverse`: the statement says the
 * named stories wait for this one, whatever its label or section says (`- This story blocks
 * Story 5.3, 5.5` under `### Dependencies`). `unread`: id-shaped tokens it holds that name
 * nothing (to warn about).
 */
export interface StatementRefs {
  refs: DepRef[];
  later: DepRef[];
  none: boolean;
  unread: string[];
  reverse?: boolean;
}

/**
 * A statement about other stories waiting, in a dependency section or after a dependency label:
 * "This story blocks all subsequent Epic 5 stories (5.2-5.8)", "This story enables Story 2.1".
 * The section is about dependencies in both directions; the verb says which this one is.
 */
const THIS_BLOCKS_RE = /\b(?:this story|this|it)\s+(?:also\s+)?(?:blocks|enables|unblocks|is (?:a )?(?:prerequisite|required|needed) (?:for|by))\b/i;
/**
 * "Epic 8 (Testing ...) is blocked by Epic 7.2 completion", "Epic 8 requires a clean migration
 * foundation": another story or epic is the subject, and it waits. In this story's dependency
 * section that says the subject waits for this story's work: what this story blocks. When what
 * it waits for names other stories, the sentence is about them, not this story: no edge.
 */
const SUBJECT_WAITS_RE =
  /^([^a-z0-9]*(?:epics?|stor(?:y|ies))\s+#?\d.*?)\s(?:(?:is|are)\s+(?:blocked by|waiting (?:for|on)|dependent on)|depends? on|requires?|waits? for)\b(.*)$/i;

/**
 * After a reference, the words that make it the subject of a note about a LATER story: a modal
 * and a verb (`will integrate`, `will use`, `can begin`; not `will be`/`should be done`, which
 * speak of the referenced story's completion) or a verb of needing this one (`depend on`,
 * `rely on`, `build on`, `benefit from`, `wait for`). Between the two, only an open end
 * (`8.3+`), `and later`/`onwards`, or a parenthesised aside (gone
 * already: refsIn reads outside parentheses). Not after a dash or a colon: `Story 21-1 ✅ Done -
 * Can reuse patterns` speaks of this story.
 */
const LATER_NOTE_RE =
  /^\+?(?: and (?:later|after|beyond)| onwards?)? (?:(?:will|can|could|may|shall|would) (?!be\b|have\b|not\b|only\b)[a-z]|(?:all )?(?:depends? on|rel(?:y|ies) on|builds? (?:on|upon)|benefits? from|waits? for|needs? (?:this|it)\b))/i;

/** `Epic 9 Story 9.2`, `Epic 9, Story 9.2`: the epic only says where the story is; put aside. */
const EPIC_OF_STORY_RE = /\bepic (\d+)(?: ?[,:–—-])? ?(?=stor(?:y|ies) \1\.\d)/gi;
/** `Story 7.x`, `Stories 7.*`: every story of epic 7. */
const EPIC_WILDCARD_RE = /\bstor(?:y|ies) (\d+)\.[x*](?![\w.])/gi;

/**
 * Refs in one statement; `mode` says how much a bare id may count. `tasks`: whether `Task 38`
 * names a story (ccpm, whose stories are tasks); elsewhere `Depends on: Tasks 2-5` names tasks
 * of the story's own task list, put aside (neither an edge nor an unread id).
 */
export function refsIn(text: string, line: number, mode: "value" | "bullet" | "prose", tasks = true): StatementRefs {
  const plain = plainText(text);
  // As a label's value: a list in parentheses spells out which stories ("(5.2-5.8)").
  if (THIS_BLOCKS_RE.test(plain)) return { ...forwardRefsIn(text, line, "value", tasks), reverse: true };
  const subject = SUBJECT_WAITS_RE.exec(plain);
  if (subject && !/\bthis story\b/i.test(subject[1]!)) {
    const object = forwardRefsIn(subject[2]!, line, "prose", tasks);
    if (object.refs.some((r) => r.target.kind !== "epic")) return { refs: [], later: [], none: false, unread: [] };
    return { ...forwardRefsIn(subject[1]!, line, "prose", tasks), unread: [], reverse: true };
  }
  return forwardRefsIn(text, line, mode, tasks);
}

function forwardRefsIn(text: string, line: number, mode: "value" | "bullet" | "prose", tasks: boolean): StatementRefs {
  const { text: marked, files } = markFiles(tasks ? text : text.replace(TASK_LIST_RE, ""), line);
  const refs: DepRef[] = [];
  // `Epic 4` in `Epic 4 Stories 4.3, 4.5`: no edge, but not unread either.
  const located: DepRef[] = [];
  let outside = "";
  let mark = 0;
  for (const seg of splitParens(marked)) {
    const marks = seg.text.split(FILE_MARK).length - 1;
    if (!seg.inParens) {
      outside += seg.text;
      for (let k = 0; k < marks; k++) refs.push(files[mark++]!);
      continue;
    }
    // Parenthesised text is commentary, unless it is only a list of references in a label's
    // value: `Prerequisites: Timeline tools (03.02), auth (Story 1.1-1.9)`, `(03.01-x.md)`. In a
    // section's prose (`- cli-table3 - Already installed (Story 1.1)`) it stays commentary.
    const rest = mode === "value" ? plainText(plainText(seg.text.replace(MARKS_RE, "")).replace(STATUS_WORDS_RE, "")) : "x";
    const list = rest === "" ? [] : listRefs(rest, line);
    if (list && (marks > 0 || list.length > 0)) {
      for (let k = 0; k < marks; k++) refs.push(files[mark++]!);
      pushAll(refs, list);
    } else mark += marks;
  }
  const clean = plainText(plainText(outside.replace(MARKS_RE, " ")).replace(STATUS_WORDS_RE, ""))
    .replace(/ ?[,;&]$/, "")
    .replace(EPIC_OF_STORY_RE, "")
    .replace(EPIC_WILDCARD_RE, "Epic $1");
  if (NONE_RE.test(clean)) return { refs: [], later: [], none: true, unread: [] };
  const list = mode === "value" ? listRefs(clean, line) : null;
  const later: DepRef[] = [];
  if (list) pushAll(refs, list);
  else {
    if (mode === "bullet") {
      const lead = LEAD_ID_RE.exec(clean);
      if (lead) {
        const ref: DepRef = { target: { kind: "story", id: normalId(lead[1]!) }, raw: lead[0], line };
        (LATER_NOTE_RE.test(clean.slice(lead[0].length)) ? later : refs).push(ref);
      }
    }
    const whole = plainText(marked);
    for (const m of clean.matchAll(KEYWORD_LIST_RE)) {
      const kind = wordKind(m[1]!);
      if (kind === "epic" && locatesStories(m[2]!, whole)) {
        pushAll(located, itemRefs(m[2]!, "epic", line, `${m[1]!} ${m[2]!.trim()}`));
        continue;
      }
      const into = LATER_NOTE_RE.test(clean.slice(m.index + m[0].length)) ? later : refs;
      let first = true;
      for (const item of m[2]!.split(SEP_RE)) {
        if (!item.trim()) continue;
        pushAll(into, itemRefs(item, kind, line, first ? `${m[1]!} ${item.trim()}` : item.trim()));
        first = false;
      }
    }
  }
  // The stories the epic located may be in parentheses this statement does not read ("All Epic 22
  // stories (22.1-22.12) completed" in a bullet): then the epic is the reference after all.
  for (const e of located) if (!refs.some((r) => insideEpic(r.target, e.target))) refs.push(e);
  const named = [...refs, ...later, ...located];
  return { refs, later, none: false, unread: unreadTokens(clean, named.length === refs.length ? refs : named) };
}

/** Whether a story or range target lies inside an epic target. */
function insideEpic(t: DepTarget, epic: DepTarget): boolean {
  if (epic.kind !== "epic") return false;
  const prefix = `${keyOf(epic.epic)}.`;
  return (t.kind === "story" && keyOf(t.id).startsWith(prefix)) || (t.kind === "range" && keyOf(t.from).startsWith(prefix));
}

/**
 * `Epic 4 Stories 4.3, 4.5`, `Epic 1 Story 1.7`, `Epic 5 stories (5.2-5.8)`: the epic says where
 * the stories are, it is no dependency on the whole epic. True when the epic's single number is
 * followed at once by the word Story and an id inside that epic.
 */
function locatesStories(epicItems: string, text: string): boolean {
  const epic = epicItems.trim();
  if (!/^\d+(?:\.\d+)*$/.test(epic)) return false;
  // Searched in the text with its parentheses: "(5.2-5.8)" is put aside as commentary elsewhere.
  const after = new RegExp(String.raw`\bepics?\s+${epic.replace(/\./g, "\\.")}\s*[:,-]?\s*stor(?:y|ies)\s*\(?\s*#?(\d+(?:[.-]\d+)+)`, "i").exec(text);
  return after !== null && keyOf(normalId(after[1]!.replace(/-/g, "."))).startsWith(`${keyOf(normalId(epic))}.`);
}

export function targetKey(t: DepTarget): string {
  switch (t.kind) {
    case "story":
      return `s:${keyOf(t.id)}`;
    case "range":
      return `r:${keyOf(t.from)}-${keyOf(t.to)}`;
    case "epic":
      return `e:${keyOf(t.epic)}`;
    case "file":
      return `f:${t.name}`;
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
 * The first two ASCII letters, lower-cased, of every label labelLine accepts (the labels above
 * and NO_COLON_RE's verbs), found as mayBeLabel finds them in a line (index: first * 128 +
 * second). A label with fewer than two (`依赖`, `前置依赖`) is let through by its script instead.
 */
const LABEL_OPENINGS = new Uint8Array(128 * 128);
for (const label of [...FORWARD_LABELS, ...REVERSE_LABELS, "depends on", "requires", "blocked by", "builds on", "built on"]) {
  const opening = openingOf(label, 0, label.length);
  if (opening >= 0) LABEL_OPENINGS[opening] = 1;
}

/** A CJK ideograph: a label in Chinese has no ASCII letter to check. */
function isIdeograph(c: number): boolean {
  return c >= 0x4e00 && c <= 0x9fff;
}

/**
 * The index in LABEL_OPENINGS of the first two ASCII letters of `text` from `start` to `end`,
 * skipping LABEL_SKIP and non-ASCII characters; -1 when there are not two, -2 when a CJK
 * ideograph comes first.
 */
function openingOf(text: string, start: number, end: number): number {
  let first = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) {
      if (first < 0 && isIdeograph(c)) return -2;
      continue;
    }
    if (LABEL_SKIP[c] === 1) continue;
    // `| 0x20` lower-cases ASCII letters and maps no other character onto one.
    if (first < 0) first = c | 0x20;
    else return first * 128 + (c | 0x20);
  }
  return -1;
}

/**
 * False for a line (`text` from `start` to `end`) labelLine would turn down, decided from its
 * first two letters: most lines never reach labelLine's regexes. A label is the start of what
 * labelLine reads, and only LABEL_SKIP characters (or accented letters, skipped alike in the
 * labels) can come before it or between its first two ASCII letters.
 */
function mayBeLabel(text: string, start: number, end: number): boolean {
  const opening = openingOf(text, start, end);
  return opening === -2 || (opening >= 0 && LABEL_OPENINGS[opening] === 1);
}

/** A two-cell table row whose first cell is a dependency label: `| **Dependencies** | 23-5 ✅ |`. */
function tableRow(line: string): LabelLine | null {
  const cells = line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|");
  if (cells.length !== 2) return null;
  const dir = direction(cells[0]!);
  return dir && plainText(cells[1]!) !== "" ? { dir, value: cells[1]! } : null;
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
 * The unread tokens that name no story another statement of the file names, in either direction:
 * `**依赖关系:** 本故事为 6.2.1 的追踪字段提供 schema；6.2.3+ 依赖本故事` beside `**前置故事:** Story
 * 6.2.1` and `**后续故事:** 6.2.3` loses nothing, so it is not worth a warning.
 */
function namedElsewhere(unread: DependencyInfo["unread"], refs: readonly DepRef[], blocks: readonly DepRef[]): DependencyInfo["unread"] {
  if (unread.length === 0) return unread;
  const named = new Set<string>();
  namedIds(refs, named);
  namedIds(blocks, named);
  return unread.filter((u) => !tokenKeys(u.token).some((k) => named.has(k)));
}

/**
 * Reads dependency statements from a story body.
 * @param body the body's lines, or their scan; `lineOffset` is how many file lines precede its
 * first line. `tasksAreStories`: the file is a ccpm task, so `Task 38` names another story.
 */
export function extractDependencies(body: readonly string[] | ScannedLines, lineOffset = 0, tasksAreStories = false): DependencyInfo {
  const scan = body instanceof ScannedLines ? body : scanLines(body);
  const { fenced, headings, count } = scan;
  const refs: DepRef[] = [];
  const blocks: DepRef[] = [];
  const unread: DependencyInfo["unread"] = [];
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
  // Inside a review section, lines before this index are a story card (storyCardEnd): read.
  let cardEnd = -1;

  const record = (dir: Direction, found: StatementRefs, line: number): void => {
    for (const token of found.unread) unread.push({ token, line });
    // The stories a note says will use this one wait for it, whichever way the label points.
    pushAll(blocks, found.later);
    if (found.reverse) {
      pushAll(blocks, found.refs);
      return;
    }
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
    if (ignored) {
      if (i >= cardEnd && !THEMATIC_BREAK_RE.test(scan.line(i))) continue;
      if (i >= cardEnd) {
        cardEnd = storyCardEnd(scan, i);
        continue;
      }
    }
    const first = scan.firstNonSpace(i);
    if (first === 124) {
      // "|": a table row. Only `| **Dependencies** | Story 7.6-6 (done) |` (a label cell, then
      // its value) is a statement; "| Dependencies, Build & Configuration | ..." is not.
      const row = tableRow(scan.line(i));
      if (row) record(row.dir, refsIn(row.value, lineNo, "value", tasksAreStories), lineNo);
      continue;
    }
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
        record(label.dir, refsIn(label.value, lineNo, "value", tasksAreStories), lineNo);
        block = null;
      }
      continue;
    }
    // Outside a dependency section or block, a line that is not a label says nothing.
    if (!block && !sub && !section) continue;
    const raw = scan.line(i);
    if (relationLine(raw)) {
      // `- **Related**: Story 3.1.1`: no order. Alone (`**Related Stories:**`), it heads bullets.
      if (section && boldLabel(raw) !== null) sub = "none";
      continue;
    }
    if (section && boldLabel(raw) !== null) {
      sub = "none"; // a bold label that is not a dependency label: "**Related Stories:**"
      continue;
    }

    const isBullet = BULLET_RE.test(raw) || /^\s{2,}\S/.test(raw);
    if (block) {
      if (isBullet) {
        block.seenBullet = true;
        record(block.dir, refsIn(raw.replace(BULLET_RE, ""), lineNo, "bullet", tasksAreStories), lineNo);
        continue;
      }
      block = null;
    }
    const dir = sub ?? section;
    if (dir && dir !== "none") {
      const text = raw.replace(BULLET_RE, "").replace(/^\[[ xX]\]\s*/, "");
      record(dir, refsIn(text, lineNo, isBullet ? "bullet" : "prose", tasksAreStories), lineNo);
    }
  }

  const info: DependencyInfo = {
    declared: declaredLine !== undefined,
    refs: dedupeRefs(refs),
    blocks: dedupeRefs(blocks),
    unread: namedElsewhere(unread, refs, blocks),
  };
  if (declaredLine !== undefined) info.line = declaredLine;
  return info;
}
