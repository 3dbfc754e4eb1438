// Fast paths for the hot id operations on 10,000-story projects. Results are identical to
// ids.ts; only the cost differs.
import { compareIds, idKey, isIdKey, type StoryId } from "../ids.js";
import { memoize } from "../memoize.js";

const memoKey = memoize(idKey, 200_000);

/** idKey: an id already in key form is its own key (no lookup); the others are memoised. */
export function keyOf(id: StoryId): string {
  return isIdKey(id) ? id : memoKey(id);
}

/**
 * A copy of `items` sorted by id (compareIds order); `tie` orders items with equal ids (the sort
 * is stable without it). Input already in id order, the usual case, costs one pass.
 */
export function sortById<T>(items: readonly T[], idOf: (item: T) => StoryId, tie?: (a: T, b: T) => number): T[] {
  return [...items].sort((a, b) => compareIds(idOf(a), idOf(b)) || (tie ? tie(a, b) : 0));
}
