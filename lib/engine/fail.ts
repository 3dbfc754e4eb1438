// `fail ID --reason TEXT`: the story stops; its worktree and branch stay (nothing is deleted);
// every story that depends on it becomes Blocked.
import { diag, err, ok, type Diag, type Result } from "../core/diagnostics.js";
import { idKey } from "../core/ids.js";
import { newStoryState } from "../core/state/schemas.js";
import { transition } from "../core/state/transitions.js";
import { systemClock, type Clock } from "../adapters/clock.js";
import { appendJournal, withStateLock, writeStoryState } from "../adapters/state-store/store.js";
import { blockDependents } from "./block-dependents.js";
import { updateOrchestration } from "./orchestration.js";
import { agentOf, dependenciesOf, refreshStates, withStory } from "./run-context.js";

export interface FailResult {
  id: string;
  status: "Failed";
  reason: string;
  blocked: string[];
}

export async function failStory(root: string, id: string, reason: string, clock: Clock = systemClock): Promise<Result<FailResult, Diag[]>> {
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
    return ok({ id: story.id, status: "Failed" as const, reason, blocked });
  });
}
