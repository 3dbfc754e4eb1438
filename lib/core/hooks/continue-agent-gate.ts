// Gate: SendMessage to one of our finished agents continues it with its context (Claude Code
// 2.1.328 can resume a finished background agent by its agentId). For a developer that is a
// fix round that keeps what it already read; it must obey every rule of a new launch (story In
// Progress after `start`, dependencies Done, the engine's agent, strict mode), because the
// continued agent writes and commits again. A reviewer is never continued: its verdict counts
// for the head named in its launch prompt, and a continued reviewer would judge a new head
// under the old one's name.
import { agentLaunchGate, type LaunchVerdict } from "./agent-launch-gate.js";
import { developerPrompt } from "./launch-prompt.js";
import { ALLOW, deny, type HookPayload, type LaunchRecord, type Snapshot, storyOf } from "./types.js";
import { posix } from "node:path";

export const GATE = "continue-agent-gate";

/** The tool Claude Code offers for messaging (and so continuing) an agent by its id. */
export const SEND_MESSAGE = "SendMessage";

export function continueAgentGate(payload: HookPayload, snap: Snapshot): LaunchVerdict {
  const to = payload.tool_input?.["to"];
  if (typeof to !== "string" || to === "") return { decision: ALLOW };
  // The newest launch that got this agent id: continuing it continues that launch's story.
  const ours = snap.launches.filter((l) => l.agentId === to);
  const last: LaunchRecord | undefined = ours[ours.length - 1];
  if (!last) return { decision: ALLOW };
  const story = storyOf(snap, last.story);
  if (last.role === "reviewer") {
    return {
      decision: deny(
        GATE,
        `Agent ${to} reviewed story ${last.story} at ${last.head ?? "?"}; a review counts only for the head commit in its prompt, so a reviewer is not continued. ` +
          `Launch a new story-orchestrator:${last.agentType} with "Review: ${last.story}" ... "Head: ${story?.headSha ?? "<the recorded head>"}".`,
      ),
    };
  }
  // A developer still working just gets the message; its completion is recorded as usual.
  if (ours.some((l) => !l.done)) return { decision: ALLOW };
  if (!story) return { decision: deny(GATE, `Story ${last.story} has no state: ask \`story-orchestrator next --json\` what may start.`) };
  // Judge the continuation as the launch it amounts to: the same agent, the story's worktree.
  const worktree = story.worktree !== null ? posix.resolve(snap.root, story.worktree) : "";
  const asLaunch: HookPayload = {
    ...payload,
    tool_name: "Agent",
    tool_input: { subagent_type: last.agentType, prompt: developerPrompt({ id: story.id, worktree, branch: story.branch ?? "", storyFile: "" }) },
  };
  const v = agentLaunchGate(asLaunch, snap);
  if (v.decision.kind === "deny") return { decision: deny(GATE, `Continuing agent ${to} (the developer of story ${story.id}) is a new round of work on it. ${v.decision.reason}`) };
  return { decision: ALLOW, ...(v.record ? { record: { ...v.record, agentId: to } } : {}) };
}
