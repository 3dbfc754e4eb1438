// The run's scope, recorded by `next SCOPE` so that `next` without arguments hands out only the
// stories of this run. A new scope that leaves out a story still active would strand it (status,
// summary and the Stop hook follow the scope), so that is refused with a warning and the recorded
// scope stays; a scope that keeps every active story (e.g. a wider one) is recorded at once.
import { diag, ok, type Diag, type Result } from "../core/diagnostics.js";
import { isActive } from "../core/scheduler/next.js";
import { systemClock, type Clock } from "../adapters/clock.js";
import { appendJournal, withStateLock } from "../adapters/state-store/store.js";
import { updateOrchestration } from "./orchestration.js";
import { loadRunContext, refreshStates, statusOf, type RunContext } from "./run-context.js";
import { resolveScope } from "../core/scope.js";
import { emptyOrchestrationState } from "../core/state/schemas.js";

export interface RunScopeResult {
  /** The scope now recorded (null = every story). */
  scope: string[] | null;
  warnings: Diag[];
}

/** `loadedCtx`: a context the caller already loaded (stories are not parsed twice). */
export async function recordRunScope(
  root: string,
  scope: string[],
  clock: Clock = systemClock,
  loadedCtx?: RunContext,
): Promise<Result<RunScopeResult, Diag[]>> {
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
        warnings: [diag("invalid-scope", `the run's scope stays ${current ? current.join(" ") : "(all stories)"}: ${are} still active and outside ${wanted!.join(" ")}; finish or fail ${stranded.length === 1 ? "it" : "them"} first, or include ${stranded.length === 1 ? "it" : "them"} in the scope`)],
      });
    }
    const at = clock.now().toISOString();
    // One write: the run's story list and waves are computed with the new scope already in place.
    const scoped: RunContext = { ...ctx, orch: { ...(ctx.orch ?? emptyOrchestrationState(at)), scope: wanted } };
    const o = await updateOrchestration(root, at, scoped, (o) => void (o.scope = wanted));
    if (!o.ok) return o;
    await appendJournal(root, { at, event: "scope", data: { scope: wanted } });
    return ok({ scope: wanted, warnings: [] });
  });
}
