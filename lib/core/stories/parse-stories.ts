// The pure entry point of the story stage: files (already read) → stories, skipped files and
// diagnostics. Each file is parsed exactly once; duplicate ids are found with one map.
import { diag, sortDiags, type Diag } from "../diagnostics.js";
import { keyOf, sortById } from "../graph/id-order.js";
import type { ParsedStory, SkippedFile, SourceFile } from "../model.js";
import { parseStory, type StoryParse } from "./parse-story.js";

/**
 * Bump whenever a change to lib/core/stories (or what it imports) changes what parseStory
 * returns for some file: persistent parse caches (lib/adapters/fs/story-cache.ts) key on it.
 */
export const PARSER_VERSION = 2;

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

export function parseStories(files: readonly SourceFile[]): ParseResult {
  return combineParses(files.map((file) => ({ path: file.path, parse: parseStory(file) })));
}

/**
 * The cross-file half of parseStories: per-file parses → one result, duplicate ids found over
 * all of them. Split out so a cache of per-file parses gives exactly what parsing everything does.
 */
export function combineParses(parses: readonly FileParse[]): ParseResult {
  const ordered = [...parses].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const byKey = new Map<string, { story: ParsedStory; line: number | undefined }>();
  const stories: ParsedStory[] = [];
  const skipped: SkippedFile[] = [];
  const errors: Diag[] = [];
  const warnings: Diag[] = [];

  for (const file of ordered) {
    const r = file.parse;
    switch (r.kind) {
      case "skipped":
        skipped.push(r.skipped);
        break;
      case "failed":
        errors.push(...r.errors);
        warnings.push(...r.warnings);
        break;
      case "story": {
        errors.push(...r.errors);
        warnings.push(...r.warnings);
        const key = keyOf(r.story.id);
        const line = r.idLine;
        const first = byKey.get(key);
        if (first) {
          // Keep the first file (path order) so the plan stays stable; the error names both.
          errors.push(
            diag(
              "duplicate-id",
              `Story ${r.story.id} is defined twice: ${first.story.path} and ${file.path}. Give one of them another id, or move the one that is not a story out of the stories folder`,
              file.path,
              line,
            ),
          );
          break;
        }
        byKey.set(key, { story: r.story, line });
        stories.push(r.story);
        break;
      }
    }
  }
  // compareIds order, each id parsed once (compareIds re-parses both ids on every comparison).
  const sorted = sortById(stories, (s) => s.id, (a, b) => (a.path < b.path ? -1 : 1));
  return { stories: sorted, skipped, errors: sortDiags(errors), warnings: sortDiags(warnings) };
}
