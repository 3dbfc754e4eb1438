import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  evaluateReviews
} from "./chunk-3ZEYVYDB.mjs";
import {
  blockedStories,
  isActive,
  nextReady
} from "./chunk-3C4OI2RT.mjs";
import {
  displayId,
  runScope,
  schedulable,
  statusOf
} from "./chunk-EG7KQHPQ.mjs";
import {
  command,
  fixRoundSteps,
  storyAdvice
} from "./chunk-F5LBCNN2.mjs";

// lib/core/advice/run-steps.ts
function runFinished(v) {
  return v.stories.every((s) => s.status === "Done" || s.status === "Failed" || s.status === "Blocked" || s.status === "Skipped") && (v.ready?.length ?? 0) === 0;
}
function runSteps(v) {
  const by = (st) => v.stories.filter((s) => s.status === st);
  const steps = [];
  for (const s of by("Approved")) steps.push(`merge ${s.id}: ${command("merge", s.id)}`);
  for (const s of by("Ready for Review")) steps.push(`review ${s.id}: ${storyAdvice({ id: s.id, status: s.status, missingReviewers: v.reviewers })}`);
  for (const s of by("Changes Requested")) steps.push(`fix ${s.id}: ${fixRoundSteps(s.id, s.worktree)}`);
  for (const s of by("In Progress")) steps.push(`finish ${s.id}: ${storyAdvice(s)}`);
  for (const s of by("Failed")) steps.push(`retry ${s.id}: ${command("retry", s.id)} runs the failed story again (its branch and worktree are kept)`);
  if (v.ready === null) {
    if (by("Not Started").length) steps.push(`start what is ready: ${command("next")} lists it`);
  } else for (const r of v.ready) steps.push(`start ${r.id} (agent ${r.agent}): ${command("start", r.id)}`);
  if (steps.length) return steps;
  if (runFinished(v)) return [`the run is finished: ${command("summary")} writes the report`];
  const waiting = by("Not Started").map((s) => s.id);
  return [`nothing can start now${waiting.length ? ` (${waiting.join(", ")} wait for their dependencies)` : ""}: ${command("status")} shows the run`];
}

// lib/engine/story-advice.ts
function failedBehind(ctx, key) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const stack = [key];
  while (stack.length) {
    for (const e of ctx.analysis.edgesOf(stack.pop())) {
      if (seen.has(e.to)) continue;
      seen.add(e.to);
      const s = statusOf(ctx, e.to);
      if (s === "Failed") out.push(displayId(ctx, e.to));
      else if (s !== "Done") stack.push(e.to);
    }
  }
  return out;
}
function adviceIn(ctx, key) {
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
function runStepsOf(ctx, scope) {
  const recorded = runScope(ctx);
  const sc = scope !== void 0 ? scope : recorded.ok ? recorded.value : null;
  const keys = ctx.analysis.index.keys.filter((k) => sc === null || sc.has(k) || isActive(statusOf(ctx, k)));
  const d = nextReady(schedulable(ctx), ctx.project.config.maxParallel, sc);
  const view = {
    stories: keys.map((k) => ({ id: displayId(ctx, k), status: statusOf(ctx, k), worktree: ctx.states.get(k)?.worktree ?? null })),
    ready: d.ready.map((r) => ({ id: displayId(ctx, r.id), agent: r.agent })),
    reviewers: ctx.project.config.reviewers
  };
  return { steps: runSteps(view), finished: runFinished(view) };
}

export {
  failedBehind,
  adviceIn,
  runStepsOf
};
