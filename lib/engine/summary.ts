// `summary`: the completion report, printed and written to .agent-orchestration/report.md, and
// the same run drawn in .agent-orchestration/report.html (timeline, graph, table, analytics).
import { join } from "node:path";
import { ok, type Diag, type Result } from "../core/diagnostics.js";
import { renderSummary, summarize, type SummaryData } from "../core/report/summary.js";
import type { RunReport } from "../core/report/run-report.js";
import { renderAnalyticsText } from "../core/report/analytics-text.js";
import { renderReportHtml } from "../core/report/html/render-report.js";
import { systemClock, type Clock } from "../adapters/clock.js";
import { writeFileAtomic } from "../adapters/state-store/atomic-write.js";
import { ensureStateDir, readJournal } from "../adapters/state-store/store.js";
import { countSafetyDenials } from "../core/report/safety-denials.js";
import { runProgress } from "./status.js";
import { loadRunReport } from "./run-report.js";

export const REPORT_FILE = ".agent-orchestration/report.md";
export const HTML_REPORT_FILE = ".agent-orchestration/report.html";

export async function writeSummary(
  root: string,
  clock: Clock = systemClock,
): Promise<Result<{ summary: SummaryData; markdown: string; reportPath: string; htmlPath: string; report: RunReport }, Diag[]>> {
  const p = await runProgress(root, clock);
  if (!p.ok) return p;
  const report = await loadRunReport(root, clock);
  if (!report.ok) return report;
  const summary = { ...summarize(p.value, countSafetyDenials(await readJournal(root))), analytics: renderAnalyticsText(report.value) };
  const markdown = renderSummary(summary);
  await ensureStateDir(root); // the reports stay out of `git status` like every state file
  await writeFileAtomic(join(root, REPORT_FILE), markdown);
  await writeFileAtomic(join(root, HTML_REPORT_FILE), renderReportHtml(report.value));
  return ok({ summary, markdown, reportPath: REPORT_FILE, htmlPath: HTML_REPORT_FILE, report: report.value });
}
