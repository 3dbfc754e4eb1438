import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  isStoryId
} from "./chunk-KNNDJYLI.mjs";

// lib/core/state/state-files.ts
var STATE_DIR = ".agent-orchestration";
var CONFIG_FILE_NAME = "config.yaml";
var CONFIG_FILE = `${STATE_DIR}/${CONFIG_FILE_NAME}`;
var ORCHESTRATION_FILE = "orchestration-state.json";
var JOURNAL_FILE = "journal.jsonl";
var LOCK_FILE = ".lock";
var MERGE_LOCK_FILE = ".merge.lock";
var HOOK_JOURNAL = "hooks.jsonl";
var STOP_MEMORY = "hooks-stop.json";
var STORY_FILE_RE = /^story-(.+)\.json$/;
function storyFileName(id) {
  if (!isStoryId(id)) throw new Error(`Internal error: not a story id: ${JSON.stringify(id)}`);
  return `story-${id}.json`;
}
function storyIdOfFileName(name) {
  const m = STORY_FILE_RE.exec(name);
  return m && isStoryId(m[1]) ? m[1] : null;
}

export {
  STATE_DIR,
  CONFIG_FILE_NAME,
  CONFIG_FILE,
  ORCHESTRATION_FILE,
  JOURNAL_FILE,
  LOCK_FILE,
  MERGE_LOCK_FILE,
  HOOK_JOURNAL,
  STOP_MEMORY,
  storyFileName,
  storyIdOfFileName
};
