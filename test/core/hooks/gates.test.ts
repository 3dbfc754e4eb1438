import { describe, expect, it } from "vitest";
import { agentLaunchGate } from "../../../lib/core/hooks/agent-launch-gate.js";
import { subagentWriteGuard } from "../../../lib/core/hooks/subagent-write-guard.js";
import { storyAgentOf, type WorkerEnv } from "../../../lib/core/hooks/story-agent.js";
import type { LaunchPrompt } from "../../../lib/core/hooks/launch-prompt.js";
import type { HookPayload, Snapshot } from "../../../lib/core/hooks/types.js";
import { parseLaunchPrompt } from "../../../lib/core/hooks/launch-prompt.js";
import { parseVerdict } from "../../../lib/core/hooks/parse-verdict.js";
import { stopGate } from "../../../lib/core/hooks/stop-gate.js";
import { agent, bash, snap, story, write } from "./builders.js";

const WT = "/p/.worktrees/agent-general-developer-1.2-20260101-000000";
const devPrompt = (id: string, wt = `/p/.worktrees/agent-general-developer-${id}-20260101-000000`) => `Story: ${id}\nWorktree: ${wt}\nBranch: story/${id}\nStory file: docs/stories/${id}.md`;
const H = "b".repeat(40);
/** The write guard as the hook calls it: the story agent is recognised first (story-agent.ts). */
const guard = (p: HookPayload, s: Snapshot, launch: LaunchPrompt | null, cwd: string, worker: WorkerEnv | null = null) => subagentWriteGuard(p, s, storyAgentOf(p, s, launch, worker), cwd);

describe("agent-launch-gate", () => {
  const dev = "story-orchestrator:general-developer";
  it("allows a developer for a started story and records the launch", () => {
    const v = agentLaunchGate(agent(dev, devPrompt("1.2")), snap([story("1.1", { status: "Done" }), story("1.2", { dependencies: ["1.1"] })]));
    expect(v.decision.kind).toBe("allow");
    expect(v.record).toEqual({ story: "1.2", role: "developer", agentType: dev, toolUseId: "toolu_1", session: "s1" });
  });
  it("denies a story the engine has not started, naming `start`", () => {
    const v = agentLaunchGate(agent(dev, devPrompt("1.3")), snap([story("1.2")]));
    expect(v.decision).toMatchObject({ kind: "deny", reason: expect.stringContaining("story-orchestrator start 1.3 --json") });
  });
  it("denies a story whose dependency is not Done", () => {
    const v = agentLaunchGate(agent(dev, devPrompt("1.2")), snap([story("1.1", { status: "Approved" }), story("1.2", { dependencies: ["1.1"] })]));
    expect(v.decision).toMatchObject({ kind: "deny", reason: expect.stringContaining("depends on 1.1") });
  });
  it("denies the wrong worktree and the wrong agent", () => {
    expect(agentLaunchGate(agent(dev, devPrompt("1.2", "/p")), snap([story("1.2")])).decision).toMatchObject({ kind: "deny", reason: expect.stringContaining(`Worktree: ${WT}`) });
    expect(agentLaunchGate(agent("story-orchestrator:python-developer", devPrompt("1.2")), snap([story("1.2")])).decision).toMatchObject({ kind: "deny", reason: expect.stringContaining('"story-orchestrator:general-developer"') });
  });
  it("strict mode: denies a new developer while a finished story's reviewers are not launched", () => {
    const s = snap([story("1.1", { status: "Ready for Review", headSha: H }), story("2.1")]);
    expect(agentLaunchGate(agent(dev, devPrompt("2.1")), s).decision).toMatchObject({ kind: "deny", reason: expect.stringContaining("Strict mode: story 1.1") });
    // Once its reviewer was launched (in this session), others may start.
    s.launches.push({ story: "1.1", role: "reviewer", agentType: "code-reviewer", head: H, session: "s1" });
    expect(agentLaunchGate(agent(dev, devPrompt("2.1")), s).decision.kind).toBe("allow");
    // Not strict: allowed at once.
    expect(agentLaunchGate(agent(dev, devPrompt("2.1")), snap([story("1.1", { status: "Ready for Review", headSha: H }), story("2.1")], { strict: false })).decision.kind).toBe("allow");
  });
  it("allows a reviewer only on the recorded head of a story Ready for Review", () => {
    const s = snap([story("1.1", { status: "Ready for Review", headSha: H })]);
    const rp = (head: string) => `Review: 1.1\nWorktree: /p/w\nStory file: x\nBase: ${"a".repeat(40)}\nHead: ${head}`;
    expect(agentLaunchGate(agent("story-orchestrator:code-reviewer", rp(H)), s)).toMatchObject({ decision: { kind: "allow" }, record: { role: "reviewer", head: H } });
    expect(agentLaunchGate(agent("story-orchestrator:code-reviewer", rp("c".repeat(40))), s).decision).toMatchObject({ kind: "deny", reason: expect.stringContaining(`Head: ${H}`) });
    const inProgress = snap([story("1.1")]);
    expect(agentLaunchGate(agent("story-orchestrator:code-reviewer", rp(H)), inProgress).decision.kind).toBe("deny");
  });
  it("allows only the configured reviewers, naming them", () => {
    const rp = `Review: 1.1\nWorktree: /p/w\nStory file: x\nBase: ${"a".repeat(40)}\nHead: ${H}`;
    const s = snap([story("1.1", { status: "Ready for Review", headSha: H })], { reviewers: ["code-reviewer"] });
    expect(agentLaunchGate(agent("story-orchestrator:code-reviewer", rp), s).decision.kind).toBe("allow");
    expect(agentLaunchGate(agent("story-orchestrator:security-reviewer", rp), s).decision).toEqual({
      kind: "deny",
      gate: "agent-launch-gate",
      reason: "security-reviewer is not one of this project's reviewers (config `reviewers`): launch story-orchestrator:code-reviewer for story 1.1.",
    });
  });
  it("leaves agents that name no story alone, but not our agents", () => {
    expect(agentLaunchGate(agent("Explore", "find the config loader"), snap([])).decision.kind).toBe("allow");
    expect(agentLaunchGate(agent(dev, "implement story 1.2 please"), snap([])).decision.kind).toBe("deny");
  });
});

describe("subagent-write-guard", () => {
  const inDev = { agent_id: "a1", agent_type: "story-orchestrator:general-developer" };
  const launch = parseLaunchPrompt(`<system-reminder>\nctx\n</system-reminder>\n\n${devPrompt("1.2")}`);
  const s = snap([story("1.2")]);
  it("reads the story from a prompt that starts with a system reminder", () => {
    expect(launch).toMatchObject({ kind: "story", id: "1.2" });
  });
  it("reads it after several reminders too (Claude Code 2.1.328 sends git status and attribution)", () => {
    const two = `<system-reminder>\n# gitStatus\nCurrent branch: main\n</system-reminder>\n<system-reminder>\nAttribution for git commits\n- End git commit messages with:\nCo-Authored-By: x\n</system-reminder>\n\n${devPrompt("1.2")}`;
    expect(parseLaunchPrompt(two)).toMatchObject({ kind: "story", id: "1.2", headers: { worktree: WT, branch: "story/1.2" } });
  });
  it("allows writes and git inside the story's worktree", () => {
    expect(guard(write(`${WT}/src/a.ts`, inDev), s, launch, "/p").kind).toBe("allow");
    expect(guard(bash(`cd "${WT}" && npm test && git add -A && git commit -m x`, inDev), s, launch, "/p").kind).toBe("allow");
  });
  it("denies writes and git outside it", () => {
    expect(guard(write("/p/src/a.ts", inDev), s, launch, "/p")).toMatchObject({ kind: "deny", reason: expect.stringContaining(WT) });
    expect(guard(bash("git commit -am x", inDev), s, launch, "/p").kind).toBe("deny");
    expect(guard(bash(`cd "${WT}" && echo x > /p/src/a.ts`, inDev), s, launch, "/p").kind).toBe("deny");
    expect(guard(bash(`cd "${WT}" && cp a.ts /p/src/`, inDev), s, launch, "/p").kind).toBe("deny");
    expect(guard(bash("npm install", inDev), s, launch, "/p").kind).toBe("deny");
  });
  it("fails closed when the story is unknown", () => {
    expect(guard(write(`${WT}/a`, inDev), snap([]), null, "/p").kind).toBe("deny");
  });
  it("lets a reviewer read and run tests but change nothing", () => {
    const inRev = { agent_id: "a2", agent_type: "story-orchestrator:code-reviewer" };
    const rl = parseLaunchPrompt(`Review: 1.2\nWorktree: ${WT}\nHead: ${H}`);
    expect(guard(bash(`git -C "${WT}" diff a..b`, inRev), s, rl, "/p").kind).toBe("allow");
    expect(guard(bash(`cd "${WT}" && npm test`, inRev), s, rl, "/p").kind).toBe("allow");
    expect(guard(write(`${WT}/a.ts`, inRev), s, rl, "/p").kind).toBe("deny");
    expect(guard(bash(`cd "${WT}" && git commit -am fix`, inRev), s, rl, "/p").kind).toBe("deny");
  });
  it("does not judge agents of other plugins or the main session", () => {
    expect(guard(write("/p/a"), s, null, "/p").kind).toBe("allow");
    expect(guard(write("/p/a", { agent_id: "x", agent_type: "general-purpose" }), s, null, "/p").kind).toBe("allow");
  });
});

describe("subagent-write-guard in a headless worker (story and worktree from the runner's environment)", () => {
  const s = snap([story("1.2", { worktree: ".worktrees/agent-general-developer-1.2-20260101-000000" })]);
  const worker: WorkerEnv = { story: "1.2", role: "developer", worktree: WT };
  it("confines a developer worker to its worktree, with no agent_id in the payload", () => {
    expect(guard(write(`${WT}/src/a.ts`), s, null, WT, worker).kind).toBe("allow");
    expect(guard(bash("npm test && git add -A && git commit -m x", { cwd: WT }), s, null, WT, worker).kind).toBe("allow");
    expect(guard(write("/p/src/a.ts"), s, null, WT, worker)).toMatchObject({ kind: "deny", reason: expect.stringContaining(`You work on story 1.2 only inside its worktree ${WT}`) });
    expect(guard(bash("git -C /p commit -am x"), s, null, WT, worker).kind).toBe("deny");
    expect(guard(bash(`echo x > /p/README.md`), s, null, WT, worker).kind).toBe("deny");
  });
  it("takes the worktree from the state when the environment names only the story", () => {
    expect(guard(write(`${WT}/a.ts`), s, null, WT, { story: "1.2", role: "developer", worktree: null }).kind).toBe("allow");
    expect(guard(write("/p/a.ts"), s, null, WT, { story: "1.2", role: "developer", worktree: null }).kind).toBe("deny");
  });
  it("fails closed for a worker whose worktree cannot be found", () => {
    const d = guard(write(`${WT}/a.ts`), snap([]), null, WT, { story: "9.9", role: "developer", worktree: null });
    expect(d).toMatchObject({ kind: "deny", reason: expect.stringContaining("STORY_ORCHESTRATOR_WORKTREE must name it") });
  });
  it("lets a reviewer worker change nothing", () => {
    const rev: WorkerEnv = { story: "1.2", role: "code-reviewer", worktree: WT };
    expect(guard(bash("git diff main...HEAD && npm test", { cwd: WT }), s, null, WT, rev).kind).toBe("allow");
    expect(guard(write(`${WT}/a.ts`), s, null, WT, rev).kind).toBe("deny");
  });
  it("a subagent's own launch prompt wins over the environment", () => {
    const other = "/p/.worktrees/agent-general-developer-1.3-20260101-000000";
    const inDev = { agent_id: "a1", agent_type: "story-orchestrator:general-developer" };
    const l = parseLaunchPrompt(devPrompt("1.3", other));
    expect(guard(write(`${other}/a.ts`, inDev), snap([]), l, other, worker).kind).toBe("allow");
    expect(guard(write(`${WT}/a.ts`, inDev), snap([]), l, other, worker).kind).toBe("deny");
  });
});

describe("parseVerdict", () => {
  const blocking = ["CRITICAL", "HIGH"] as const;
  it("reads the verdict shape the reviewer agents end with", () => {
    const r = parseVerdict(`REVIEW VERDICT\nStory: 2.1\nHead: ${H}\nVerdict: CHANGES REQUESTED\nFindings:\n- [HIGH] src/login.ts:12 - no test for a wrong password\n- [LOW] src/a.ts:3 - naming`, blocking);
    expect(r).toEqual({
      ok: true,
      value: {
        verdict: "changes-requested",
        story: "2.1",
        head: H,
        findings: [
          { severity: "HIGH", file: "src/login.ts", line: 12, message: "no test for a wrong password" },
          { severity: "LOW", file: "src/a.ts", line: 3, message: "naming" },
        ],
      },
    });
  });
  it("an APPROVED with a blocking finding is not an approval", () => {
    const r = parseVerdict("Verdict: APPROVED\nFindings:\n- [CRITICAL] a.ts:1 - sql injection", blocking);
    expect(r.ok && r.value.verdict).toBe("changes-requested");
  });
  it("refuses an answer without a verdict, or with both", () => {
    expect(parseVerdict("Looks good to me!", blocking)).toEqual({ ok: false, error: 'no "Verdict: APPROVED" or "Verdict: CHANGES REQUESTED" line' });
    expect(parseVerdict("Verdict: APPROVED\nVerdict: CHANGES REQUESTED", blocking).ok).toBe(false);
  });
});

describe("stop-gate", () => {
  it("blocks while an approved story waits for its merge, naming the command", () => {
    const v = stopGate({ payload: { session_id: "s1", stop_hook_active: false }, snap: snap([story("1.1", { status: "Approved", headSha: H })]), ready: [], lastBlock: null });
    expect(v.decision).toMatchObject({ kind: "block", reason: expect.stringContaining("`story-orchestrator merge 1.1 --json`") });
  });
  it("lets the turn end while background agents work and nothing else is due", () => {
    const s = snap([story("1.1")], { launches: [{ story: "1.1", role: "developer", agentType: "x", agentId: "ag1", session: "s1" }] });
    const v = stopGate({ payload: { session_id: "s1", background_tasks: [{ id: "ag1", status: "running" }] }, snap: s, ready: [], lastBlock: null });
    expect(v.decision.kind).toBe("allow");
    // The same story with no agent alive: the developer must be relaunched.
    const dead = stopGate({ payload: { session_id: "s1", background_tasks: [] }, snap: s, ready: [], lastBlock: null });
    expect(dead.decision).toMatchObject({ kind: "block", reason: expect.stringContaining("no developer is running") });
  });
  it("stops insisting after repeated blocks without progress", () => {
    const s = snap([story("1.1", { status: "Approved", headSha: H })]);
    const first = stopGate({ payload: { session_id: "s1", stop_hook_active: false }, snap: s, ready: [], lastBlock: null });
    const second = stopGate({ payload: { session_id: "s1", stop_hook_active: true }, snap: s, ready: [], lastBlock: first.remember });
    const third = stopGate({ payload: { session_id: "s1", stop_hook_active: true }, snap: s, ready: [], lastBlock: second.remember });
    expect([first.decision.kind, second.decision.kind, third.decision.kind]).toEqual(["block", "block", "allow"]);
  });
  it("allows the end when every story is finished", () => {
    const v = stopGate({ payload: {}, snap: snap([story("1.1", { status: "Done" }), story("1.2", { status: "Failed" })]), ready: [], lastBlock: null });
    expect(v.decision.kind).toBe("allow");
  });
});

describe("subagent-write-guard with the project under /tmp", () => {
  it("does not mistake the project for scratch space", () => {
    const s = { ...snap([story("1.2")]), root: "/tmp/proj" };
    const launch = parseLaunchPrompt("Story: 1.2\nWorktree: /tmp/proj/.worktrees/w");
    const inDev = { agent_id: "a1", agent_type: "story-orchestrator:general-developer", cwd: "/tmp/proj" };
    expect(guard(write("/tmp/proj/src/stray.txt", inDev), s, launch, "/tmp/proj").kind).toBe("deny");
    expect(guard(write("/tmp/scratch/notes.txt", inDev), s, launch, "/tmp/proj").kind).toBe("allow");
  });
});
