import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);

// lib/core/stories/story-folders.ts
var DEFAULT_STORY_DIRS = [
  // BMAD v4 and most home-grown layouts, with or without epic subfolders.
  "docs/stories",
  // BMAD v6's output folder: stories at its top or in its stories/ (epic subfolders too).
  "_bmad-output/implementation-artifacts",
  // BMAD v6 alpha: stories/, epic-N/stories/, or story files at the top.
  "docs/sprint-artifacts"
];
var CCPM_EPICS_DIR = ".claude/epics";
var BMAD_OUTPUT_DIR = "_bmad-output";

export {
  DEFAULT_STORY_DIRS,
  CCPM_EPICS_DIR,
  BMAD_OUTPUT_DIR
};
