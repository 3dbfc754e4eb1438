// Finds, reads and rewrites BMAD v6's sprint-status.yaml (parsing and deciding is pure:
// lib/core/stories/sprint-status.ts). The file is the user's (BMAD's own workflows edit it
// too), so it is read like a config file (no FIFO, no link out of the project, bounded) and
// written the way the state store writes: a temporary file beside it, then a rename.
import { existsSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { DEFAULT_STORY_DIRS } from "../../core/stories/story-folders.js";
import { relativeStaysInside } from "../../core/path-safety.js";
import { writeFileAtomic } from "../state-store/atomic-write.js";
import { isInside, readSmallFile, realRootOf } from "./bounded-read.js";

/** The file names BMAD gives it. (Not imported from the core module: that one loads the yaml package.) */
export const SPRINT_STATUS_NAMES = ["sprint-status.yaml", "sprint-status.yml"] as const;

/** Where BMAD puts it when it is not beside the stories: v6's output folder, v6-alpha's sprint folder. */
export const SPRINT_STATUS_DIRS = ["_bmad-output/implementation-artifacts", "docs/sprint-artifacts"] as const;

/** A sprint status is a few hundred lines; this only keeps a wrong file from being loaded whole. */
const MAX_SPRINT_STATUS_BYTES = 4 * 1024 * 1024;

const toPosix = (p: string): string => p.split(path.sep).join("/");

/**
 * The folders to look in, nearest first: each stories folder, its parent and grandparent (BMAD
 * keeps the file beside `stories/`, whose epic subfolders may be what was read), then the
 * BMAD output folders. Project-relative POSIX paths, none outside the project.
 */
export function sprintStatusCandidates(storyDirs: readonly string[]): string[] {
  const out: string[] = [];
  const add = (dir: string): void => {
    const d = path.posix.normalize(dir === "" ? "." : dir);
    if (!relativeStaysInside(d === "." ? "" : d) || out.includes(d)) return;
    out.push(d);
  };
  for (const dir of storyDirs) {
    let d = path.posix.normalize(dir);
    for (let up = 0; up < 3 && d !== "." && d !== ".." && !d.startsWith("../"); up++) {
      add(d);
      d = path.posix.dirname(d);
    }
  }
  for (const d of SPRINT_STATUS_DIRS) add(d);
  return out;
}

/**
 * The project-relative path of the sprint status that governs these story folders, or null.
 * Only a regular file whose real path is inside the project counts.
 */
export function locateSprintStatus(root: string, storyDirs: readonly string[]): string | null {
  let realRoot: string | null = null;
  for (const dir of sprintStatusCandidates(storyDirs)) {
    for (const name of SPRINT_STATUS_NAMES) {
      const rel = dir === "." ? name : `${dir}/${name}`;
      const abs = path.join(root, rel);
      if (!existsSync(abs)) continue;
      try {
        realRoot ??= realRootOf(root);
        if (statSync(abs).isFile() && isInside(realRoot, realpathSync(abs))) return toPosix(rel);
      } catch {
        /* vanished or unreadable: look on */
      }
    }
  }
  return null;
}

/** The folders to search when the caller has not read the stories (config storiesDir, else the defaults). */
export function defaultStoryDirs(storiesDir: string | readonly string[] | undefined): string[] {
  if (storiesDir === undefined) return [...DEFAULT_STORY_DIRS];
  return typeof storiesDir === "string" ? [storiesDir] : [...storiesDir];
}

export type SprintRead = { text: string } | { problem: string } | null;

/** The file's text; null when it is gone; a short reason when it cannot be read. */
export function readSprintStatus(root: string, rel: string): SprintRead {
  const r = readSmallFile(path.join(root, rel), { maxBytes: MAX_SPRINT_STATUS_BYTES, root });
  if ("problem" in r) return { problem: r.problem };
  return r.text === null ? null : { text: r.text };
}

/** Replaces the file atomically; `rel` must be inside the project (checked again here). */
export async function writeSprintStatus(root: string, rel: string, text: string): Promise<void> {
  const abs = path.resolve(root, rel);
  if (!isInside(path.resolve(root), abs)) throw new Error(`Internal error: sprint status path ${rel} is outside the project`);
  // The real file, so a link inside the project is written through, never replaced by a file.
  const real = realpathSync(abs);
  if (!isInside(realRootOf(root), real)) throw new Error(`Internal error: sprint status ${rel} resolves outside the project`);
  await writeFileAtomic(real, text);
}
