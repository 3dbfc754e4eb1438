// The read side every verb shares: config → story files → parsed stories, with every
// diagnostic gathered on the way. Each story file is read exactly once (by readStoryFiles).
import { loadConfig } from "../adapters/fs/load-config.js";
import { readStoryFiles } from "../adapters/fs/read-story-files.js";
import { parseStories } from "../core/stories/parse-stories.js";
import { diag, sortDiags } from "../core/diagnostics.js";
import type { Diag } from "../core/diagnostics.js";
import type { Config } from "../core/config/schema.js";
import type { ParsedStory, SkippedFile, SourceFile } from "../core/model.js";

export interface LoadedProject {
  /** Absolute project root. */
  root: string;
  /** Valid config; keys with errors fall back to their defaults (the errors are in `errors`). */
  config: Config;
  /** Project-relative story folders that were searched. */
  dirs: string[];
  files: SourceFile[];
  stories: ParsedStory[];
  /** Files looked at and deliberately not treated as stories, with the reason. */
  skipped: SkippedFile[];
  errors: Diag[];
  warnings: Diag[];
}

export async function loadProject(root: string): Promise<LoadedProject> {
  const { config, errors: configErrors } = await loadConfig(root);
  const read = await readStoryFiles(root, config.storiesDir);
  const parsed = parseStories(read.files);
  const skipped = [...read.skipped, ...parsed.skipped].sort((a, b) => a.path.localeCompare(b.path));
  const errors = mergeDiags(configErrors, read.errors, parsed.errors);
  // A folder that exists but holds no story is as fatal as no folder (which readStoryFiles reports).
  if (parsed.stories.length === 0 && !errors.some((d) => d.code === "no-stories")) {
    const where = read.dirs.join(", ");
    const seen = read.files.length + read.skipped.length;
    errors.push(
      diag(
        "no-stories",
        `No stories found in ${where} (${seen} markdown file${seen === 1 ? "" : "s"} looked at, none is a story). ` +
          `A story file is named like 1.1.slug.md or starts with a heading like "# Story 1.1: Title"`,
      ),
    );
  }
  return {
    root,
    config,
    dirs: read.dirs,
    files: read.files,
    stories: parsed.stories,
    skipped,
    errors: sortDiags(errors),
    warnings: mergeDiags(read.warnings, parsed.warnings),
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
