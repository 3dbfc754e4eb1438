import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  runStepsOf
} from "./chunk-SF5OX4YS.mjs";
import {
  runShape
} from "./chunk-IPPJ62NW.mjs";
import {
  systemClock
} from "./chunk-OXJ2D6ZF.mjs";
import {
  isActive
} from "./chunk-3C4OI2RT.mjs";
import {
  agentOf,
  displayId,
  loadRunContext,
  statusOf
} from "./chunk-EG7KQHPQ.mjs";
import {
  idKey
} from "./chunk-KNNDJYLI.mjs";
import {
  ok
} from "./chunk-EFR3LY5V.mjs";

// lib/core/report/progress.ts
function iconOf(status) {
  switch (status) {
    case "Done":
      return "\u2705";
    case "Failed":
      return "\u274C";
    case "In Progress":
    case "Ready for Review":
    case "Changes Requested":
    case "Approved":
      return "\u23F3";
    case "Not Started":
    case "Blocked":
    case "Skipped":
      return "\u23F8\uFE0F";
  }
}
function formatDuration(ms) {
  const s = Math.floor(ms / 1e3);
  const h = Math.floor(s / 3600);
  const m = Math.floor(s % 3600 / 60);
  if (h > 0) return `${h}h ${String(m).padStart(2, "0")}m`;
  if (m > 0) return `${m}m ${String(s % 60).padStart(2, "0")}s`;
  return `${s}s`;
}
var fmtTokens = (n) => `${n.toLocaleString("en-US")} tokens`;
var fmtCost = (n) => `$${n.toFixed(2)}`;
var COLOURS = { Done: "32", Failed: "31", Blocked: "2", "Not Started": "2", Skipped: "2" };
function countBy(progress) {
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
function renderProgress(progress, colour) {
  const paint = (code, text) => colour && code ? `\x1B[${code}m${text}\x1B[0m` : text;
  const byId = new Map(progress.stories.map((s) => [s.id, s]));
  const lines = ["Story Implementation Progress", "============================="];
  const line = (s) => {
    const extra = [s.status];
    if (s.elapsedMs !== null && s.status !== "Not Started") extra.push(formatDuration(s.elapsedMs));
    if (s.tokens !== null) extra.push(fmtTokens(s.tokens));
    if (s.costUsd !== null) extra.push(fmtCost(s.costUsd));
    if (s.reason && (s.status === "Failed" || s.status === "Blocked" || s.status === "Changes Requested" || s.status === "Not Started")) extra.push(s.reason);
    return `  ${iconOf(s.status)} ${paint(COLOURS[s.status], `${s.id} ${s.title}`)} (${extra.join(", ")})`;
  };
  const placed = /* @__PURE__ */ new Set();
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
  lines.push("", `Progress: ${tail.join(" \xB7 ")}`);
  return lines.join("\n") + "\n";
}
function progressJson(progress) {
  return {
    totals: countBy(progress),
    elapsedMs: progress.elapsedMs,
    tokens: progress.tokens,
    costUsd: progress.costUsd,
    stories: progress.stories.map((s) => ({
      id: s.id,
      status: s.status,
      wave: s.wave,
      ...s.tokens !== null ? { tokens: s.tokens } : {},
      ...s.costUsd !== null ? { costUsd: s.costUsd } : {},
      ...s.reason !== null && s.status !== "Done" ? { reason: s.reason } : {}
    }))
  };
}

// lib/engine/status.ts
var sum = (xs) => xs.some((x) => x !== null) ? xs.reduce((a, x) => a + (x ?? 0), 0) : null;
function runStoryIds(ctx, shape = runShape(ctx)) {
  const inShape = new Set(shape.stories.map(idKey));
  const strays = ctx.analysis.index.keys.filter((k) => !inShape.has(k) && isActive(statusOf(ctx, k))).map((k) => displayId(ctx, k));
  return [...shape.stories, ...strays];
}
async function runProgress(root, clock = systemClock, cache = {}) {
  const loaded = await loadRunContext(root, cache);
  if (!loaded.ok) return loaded;
  const ctx = loaded.value;
  const shape = runShape(ctx);
  const waveOf = /* @__PURE__ */ new Map();
  shape.waves.forEach((w, i) => w.forEach((id) => waveOf.set(id, i)));
  const now = clock.now().getTime();
  const stories = runStoryIds(ctx, shape).map((id) => {
    const key = idKey(id);
    const st = ctx.states.get(key);
    const story = ctx.analysis.index.byKey.get(key);
    const status = statusOf(ctx, key);
    const finished = status === "Done" || status === "Failed";
    const elapsedMs = st?.startTime ? (finished ? Date.parse(st.lastUpdate) : now) - Date.parse(st.startTime) : null;
    return {
      id,
      title: story.title,
      status,
      wave: waveOf.get(id) ?? null,
      agent: agentOf(ctx, key),
      elapsedMs,
      tokens: st?.tokens ?? null,
      costUsd: st?.costUsd ?? null,
      // A story listed in sprint-status.yaml that nobody has written yet: not run, and the view says why.
      reason: st?.reason ?? (story.placeholder && status !== "Done" ? `no story file yet (listed in ${story.path}:${story.placeholder.line})` : null),
      mergedSha: st?.mergedSha ?? null,
      dependencies: ctx.analysis.edgesOf(key).map((e) => displayId(ctx, e.to))
    };
  });
  const start = ctx.orch?.startTime ? Date.parse(ctx.orch.startTime) : null;
  return ok({
    stories,
    waves: shape.waves,
    integrationBranch: ctx.orch?.integrationBranch ?? ctx.project.config.baseBranch ?? null,
    elapsedMs: start !== null ? now - start : null,
    tokens: sum(stories.map((s) => s.tokens)),
    costUsd: sum(stories.map((s) => s.costUsd)),
    next: runStepsOf(ctx).steps
  });
}

export {
  formatDuration,
  countBy,
  renderProgress,
  progressJson,
  runStoryIds,
  runProgress
};
