// Story ids: "1.1", "1.11b", "19A.2", "0.5.3", "13". Parts are numbers with an optional letter
// suffix; ids order part by part, numerically (1.9 < 1.10 < 1.10b < 1.11). Letter case keeps
// what the author wrote but never matters for identity: 19a.2 and 19A.2 are one story.
// The grammar is also the path-safety guarantee: an id that passes `isStoryId` contains only
// [0-9A-Za-z.], so it can name a state file, a branch or a worktree without escaping anything.

export type StoryId = string;

const ID_RE = /^\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)*$/;
const PART_RE = /^(\d+)([A-Za-z]?)$/;

export function isStoryId(text: string): boolean {
  return text.length <= 40 && ID_RE.test(text);
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

/** Key for maps and equality: case-insensitive, leading zeros dropped (1.01 = 1.1). */
export function idKey(id: StoryId): string {
  if (isIdKey(id)) return id;
  return id
    .split(".")
    .map((p) => {
      const m = PART_RE.exec(p);
      return m ? `${dropZeros(m[1]!)}${(m[2] ?? "").toLowerCase()}` : p.toLowerCase();
    })
    .join(".");
}

/** Normalises leading zeros ("01.02" → "1.2") and keeps the letter case. */
export function normalizeId(id: StoryId): StoryId {
  return id
    .split(".")
    .map((p) => {
      const m = PART_RE.exec(p);
      return m ? `${dropZeros(m[1]!)}${m[2] ?? ""}` : p;
    })
    .join(".");
}

/**
 * The id as [number, suffix, number, suffix, ...]: what id order compares. A part that is not
 * a number with an optional letter sorts after every numbered part.
 */
export type IdSortKey = (number | string)[];

export function idSortKey(id: StoryId): IdSortKey {
  const out: IdSortKey = [];
  for (const p of id.split(".")) {
    const m = PART_RE.exec(p);
    if (m) out.push(Number(m[1]), (m[2] ?? "").toLowerCase());
    else out.push(Number.MAX_SAFE_INTEGER, p.toLowerCase());
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

/** Part-by-part numeric order; a prefix sorts first (1 < 1.1); "" < "a" < "b" within a number. */
export function compareIds(a: StoryId, b: StoryId): number {
  const quick = compareWellFormedIds(a, b);
  return Number.isNaN(quick) ? compareIdSortKeys(idSortKey(a), idSortKey(b)) : quick;
}

/** The epic number of an id: every part but the last ("1.2" → "1", "0.5.3" → "0.5", "13" → ""). */
export function epicOf(id: StoryId): string {
  const i = id.lastIndexOf(".");
  return i < 0 ? "" : id.slice(0, i);
}

/** The widest epic range read as a range (`Epics 1-99999999` is a typo, not 10^8 epics). */
export const MAX_EPIC_SPAN = 50;
