import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  fmtMs,
  fmtPct,
  loadRunReport,
  renderReportHtml
} from "./chunk-SGVNV3ZE.mjs";
import {
  countBy,
  formatDuration,
  runProgress
} from "./chunk-XPICGLJM.mjs";
import {
  countSafetyDenials,
  renderSafetyDenials
} from "./chunk-CCTPUZS7.mjs";
import {
  systemClock
} from "./chunk-OXJ2D6ZF.mjs";
import {
  ensureStateDir,
  readJournal
} from "./chunk-A73OOLFP.mjs";
import {
  writeFileAtomic
} from "./chunk-T7SK64FE.mjs";
import {
  ok
} from "./chunk-EFR3LY5V.mjs";

// lib/engine/summary.ts
import { join } from "node:path";

// lib/core/report/summary.ts
var NO_DENIALS = { total: 0, byRule: {}, byStory: {} };
function summarize(p, safetyDenials = NO_DENIALS) {
  const by = (pred) => p.stories.filter(pred);
  const statusOf = new Map(p.stories.map((s) => [s.id, s.status]));
  const failed = by((s) => s.status === "Failed");
  const blocked = by((s) => s.status === "Blocked");
  const unfinished = by((s) => !["Done", "Failed", "Blocked", "Skipped"].includes(s.status));
  const next = [];
  if (failed.length) {
    const retry = failed.map((s) => `\`story-orchestrator retry ${s.id}\``).join(", ");
    next.push(`Fix the failed stories (${failed.map((s) => s.id).join(", ")}): read the reasons above (their worktrees and branches are kept), then run them again: ${retry}.`);
  }
  if (blocked.length) next.push(`Blocked stories (${blocked.map((s) => s.id).join(", ")}) run once their failed dependencies are resolved.`);
  if (unfinished.some((s) => s.status !== "Not Started")) next.push("Stories are still in progress or in review: continue with `story-orchestrator next` / `status`.");
  else if (unfinished.length) next.push("Stories remain: run `story-orchestrator next` to start them (or `/implement-stories` again).");
  if (!next.length) next.push(`All stories are done and merged${p.integrationBranch ? ` into ${p.integrationBranch}` : ""}. Review and push when ready; \`story-orchestrator cleanup\` removes leftover clean worktrees.`);
  return {
    totals: countBy(p),
    completed: by((s) => s.status === "Done").map((s) => ({ id: s.id, title: s.title, mergedSha: s.mergedSha })),
    failed: failed.map((s) => ({ id: s.id, title: s.title, reason: s.reason ?? "no reason recorded" })),
    blocked: blocked.map((s) => ({ id: s.id, title: s.title, waitsFor: s.dependencies.filter((d) => statusOf.get(d) === "Failed" || statusOf.get(d) === "Blocked") })),
    skipped: by((s) => s.status === "Skipped").map((s) => ({ id: s.id, title: s.title })),
    unfinished: unfinished.map((s) => ({ id: s.id, title: s.title, status: s.status })),
    nextSteps: next,
    elapsedMs: p.elapsedMs,
    tokens: p.tokens,
    costUsd: p.costUsd,
    safetyDenials
  };
}
function renderSummary(d) {
  const t = d.totals;
  const out = ["# Story Implementation Summary", ""];
  out.push(`- Total stories: ${t.total}`, `- Completed: ${t.done}`, `- Failed: ${t.failed}`, `- Blocked: ${t.blocked}`, `- Skipped: ${t.skipped}`, `- Not finished: ${d.unfinished.length}`);
  if (d.elapsedMs !== null) out.push(`- Elapsed: ${formatDuration(d.elapsedMs)}`);
  if (d.tokens !== null) out.push(`- Tokens: ${d.tokens.toLocaleString("en-US")}`);
  if (d.costUsd !== null) out.push(`- Cost: $${d.costUsd.toFixed(2)}`);
  out.push(`- Safety denials: ${d.safetyDenials.total}`);
  const section = (title, items) => {
    if (items.length) out.push("", `## ${title}`, "", ...items);
  };
  section("Completed", d.completed.map((s) => `- \u2705 ${s.id} ${s.title}${s.mergedSha ? ` (merged ${s.mergedSha.slice(0, 10)})` : ""}`));
  section("Failed", d.failed.map((s) => `- \u274C ${s.id} ${s.title}: ${s.reason}`));
  section("Blocked", d.blocked.map((s) => `- \u23F8\uFE0F ${s.id} ${s.title}${s.waitsFor.length ? ` (waits for ${s.waitsFor.join(", ")})` : ""}`));
  section("Skipped", d.skipped.map((s) => `- ${s.id} ${s.title}`));
  section("Parallelism (details in report.html)", d.analytics ?? []);
  section("Safety denials", renderSafetyDenials(d.safetyDenials));
  section("Not finished", d.unfinished.map((s) => `- \u23F3 ${s.id} ${s.title} (${s.status})`));
  section("Next steps", d.nextSteps.map((s) => `- ${s}`));
  return out.join("\n") + "\n";
}

// lib/core/report/analytics-text.ts
function renderAnalyticsText(r) {
  const a = r.analytics;
  if (r.startedAt === null) return [];
  const out = [
    `- Parallelisation efficiency: ${a.efficiency === null ? "n/a" : fmtPct(a.efficiency)} (busy ${fmtMs(a.busyMs)} / (makespan ${fmtMs(a.makespanMs)} \xD7 maxParallel ${a.maxParallel}))`,
    `- Concurrency: peak ${a.peakConcurrency}, mean ${a.meanConcurrency.toFixed(2)}`,
    `- Makespan ${fmtMs(a.makespanMs)} against the lower bound ${fmtMs(a.lowerBoundMs)} (critical path ${fmtMs(a.criticalPathMs)}, work ${fmtMs(a.totalWorkMs)} / ${a.maxParallel})`
  ];
  if (r.criticalPath.length) out.push(`- Critical path: ${r.criticalPath.join(" \u2192 ")}`);
  if (a.longestWaits.length) out.push(`- Longest waits: ${a.longestWaits.slice(0, 3).map((w) => `${w.storyId} ${fmtMs(w.ms)} for ${w.kind === "start" ? "a start while ready" : w.kind}`).join("; ")}`);
  if (a.serial.ranSerially) out.push(`- \u26A0\uFE0F Ran serially: one story at a time while others were ready (${fmtMs(a.serial.serialMs)}); ${a.serial.reason ?? "the engine does not know why"}`);
  return out;
}

// lib/engine/summary.ts
var REPORT_FILE = ".agent-orchestration/report.md";
var HTML_REPORT_FILE = ".agent-orchestration/report.html";
async function writeSummary(root, clock = systemClock) {
  const p = await runProgress(root, clock);
  if (!p.ok) return p;
  const report = await loadRunReport(root, clock);
  if (!report.ok) return report;
  const summary = { ...summarize(p.value, countSafetyDenials(await readJournal(root))), analytics: renderAnalyticsText(report.value) };
  const markdown = renderSummary(summary);
  await ensureStateDir(root);
  await writeFileAtomic(join(root, REPORT_FILE), markdown);
  await writeFileAtomic(join(root, HTML_REPORT_FILE), renderReportHtml(report.value));
  return ok({ summary, markdown, reportPath: REPORT_FILE, htmlPath: HTML_REPORT_FILE, report: report.value });
}

export {
  writeSummary
};
