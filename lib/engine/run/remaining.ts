// The stories the run still has to finish (its scope, not Done, not Failed or blocked behind a
// failure, not set aside, with a story file), with their dependencies among themselves: what the
// live view's finish estimate schedules (core/run/eta.ts). Only reads.
import { ok, type Diag, type Result } from "../../core/diagnostics.js";
import type { RemainingStory } from "../../core/run/eta.js";
import { blockedStories } from "../../core/scheduler/next.js";
import { displayId, loadRunContext, runScope, schedulable } from "../run-context.js";

export async function remainingStories(root: string): Promise<Result<RemainingStory[], Diag[]>> {
  const loaded = await loadRunContext(root);
  if (!loaded.ok) return loaded;
  const ctx = loaded.value;
  const scope = runScope(ctx);
  if (!scope.ok) return scope;
  const all = schedulable(ctx);
  const blocked = blockedStories(all);
  const left = all.filter((s) => (scope.value === null || scope.value.has(s.id)) && s.status !== "Done" && s.status !== "Failed" && s.status !== "Blocked" && !blocked.has(s.id) && !s.placeholder);
  const keys = new Set(left.map((s) => s.id));
  return ok(left.map((s) => ({ id: displayId(ctx, s.id), dependsOn: s.dependencies.filter((d) => keys.has(d)).map((d) => displayId(ctx, d)) })));
}
