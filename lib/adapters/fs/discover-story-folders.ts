// Which folders hold the project's stories, and why: the configured storiesDir (one folder or a
// list); else every known story folder that exists (lib/core/stories/story-folders.ts), with a
// BMAD v6 sprint-status.yaml's `story_location` honoured; else a bounded search for folders
// named like story folders. The reader (./read-story-files.ts) then lists each one recursively.
// Every folder stays inside the project, links resolved.
import { readdirSync, realpathSync, statSync, type Dirent } from "node:fs";
import path from "node:path";
import { diag, type Diag } from "../../core/diagnostics.js";
import {
  FALLBACK_MAX_DEPTH,
  FALLBACK_MAX_FOLDERS,
  FALLBACK_MIN_FILES,
  fallbackEnters,
  isFallbackFolderName,
  looksLikeStoryFileName,
  noStoriesFolderMessage,
} from "../../core/stories/discovery-rules.js";
import { BMAD_OUTPUT_DIR, CCPM_EPICS_DIR, DEFAULT_STORY_DIRS } from "../../core/stories/story-folders.js";
import { storyLocationCandidates, storyLocationOf, type StoryLocation } from "../../core/stories/story-location.js";
import { isInside, readSmallFile } from "./bounded-read.js";

/** A folder to read recursively: absolute, project-relative POSIX ("." for the root), and why. */
export interface StoryRoot {
  abs: string;
  rel: string;
  reason: string;
}

export interface Discovery {
  roots: StoryRoot[];
  /** About storiesDir (no file: the caller points them at the config) or the project's layout. */
  errors: Diag[];
  /** A story_location that could not be followed, and the like. */
  warnings: Diag[];
}

const toPosix = (p: string): string => p.split(path.sep).join("/");

function isDir(p: string): boolean {
  try {
    return statSync(p, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
}

/** Whether the folder at `abs` resolves (links followed) inside the project's real root. */
function resolvesInside(realRoot: string, abs: string): boolean {
  try {
    return isInside(realRoot, realpathSync(abs));
  } catch {
    return false;
  }
}

const DEFAULT_REASONS: Record<string, string> = {
  "docs/stories": "the default story folder (BMAD v4 and most projects)",
  "_bmad-output/implementation-artifacts": "BMAD v6's output folder",
  "docs/sprint-artifacts": "BMAD v6 (alpha) sprint folder",
  [CCPM_EPICS_DIR]: "ccpm epics (a folder per epic; archived/ epics count as done)",
};

/** Finds the folders to read under `absRoot`. `storiesDir`: the configured value, if any. */
export function discoverStoryFolders(absRoot: string, realRoot: () => string, storiesDir: string | readonly string[] | undefined): Discovery {
  if (storiesDir !== undefined) return configuredRoots(absRoot, realRoot, typeof storiesDir === "string" ? [storiesDir] : storiesDir);
  const out: Discovery = { roots: [], errors: [], warnings: [] };
  const add = (root: StoryRoot): void => {
    if (!out.roots.some((r) => r.rel === root.rel)) out.roots.push(root);
  };
  const located = sprintStatusLocations(absRoot, realRoot, out.warnings);
  for (const d of DEFAULT_STORY_DIRS) {
    const abs = path.join(absRoot, d);
    const loc = located.get(d);
    if (loc) add(loc);
    else if (isDir(abs) && resolvesInside(realRoot(), abs)) add({ abs, rel: d, reason: DEFAULT_REASONS[d]! });
  }
  const epics = path.join(absRoot, CCPM_EPICS_DIR);
  if (hasSubfolder(epics) && resolvesInside(realRoot(), epics)) add({ abs: epics, rel: CCPM_EPICS_DIR, reason: DEFAULT_REASONS[CCPM_EPICS_DIR]! });
  if (out.roots.length === 0) out.roots = fallbackSearch(absRoot, realRoot);
  if (out.roots.length === 0) out.errors.push(diag("no-stories", noStoriesFolderMessage([...DEFAULT_STORY_DIRS, `${CCPM_EPICS_DIR}/*/`])));
  return out;
}

function hasSubfolder(dir: string): boolean {
  try {
    return readdirSync(dir, { withFileTypes: true }).some((e) => e.isDirectory());
  } catch {
    return false;
  }
}

function configuredRoots(absRoot: string, realRoot: () => string, dirs: readonly string[]): Discovery {
  const out: Discovery = { roots: [], errors: [], warnings: [] };
  for (const shown of dirs) {
    const bad = (code: "unsafe-path" | "no-stories", message: string): void => void out.errors.push(diag(code, message));
    if (path.isAbsolute(shown) || /^[A-Za-z]:/.test(shown)) {
      bad("unsafe-path", `storiesDir "${shown}" must be a path inside the project, relative to its root`);
      continue;
    }
    const abs = path.resolve(absRoot, shown);
    if (!isInside(absRoot, abs)) {
      bad("unsafe-path", `storiesDir "${shown}" points outside the project`);
      continue;
    }
    if (!isDir(abs)) {
      bad("no-stories", `storiesDir "${shown}" does not exist or is not a folder. Create it or set storiesDir in .agent-orchestration/config.yaml`);
      continue;
    }
    if (!resolvesInside(realRoot(), abs)) {
      bad("unsafe-path", `storiesDir "${shown}" is a link to a folder outside the project`);
      continue;
    }
    const rel = toPosix(path.relative(absRoot, abs)) || ".";
    if (!out.roots.some((r) => r.rel === rel)) out.roots.push({ abs, rel, reason: "storiesDir in .agent-orchestration/config.yaml" });
  }
  return out;
}

/**
 * The folders that sprint-status.yaml files name in `story_location`, by the known story folder
 * they stand in for (the one the file sits in; the BMAD output folder's file stands in for the
 * implementation-artifacts folder). A location that cannot be followed is a warning, and the
 * known folder is read as usual.
 */
function sprintStatusLocations(absRoot: string, realRoot: () => string, warnings: Diag[]): Map<string, StoryRoot> {
  const places: [file: string, home: string][] = [];
  for (const d of DEFAULT_STORY_DIRS) places.push([`${d}/sprint-status.yaml`, d], [`${d}/stories/sprint-status.yaml`, d]);
  places.push([`${BMAD_OUTPUT_DIR}/sprint-status.yaml`, "_bmad-output/implementation-artifacts"]);
  const found = new Map<string, StoryRoot>();
  for (const [file, home] of places) {
    if (found.has(home)) continue;
    const got = readSmallFile(path.join(absRoot, file), { maxBytes: 1024 * 1024, root: absRoot, realRoot: realRoot() });
    if (!("text" in got) || got.text === null) continue;
    const loc = storyLocationOf(got.text);
    if (!loc) continue;
    const root = followLocation(absRoot, realRoot(), loc, file, home, warnings);
    if (root) found.set(home, root);
  }
  return found;
}

function followLocation(absRoot: string, realRoot: string, loc: StoryLocation, file: string, home: string, warnings: Diag[]): StoryRoot | null {
  const where = `story_location in ${file}:${loc.line}`;
  const warn = (why: string): null => {
    warnings.push(diag("story-location", `story_location "${loc.value}" ${why}; read ${home} instead`, file, loc.line));
    return null;
  };
  const inside = (abs: string): StoryRoot | null => {
    if (!isInside(absRoot, abs) || !isDir(abs) || !resolvesInside(realRoot, abs)) return null;
    const rel = toPosix(path.relative(absRoot, abs)) || ".";
    return { abs, rel, reason: where };
  };
  const c = storyLocationCandidates(loc.value, path.posix.dirname(file));
  if (c.kind === "unresolvable") return warn("holds a placeholder or a '..' that cannot be resolved here");
  if (c.kind === "foreign-absolute") {
    // This machine's own absolute path to a folder of the project, first; then the path's end.
    if (path.isAbsolute(loc.value)) {
      const own = inside(path.resolve(loc.value));
      if (own) return own;
    }
    for (const cand of c.candidates) {
      const r = inside(path.resolve(absRoot, cand));
      if (r) return { ...r, reason: `${where} (written as ${loc.value}; its end ${r.rel} is this project's folder)` };
    }
    return warn("is a path on another machine, and no end of it is a folder of this project");
  }
  for (const cand of c.candidates) {
    const abs = path.resolve(absRoot, cand);
    if (!isInside(absRoot, abs)) return warn("points outside the project");
    const r = inside(abs);
    if (r) return r;
  }
  return warn("is not a folder of this project");
}

/**
 * For a layout with none of the known folders: folders named like story folders
 * (discovery-rules.ts) holding story-named markdown files, breadth first, bounded in depth and
 * folders visited. A qualifying folder is not searched further (the reader reads it whole).
 */
function fallbackSearch(absRoot: string, realRoot: () => string): StoryRoot[] {
  const found: StoryRoot[] = [];
  let queue: string[] = [absRoot];
  let visited = 0;
  for (let depth = 0; depth <= FALLBACK_MAX_DEPTH && queue.length > 0; depth++) {
    const next: string[] = [];
    for (const dir of queue) {
      if (++visited > FALLBACK_MAX_FOLDERS) return found;
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      if (dir !== absRoot && isFallbackFolderName(path.basename(dir))) {
        const named = entries.filter((e) => !e.isDirectory() && looksLikeStoryFileName(e.name)).length;
        if (named >= FALLBACK_MIN_FILES && resolvesInside(realRoot(), dir)) {
          const rel = toPosix(path.relative(absRoot, dir));
          found.push({
            abs: dir,
            rel,
            reason: `no known story folder; found by search: a folder named "${path.basename(dir)}" holding ${named} markdown files named like story ids (set storiesDir to choose the folder)`,
          });
          continue;
        }
      }
      const subs = entries.filter((e) => e.isDirectory() && fallbackEnters(e.name)).map((e) => e.name).sort();
      for (const name of subs) next.push(path.join(dir, name));
    }
    queue = next;
  }
  return found;
}
