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

/** `verb`: what was asked (submit, review), for the refusal when the story has no state file. */
export async function stateOf(root: string, id: string, verb: string): Promise<Result<StoryState, Diag[]>> {
  if (!isStoryId(id)) return notAStoryId(id);
  const all = await readAllStoryStates(root);
  if (!all.ok) return all;
  const st = all.value.get(idKey(id));
  if (!st) return err([await notStarted(root, id, verb)]);
  return ok(st);
}

/**
 * No state file: the engine never started the story. What to do depends on what the story is
 * (unknown, done by its file, waiting, ready), which needs the project: loaded only on this
 * refusal path, so the fast path stays free of markdown parsing.
 */
async function notStarted(root: string, id: string, verb: string): Promise<Diag> {
  const { loadRunContext, findStory, statusOf } = await import("./run-context.js");
  const { adviceIn } = await import("./story-advice.js");
  const loaded = await loadRunContext(root);
  if (!loaded.ok) return loaded.error[0]!;
  const found = findStory(loaded.value, id);
  if (!found.ok) return found.error[0]!;
  const key = idKey(found.value.id);
  const status = statusOf(loaded.value, key);
  const what = status === "Not Started" ? "has not been started" : `is ${status}${status === "Done" ? " (its story file says so)" : ""} and was never started by the engine`;
  return diag("illegal-transition", `story ${found.value.id} ${what}: nothing to ${verb}. Next: ${adviceIn(loaded.value, key)}`);
}
