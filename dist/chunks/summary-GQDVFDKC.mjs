import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  countBy,
  formatDuration,
  runProgress
} from "./chunk-IIYL6WMI.mjs";
import "./chunk-ZMPTP5ZZ.mjs";
import {
  outcome
} from "./chunk-3NJVAXK7.mjs";
import {
  rejectUnknownOptions
} from "./chunk-D6AISK4I.mjs";
import "./chunk-JL6RXUUA.mjs";
import "./chunk-MRDCHBHZ.mjs";
import {
  systemClock
} from "./chunk-OXJ2D6ZF.mjs";
import "./chunk-P2Z5BSC3.mjs";
import "./chunk-5CHFCZU5.mjs";
import "./chunk-DQCQ7RFC.mjs";
import "./chunk-TZOF6B2Q.mjs";
import "./chunk-ZHGI5QCD.mjs";
import {
  ensureStateDir
} from "./chunk-GEUTSHS5.mjs";
import "./chunk-DPZVDTVS.mjs";
import "./chunk-UXYV742O.mjs";
import "./chunk-F5LBCNN2.mjs";
import "./chunk-AF4QZWRE.mjs";
import "./chunk-2JM6FW5P.mjs";
import "./chunk-6DUZBP5W.mjs";
import "./chunk-NWDREVJP.mjs";
import "./chunk-WXMZ5N7V.mjs";
import "./chunk-2CJEE7VO.mjs";
import "./chunk-R2CKZ2VR.mjs";
import "./chunk-7D6WNWG2.mjs";
import {
  writeFileAtomic
} from "./chunk-JQES6W6I.mjs";
import "./chunk-IWUPKGEU.mjs";
import "./chunk-CA2ZPRLX.mjs";
import "./chunk-KS6NXHCE.mjs";
import "./chunk-2FVXI5GI.mjs";
import "./chunk-PYURHKKM.mjs";
import "./chunk-WOOHVJRX.mjs";
import "./chunk-UOPRRJVN.mjs";
import {
  ok
} from "./chunk-43TV4QD6.mjs";
import "./chunk-EGEKWWZA.mjs";

// lib/engine/summary.ts
import { join } from "node:path";

// lib/core/report/summary.ts
function summarize(p) {
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
    costUsd: p.costUsd
  };
}
function renderSummary(d) {
  const t = d.totals;
  const out = ["# Story Implementation Summary", ""];
  out.push(`- Total stories: ${t.total}`, `- Completed: ${t.done}`, `- Failed: ${t.failed}`, `- Blocked: ${t.blocked}`, `- Skipped: ${t.skipped}`, `- Not finished: ${d.unfinished.length}`);
  if (d.elapsedMs !== null) out.push(`- Elapsed: ${formatDuration(d.elapsedMs)}`);
  if (d.tokens !== null) out.push(`- Tokens: ${d.tokens.toLocaleString("en-US")}`);
  if (d.costUsd !== null) out.push(`- Cost: $${d.costUsd.toFixed(2)}`);
  const section = (title, items) => {
    if (items.length) out.push("", `## ${title}`, "", ...items);
  };
  section("Completed", d.completed.map((s) => `- \u2705 ${s.id} ${s.title}${s.mergedSha ? ` (merged ${s.mergedSha.slice(0, 10)})` : ""}`));
  section("Failed", d.failed.map((s) => `- \u274C ${s.id} ${s.title}: ${s.reason}`));
  section("Blocked", d.blocked.map((s) => `- \u23F8\uFE0F ${s.id} ${s.title}${s.waitsFor.length ? ` (waits for ${s.waitsFor.join(", ")})` : ""}`));
  section("Skipped", d.skipped.map((s) => `- ${s.id} ${s.title}`));
  section("Not finished", d.unfinished.map((s) => `- \u23F3 ${s.id} ${s.title} (${s.status})`));
  section("Next steps", d.nextSteps.map((s) => `- ${s}`));
  return out.join("\n") + "\n";
}

// lib/engine/summary.ts
var REPORT_FILE = ".agent-orchestration/report.md";
async function writeSummary(root, clock = systemClock) {
  const p = await runProgress(root, clock);
  if (!p.ok) return p;
  const summary = summarize(p.value);
  const markdown = renderSummary(summary);
  await ensureStateDir(root);
  await writeFileAtomic(join(root, REPORT_FILE), markdown);
  return ok({ summary, markdown, reportPath: REPORT_FILE });
}

// lib/cli/verbs/summary.ts
var summaryVerb = async (ctx) => {
  const bad = rejectUnknownOptions("summary", ctx.args, [], "summary [--json]");
  if (bad) return bad;
  return outcome(
    ctx,
    await writeSummary(ctx.root),
    // The report ends with its "Next steps" section: the output ends with the next step too.
    (s) => `(written to ${s.reportPath})

${s.markdown}`,
    (s) => ({
      totals: s.summary.totals,
      failed: s.summary.failed.map((f) => ({ id: f.id, reason: f.reason })),
      blocked: s.summary.blocked.map((b) => ({ id: b.id, waitsFor: b.waitsFor })),
      skipped: s.summary.skipped.map((x) => x.id),
      unfinished: s.summary.unfinished.map((u) => ({ id: u.id, status: u.status })),
      nextSteps: s.summary.nextSteps,
      report: s.reportPath
    })
  );
};
export {
  summaryVerb
};
