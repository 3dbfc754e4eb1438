import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  blockDependents
} from "./chunk-PRYJMW64.mjs";
import {
  transition
} from "./chunk-X73HXAI3.mjs";
import {
  updateOrchestration
} from "./chunk-IPPJ62NW.mjs";
import {
  systemClock
} from "./chunk-OXJ2D6ZF.mjs";
import {
  newStoryState
} from "./chunk-NDF5RAGK.mjs";
import {
  agentOf,
  dependenciesOf,
  refreshStates,
  withStory
} from "./chunk-EG7KQHPQ.mjs";
import {
  appendJournal,
  withStateLock,
  writeStoryState
} from "./chunk-A73OOLFP.mjs";
import {
  idKey
} from "./chunk-KNNDJYLI.mjs";
import {
  diag,
  err,
  ok
} from "./chunk-EFR3LY5V.mjs";

// lib/engine/fail.ts
async function failStory(root, id, reason, clock = systemClock) {
  if (reason.trim() === "") return err([diag("usage", "fail needs --reason TEXT")]);
  return withStory(root, id, withStateLock, async (ctx, story) => {
    const key = idKey(story.id);
    const at = clock.now().toISOString();
    const st = ctx.states.get(key) ?? newStoryState({ storyId: story.id, agent: agentOf(ctx, key), dependencies: dependenciesOf(ctx, key), at });
    if (!ctx.states.has(key) && story.status.normalized === "Done") {
      return err([diag("illegal-transition", `story ${story.id}: cannot fail from "Done"`)]);
    }
    const t = transition(st, "fail", at, reason);
    if (!t.ok) return t;
    await writeStoryState(root, { ...t.value, reason });
    await appendJournal(root, { at, event: "fail", storyId: story.id, data: { reason } });
    const after = await refreshStates(ctx);
    if (!after.ok) return after;
    const blocked = await blockDependents(root, after.value, story.id, at);
    const o = await updateOrchestration(root, at, after.value);
    if (!o.ok) return o;
    return ok({ id: story.id, status: "Failed", reason, blocked });
  });
}

export {
  failStory
};
