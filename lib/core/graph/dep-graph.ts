// The dependency graph the algorithms (cycles, waves, critical path) walk. Nodes are idKeys.
// Besides stories it may hold one virtual node, FOUNDATION_GATE: it depends on the foundation
// "sinks" and every gated story depends on it, so "everything waits for the foundation" costs
// n + m edges instead of n × m. Virtual nodes weigh nothing and never appear in output.
import type { Diag } from "../diagnostics.js";
import type { ParsedStory } from "../model.js";
import { epicNames, epicSlug, type EpicNames } from "../scope.js";
import { compareIdsFast, keyOf, sortById } from "./id-order.js";

/** Not a valid story id, so it can never collide with a story's key. */
export const FOUNDATION_GATE = "@foundation";

export interface DepGraph {
  /** Every node, stories in id order first, then virtual nodes. */
  nodes: string[];
  /** node → the nodes it depends on (waits for). */
  deps: ReadonlyMap<string, readonly string[]>;
  /** node → the nodes that depend on it. */
  dependents: ReadonlyMap<string, readonly string[]>;
  virtual: ReadonlySet<string>;
  /** Position of each node in `nodes`: the tie-breaker that keeps every result deterministic. */
  order: ReadonlyMap<string, number>;
}

export function makeDepGraph(nodes: readonly string[], deps: ReadonlyMap<string, readonly string[]>, virtual: ReadonlySet<string>): DepGraph {
  const order = new Map<string, number>();
  nodes.forEach((n, i) => order.set(n, i));
  const dependents = new Map<string, string[]>();
  for (const n of nodes) dependents.set(n, []);
  for (const n of nodes) {
    for (const d of deps.get(n) ?? []) dependents.get(d)?.push(n);
  }
  return { nodes: [...nodes], deps, dependents, virtual, order };
}

/** A diagnostic plus the stories (idKeys) it concerns, so a plan can keep the ones in scope. */
export interface RelatedDiag {
  diag: Diag;
  stories: string[];
  /** Warnings leave a plan runnable (unknown references are ignored); errors do not. */
  severity: "error" | "warning";
}

/** The story set, sorted by id, with the lookups ranges and epic references need. */
export interface StoryIndex {
  sorted: readonly ParsedStory[];
  keys: readonly string[];
  byKey: ReadonlyMap<string, ParsedStory>;
  position: ReadonlyMap<string, number>;
  /**
   * epic number key ("#1") or epic name slug → story keys in id order. A name slug holds every
   * story of the epic numbers that declare the name (EpicNames), so `Epic Core` = `Epic 1`.
   */
  byEpic: ReadonlyMap<string, readonly string[]>;
  /** Which epic numbers each epic name names: for scope patterns matched story by story. */
  epicNames: EpicNames;
}

function epicNumberKey(n: string): string {
  return `#${keyOf(n)}`;
}

/** Looks up an epic by number (any case, leading zeros ignored), name or slug. */
export function storiesOfEpic(index: StoryIndex, query: string): readonly string[] {
  const q = query.trim();
  const byNumber = index.byEpic.get(epicNumberKey(q));
  if (byNumber) return byNumber;
  return index.byEpic.get(epicSlug(q)) ?? [];
}

/**
 * Indexes stories. A second story with an id already seen is left out: the parser reports
 * `duplicate-id` naming both files; the graph keeps the first (by path) to stay usable.
 */
export function indexStories(stories: readonly ParsedStory[]): StoryIndex {
  let byKey = new Map<string, ParsedStory>();
  for (const s of stories) byKey.set(keyOf(s.id), s);
  if (byKey.size < stories.length) {
    // Duplicates: keep the first by path. Without any, input order cannot change the result
    // (the id sort below decides), so the path sort is skipped.
    byKey = new Map();
    const byPath = [...stories].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    for (const s of byPath) {
      const key = keyOf(s.id);
      if (!byKey.has(key)) byKey.set(key, s);
    }
  }
  const sorted = sortById([...byKey.values()], (s) => s.id);
  const keys = sorted.map((s) => keyOf(s.id));
  const position = new Map<string, number>();
  keys.forEach((k, i) => position.set(k, i));
  const byEpic = new Map<string, string[]>();
  const add = (k: string, story: string): void => {
    const list = byEpic.get(k);
    if (list) {
      if (list[list.length - 1] !== story) list.push(story);
    } else byEpic.set(k, [story]);
  };
  // A project has a few dozen epics and 10,000 stories: each epic text is slugged once.
  const slugs = new Map<string, string>();
  const slugOf = (text: string): string => {
    let slug = slugs.get(text);
    if (slug === undefined) slugs.set(text, (slug = epicSlug(text)));
    return slug;
  };
  const numberKeys = new Map<string, string>();
  sorted.forEach((s, i) => {
    const key = keys[i] ?? "";
    let numberKey = numberKeys.get(s.epic.number);
    if (numberKey === undefined) numberKeys.set(s.epic.number, (numberKey = epicNumberKey(s.epic.number)));
    add(numberKey, key);
    const numSlug = slugOf(s.epic.number);
    if (numSlug !== "") add(numSlug, key);
    if (s.epic.name !== undefined && slugOf(s.epic.name) !== "") add(slugOf(s.epic.name), key);
  });
  const names = epicNames(sorted);
  for (const [slug, numbers] of names) {
    // The stories that declare the name, plus every story of the numbers that declare it.
    const members = new Set(byEpic.get(slug) ?? []);
    for (const n of numbers) for (const k of byEpic.get(epicNumberKey(n)) ?? []) members.add(k);
    byEpic.set(slug, [...members].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0)));
  }
  return { sorted, keys, byKey, position, byEpic, epicNames: names };
}

/** Keys of the stories between `from` and `to` inclusive, by binary search: O(log n + k). */
export function storiesInRange(index: StoryIndex, from: string, to: string): string[] {
  let lo = 0;
  let hi = index.sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareIdsFast(index.sorted[mid]?.id ?? "", from) < 0) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  for (let i = lo; i < index.sorted.length; i++) {
    const s = index.sorted[i];
    if (!s || compareIdsFast(s.id, to) > 0) break;
    out.push(index.keys[i] ?? "");
  }
  return out;
}
