// `next`: what may start now (core/scheduler/next.ts decides; this wires the project and state).
import { ok, type Diag, type Result } from "../core/diagnostics.js";
import { nextReady, type NextDecision } from "../core/scheduler/next.js";
import { displayId, loadRunContext, runScope, schedulable } from "./run-context.js";
import { recordRunScope } from "./run-scope.js";

export interface NextResult extends NextDecision {
  /** Why the given scope was not recorded as the run's (stories of another scope still active). */
  warnings?: Diag[];
}

/**
 * `scope`: scope expressions. Given, they become the run's recorded scope (so a later `next`
 * without arguments, a resumed session or the Stop hook keep to this run); none = the recorded
 * scope, or every story.
 */
export async function nextStories(root: string, scope?: readonly string[]): Promise<Result<NextResult, Diag[]>> {
  const loaded = await loadRunContext(root);
  if (!loaded.ok) return loaded;
  const ctx = loaded.value;
  let sc = runScope(ctx, scope);
  if (!sc.ok) return sc;
  let warnings: Diag[] = [];
  if (scope && scope.length) {
    const recorded = await recordRunScope(root, [...scope], undefined, ctx);
    if (!recorded.ok) return recorded;
    warnings = recorded.value.warnings;
    // Not recorded: hand out what the recorded scope allows, as `start` will only accept those.
    if (warnings.length) sc = runScope(ctx);
    if (!sc.ok) return sc;
  }
  const d = nextReady(schedulable(ctx), ctx.project.config.maxParallel, sc.value);
  const show = (k: string) => displayId(ctx, k);
  return ok({
    ...(warnings.length ? { warnings } : {}),
    ready: d.ready.map((r) => ({ id: show(r.id), agent: r.agent })),
    running: d.running.map(show),
    waiting: d.waiting.map(show),
    blocked: d.blocked.map(show),
  });
}
