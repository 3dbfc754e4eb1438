import { describe, expect, it } from "vitest";
import { continueAgentGate } from "../../../lib/core/hooks/continue-agent-gate.js";
import { preToolUse } from "../../../lib/core/hooks/pre-tool-use.js";
import type { HookPayload, LaunchRecord } from "../../../lib/core/hooks/types.js";
import { snap, story, ROOT } from "./builders.js";

const DEV = "story-orchestrator:general-developer";
const H = "c".repeat(40);
const send = (to: string, over: Partial<HookPayload> = {}): HookPayload => ({ tool_name: "SendMessage", tool_input: { to, summary: "fix round", message: "Fix round:\n- [HIGH] a.ts:1 - x" }, cwd: ROOT, session_id: "s1", tool_use_id: "toolu_9", ...over });
const devLaunch = (id: string, over: Partial<LaunchRecord> = {}): LaunchRecord => ({ story: id, role: "developer", agentType: DEV, agentId: "agent-dev", session: "s1", toolUseId: "toolu_1", done: true, ...over });

describe("continue-agent-gate (SendMessage to one of our agents)", () => {
  it("continues a finished developer once its fix round is started, and records the new round under the same agent id", () => {
    const v = continueAgentGate(send("agent-dev"), snap([story("2.1")], { launches: [devLaunch("2.1")] }));
    expect(v.decision.kind).toBe("allow");
    expect(v.record).toMatchObject({ story: "2.1", role: "developer", agentId: "agent-dev", toolUseId: "toolu_9", session: "s1" });
  });
  it("refuses it before `start` began the fix round, naming the command", () => {
    const v = continueAgentGate(send("agent-dev"), snap([story("2.1", { status: "Changes Requested", headSha: H })], { launches: [devLaunch("2.1")] }));
    expect(v.decision).toMatchObject({ kind: "deny", gate: "continue-agent-gate" });
    expect(v.decision.kind === "deny" && v.decision.reason).toContain("story-orchestrator start 2.1 --json");
  });
  it("applies strict mode as a launch would: a finished story's reviewers come first", () => {
    const s = snap([story("2.1"), story("1.1", { status: "Ready for Review", headSha: H })], { launches: [devLaunch("2.1")] });
    const v = continueAgentGate(send("agent-dev"), s);
    expect(v.decision.kind === "deny" && v.decision.reason).toContain(`Launch the reviewers for 1.1 first (prompt "Review: 1.1" with "Head: ${H}")`);
  });
  it("never continues a reviewer: its verdict belongs to the head in its prompt", () => {
    const rev: LaunchRecord = { story: "2.1", role: "reviewer", agentType: "code-reviewer", head: "d".repeat(40), agentId: "agent-rev", session: "s1", done: true };
    const v = continueAgentGate(send("agent-rev"), snap([story("2.1", { status: "Ready for Review", headSha: H })], { launches: [rev] }));
    expect(v.decision.kind === "deny" && v.decision.reason).toContain(`"Head: ${H}"`);
  });
  it("lets messages to a developer still at work, and to agents that are not ours, through unrecorded", () => {
    expect(continueAgentGate(send("agent-dev"), snap([story("2.1")], { launches: [devLaunch("2.1", { done: false })] }))).toEqual({ decision: { kind: "allow" } });
    expect(continueAgentGate(send("someone-else"), snap([story("2.1")], { launches: [devLaunch("2.1")] }))).toEqual({ decision: { kind: "allow" } });
  });
  it("is reached through PreToolUse in the main session", () => {
    const v = preToolUse({ payload: send("agent-dev"), snap: snap([story("2.1", { status: "Done" })], { launches: [devLaunch("2.1")] }), launch: null });
    expect(v.decision).toMatchObject({ kind: "deny", gate: "continue-agent-gate" });
  });
});
