// Reads what a run left (story states, journal, the runner's ledger, the hooks' launches) and the
// plan's facts, and builds the RunReport (core/report/run-report.ts). Only reads: `summary`
// writes the HTML, and a dashboard may call this as often as it likes (no lock is taken).
import { ok, type Diag, type Result } from "../core/diagnostics.js";
import { idKey } from "../core/ids.js";
import { buildRunReport, type ReportStoryInput, type RunReport } from "../core/report/run-report.js";
import { systemClock, type Clock } from "../adapters/clock.js";
import { readJournal } from "../adapters/state-store/store.js";
import { readLedger } from "../adapters/workers/ledger-file.js";
import type { StoryCacheOptions } from "../adapters/fs/story-cache.js";
import { readLaunchTimes } from "../adapters/hooks/journal.js";
import { isActive } from "../core/scheduler/next.js";
import { runShape } from "./orchestration.js";
import { agentOf, displayId, loadRunContext, statusOf, type RunContext } from "./run-context.js";

/** The run's stories (its scope, and any active story outside it) with the plan's facts. */
function reportStories(ctx: RunContext): ReportStoryInput[] {
  const { index, setAside, byPosition } = ctx.analysis;
  const inShape = new Set(runShape(ctx).stories.map(idKey));
  const keys = index.keys.filter((k) => inShape.has(k) || isActive(statusOf(ctx, k)));
  return keys.map((key) => {
    const story = index.byKey.get(key)!;
    const i = index.position.get(key);
    const conflicts = i !== undefined ? byPosition.conflicts.with[i] : undefined;
    const s: ReportStoryInput = {
      id: story.id,
      title: story.title,
      status: statusOf(ctx, key),
      agent: agentOf(ctx, key),
      dependencies: ctx.analysis.edgesOf(key).map((e) => displayId(ctx, e.to)),
      setAsideReason: setAside.get(key)?.reason ?? null,
      reason: story.placeholder ? `no story file yet (listed in ${story.path}:${story.placeholder.line})` : null,
    };
    if (conflicts?.length) s.conflictsWith = conflicts.map((j) => index.sorted[j]!.id);
    if (i !== undefined && byPosition.conflicts.alone[i] === 1) s.alone = true;
    if (i !== undefined && byPosition.conflicts.anyAlone) s.group = byPosition.conflicts.group(i);
    return s;
  });
}

export async function loadRunReport(root: string, clock: Clock = systemClock, cache: StoryCacheOptions = {}): Promise<Result<RunReport, Diag[]>> {
  const loaded = await loadRunContext(root, cache);
  if (!loaded.ok) return loaded;
  const ctx = loaded.value;
  const config = ctx.project.config;
  return ok(
    buildRunReport({
      now: clock.now().getTime(),
      maxParallel: config.maxParallel,
      strict: config.strict,
      integrationBranch: ctx.orch?.integrationBranch ?? config.baseBranch ?? null,
      stories: reportStories(ctx),
      states: [...ctx.states.values()],
      journal: await readJournal(root),
      ledger: await readLedger(root),
      launches: readLaunchTimes(root),
    }),
  );
}
