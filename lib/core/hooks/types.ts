// What the hook decisions read and return. Payload fields are the ones Claude Code sends
// (../shared/claude-code-runtime.md; the same in 2.1.197 and 2.1.328, which only added fields:
// README "Claude Code versions"); every field is optional because a hook must survive a payload
// it did not expect. The snapshot is the state files read as plain JSON
// (no schema library on the hook's hot path).
import { idKey } from "../ids.js";
import type { StoryStatus } from "../model.js";

export interface HookPayload {
  hook_event_name?: string;
  session_id?: string;
  transcript_path?: string;
  cwd?: string;
  /** Present when the hook fires inside a subagent. */
  agent_id?: string;
  agent_type?: string;
  tool_name?: string;
  tool_input?: Record<string, unknown>;
  tool_response?: unknown;
  tool_use_id?: string;
  stop_hook_active?: boolean;
  last_assistant_message?: string;
  agent_transcript_path?: string;
  background_tasks?: { id?: string; status?: string; description?: string; agent_type?: string }[];
  source?: string;
}

export interface StorySnapshot {
  id: string;
  status: StoryStatus;
  agent: string;
  /** Project-relative POSIX path, while the story has a worktree. */
  worktree: string | null;
  branch: string | null;
  baseSha: string | null;
  headSha: string | null;
  dependencies: string[];
  reviews: { reviewer: string; verdict: string; sha: string }[];
}

/** A reviewer or developer launch the hooks allowed (hook journal), for the strict gate. */
export interface LaunchRecord {
  story: string;
  role: "developer" | "reviewer";
  agentType: string;
  /** For reviewers: the head commit named in the prompt. */
  head?: string;
  toolUseId?: string;
  agentId?: string;
  /** The Claude Code session that launched it: a launch from a dead session is not in flight. */
  session?: string;
  /** Set once the agent's completion was recorded. */
  done?: boolean;
}

export interface Snapshot {
  /** Absolute project root. */
  root: string;
  /** False when no run exists (no orchestration-state.json): every gate allows. */
  active: boolean;
  stories: Record<string, StorySnapshot>;
  /** The run's stories (in id order). */
  runStories: string[];
  strict: boolean;
  launches: LaunchRecord[];
  /**
   * The project's configured reviewers (config `reviewers`), read only when a reviewer is being
   * launched (it needs the YAML parser, which the hot path does not load); null otherwise.
   */
  reviewers: readonly string[] | null;
}

export type Decision =
  | { kind: "allow" }
  | { kind: "deny"; gate: string; reason: string }
  /** Stop: keep the model working. */
  | { kind: "block"; gate: string; reason: string }
  /** Context for the model (PostToolUse, SessionStart). */
  | { kind: "context"; text: string };

export const ALLOW: Decision = { kind: "allow" };

export function deny(gate: string, reason: string): Decision {
  return { kind: "deny", gate, reason };
}

/** Tools that write files (their path is `file_path`, or `notebook_path`). */
export const WRITE_TOOLS = new Set(["Write", "Edit", "MultiEdit", "NotebookEdit"]);

/** The story's state by id, whatever case or leading zeros the id was written with. */
export function storyOf(snap: Snapshot, id: string): StorySnapshot | undefined {
  return snap.stories[idKey(id)];
}
