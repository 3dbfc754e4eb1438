// Fast paths for the hot id operations on 10,000-story projects: idKey memoised, and sorting
// by id with each id parsed once (compareIds re-parses both ids on every comparison).
// Results are identical to ids.ts; only the cost differs.
import { compareIdSortKeys, idKey, idSortKey, normalizeId, type StoryId } from "../ids.js";
import { memoize } from "../memoize.js";

/** idKey, memoised. */
export const keyOf: (id: StoryId) => string = memoize(idKey, 200_000);

/** normalizeId, memoised (parsers normalise the same few ids over and over). */
export const normalizeIdFast: (id: string) => StoryId = memoize(normalizeId, 200_000);

const sortKeyOf = memoize(idSortKey, 200_000);

/** compareIds, with each distinct id parsed once per process. */
export function compareIdsFast(a: StoryId, b: StoryId): number {
  return compareIdSortKeys(sortKeyOf(a), sortKeyOf(b));
}

/**
 * A copy of `items` sorted by id (compareIds order), each id parsed once; `tie` orders items
 * with equal ids (the sort is stable without it).
 */
export function sortById<T>(items: readonly T[], idOf: (item: T) => StoryId, tie?: (a: T, b: T) => number): T[] {
  return items
    .map((item) => ({ item, key: idSortKey(idOf(item)) }))
    .sort((a, b) => compareIdSortKeys(a.key, b.key) || (tie ? tie(a.item, b.item) : 0))
    .map((d) => d.item);
}
