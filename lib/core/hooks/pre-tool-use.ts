// PreToolUse: every gate in a fixed order; the first denial wins. The safety rules come first:
// they are the user's own policy for story agents, and each of their denials is logged and
// counted, so no other gate may answer for them. Then the guards that read only the payload
// (no state needed); the launch and continue gates run in the orchestrator's session, the
// worktree guard inside story agents (subagents of ours and headless workers).
import { agentLaunchGate, type LaunchVerdict } from "./agent-launch-gate.js";
import { continueAgentGate, SEND_MESSAGE } from "./continue-agent-gate.js";
import { engineCommandGuard } from "./engine-command-guard.js";
import { gitGuard } from "./git-guard.js";
import type { LaunchPrompt } from "./launch-prompt.js";
import { safetyGuard, type SafetyDenial } from "./safety-guard.js";
import { DEFAULT_SAFETY_RULES, type SafetyRules } from "./safety-rules.js";
import { stateDirGuard } from "./state-dir-guard.js";
import { storyAgentOf, type WorkerEnv } from "./story-agent.js";
import { subagentWriteGuard } from "./subagent-write-guard.js";
import { ALLOW, type HookPayload, type Snapshot } from "./types.js";

export interface PreToolUseInput {
  payload: HookPayload;
  snap: Snapshot;
  /** The subagent's launch prompt, when the hook fires inside a subagent of ours. */
  launch: LaunchPrompt | null;
  /** The headless worker's identity (runner environment), when the hook runs inside one. */
  worker?: WorkerEnv | null;
  /** The project's safety rules (config `safety`); the defaults when not given. */
  safety?: SafetyRules;
}

export interface PreToolUseVerdict extends LaunchVerdict {
  /** A safety rule denied the call: what to log in the journal. */
  safety?: SafetyDenial;
}

export function preToolUse({ payload, snap, launch, worker = null, safety = DEFAULT_SAFETY_RULES }: PreToolUseInput): PreToolUseVerdict {
  const cwd = payload.cwd ?? snap.root;
  const agent = storyAgentOf(payload, snap, launch, worker);
  const safe = safetyGuard({ payload, agent, rules: safety, root: snap.root, cwd });
  if (safe.decision.kind !== "allow") return { decision: safe.decision, ...(safe.denial ? { safety: safe.denial } : {}) };
  for (const d of [stateDirGuard(payload, cwd), gitGuard(payload, cwd, snap.root), engineCommandGuard(payload, cwd)]) {
    if (d.kind !== "allow") return { decision: d };
  }
  if (agent !== null) return { decision: subagentWriteGuard(payload, snap, agent, cwd) };
  // A subagent of another plugin, or Claude Code's own (Explore), outside a worker: not ours.
  if (payload.agent_id !== undefined) return { decision: ALLOW };
  if (payload.tool_name === "Agent" || payload.tool_name === "Task") return agentLaunchGate(payload, snap);
  if (payload.tool_name === SEND_MESSAGE) return continueAgentGate(payload, snap);
  return { decision: ALLOW };
}

/** Tools whose calls the hook must see (hooks.json matcher); all others never spawn it. */
export const PRE_TOOL_USE_MATCHER = "Bash|Write|Edit|MultiEdit|NotebookEdit|Agent|Task|SendMessage";
