// The cross-file half of the story stage: per-file parses → stories, skipped files and
// diagnostics; duplicate ids are found with one map. Apart from parseStory (parse-stories.ts)
// so that a run served from the parse cache never loads the parser and its yaml.
import { diag, sortDiags, type Diag } from "../diagnostics.js";
import { keyOf, sortById } from "../graph/id-order.js";
import { epicOf } from "../ids.js";
import type { ParsedStory, SkippedFile, StoryProblem } from "../model.js";
import type { StoryParse } from "./parse-story.js";
import type { CcpmMapping } from "./ccpm.js";
import { settleCcpmIds } from "./ccpm-refs.js";
import { idFromFileName, isBackupName, isPlainStoryName, looksLikeCompanion } from "./identify.js";
import { namespaceRestartedFolders } from "./folder-namespaces.js";
import { resolveInNamespaces } from "./namespace-refs.js";

/**
 * Bump whenever a change to lib/core/stories (or what it imports) changes what parseStory
 * returns for some file: persistent parse caches (lib/adapters/fs/story-cache.ts) key on it.
 */
export const PARSER_VERSION = 13;

/** One file's parse, as parseStory returned it (a cache may have kept it from an earlier run). */
export interface FileParse {
  path: string;
  parse: StoryParse;
}

export interface ParseResult {
  stories: ParsedStory[];
  skipped: SkippedFile[];
  errors: Diag[];
  warnings: Diag[];
}

const byPath = (a: FileParse, b: FileParse): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Whether `parses` are sorted by path already (files are usually listed in order): no sort then. */
function inPathOrder(parses: readonly FileParse[]): boolean {
  for (let i = 1; i < parses.length; i++) if (parses[i - 1]!.path > parses[i]!.path) return false;
  return true;
}

/**
 * `stories` in about compareIds order, cheaply: by the first three numbers of each id, read as
 * one number (letters and any further part ignored). Path order (1.10 before 1.2) is far from id
 * order, and sortById's comparisons are what cost; given this, it has next to nothing to move.
 */
function roughlyById(stories: readonly ParsedStory[]): ParsedStory[] {
  const keys = new Float64Array(stories.length);
  const order = new Uint32Array(stories.length);
  for (let i = 0; i < stories.length; i++) {
    keys[i] = roughIdNumber(stories[i]!.id);
    order[i] = i;
  }
  order.sort((a, b) => keys[a]! - keys[b]!);
  return Array.from(order, (i) => stories[i]!);
}

/** "12.3" → 12 · 10^10 + 3 · 10^5: the first three parts' numbers, in place (each below 10^5). */
function roughIdNumber(id: string): number {
  let key = 0;
  let scale = 1e10;
  let part = 0;
  for (let i = 0; i <= id.length && scale >= 1; i++) {
    const c = i < id.length ? id.charCodeAt(i) : 46;
    if (c >= 48 && c <= 57) part = part * 10 + (c - 48);
    else if (c === 46) {
      key += Math.min(part, 99_999) * scale;
      scale /= 1e5;
      part = 0;
    }
  }
  return key;
}

/**
 * The cross-file half of parseStories: per-file parses → one result, duplicate ids found over
 * all of them. Split out so a cache of per-file parses gives exactly what parsing everything does.
 */
export function combineParses(parses: readonly FileParse[]): ParseResult {
  const ordered = inPathOrder(parses) ? parses : [...parses].sort(byPath);
  // idKey → position in `stories` (the first file with that id, by path).
  const byKey = new Map<string, number>();
  const stories: ParsedStory[] = [];
  const skipped: SkippedFile[] = [];
  const errors: Diag[] = [];
  const warnings: Diag[] = [];

  const parsed: { file: FileParse; story: ParsedStory; idLine: number | undefined; localId?: string }[] = [];
  const mappings = new Map<string, CcpmMapping>();
  let ccpm = false;
  // The ids other files are the story of: a file that only its name calls a companion is one
  // when its story has a file (STORY-027-context.md beside STORY-027-smart-task-decomposition.md),
  // and that story when nothing else has its id (STORY-13.57-DOCS-USER-GUIDE.md).
  const held = new Set<string>();
  for (const { parse: r } of ordered) {
    if (r.kind === "story" && r.companion === undefined) held.add(keyOf(r.story.id));
    else if (r.kind === "failed" && r.id !== undefined) held.add(keyOf(r.id));
  }
  for (const file of ordered) {
    const r = file.parse;
    switch (r.kind) {
      case "skipped":
        skipped.push(r.skipped);
        if (r.ccpmMapping) mappings.set(file.path.slice(0, file.path.lastIndexOf("/")), r.ccpmMapping);
        break;
      case "failed":
        errors.push(...r.errors);
        warnings.push(...r.warnings);
        // A file named like a story that cannot be read as one: a stub stands for it, so the
        // stories that depend on it wait (set aside) instead of running without it.
        if (r.id !== undefined && r.errors[0]) parsed.push({ file, story: stubStory(file.path, r.id, problemOf(r.errors[0], file.path)), idLine: undefined });
        break;
      case "story": {
        if (r.companion !== undefined && held.has(keyOf(r.story.id))) {
          skipped.push({ path: file.path, reason: r.companion });
          break;
        }
        // Most stories have no diagnostics: skip the (spread) calls for them.
        if (r.warnings.length > 0) warnings.push(...r.warnings);
        if (r.errors.length > 0) errors.push(...r.errors);
        const story = r.errors[0] ? { ...r.story, problem: problemOf(r.errors[0], file.path) } : r.story;
        const entry: (typeof parsed)[number] = { file, story, idLine: r.idLine };
        if (r.localId !== undefined) entry.localId = r.localId;
        parsed.push(entry);
        if (!ccpm && r.story.path.includes(".claude/epics/")) ccpm = true;
        break;
      }
    }
  }
  // ccpm ids depend on the other tasks of the epic and on its github-mapping.md (ccpm-refs.ts).
  if (ccpm) settleCcpmIds(parsed, mappings).forEach((story, i) => (parsed[i]!.story = story));
  // Folders that restart the numbering (epic-010/stories/STORY-001 beside stories/STORY-001):
  // the restarting folder's ids get its name as a namespace, so they are no duplicates.
  const folders = namespaceRestartedFolders(parsed.map((p) => p.story));
  if (folders.some((s, i) => s !== parsed[i]!.story)) folders.forEach((story, i) => (parsed[i]!.story = story));

  // A heading id that would collide with another file's id loses to its own file name's id
  // (`1.11.1.fix-testing-mvp.md` headed "# Story 1.12" beside 1.12.story.md): see yieldToFileName.
  const claimed = new Set(parsed.map((p) => keyOf(p.story.id)));
  for (let i = 0; i < parsed.length; i++) {
    const entry = parsed[i]!;
    const { file, idLine } = entry;
    let story = entry.story;
    let key = keyOf(story.id);
    let at = byKey.get(key);
    if (at !== undefined) {
      const other = stories[at]!;
      const mine = yieldToFileName(story, claimed);
      const theirs = mine === null ? yieldToFileName(other, claimed) : null;
      const moved = mine ?? theirs;
      if (moved !== null) {
        const who = mine !== null ? story : other;
        const keep = mine !== null ? other : story;
        // The parse's own id-mismatch said the heading won; it gives way to this one, at its line.
        const said = warnings.findIndex((w) => w.code === "id-mismatch" && w.file === who.path);
        const line = said === -1 ? (mine !== null ? idLine : undefined) : warnings.splice(said, 1)[0]!.line;
        warnings.push(
          diag(
            "id-mismatch",
            `The heading says ${who.id}, which is also ${keep.path}'s id; using the file name's ${moved.id}`,
            who.path,
            line,
          ),
        );
        claimed.add(keyOf(moved.id));
        if (mine !== null) {
          story = moved;
          key = keyOf(story.id);
          at = byKey.get(key);
        } else {
          stories[at] = story;
          byKey.set(keyOf(moved.id), stories.length);
          stories.push(moved);
          continue;
        }
      }
    }
    if (at === undefined) {
      byKey.set(key, stories.length);
      stories.push(story);
      continue;
    }
    const first = stories[at]!;
    // `1.2-backup.md` beside 1.2.md: a copy, not a second story (a dashed word alone cannot
    // tell: `1.3-database-backup.md` may be a story about backups; a second 1.3 tells).
    const copy = isBackupName(file.path) ? file.path : isBackupName(first.path) ? first.path : null;
    if (copy !== null) {
      skipped.push({ path: copy, reason: `backup copy of story ${story.id} (same id as ${copy === file.path ? first.path : file.path}), not a story` });
      if (copy === first.path) stories[at] = story;
      continue;
    }
    // `12.1-dod-validation.md` ("... Validation Report") beside 12.1.story.md: a file that reads
    // as a document about the story, beside the file with the story's own name, is its companion.
    const companion = companionOf(first, story);
    if (companion !== null) {
      const other = companion === first ? story : first;
      skipped.push({ path: companion.path, reason: `companion document of story ${other.id} (same id as ${other.path}; its name or title says so), not a story` });
      if (companion === first) stories[at] = story;
      continue;
    }
    // Neither file runs: which one is the story is the user's call. The first (path order)
    // stands for both in the plan, set aside; the error names both.
    const d = diag(
      "duplicate-id",
      `Story ${story.id} is defined twice: ${first.path} and ${file.path}. Give one of them another id, or move the one that is not a story out of the stories folder`,
      file.path,
      idLine,
    );
    errors.push(d);
    if (first.problem?.code !== "duplicate-id") stories[at] = { ...first, problem: problemOf(d, file.path) };
  }
  const resolved = resolveInNamespaces(stories);
  // compareIds order, ties by path. sortById's order does not depend on the order it is given
  // (ties are broken, never left to stability), but its sort is fastest on sorted input.
  const sorted = sortById(roughlyById(resolved), (s) => s.id, (a, b) => (a.path < b.path ? -1 : 1));
  return { stories: sorted, skipped, errors: sortDiags(errors), warnings: sortDiags(warnings) };
}

/**
 * The story under its file name's id, when its id came from the heading, the name gives another
 * id, and no file claims that one: the heading then names a story that already has a file.
 */
function yieldToFileName(story: ParsedStory, claimed: ReadonlySet<string>): ParsedStory | null {
  if (story.idSource !== "heading") return null;
  const name = idFromFileName(story.path)?.id;
  if (name === undefined || claimed.has(keyOf(name))) return null;
  const epic = story.epic.number === epicOf(story.id) ? { ...story.epic, number: epicOf(name) } : story.epic;
  return { ...story, id: name, idSource: "file-name", epic };
}

/** Of two same-id stories, the one that reads as the companion of the other, which has the story's own name; else null. */
function companionOf(a: ParsedStory, b: ParsedStory): ParsedStory | null {
  if (isPlainStoryName(a.path) && looksLikeCompanion(b.path, b.title)) return b;
  if (isPlainStoryName(b.path) && looksLikeCompanion(a.path, a.title)) return a;
  return null;
}

function problemOf(d: Diag, path: string): StoryProblem {
  const p: StoryProblem = { code: d.code, message: d.message, file: d.file ?? path };
  if (d.line !== undefined) p.line = d.line;
  return p;
}

/**
 * What the plan knows of a story file that failed to parse: its id (from the file name), its
 * path and its problem. It states no dependency (`declared`, so none is made up for it).
 */
function stubStory(path: string, id: string, problem: StoryProblem): ParsedStory {
  const name = path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/i, "");
  return {
    id,
    idSource: "file-name",
    title: name,
    path,
    status: { raw: null, normalized: "Not Started" },
    epic: { number: epicOf(id) },
    dependencies: { declared: true, refs: [] },
    blocks: [],
    acceptanceCriteria: [],
    tasks: [],
    technologies: [],
    overrides: {},
    problem,
  };
}
