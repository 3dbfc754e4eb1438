// `summary`: the completion report, printed and written to .agent-orchestration/report.md.
import { join } from "node:path";
import { ok, type Diag, type Result } from "../core/diagnostics.js";
import { renderSummary, summarize, type SummaryData } from "../core/report/summary.js";
import { systemClock, type Clock } from "../adapters/clock.js";
import { writeFileAtomic } from "../adapters/state-store/atomic-write.js";
import { ensureStateDir, readJournal } from "../adapters/state-store/store.js";
import { countSafetyDenials } from "../core/report/safety-denials.js";
import { runProgress } from "./status.js";

export const REPORT_FILE = ".agent-orchestration/report.md";

export async function writeSummary(root: string, clock: Clock = systemClock): Promise<Result<{ summary: SummaryData; markdown: string; reportPath: string }, Diag[]>> {
  const p = await runProgress(root, clock);
  if (!p.ok) return p;
  const summary = summarize(p.value, countSafetyDenials(await readJournal(root)));
  const markdown = renderSummary(summary);
  await ensureStateDir(root); // the report stays out of `git status` like every state file
  await writeFileAtomic(join(root, REPORT_FILE), markdown);
  return ok({ summary, markdown, reportPath: REPORT_FILE });
}
