// The read side every verb shares: config → story files → parsed stories, with every
// diagnostic gathered on the way. Each changed story file is read and parsed exactly once;
// unchanged ones come from the parse cache (lib/adapters/fs/story-cache.ts), same result.
import { loadConfig } from "../adapters/fs/load-config.js";
import { loadStories, type StoryCacheOptions } from "../adapters/fs/story-cache.js";
import { diag, sortDiags } from "../core/diagnostics.js";
import type { Diag } from "../core/diagnostics.js";
import type { Config } from "../core/config/schema.js";
import { CONFIG_FILE } from "../core/state/state-files.js";
import type { ParsedStory, SkippedFile } from "../core/model.js";
import type { FolderSkipped, FolderUsed } from "../core/stories/discovery-rules.js";
import { defaultStoryDirs } from "../adapters/fs/sprint-status-file.js";
import { governBySprintStatus, type SprintBinding } from "./sprint-status.js";

export interface LoadedProject {
  /** Absolute project root. */
  root: string;
  /** Valid config; keys with errors fall back to their defaults (the errors are in `errors`). */
  config: Config;
  /** Project-relative story folders that were read (each with its subfolders). */
  dirs: string[];
  /** The same folders, each with why it was chosen (for `validate`). */
  folders: FolderUsed[];
  /** Subfolders of those that were not read, with the reason (for `validate`). */
  skippedFolders: FolderSkipped[];
  /** How many markdown files were read as text (skips excluded). */
  fileCount: number;
  stories: ParsedStory[];
  /** Files looked at and deliberately not treated as stories, with the reason. */
  skipped: SkippedFile[];
  errors: Diag[];
  warnings: Diag[];
  /** BMAD's sprint-status.yaml when one governs the stories (their statuses are its). */
  sprint: SprintBinding | null;
}

export async function loadProject(root: string, cache: StoryCacheOptions = {}): Promise<LoadedProject> {
  const { config, errors: configErrors, storiesDirLine } = await loadConfig(root, cache);
  const read = await loadStories(root, config.storiesDir, cache);
  const parsed = read.parsed;
  const skipped = [...read.skipped, ...parsed.skipped].sort((a, b) => a.path.localeCompare(b.path));
  // A configured folder that is missing or a link outside the project: the reader said why (a
  // diagnostic with no file). The fix is in the config file, so that is where it points.
  const readErrors =
    config.storiesDir !== undefined
      ? read.errors.map((d) => (d.file === undefined ? diag(d.code, d.message, CONFIG_FILE, storiesDirLine) : d))
      : read.errors;
  const errors = mergeDiags(configErrors, readErrors, parsed.errors);
  // Statuses from sprint-status.yaml where one governs the stories; its stories with no file yet
  // join as placeholders (after the no-stories check below: a placeholder is not a story file).
  const governed = await governBySprintStatus(root, read.dirs.length > 0 ? read.dirs : defaultStoryDirs(config.storiesDir), parsed.stories);
  // A folder that exists but holds no story is as fatal as no folder (which readStoryFiles reports).
  if (read.dirs.length > 0 && parsed.stories.length === 0 && !errors.some((d) => d.code === "no-stories")) {
    const where = read.dirs.join(", ");
    const seen = read.fileCount + read.skipped.length;
    errors.push(
      diag(
        "no-stories",
        `No stories found in ${where} (${seen} markdown file${seen === 1 ? "" : "s"} looked at, none is a story). ` +
          `A story file is named like 1.1.slug.md or starts with a heading like "# Story 1.1: Title"` +
          (config.storiesDir === undefined ? `. If your stories are elsewhere, set storiesDir in ${CONFIG_FILE}` : ""),
      ),
    );
  }
  return {
    root,
    config,
    dirs: read.dirs,
    folders: read.folders,
    skippedFolders: read.skippedFolders,
    fileCount: read.fileCount,
    stories: governed.stories,
    skipped,
    errors: sortDiags(errors),
    warnings: mergeDiags(read.warnings, parsed.warnings, governed.warnings),
    sprint: governed.sprint,
  };
}

/**
 * Joins diagnostic lists from several stages (load, parse, plan) into one sorted list.
 * A stage may repeat what an earlier one found (e.g. the plan re-reporting a parse error):
 * identical diagnostics are kept once.
 */
export function mergeDiags(...lists: readonly (readonly Diag[])[]): Diag[] {
  const seen = new Set<string>();
  const out: Diag[] = [];
  for (const list of lists) {
    for (const d of list) {
      const key = `${d.code}\u0000${d.file ?? ""}\u0000${d.line ?? ""}\u0000${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(d);
    }
  }
  return sortDiags(out);
}
