// The hook events that change state or need the scheduler, bundled apart (dist/hook-engine.mjs)
// and loaded on demand: an agent's completion (foreground: PostToolUse on Agent; background:
// SubagentStop), Stop and SessionStart. Completions go through the engine's own verbs
// (submitStory, recordReview), which write atomically under the state lock, so a hook that dies
// halfway leaves either the old state or the new one.
import { diagMessages as messages } from "../core/diagnostics.js";
import { agentName, parseLaunchPrompt, reviewerPrompt, type LaunchPrompt } from "../core/hooks/launch-prompt.js";
import { parseReport } from "../core/hooks/parse-report.js";
import { parseVerdict, type ParsedFinding } from "../core/hooks/parse-verdict.js";
import { findingLine } from "../core/state/fix-round.js";
import { fixRoundForModel } from "../core/advice/story-advice.js";
import { sessionContext } from "../core/hooks/session-context.js";
import { stopGate } from "../core/hooks/stop-gate.js";
import { storyOf, type HookPayload } from "../core/hooks/types.js";
import { nextReady } from "../core/scheduler/next.js";
import { loadConfig } from "../adapters/fs/load-config.js";
import { readLaunches, recordAgentId, recordDone, readStopMemory, writeStopMemory } from "../adapters/hooks/journal.js";
import { readSnapshot } from "../adapters/hooks/snapshot.js";
import { agentTranscriptPath, readLaunchPromptText, transcriptUsage } from "../adapters/hooks/transcript.js";
import { recordReview } from "../engine/review.js";
import { submitStory } from "../engine/submit.js";
import { displayId, loadRunContext, runScope, schedulable } from "../engine/run-context.js";
import { render } from "./output.js";
import type { SafetyDenial } from "../core/hooks/safety-guard.js";
import { safetyRulesOf, type SafetyRules } from "../core/hooks/safety-rules.js";
import { SAFETY_DENIED } from "../core/report/safety-denials.js";
import { writeSafetyMemo } from "../adapters/hooks/safety-config.js";
import { appendJournal } from "../adapters/state-store/store.js";

interface Completion {
  launch: LaunchPrompt;
  agentType: string;
  text: string;
  usage: { tokens?: number; durationMs?: number };
}

function findingLines(findings: readonly ParsedFinding[]): string {
  return findings.map(findingLine).join("\n");
}

async function completeDeveloper(root: string, c: Completion): Promise<string> {
  const id = c.launch.id;
  const report = parseReport(c.text);
  if (report.result === "blocked") {
    return `Story ${id}: the developer reports BLOCKED (${report.notes || "no notes"}). Nothing was submitted. Relaunch the developer with what it needs, or give the story up: \`story-orchestrator fail ${id} --reason "..."\`.`;
  }
  const sub = await submitStory(root, id, c.usage);
  if (!sub.ok) {
    return `Story ${id} could not move to review: ${messages(sub.error)}. Relaunch its developer to finish and commit the work in its worktree (same prompt), then it is submitted automatically.`;
  }
  const { config } = await loadConfig(root);
  const snap = readSnapshot(root);
  const st = storyOf(snap, id);
  const worktree = c.launch.headers["worktree"] ?? st?.worktree ?? "?";
  const prompt = reviewerPrompt({ id, worktree, storyFile: c.launch.headers["story file"] ?? "?", base: st?.baseSha ?? "?", head: sub.value.headSha });
  return (
    `Story ${id} is Ready for Review at ${sub.value.headSha}. Next: launch ${config.reviewers.map((r) => `story-orchestrator:${r}`).join(" and ")} ` +
    `(run_in_background: true) with this prompt:\n${prompt}`
  );
}

async function completeReviewer(root: string, c: Completion): Promise<string> {
  const id = c.launch.id;
  const reviewer = agentName(c.agentType);
  const { config } = await loadConfig(root);
  const parsed = parseVerdict(c.text, config.blockingSeverities);
  const reviewedSha = c.launch.headers["head"];
  const input = parsed.ok
    ? { verdict: parsed.value.verdict, findings: parsed.value.findings, reviewer }
    : {
        verdict: "changes-requested" as const,
        findings: [{ severity: "HIGH" as const, message: `the reviewer's answer could not be read as a verdict (${parsed.error}); it counts as not approved` }],
        reviewer,
      };
  const rec = await recordReview(root, id, { ...input, source: "agent", ...(reviewedSha ? { reviewedSha } : {}) });
  const why = parsed.ok ? "" : ` The ${reviewer} answer could not be parsed (${parsed.error}), so it was recorded as CHANGES REQUESTED.`;
  if (!rec.ok) return `The review of story ${id} by ${reviewer} could not be recorded: ${messages(rec.error)}.${why}`;
  const r = rec.value;
  if (!r.counted) {
    // An approval of a commit another reviewer (or this one) rejected: recorded, never counted.
    const who = r.changesRequestedBy.join(", ");
    const said = `${reviewer} approved story ${id} at ${r.reviewedSha}, but ${who} requested changes on that commit, so it cannot be approved: only a new commit gets a new review.`;
    return r.status === "Changes Requested" ? `${said} Next: ${fixRoundForModel(id)} of ${who}.` : `${said} Its fix round is under way (${r.status}).`;
  }
  switch (r.status) {
    case "Approved":
      return `Story ${id} is Approved (${r.approvedBy.join(", ")} on ${r.reviewedSha}).${why} Next: \`story-orchestrator merge ${id} --json\`.`;
    case "Changes Requested":
      return `${reviewer} requested changes on story ${id}.${why} Next: ${fixRoundForModel(id)}:\nFix round:\n${findingLines(input.findings)}`;
    case "In Progress":
      // A late change request on the commit whose fix round has begun: same round, more findings.
      return `${reviewer} also requested changes on story ${id}, whose fix round is under way; its developer needs these findings too.${why}\nFix round:\n${findingLines(input.findings)}`;
    case "Failed":
      return `Story ${id} Failed: the review asked for changes more than maxFixRounds times.${r.blocked?.length ? ` Blocked: ${r.blocked.join(", ")}.` : ""} Continue with \`story-orchestrator next --json\`.`;
    default:
      return `${reviewer} ${input.verdict === "approved" ? "approved" : "reviewed"} story ${id}; still waiting for: ${r.missing.join(", ") || "nothing"}.${why}`;
  }
}

async function complete(root: string, c: Completion): Promise<string> {
  return c.launch.kind === "story" ? completeDeveloper(root, c) : completeReviewer(root, c);
}

function responseText(resp: Record<string, unknown>): string {
  const content = resp["content"];
  if (!Array.isArray(content)) return "";
  return content.map((b: { type?: string; text?: string }) => (b.type === "text" ? (b.text ?? "") : "")).join("\n");
}

export async function postToolUse(root: string, payload: HookPayload): Promise<string> {
  const resp = (payload.tool_response ?? {}) as Record<string, unknown>;
  const input = payload.tool_input ?? {};
  const launch = parseLaunchPrompt(String(input["prompt"] ?? ""));
  if (!launch) return "";
  const agentId = typeof resp["agentId"] === "string" ? resp["agentId"] : undefined;
  if (resp["status"] === "async_launched") {
    if (agentId && payload.tool_use_id) recordAgentId(root, payload.tool_use_id, agentId);
    return "";
  }
  if (resp["status"] !== "completed") return "";
  // A foreground agent's id too, so a later SendMessage to it is judged as the continuation of this launch.
  if (agentId && payload.tool_use_id) recordAgentId(root, payload.tool_use_id, agentId);
  const ids = { ...(payload.tool_use_id ? { toolUseId: payload.tool_use_id } : {}), ...(agentId ? { agentId } : {}) };
  if (readLaunches(root).some((l) => l.done && ((agentId && l.agentId === agentId) || l.toolUseId === payload.tool_use_id))) return "";
  const usage = {
    ...(typeof resp["totalTokens"] === "number" ? { tokens: resp["totalTokens"] } : {}),
    ...(typeof resp["totalDurationMs"] === "number" ? { durationMs: resp["totalDurationMs"] } : {}),
  };
  const text = await complete(root, { launch, agentType: String(input["subagent_type"] ?? ""), text: responseText(resp), usage });
  recordDone(root, ids);
  return render("PostToolUse", { kind: "context", text });
}

export async function subagentStop(root: string, payload: HookPayload): Promise<string> {
  const agentId = payload.agent_id;
  // Foreground agents are recorded by PostToolUse (it has their token counts and can talk to
  // the model); here only background ones.
  if (!agentId) return "";
  // Background: its launch returned `async_launched` (journal has its agent id), or Claude Code
  // lists it among the background tasks. Recorded once per round: a developer continued by
  // SendMessage has a new, open launch record under the same agent id (continue-agent-gate).
  const mine = readLaunches(root).filter((l) => l.agentId === agentId);
  const open = mine.length > 0 ? mine.some((l) => !l.done) : (payload.background_tasks ?? []).some((t) => t.id === agentId);
  if (!open) return "";
  const path = agentTranscriptPath(payload);
  const promptText = path ? readLaunchPromptText(path) : null;
  const launch = promptText ? parseLaunchPrompt(promptText) : null;
  if (!launch || !path) return "";
  await complete(root, { launch, agentType: payload.agent_type ?? "", text: payload.last_assistant_message ?? "", usage: transcriptUsage(path, new Date()) });
  recordDone(root, { agentId });
  return "";
}

async function readyStories(root: string): Promise<{ id: string; agent: string }[]> {
  const ctx = await loadRunContext(root);
  if (!ctx.ok) return [];
  const scope = runScope(ctx.value);
  const decision = nextReady(schedulable(ctx.value), ctx.value.project.config.maxParallel, scope.ok ? scope.value : null);
  return decision.ready.map((r) => ({ id: displayId(ctx.value, r.id), agent: r.agent }));
}

export async function stop(root: string, payload: HookPayload): Promise<string> {
  const snap = readSnapshot(root);
  if (!snap.active || payload.agent_id !== undefined) return "";
  const verdict = stopGate({ payload, snap, ready: await readyStories(root), lastBlock: readStopMemory(root, payload.session_id) });
  writeStopMemory(root, payload.session_id, verdict.remember);
  return render("Stop", verdict.decision);
}

/**
 * The safety rules of this config text (the hot path passes the text it read, so the rules kept
 * in the memo are those of exactly that text). An invalid `safety` section keeps the defaults:
 * `validate` reports it.
 */
export async function safetyRules(root: string, text: string): Promise<SafetyRules> {
  const { parseConfig } = await import("../core/config/parse-config.js");
  const rules = safetyRulesOf(parseConfig(text).config.safety);
  await writeSafetyMemo(root, text, rules);
  return rules;
}

/** A safety denial, in the run's journal (`safety-denied`): `summary` counts them. */
export async function recordSafetyDenial(root: string, d: SafetyDenial, at: string): Promise<void> {
  await appendJournal(root, { at, event: SAFETY_DENIED, ...(d.story !== null ? { storyId: d.story } : {}), data: { rule: d.rule, role: d.role, command: d.command } });
}

export async function reviewers(root: string): Promise<string[]> {
  return (await loadConfig(root)).config.reviewers;
}

export async function sessionStart(root: string, _payload: HookPayload): Promise<string> {
  return render("SessionStart", sessionContext(readSnapshot(root)));
}
