import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  transition
} from "./chunk-X73HXAI3.mjs";
import {
  newStoryState
} from "./chunk-NDF5RAGK.mjs";
import {
  agentOf,
  dependenciesOf,
  displayId,
  sortIds,
  statusOf
} from "./chunk-EG7KQHPQ.mjs";
import {
  appendJournal,
  writeStoryState
} from "./chunk-A73OOLFP.mjs";
import {
  idKey
} from "./chunk-KNNDJYLI.mjs";

// lib/engine/block-dependents.ts
async function blockDependents(root, ctx, failedId, at) {
  const graph = ctx.analysis.effective.graph;
  const seen = /* @__PURE__ */ new Set();
  const stack = [idKey(failedId)];
  while (stack.length) {
    const k = stack.pop();
    for (const d of graph.dependents.get(k) ?? []) {
      if (seen.has(d)) continue;
      seen.add(d);
      stack.push(d);
    }
  }
  const blocked = [];
  for (const k of seen) {
    if (graph.virtual.has(k) || !ctx.analysis.index.byKey.has(k)) continue;
    if (statusOf(ctx, k) !== "Not Started") continue;
    const base = ctx.states.get(k) ?? newStoryState({ storyId: displayId(ctx, k), agent: agentOf(ctx, k), dependencies: dependenciesOf(ctx, k), at });
    const t = transition(base, "block", at, `dependency ${failedId} failed`);
    if (!t.ok) continue;
    await writeStoryState(root, { ...t.value, reason: `dependency ${failedId} failed` });
    blocked.push(displayId(ctx, k));
  }
  const sorted = sortIds(blocked);
  if (sorted.length) await appendJournal(root, { at, event: "block", storyId: failedId, data: { blocked: sorted } });
  return sorted;
}

export {
  blockDependents
};
