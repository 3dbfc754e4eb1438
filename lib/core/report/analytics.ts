// The run's analytics from its stories' phases: concurrency over time, parallelisation
// efficiency, makespan against its lower bound, the critical path, the longest waits, and the
// "ran serially" flag with the reason the engine knows. Each figure's definition is in
// DEFINITIONS and printed beside it. Pure: stories in, figures out.
import type { Analytics, Phase, SerialFlag, SerialReasonCode, Wait } from "./run-report-types.js";
import { WORK_PHASES } from "./run-report-types.js";

export const DEFINITIONS = {
  efficiency: "Parallelisation efficiency = busy worker time / (makespan × maxParallel). Busy time is the time stories spent in work phases (implementing, review, fix rounds, merge with verify); 100% means every slot did work for the whole run.",
  concurrency: "Achieved concurrency = the number of stories started and not yet finished (merged or failed) at each moment: the slots of maxParallel in use.",
  makespan: "Makespan = from the first story's start to the last story's end.",
  lowerBound: "Lower bound = max(critical path, total work / maxParallel): no schedule under the cap could finish sooner, given the work each story took.",
  waits: "The longest waits, two of each kind at most: for review (submitted, no reviewer at work yet), for merge (approved, not yet merging), for a dependency (from the run's start until its dependencies were done), to start (ready but not started).",
  criticalPath: "Critical path = the chain of dependent stories with the most work time; it alone takes that long, however many run at once.",
  ranSerially: "Ran serially = concurrency never rose above 1 while another story was ready (its dependencies done, not started) to run beside the active one.",
} as const;

export interface AnalyticsStory {
  id: string;
  dependencies: readonly string[];
  phases: readonly Phase[];
  readyAt: number | null;
  conflictsWith?: readonly string[];
  /** ccpm `parallel: false`: alone within `group` (its epic). */
  alone?: boolean;
  group?: string;
}

export interface AnalyticsInput {
  stories: readonly AnalyticsStory[];
  maxParallel: number;
  strict: boolean;
  /** When the runner stopped new work for the budget, if it did. */
  budgetStopAt: number | null;
  now: number;
}

type Span = [number, number];

/** The union of the story's phases other than `ready`: when it held a slot. */
export function activeSpans(phases: readonly Phase[]): Span[] {
  const spans = phases.filter((p) => p.kind !== "ready").map((p): Span => [p.start, p.end]).sort((a, b) => a[0] - b[0]);
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}

export const workMs = (phases: readonly Phase[]): number => phases.filter((p) => WORK_PHASES.has(p.kind)).reduce((a, p) => a + (p.end - p.start), 0);

/** How many spans cover each moment, as a step function starting at `from`. */
export function stepSeries(spans: readonly Span[], from: number): { t: number; n: number }[] {
  const deltas = new Map<number, number>();
  for (const [s, e] of spans) {
    if (e <= s) continue;
    deltas.set(s, (deltas.get(s) ?? 0) + 1);
    deltas.set(e, (deltas.get(e) ?? 0) - 1);
  }
  const out: { t: number; n: number }[] = [{ t: from, n: 0 }];
  let n = 0;
  for (const t of [...deltas.keys()].sort((a, b) => a - b)) {
    n += deltas.get(t)!;
    const last = out[out.length - 1]!;
    if (t <= last.t) last.n = n;
    else if (n !== last.n) out.push({ t, n });
  }
  return out;
}

/** The chain of dependencies with the most work (stories outside `weights` weigh nothing). */
export function criticalChain(stories: readonly AnalyticsStory[], weights: ReadonlyMap<string, number>): { path: string[]; ms: number } {
  const byId = new Map(stories.map((s) => [s.id, s]));
  const memo = new Map<string, { ms: number; prev: string | null }>();
  const visiting = new Set<string>();
  const best = (id: string): { ms: number; prev: string | null } => {
    const hit = memo.get(id);
    if (hit) return hit;
    visiting.add(id); // a cycle (never in a run: such stories are set aside) ends the chain
    let prev: string | null = null;
    let ms = 0;
    for (const d of byId.get(id)?.dependencies ?? []) {
      if (!byId.has(d) || visiting.has(d)) continue;
      const b = best(d).ms;
      if (b > ms || (b === ms && prev === null && b > 0)) {
        ms = b;
        prev = d;
      }
    }
    visiting.delete(id);
    const r = { ms: ms + (weights.get(id) ?? 0), prev };
    memo.set(id, r);
    return r;
  };
  let end: string | null = null;
  let top = 0;
  for (const s of stories) {
    const b = best(s.id).ms;
    if (b > top) {
      top = b;
      end = s.id;
    }
  }
  const path: string[] = [];
  for (let at = end; at !== null; at = memo.get(at)?.prev ?? null) if ((weights.get(at) ?? 0) > 0) path.unshift(at);
  return { path, ms: top };
}

function waitsOf(stories: readonly AnalyticsStory[], runStart: number): Wait[] {
  const out: Wait[] = [];
  const add = (storyId: string, kind: Wait["kind"], start: number, end: number) => {
    if (end > start) out.push({ storyId, kind, start, end, ms: end - start });
  };
  for (const s of stories) {
    for (const p of s.phases) {
      if (p.kind === "waiting-for-review") add(s.id, "review", p.start, p.end);
      else if (p.kind === "waiting-to-merge") add(s.id, "merge", p.start, p.end);
      else if (p.kind === "ready") add(s.id, "start", p.start, p.end);
    }
    if (s.readyAt !== null && s.readyAt > runStart && s.dependencies.length) add(s.id, "dependency", runStart, s.readyAt);
  }
  return out.sort((a, b) => b.ms - a.ms || a.storyId.localeCompare(b.storyId));
}

/**
 * The longest waits, at most `perKind` of each kind, longest first: waits for dependencies are as
 * long as the graph makes them and would otherwise hide the waits for review and merge.
 */
function longestWaits(waits: readonly Wait[], perKind: number): Wait[] {
  const taken = new Map<Wait["kind"], number>();
  return waits.filter((w) => {
    const n = taken.get(w.kind) ?? 0;
    taken.set(w.kind, n + 1);
    return n < perKind;
  });
}

const REASONS: Record<SerialReasonCode, string> = {
  "max-parallel-1": "maxParallel is 1 (config), so one story runs at a time",
  budget: "the budget stopped new work (the runner's budget-stop)",
  conflicts: "the ready stories conflict with the active one (conflicts_with, or parallel: false within the epic)",
  "strict-review": "strict mode: no new story starts while a finished story's reviewers have not been launched",
};

/** Why the stories ready during [t, t2) did not start beside `active`, when the engine can tell. */
function reasonAt(input: AnalyticsInput, t: number, t2: number, active: readonly AnalyticsStory[], ready: readonly AnalyticsStory[]): SerialReasonCode | null {
  if (input.maxParallel <= 1) return "max-parallel-1";
  if (input.budgetStopAt !== null && input.budgetStopAt <= t) return "budget";
  const clash = (a: AnalyticsStory, b: AnalyticsStory) =>
    (a.conflictsWith ?? []).includes(b.id) || (b.conflictsWith ?? []).includes(a.id) || ((a.alone || b.alone) === true && a.group !== undefined && a.group === b.group);
  if (active.length && ready.every((r) => active.some((a) => clash(a, r)))) return "conflicts";
  // A story submitted and not yet reviewed holds new starts back in strict mode. When nothing
  // says when its reviewer began (no waiting phase of its own), its whole review might have.
  const overlaps = (p: Phase) => p.start < t2 && p.end > t;
  const waitingReview = input.stories.some((s) => {
    const known = s.phases.some((p) => p.kind === "waiting-for-review");
    return s.phases.some((p) => overlaps(p) && (p.kind === "waiting-for-review" || (!known && p.kind === "review")));
  });
  if (input.strict && waitingReview) return "strict-review";
  return null;
}

function serialFlag(input: AnalyticsInput, spans: Map<string, Span[]>, peak: number): SerialFlag {
  const byId = new Map(input.stories.map((s) => [s.id, s]));
  const readySpans = new Map<string, Span[]>();
  for (const s of input.stories) readySpans.set(s.id, s.phases.filter((p) => p.kind === "ready").map((p): Span => [p.start, p.end]));
  const points = new Set<number>();
  for (const m of [spans, readySpans]) for (const list of m.values()) for (const [a, b] of list) points.add(a).add(b);
  const ts = [...points].sort((a, b) => a - b);
  const within = (list: Span[] | undefined, t: number) => (list ?? []).some(([a, b]) => a <= t && t < b);
  let serialMs = 0;
  const byReason = new Map<SerialReasonCode | "unknown", number>();
  for (let i = 0; i + 1 < ts.length; i++) {
    const t = ts[i]!;
    const t2 = ts[i + 1]!;
    const active = [...spans.keys()].filter((id) => within(spans.get(id), t)).map((id) => byId.get(id)!);
    const ready = [...readySpans.keys()].filter((id) => within(readySpans.get(id), t)).map((id) => byId.get(id)!);
    if (active.length > 1 || active.length + ready.length < 2 || ready.length === 0) continue;
    serialMs += t2 - t;
    const code = reasonAt(input, t, t2, active, ready) ?? "unknown";
    byReason.set(code, (byReason.get(code) ?? 0) + (t2 - t));
  }
  const ranSerially = peak <= 1 && serialMs > 0;
  let code: SerialReasonCode | null = null;
  let most = -1;
  for (const [c, ms] of byReason) {
    if (ms > most) {
      most = ms;
      code = c === "unknown" ? null : c;
    }
  }
  return { ranSerially, serialMs, reasonCode: ranSerially ? code : null, reason: ranSerially && code ? REASONS[code] : null };
}

export function computeAnalytics(input: AnalyticsInput): Analytics & { criticalPath: string[]; startedAt: number | null; endedAt: number | null } {
  const spans = new Map<string, Span[]>();
  const weights = new Map<string, number>();
  for (const s of input.stories) {
    const a = activeSpans(s.phases);
    if (a.length) spans.set(s.id, a);
    weights.set(s.id, workMs(s.phases));
  }
  const all = [...spans.values()].flat();
  const startedAt = all.length ? Math.min(...all.map((s) => s[0])) : null;
  const endedAt = all.length ? Math.max(...all.map((s) => s[1])) : null;
  const makespanMs = startedAt !== null && endedAt !== null ? endedAt - startedAt : 0;
  const series = startedAt !== null ? stepSeries(all, startedAt) : [];
  let peak = 0;
  let area = 0;
  series.forEach((p, i) => {
    peak = Math.max(peak, p.n);
    const next = series[i + 1]?.t ?? endedAt ?? p.t;
    area += p.n * (next - p.t);
  });
  const busyMs = [...weights.values()].reduce((a, b) => a + b, 0);
  const cap = Math.max(1, input.maxParallel);
  const chain = criticalChain(input.stories, weights);
  return {
    makespanMs,
    busyMs,
    maxParallel: input.maxParallel,
    efficiency: makespanMs > 0 ? busyMs / (makespanMs * cap) : null,
    concurrency: series,
    peakConcurrency: peak,
    meanConcurrency: makespanMs > 0 ? area / makespanMs : 0,
    criticalPathMs: chain.ms,
    totalWorkMs: busyMs,
    lowerBoundMs: Math.max(chain.ms, busyMs / cap),
    longestWaits: startedAt !== null ? longestWaits(waitsOf(input.stories, startedAt), 2) : [],
    serial: serialFlag(input, spans, peak),
    criticalPath: chain.path,
    startedAt,
    endedAt,
  };
}
