// One fix round, one wording: the procedure the model follows (/implement-stories,
// /resume-stories), the hooks' next steps and denials, and the CLI name the same commands.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixRoundForModel, fixRoundSteps } from "../../../lib/core/advice/story-advice.js";
import { nextSteps } from "../../../lib/core/hooks/next-steps.js";
import { agentLaunchGate } from "../../../lib/core/hooks/agent-launch-gate.js";
import { renderReview } from "../../../lib/cli/render/review.js";
import { ROOT } from "../../helpers/built-cli.js";
import { agent, snap, story } from "../hooks/builders.js";

const H = "c".repeat(40);
const procedure = (name: string) => readFileSync(join(ROOT, "commands", name), "utf8");

describe("the fix round's steps agree everywhere", () => {
  it("the procedures quote the engine's fix-round steps verbatim (ID for the story)", () => {
    const steps = fixRoundForModel("ID");
    expect(steps).toContain("`story-orchestrator start ID --json`");
    expect(steps).toContain("`Fix round:`");
    expect(procedure("implement-stories.md")).toContain(`\`CHANGES REQUESTED\` → ${steps}.`);
    expect(procedure("resume-stories.md")).toContain(`\`Changes Requested\`: ${steps}.`);
  });

  it("the Stop gate and the launch gate give the same steps for a story in Changes Requested", () => {
    const s = snap([story("1.1", { status: "Changes Requested", headSha: H })]);
    expect(nextSteps({ snap: s, payload: { session_id: "s1" }, ready: [] }).actions).toEqual([`start the fix round of story 1.1: ${fixRoundForModel("1.1")}`]);
    const denied = agentLaunchGate(agent("story-orchestrator:general-developer", "Story: 1.1\nWorktree: /p/.worktrees/x"), s).decision;
    expect(denied.kind === "deny" && denied.reason).toContain(`Begin the fix round: ${fixRoundForModel("1.1")}.`);
  });

  it("the CLI names the same commands, for a person (who commits and submits instead of a developer agent)", () => {
    const out = renderReview({ id: "1.1", status: "Changes Requested", reviewedSha: H, approvedBy: [], missing: ["code-reviewer"], changesRequestedBy: ["code-reviewer"], counted: true, fixRounds: 1, maxFixRounds: 3, worktree: ".worktrees/w" });
    expect(out).toContain(`Next: fix round: ${fixRoundSteps("1.1", ".worktrees/w")}`);
    for (const c of ["`story-orchestrator start 1.1`", "`story-orchestrator submit 1.1`"]) expect(out).toContain(c);
    expect(out).not.toContain("nobody yet");
  });
});
