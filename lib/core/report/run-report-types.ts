// The run report's model (`RunReport`): what `summary` renders into report.html and what a live
// dashboard can serve as it is. Plain data (numbers are epoch milliseconds), so it serialises to
// JSON unchanged. Built by run-report.ts from the state files, the journal and the runner's ledger.
import type { Severity } from "../config/vocabulary.js";
import type { StoryStatus } from "../model.js";

/** The phases of a story's life that the timeline draws, in the order they normally come. */
export const PHASE_KINDS = ["ready", "implementing", "waiting-for-review", "review", "fix-round", "waiting-to-merge", "merge"] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];

/** Phases in which someone (a developer, a reviewer, the merge's verify) works on the story. */
export const WORK_PHASES: ReadonlySet<PhaseKind> = new Set<PhaseKind>(["implementing", "review", "fix-round", "merge"]);

export interface Phase {
  kind: PhaseKind;
  start: number;
  end: number;
  /** Still going when the report was made (its end is the report's time). */
  open?: boolean;
  /** Fix rounds: which one (1 = the first change request). */
  round?: number;
}

/** How the story ended up, for colours: one word per status family. */
export type Outcome = "merged" | "failed" | "blocked" | "set-aside" | "running" | "not-started" | "done-before" | "skipped";

export interface StoryReport {
  id: string;
  title: string;
  status: StoryStatus;
  outcome: Outcome;
  agent: string;
  /** Effective dependencies (display ids), done or not, in the run or not. */
  dependencies: string[];
  phases: Phase[];
  attempts: number;
  fixRounds: number;
  findings: Record<Severity, number>;
  tokens: number | null;
  costUsd: number | null;
  /** Reported by the developer (submit --duration-ms), else null. */
  durationMs: number | null;
  /** Time in work phases (implementing, review, fix rounds, merge). */
  workMs: number;
  mergedSha: string | null;
  /** Why it failed, is blocked, was sent back, or is set aside. */
  reason: string | null;
  onCriticalPath: boolean;
  /** When all its dependencies in the run were done (it could start), if ever. */
  readyAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
}

export interface Wait {
  storyId: string;
  /** review: submitted, no reviewer at work yet; merge: approved, not merging yet; dependency: could not start before its dependencies were done; start: ready, not started. */
  kind: "review" | "merge" | "dependency" | "start";
  start: number;
  end: number;
  ms: number;
}

export type SerialReasonCode = "max-parallel-1" | "budget" | "conflicts" | "strict-review";

export interface SerialFlag {
  /** Concurrency never rose above 1 while another story was ready to run beside the active one. */
  ranSerially: boolean;
  /** Time during which one story (or none) was active while another was ready. */
  serialMs: number;
  reasonCode: SerialReasonCode | null;
  /** The engine's explanation, or null when it does not know why the ready stories waited. */
  reason: string | null;
}

export interface Analytics {
  /** From the first story's start to the last story's end (or the report's time). */
  makespanMs: number;
  /** Sum over stories of the time in work phases. */
  busyMs: number;
  maxParallel: number;
  /** busyMs / (makespanMs × maxParallel); null before anything ran. */
  efficiency: number | null;
  /** Stories started and not finished, as a step function: n from t until the next point. */
  concurrency: { t: number; n: number }[];
  peakConcurrency: number;
  /** Time-weighted mean of `concurrency` over the makespan. */
  meanConcurrency: number;
  /** Longest dependency chain of work time through the run's stories. */
  criticalPathMs: number;
  totalWorkMs: number;
  /** max(criticalPathMs, totalWorkMs / maxParallel): no schedule under the cap can be shorter. */
  lowerBoundMs: number;
  /** Longest first, at most two of each kind. */
  longestWaits: Wait[];
  serial: SerialFlag;
}

export interface RunReport {
  generatedAt: number;
  /** First story start, or null when none started. */
  startedAt: number | null;
  endedAt: number | null;
  /** The runner's ledger has workers: a headless `run`. */
  headless: boolean;
  integrationBranch: string | null;
  maxParallel: number;
  strict: boolean;
  stories: StoryReport[];
  /** Story ids along the critical path (by work time), first first. */
  criticalPath: string[];
  totals: { tokens: number | null; costUsd: number | null; byOutcome: Partial<Record<Outcome, number>> };
  analytics: Analytics;
  /** What each figure means, as the report prints it. */
  definitions: Record<"efficiency" | "concurrency" | "makespan" | "lowerBound" | "waits" | "criticalPath" | "ranSerially", string>;
}
