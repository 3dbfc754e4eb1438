import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  emptyOrchestrationState
} from "./chunk-NDF5RAGK.mjs";
import {
  displayId,
  runScope,
  statusOf
} from "./chunk-NWW3U62L.mjs";
import {
  readAllStoryStates,
  readOrchestrationState,
  writeOrchestrationState
} from "./chunk-NRM35V7C.mjs";
import {
  maskOf,
  scheduleGraph
} from "./chunk-QEZGP2JN.mjs";
import {
  compareIds,
  idKey
} from "./chunk-L6YY6IB4.mjs";
import {
  ok
} from "./chunk-43TV4QD6.mjs";

// lib/core/scheduler/next.ts
var DEFAULT_USER_PRIORITY = 2;
function compareReady(a, b) {
  const ua = a.userPriority ?? DEFAULT_USER_PRIORITY;
  const ub = b.userPriority ?? DEFAULT_USER_PRIORITY;
  return ua - ub || b.priority - a.priority || compareIds(a.id, b.id);
}
var ACTIVE_STATUSES = ["In Progress", "Ready for Review", "Changes Requested", "Approved"];
function isActive(status) {
  return ACTIVE_STATUSES.includes(status);
}
function blockedStories(stories) {
  const byId = new Map(stories.map((s) => [s.id, s]));
  const memo = /* @__PURE__ */ new Map();
  const isBlocked = (id, seen) => {
    const cached = memo.get(id);
    if (cached !== void 0) return cached;
    const s = byId.get(id);
    if (!s || seen.has(id)) return false;
    seen.add(id);
    const result = s.dependencies.some((d) => {
      const dep = byId.get(d);
      if (!dep) return false;
      return dep.status === "Failed" || dep.status === "Blocked" || dep.status !== "Done" && isBlocked(d, seen);
    });
    memo.set(id, result);
    return result;
  };
  const out = /* @__PURE__ */ new Set();
  for (const s of stories) {
    if ((s.status === "Not Started" || s.status === "Blocked") && isBlocked(s.id, /* @__PURE__ */ new Set())) out.add(s.id);
  }
  return out;
}
function nextReady(stories, maxParallel, scope = null) {
  const byId = new Map(stories.map((s) => [s.id, s]));
  const blocked = blockedStories(stories);
  const running = stories.filter((s) => isActive(s.status)).map((s) => s.id);
  const inScope = (id) => scope === null || scope.has(id);
  const candidates = [];
  const waiting = [];
  for (const s of stories) {
    if (!inScope(s.id) || blocked.has(s.id)) continue;
    if (s.status !== "Not Started") continue;
    const depsDone = s.dependencies.every((d) => byId.get(d)?.status === "Done" || !byId.has(d));
    if (depsDone) candidates.push(s);
    else waiting.push(s.id);
  }
  candidates.sort(compareReady);
  const slots = Math.max(0, maxParallel - running.length);
  const ready = candidates.slice(0, slots);
  waiting.push(...candidates.slice(slots).map((s) => s.id));
  return {
    ready: ready.map((s) => ({ id: s.id, agent: s.agent })),
    running: running.sort(compareIds),
    waiting: waiting.sort(compareIds),
    blocked: [...blocked].filter(inScope).sort(compareIds)
  };
}

// lib/core/graph/waves.ts
function computeWaves(graph, runnable) {
  const { runnable: mask, end } = scheduleGraph(graph, maskOf(graph, runnable));
  const waveOf = /* @__PURE__ */ new Map();
  const waves = [];
  graph.nodes.forEach((n, i) => {
    if (mask[i] === 0) return;
    const w = end[i] - 1;
    waveOf.set(n, w);
    while (waves.length <= w) waves.push([]);
    waves[w]?.push(n);
  });
  return { waveOf, waves };
}

// lib/core/state/run-totals.ts
function runTotals(storyIds, statusOf2, waves) {
  const ids = [...storyIds].sort(compareIds);
  const pick = (p) => ids.filter((id) => p(statusOf2(id)));
  const open = (s) => s !== "Done" && s !== "Skipped";
  const wave = waves.findIndex((w) => w.some((id) => open(statusOf2(id))));
  return {
    totalStories: ids.length,
    completed: pick((s) => s === "Done"),
    inProgress: pick(isActive),
    pending: pick((s) => s === "Not Started"),
    failed: pick((s) => s === "Failed"),
    blocked: pick((s) => s === "Blocked"),
    currentWave: wave >= 0 ? wave : null
  };
}

// lib/engine/orchestration.ts
function runShape(ctx) {
  const scope = runScope(ctx);
  const keys = ctx.analysis.index.keys.filter((k) => !scope.ok || scope.value === null || scope.value.has(k));
  const runnable = new Set(keys.filter((k) => !ctx.analysis.blockedByCycle.has(k)));
  const { waves } = computeWaves(ctx.analysis.effective.graph, runnable);
  return { stories: keys.map((k) => displayId(ctx, k)), waves: waves.map((w) => w.map((k) => displayId(ctx, k))) };
}
async function updateOrchestration(root, at, ctx, mutate) {
  const cur = await readOrchestrationState(root);
  if (!cur.ok) return cur;
  const states = await readAllStoryStates(root);
  if (!states.ok) return states;
  const o = cur.value ?? emptyOrchestrationState(at);
  if (ctx) Object.assign(o, runShape(ctx));
  mutate?.(o);
  const previouslyDone = new Set(o.completed.map(idKey));
  const statusFor = (id) => {
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

export {
  isActive,
  blockedStories,
  nextReady,
  runShape,
  updateOrchestration
};
