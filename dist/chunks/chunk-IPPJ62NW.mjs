import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  emptyOrchestrationState
} from "./chunk-NDF5RAGK.mjs";
import {
  isActive
} from "./chunk-3C4OI2RT.mjs";
import {
  displayId,
  runScope,
  statusOf
} from "./chunk-EG7KQHPQ.mjs";
import {
  readAllStoryStates,
  readOrchestrationState,
  writeOrchestrationState
} from "./chunk-A73OOLFP.mjs";
import {
  maskOf,
  scheduleGraph
} from "./chunk-TA7IOGVC.mjs";
import {
  compareIds,
  idKey
} from "./chunk-KNNDJYLI.mjs";
import {
  ok
} from "./chunk-EFR3LY5V.mjs";

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
  const runnable = new Set(keys.filter((k) => !ctx.analysis.setAside.has(k)));
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
  runShape,
  updateOrchestration
};
