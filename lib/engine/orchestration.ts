// Keeps orchestration-state.json in step with the story states. Callers hold the state lock.
// The totals are derived from the story statuses each time (core/state/run-totals.ts), never
// incremented, so a crash between two writes cannot leave them wrong for long.
import { ok, type Diag, type Result } from "../core/diagnostics.js";
import { idKey } from "../core/ids.js";
import type { StoryStatus } from "../core/model.js";
import { computeWaves } from "../core/graph/waves.js";
import { runTotals } from "../core/state/run-totals.js";
import { emptyOrchestrationState, type OrchestrationState } from "../core/state/schemas.js";
import { readAllStoryStates, readOrchestrationState, writeOrchestrationState } from "../adapters/state-store/store.js";
import { displayId, runScope, statusOf, type RunContext } from "./run-context.js";

/** Story ids and waves of the run (its scope), for the seed's totals and `status`. */
export function runShape(ctx: RunContext): { stories: string[]; waves: string[][] } {
  const scope = runScope(ctx);
  const keys = ctx.analysis.index.keys.filter((k) => !scope.ok || scope.value === null || scope.value.has(k));
  const runnable = new Set(keys.filter((k) => !ctx.analysis.setAside.has(k)));
  const { waves } = computeWaves(ctx.analysis.effective.graph, runnable);
  return { stories: keys.map((k) => displayId(ctx, k)), waves: waves.map((w) => w.map((k) => displayId(ctx, k))) };
}

/**
 * Reads, changes and writes orchestration-state.json with fresh totals. `ctx` (when the caller
 * loaded the project) refreshes the run's story list and waves; otherwise the recorded ones stay.
 */
export async function updateOrchestration(
  root: string,
  at: string,
  ctx: RunContext | null,
  mutate?: (o: OrchestrationState) => void,
): Promise<Result<OrchestrationState, Diag[]>> {
  const cur = await readOrchestrationState(root);
  if (!cur.ok) return cur;
  const states = await readAllStoryStates(root);
  if (!states.ok) return states;
  const o: OrchestrationState = cur.value ?? emptyOrchestrationState(at);
  if (ctx) Object.assign(o, runShape(ctx));
  mutate?.(o);
  const previouslyDone = new Set(o.completed.map(idKey));
  const statusFor = (id: string): StoryStatus => {
    const st = states.value.get(idKey(id));
    if (st) return st.status;
    if (ctx) return statusOf(ctx, idKey(id)) === "Done" ? "Done" : "Not Started";
    return previouslyDone.has(idKey(id)) ? "Done" : "Not Started";
  };
  Object.assign(o, runTotals(o.stories, statusFor, o.waves));
  o.lastUpdate = at;
  await writeOrchestrationState(root, o);
  return ok(o);
}
