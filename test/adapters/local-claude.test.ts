// The local worker backend (adapters/workers/local-claude.ts) with a stand-in executable for
// `claude`: what it is launched with, and how its stream is read. The stand-in prints what a
// worker prints; the real Claude Code runs through this backend in test/e2e/headless.test.ts.
import { describe, expect, it } from "vitest";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkClaude, claudeArgs, localClaudeBackend } from "../../lib/adapters/workers/local-claude.js";
import type { WorkerSpec } from "../../lib/adapters/workers/worker-backend.js";
import { tempDir } from "../helpers/git-repo.js";

function standIn(body: string): string {
  const file = join(tempDir("so-standin-"), "claude");
  writeFileSync(file, `#!/usr/bin/env node\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

function spec(over: Partial<WorkerSpec> = {}): WorkerSpec {
  const dir = tempDir("so-wt-");
  return {
    storyId: "1.2",
    role: "developer",
    agent: "general-developer",
    cwd: dir,
    prompt: "Implement story 1.2; don't `rm -rf /` $(whoami)",
    jsonSchema: '{"type":"object"}',
    logFile: join(dir, "logs", "developer-1.jsonl"),
    env: { PATH: process.env["PATH"] ?? "", STORY_ORCHESTRATOR_STORY: "1.2" },
    wallTimeMs: 60_000,
    silenceMs: 60_000,
    ...over,
  };
}

describe("claudeArgs", () => {
  it("runs the plugin's agent headless with the report schema, and resumes and caps when asked", () => {
    const s = spec({ resumeSession: "sess-1", capUsd: 0.123456 });
    expect(claudeArgs(s, "/plugin")).toEqual([
      "-p", s.prompt, "--agent", "story-orchestrator:general-developer", "--plugin-dir", "/plugin", "--permission-mode", "bypassPermissions",
      "--output-format", "stream-json", "--verbose", "--json-schema", '{"type":"object"}', "--resume", "sess-1", "--max-budget-usd", "0.1235",
    ]);
    expect(claudeArgs(spec(), "/plugin")).not.toContain("--resume");
    expect(claudeArgs(spec(), "/plugin")).not.toContain("--max-budget-usd");
  });
});

describe("checkClaude", () => {
  it("accepts an executable that answers --version, and says why one that cannot run is refused", async () => {
    expect(await checkClaude(standIn('if (process.argv[2] === "--version") console.log("2.1.332 (Claude Code)"); else process.exit(9);'))).toEqual({ ok: true, value: "2.1.332 (Claude Code)" });
    const broken = await checkClaude(standIn('process.stderr.write("libfoo.so: cannot open shared object\\n"); process.exit(127);'));
    expect(broken.ok).toBe(false);
    expect(!broken.ok && broken.error[0]?.message).toMatch(/^the Claude Code executable ".*claude" failed `--version` \(exit 127: libfoo.so: cannot open shared object\), so no worker could start.*--claude PATH/);
    const notExecutable = join(tempDir("so-noexec-"), "claude");
    writeFileSync(notExecutable, "not a program\n");
    const refused = await checkClaude(notExecutable);
    expect(!refused.ok && refused.error[0]).toMatchObject({ code: "worker-unavailable", message: expect.stringContaining("is not executable") });
  });
});

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("localClaudeBackend", () => {
  it("kills a worker that hangs after its result line, and still ends it finished with that result", async () => {
    // A real process: it reports, then neither exits nor heeds SIGTERM (a hook or child holding it open).
    const bin = standIn(`
process.on("SIGTERM", () => process.stderr.write("ignoring SIGTERM\\n"));
process.stdout.write(JSON.stringify({ type: "system", subtype: "init", session_id: "sess-h" }) + "\\n");
process.stdout.write(JSON.stringify({ type: "result", subtype: "success", is_error: false, session_id: "sess-h", structured_output: { result: "DONE", summary: "ok" } }) + "\\n");
setInterval(() => {}, 1000);`);
    const s = spec({ exitGraceMs: 300 });
    const handle = localClaudeBackend({ claudeBin: bin, pluginDir: "/p", graceMs: 300 }).launch(s);
    const end = await handle.done;
    expect(end).toMatchObject({ kind: "finished", sessionId: "sess-h", detail: "did not exit within 0.3 s of its result line, and was killed" });
    expect(end.kind === "finished" && end.result.structured_output).toEqual({ result: "DONE", summary: "ok" });
    expect(alive(handle.pid as number)).toBe(false);
    const last = JSON.parse(readFileSync(s.logFile, "utf8").trim().split("\n").at(-1) as string) as { event: string; end: string; detail: string };
    expect(last).toMatchObject({ event: "end", end: "finished", detail: expect.stringContaining("was killed") });
  });

  it("launches in the worktree with the spec's environment, and the prompt reaches it as one argument", async () => {
    const out = join(tempDir("so-out-"), "seen.json");
    const bin = standIn(`require("node:fs").writeFileSync(${JSON.stringify(out)}, JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd(), story: process.env.STORY_ORCHESTRATOR_STORY }));
process.stdout.write(JSON.stringify({ type: "result", subtype: "success", is_error: false, session_id: "s", structured_output: { result: "DONE", summary: "ok" } }) + "\\n");`.replace("require(", "(await import(").replace('"node:fs")', '"node:fs"))'));
    const s = spec();
    const end = await localClaudeBackend({ claudeBin: bin, pluginDir: "/plugin" }).launch(s).done;
    expect(end.kind).toBe("finished");
    const seen = JSON.parse(readFileSync(out, "utf8")) as { argv: string[]; cwd: string; story: string };
    expect(seen.argv).toEqual(claudeArgs(s, "/plugin"));
    expect(seen.cwd).toBe(s.cwd);
    expect(seen.story).toBe("1.2");
  });

  it("reads a line whose multi-byte characters arrive split across two writes, and a last line with no newline", async () => {
    const bin = standIn(`
const init = JSON.stringify({ type: "system", subtype: "init", session_id: "sess-9" }) + "\\n";
const result = Buffer.from(JSON.stringify({ type: "result", subtype: "success", is_error: false, session_id: "sess-9", structured_output: { result: "QUESTION", summary: "s", question: "状态: 正式的问候?" } }), "utf8");
const cut = result.indexOf(Buffer.from("状", "utf8")) + 1; // inside the character's three bytes
process.stdout.write(init);
process.stdout.write(result.subarray(0, cut), () => setTimeout(() => process.stdout.write(result.subarray(cut)), 200));`);
    const s = spec();
    const handle = localClaudeBackend({ claudeBin: bin, pluginDir: "/plugin" }).launch(s);
    const sessions: string[] = [];
    handle.onSession((id) => sessions.push(id));
    const end = await handle.done;
    expect(end.kind).toBe("finished");
    expect(end.kind === "finished" && end.result.structured_output).toEqual({ result: "QUESTION", summary: "s", question: "状态: 正式的问候?" });
    expect(sessions).toEqual(["sess-9"]);
    expect(handle.sessionId()).toBe("sess-9");
    const log = readFileSync(s.logFile, "utf8");
    expect(log).toContain("状态: 正式的问候?");
    expect(log).not.toContain("\uFFFD");
  });

  it("stops a silent worker and says why; a worker that ends with no result line crashed", async () => {
    const silent = localClaudeBackend({ claudeBin: standIn("setInterval(() => {}, 1000);"), pluginDir: "/p", graceMs: 1000 }).launch(spec({ silenceMs: 300 }));
    expect(await silent.done).toMatchObject({ kind: "silent", detail: "printed nothing for 0 s" });
    const crashed = await localClaudeBackend({ claudeBin: standIn('process.stderr.write("boom: no API key\\n"); process.exit(3);'), pluginDir: "/p" }).launch(spec()).done;
    expect(crashed).toEqual({ kind: "crashed", detail: "exited with 3 and no result: boom: no API key" });
  });
});
