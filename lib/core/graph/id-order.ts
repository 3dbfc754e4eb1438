// Fast paths for the hot id operations on 10,000-story projects: idKey memoised, and sorting
// by id with each id parsed once (compareIds re-parses both ids on every comparison).
// Results are identical to ids.ts; only the cost differs.
import { idKey, type StoryId } from "../ids.js";

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

/** A copy of `items` sorted by id (compareIds order), each id parsed once. */
export function sortById<T>(items: readonly T[], idOf: (item: T) => StoryId): T[] {
  return items
    .map((item) => ({ item, key: sortKey(idOf(item)) }))
    .sort((a, b) => compareKeys(a.key, b.key))
    .map((d) => d.item);
}
