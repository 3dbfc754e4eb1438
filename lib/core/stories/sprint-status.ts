// BMAD v6's `sprint-status.yaml`: where it governs a story folder, it is the status source
// (DESIGN.md "Statuses"). Pure: text in, entries and decisions out; the fs adapter
// (lib/adapters/fs/sprint-status-file.ts) finds, reads and writes the file.
//
// The file, as BMAD's sprint-planning workflow writes it:
//   development_status:
//     epic-1: in-progress                 # epic
//     1-1-user-authentication: done       # story: {epic}-{story}-{slug}, the story file's name
//     1-2-account-management: ready-for-dev
//     epic-1-retrospective: optional
// Epics may be dotted (`epic-7.6`, `7.6-1-slug`). Keys are the story files' names (without
// `.md`), so a key finds its story by file name first and by the id it spells second (a file
// renamed since: `1-5-integration-settings-storage.md` for `1-5-integration-settings-storage-for-...`).
// A key with neither is a story with no file yet: planned as a placeholder, never run.
import { LineCounter, parseDocument, isMap, isScalar, type Scalar } from "yaml";
import { diag, type Diag } from "../diagnostics.js";
import { epicOf, ID_SUFFIX_SRC, idKey, isStoryId, normalizeId, type StoryId } from "../ids.js";
import type { ParsedStory, StoryStatus } from "../model.js";
import { baseName } from "./identify.js";

export interface SprintEntry {
  /** The key as written (`1-2-account-management`, `epic-1`). */
  key: string;
  /** The value as written (`ready-for-dev`), "" when the key has none. */
  value: string;
  /** 1-based line of the key. */
  line: number;
  kind: "story" | "epic" | "retrospective";
  /** Story keys: the id the key spells (`1-2-...` → 1.2, `7.6-1-...` → 7.6.1, `6.2-p1-...` → 6.2-P1), null when none. */
  id: StoryId | null;
}

export interface SprintStatus {
  /** Project-relative path of the file. */
  path: string;
  entries: SprintEntry[];
  /** `story_location` as written, if any (discovery reads it; here it is only reported). */
  storyLocation?: string;
}

export type SprintParse = { ok: true; value: SprintStatus; warnings: Diag[] } | { ok: false; error: Diag };

const EPIC_RE = /^epic-(\d+[a-z]?(?:\.\d+[a-z]?)*)$/i;
const RETRO_RE = /^epic-(\d+[a-z]?(?:\.\d+[a-z]?)*)-retro(?:spective)?$/i;
// `{epic}-{story}-{slug}`: an epic number (dotted for sub-epics), a story number, the title slug;
// a part of a story may follow the story's number, or stand for it after a dotted epic
// (`6-2-p1-slug` = 6.2-P1, `6.2-p3-slug` = 6.2-P3; ids.ts).
const STORY_KEY_RE = new RegExp(String.raw`^(\d+[a-z]?(?:\.\d+[a-z]?)*)(?:-(\d+[a-z]?))?(?:-(${ID_SUFFIX_SRC}))?(?:-|$)`, "i");

/** The id a story key spells, or null (`6-slug`: no story number). */
export function idFromSprintKey(key: string): StoryId | null {
  const m = STORY_KEY_RE.exec(key);
  if (!m || (m[2] === undefined && m[3] === undefined)) return null;
  const whole = m[2] === undefined ? m[1]! : `${m[1]}.${m[2]}`;
  const part = m[3] === undefined ? "" : `-${m[3].charAt(0).toUpperCase()}${m[3].slice(1).toLowerCase()}`;
  const id = normalizeId(`${whole}${part}`);
  return isStoryId(id) ? id : null;
}

function entryKind(key: string): SprintEntry["kind"] | null {
  if (EPIC_RE.test(key)) return "epic";
  if (RETRO_RE.test(key)) return "retrospective";
  // Every story key starts with its epic's number; anything else is not a story entry.
  return /^\d/.test(key) ? "story" : null;
}

/**
 * Reads the file's `development_status` map. Broken YAML or a missing map is an error diagnostic
 * (the caller falls back to the story files' own statuses); odd entries are warnings.
 */
export function parseSprintStatus(text: string, path: string): SprintParse {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, logLevel: "error" });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = lineCounter.linePos(e.pos[0]).line;
    return { ok: false, error: diag("invalid-sprint-status", `${path} is not valid YAML (${e.message.split("\n")[0]}); story statuses are read from the story files instead`, path, line) };
  }
  const contents = doc.contents;
  const status = isMap(contents) ? contents.get("development_status", true) : undefined;
  if (!isMap(status)) {
    return {
      ok: false,
      error: diag("invalid-sprint-status", `${path} has no development_status map (expected "development_status:" with one "key: status" line per epic and story); story statuses are read from the story files instead`, path, 1),
    };
  }
  const warnings: Diag[] = [];
  const entries: SprintEntry[] = [];
  for (const pair of status.items) {
    const keyNode = pair.key as Scalar | null;
    if (!isScalar(keyNode)) continue;
    const key = String(keyNode.source ?? keyNode.value).trim();
    const line = lineCounter.linePos(keyNode.range?.[0] ?? 0).line;
    const kind = entryKind(key);
    if (kind === null) continue;
    const v = pair.value;
    if (v !== null && !isScalar(v)) {
      warnings.push(diag("invalid-sprint-status", `${path}: "${key}" should have one status (backlog, ready-for-dev, in-progress, review, done); it is ignored`, path, line));
      continue;
    }
    const value = v === null || v.value === null ? "" : String(v.value).trim();
    entries.push({ key, value, line, kind, id: kind === "story" ? idFromSprintKey(key) : null });
  }
  const out: SprintStatus = { path, entries };
  const loc = isMap(contents) ? contents.get("story_location") : undefined;
  if (typeof loc === "string") out.storyLocation = loc;
  return { ok: true, value: out, warnings };
}

// ---- statuses ----

/** BMAD's story statuses (and the variants its versions and users write) → the engine's. */
const FROM_BMAD: ReadonlyMap<string, StoryStatus> = new Map([
  ["backlog", "Not Started"],
  ["drafted", "Not Started"],
  ["draft", "Not Started"],
  ["contexted", "Not Started"],
  ["ready-for-dev", "Not Started"],
  ["ready", "Not Started"],
  ["todo", "Not Started"],
  ["approved", "Not Started"],
  ["in-progress", "In Progress"],
  ["review", "Ready for Review"],
  ["in-review", "Ready for Review"],
  ["ready-for-review", "Ready for Review"],
  ["done", "Done"],
  ["completed", "Done"],
  ["complete", "Done"],
  ["blocked", "Blocked"],
  ["skipped", "Skipped"],
  ["cancelled", "Skipped"],
  ["canceled", "Skipped"],
]);

/** The engine's status for a BMAD status (`ready_for_dev`, `In Progress` as well), or null when it is not one. */
export function statusFromBmad(value: string): StoryStatus | null {
  return FROM_BMAD.get(value.trim().toLowerCase().replace(/[\s_]+/g, "-")) ?? null;
}

/**
 * What the engine writes back when its own status changes. Changes Requested goes back to
 * in-progress (BMAD's code review does the same when it leaves action items); Approved is still
 * in review until it merges. Statuses BMAD has no word for are not written (null).
 */
export function bmadStatusFor(status: StoryStatus): string | null {
  switch (status) {
    case "In Progress":
    case "Changes Requested":
      return "in-progress";
    case "Ready for Review":
    case "Approved":
      return "review";
    case "Done":
      return "done";
    case "Not Started":
    case "Failed":
    case "Blocked":
    case "Skipped":
      return null;
  }
}

// ---- which story each entry governs ----

/** A story file's name as a sprint key: `story-1-2-slug.story.md` → `1-2-slug` (lower-case). */
export function sprintKeyOfPath(path: string): string {
  return baseName(path)
    .replace(/\.story$/i, "")
    .replace(/^story[-_.]?(?=\d)/i, "")
    .toLowerCase();
}

export interface SprintMatch {
  /** Story key (idKey) → the entry that governs it. */
  byStory: Map<string, SprintEntry>;
  /** Story entries with no story file: each becomes a placeholder story. */
  placeholders: SprintEntry[];
  warnings: Diag[];
}

/**
 * Pairs entries with stories: by file name first (the key is the file's name), then by the id the
 * key spells. An entry whose id names a story another entry already governs, or that spells no
 * id and matches no file, governs nothing (a warning says so).
 */
export function matchSprintEntries(sprint: SprintStatus, stories: readonly Pick<ParsedStory, "id" | "path">[]): SprintMatch {
  const byName = new Map<string, SprintEntry>();
  for (const e of sprint.entries) if (e.kind === "story" && !byName.has(e.key.toLowerCase())) byName.set(e.key.toLowerCase(), e);
  const byStory = new Map<string, SprintEntry>();
  const taken = new Set<SprintEntry>();
  const storyIds = new Set<string>();
  for (const s of stories) {
    const k = idKey(s.id);
    storyIds.add(k);
    const e = byName.get(sprintKeyOfPath(s.path));
    if (e && !taken.has(e) && !byStory.has(k)) {
      byStory.set(k, e);
      taken.add(e);
    }
  }
  const placeholders: SprintEntry[] = [];
  const placeholderIds = new Set<string>();
  const warnings: Diag[] = [];
  for (const e of sprint.entries) {
    if (e.kind !== "story" || taken.has(e)) continue;
    if (e.id === null) {
      warnings.push(diag("sprint-status-entry", `${e.key} is the name of no story that was read, and spells no story id (expected {epic}-{story}-{title}, like 1-2-user-login); it is not planned`, sprint.path, e.line));
      continue;
    }
    const k = idKey(e.id);
    if (storyIds.has(k)) {
      if (!byStory.has(k)) {
        byStory.set(k, e);
        taken.add(e);
      } else {
        const other = byStory.get(k)!;
        warnings.push(diag("sprint-status-entry", `${e.key} and ${other.key} (line ${other.line}) both name story ${e.id}; ${other.key} governs it and this one is ignored`, sprint.path, e.line));
      }
      continue;
    }
    if (placeholderIds.has(k)) {
      warnings.push(diag("sprint-status-entry", `${e.key} names story ${e.id} again (with no story file); the first entry is kept`, sprint.path, e.line));
      continue;
    }
    placeholderIds.add(k);
    placeholders.push(e);
  }
  return { byStory, placeholders, warnings };
}

/** `1-2-user-login` → "User login". */
function titleOfKey(key: string): string {
  const slug = key.replace(STORY_KEY_RE, "").replace(/[-_]+/g, " ").trim();
  return slug ? slug[0]!.toUpperCase() + slug.slice(1) : key;
}

/**
 * A story listed in the sprint status with no file yet. It is planned (a dependency on it is an
 * open dependency, not an unknown reference) but never run: there is nothing to implement from.
 * Its path is the sprint-status file, so diagnostics about it point where it is listed.
 */
export function placeholderStory(entry: SprintEntry, sprintPath: string): ParsedStory {
  const id = entry.id!;
  return {
    id,
    idSource: "file-name",
    title: titleOfKey(entry.key),
    path: sprintPath,
    status: { raw: entry.value || null, normalized: statusFromBmad(entry.value) ?? "Not Started", line: entry.line },
    epic: { number: epicOf(id) },
    dependencies: { declared: false, refs: [] },
    blocks: [],
    acceptanceCriteria: [],
    tasks: [],
    technologies: [],
    overrides: {},
    placeholder: { line: entry.line },
  };
}

/**
 * The story as the sprint status governs it: its status is the entry's. Where the file states
 * another one, a warning names both places (the file is usually behind: BMAD's workflows update
 * the sprint status first). Compared in the engine's terms, so `Status: ready-for-dev` in the file
 * and `ready-for-dev` in the sprint status agree.
 */
export function governedStory(story: ParsedStory, entry: SprintEntry, sprintPath: string): { story: ParsedStory; warning: Diag | null } {
  const sprint = statusFromBmad(entry.value);
  if (sprint === null) {
    const warning = diag(
      "sprint-status-entry",
      `${entry.key}: "${entry.value}" is not a status (expected backlog, ready-for-dev, in-progress, review or done); story ${story.id} keeps its file's status`,
      sprintPath,
      entry.line,
    );
    return { story, warning };
  }
  const governed: ParsedStory = { ...story, status: { raw: entry.value, normalized: sprint } };
  const raw = story.status.raw;
  if (raw === null) return { story: governed, warning: null };
  const own = statusFromBmad(raw) ?? story.status.normalized;
  if (own === sprint) return { story: governed, warning: null };
  const where = story.status.line === undefined ? story.path : `${story.path}:${story.status.line}`;
  const warning = diag(
    "status-mismatch",
    `story ${story.id}: ${where} says "${raw}" (${own}) but ${sprintPath}:${entry.line} says "${entry.value}" (${sprint}); the sprint status governs, so the plan uses ${sprint}. Update the story file, or the sprint status`,
    story.path,
    story.status.line,
  );
  return { story: governed, warning };
}

// ---- writing a status back ----

/**
 * The text with one story entry's value replaced, everything else byte for byte (comments,
 * spacing, order, line ends). A minimal edit of the value's own characters, located by the YAML
 * parser: the yaml package's Document.toString() re-renders the whole file, which on real
 * sprint-status files changes comment spacing (`done  # note` → `done # note`) and strips the
 * blank lines' indentation. Null when the key is not there or its value is not a plain scalar.
 */
export function setSprintStatus(text: string, key: string, value: string): string | null {
  const doc = parseDocument(text, { uniqueKeys: false, logLevel: "error" });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return null;
  const status = doc.contents.get("development_status", true);
  if (!isMap(status)) return null;
  const pair = status.items.find((p) => isScalar(p.key) && String((p.key as Scalar).source ?? (p.key as Scalar).value).trim() === key);
  const v = pair?.value;
  if (!pair || !isScalar(v) || !v.range) return null;
  const [start, end] = v.range;
  const old = text.slice(start, end);
  const quote = old.startsWith("'") || old.startsWith('"') ? old[0]! : "";
  if (old.includes("\n")) return null; // a multi-line scalar: not what BMAD writes, left alone
  return text.slice(0, start) + quote + value + quote + text.slice(end);
}
