// The pure entry point of the story stage: files (already read) → stories, skipped files and
// diagnostics. Each file is parsed exactly once (parseStory), then combined (combine-parses.ts).
import type { SourceFile } from "../model.js";
import { combineParses, type ParseResult } from "./combine-parses.js";
import { parseStory } from "./parse-story.js";

export function parseStories(files: readonly SourceFile[]): ParseResult {
  return combineParses(files.map((file) => ({ path: file.path, parse: parseStory(file) })));
}
