// Who is making a tool call, when it is one of the story agents the hooks confine: a subagent
// of ours (the payload carries agent_id and our agent_type; its story comes from its launch
// prompt) or a headless worker the runner launched (`story-orchestrator run`: Claude Code
// passes the runner's environment to hook commands, and inside the worker the hooks see a main
// session with no agent_id). The environment is read by the hook entry and passed in, so every
// decision stays a pure function of its input.
import { posix } from "node:path";
import { agentName, isOurAgent, isReviewerName, type LaunchPrompt } from "./launch-prompt.js";
import { storyOf, type HookPayload, type Snapshot } from "./types.js";

/** The environment variables the runner sets on a headless worker's `claude` process. */
export const WORKER_ENV = { story: "STORY_ORCHESTRATOR_STORY", role: "STORY_ORCHESTRATOR_ROLE", worktree: "STORY_ORCHESTRATOR_WORKTREE" } as const;

export interface WorkerEnv {
  story: string;
  /** `developer`, or the reviewer's agent name (`code-reviewer`). */
  role: string;
  /** Absolute path of the story's worktree, when the runner set it. */
  worktree: string | null;
}

/** The worker identity from an environment, or null outside a headless worker. */
export function workerEnvOf(env: Readonly<Record<string, string | undefined>>): WorkerEnv | null {
  const story = env[WORKER_ENV.story]?.trim();
  if (!story) return null;
  const worktree = env[WORKER_ENV.worktree]?.trim();
  return { story, role: env[WORKER_ENV.role]?.trim() || "developer", worktree: worktree && worktree.startsWith("/") ? posix.normalize(worktree) : null };
}

export interface StoryAgent {
  /** How it was recognised; messages name the source of the story when it is missing. */
  source: "subagent" | "worker";
  /** Agent name (`general-developer`, `code-reviewer`) or the worker's role. */
  name: string;
  reviewer: boolean;
  /** The story id, when known. */
  story: string | null;
  /** Absolute worktree path, when known. */
  worktree: string | null;
}

/**
 * The story agent behind a call, or null for any other session (the orchestrator, a person, a
 * subagent of another plugin outside a worker). A subagent of ours wins over the environment:
 * its own launch prompt is the more specific.
 */
export function storyAgentOf(payload: HookPayload, snap: Snapshot, launch: LaunchPrompt | null, worker: WorkerEnv | null): StoryAgent | null {
  if (payload.agent_id !== undefined && isOurAgent(payload.agent_type)) {
    const name = agentName(payload.agent_type);
    const recorded = launch ? storyOf(snap, launch.id)?.worktree : undefined;
    const header = launch?.headers["worktree"];
    const worktree = recorded ? posix.resolve(snap.root, recorded) : header ? posix.resolve(snap.root, header) : null;
    return { source: "subagent", name, reviewer: isReviewerName(name) || launch?.kind === "review", story: launch?.id ?? null, worktree };
  }
  if (worker === null) return null;
  const recorded = storyOf(snap, worker.story)?.worktree;
  const worktree = worker.worktree ?? (recorded ? posix.resolve(snap.root, recorded) : null);
  return { source: "worker", name: worker.role, reviewer: worker.role !== "developer" && isReviewerName(worker.role), story: worker.story, worktree };
}
