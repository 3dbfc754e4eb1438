// Fast paths for the hot id operations on 10,000-story projects: idKey memoised, and sorting
// by id with each id parsed once (compareIds re-parses both ids on every comparison).
// Results are identical to ids.ts; only the cost differs.
import { idKey, normalizeId, type StoryId } from "../ids.js";

const keys = new Map<string, string>();

/** idKey, memoised (bounded, so a long-lived process cannot grow it without limit). */
export function keyOf(id: StoryId): string {
  let k = keys.get(id);
  if (k === undefined) {
    if (keys.size > 200_000) keys.clear();
    k = idKey(id);
    keys.set(id, k);
  }
  return k;
}

const normalized = new Map<string, string>();

/** normalizeId, memoised the same way (parsers normalise the same few ids over and over). */
export function normalizeIdFast(id: string): StoryId {
  let n = normalized.get(id);
  if (n === undefined) {
    if (normalized.size > 200_000) normalized.clear();
    n = normalizeId(id);
    normalized.set(id, n);
  }
  return n;
}

const PART_RE = /^(\d+)([A-Za-z]?)$/;

/** Flattened [number, suffix, number, suffix, ...] matching compareIds' part order. */
function sortKey(id: StoryId): (number | string)[] {
  const out: (number | string)[] = [];
  for (const p of id.split(".")) {
    const m = PART_RE.exec(p);
    if (m) out.push(Number(m[1]), (m[2] ?? "").toLowerCase());
    else out.push(Number.MAX_SAFE_INTEGER, p.toLowerCase());
  }
  return out;
}

const sortKeys = new Map<string, (number | string)[]>();

/** sortKey, memoised like keyOf. */
function sortKeyOf(id: StoryId): (number | string)[] {
  let k = sortKeys.get(id);
  if (k === undefined) {
    if (sortKeys.size > 200_000) sortKeys.clear();
    k = sortKey(id);
    sortKeys.set(id, k);
  }
  return k;
}

/** compareIds, with each distinct id parsed once per process. */
export function compareIdsFast(a: StoryId, b: StoryId): number {
  return compareKeys(sortKeyOf(a), sortKeyOf(b));
}

function compareKeys(a: (number | string)[], b: (number | string)[]): number {
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

/**
 * A copy of `items` sorted by id (compareIds order), each id parsed once; `tie` orders items
 * with equal ids (the sort is stable without it).
 */
export function sortById<T>(items: readonly T[], idOf: (item: T) => StoryId, tie?: (a: T, b: T) => number): T[] {
  return items
    .map((item) => ({ item, key: sortKey(idOf(item)) }))
    .sort((a, b) => compareKeys(a.key, b.key) || (tie ? tie(a.item, b.item) : 0))
    .map((d) => d.item);
}
