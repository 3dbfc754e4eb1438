// Tiny builders for the pure hook-gate tests.
import type { HookPayload, Snapshot, StorySnapshot } from "../../../lib/core/hooks/types.js";

export const ROOT = "/p";

export function story(id: string, over: Partial<StorySnapshot> = {}): StorySnapshot {
  return { id, status: "In Progress", agent: "general-developer", worktree: `.worktrees/agent-general-developer-${id}-20260101-000000`, branch: `story/${id}`, baseSha: "a".repeat(40), headSha: null, dependencies: [], reviews: [], ...over };
}

export function snap(stories: StorySnapshot[], over: Partial<Snapshot> = {}): Snapshot {
  return { root: ROOT, active: true, stories: Object.fromEntries(stories.map((s) => [s.id, s])), runStories: stories.map((s) => s.id), strict: true, launches: [], reviewers: null, ...over };
}

export const bash = (command: string, over: Partial<HookPayload> = {}): HookPayload => ({ tool_name: "Bash", tool_input: { command }, cwd: ROOT, session_id: "s1", ...over });
export const write = (file_path: string, over: Partial<HookPayload> = {}): HookPayload => ({ tool_name: "Write", tool_input: { file_path, content: "x" }, cwd: ROOT, session_id: "s1", ...over });
export const agent = (subagent_type: string, prompt: string, over: Partial<HookPayload> = {}): HookPayload => ({
  tool_name: "Agent",
  tool_input: { description: "d", prompt, subagent_type, run_in_background: true },
  cwd: ROOT,
  session_id: "s1",
  tool_use_id: "toolu_1",
  ...over,
});
