// What the dashboard serves, read the way the verbs read (lib/engine): `/api/status` is
// `status --json`, `/api/report` the RunReport `summary` draws, the page that report drawn live.
// Reads only, and writes nothing either: the parse cache is used read-only (a dashboard asks
// again on every change, and must not write into `.agent-orchestration/`, nor wake its own
// watcher there), and no lock is taken (state files are replaced atomically by the engine).
import { relative } from "node:path";
import { ok, type Diag, type Result } from "../core/diagnostics.js";
import { idKey, isStoryId } from "../core/ids.js";
import type { StoryStatus } from "../core/model.js";
import type { HistoryEntry, Review, StoryState } from "../core/state/schemas.js";
import { progressJson } from "../core/report/progress.js";
import type { RunReport } from "../core/report/run-report-types.js";
import { renderReportHtml, type LiveOptions } from "../core/report/html/render-report.js";
import { renderProblemHtml } from "../core/report/html/render-problem.js";
import { createLogRenderer, type LogLine } from "../core/run/render-log.js";
import { systemClock, type Clock } from "../adapters/clock.js";
import type { StoryCacheOptions } from "../adapters/fs/story-cache.js";
import { listWorkerLogs, readTailLines } from "../adapters/state-store/worker-logs.js";
import { agentOf, displayId, loadRunContext, statusOf, type RunContext } from "./run-context.js";
import { runProgress, runStoryIds } from "./status.js";
import { loadRunReport } from "./run-report.js";
import { adviceIn } from "./story-advice.js";

const READ_ONLY: StoryCacheOptions = { cache: "read-only" };

/** The most of a worker's log read for a story's tail, and the most rendered lines kept of it. */
export const LOG_TAIL_BYTES = 256 * 1024;
export const LOG_TAIL_LINES = 200;

/** One story in `/api/stories`. */
export interface StoryRow {
  id: string;
  title: string;
  status: StoryStatus;
  agent: string;
  dependencies: string[];
  /** Project-relative, while it has one. */
  worktree: string | null;
  branch: string | null;
  /** The submitted head commit (what reviewers review). */
  headSha: string | null;
  attempts: number;
  fixRounds: number;
  tokens: number | null;
  costUsd: number | null;
  startTime: string | null;
  lastUpdate: string | null;
  mergedSha: string | null;
  reason: string | null;
}

export interface WorkerTail {
  role: string;
  n: number;
  /** Project-relative path of the whole log. */
  file: string;
  /** The last lines, readable (as `logs ID` prints them). */
  lines: LogLine[];
  /** Earlier lines were left out. */
  cut: boolean;
}

/** `/api/stories/:id`. */
export interface StoryDetail {
  story: StoryRow & { baseSha: string | null; reviews: Review[]; history: HistoryEntry[]; next: string };
  logs: WorkerTail[];
}

function rowOf(ctx: RunContext, key: string): StoryRow {
  const st: StoryState | undefined = ctx.states.get(key);
  const story = ctx.analysis.index.byKey.get(key);
  return {
    id: displayId(ctx, key),
    title: story?.title ?? "",
    status: statusOf(ctx, key),
    agent: agentOf(ctx, key),
    dependencies: ctx.analysis.edgesOf(key).map((e) => displayId(ctx, e.to)),
    worktree: st?.worktree ?? null,
    branch: st?.branch ?? null,
    headSha: st?.headSha ?? null,
    attempts: st?.attempts ?? 0,
    fixRounds: st?.fixRounds ?? 0,
    tokens: st?.tokens ?? null,
    costUsd: st?.costUsd ?? null,
    startTime: st?.startTime ?? null,
    lastUpdate: st?.lastUpdate ?? null,
    mergedSha: st?.mergedSha ?? null,
    reason: st?.reason ?? null,
  };
}

/** What `status --json` prints. */
export async function dashboardStatus(root: string, clock: Clock = systemClock): Promise<Result<unknown, Diag[]>> {
  const p = await runProgress(root, clock, READ_ONLY);
  return p.ok ? ok(progressJson(p.value)) : p;
}

/** The run's stories (as `status` lists them) with their state. */
export async function dashboardStories(root: string): Promise<Result<{ stories: StoryRow[] }, Diag[]>> {
  const loaded = await loadRunContext(root, READ_ONLY);
  if (!loaded.ok) return loaded;
  return ok({ stories: runStoryIds(loaded.value).map((id) => rowOf(loaded.value, idKey(id))) });
}

/** One story (any story of the project, or with a state file) with its history, reviews and log tails; null for an unknown id. */
export async function dashboardStory(root: string, id: string): Promise<Result<StoryDetail | null, Diag[]>> {
  if (!isStoryId(id)) return ok(null); // never reaches a path (routes.ts refuses it first)
  const loaded = await loadRunContext(root, READ_ONLY);
  if (!loaded.ok) return loaded;
  const ctx = loaded.value;
  const key = idKey(id);
  const st = ctx.states.get(key);
  if (!st && !ctx.analysis.index.byKey.has(key)) return ok(null);
  const row = rowOf(ctx, key);
  const logs: WorkerTail[] = [];
  for (const log of await listWorkerLogs(root, row.id)) {
    const tail = await readTailLines(log.path, LOG_TAIL_BYTES);
    const renderer = createLogRenderer();
    const lines = tail.lines.flatMap((raw, i) => renderer.line(raw, i + 1));
    logs.push({ role: log.role, n: log.n, file: relative(root, log.path).split("\\").join("/"), lines: lines.slice(-LOG_TAIL_LINES), cut: tail.cut || lines.length > LOG_TAIL_LINES });
  }
  const next = ctx.analysis.index.byKey.has(key) ? adviceIn(ctx, key) : "";
  return ok({ story: { ...row, baseSha: st?.baseSha ?? null, reviews: st?.reviews ?? [], history: st?.history ?? [], next }, logs });
}

/** The RunReport (`summary` draws it into report.html). */
export function dashboardReport(root: string, clock: Clock = systemClock): Promise<Result<RunReport, Diag[]>> {
  return loadRunReport(root, clock, READ_ONLY);
}

/**
 * The live page: the report, or (state or config unreadable) the problems, on a page that
 * still follows the run and shows the report once they are fixed.
 */
export async function dashboardPage(root: string, live: LiveOptions, clock: Clock = systemClock): Promise<{ ok: boolean; html: string }> {
  const report = await dashboardReport(root, clock);
  return report.ok ? { ok: true, html: renderReportHtml(report.value, { live }) } : { ok: false, html: renderProblemHtml(report.error, live) };
}
