// The orchestrator's legal next steps, derived from the state: what the Stop gate insists on
// and what SessionStart and the completion hooks tell the model. One wording, one place.
import { posix } from "node:path";
import { fixRoundForModel } from "../advice/story-advice.js";
import { liveLaunches } from "./review-queue.js";
import { storyOf, type HookPayload, type Snapshot, type StorySnapshot } from "./types.js";

export const TERMINAL = new Set(["Done", "Failed", "Blocked", "Skipped"]);

export interface StepsInput {
  snap: Snapshot;
  payload: HookPayload;
  /** Stories the engine says may start now (nextStories), when known. */
  ready: { id: string; agent: string }[];
}

export interface Steps {
  /** Things the model must do now. */
  actions: string[];
  /** Agents still working (their completion will come back as a notification). */
  inFlight: string[];
}

/** Agent ids Claude Code reports as running in the background (absent = unknown). */
function runningTaskIds(payload: HookPayload): Set<string> | null {
  if (!Array.isArray(payload.background_tasks)) return null;
  return new Set(payload.background_tasks.filter((t) => t.status === "running" && t.id).map((t) => t.id as string));
}

export function nextSteps({ snap, payload, ready }: StepsInput): Steps {
  const actions: string[] = [];
  const inFlight: string[] = [];
  const running = runningTaskIds(payload);
  const live = liveLaunches(snap, payload.session_id).filter((l) => running === null || (l.agentId !== undefined && running.has(l.agentId)));
  const isLive = (s: StorySnapshot, role: "developer" | "reviewer") => live.some((l) => l.story === s.id && l.role === role);
  for (const id of snap.runStories) {
    const s = storyOf(snap, id);
    if (!s) continue;
    switch (s.status) {
      case "Approved":
        actions.push(`merge story ${s.id}: \`story-orchestrator merge ${s.id} --json\``);
        break;
      case "Ready for Review":
        if (isLive(s, "reviewer")) inFlight.push(`${s.id} (review)`);
        else {
          actions.push(`launch the reviewers of story ${s.id} (prompt "Review: ${s.id}" ... "Base: ${s.baseSha ?? "?"}" "Head: ${s.headSha ?? "?"}")`);
        }
        break;
      case "Changes Requested":
        actions.push(`start the fix round of story ${s.id}: ${fixRoundForModel(s.id)}`);
        break;
      case "In Progress":
        if (isLive(s, "developer")) inFlight.push(`${s.id} (developer)`);
        else {
          const wt = s.worktree ? posix.resolve(snap.root, s.worktree) : "...";
          actions.push(`story ${s.id} is In Progress but no developer is running for it in this session: launch story-orchestrator:${s.agent} (prompt "Story: ${s.id}" / "Worktree: ${wt}" / "Branch: ${s.branch ?? "?"}" / "Story file: ..."), or \`story-orchestrator submit ${s.id} --json\` if its work is committed`);
        }
        break;
      default:
        break;
    }
  }
  for (const r of ready) actions.push(`start story ${r.id}: \`story-orchestrator start ${r.id} --json\`, then launch the ${r.agent} agent`);
  return { actions, inFlight };
}

/** A short fingerprint of the run's progress: a Stop block repeated without progress is a loop. */
export function progressFingerprint(snap: Snapshot): string {
  return snap.runStories.map((id) => `${id}:${storyOf(snap, id)?.status ?? "Not Started"}:${storyOf(snap, id)?.headSha ?? ""}:${storyOf(snap, id)?.reviews.length ?? 0}`).join("|") + `#${snap.launches.length}`;
}

/** Counts of the run's stories by status, for one-line summaries. */
export function statusCounts(snap: Snapshot): string {
  const counts = new Map<string, number>();
  for (const id of snap.runStories) {
    const st = storyOf(snap, id)?.status ?? "Not Started";
    counts.set(st, (counts.get(st) ?? 0) + 1);
  }
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${v} ${k}`).join(", ");
}
