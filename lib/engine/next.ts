// `next`: what may start now (core/scheduler/next.ts decides; this wires the project and state).
import { ok, type Diag, type Result } from "../core/diagnostics.js";
import { nextReady, type NextDecision } from "../core/scheduler/next.js";
import { displayId, loadRunContext, runScope, schedulable } from "./run-context.js";

/** `scope`: scope expressions; none = the scope `plan` recorded, or every story. */
export async function nextStories(root: string, scope?: readonly string[]): Promise<Result<NextDecision, Diag[]>> {
  const loaded = await loadRunContext(root);
  if (!loaded.ok) return loaded;
  const ctx = loaded.value;
  const sc = runScope(ctx, scope);
  if (!sc.ok) return sc;
  const d = nextReady(schedulable(ctx), ctx.project.config.maxParallel, sc.value);
  const show = (k: string) => displayId(ctx, k);
  return ok({
    ready: d.ready.map((r) => ({ id: show(r.id), agent: r.agent })),
    running: d.running.map(show),
    waiting: d.waiting.map(show),
    blocked: d.blocked.map(show),
  });
}
