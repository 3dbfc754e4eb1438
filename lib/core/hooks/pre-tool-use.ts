// PreToolUse: every gate in a fixed order; the first denial wins. The guards that read only the
// payload run first (no state needed); the launch and continue gates run in the main session,
// the worktree guard inside subagents.
import { agentLaunchGate, type LaunchVerdict } from "./agent-launch-gate.js";
import { continueAgentGate, SEND_MESSAGE } from "./continue-agent-gate.js";
import { engineCommandGuard } from "./engine-command-guard.js";
import { gitGuard } from "./git-guard.js";
import type { LaunchPrompt } from "./launch-prompt.js";
import { stateDirGuard } from "./state-dir-guard.js";
import { subagentWriteGuard } from "./subagent-write-guard.js";
import { ALLOW, type HookPayload, type Snapshot } from "./types.js";

export interface PreToolUseInput {
  payload: HookPayload;
  snap: Snapshot;
  /** The subagent's launch prompt, when the hook fires inside a subagent of ours. */
  launch: LaunchPrompt | null;
}

export function preToolUse({ payload, snap, launch }: PreToolUseInput): LaunchVerdict {
  const cwd = payload.cwd ?? snap.root;
  for (const d of [stateDirGuard(payload, cwd), gitGuard(payload, cwd, snap.root), engineCommandGuard(payload, cwd)]) {
    if (d.kind !== "allow") return { decision: d };
  }
  if (payload.agent_id !== undefined) return { decision: subagentWriteGuard(payload, snap, launch, cwd) };
  if (payload.tool_name === "Agent" || payload.tool_name === "Task") return agentLaunchGate(payload, snap);
  if (payload.tool_name === SEND_MESSAGE) return continueAgentGate(payload, snap);
  return { decision: ALLOW };
}

/** Tools whose calls the hook must see (hooks.json matcher); all others never spawn it. */
export const PRE_TOOL_USE_MATCHER = "Bash|Write|Edit|MultiEdit|NotebookEdit|Agent|Task|SendMessage";
