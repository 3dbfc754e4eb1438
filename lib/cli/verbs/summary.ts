// `summary`: the completion summary, also written to .agent-orchestration/report.md, and report.html.
import type { Verb } from "../verb.js";
import { rejectUnknownOptions } from "../check-options.js";
import { writeSummary } from "../../engine/summary.js";
import { outcome } from "./run-outcome.js";
import { reportJson } from "../../core/report/run-report.js";

export const summaryVerb: Verb = async (ctx) => {
  const bad = rejectUnknownOptions("summary", ctx.args, [], "summary [--json]");
  if (bad) return bad;
  return outcome(
    ctx,
    await writeSummary(ctx.root),
    // The report ends with its "Next steps" section: the output ends with the next step too.
    (s) => `(written to ${s.reportPath}; the timeline, graph and analytics: ${s.htmlPath})\n\n${s.markdown}`,
    (s) => ({
      totals: s.summary.totals,
      failed: s.summary.failed.map((f) => ({ id: f.id, reason: f.reason })),
      blocked: s.summary.blocked.map((b) => ({ id: b.id, waitsFor: b.waitsFor })),
      skipped: s.summary.skipped.map((x) => x.id),
      unfinished: s.summary.unfinished.map((u) => ({ id: u.id, status: u.status })),
      safetyDenials: s.summary.safetyDenials,
      nextSteps: s.summary.nextSteps,
      analytics: reportJson(s.report),
      report: s.reportPath,
      html: s.htmlPath,
    }),
  );
};
