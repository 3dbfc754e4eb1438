// What the runner reads about the project once, as a run starts (one load of the project):
// - the stories it still has to finish (its scope, not Done, not Failed or blocked behind a
//   failure, not set aside, with a story file), with their dependencies among themselves: what
//   the live view's finish estimate schedules (core/run/eta.ts);
// - each story's file, which the workers' prompts name.
// Only reads.
import { ok, type Diag, type Result } from "../../core/diagnostics.js";
import { idKey } from "../../core/ids.js";
import type { RemainingStory } from "../../core/run/eta.js";
import { blockedStories } from "../../core/scheduler/next.js";
import { displayId, loadRunContext, runScope, schedulable } from "../run-context.js";

export interface StartFacts {
  remaining: RemainingStory[];
  /** Project-relative story file by id key. */
  storyFiles: Map<string, string>;
}

export async function startFacts(root: string): Promise<Result<StartFacts, Diag[]>> {
  const loaded = await loadRunContext(root);
  if (!loaded.ok) return loaded;
  const ctx = loaded.value;
  const scope = runScope(ctx);
  if (!scope.ok) return scope;
  const all = schedulable(ctx);
  const blocked = blockedStories(all);
  const left = all.filter((s) => (scope.value === null || scope.value.has(s.id)) && s.status !== "Done" && s.status !== "Failed" && s.status !== "Blocked" && !blocked.has(s.id) && !s.placeholder);
  const keys = new Set(left.map((s) => s.id));
  return ok({
    remaining: left.map((s) => ({ id: displayId(ctx, s.id), dependsOn: s.dependencies.filter((d) => keys.has(d)).map((d) => displayId(ctx, d)) })),
    storyFiles: new Map(ctx.project.stories.map((s) => [idKey(s.id), s.path])),
  });
}
