// Stop (main session): while the run has a legal next step (a story approved but unmerged, a
// finished story without reviewers, a fix round to start, a ready story), the orchestrator's
// turn may not end; the block names the step. Agents still working in the background let the
// turn end: their completion starts a new turn. `stop_hook_active` plus an unchanged progress
// fingerprint means the model is looping without progress: then the turn may end (Claude Code
// also caps consecutive blocks). Fails open: an error never traps the session.
import { nextSteps, progressFingerprint, TERMINAL } from "./next-steps.js";
import { ALLOW, type Decision, type HookPayload, type Snapshot, storyOf } from "./types.js";

export const GATE = "stop-gate";

export interface StopInput {
  payload: HookPayload;
  snap: Snapshot;
  ready: { id: string; agent: string }[];
  /** The fingerprint and count of this session's previous consecutive block, if any. */
  lastBlock: { fingerprint: string; count: number } | null;
}

export interface StopVerdict {
  decision: Decision;
  /** What to remember for the next Stop (null: forget). */
  remember: { fingerprint: string; count: number } | null;
}

/** Blocks in a row without progress before the turn may end anyway. */
export const MAX_IDLE_BLOCKS = 2;

export function stopGate({ payload, snap, ready, lastBlock }: StopInput): StopVerdict {
  if (!snap.active || payload.agent_id !== undefined) return { decision: ALLOW, remember: null };
  const { actions, inFlight } = nextSteps({ snap, payload, ready });
  if (actions.length === 0) return { decision: ALLOW, remember: null };
  const fingerprint = progressFingerprint(snap);
  const idle = payload.stop_hook_active === true && lastBlock !== null && lastBlock.fingerprint === fingerprint;
  const count = idle ? (lastBlock?.count ?? 0) + 1 : 1;
  if (idle && count > MAX_IDLE_BLOCKS) return { decision: ALLOW, remember: null };
  const open = snap.runStories.filter((id) => !TERMINAL.has(storyOf(snap, id)?.status ?? "Not Started")).length;
  const reason =
    `story-orchestrator: the run is not finished (${open} open ${open === 1 ? "story" : "stories"}). Next:\n` +
    actions.map((a) => `- ${a}`).join("\n") +
    (inFlight.length ? `\nStill working: ${inFlight.join(", ")}.` : "") +
    "\nDo these in one message where they are independent.";
  return { decision: { kind: "block", gate: GATE, reason }, remember: { fingerprint, count } };
}
