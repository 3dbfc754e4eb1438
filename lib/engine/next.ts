// `next`: what may start now (core/scheduler/next.ts decides; this wires the project and state).
import { ok, type Diag, type Result } from "../core/diagnostics.js";
import type { SetAsideStory } from "../core/model.js";
import { nextReady, type NextDecision } from "../core/scheduler/next.js";
import { displayId, loadRunContext, runScope, schedulable, statusOf, type RunContext } from "./run-context.js";
import { runStepsOf } from "./story-advice.js";
import { recordRunScope } from "./run-scope.js";

export interface NextResult extends NextDecision {
  /** Why the given scope was not recorded as the run's (stories of another scope still active). */
  warnings?: Diag[];
  /**
   * The started stories of `running`, by what they wait for: a developer (In Progress), a review
   * (Ready for Review), a fix round to start (Changes Requested), a merge (Approved).
   */
  byStep: { developing: string[]; review: string[]; fix: string[]; merge: string[] };
  /**
   * Stories of the scope that cannot run until a file is fixed (a problem of their own or of a
   * story they wait for: duplicate id, broken file, cycle), with the reason; never handed out.
   */
  setAside: SetAsideStory[];
  /** Nothing ready, nothing started, nothing waiting to start: time for `summary`. */
  finished: boolean;
  /** The next steps, for people (core/advice/run-steps.ts). */
  steps: string[];
}

/**
 * `scope`: scope expressions. Given, they become the run's recorded scope (so a later `next`
 * without arguments, a resumed session or the Stop hook keep to this run); none = the recorded
 * scope, or every story.
 */
export async function nextStories(root: string, scope?: readonly string[]): Promise<Result<NextResult, Diag[]>> {
  const loaded = await loadRunContext(root);
  if (!loaded.ok) return loaded;
  const ctx = loaded.value;
  let sc = runScope(ctx, scope);
  if (!sc.ok) return sc;
  let warnings: Diag[] = [];
  if (scope && scope.length) {
    const recorded = await recordRunScope(root, [...scope], undefined, ctx);
    if (!recorded.ok) return recorded;
    warnings = recorded.value.warnings;
    // Not recorded: hand out what the recorded scope allows, as `start` will only accept those.
    if (warnings.length) sc = runScope(ctx);
    if (!sc.ok) return sc;
  }
  const d = nextReady(schedulable(ctx), ctx.project.config.maxParallel, sc.value);
  const show = (k: string) => displayId(ctx, k);
  const having = (status: string) => d.running.filter((k) => statusOf(ctx, k) === status).map(show);
  const { steps, finished } = runStepsOf(ctx, sc.value);
  return ok({
    ...(warnings.length ? { warnings } : {}),
    ready: d.ready.map((r) => ({ id: show(r.id), agent: r.agent })),
    running: d.running.map(show),
    waiting: d.waiting.map(show),
    blocked: d.blocked.map(show),
    heldBack: d.heldBack.map((h) => ({ id: show(h.id), conflictsWith: show(h.conflictsWith) })),
    setAside: setAsideIn(ctx, sc.value),
    byStep: { developing: having("In Progress"), review: having("Ready for Review"), fix: having("Changes Requested"), merge: having("Approved") },
    finished,
    steps,
  });
}

/** The set-aside stories of the scope (null = all) that are not Done, in id order. */
function setAsideIn(ctx: RunContext, scope: ReadonlySet<string> | null): SetAsideStory[] {
  const { analysis } = ctx;
  if (analysis.byPosition.setAside.count === 0) return [];
  const out: SetAsideStory[] = [];
  for (const [key, entry] of analysis.setAside) {
    if ((scope === null || scope.has(key)) && statusOf(ctx, key) !== "Done") out.push(entry);
  }
  return out;
}
