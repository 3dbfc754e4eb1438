// The data behind `status` and `summary`, and the live progress view (the seed's "Story
// Implementation Progress": waves, ✅ ⏳ ⏸️ ❌, elapsed time, tokens/cost when known). Pure:
// the engine passes statuses, times and the clock's "now" in.
import type { StoryStatus } from "../model.js";

export interface StoryProgress {
  id: string;
  title: string;
  status: StoryStatus;
  wave: number | null;
  agent: string;
  /** Since start (until Done/Failed: last update), when started. */
  elapsedMs: number | null;
  tokens: number | null;
  costUsd: number | null;
  /** Why it failed / is blocked / was sent back. */
  reason: string | null;
  mergedSha: string | null;
  dependencies: string[];
}

export interface RunProgress {
  stories: StoryProgress[];
  waves: string[][];
  integrationBranch: string | null;
  elapsedMs: number | null;
  tokens: number | null;
  costUsd: number | null;
  /** The run's next steps (core/advice/run-steps.ts), for the human view; not in the JSON. */
  next?: string[];
}

export function iconOf(status: StoryStatus): string {
  switch (status) {
    case "Done":
      return "✅";
    case "Failed":
      return "❌";
    case "In Progress":
    case "Ready for Review":
    case "Changes Requested":
    case "Approved":
      return "⏳";
    case "Not Started":
    case "Blocked":
    case "Skipped":
      return "⏸️";
  }
}

export function formatDuration(ms: number): string {
  const s = Math.floor(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h > 0) return `${h}h ${String(m).padStart(2, "0")}m`;
  if (m > 0) return `${m}m ${String(s % 60).padStart(2, "0")}s`;
  return `${s}s`;
}

const fmtTokens = (n: number): string => `${n.toLocaleString("en-US")} tokens`;
const fmtCost = (n: number): string => `$${n.toFixed(2)}`;

const COLOURS: Partial<Record<StoryStatus, string>> = { Done: "32", Failed: "31", Blocked: "2", "Not Started": "2", Skipped: "2" };

export function countBy(progress: RunProgress): Record<"total" | "done" | "active" | "pending" | "failed" | "blocked" | "skipped", number> {
  const c = { total: progress.stories.length, done: 0, active: 0, pending: 0, failed: 0, blocked: 0, skipped: 0 };
  for (const s of progress.stories) {
    if (s.status === "Done") c.done++;
    else if (s.status === "Failed") c.failed++;
    else if (s.status === "Blocked") c.blocked++;
    else if (s.status === "Skipped") c.skipped++;
    else if (s.status === "Not Started") c.pending++;
    else c.active++;
  }
  return c;
}

export function renderProgress(progress: RunProgress, colour: boolean): string {
  const paint = (code: string | undefined, text: string) => (colour && code ? `\u001b[${code}m${text}\u001b[0m` : text);
  const byId = new Map(progress.stories.map((s) => [s.id, s]));
  const lines = ["Story Implementation Progress", "============================="];
  const line = (s: StoryProgress) => {
    const extra: string[] = [s.status];
    if (s.elapsedMs !== null && s.status !== "Not Started") extra.push(formatDuration(s.elapsedMs));
    if (s.tokens !== null) extra.push(fmtTokens(s.tokens));
    if (s.costUsd !== null) extra.push(fmtCost(s.costUsd));
    if (s.reason && (s.status === "Failed" || s.status === "Blocked" || s.status === "Changes Requested" || s.status === "Not Started")) extra.push(s.reason);
    return `  ${iconOf(s.status)} ${paint(COLOURS[s.status], `${s.id} ${s.title}`)} (${extra.join(", ")})`;
  };
  const placed = new Set<string>();
  progress.waves.forEach((wave, i) => {
    lines.push(`Wave ${i}`);
    for (const id of wave) {
      const s = byId.get(id);
      if (s) {
        lines.push(line(s));
        placed.add(id);
      }
    }
  });
  const rest = progress.stories.filter((s) => !placed.has(s.id));
  if (rest.length) {
    lines.push(progress.waves.length ? "Not in a wave (done before the run, behind a cycle, or outside the run's scope)" : "Stories");
    for (const s of rest) lines.push(line(s));
  }
  const c = countBy(progress);
  const tail = [`${c.done}/${c.total} done`, `${c.active} running`, `${c.pending} waiting`, `${c.failed} failed`];
  if (c.blocked) tail.push(`${c.blocked} blocked`);
  if (progress.elapsedMs !== null) tail.push(`elapsed ${formatDuration(progress.elapsedMs)}`);
  if (progress.tokens !== null) tail.push(fmtTokens(progress.tokens));
  if (progress.costUsd !== null) tail.push(fmtCost(progress.costUsd));
  lines.push("", `Progress: ${tail.join(" · ")}`);
  return lines.join("\n") + "\n";
}

/** Compact machine view: the orchestrating model pays for every token. */
export function progressJson(progress: RunProgress): unknown {
  return {
    totals: countBy(progress),
    elapsedMs: progress.elapsedMs,
    tokens: progress.tokens,
    costUsd: progress.costUsd,
    stories: progress.stories.map((s) => ({
      id: s.id,
      status: s.status,
      wave: s.wave,
      ...(s.tokens !== null ? { tokens: s.tokens } : {}),
      ...(s.costUsd !== null ? { costUsd: s.costUsd } : {}),
      ...(s.reason !== null && s.status !== "Done" ? { reason: s.reason } : {}),
    })),
  };
}
