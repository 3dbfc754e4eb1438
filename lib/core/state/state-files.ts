// The names of the files in `.agent-orchestration/`, spelled once. Two readers share them: the
// engine's store (zod-validated reads, locked atomic writes) and the hooks' hot path (plain JSON
// reads, no schema library), so this file imports nothing but the id grammar.
import { isStoryId } from "../ids.js";

export const STATE_DIR = ".agent-orchestration";
export const CONFIG_FILE_NAME = "config.yaml";
/** Project-relative path of the config file. */
export const CONFIG_FILE = `${STATE_DIR}/${CONFIG_FILE_NAME}`;
export const ORCHESTRATION_FILE = "orchestration-state.json";
export const JOURNAL_FILE = "journal.jsonl";
export const LOCK_FILE = ".lock";
export const MERGE_LOCK_FILE = ".merge.lock";
/** The hooks' own append-only journal (launches, agent ids, completions). */
export const HOOK_JOURNAL = "hooks.jsonl";
/** What the Stop hook remembers between calls (to stop nagging an idle session). */
export const STOP_MEMORY = "hooks-stop.json";

const STORY_FILE_RE = /^story-(.+)\.json$/;

export function storyFileName(id: string): string {
  // The id grammar is the path-safety guarantee (ids.ts): refuse anything else outright.
  if (!isStoryId(id)) throw new Error(`Internal error: not a story id: ${JSON.stringify(id)}`);
  return `story-${id}.json`;
}

/** The story id a state file's name holds (`story-<id>.json`), or null for any other file. */
export function storyIdOfFileName(name: string): string | null {
  const m = STORY_FILE_RE.exec(name);
  return m && isStoryId(m[1]!) ? m[1]! : null;
}
