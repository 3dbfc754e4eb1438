// One hook call: payload in, stdout text out. PreToolUse (every matching tool call) stays on
// the light path: plain JSON state reads and pure gates. The rare events that change state or
// need the scheduler (Agent completions, Stop, SessionStart) load the engine on demand.
//
// Failure policy per gate (README "In Claude Code"): PreToolUse fails CLOSED for calls in the
// engine's territory (Agent launches of story agents, anything inside a story subagent, commands
// naming .agent-orchestration/ or the engine) and OPEN for every other call; completions,
// Stop and SessionStart fail OPEN and never leave half-written state (the engine writes
// atomically under its lock).
import { preToolUse } from "../core/hooks/pre-tool-use.js";
import { agentName, isOurAgent, isReviewerName, parseLaunchPrompt } from "../core/hooks/launch-prompt.js";
import { deny, WRITE_TOOLS, type HookPayload } from "../core/hooks/types.js";
import type { SafetyDenial } from "../core/hooks/safety-guard.js";
import { DEFAULT_SAFETY_RULES, type SafetyRules } from "../core/hooks/safety-rules.js";
import type { WorkerEnv } from "../core/hooks/story-agent.js";
import { STATE_DIR } from "../core/state/state-files.js";
import { recordLaunch } from "../adapters/hooks/journal.js";
import { readSnapshot } from "../adapters/hooks/snapshot.js";
import { readSafetyRules } from "../adapters/hooks/safety-config.js";
import { agentTranscriptPath, awaitLaunchPromptText } from "../adapters/hooks/transcript.js";
import { render } from "./output.js";

/** How long a subagent's write waits for its launch prompt to reach the transcript. */
const LAUNCH_PROMPT_WAIT_MS = 3000;

/** The heavy half (lib/hooks/engine-events.ts), loaded only for the events that need it. */
export interface EngineEvents {
  postToolUse(root: string, payload: HookPayload): Promise<string>;
  subagentStop(root: string, payload: HookPayload): Promise<string>;
  stop(root: string, payload: HookPayload): Promise<string>;
  sessionStart(root: string, payload: HookPayload): Promise<string>;
  /** config `reviewers` (the default when the config is missing or invalid). */
  reviewers(root: string): Promise<string[]>;
  /** The safety rules of this config text (kept in the cache for the next call). */
  safetyRules(root: string, text: string): Promise<SafetyRules>;
  /** Appends a safety denial to the run's journal. */
  recordSafetyDenial(root: string, d: SafetyDenial, at: string): Promise<void>;
}

export interface HookEnv {
  root: string;
  loadEngine: () => Promise<EngineEvents>;
  now: () => Date;
  /** The headless worker this hook runs in (the runner's environment variables), if any. */
  worker?: WorkerEnv | null;
}

function inOurTerritory(p: HookPayload, worker: WorkerEnv | null): boolean {
  if ((p.agent_id !== undefined && isOurAgent(p.agent_type)) || worker !== null) return true;
  const input = p.tool_input ?? {};
  if ((p.tool_name === "Agent" || p.tool_name === "Task") && (isOurAgent(String(input["subagent_type"] ?? "")) || parseLaunchPrompt(String(input["prompt"] ?? "")) !== null)) return true;
  const text = JSON.stringify(input);
  return text.includes(STATE_DIR) || text.includes("story-orchestrator") || /\bgit\b/.test(text);
}

/** An Agent launch of a reviewer: the one PreToolUse call that needs the configured reviewers. */
function launchesReviewer(payload: HookPayload): boolean {
  if (payload.tool_name !== "Agent" && payload.tool_name !== "Task") return false;
  const input = payload.tool_input ?? {};
  return isReviewerName(agentName(String(input["subagent_type"] ?? ""))) || parseLaunchPrompt(String(input["prompt"] ?? ""))?.kind === "review";
}

export async function runPreToolUse(env: HookEnv, payload: HookPayload): Promise<string> {
  try {
    const snap = readSnapshot(env.root);
    if (snap.active && launchesReviewer(payload)) snap.reviewers = await (await env.loadEngine()).reviewers(env.root);
    let launch = null;
    if (payload.agent_id !== undefined && isOurAgent(payload.agent_type)) {
      const path = agentTranscriptPath(payload);
      // Only a write needs the story (subagentWriteGuard); a read need not wait for it.
      const writes = WRITE_TOOLS.has(payload.tool_name ?? "") || payload.tool_name === "Bash";
      const text = path ? awaitLaunchPromptText(path, writes ? LAUNCH_PROMPT_WAIT_MS : 0) : null;
      launch = text ? parseLaunchPrompt(text) : null;
    }
    const worker = env.worker ?? null;
    // Only a story agent's Bash command is judged by the safety rules: only then is the config read.
    const storyAgentBash = payload.tool_name === "Bash" && ((payload.agent_id !== undefined && isOurAgent(payload.agent_type)) || worker !== null);
    const safety = storyAgentBash ? await readSafetyRules(env.root, async (text) => (await env.loadEngine()).safetyRules(env.root, text)) : DEFAULT_SAFETY_RULES;
    const verdict = preToolUse({ payload, snap, launch, worker, safety });
    if (verdict.decision.kind === "allow" && verdict.record) recordLaunch(env.root, verdict.record, env.now().toISOString());
    if (verdict.safety) await logSafetyDenial(env, verdict.safety);
    return render("PreToolUse", verdict.decision);
  } catch (e) {
    if (!inOurTerritory(payload, env.worker ?? null)) return "";
    return render("PreToolUse", deny("hook-error", `story-orchestrator's PreToolUse hook failed (${e instanceof Error ? e.message : String(e)}), so this call is refused to protect the run. Run \`story-orchestrator resume\` and \`story-orchestrator status\`; report the error if it persists.`));
  }
}

/** The denial stands whether or not it could be logged: a journal that cannot be written must not open the gate. */
async function logSafetyDenial(env: HookEnv, d: SafetyDenial): Promise<void> {
  try {
    await (await env.loadEngine()).recordSafetyDenial(env.root, d, env.now().toISOString());
  } catch {
    /* the denial is still returned */
  }
}

export async function runHook(env: HookEnv, event: string, stdin: string): Promise<string> {
  let payload: HookPayload;
  try {
    const v: unknown = JSON.parse(stdin || "{}");
    payload = v !== null && typeof v === "object" ? (v as HookPayload) : {};
  } catch {
    payload = {};
  }
  if (event === "PreToolUse") return runPreToolUse(env, payload);
  // A headless worker is one story's developer or reviewer, not an orchestrator: the runner
  // records its completion and schedules the rest. The orchestrator's hooks (Stop's "the run is
  // not finished", SessionStart's resume notes, Agent completions) would set it to work on
  // other stories.
  if (env.worker) return "";
  try {
    switch (event) {
      case "PostToolUse":
        if (payload.tool_name !== "Agent" && payload.tool_name !== "Task") return "";
        return await (await env.loadEngine()).postToolUse(env.root, payload);
      case "SubagentStop":
        return await (await env.loadEngine()).subagentStop(env.root, payload);
      case "Stop":
        return await (await env.loadEngine()).stop(env.root, payload);
      case "SessionStart":
        return await (await env.loadEngine()).sessionStart(env.root, payload);
      default:
        return "";
    }
  } catch (e) {
    // Fail open; say so where the model can see it.
    if (event === "PostToolUse") {
      return render("PostToolUse", { kind: "context", text: `story-orchestrator could not record this agent's completion (${e instanceof Error ? e.message : String(e)}). Run \`story-orchestrator resume --json\` to reconcile, then \`story-orchestrator next --json\`.` });
    }
    return "";
  }
}
