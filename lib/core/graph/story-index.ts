// The story set in id order. A story's position in `sorted` is its number everywhere in the
// planner: the graph, the analysis and the plan keep per-story facts in arrays indexed by it,
// and `position` (idKey → position) is the one string-keyed map they all share.
import type { ParsedStory } from "../model.js";
import { compareIds, isIdKey } from "../ids.js";
import { epicNames, epicSlug, type EpicNames } from "../scope.js";
import { keyOf, sortById } from "./id-order.js";
import { baseName, idFromFileName } from "../stories/identify.js";

export interface StoryIndex {
  sorted: readonly ParsedStory[];
  keys: readonly string[];
  /** Built on first use: the planner itself goes through `position`. */
  byKey: ReadonlyMap<string, ParsedStory>;
  position: ReadonlyMap<string, number>;
  /**
   * epic number key ("#1") or epic name slug → story positions in id order (built on first
   * use). A name slug holds every story of the epic numbers that declare the name
   * (EpicNames), so `Epic Core` = `Epic 1`.
   */
  byEpic: ReadonlyMap<string, readonly number[]>;
  /** Which epic numbers each epic name names: for scope patterns matched story by story (built on first use). */
  epicNames: EpicNames;
  /**
   * Story file name (lower case, without directory, `.md` and `.story`) → position, the first by
   * id where two share one (built on first use: only slug and link references need it).
   */
  byFileName: ReadonlyMap<string, number>;
}

export function epicNumberKey(n: string): string {
  return `#${keyOf(n)}`;
}

class Index implements StoryIndex {
  #epicNames: EpicNames | undefined;
  #byKey: Map<string, ParsedStory> | undefined;
  #byEpic: Map<string, number[]> | undefined;
  #byFileName: Map<string, number> | undefined;

  constructor(
    readonly sorted: readonly ParsedStory[],
    readonly keys: readonly string[],
    readonly position: ReadonlyMap<string, number>,
  ) {}

  get epicNames(): EpicNames {
    this.#epicNames ??= epicNames(this.sorted);
    return this.#epicNames;
  }

  get byKey(): ReadonlyMap<string, ParsedStory> {
    if (!this.#byKey) {
      const byKey = new Map<string, ParsedStory>();
      this.sorted.forEach((s, i) => byKey.set(this.keys[i] ?? "", s));
      this.#byKey = byKey;
    }
    return this.#byKey;
  }

  get byEpic(): ReadonlyMap<string, readonly number[]> {
    this.#byEpic ??= groupByEpic(this.sorted, this.epicNames);
    return this.#byEpic;
  }

  get byFileName(): ReadonlyMap<string, number> {
    if (!this.#byFileName) {
      const byName = new Map<string, number>();
      this.sorted.forEach((s, i) => {
        const name = fileKey(s.path);
        if (!byName.has(name)) byName.set(name, i);
      });
      this.#byFileName = byName;
    }
    return this.#byFileName;
  }
}

/** A story file's name as references compare it: `docs/1.2.Slug.story.md` → `1.2.slug`. */
function fileKey(path: string): string {
  return baseName(path).replace(/\.story$/i, "").toLowerCase();
}

/**
 * The story a slug (`7-1-arkit-video-recording-session`) or a link's path (`../epic-3/3-4-foo.md`)
 * names: the story file of that name, else the one story whose id the name gives (the file
 * may have been renamed since: `3-4-foo` still names 3.4). Undefined when neither.
 */
export function storyOfFile(index: StoryIndex, name: string): number | undefined {
  const byName = index.byFileName.get(fileKey(name));
  if (byName !== undefined) return byName;
  const id = idFromFileName(name);
  if (!id) return undefined;
  // The longest reading first: `7-1-2-foo` is 7.1.2 where that story exists, else 7.1.
  for (let k = id.candidates.length - 1; k >= 0; k--) {
    const at = index.position.get(keyOf(id.candidates[k]!));
    if (at !== undefined) return at;
  }
  return undefined;
}

function groupByEpic(sorted: readonly ParsedStory[], names: EpicNames): Map<string, number[]> {
  const byEpic = new Map<string, number[]>();
  const add = (group: string, story: number): void => {
    const list = byEpic.get(group);
    if (list) {
      if (list[list.length - 1] !== story) list.push(story);
    } else byEpic.set(group, [story]);
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
    let numberKey = numberKeys.get(s.epic.number);
    if (numberKey === undefined) numberKeys.set(s.epic.number, (numberKey = epicNumberKey(s.epic.number)));
    add(numberKey, i);
    const numSlug = slugOf(s.epic.number);
    if (numSlug !== "") add(numSlug, i);
    if (s.epic.name !== undefined && slugOf(s.epic.name) !== "") add(slugOf(s.epic.name), i);
  });
  for (const [slug, numbers] of names) {
    // The stories that declare the name, plus every story of the numbers that declare it.
    const members = new Set(byEpic.get(slug) ?? []);
    for (const n of numbers) for (const i of byEpic.get(epicNumberKey(n)) ?? []) members.add(i);
    byEpic.set(slug, [...members].sort((a, b) => a - b));
  }
  return byEpic;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * The sign of compareIds(a, b) for two ids in key form (isIdKey): decided where they first
 * differ, without reading numbers. Sharing everything before, the longer digit run there is
 * the bigger number; otherwise the end sorts before ".", which sorts before a letter suffix.
 */
export function compareKeyForms(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  const ca = i < a.length ? a.charCodeAt(i) : -1;
  const cb = i < b.length ? b.charCodeAt(i) : -1;
  if (isDigit(ca) && isDigit(cb)) {
    let ea = i;
    let eb = i;
    while (ea < a.length && isDigit(a.charCodeAt(ea))) ea++; // bounded: reading past the end deoptimises
    while (eb < b.length && isDigit(b.charCodeAt(eb))) eb++;
    return ea !== eb ? ea - eb : ca - cb;
  }
  if (isDigit(ca)) return 1;
  if (isDigit(cb)) return -1;
  return ca - cb;
}

/**
 * Stories straight from the parser are already in id order with one story per id: that is
 * checked in one pass (no sort, no re-keying). Null when they are not.
 */
function indexInOrder(stories: readonly ParsedStory[]): StoryIndex | null {
  const keys: string[] = new Array<string>(stories.length);
  const position = new Map<string, number>();
  let previousFormed = false;
  for (let i = 0; i < stories.length; i++) {
    const id = stories[i]!.id;
    const formed = isIdKey(id); // then it is its own key, and cheap to compare
    if (i > 0) {
      const previous = stories[i - 1]!.id;
      if (!((formed && previousFormed ? compareKeyForms(previous, id) : compareIds(previous, id)) < 0)) return null;
    }
    const key = formed ? id : keyOf(id);
    position.set(key, i);
    if (position.size === i) return null; // the key was already there: a duplicate
    keys[i] = key;
    previousFormed = formed;
  }
  return new Index(stories.slice(), keys, position);
}

/**
 * Indexes stories. A second story with an id already seen is left out: the parser reports
 * `duplicate-id` naming both files; the graph keeps the first (by path) to stay usable.
 */
export function indexStories(stories: readonly ParsedStory[]): StoryIndex {
  const inOrder = indexInOrder(stories);
  if (inOrder) return inOrder;
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
  return new Index(sorted, keys, position);
}

/** Looks up an epic by number (any case, leading zeros ignored), name or slug: story positions. */
export function storiesOfEpic(index: StoryIndex, query: string): readonly number[] {
  const q = query.trim();
  const byNumber = index.byEpic.get(epicNumberKey(q));
  if (byNumber) return byNumber;
  return index.byEpic.get(epicSlug(q)) ?? [];
}

/** First position in `sorted` whose id compares above `id` (`orEqual`: at or above). */
function lowerBound(sorted: readonly ParsedStory[], id: string, orEqual: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const c = compareIds(sorted[mid]!.id, id);
    if (c < 0 || (c === 0 && !orEqual)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The position of the story `id` names when its key is well-formed: then only that story
 * compares equal to `id`, so it is where a binary search for `id` would land.
 */
function exactPosition(index: StoryIndex, id: string): number | undefined {
  const key = keyOf(id);
  return isIdKey(key) ? index.position.get(key) : undefined;
}

/**
 * The stories between `from` and `to` inclusive, as positions `start` (inclusive) to `end`
 * (exclusive). Ends that name stories (the usual case) are looked up; others are binary
 * searched, since ids are sorted. Empty when `end <= start`.
 */
export function storiesInRange(index: StoryIndex, from: string, to: string): { start: number; end: number } {
  const first = exactPosition(index, from);
  const last = exactPosition(index, to);
  return {
    start: first ?? lowerBound(index.sorted, from, true),
    end: last !== undefined ? last + 1 : lowerBound(index.sorted, to, false),
  };
}
