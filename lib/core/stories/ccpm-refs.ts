// The cross-file half of ccpm (ccpm.ts reads one file): local task numbers resolved to the synced
// tasks, and epics whose task numbers collide told apart. Pure, over the parsed stories.
//
// Collisions: every ccpm epic numbers its tasks from 001 until it is synced, so two unsynced
// epics (or one unsynced and one synced: issue 3 and local 003) share ids. A synced task's number
// is a GitHub issue number, unique in its repository and what its people call it, so it stays as
// it is; an epic whose numbers collide and are local gets its folder name as a namespace
// (`winepair-3`), and its tasks' bare references resolve inside it (namespace-refs.ts). When all
// colliding epics are synced (two repositories' issues) or none is, all of them get one.
import { epicOf, idKey, MAX_ID_LENGTH, namespaceOf, normalizeId, withNamespace } from "../ids.js";
import type { DepRef, ParsedStory } from "../model.js";
import { ccpmEpicFolder, type CcpmMapping } from "./ccpm.js";

export interface CcpmTask {
  story: ParsedStory;
  /** The heading's or front matter's number when the file name says otherwise (`# Task 009` in 27.md). */
  localId?: string;
}

interface EpicTasks {
  dir: string;
  tasks: CcpmTask[];
  mapping?: CcpmMapping;
  /** Task files named 001.md, ...: local numbers (ccpm pads them; issue numbers are not padded). */
  padded: boolean;
}

/** A folder name made an id namespace: words of letters and digits joined by "-", starting with a letter. */
export function namespaceFromFolder(folder: string): string {
  const words = folder.split(/[^A-Za-z0-9]+/).filter((w) => w !== "");
  const joined: string[] = [];
  for (const w of words) {
    // A word starting with a digit would read as the number: glue it to the word before.
    if (/^\d/.test(w) && joined.length > 0) joined[joined.length - 1] += w;
    else joined.push(w);
  }
  let ns = joined.join("-");
  if (!/^[A-Za-z]/.test(ns)) ns = `epic${ns}`;
  return ns.slice(0, MAX_ID_LENGTH - 24).replace(/-+$/, "");
}

function isSynced(e: EpicTasks): boolean {
  return e.mapping !== undefined || !e.padded;
}

/** Local number → issue number for one epic: stated pairs, then headings, then the listed order. */
function localNumbers(e: EpicTasks): { stated: Map<string, string>; byOrder: Map<string, string> } {
  const stated = new Map<string, string>();
  for (const [local, issue] of e.mapping?.explicit ?? []) stated.set(idKey(local), normalizeId(issue));
  for (const t of e.tasks) if (t.localId !== undefined && !stated.has(idKey(t.localId))) stated.set(idKey(t.localId), t.story.id);
  const byOrder = new Map<string, string>();
  if (e.mapping && e.mapping.explicit.length === 0) {
    const sorted = [...new Set(e.mapping.issues.map((n) => normalizeId(n)))].sort((a, b) => Number(a) - Number(b));
    sorted.forEach((issue, k) => byOrder.set(String(k + 1), issue));
  }
  return { stated, byOrder };
}

/** `raw` names a number written with a leading zero (`003`, `Task 003`): ccpm's local numbering. */
function writtenPadded(raw: string): boolean {
  return /(?:^|[^\d.])0\d/.test(raw);
}

function remap(ref: DepRef, id: string): DepRef {
  return { ...ref, target: { kind: "story", id } };
}

/**
 * Stories with ccpm ids settled: colliding local numbers namespaced by epic folder, and
 * references to local numbers turned into the synced issue numbers. `mappings`: each epic
 * folder's github-mapping.md, by folder. Returns `stories` itself when nothing changes.
 */
export function settleCcpmIds(stories: readonly CcpmTask[], mappings: ReadonlyMap<string, CcpmMapping>): ParsedStory[] {
  const epics = new Map<string, EpicTasks>();
  for (const t of stories) {
    const folder = ccpmEpicFolder(t.story.path);
    if (!folder || namespaceOf(t.story.id) !== "" || t.story.id.includes(".")) continue;
    let e = epics.get(folder.dir);
    if (!e) {
      e = { dir: folder.dir, tasks: [], padded: false };
      const mapping = mappings.get(folder.dir);
      if (mapping) e.mapping = mapping;
      epics.set(folder.dir, e);
    }
    e.tasks.push(t);
    if (/\/0\d+\.md$/i.test(t.story.path)) e.padded = true;
  }
  if (epics.size === 0) return stories.map((t) => t.story);

  const replaced = new Map<ParsedStory, ParsedStory>();
  const namespaced = collidingEpics([...epics.values()]);
  for (const e of epics.values()) {
    const ns = namespaced.has(e) ? namespaceFromFolder(e.dir.slice(e.dir.lastIndexOf("/") + 1)) : "";
    const own = new Set(e.tasks.map((t) => idKey(t.story.id)));
    const { stated, byOrder } = localNumbers(e);
    for (const t of e.tasks) {
      const resolve = (ref: DepRef): DepRef => {
        if (ref.target.kind !== "story" || namespaceOf(ref.target.id) !== "") return ref;
        const key = idKey(ref.target.id);
        // A padded number among unpadded (synced) file names is a local number, whatever it names now.
        const local = e.padded ? undefined : writtenPadded(ref.raw) ? (stated.get(key) ?? byOrder.get(key)) : own.has(key) ? undefined : stated.get(key);
        const id = local ?? ref.target.id;
        return ns !== "" && own.has(idKey(id)) ? remap(ref, withNamespace(ns, id)) : local !== undefined ? remap(ref, local) : ref;
      };
      const refs = t.story.dependencies.refs.map(resolve);
      const blocks = t.story.blocks.map(resolve);
      const changed = ns !== "" || refs.some((r, i) => r !== t.story.dependencies.refs[i]) || blocks.some((r, i) => r !== t.story.blocks[i]);
      if (!changed) continue;
      const id = ns === "" ? t.story.id : withNamespace(ns, t.story.id);
      const epic = ns === "" ? t.story.epic : { ...t.story.epic, number: epicOf(id) };
      replaced.set(t.story, { ...t.story, id, epic, dependencies: { ...t.story.dependencies, refs }, blocks });
    }
  }
  return stories.map((t) => replaced.get(t.story) ?? t.story);
}

/** The epics that get a namespace: see the file comment. */
function collidingEpics(epics: readonly EpicTasks[]): Set<EpicTasks> {
  const holders = new Map<string, EpicTasks[]>();
  for (const e of epics) {
    for (const t of e.tasks) {
      const key = idKey(t.story.id);
      const list = holders.get(key);
      if (!list) holders.set(key, [e]);
      else if (!list.includes(e)) list.push(e);
    }
  }
  const out = new Set<EpicTasks>();
  for (const list of holders.values()) {
    if (list.length < 2) continue;
    const local = list.filter((e) => !isSynced(e));
    for (const e of local.length > 0 && local.length < list.length ? local : list) out.add(e);
  }
  return out;
}
