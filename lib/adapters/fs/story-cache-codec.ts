// The parse cache's compact form of one file's outcome. A story's parse is written as one
// JSON array (fields by position) rather than as its objects, and its checklists as text in a
// pool shared by the whole cache, turned back into items only when read (`plan` never reads
// them): on 10,000 stories the cache file shrinks from 14.9 to 8.4 MB, and JSON.parse of it
// from 76 to about 14 ms. Anything else (skips, failed parses, files that are no story) is rare and kept as its
// plain JSON. decode(encode(x)) equals x exactly, key order included (JSON output depends on it);
// an outcome that would not come back equal is not encoded (encode returns null).
import type { Diag } from "../../core/diagnostics.js";
import type { ChecklistItem, DepRef, DepTarget, ParsedStory } from "../../core/model.js";
import type { StoryParse } from "../../core/stories/parse-story.js";
import { jsonSafe } from "./cache-dir.js";

/** What one file turned into: a read-stage skip (empty, binary, too large) or a parse. */
export type Outcome = { kind: "skip"; warning: Diag } | { kind: "parse"; parse: StoryParse };

type StoryOutcome = Extract<StoryParse, { kind: "story" }>;

/** First element of an encoded outcome. */
const STORY = 0;
const PLAIN = 1;

/** Where an encoded story keeps its checklists' offsets in the pool: [start, tasks start, end]. */
const POOL_AT = 14;

/** The checklist offsets of encoded story `f` when they are numbers in order within `poolLength`. */
function poolRange(f: readonly unknown[], poolLength: number): [start: number, mid: number, end: number] | null {
  const [start, mid, end] = [f[POOL_AT], f[POOL_AT + 1], f[POOL_AT + 2]];
  const ok = typeof start === "number" && typeof mid === "number" && typeof end === "number" && 0 <= start && start <= mid && mid <= end && end <= poolLength;
  return ok ? [start, mid, end] : null;
}

/** How many keys a ParsedStory has (all required, optional ones nested). */
const STORY_KEYS = 12;
const OVERRIDE_KEYS: ReadonlySet<string> = new Set(["agent", "priority", "parallel", "conflictsWith"]);
const ID_SOURCES: readonly ParsedStory["idSource"][] = ["front-matter", "heading", "file-name"];

/**
 * The checklist text of every story in a cache, as one string: read back by offsets, so the
 * cache's JSON holds one long string instead of two per story (fewer, larger strings: less for
 * JSON.parse to build and for the young-generation GC to copy).
 */
export class TextPool {
  private readonly parts: string[] = [];
  length = 0;

  add(text: string): void {
    this.parts.push(text);
    this.length += text.length;
  }

  text(): string {
    return this.parts.join("");
  }
}

/** Thrown inside encode for a value JSON would not give back as it is; caught in encode. */
class NotEncodable extends Error {}

const fail = (): never => {
  throw new NotEncodable();
};
const str = (v: string): string => (typeof v === "string" ? v : fail());
const int = (v: number): number => (Number.isSafeInteger(v) && !Object.is(v, -0) ? v : fail());
const optInt = (v: number | undefined): number | null => (v === undefined ? null : int(v));
const optStr = (v: string | undefined): string | null => (v === undefined ? null : str(v));

/**
 * The JSON-ready form of `outcome`, or null when it has something JSON would not give back as
 * it is (an undefined-valued key, a non-finite number, a class instance).
 */
export function encodeOutcome(outcome: Outcome, pool: TextPool): unknown[] | null {
  try {
    if (outcome.kind === "parse" && outcome.parse.kind === "story") return encodeStory(outcome.parse, pool);
    return jsonSafe(outcome) ? [PLAIN, outcome] : null;
  } catch (e) {
    if (e instanceof NotEncodable) return null;
    throw e;
  }
}

function encodeStory(p: StoryOutcome, pool: TextPool): unknown[] {
  const s = p.story;
  // A field added to ParsedStory but not here would be dropped: refuse instead (tests catch it).
  if (Object.keys(s).length !== STORY_KEYS || Object.keys(s.overrides).some((k) => !OVERRIDE_KEYS.has(k))) fail();
  const plainDiags = (ds: Diag[]): Diag[] => (ds.length === 0 || jsonSafe(ds) ? ds : fail());
  return [
    STORY,
    str(s.id),
    ID_SOURCES.indexOf(s.idSource),
    str(s.title),
    str(s.path),
    s.status.raw === null ? null : str(s.status.raw),
    str(s.status.normalized),
    optInt(s.status.line),
    str(s.epic.number),
    optStr(s.epic.name),
    s.dependencies.declared ? 1 : 0,
    optInt(s.dependencies.line),
    s.dependencies.refs.map(encodeRef),
    s.blocks.map(encodeRef),
    ...encodeChecklists(s, pool),
    s.technologies.map(str),
    optStr(s.overrides.agent),
    s.overrides.priority === undefined ? null : Number.isFinite(s.overrides.priority) ? s.overrides.priority : fail(),
    optInt(p.idLine),
    plainDiags(p.warnings),
    plainDiags(p.errors),
    ...encodeTail(p),
  ];
}

/**
 * The optional slots, present only up to the last one used: 23 is a ccpm task's local number
 * (`# Task 009` in 27.md) or null, 24 its scheduling hints [parallel: false, conflicts] or null,
 * 25 why a companion-named file is the story (`companion`).
 */
function encodeTail(p: StoryOutcome): unknown[] {
  const s = p.story;
  const slots: unknown[] = [
    p.localId === undefined ? null : str(p.localId),
    hasHints(s) ? [s.overrides.parallel === false ? 1 : 0, s.overrides.conflictsWith?.map(encodeRef) ?? null] : null,
    p.companion === undefined ? null : str(p.companion),
  ];
  while (slots.length > 0 && slots[slots.length - 1] === null) slots.pop();
  return slots;
}

/** Whether a story carries ccpm scheduling hints (`parallel: false`, `conflicts_with`). */
function hasHints(s: ParsedStory): boolean {
  return s.overrides.parallel === false || s.overrides.conflictsWith !== undefined;
}

/** `[raw, line, kind, ...target]`, with the ref's `source` last when it has one. */
function encodeRef(r: DepRef): unknown[] {
  const t = r.target;
  const target =
    t.kind === "story"
      ? ["s", str(t.id)]
      : t.kind === "range"
        ? t.alt === undefined
          ? ["r", str(t.from), str(t.to)]
          : ["a", str(t.from), str(t.to), str(t.alt)]
        : t.kind === "epic"
          ? ["e", str(t.epic)]
          : ["f", str(t.name)];
  const out = [str(r.raw), int(r.line), ...target];
  if (r.source !== undefined) out.push(r.source);
  return out;
}

/**
 * A checklist as text: per item "16x text" (the line, "x" for done or "-", the text), the
 * items joined by "\n" (no item text holds one: it comes from a single line).
 */
function itemsText(items: readonly ChecklistItem[]): string {
  return items.map((c) => (str(c.text).includes("\n") ? fail() : `${int(c.line)}${c.done ? "x" : "-"}${c.text}`)).join("\n");
}

/** The story's checklists added to `pool`: [acceptance criteria start, tasks start, tasks end]. */
function encodeChecklists(s: ParsedStory, pool: TextPool): [number, number, number] {
  const ac = itemsText(s.acceptanceCriteria);
  const tasks = itemsText(s.tasks);
  const start = pool.length;
  pool.add(ac);
  pool.add(tasks);
  return [start, start + ac.length, pool.length];
}

/** `packed` (written into the pool `from`) with its checklist text moved into `to`. */
export function movePooled(packed: unknown[], from: string, to: TextPool): unknown[] {
  const range = packed[0] === STORY ? poolRange(packed, from.length) : null;
  if (!range) return packed;
  const [start, mid, end] = range;
  const at = to.length;
  to.add(from.slice(start, end));
  const moved = packed.slice();
  moved.splice(POOL_AT, 3, at, at + (mid - start), at + (end - start));
  return moved;
}

/** The outcome `encodeOutcome` made `packed` from; null for anything it did not make. */
export function decodeOutcome(packed: unknown, pool: string): Outcome | null {
  if (!Array.isArray(packed)) return null;
  if (packed[0] === PLAIN) {
    const o = packed[1] as Partial<Outcome> | null;
    const ok = o !== null && typeof o === "object" && ((o.kind === "skip" && typeof o.warning === "object") || (o.kind === "parse" && typeof o.parse === "object"));
    return ok ? (o as Outcome) : null;
  }
  const localOk = packed.length === 23 || typeof packed[23] === "string" || packed[23] === null;
  const hintsOk = packed.length <= 24 || Array.isArray(packed[24]) || (packed[24] === null && packed.length === 26);
  const companionOk = packed.length <= 25 || typeof packed[25] === "string";
  if (packed[0] !== STORY || packed.length < 23 || packed.length > 26 || !localOk || !hintsOk || !companionOk) return null;
  const range = poolRange(packed, pool.length);
  return range ? { kind: "parse", parse: decodeStory(packed, pool, range) } : null;
}

// Objects are built in the parser's key order: JSON output of a cached parse must be the same bytes.
function decodeStory(f: unknown[], pool: string, [start, mid, end]: [number, number, number]): StoryOutcome {
  const status: ParsedStory["status"] = { raw: f[5] as string | null, normalized: f[6] as ParsedStory["status"]["normalized"] };
  if (f[7] !== null) status.line = f[7] as number;
  const epic: ParsedStory["epic"] = { number: f[8] as string };
  if (f[9] !== null) epic.name = f[9] as string;
  const dependencies: ParsedStory["dependencies"] = { declared: f[10] === 1, refs: (f[12] as unknown[][]).map(decodeRef) };
  if (f[11] !== null) dependencies.line = f[11] as number;
  const overrides: ParsedStory["overrides"] = {};
  if (f[18] !== null) overrides.agent = f[18] as string;
  if (f[19] !== null) overrides.priority = f[19] as number;
  const hints = f[24] as [number, unknown[][] | null] | null | undefined;
  if (hints?.[0] === 1) overrides.parallel = false;
  if (hints?.[1]) overrides.conflictsWith = hints[1].map(decodeRef);
  // The checklists are turned back into items only when read: `plan` never reads them.
  let acceptanceCriteria: ChecklistItem[] | undefined;
  let tasks: ChecklistItem[] | undefined;
  const story: ParsedStory = {
    id: f[1] as string,
    idSource: ID_SOURCES[f[2] as number] ?? "file-name",
    title: f[3] as string,
    path: f[4] as string,
    status,
    epic,
    dependencies,
    blocks: (f[13] as unknown[][]).map(decodeRef),
    get acceptanceCriteria() {
      return (acceptanceCriteria ??= decodeItems(pool, start, mid));
    },
    set acceptanceCriteria(v) {
      acceptanceCriteria = v;
    },
    get tasks() {
      return (tasks ??= decodeItems(pool, mid, end));
    },
    set tasks(v) {
      tasks = v;
    },
    technologies: f[17] as string[],
    overrides,
  };
  const out: StoryOutcome = { kind: "story", story, idLine: (f[20] as number | null) ?? undefined, warnings: f[21] as Diag[], errors: f[22] as Diag[] };
  if (typeof f[23] === "string") out.localId = f[23];
  if (typeof f[25] === "string") out.companion = f[25];
  return out;
}

function decodeRef(r: unknown[]): DepRef {
  const kind = r[2];
  const target: DepTarget =
    kind === "s"
      ? { kind: "story", id: r[3] as string }
      : kind === "r"
        ? { kind: "range", from: r[3] as string, to: r[4] as string }
        : kind === "a"
          ? { kind: "range", from: r[3] as string, to: r[4] as string, alt: r[5] as string }
          : kind === "e"
            ? { kind: "epic", epic: r[3] as string }
            : { kind: "file", name: r[3] as string };
  const ref: DepRef = { target, raw: r[0] as string, line: r[1] as number };
  // The source follows the target's fields.
  const source = r[kind === "a" ? 6 : kind === "r" ? 5 : 4];
  if (source !== undefined) ref.source = source as DepRef["source"];
  return ref;
}

/** The items itemsText wrote into s[from..to). */
function decodeItems(s: string, from: number, to: number): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  for (let at = from; at < to; ) {
    let end = s.indexOf("\n", at);
    if (end < 0 || end > to) end = to;
    let i = at;
    let line = 0;
    for (let c = s.charCodeAt(i); c >= 48 && c <= 57; c = s.charCodeAt(++i)) line = line * 10 + (c - 48);
    items.push({ text: s.slice(i + 1, end), done: s.charCodeAt(i) === 120, line });
    at = end + 1;
  }
  return items;
}
