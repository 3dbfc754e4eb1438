// Where stories live when `storiesDir` is not configured. Spelled once: the story reader
// (lib/adapters/fs/read-story-files.ts) searches these folders, and finding the project root
// (lib/adapters/fs/locate-project.ts, on the hooks' hot path, so this file imports nothing)
// treats a folder that holds one of them as a project.

/** Searched in this order; the first that exists is the stories folder. */
export const DEFAULT_STORY_DIRS = [
  "docs/stories",
  "_bmad-output/implementation-artifacts/stories",
  "docs/sprint-artifacts/stories",
] as const;

/** ccpm keeps one folder per epic under this one (each subfolder is an epic). */
export const CCPM_EPICS_DIR = ".claude/epics";
