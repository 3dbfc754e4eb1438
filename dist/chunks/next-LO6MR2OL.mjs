import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  runStepsOf
} from "./chunk-ZMPTP5ZZ.mjs";
import {
  nextText,
  outcome,
  warningsText
} from "./chunk-3NJVAXK7.mjs";
import {
  rejectUnknownOptions
} from "./chunk-D6AISK4I.mjs";
import "./chunk-JL6RXUUA.mjs";
import {
  updateOrchestration
} from "./chunk-MRDCHBHZ.mjs";
import {
  systemClock
} from "./chunk-OXJ2D6ZF.mjs";
import {
  emptyOrchestrationState
} from "./chunk-P2Z5BSC3.mjs";
import "./chunk-5CHFCZU5.mjs";
import {
  isActive,
  nextReady
} from "./chunk-DQCQ7RFC.mjs";
import {
  displayId,
  loadRunContext,
  refreshStates,
  runScope,
  schedulable,
  statusOf
} from "./chunk-TZOF6B2Q.mjs";
import "./chunk-ZHGI5QCD.mjs";
import {
  appendJournal,
  withStateLock
} from "./chunk-GEUTSHS5.mjs";
import "./chunk-DPZVDTVS.mjs";
import "./chunk-UXYV742O.mjs";
import "./chunk-F5LBCNN2.mjs";
import "./chunk-AF4QZWRE.mjs";
import "./chunk-2JM6FW5P.mjs";
import {
  resolveScope
} from "./chunk-6DUZBP5W.mjs";
import "./chunk-NWDREVJP.mjs";
import "./chunk-WXMZ5N7V.mjs";
import "./chunk-2CJEE7VO.mjs";
import "./chunk-R2CKZ2VR.mjs";
import "./chunk-7D6WNWG2.mjs";
import "./chunk-JQES6W6I.mjs";
import "./chunk-IWUPKGEU.mjs";
import "./chunk-CA2ZPRLX.mjs";
import "./chunk-KS6NXHCE.mjs";
import "./chunk-2FVXI5GI.mjs";
import "./chunk-PYURHKKM.mjs";
import "./chunk-WOOHVJRX.mjs";
import "./chunk-UOPRRJVN.mjs";
import {
  diag,
  ok
} from "./chunk-43TV4QD6.mjs";
import "./chunk-EGEKWWZA.mjs";

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

// lib/cli/verbs/next.ts
var nextVerb = async (ctx) => {
  const bad = rejectUnknownOptions("next", ctx.args, [], "next [SCOPE...] [--json]");
  if (bad) return bad;
  const r = await nextStories(ctx.root, ctx.args.positionals.length ? ctx.args.positionals : void 0);
  return outcome(ctx, r, (d) => renderNext(d, ctx.tty), nextJson);
};
function nextJson(d) {
  const { byStep } = d;
  return {
    ...d.warnings ? { warnings: d.warnings } : {},
    ready: d.ready,
    running: d.running,
    waiting: d.waiting,
    blocked: d.blocked,
    ...d.heldBack.length ? { heldBack: d.heldBack } : {},
    ...d.setAside.length ? { setAside: d.setAside } : {},
    ...byStep.review.length ? { waitingForReview: byStep.review } : {},
    ...byStep.fix.length ? { changesRequested: byStep.fix } : {},
    ...byStep.merge.length ? { readyToMerge: byStep.merge } : {},
    ...d.finished ? { finished: true } : {}
  };
}
function renderNext(d, tty) {
  const lines = [d.ready.length ? `Ready: ${d.ready.map((x) => `${x.id} (${x.agent})`).join(", ")}` : "Ready: none"];
  const list = (label, ids) => ids.length && lines.push(`${label}: ${ids.join(", ")}`);
  list("Running", d.byStep.developing);
  list("Waiting for review", d.byStep.review);
  list("Changes requested (fix round to start)", d.byStep.fix);
  list("Ready to merge", d.byStep.merge);
  list("Waiting", d.waiting);
  list("Blocked", d.blocked);
  list("Held back (conflicts with a running story)", d.heldBack.map((h) => `${h.id} (conflicts with ${h.conflictsWith})`));
  if (d.setAside.length) {
    lines.push(`Set aside (${d.setAside.length}, not run until their files are fixed):`);
    for (const a of d.setAside) lines.push(`  ${a.id}  ${a.file}${a.line !== void 0 ? `:${a.line}` : ""}  ${a.reason}`);
  }
  if (d.finished) lines.push("The run is finished: nothing is ready, running or waiting.");
  const warnings = warningsText(d.warnings ?? [], tty);
  return lines.join("\n") + "\n" + (warnings ? `
${warnings}` : "") + nextText(d.steps);
}
export {
  nextVerb
};
