// Gate: an Agent launch in the main session for a story must match what the engine decided.
// A developer only for a story the engine started (In Progress), whose dependencies are Done,
// in the worktree the engine made; in strict mode (default) not while a finished story waits
// for its reviewers to be launched. A reviewer only if configured, for a story Ready for
// Review, on its current head commit. Launches that name no story (exploration agents) are not ours to judge.
import { posix } from "node:path";
import { agentName, isOurAgent, isReviewerName, parseLaunchPrompt, type LaunchPrompt } from "./launch-prompt.js";
import { fixRoundForModel } from "../advice/story-advice.js";
import { awaitingReviewLaunch } from "./review-queue.js";
import { ALLOW, deny, type Decision, type HookPayload, type LaunchRecord, type Snapshot, type StorySnapshot, storyOf } from "./types.js";

export const GATE = "agent-launch-gate";

export interface LaunchVerdict {
  decision: Decision;
  /** What to append to the hook journal when the launch is allowed. */
  record?: LaunchRecord;
}

const FORMAT =
  'Name the story in the first lines of the prompt: a developer gets "Story: <id>" then "Worktree: <path from `story-orchestrator start`>"; ' +
  'a reviewer gets "Review: <id>", "Worktree: ...", "Story file: ...", "Base: <baseSha>", "Head: <headSha>".';

function no(reason: string): LaunchVerdict {
  return { decision: deny(GATE, reason) };
}

export function agentLaunchGate(payload: HookPayload, snap: Snapshot): LaunchVerdict {
  if (payload.tool_name !== "Agent" && payload.tool_name !== "Task") return { decision: ALLOW };
  const input = payload.tool_input ?? {};
  const type = typeof input["subagent_type"] === "string" ? input["subagent_type"] : "";
  const prompt = typeof input["prompt"] === "string" ? input["prompt"] : "";
  const launch = parseLaunchPrompt(prompt);
  const name = agentName(type);
  if (!launch) {
    return isOurAgent(type) ? no(`The ${name} agent works on one story. ${FORMAT}`) : { decision: ALLOW };
  }
  const story = storyOf(snap, launch.id);
  const reviewer = launch.kind === "review" || isReviewerName(name);
  if (!story) {
    return no(`Story ${launch.id} has not been started by the engine. Ask \`story-orchestrator next --json\` what may start, then \`story-orchestrator start ${launch.id} --json\`.`);
  }
  return reviewer ? judgeReviewer(payload, snap, launch, story, name) : judgeDeveloper(payload, snap, launch, story, type);
}

function judgeDeveloper(payload: HookPayload, snap: Snapshot, launch: LaunchPrompt, story: StorySnapshot, type: string): LaunchVerdict {
  const id = story.id;
  if (launch.kind !== "story") return no(`A developer agent takes "Story: ${id}" as its first line. ${FORMAT}`);
  if (story.status !== "In Progress") {
    const next =
      story.status === "Not Started" ? `Start it first: \`story-orchestrator start ${id} --json\`.`
      : story.status === "Changes Requested" ? `Begin the fix round: ${fixRoundForModel(id)}.`
      : story.status === "Ready for Review" ? "Launch its reviewers instead."
      : story.status === "Approved" ? `Merge it: \`story-orchestrator merge ${id} --json\`.`
      : "Ask `story-orchestrator next --json` what may start.";
    return no(`Story ${id} is "${story.status}", not In Progress: no developer may work on it now. ${next}`);
  }
  const openDeps = story.dependencies.filter((d) => storyOf(snap, d) !== undefined && storyOf(snap, d)?.status !== "Done");
  if (openDeps.length > 0) return no(`Story ${id} depends on ${openDeps.join(", ")}, which ${openDeps.length > 1 ? "are" : "is"} not Done (merged) yet. Work on what \`story-orchestrator next --json\` lists as ready.`);
  const expected = story.agent;
  if (type !== `story-orchestrator:${expected}` && type !== expected) {
    return no(`The engine assigned story ${id} to the ${expected} agent: launch it with subagent_type "story-orchestrator:${expected}".`);
  }
  if (story.worktree !== null) {
    const want = posix.resolve(snap.root, story.worktree);
    const got = launch.headers["worktree"] ? posix.resolve(snap.root, launch.headers["worktree"]) : "";
    if (got !== want) return no(`Story ${id} lives in the worktree ${want}: put "Worktree: ${want}" on the prompt's second line.`);
  }
  if (snap.strict) {
    const waiting = awaitingReviewLaunch(snap, payload.session_id).filter((s) => s.id !== id);
    if (waiting.length > 0) {
      const w = waiting[0] as StorySnapshot;
      return no(
        `Strict mode: story ${waiting.map((s) => s.id).join(", ")} finished and waits for review. Launch the reviewers for ${w.id} first ` +
          `(prompt "Review: ${w.id}" with "Head: ${w.headSha ?? "?"}"); reviews in flight do not hold other stories back.`,
      );
    }
  }
  return { decision: ALLOW, record: { story: id, role: "developer", agentType: type, ...(payload.tool_use_id ? { toolUseId: payload.tool_use_id } : {}), ...(payload.session_id ? { session: payload.session_id } : {}) } };
}

function judgeReviewer(payload: HookPayload, snap: Snapshot, launch: LaunchPrompt, story: StorySnapshot, name: string): LaunchVerdict {
  const id = story.id;
  if (launch.kind !== "review") return no(`A reviewer takes "Review: ${id}" as its first line. ${FORMAT}`);
  // Only configured reviewers' verdicts count (the engine refuses others): say so before the run.
  if (snap.reviewers !== null && !snap.reviewers.includes(name)) {
    const list = snap.reviewers.map((r) => `story-orchestrator:${r}`).join(", ");
    return no(`${name} is not one of this project's reviewers (config \`reviewers\`): launch ${list} for story ${id}.`);
  }
  if (story.status !== "Ready for Review" && story.status !== "Approved") {
    return no(`Story ${id} is "${story.status}": only a story Ready for Review is reviewed. ${story.status === "In Progress" ? "Its developer has not finished." : "Ask `story-orchestrator next --json`."}`);
  }
  const head = launch.headers["head"];
  if (!head || story.headSha === null || !story.headSha.startsWith(head) || head.length < 7) {
    return no(`Review the commit the engine recorded for story ${id}: put "Head: ${story.headSha ?? "?"}" (and "Base: ${story.baseSha ?? "?"}") in the prompt.`);
  }
  if (story.reviews.some((r) => r.reviewer === name && r.sha === story.headSha && r.verdict === "approved")) {
    return no(`${name} already approved story ${id} at ${story.headSha}. ${story.status === "Approved" ? `Merge it: \`story-orchestrator merge ${id} --json\`.` : "Wait for the other reviewers."}`);
  }
  if (snap.launches.some((l) => l.role === "reviewer" && l.story === id && l.agentType === name && l.head === story.headSha && !l.done && l.session === payload.session_id)) {
    return no(`A ${name} review of story ${id} at ${story.headSha} is already running; its verdict will be recorded when it finishes.`);
  }
  return {
    decision: ALLOW,
    record: {
      story: id,
      role: "reviewer",
      agentType: name,
      head: story.headSha,
      ...(payload.tool_use_id ? { toolUseId: payload.tool_use_id } : {}),
      ...(payload.session_id ? { session: payload.session_id } : {}),
    },
  };
}
