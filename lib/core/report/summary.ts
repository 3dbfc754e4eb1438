// The completion summary (the seed's: total, completed, failed with reasons, blocked, skipped,
// next steps). The same markdown is printed by `summary` and written to
// `.agent-orchestration/report.md`.
import { countBy, formatDuration, type RunProgress, type StoryProgress } from "./progress.js";
import { renderSafetyDenials, type SafetyDenialCounts } from "./safety-denials.js";

export interface SummaryData {
  totals: ReturnType<typeof countBy>;
  completed: { id: string; title: string; mergedSha: string | null }[];
  failed: { id: string; title: string; reason: string }[];
  blocked: { id: string; title: string; waitsFor: string[] }[];
  skipped: { id: string; title: string }[];
  unfinished: { id: string; title: string; status: string }[];
  nextSteps: string[];
  elapsedMs: number | null;
  tokens: number | null;
  costUsd: number | null;
  /** Story agents' commands the safety rules refused (journal `safety-denied`). */
  safetyDenials: SafetyDenialCounts;
  /** The run's analytics as markdown lines (analytics-text.ts); none before anything started. */
  analytics?: string[];
}

const NO_DENIALS: SafetyDenialCounts = { total: 0, byRule: {}, byStory: {} };

export function summarize(p: RunProgress, safetyDenials: SafetyDenialCounts = NO_DENIALS): SummaryData {
  const by = (pred: (s: StoryProgress) => boolean) => p.stories.filter(pred);
  const statusOf = new Map(p.stories.map((s) => [s.id, s.status]));
  const failed = by((s) => s.status === "Failed");
  const blocked = by((s) => s.status === "Blocked");
  const unfinished = by((s) => !["Done", "Failed", "Blocked", "Skipped"].includes(s.status));
  const next: string[] = [];
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
    safetyDenials,
  };
}

export function renderSummary(d: SummaryData): string {
  const t = d.totals;
  const out = ["# Story Implementation Summary", ""];
  out.push(`- Total stories: ${t.total}`, `- Completed: ${t.done}`, `- Failed: ${t.failed}`, `- Blocked: ${t.blocked}`, `- Skipped: ${t.skipped}`, `- Not finished: ${d.unfinished.length}`);
  if (d.elapsedMs !== null) out.push(`- Elapsed: ${formatDuration(d.elapsedMs)}`);
  if (d.tokens !== null) out.push(`- Tokens: ${d.tokens.toLocaleString("en-US")}`);
  if (d.costUsd !== null) out.push(`- Cost: $${d.costUsd.toFixed(2)}`);
  out.push(`- Safety denials: ${d.safetyDenials.total}`);
  const section = (title: string, items: string[]) => {
    if (items.length) out.push("", `## ${title}`, "", ...items);
  };
  section("Completed", d.completed.map((s) => `- ✅ ${s.id} ${s.title}${s.mergedSha ? ` (merged ${s.mergedSha.slice(0, 10)})` : ""}`));
  section("Failed", d.failed.map((s) => `- ❌ ${s.id} ${s.title}: ${s.reason}`));
  section("Blocked", d.blocked.map((s) => `- ⏸️ ${s.id} ${s.title}${s.waitsFor.length ? ` (waits for ${s.waitsFor.join(", ")})` : ""}`));
  section("Skipped", d.skipped.map((s) => `- ${s.id} ${s.title}`));
  section("Parallelism (details in report.html)", d.analytics ?? []);
  section("Safety denials", renderSafetyDenials(d.safetyDenials));
  section("Not finished", d.unfinished.map((s) => `- ⏳ ${s.id} ${s.title} (${s.status})`));
  section("Next steps", d.nextSteps.map((s) => `- ${s}`));
  return out.join("\n") + "\n";
}
