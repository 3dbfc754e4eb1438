// RunReport from what a run leaves on disk, already read: the story states (status, history,
// reviews, usage), the journal (merge start times), the headless runner's ledger (worker
// intervals, budget stops) and the hooks' launch records (when reviewers began), with the plan's
// facts per story (dependencies, set-aside reasons, conflicts). Pure; the engine reads the files
// (engine/run-report.ts) and a dashboard can call this on every change.
import { SEVERITIES, type Severity } from "../config/vocabulary.js";
import { compareIds } from "../ids.js";
import type { StoryStatus } from "../model.js";
import type { LedgerLine } from "../run/ledger.js";
import type { JournalEvent, StoryState } from "../state/schemas.js";
import { computeAnalytics, DEFINITIONS, workMs } from "./analytics.js";
import type { Outcome, Phase, RunReport, StoryReport } from "./run-report-types.js";
import { storyPhases } from "./story-phases.js";

export * from "./run-report-types.js";

export interface ReportStoryInput {
  id: string;
  title: string;
  status: StoryStatus;
  agent: string;
  /** Effective dependencies, display ids. */
  dependencies: string[];
  /** Why the story cannot run (its own problem or a dependency's), when set aside. */
  setAsideReason?: string | null;
  /** Any other reason the engine has (no story file yet, ...). */
  reason?: string | null;
  conflictsWith?: string[];
  alone?: boolean;
  group?: string;
}

/** A hooks.jsonl launch record with its time (interactive runs: when a reviewer was launched). */
export interface LaunchTime {
  at: string;
  storyId: string;
  role: "developer" | "reviewer";
}

export interface RunReportInput {
  /** The report's "now" (ms): open phases end here. */
  now: number;
  maxParallel: number;
  strict: boolean;
  integrationBranch: string | null;
  /** The run's stories (its scope), in any order. */
  stories: readonly ReportStoryInput[];
  states: readonly StoryState[];
  journal: readonly JournalEvent[];
  ledger?: readonly LedgerLine[];
  launches?: readonly LaunchTime[];
}

const key = (id: string) => id.toLowerCase();

function outcomeOf(s: ReportStoryInput, st: StoryState | undefined): Outcome {
  if (s.setAsideReason) return "set-aside";
  switch (s.status) {
    case "Done":
      return st ? "merged" : "done-before";
    case "Failed":
      return "failed";
    case "Blocked":
      return "blocked";
    case "Skipped":
      return "skipped";
    case "Not Started":
      return "not-started";
    default:
      return "running";
  }
}

/** Times per story (ascending), from `events` that name a story. */
function timesBy<T>(events: readonly T[], pick: (e: T) => { storyId: string; t: number } | null): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const e of events) {
    const p = pick(e);
    if (!p || Number.isNaN(p.t)) continue;
    const list = out.get(key(p.storyId)) ?? [];
    list.push(p.t);
    out.set(key(p.storyId), list);
  }
  for (const l of out.values()) l.sort((a, b) => a - b);
  return out;
}

function findingsOf(st: StoryState | undefined): Record<Severity, number> {
  const f = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const r of st?.reviews ?? []) for (const x of r.findings) f[x.severity]++;
  return f;
}

export function buildRunReport(input: RunReportInput): RunReport {
  const { now } = input;
  const states = new Map(input.states.map((s) => [key(s.storyId), s]));
  const ledger = input.ledger ?? [];
  // When reviewers began: the runner's worker starts, and the hooks' launches (interactive runs).
  const reviewerStarts = [
    ...ledger.flatMap((l) => (l.event === "worker-start" && l.role !== "developer" ? [{ storyId: l.storyId, t: Date.parse(l.at) }] : [])),
    ...(input.launches ?? []).flatMap((l) => (l.role === "reviewer" ? [{ storyId: l.storyId, t: Date.parse(l.at) }] : [])),
  ];
  const reviewStarts = timesBy(reviewerStarts, (e) => e);
  const mergeStarts = timesBy(input.journal, (e) => (e.event === "merge" && e.storyId && typeof e.data?.["startedAt"] === "string" ? { storyId: e.storyId, t: Date.parse(e.data["startedAt"]) } : null));
  const budgetStop = ledger.find((l) => l.event === "budget-stop");

  const phasesOf = new Map<string, Phase[]>();
  for (const s of input.stories) {
    const st = states.get(key(s.id));
    phasesOf.set(s.id, st ? storyPhases(st.history, { reviewStarts: reviewStarts.get(key(s.id)) ?? [], mergeStarts: mergeStarts.get(key(s.id)) ?? [] }, now) : []);
  }
  const work = [...phasesOf.values()].flat();
  const runStart = work.length ? Math.min(...work.map((p) => p.start)) : null;
  const runEnd = work.length ? Math.max(...work.map((p) => p.end)) : null;

  // Ready: every dependency in the run done (ends of their last phase); ones outside it count as done.
  const inRun = new Map(input.stories.map((s) => [s.id, s]));
  const doneAt = (id: string): number | null => {
    const s = inRun.get(id);
    if (!s) return runStart;
    if (s.status !== "Done") return null;
    const ps = phasesOf.get(id) ?? [];
    return ps.length ? Math.max(...ps.map((p) => p.end)) : runStart;
  };
  const readyAtOf = new Map<string, number | null>();
  for (const s of input.stories) {
    if (runStart === null || s.setAsideReason || s.status === "Blocked" || s.status === "Skipped" || (s.status === "Done" && !states.has(key(s.id)))) {
      readyAtOf.set(s.id, null);
      continue;
    }
    const deps = s.dependencies.map(doneAt);
    readyAtOf.set(s.id, deps.some((d) => d === null) ? null : Math.max(runStart, ...(deps as number[])));
  }
  // The wait of a ready story before it started (or, never started, until the run's end).
  for (const s of input.stories) {
    const readyAt = readyAtOf.get(s.id);
    const ps = phasesOf.get(s.id)!;
    if (readyAt === null || readyAt === undefined || runEnd === null) continue;
    const until = ps.length ? Math.min(...ps.map((p) => p.start)) : s.status === "Not Started" ? runEnd : readyAt;
    if (until > readyAt) ps.unshift({ kind: "ready", start: readyAt, end: until });
  }

  const analytics = computeAnalytics({
    stories: input.stories.map((s) => ({
      id: s.id,
      dependencies: s.dependencies,
      phases: phasesOf.get(s.id)!,
      readyAt: readyAtOf.get(s.id) ?? null,
      ...(s.conflictsWith ? { conflictsWith: s.conflictsWith } : {}),
      ...(s.alone ? { alone: true } : {}),
      ...(s.group !== undefined ? { group: s.group } : {}),
    })),
    maxParallel: input.maxParallel,
    strict: input.strict,
    budgetStopAt: budgetStop ? Date.parse(budgetStop.at) : null,
    now,
  });
  const onPath = new Set(analytics.criticalPath);
  const stories: StoryReport[] = [...input.stories]
    .sort((a, b) => compareIds(a.id, b.id))
    .map((s) => {
      const st = states.get(key(s.id));
      const phases = phasesOf.get(s.id)!;
      const worked = phases.filter((p) => p.kind !== "ready");
      const outcome = outcomeOf(s, st);
      return {
        id: s.id,
        title: s.title,
        status: s.status,
        outcome,
        agent: st?.agent ?? s.agent,
        dependencies: s.dependencies,
        phases,
        attempts: st?.attempts ?? 0,
        fixRounds: st?.fixRounds ?? 0,
        findings: findingsOf(st),
        tokens: st?.tokens ?? null,
        costUsd: st?.costUsd ?? null,
        durationMs: st?.durationMs ?? null,
        workMs: workMs(phases),
        mergedSha: st?.mergedSha ?? null,
        reason: s.setAsideReason ?? st?.reason ?? s.reason ?? null,
        onCriticalPath: onPath.has(s.id),
        readyAt: readyAtOf.get(s.id) ?? null,
        startedAt: worked.length ? Math.min(...worked.map((p) => p.start)) : null,
        finishedAt: (outcome === "merged" || outcome === "failed") && worked.length ? Math.max(...worked.map((p) => p.end)) : null,
      };
    });
  const sum = (xs: (number | null)[]) => (xs.some((x) => x !== null) ? xs.reduce<number>((a, x) => a + (x ?? 0), 0) : null);
  const byOutcome: Partial<Record<Outcome, number>> = {};
  for (const s of stories) byOutcome[s.outcome] = (byOutcome[s.outcome] ?? 0) + 1;
  const { criticalPath, startedAt, endedAt, ...figures } = analytics;
  return {
    generatedAt: now,
    startedAt,
    endedAt,
    headless: ledger.some((l) => l.event === "worker-start"),
    integrationBranch: input.integrationBranch,
    maxParallel: input.maxParallel,
    strict: input.strict,
    stories,
    criticalPath,
    totals: { tokens: sum(stories.map((s) => s.tokens)), costUsd: sum(stories.map((s) => s.costUsd)), byOutcome },
    analytics: figures,
    definitions: { ...DEFINITIONS },
  };
}

/** The figures `summary --json` carries: compact (the orchestrating model pays for every token). */
export function reportJson(r: RunReport): unknown {
  const a = r.analytics;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    efficiency: a.efficiency === null ? null : round(a.efficiency),
    makespanMs: a.makespanMs,
    lowerBoundMs: Math.round(a.lowerBoundMs),
    peakConcurrency: a.peakConcurrency,
    meanConcurrency: round(a.meanConcurrency),
    ranSerially: a.serial.ranSerially,
    ...(a.serial.ranSerially ? { serialReason: a.serial.reason } : {}),
    criticalPath: r.criticalPath,
    longestWaits: a.longestWaits.slice(0, 3).map((w) => ({ id: w.storyId, kind: w.kind, ms: w.ms })),
  };
}
