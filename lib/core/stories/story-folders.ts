// Where stories live when `storiesDir` is not configured. Spelled once: the story reader
// (lib/adapters/fs/discover-story-folders.ts) reads every one of these that exists, and finding
// the project root (lib/adapters/fs/locate-project.ts, on the hooks' hot path, so this file
// imports nothing) treats a folder that holds one of them as a project.

/**
 * Where the tools put stories, each read recursively (lib/core/stories/discovery-rules.ts says
 * which subfolders are not). All that exist are read, in this order, not only the first: a
 * project may keep BMAD v4 stories in docs/stories and newer ones in BMAD v6's output folder.
 */
export const DEFAULT_STORY_DIRS = [
  // BMAD v4 and most home-grown layouts, with or without epic subfolders.
  "docs/stories",
  // BMAD v6's output folder: stories at its top or in its stories/ (epic subfolders too).
  "_bmad-output/implementation-artifacts",
  // BMAD v6 alpha: stories/, epic-N/stories/, or story files at the top.
  "docs/sprint-artifacts",
] as const;

/** ccpm keeps one folder per epic under this one (each subfolder is an epic; archived/ holds finished ones). */
export const CCPM_EPICS_DIR = ".claude/epics";

/** BMAD v6's output folder: a sprint-status.yaml may sit here as well as beside the stories. */
export const BMAD_OUTPUT_DIR = "_bmad-output";
