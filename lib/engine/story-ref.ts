// Looking up a story by what a user or hook typed, from the state files alone (no markdown):
// the fast path for submit, review and the hooks.
import { diag, err, ok, type Diag, type Result } from "../core/diagnostics.js";
import { idKey, isStoryId } from "../core/ids.js";
import type { StoryState } from "../core/state/schemas.js";
import { readAllStoryStates } from "../adapters/state-store/store.js";

/** The refusal for text that is not a story id (so it never reaches a path or a branch name). */
export function notAStoryId(id: string): Result<never, Diag[]> {
  return err([diag("unknown-story", `"${id}" is not a story id (examples: 1.1, 2.10b)`)]);
}

export async function stateOf(root: string, id: string): Promise<Result<StoryState, Diag[]>> {
  if (!isStoryId(id)) return notAStoryId(id);
  const all = await readAllStoryStates(root);
  if (!all.ok) return all;
  const st = all.value.get(idKey(id));
  if (!st) return err([diag("illegal-transition", `story ${id} has not been started (run \`story-orchestrator start ${id}\`)`)]);
  return ok(st);
}
