import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  readAllStoryStates
} from "./chunk-A73OOLFP.mjs";
import {
  idKey,
  isStoryId
} from "./chunk-KNNDJYLI.mjs";
import {
  diag,
  err,
  ok
} from "./chunk-EFR3LY5V.mjs";

// lib/engine/story-ref.ts
function notAStoryId(id) {
  return err([diag("unknown-story", `"${id}" is not a story id (examples: 1.1, 2.10b)`)]);
}
async function stateOf(root, id, verb) {
  if (!isStoryId(id)) return notAStoryId(id);
  const all = await readAllStoryStates(root);
  if (!all.ok) return all;
  const st = all.value.get(idKey(id));
  if (!st) return err([await notStarted(root, id, verb)]);
  return ok(st);
}
async function notStarted(root, id, verb) {
  const { loadRunContext, findStory, statusOf } = await import("./run-context-2YYROYZ3.mjs");
  const { adviceIn } = await import("./story-advice-53SVDMV3.mjs");
  const loaded = await loadRunContext(root);
  if (!loaded.ok) return loaded.error[0];
  const found = findStory(loaded.value, id);
  if (!found.ok) return found.error[0];
  const key = idKey(found.value.id);
  const status = statusOf(loaded.value, key);
  const what = status === "Not Started" ? "has not been started" : `is ${status}${status === "Done" ? " (its story file says so)" : ""} and was never started by the engine`;
  return diag("illegal-transition", `story ${found.value.id} ${what}: nothing to ${verb}. Next: ${adviceIn(loaded.value, key)}`);
}

export {
  notAStoryId,
  stateOf
};
