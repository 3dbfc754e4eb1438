// `status`: the live progress of the run's stories (scope recorded by `next SCOPE`, else all).
import { ok, type Diag, type Result } from "../core/diagnostics.js";
import type { RunProgress } from "../core/report/progress.js";
import { systemClock, type Clock } from "../adapters/clock.js";
import { runShape } from "./orchestration.js";
import { agentOf, displayId, loadRunContext, statusOf, type RunContext } from "./run-context.js";
import { idKey } from "../core/ids.js";
import { isActive } from "../core/scheduler/next.js";
import { runStepsOf } from "./story-advice.js";
import type { StoryCacheOptions } from "../adapters/fs/story-cache.js";

const sum = (xs: (number | null)[]): number | null => (xs.some((x) => x !== null) ? xs.reduce<number>((a, x) => a + (x ?? 0), 0) : null);

/** The run's stories as `status` lists them (display ids): its scope, then any active story outside it. */
export function runStoryIds(ctx: RunContext, shape: { stories: string[] } = runShape(ctx)): string[] {
  // Defensive: an active story outside the recorded scope (started before the scope was recorded,
  // or by hand) is still part of the run: counted and shown, never hidden.
  const inShape = new Set(shape.stories.map(idKey));
  const strays = ctx.analysis.index.keys.filter((k) => !inShape.has(k) && isActive(statusOf(ctx, k))).map((k) => displayId(ctx, k));
  return [...shape.stories, ...strays];
}

export async function runProgress(root: string, clock: Clock = systemClock, cache: StoryCacheOptions = {}): Promise<Result<RunProgress, Diag[]>> {
  const loaded = await loadRunContext(root, cache);
  if (!loaded.ok) return loaded;
  const ctx = loaded.value;
  const shape = runShape(ctx);
  const waveOf = new Map<string, number>();
  shape.waves.forEach((w, i) => w.forEach((id) => waveOf.set(id, i)));
  const now = clock.now().getTime();
  const stories = runStoryIds(ctx, shape).map((id) => {
    const key = idKey(id);
    const st = ctx.states.get(key);
    const story = ctx.analysis.index.byKey.get(key)!;
    const status = statusOf(ctx, key);
    const finished = status === "Done" || status === "Failed";
    const elapsedMs = st?.startTime ? (finished ? Date.parse(st.lastUpdate) : now) - Date.parse(st.startTime) : null;
    return {
      id,
      title: story.title,
      status,
      wave: waveOf.get(id) ?? null,
      agent: agentOf(ctx, key),
      elapsedMs,
      tokens: st?.tokens ?? null,
      costUsd: st?.costUsd ?? null,
      // A story listed in sprint-status.yaml that nobody has written yet: not run, and the view says why.
      reason: st?.reason ?? (story.placeholder && status !== "Done" ? `no story file yet (listed in ${story.path}:${story.placeholder.line})` : null),
      mergedSha: st?.mergedSha ?? null,
      dependencies: ctx.analysis.edgesOf(key).map((e) => displayId(ctx, e.to)),
    };
  });
  const start = ctx.orch?.startTime ? Date.parse(ctx.orch.startTime) : null;
  return ok({
    stories,
    waves: shape.waves,
    integrationBranch: ctx.orch?.integrationBranch ?? ctx.project.config.baseBranch ?? null,
    elapsedMs: start !== null ? now - start : null,
    tokens: sum(stories.map((s) => s.tokens)),
    costUsd: sum(stories.map((s) => s.costUsd)),
    next: runStepsOf(ctx).steps,
  });
}
