import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  notAStoryId
} from "./chunk-RPVWIPJZ.mjs";
import {
  readAllStoryStates,
  readOrchestrationState
} from "./chunk-A73OOLFP.mjs";
import {
  analyzeProject
} from "./chunk-TA7IOGVC.mjs";
import {
  resolveScope,
  suggestIds
} from "./chunk-VVU4VAXQ.mjs";
import {
  loadProject
} from "./chunk-ZP7QG5VT.mjs";
import {
  compareIds,
  idKey,
  isStoryId
} from "./chunk-KNNDJYLI.mjs";
import {
  diag,
  err,
  ok
} from "./chunk-EFR3LY5V.mjs";

// lib/engine/run-context.ts
function engineStatus(story, state) {
  if (state) return state.status;
  return story.status.normalized === "Done" ? "Done" : "Not Started";
}
function statusMap(stories, states) {
  const m = /* @__PURE__ */ new Map();
  for (const s of stories) m.set(idKey(s.id), engineStatus(s, states.get(idKey(s.id))));
  return m;
}
async function loadRunContext(root, cache = {}) {
  const project = await loadProject(root, cache);
  const configErrors = project.errors.filter((d) => d.code === "invalid-config");
  if (configErrors.length) return err(configErrors);
  const states = await readAllStoryStates(root);
  if (!states.ok) return states;
  const orch = await readOrchestrationState(root);
  if (!orch.ok) return orch;
  const analysis = analyzeProject(project.stories, project.config, statusMap(project.stories, states.value));
  return ok({ root, project, analysis, states: states.value, orch: orch.value });
}
async function refreshStates(ctx) {
  const states = await readAllStoryStates(ctx.root);
  if (!states.ok) return states;
  const orch = await readOrchestrationState(ctx.root);
  if (!orch.ok) return orch;
  const analysis = analyzeProject(ctx.project.stories, ctx.project.config, statusMap(ctx.project.stories, states.value));
  return ok({ ...ctx, analysis, states: states.value, orch: orch.value });
}
async function withStory(root, id, lock, fn) {
  const loaded = await loadRunContext(root);
  if (!loaded.ok) return loaded;
  const found = findStory(loaded.value, id);
  if (!found.ok) return found;
  return lock(root, async () => {
    const fresh = await refreshStates(loaded.value);
    if (!fresh.ok) return fresh;
    return fn(fresh.value, found.value);
  });
}
function findStory(ctx, id) {
  if (!isStoryId(id)) return notAStoryId(id);
  const s = ctx.analysis.index.byKey.get(idKey(id));
  if (s) return ok(s);
  const near = suggestIds(id, ctx.analysis.index.sorted.map((x) => x.id));
  return err([diag("unknown-story", `no story ${id}${near.length ? `; did you mean ${near.join(", ")}?` : ""}`)]);
}
function statusOf(ctx, key) {
  return ctx.analysis.status.get(key) ?? "Not Started";
}
function dependenciesOf(ctx, key) {
  return ctx.analysis.edgesOf(key).map((e) => ctx.analysis.index.byKey.get(e.to)?.id ?? e.to);
}
function agentOf(ctx, key) {
  return ctx.states.get(key)?.agent ?? ctx.analysis.agents.get(key)?.agent ?? "general-developer";
}
function schedulable(ctx) {
  const out = [];
  const { rootOf } = ctx.analysis.byPosition.setAside;
  const conflicts = ctx.analysis.byPosition.conflicts;
  const { keys } = ctx.analysis.index;
  keys.forEach((key, i) => {
    if (rootOf[i] !== -1) return;
    const s = {
      id: key,
      dependencies: ctx.analysis.edgesOf(key).map((e) => e.to),
      status: statusOf(ctx, key),
      agent: agentOf(ctx, key),
      priority: ctx.analysis.priority.get(key) ?? 0
    };
    const story = ctx.analysis.index.byKey.get(key);
    const userPriority = story?.overrides.priority;
    if (userPriority !== void 0) s.userPriority = userPriority;
    const others = conflicts.with[i];
    if (others !== void 0) s.conflicts = others.map((j) => keys[j]);
    if (conflicts.alone[i] === 1) s.alone = true;
    if (conflicts.anyAlone) s.group = conflicts.group(i);
    if (story?.placeholder) s.placeholder = true;
    out.push(s);
  });
  return out;
}
function runScope(ctx, args) {
  const terms = args && args.length ? args : ctx.orch?.scope && ctx.orch.scope.length ? ctx.orch.scope : null;
  if (terms === null) return ok(null);
  return resolveScope(terms, ctx.analysis.index.sorted);
}
var displayId = (ctx, key) => ctx.analysis.index.byKey.get(key)?.id ?? key;
var sortIds = (ids) => [...ids].sort(compareIds);

export {
  engineStatus,
  statusMap,
  loadRunContext,
  refreshStates,
  withStory,
  findStory,
  statusOf,
  dependenciesOf,
  agentOf,
  schedulable,
  runScope,
  displayId,
  sortIds
};
