// Story folders that restart the numbering: epic-010/stories/STORY-001 ... STORY-014 beside
// stories/STORY-001 ... STORY-069 (BakerSean168/DailyUse). Each folder numbers its own stories
// from 1, so the same bare ids name different stories; a reader tells them apart by the folder,
// as they tell two files named README.md apart. So the folder that restarts the numbering gives
// its stories a namespace (`epic010-1`), and their bare references resolve inside it first
// (namespace-refs.ts), as a path does inside the current folder. ccpm has its own version of this
// rule (ccpm-refs.ts); its folders are left to it.
//
// Only a restart, never a copy. Only sequence numbers restart (STORY-001, 001.md): an id with
// its epic in it (1.1, 01.01) names one story of the whole project wherever its file is, so
// `story.1.1.story.md` beside `01.identity-access/01.01-...md` is a draft of the same story
// (Vatalion/video_window). Two folders restart the numbering when they share at least two such
// ids, no shared id is held by two files of one name (a copy of the file), and most of the shared
// ids name stories with different titles (a folder copied and renamed keeps its titles). Anything
// else stays a duplicate-id error, as does a second file for one id inside one folder.
//
// Which folder keeps the bare ids: the project's main numbering. Of colliding folders, those named
// after an epic (a folder `epic-010/` on the way) are the epic's own numbering and get the
// namespace; when all or none are, the one folder nearest the top keeps the bare ids; when there
// is no single such folder, every one gets a namespace.
import { epicOf, idKey, namespaceOf, withNamespace } from "../ids.js";
import type { ParsedStory } from "../model.js";
import { ccpmEpicFolder } from "./ccpm.js";
import { namespaceFromFolder } from "./ccpm-refs.js";
import { baseName } from "./identify.js";

/** A folder named after an epic: `epic-010`, `epic_2`, `Epic3`, `EPIC-13-desktop`. */
const EPIC_FOLDER_RE = /^epic[-_.]?\d+(?:$|[-_.])/i;

const dirOf = (path: string): string => path.slice(0, Math.max(0, path.lastIndexOf("/")));
const segments = (dir: string): string[] => (dir === "" ? [] : dir.split("/"));

/** The folders' longest common ancestor, as segments. */
function commonAncestor(dirs: readonly string[]): string[] {
  const all = dirs.map(segments);
  const first = all[0]!;
  let n = 0;
  while (n < first.length && all.every((s) => s[n] === first[n])) n++;
  return first.slice(0, n);
}

/** Whether the files of one shared id in folders a and b are two different stories, not a copy. */
function differ(a: ParsedStory, b: ParsedStory): { copy: boolean; sameTitle: boolean } {
  return {
    copy: baseName(a.path).toLowerCase() === baseName(b.path).toLowerCase(),
    sameTitle: a.title.trim().toLowerCase() === b.title.trim().toLowerCase(),
  };
}

/** Whether folders a and b (each: idKey → its first story) restart the numbering: see the file comment. */
function restarts(a: ReadonlyMap<string, ParsedStory>, b: ReadonlyMap<string, ParsedStory>): boolean {
  let shared = 0;
  let sameTitles = 0;
  for (const [key, story] of a) {
    const other = b.get(key);
    if (other === undefined) continue;
    const d = differ(story, other);
    if (d.copy) return false;
    shared++;
    if (d.sameTitle) sameTitles++;
  }
  return shared >= 2 && sameTitles * 2 < shared;
}

/** Connected groups of folders, given the pairs that restart each other's numbering. */
function groups(dirs: readonly string[], pairs: readonly [string, string][]): string[][] {
  const parent = new Map(dirs.map((d) => [d, d]));
  const find = (d: string): string => {
    let r = d;
    while (parent.get(r) !== r) r = parent.get(r)!;
    parent.set(d, r);
    return r;
  };
  for (const [a, b] of pairs) parent.set(find(a), find(b));
  const out = new Map<string, string[]>();
  for (const d of dirs) {
    const r = find(d);
    if (pairs.some(([a, b]) => a === d || b === d)) out.set(r, [...(out.get(r) ?? []), d]);
  }
  return [...out.values()];
}

/** Folder → namespace for one group of folders that restart each other's numbering. */
function namespacesOf(group: readonly string[]): Map<string, string> {
  const top = commonAncestor(group);
  const below = (d: string): string[] => segments(d).slice(top.length);
  const epicNamed = group.filter((d) => below(d).some((s) => EPIC_FOLDER_RE.test(s)));
  let chosen: string[];
  if (epicNamed.length > 0 && epicNamed.length < group.length) chosen = epicNamed;
  else {
    const depth = (d: string) => below(d).length;
    const least = Math.min(...group.map(depth));
    const nearest = group.filter((d) => depth(d) === least);
    chosen = nearest.length === 1 ? group.filter((d) => d !== nearest[0]) : [...group];
  }
  const name = (d: string): string => {
    const rest = below(d);
    const epic = rest.find((s) => EPIC_FOLDER_RE.test(s));
    return namespaceFromFolder(epic ?? rest[0] ?? segments(d).pop() ?? "stories");
  };
  const out = new Map(chosen.map((d) => [d, name(d)]));
  // Two folders of one name on different paths (a/stories, b/stories): their whole paths then.
  const names = [...out.values()];
  if (new Set(names.map((n) => n.toLowerCase())).size < names.length) {
    for (const d of chosen) out.set(d, namespaceFromFolder(below(d).join("-") || d));
  }
  return out;
}

/**
 * `stories` with the stories of folders that restart the numbering namespaced by their folder
 * (see the file comment). Returns `stories` itself when no folder does, as in most projects.
 */
export function namespaceRestartedFolders(stories: readonly ParsedStory[]): readonly ParsedStory[] {
  // folder → idKey → its first story there. Dotted and namespaced ids and ccpm tasks are not numbered by folder.
  const byFolder = new Map<string, Map<string, ParsedStory>>();
  const holders = new Map<string, string[]>();
  for (const s of stories) {
    if (s.id.includes(".") || namespaceOf(s.id) !== "" || ccpmEpicFolder(s.path) !== undefined) continue;
    const dir = dirOf(s.path);
    const key = idKey(s.id);
    let ids = byFolder.get(dir);
    if (!ids) byFolder.set(dir, (ids = new Map()));
    if (ids.has(key)) continue;
    ids.set(key, s);
    const list = holders.get(key);
    if (!list) holders.set(key, [dir]);
    else list.push(dir);
  }
  const candidates = new Set<string>();
  for (const list of holders.values()) if (list.length > 1) for (const d of list) candidates.add(d);
  if (candidates.size === 0) return stories;

  const dirs = [...candidates].sort();
  const pairs: [string, string][] = [];
  for (let i = 0; i < dirs.length; i++)
    for (let j = i + 1; j < dirs.length; j++) if (restarts(byFolder.get(dirs[i]!)!, byFolder.get(dirs[j]!)!)) pairs.push([dirs[i]!, dirs[j]!]);
  if (pairs.length === 0) return stories;

  const namespaceOfDir = new Map<string, string>();
  for (const group of groups(dirs, pairs)) for (const [d, ns] of namespacesOf(group)) namespaceOfDir.set(d, ns);
  return stories.map((s) => {
    const ns = namespaceOfDir.get(dirOf(s.path));
    if (ns === undefined || s.id.includes(".") || namespaceOf(s.id) !== "" || ccpmEpicFolder(s.path) !== undefined) return s;
    const id = withNamespace(ns, s.id);
    // An epic number read off the id follows it; one the file states (`epic: 10`) stays.
    const epic = s.epic.number === epicOf(s.id) ? { ...s.epic, number: epicOf(id) } : s.epic;
    return { ...s, id, epic };
  });
}
