// The next step for one story given the whole run (readiness needs the scheduler, the scope and
// the dependencies' statuses); the wording is core/advice/story-advice.ts's.
import { storyAdvice } from "../core/advice/story-advice.js";
import { evaluateReviews } from "../core/gate/merge-gate.js";
import { blockedStories, isActive, nextReady } from "../core/scheduler/next.js";
import { runFinished, runSteps, type RunView } from "../core/advice/run-steps.js";
import { displayId, runScope, schedulable, statusOf, type RunContext } from "./run-context.js";

/** Failed stories that (transitively, through stories not Done) hold `key` back. */
export function failedBehind(ctx: RunContext, key: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const stack = [key];
  while (stack.length) {
    for (const e of ctx.analysis.edgesOf(stack.pop()!)) {
      if (seen.has(e.to)) continue;
      seen.add(e.to);
      const s = statusOf(ctx, e.to);
      if (s === "Failed") out.push(displayId(ctx, e.to));
      else if (s !== "Done") stack.push(e.to);
    }
  }
  return out;
}

export function adviceIn(ctx: RunContext, key: string): string {
  const id = displayId(ctx, key);
  const status = statusOf(ctx, key);
  const st = ctx.states.get(key);
  if (status === "Not Started") {
    const scope = runScope(ctx);
    const sched = schedulable(ctx);
    const ready = nextReady(sched, ctx.project.config.maxParallel, scope.ok ? scope.value : null).ready.some((r) => r.id === key);
    const waitsFor = ctx.analysis.edgesOf(key).filter((e) => statusOf(ctx, e.to) !== "Done").map((e) => `${displayId(ctx, e.to)} (${statusOf(ctx, e.to)})`);
    if (!ready && blockedStories(sched).has(key)) return storyAdvice({ id, status: "Blocked", waitsFor: failedBehind(ctx, key) });
    return storyAdvice({ id, status, ready, waitsFor });
  }
  if (status === "Blocked") return storyAdvice({ id, status, waitsFor: failedBehind(ctx, key) });
  const { reviewers, blockingSeverities } = ctx.project.config;
  const missing = st?.headSha ? evaluateReviews(st.reviews, st.headSha, reviewers, blockingSeverities).missing.map((m) => m.reviewer) : reviewers;
  return storyAdvice({ id, status, worktree: st?.worktree ?? null, missingReviewers: missing });
}

/**
 * The run's next steps (core/advice/run-steps.ts) from the context: the stories of the run's scope
 * (`scope`, default the recorded one) plus any active story outside it, and what may start now.
 */
export function runStepsOf(ctx: RunContext, scope?: ReadonlySet<string> | null): { steps: string[]; finished: boolean } {
  const recorded = runScope(ctx);
  const sc = scope !== undefined ? scope : recorded.ok ? recorded.value : null;
  const keys = ctx.analysis.index.keys.filter((k) => sc === null || sc.has(k) || isActive(statusOf(ctx, k)));
  const d = nextReady(schedulable(ctx), ctx.project.config.maxParallel, sc);
  const view: RunView = {
    stories: keys.map((k) => ({ id: displayId(ctx, k), status: statusOf(ctx, k), worktree: ctx.states.get(k)?.worktree ?? null })),
    ready: d.ready.map((r) => ({ id: displayId(ctx, r.id), agent: r.agent })),
    reviewers: ctx.project.config.reviewers,
  };
  return { steps: runSteps(view), finished: runFinished(view) };
}
