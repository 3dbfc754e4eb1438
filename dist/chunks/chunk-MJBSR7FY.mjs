import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  runStepsOf
} from "./chunk-SF5OX4YS.mjs";
import {
  updateOrchestration
} from "./chunk-IPPJ62NW.mjs";
import {
  systemClock
} from "./chunk-OXJ2D6ZF.mjs";
import {
  emptyOrchestrationState
} from "./chunk-NDF5RAGK.mjs";
import {
  isActive,
  nextReady
} from "./chunk-3C4OI2RT.mjs";
import {
  displayId,
  loadRunContext,
  refreshStates,
  runScope,
  schedulable,
  statusOf
} from "./chunk-EG7KQHPQ.mjs";
import {
  appendJournal,
  withStateLock
} from "./chunk-A73OOLFP.mjs";
import {
  resolveScope
} from "./chunk-VVU4VAXQ.mjs";
import {
  diag,
  ok
} from "./chunk-EFR3LY5V.mjs";

// lib/engine/run-scope.ts
async function recordRunScope(root, scope, clock = systemClock, loadedCtx) {
  const loaded = loadedCtx ? ok(loadedCtx) : await loadRunContext(root);
  if (!loaded.ok) return loaded;
  const resolved = resolveScope(scope, loaded.value.analysis.index.sorted);
  if (!resolved.ok) return resolved;
  return withStateLock(root, async () => {
    const fresh = await refreshStates(loaded.value);
    if (!fresh.ok) return fresh;
    const ctx = fresh.value;
    const wanted = scope.length ? [...scope] : null;
    const current = ctx.orch?.scope ?? null;
    if (JSON.stringify(current) === JSON.stringify(wanted)) return ok({ scope: current, warnings: [] });
    const stranded = ctx.analysis.index.keys.filter((k) => isActive(statusOf(ctx, k)) && wanted !== null && !resolved.value.has(k));
    if (stranded.length && ctx.orch) {
      const ids = stranded.map((k) => ctx.analysis.index.byKey.get(k)?.id ?? k).join(", ");
      const are = stranded.length === 1 ? `story ${ids} is` : `stories ${ids} are`;
      return ok({
        scope: current,
        warnings: [diag("invalid-scope", `the run's scope stays ${current ? current.join(" ") : "(all stories)"}: ${are} still active and outside ${wanted.join(" ")}; finish or fail ${stranded.length === 1 ? "it" : "them"} first, or include ${stranded.length === 1 ? "it" : "them"} in the scope`)]
      });
    }
    const at = clock.now().toISOString();
    const scoped = { ...ctx, orch: { ...ctx.orch ?? emptyOrchestrationState(at), scope: wanted } };
    const o = await updateOrchestration(root, at, scoped, (o2) => void (o2.scope = wanted));
    if (!o.ok) return o;
    await appendJournal(root, { at, event: "scope", data: { scope: wanted } });
    return ok({ scope: wanted, warnings: [] });
  });
}

// lib/engine/next.ts
async function nextStories(root, scope) {
  const loaded = await loadRunContext(root);
  if (!loaded.ok) return loaded;
  const ctx = loaded.value;
  let sc = runScope(ctx, scope);
  if (!sc.ok) return sc;
  let warnings = [];
  if (scope && scope.length) {
    const recorded = await recordRunScope(root, [...scope], void 0, ctx);
    if (!recorded.ok) return recorded;
    warnings = recorded.value.warnings;
    if (warnings.length) sc = runScope(ctx);
    if (!sc.ok) return sc;
  }
  const d = nextReady(schedulable(ctx), ctx.project.config.maxParallel, sc.value);
  const show = (k) => displayId(ctx, k);
  const having = (status) => d.running.filter((k) => statusOf(ctx, k) === status).map(show);
  const { steps, finished } = runStepsOf(ctx, sc.value);
  return ok({
    ...warnings.length ? { warnings } : {},
    ready: d.ready.map((r) => ({ id: show(r.id), agent: r.agent })),
    running: d.running.map(show),
    waiting: d.waiting.map(show),
    blocked: d.blocked.map(show),
    heldBack: d.heldBack.map((h) => ({ id: show(h.id), conflictsWith: show(h.conflictsWith) })),
    setAside: setAsideIn(ctx, sc.value),
    byStep: { developing: having("In Progress"), review: having("Ready for Review"), fix: having("Changes Requested"), merge: having("Approved") },
    finished,
    steps
  });
}
function setAsideIn(ctx, scope) {
  const { analysis } = ctx;
  if (analysis.byPosition.setAside.count === 0) return [];
  const out = [];
  for (const [key, entry] of analysis.setAside) {
    if ((scope === null || scope.has(key)) && statusOf(ctx, key) !== "Done") out.push(entry);
  }
  return out;
}

export {
  nextStories
};
