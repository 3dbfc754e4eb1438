// `retry ID`: a Failed story goes back to Not Started so `next` hands it out again. Its history,
// reviews, branch and worktree stay (a later `start` reuses them); the fix-round count starts
// over. The stories it alone blocked become Not Started again.
import { diag, err, ok, type Diag, type Result } from "../core/diagnostics.js";
import { idKey } from "../core/ids.js";
import { transition } from "../core/state/transitions.js";
import { unblockable } from "../core/state/unblock.js";
import { systemClock, type Clock } from "../adapters/clock.js";
import { appendJournal, withStateLock, writeStoryState } from "../adapters/state-store/store.js";
import { updateOrchestration } from "./orchestration.js";
import { adviceIn, failedBehind } from "./story-advice.js";
import { blockedStories } from "../core/scheduler/next.js";
import { refreshStates, schedulable, sortIds, statusOf, withStory, type RunContext } from "./run-context.js";

export interface RetryResult {
  id: string;
  /** Blocked when one of its own dependencies is still Failed. */
  status: "Not Started" | "Blocked";
  /** Stories that were Blocked by this one and are Not Started again, in id order. */
  unblocked: string[];
  /** What to do with it now (start it, or what it waits for); not in the JSON. */
  next: string;
}

/** A (transitive) dependency of `key` that is Failed, through stories not yet Done; else null. */
function failedDependency(ctx: RunContext, key: string): string | null {
  if (!blockedStories(schedulable(ctx)).has(key)) return null;
  return failedBehind(ctx, key)[0] ?? null;
}

export async function retryStory(root: string, id: string, clock: Clock = systemClock): Promise<Result<RetryResult, Diag[]>> {
  return withStory(root, id, withStateLock, async (ctx, story) => {
    const key = idKey(story.id);
    const st = ctx.states.get(key);
    if (!st || st.status !== "Failed") {
      return err([diag("illegal-transition", `story ${story.id}: cannot retry from "${statusOf(ctx, key)}"; only a Failed story can be retried. Next: ${adviceIn(ctx, key)}`)]);
    }
    const at = clock.now().toISOString();
    const t = transition(st, "retry", at, st.reason ?? undefined);
    if (!t.ok) return t;
    // fixRounds starts over: otherwise a story failed by maxFixRounds would fail again on its
    // first change request. Why it failed stays in history (the note above) and the journal.
    await writeStoryState(root, { ...t.value, fixRounds: 0, reason: null });

    let after = await refreshStates(ctx);
    if (!after.ok) return after;
    // Failed by hand while its own dependency had failed: it waits as Blocked, like its peers.
    const holder = failedDependency(after.value, key);
    if (holder !== null) {
      const b = transition(after.value.states.get(key)!, "block", at, `dependency ${holder} failed`);
      if (b.ok) await writeStoryState(root, { ...b.value, reason: `dependency ${holder} failed` });
      after = await refreshStates(after.value);
      if (!after.ok) return after;
    }
    const unblocked: string[] = [];
    for (const k of unblockable(schedulable(after.value))) {
      const dep = after.value.states.get(k);
      if (!dep || dep.status !== "Blocked") continue;
      const u = transition(dep, "unblock", at, `dependency ${story.id} retried`);
      if (!u.ok) continue;
      await writeStoryState(root, { ...u.value, reason: null });
      unblocked.push(dep.storyId);
    }
    const sorted = sortIds(unblocked);
    await appendJournal(root, { at, event: "retry", storyId: story.id, data: { unblocked: sorted } });
    const done = await refreshStates(after.value);
    if (!done.ok) return done;
    const o = await updateOrchestration(root, at, done.value);
    if (!o.ok) return o;
    return ok({ id: story.id, status: holder === null ? ("Not Started" as const) : ("Blocked" as const), unblocked: sorted, next: adviceIn(done.value, key) });
  });
}
