// A failed story blocks every story that (transitively) depends on it: they become Blocked, and
// stay Blocked until the failed dependency is resolved. Independent stories go on. Callers hold
// the state lock.
import { idKey } from "../core/ids.js";
import { newStoryState } from "../core/state/schemas.js";
import { transition } from "../core/state/transitions.js";
import { appendJournal, writeStoryState } from "../adapters/state-store/store.js";
import { agentOf, dependenciesOf, displayId, sortIds, statusOf, type RunContext } from "./run-context.js";

export async function blockDependents(root: string, ctx: RunContext, failedId: string, at: string): Promise<string[]> {
  const graph = ctx.analysis.effective.graph;
  const seen = new Set<string>();
  const stack = [idKey(failedId)];
  while (stack.length) {
    const k = stack.pop()!;
    for (const d of graph.dependents.get(k) ?? []) {
      if (seen.has(d)) continue;
      seen.add(d);
      stack.push(d);
    }
  }
  const blocked: string[] = [];
  for (const k of seen) {
    if (graph.virtual.has(k) || !ctx.analysis.index.byKey.has(k)) continue;
    if (statusOf(ctx, k) !== "Not Started") continue;
    const base = ctx.states.get(k) ?? newStoryState({ storyId: displayId(ctx, k), agent: agentOf(ctx, k), dependencies: dependenciesOf(ctx, k), at });
    const t = transition(base, "block", at, `dependency ${failedId} failed`);
    if (!t.ok) continue;
    await writeStoryState(root, { ...t.value, reason: `dependency ${failedId} failed` });
    blocked.push(displayId(ctx, k));
  }
  const sorted = sortIds(blocked);
  if (sorted.length) await appendJournal(root, { at, event: "block", storyId: failedId, data: { blocked: sorted } });
  return sorted;
}
