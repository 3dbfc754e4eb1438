// Story ids: "1.1", "1.11b", "19A.2", "0.5.3", "13", and namespaced ones: "UGM-1.2", "US-021",
// "EH-1.1". Number parts have an optional letter suffix; ids order by namespace (none first),
// then part by part, numerically (1.9 < 1.10 < 1.10b < 1.11). Letter case keeps what the author
// wrote but never matters for identity: 19a.2 and 19A.2 are one story, as are ugm-1.2 and UGM-1.2.
//
// A namespace is the words before the number, joined by "-" (each word a letter, then letters or
// digits): `UGM-1.2` is not `1.2`, and its epic is `UGM-1`. The words Story, Task and Issue alone
// are not a namespace but what the thing is called: `STORY-064` is story 64 and `Story-1.2` is
// 1.2 (BakerSean168/DailyUse writes STORY-027 for its story 27 and STORY-13.14 for story 14 of
// its epic-013 folder; BMAD names files story-1.2.md). normalizeId and idKey drop such a word.
//
// A story may have a part after its number, as authors mark a part, patch or phase of a story:
// `6.2-P1`, `6.2-P10`, `1.3-Part2`, `4.1-pt1`, `2.2-patch3` (WorkDataHub's 6.2-P1..P18 under its
// sub-epic 6.2). The part is a word of that list and a number, after a "-"; only those words, so
// that a title word in a file name (`6.1-2-layer2-...`, `7.6-12-scd2-...`, `1-3-s3-bucket`) is no
// part. `6.2-P1` is not 6.2: it is one more part of the id, ordered after the numbered parts at
// its level (6.2 < 6.2.1 < 6.2-P1 < 6.2-P2 < 6.2-P10 < 6.2a < 6.3), and its epic is 6.2.
//
// The grammar is also the path-safety guarantee: an id that passes `isStoryId` contains only
// [0-9A-Za-z.-], starts with a letter or digit and is at most MAX_ID_LENGTH characters, so it can
// name a state file, a branch or a worktree without escaping anything.

export type StoryId = string;

/** The longest id: a namespace made from a ccpm epic folder name can be long. */
export const MAX_ID_LENGTH = 64;

/** A part of a story (`P1`, `Part2`, `pt3`, `patch1`): one of these words, then digits. Any case. */
export const ID_SUFFIX_SRC = String.raw`[Pp](?:[Aa][Rr][Tt]|[Aa][Tt][Cc][Hh]|[Tt])?\d+`;
const SUFFIX_RE = new RegExp(String.raw`^([A-Za-z]+)(\d+)$`);

const ID_RE = new RegExp(String.raw`^(?:[A-Za-z][A-Za-z0-9]*-)*\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)*(?:-${ID_SUFFIX_SRC})?$`);
const PART_RE = /^(\d+)([A-Za-z]?)$/;

/**
 * The id token of dependency statements and headings: an id with at most one namespace word
 * (`UGM-1.1`, `US-021`, `1.2`, `5.1A`), not followed by a letter or digit. One word, not several:
 * prose is full of dashed words before numbers ("auth-service-2"), and a namespace of several
 * words only comes from a ccpm epic folder (see ccpm-tasks.ts), never from what people type.
 * No capture groups, so callers can wrap it in their own.
 */
/** An optional namespace word and its dash, before an id's first number part. */
export const NAMESPACE_PREFIX_SRC = String.raw`(?:[A-Za-z][A-Za-z0-9]{0,15}-(?=\d))?`;
export const ID_TOKEN_SRC = String.raw`${NAMESPACE_PREFIX_SRC}\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)*(?:-${ID_SUFFIX_SRC})?(?![A-Za-z0-9])`;
/** The same with at least two number parts (`1.2`, `UGM-1.2`): a bare `13` says little on its own. */
export const DOTTED_ID_TOKEN_SRC = String.raw`${NAMESPACE_PREFIX_SRC}\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)+(?:-${ID_SUFFIX_SRC})?(?![A-Za-z0-9])`;

export function isStoryId(text: string): boolean {
  return text.length <= MAX_ID_LENGTH && ID_RE.test(text);
}

/** A first namespace word that names the kind of thing, not a namespace: `STORY-064` is story 64. */
const KIND_WORD_RE = /^(?:story|stories|task|issue)(?:-|$)/i;

/**
 * Where the number part of `id` starts: after the "-" before its first digit (a namespace word
 * starts with a letter, and a part after the number, `-P1`, too), 0 for an id without a namespace.
 */
function numberStart(id: string): number {
  const c = id.charCodeAt(0);
  if (c >= 48 && c <= 57) return 0;
  const m = /-\d/.exec(id);
  return m ? m.index + 1 : 0;
}

/** Where the part after the number (`-P1`) starts in `id` (its "-"), -1 when there is none. */
function suffixStart(id: string, from: number): number {
  return id.indexOf("-", from);
}

/** An id in three: namespace as written ("" for none), number parts, part after them ("" for none). */
export interface IdPieces {
  prefix: string;
  numbers: string;
  suffix: string;
}

export function splitId(id: StoryId): IdPieces {
  const n = numberStart(id);
  const s = suffixStart(id, n);
  return {
    prefix: n === 0 ? "" : id.slice(0, n - 1),
    numbers: s < 0 ? id.slice(n) : id.slice(n, s),
    suffix: s < 0 ? "" : id.slice(s + 1),
  };
}

/** The id without its part after the number: `6.2-P1` → `6.2`, `UGM-1.2-P3` → `UGM-1.2`. */
export function withoutSuffix(id: StoryId): StoryId {
  const s = suffixStart(id, numberStart(id));
  return s < 0 ? id : id.slice(0, s);
}

/** The namespace of an id as written ("UGM" for UGM-1.2, "" for 1.2 and STORY-064), kind word dropped. */
export function namespaceOf(id: StoryId): string {
  const n = numberStart(id);
  if (n === 0) return "";
  const ns = id.slice(0, n - 1);
  const kind = KIND_WORD_RE.exec(ns);
  return kind ? ns.slice(kind[0].length) : ns;
}

/** `ns` and a number part joined into an id ("UGM", "1.2" → "UGM-1.2"; "", "1.2" → "1.2"). */
export function withNamespace(ns: string, id: StoryId): StoryId {
  return ns === "" ? id : `${ns}-${id}`;
}

/** Number parts up to this many digits are exact as doubles, so the fast paths below agree with Number(). */
const MAX_EXACT_DIGITS = 15;

/**
 * An id already in key form: number parts (up to MAX_EXACT_DIGITS digits) without leading
 * zeros, lower-case suffixes. One native regex test: a hand-written character loop is several
 * times slower in code that runs once per process, as the planner's does.
 */
const KEY_FORM_RE = /^(?:0|[1-9]\d{0,14})[a-z]?(?:\.(?:0|[1-9]\d{0,14})[a-z]?)*$/;

/** True when `id` already is its own key (idKey(id) === id): most ids are. */
export function isIdKey(id: string): boolean {
  return KEY_FORM_RE.test(id);
}

/**
 * "007" → "7", "0" → "0". Textual, not Number(): a part of 16 or more digits is not exact as a
 * double, and two different ids must never get one key.
 */
function dropZeros(digits: string): string {
  return digits.replace(/^0+(?=\d)/, "");
}

/** The number part's key: leading zeros dropped, suffixes lower-cased. */
function numberKey(id: string): string {
  return id
    .split(".")
    .map((p) => {
      const m = PART_RE.exec(p);
      return m ? `${dropZeros(m[1]!)}${(m[2] ?? "").toLowerCase()}` : p.toLowerCase();
    })
    .join(".");
}

/**
 * Key for maps and equality: case-insensitive, leading zeros dropped in number parts
 * (1.01 = 1.1, US-021 = us-21), a kind word dropped (STORY-064 = 64).
 */
export function idKey(id: StoryId): string {
  if (isIdKey(id)) return id;
  const { prefix, numbers, suffix } = splitId(id);
  const key = numberKey(numbers) + (suffix === "" ? "" : `-${suffixKey(suffix).toLowerCase()}`);
  return prefix === "" ? key : withNamespace(namespaceOf(id).toLowerCase(), key);
}

/** `P01` → `P1`: leading zeros of a part's number do not count; the word keeps its case. */
function suffixKey(suffix: string): string {
  const m = SUFFIX_RE.exec(suffix);
  return m ? `${m[1]!}${dropZeros(m[2]!)}` : suffix;
}

/** Normalises leading zeros ("01.02" → "1.2", "US-021" → "US-21"), drops a kind word, keeps the letter case. */
export function normalizeId(id: StoryId): StoryId {
  const n = numberStart(id);
  const pieces = splitId(id);
  const part = pieces.suffix === "" ? "" : `-${suffixKey(pieces.suffix)}`;
  const numbers = pieces.numbers
    .split(".")
    .map((p) => {
      const m = PART_RE.exec(p);
      return m ? `${dropZeros(m[1]!)}${m[2] ?? ""}` : p;
    })
    .join(".") + part;
  return n === 0 ? numbers : withNamespace(namespaceOf(id), numbers);
}

/**
 * The id as [number, suffix, number, suffix, ...]: what id order compares. A part that is not
 * a number with an optional letter sorts after every numbered part.
 */
export type IdSortKey = (number | string)[];

export function idSortKey(id: StoryId): IdSortKey {
  const out: IdSortKey = [];
  const s = suffixStart(id, 0);
  for (const p of (s < 0 ? id : id.slice(0, s)).split(".")) {
    const m = PART_RE.exec(p);
    if (m) out.push(Number(m[1]), (m[2] ?? "").toLowerCase());
    else out.push(Number.MAX_SAFE_INTEGER, p.toLowerCase());
  }
  if (s >= 0) {
    // `-P2`: after every numbered part at its level, then by its word and its number (P2 < P10).
    const m = SUFFIX_RE.exec(id.slice(s + 1));
    if (m) out.push(Number.MAX_SAFE_INTEGER, m[1]!.toLowerCase(), Number(m[2]), "");
    else out.push(Number.MAX_SAFE_INTEGER, id.slice(s + 1).toLowerCase());
  }
  return out;
}

/** Part by part; a missing part sorts first (1 < 1.1); "" < "a" < "b" within a number. */
export function compareIdSortKeys(a: IdSortKey, b: IdSortKey): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i += 2) {
    const na = (a[i] as number | undefined) ?? -1;
    const nb = (b[i] as number | undefined) ?? -1;
    if (na !== nb) return na - nb;
    const sa = (a[i + 1] as string | undefined) ?? "";
    const sb = (b[i + 1] as string | undefined) ?? "";
    if (sa !== sb) return sa < sb ? -1 : 1;
  }
  return 0;
}

/** What readPart read: the part's number and suffix (lower-case letter code, 0 for none). */
let partNumber = 0;
let partSuffix = 0;

/**
 * Reads the part of `id` starting at `i` into partNumber/partSuffix and returns where the next
 * part starts; -1 when the part is not digits (up to MAX_EXACT_DIGITS) with an optional ASCII
 * letter. A start past the end means "no part left": number -1, which sorts first (1 < 1.1).
 * Module-level results, not an object: sorting 10,000 ids reads parts millions of times.
 */
function readPart(id: string, i: number): number {
  partSuffix = 0;
  if (i > id.length) {
    partNumber = -1;
    return i;
  }
  const from = i;
  // -1 past the end: charCodeAt there is NaN, and reading it deoptimises optimised code.
  let c = i < id.length ? id.charCodeAt(i) : -1;
  for (partNumber = 0; c >= 48 && c <= 57; c = ++i < id.length ? id.charCodeAt(i) : -1) partNumber = partNumber * 10 + (c - 48);
  if (i === from || i - from > MAX_EXACT_DIGITS) return -1;
  if ((c | 0x20) >= 97 && (c | 0x20) <= 122) {
    partSuffix = c | 0x20;
    c = ++i < id.length ? id.charCodeAt(i) : -1;
  }
  if (i < id.length && c !== 46) return -1; // "." ends a part
  return i + 1;
}

/**
 * compareIdSortKeys(idSortKey(a), idSortKey(b)) without building either key, for ids whose parts
 * are all digits (up to MAX_EXACT_DIGITS) with an optional ASCII letter; NaN for any other id
 * (the caller then takes the exact, slower way). Allocates nothing: sorting or checking the
 * order of 10,000 ids calls it 10,000 times or more.
 */
function compareWellFormedIds(a: StoryId, b: StoryId): number {
  let i = 0;
  let j = 0;
  while (i <= a.length || j <= b.length) {
    i = readPart(a, i);
    if (i < 0) return NaN;
    const na = partNumber;
    const sa = partSuffix;
    j = readPart(b, j);
    if (j < 0) return NaN;
    if (na !== partNumber) return na - partNumber;
    if (sa !== partSuffix) return sa < partSuffix ? -1 : 1;
  }
  return 0;
}

/**
 * By namespace first (none before any, then case-insensitive alphabetical: AP-9 < UGM-1), then
 * part-by-part numeric order; a prefix sorts first (1 < 1.1); "" < "a" < "b" within a number.
 */
export function compareIds(a: StoryId, b: StoryId): number {
  const quick = compareWellFormedIds(a, b);
  if (!Number.isNaN(quick)) return quick;
  const na = numberStart(a);
  const nb = numberStart(b);
  if (na !== 0 || nb !== 0) {
    const sa = namespaceOf(a).toLowerCase();
    const sb = namespaceOf(b).toLowerCase();
    if (sa !== sb) return sa < sb ? -1 : 1;
    return compareIds(a.slice(na), b.slice(nb));
  }
  return compareIdSortKeys(idSortKey(a), idSortKey(b));
}

/**
 * The epic of an id: every number part but the last, in its namespace ("1.2" → "1",
 * "0.5.3" → "0.5", "UGM-3.1" → "UGM-3"). A single-part id has no epic number ("13" → ""),
 * but a namespaced one is in its namespace ("US-21" → "US"): stories of one namespace belong
 * together, never with the un-namespaced ones. A part of a story is in the story: "6.2-P1" → "6.2".
 */
export function epicOf(id: StoryId): string {
  // A part of a story (`6.2-P1`) belongs with the story's own parts: its epic is 6.2.
  const whole = withoutSuffix(id);
  if (whole !== id) return whole;
  const i = id.lastIndexOf(".");
  if (i >= 0) return id.slice(0, i);
  return numberStart(id) === 0 ? "" : namespaceOf(id);
}

/** The widest epic range read as a range (`Epics 1-99999999` is a typo, not 10^8 epics). */
export const MAX_EPIC_SPAN = 50;
