import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);

// lib/core/stories/story-folders.ts
var DEFAULT_STORY_DIRS = [
  "docs/stories",
  "_bmad-output/implementation-artifacts/stories",
  "docs/sprint-artifacts/stories"
];
var CCPM_EPICS_DIR = ".claude/epics";

export {
  DEFAULT_STORY_DIRS,
  CCPM_EPICS_DIR
};
