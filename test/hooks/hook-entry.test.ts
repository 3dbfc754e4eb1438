// The hook entry points as Claude Code runs them: dist/hook.mjs (what hooks.json calls) and the
// CLI's `hook EVENT` verb give the same answers, on real state files in a temp project.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { execa } from "execa";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, HOOK_BUNDLE, ROOT, ensureBuilt } from "../helpers/built-cli.js";
import { PRE_TOOL_USE_MATCHER } from "../../lib/core/hooks/pre-tool-use.js";

let project: string;

beforeAll(async () => {
  await ensureBuilt();
  project = mkdtempSync(join(tmpdir(), "so-hook-"));
  const dir = join(project, ".agent-orchestration");
  mkdirSync(dir);
  writeFileSync(join(dir, "orchestration-state.json"), JSON.stringify({ version: 1, stories: ["1.1", "1.2"], scope: null }));
  writeFileSync(join(dir, "story-1.1.json"), JSON.stringify({ version: 1, storyId: "1.1", status: "Ready for Review", agent: "general-developer", worktree: ".worktrees/w1", branch: "story/1.1", baseSha: "a".repeat(40), headSha: "b".repeat(40), dependencies: [], reviews: [] }));
}, 120_000);

function viaBundle(event: string, payload: object | string): string {
  return execFileSync(process.execPath, [HOOK_BUNDLE, event], { input: typeof payload === "string" ? payload : JSON.stringify(payload), env: { ...process.env, CLAUDE_PROJECT_DIR: project }, encoding: "utf8" }).trim();
}

function viaCli(event: string, payload: object): string {
  return execFileSync(process.execPath, [BIN, "hook", event, "--cwd", project], { input: JSON.stringify(payload), encoding: "utf8" }).trim();
}

describe("hook entry points", () => {
  it("hooks.json sends PreToolUse exactly the tools the gates judge", () => {
    const hooks = JSON.parse(readFileSync(join(ROOT, "hooks/hooks.json"), "utf8")) as { hooks: { PreToolUse: { matcher: string }[] } };
    expect(hooks.hooks.PreToolUse.map((h) => h.matcher)).toEqual([PRE_TOOL_USE_MATCHER]);
  });

  it("deny a developer launch for a story the engine has not started, the same way", () => {
    const payload = { session_id: "s", cwd: project, tool_name: "Agent", tool_use_id: "t1", tool_input: { description: "x", subagent_type: "story-orchestrator:general-developer", prompt: `Story: 1.2\nWorktree: ${project}/.worktrees/w2` } };
    const a = viaBundle("PreToolUse", payload);
    expect(JSON.parse(a)).toEqual({
      hookSpecificOutput: {
        hookEventName: "PreToolUse",
        permissionDecision: "deny",
        permissionDecisionReason: "Story 1.2 has not been started by the engine. Ask `story-orchestrator next --json` what may start, then `story-orchestrator start 1.2 --json`.",
      },
    });
    expect(viaCli("PreToolUse", payload)).toBe(a);
  });

  it("say nothing for an ordinary tool call, and record an allowed reviewer launch in the hook journal", () => {
    expect(viaBundle("PreToolUse", { session_id: "s", cwd: project, tool_name: "Bash", tool_input: { command: "npm test" } })).toBe("");
    const review = { session_id: "s", cwd: project, tool_name: "Agent", tool_use_id: "t9", tool_input: { description: "r", subagent_type: "story-orchestrator:code-reviewer", prompt: `Review: 1.1\nWorktree: ${project}/.worktrees/w1\nBase: ${"a".repeat(40)}\nHead: ${"b".repeat(40)}` } };
    expect(viaBundle("PreToolUse", review)).toBe("");
    const journal = readFileSync(join(project, ".agent-orchestration/hooks.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(journal.at(-1)).toMatchObject({ t: "launch", story: "1.1", role: "reviewer", agentType: "code-reviewer", head: "b".repeat(40), toolUseId: "t9", session: "s" });
  });

  it("read the configured reviewers (YAML) only for a reviewer launch, and refuse others", () => {
    writeFileSync(join(project, ".agent-orchestration/config.yaml"), "reviewers:\n  - code-reviewer\n  - security-reviewer\n");
    const review = (type: string) => ({ session_id: "s", cwd: project, tool_name: "Agent", tool_use_id: "t10", tool_input: { description: "r", subagent_type: `story-orchestrator:${type}`, prompt: `Review: 1.1\nWorktree: ${project}/.worktrees/w1\nBase: ${"a".repeat(40)}\nHead: ${"b".repeat(40)}` } });
    expect(viaBundle("PreToolUse", review("security-reviewer"))).toBe("");
    const denied = JSON.parse(viaBundle("PreToolUse", review("style-reviewer"))) as { hookSpecificOutput: { permissionDecisionReason: string } };
    expect(denied.hookSpecificOutput.permissionDecisionReason).toBe(
      "style-reviewer is not one of this project's reviewers (config `reviewers`): launch story-orchestrator:code-reviewer, story-orchestrator:security-reviewer for story 1.1.",
    );
    expect(viaCli("PreToolUse", review("style-reviewer"))).toBe(JSON.stringify(denied));
  });

  it("tell a new session that a run is in progress", () => {
    const out = JSON.parse(viaBundle("SessionStart", { session_id: "s2", cwd: project, source: "startup" })) as { hookSpecificOutput: { additionalContext: string } };
    expect(out.hookSpecificOutput.additionalContext).toContain("a run is in progress in this project (1 Not Started, 1 Ready for Review; open: 1.1, 1.2)");
  });

  it("a developer's first write waits for Claude Code to put its launch prompt in the transcript", async () => {
    // The subagent's transcript does not exist yet when the hook starts; it appears a moment
    // later, as it can on a loaded machine. The write inside the story's worktree is allowed,
    // and one outside it is still denied, both once the prompt is known.
    const sessionDir = join(project, "transcripts");
    mkdirSync(join(sessionDir, "s3", "subagents"), { recursive: true });
    const base = { session_id: "s3", cwd: project, transcript_path: join(sessionDir, "s3.jsonl"), agent_id: "a7", agent_type: "story-orchestrator:general-developer", tool_name: "Write" };
    const hook = (file: string) => execa(process.execPath, [HOOK_BUNDLE, "PreToolUse"], { input: JSON.stringify({ ...base, tool_input: { file_path: file, content: "x" } }), env: { CLAUDE_PROJECT_DIR: project } });
    const inside = hook(join(project, ".worktrees/w1/src/a.ts"));
    const outside = hook(join(project, "src/a.ts"));
    await sleep(400);
    const line = JSON.stringify({ type: "user", message: { role: "user", content: `Story: 1.1\nWorktree: ${project}/.worktrees/w1\nBranch: story/1.1` } });
    writeFileSync(join(sessionDir, "s3", "subagents", "agent-a7.jsonl"), `${line}\n`);
    expect((await inside).stdout).toBe("");
    const denied = JSON.parse((await outside).stdout) as { hookSpecificOutput: { permissionDecisionReason: string } };
    expect(denied.hookSpecificOutput.permissionDecisionReason).toBe(`You work on story 1.1 only inside its worktree ${project}/.worktrees/w1: Write of ${project}/src/a.ts is not allowed. Use absolute paths under the worktree.`);
  });

  it("fail open on a payload that is not JSON", () => {
    expect(viaBundle("PreToolUse", "{not json")).toBe("");
  });
});
