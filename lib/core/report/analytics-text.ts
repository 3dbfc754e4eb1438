// The run's analytics as lines of the markdown summary (report.md and `summary`'s output): the
// same figures report.html shows, for people who read text.
import type { RunReport } from "./run-report-types.js";
import { fmtMs, fmtPct } from "./html/format.js";

export function renderAnalyticsText(r: RunReport): string[] {
  const a = r.analytics;
  if (r.startedAt === null) return [];
  const out = [
    `- Parallelisation efficiency: ${a.efficiency === null ? "n/a" : fmtPct(a.efficiency)} (busy ${fmtMs(a.busyMs)} / (makespan ${fmtMs(a.makespanMs)} × maxParallel ${a.maxParallel}))`,
    `- Concurrency: peak ${a.peakConcurrency}, mean ${a.meanConcurrency.toFixed(2)}`,
    `- Makespan ${fmtMs(a.makespanMs)} against the lower bound ${fmtMs(a.lowerBoundMs)} (critical path ${fmtMs(a.criticalPathMs)}, work ${fmtMs(a.totalWorkMs)} / ${a.maxParallel})`,
  ];
  if (r.criticalPath.length) out.push(`- Critical path: ${r.criticalPath.join(" → ")}`);
  if (a.longestWaits.length) out.push(`- Longest waits: ${a.longestWaits.slice(0, 3).map((w) => `${w.storyId} ${fmtMs(w.ms)} for ${w.kind === "start" ? "a start while ready" : w.kind}`).join("; ")}`);
  if (a.serial.ranSerially) out.push(`- ⚠️ Ran serially: one story at a time while others were ready (${fmtMs(a.serial.serialMs)}); ${a.serial.reason ?? "the engine does not know why"}`);
  return out;
}
