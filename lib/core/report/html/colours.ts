// One palette for the timeline, the graph and the table (colour-blind-safe hues, Okabe-Ito).
import type { Outcome, PhaseKind } from "../run-report-types.js";

export const OUTCOME_COLOUR: Record<Outcome, string> = {
  merged: "#009e73",
  failed: "#d55e00",
  blocked: "#cc79a7",
  "set-aside": "#999999",
  running: "#0072b2",
  "not-started": "#bbbbbb",
  "done-before": "#7fcfb9",
  skipped: "#bbbbbb",
};

export const OUTCOME_LABEL: Record<Outcome, string> = {
  merged: "merged",
  failed: "failed",
  blocked: "blocked",
  "set-aside": "set aside",
  running: "in progress",
  "not-started": "not started",
  "done-before": "done before the run",
  skipped: "skipped",
};

export const PHASE_LABEL: Record<PhaseKind, string> = {
  ready: "ready, not started",
  implementing: "implementing",
  "waiting-for-review": "waiting for review",
  review: "review",
  "fix-round": "fix round",
  "waiting-to-merge": "waiting to merge",
  merge: "merge with verify",
};

/** Waits are drawn thin, work full height. */
export const PHASE_STYLE: Record<PhaseKind, { fill: string; thin: boolean }> = {
  ready: { fill: "#e8e8e8", thin: true },
  implementing: { fill: "#56b4e9", thin: false },
  "waiting-for-review": { fill: "#f0e442", thin: true },
  review: { fill: "#8e6cc9", thin: false },
  "fix-round": { fill: "#e69f00", thin: false },
  "waiting-to-merge": { fill: "#a6dcc9", thin: true },
  merge: { fill: "#1b5e4a", thin: false },
};
