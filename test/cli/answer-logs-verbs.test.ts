// `answer` and `logs` through the BUILT command-line tool, on real temp git projects: the
// question files the runner writes (through lib/engine/questions.ts) and the worker logs it
// writes (at run-paths.ts's paths), read back as a user sees them.
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, ensureBuilt } from "../helpers/built-cli.js";
import { commitAll } from "../helpers/git-repo.js";
import { cli, noStackTrace, projectsOfTestFile, story } from "./run-built-cli.js";
import { writeQuestion } from "../../lib/engine/questions.js";
import { runLockPath, workerLogPath } from "../../lib/adapters/state-store/run-paths.js";

beforeAll(ensureBuilt);
const { project, removeAll } = projectsOfTestFile();
afterAll(removeAll);

const AT = "2030-01-02T03:04:05.000Z";
const j = (v: unknown): string => JSON.stringify(v);

function repo(): string {
  return commitAll(project({ "docs/stories/1.2.api.md": story("1.2", "API"), "docs/stories/1.3.ui.md": story("1.3", "UI") }));
}

function writeLog(root: string, role: string, n: number, lines: string[]): string {
  const path = workerLogPath(root, "1.2", role, n);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, lines.map((l) => l + "\n").join(""));
  return path;
}

const INIT = j({ type: "system", subtype: "init", session_id: "s-1", model: "m", cwd: "/w" });
const SAY = (text: string) => j({ type: "assistant", message: { content: [{ type: "text", text }] } });
const BASH = (command: string) => j({ type: "assistant", message: { content: [{ type: "tool_use", id: "b", name: "Bash", input: { command } }] } });
const RESULT = j({ type: "result", subtype: "success", total_cost_usd: 0.5, duration_ms: 2000, num_turns: 3, usage: { input_tokens: 100, output_tokens: 20 }, structured_output: { result: "DONE" } });

describe("answer", () => {
  it("refuses a story without an open question, and a text that is not an id", async () => {
    const root = repo();
    const r = await cli(["answer", "1.2", "use postgres"], root);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain("no-open-question  story 1.2 has no open question (no story is waiting for an answer)");
    const hostile = await cli(["answer", "../x", "hi"], root);
    expect(hostile.exitCode).toBe(1);
    expect(hostile.stdout).toContain('"../x" is not a story id');
    expect(existsSync(join(root, ".agent-orchestration"))).toBe(false);
    const none = await cli(["answer", "1.2"], root);
    expect(none.exitCode).toBe(2);
    expect(none.stderr + none.stdout).toContain("answer: needs a story id and the answer text");
    noStackTrace(r);
  });

  it("records the answer beside the question and says what happens next", async () => {
    const root = repo();
    await writeQuestion(root, "1.3", "Dark mode too?", AT);
    await writeQuestion(root, "1.2", "Postgres or SQLite?", AT);
    const other = await cli(["answer", "2.1", "x"], root);
    expect(other.stdout).toContain("story 2.1 has no open question (stories waiting for an answer: 1.2, 1.3)");

    const r = await cli(["answer", "1.2", "Postgres,", "version 16"], root);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      "1.2: answer recorded in .agent-orchestration/questions/1.2.answer.md\n" +
        "Next: no runner is running: run `story-orchestrator run` to continue; it resumes the developer's session with your answer",
    );
    expect(readFileSync(join(root, ".agent-orchestration/questions/1.2.answer.md"), "utf8")).toMatch(/^---\nanswered: ".+"\n---\n\nPostgres, version 16\n$/);

    // With a runner holding the run lock (this test process stands in for it).
    writeFileSync(runLockPath(root), j({ pid: process.pid, hostname: (await import("node:os")).hostname(), time: AT, token: "t" }));
    const again = await cli(["answer", "1.2", "--json", "SQLite after all"], root);
    expect(again.exitCode).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({
      id: "1.2",
      answerFile: ".agent-orchestration/questions/1.2.answer.md",
      replaced: true,
      runner: process.pid,
      next: `nothing: the runner (pid ${process.pid}) resumes the developer's session with your answer`,
    });
  });
});

describe("logs", () => {
  it("shows each worker readably, newest last, and a malformed line as such", async () => {
    const root = repo();
    writeLog(root, "developer", 1, [INIT, SAY("Reading the story."), BASH("npm test"), "{not json", RESULT]);
    // Later than the developer's file: listed after it.
    await new Promise((r) => setTimeout(r, 20));
    writeLog(root, "code-reviewer", 1, [INIT, j({ type: "runner", event: "killed", reason: "stalled" })]);
    const r = await cli(["logs", "1.2"], root);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      [
        "── developer-1 ──  .agent-orchestration/logs/1.2/developer-1.jsonl",
        "▶ session s-1 started (model m, in /w)",
        "Reading the story.",
        "→ Bash: npm test",
        "! line 4: not JSON: {not json",
        "■ result: success · $0.5000 · 120 tokens (100 in, 20 out) · 2.0 s · 3 turns",
        '  output: {"result":"DONE"}',
        "",
        "── code-reviewer-1 ──  .agent-orchestration/logs/1.2/code-reviewer-1.jsonl",
        "▶ session s-1 started (model m, in /w)",
        "· runner: event=killed reason=stalled",
      ].join("\n"),
    );
    // A fix round's developer (started after the review) comes after the reviewer, not beside developer-1.
    await new Promise((r) => setTimeout(r, 20));
    writeLog(root, "developer", 2, [SAY("Fixing.")]);
    const headings = (await cli(["logs", "1.2"], root)).stdout.split("\n").filter((l) => l.startsWith("──"));
    expect(headings.map((h) => h.split("  ")[0])).toEqual(["── developer-1 ──", "── code-reviewer-1 ──", "── developer-2 ──"]);
    const role = await cli(["logs", "1.2", "--role", "code-reviewer"], root);
    expect(role.stdout).not.toContain("developer-1");
    expect(role.stdout).toContain("code-reviewer-1");
    expect((await cli(["logs", "1.2", "--role", "security-reviewer"], root)).stdout).toBe("1.2: no logs of role security-reviewer (roles with logs: developer, code-reviewer)");

    const json = await cli(["logs", "1.2", "--json"], root);
    const parsed = JSON.parse(json.stdout) as { id: string; workers: { role: string; n: number; file: string; messages: unknown[]; malformed: unknown[] }[] };
    expect(parsed.workers.map((w) => [w.role, w.n, w.file, w.messages.length])).toEqual([
      ["developer", 1, ".agent-orchestration/logs/1.2/developer-1.jsonl", 4],
      ["code-reviewer", 1, ".agent-orchestration/logs/1.2/code-reviewer-1.jsonl", 2],
      ["developer", 2, ".agent-orchestration/logs/1.2/developer-2.jsonl", 1],
    ]);
    expect(parsed.workers[0]?.malformed).toEqual([{ line: 4, text: "{not json" }]);
  });

  it("an unknown story is exit 1; a known one without logs says so", async () => {
    const root = repo();
    const unknown = await cli(["logs", "9.9"], root);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stdout).toContain("unknown-story  no story 9.9");
    expect((await cli(["logs", "../../etc"], root)).exitCode).toBe(1);
    const none = await cli(["logs", "1.3"], root);
    expect(none).toMatchObject({ exitCode: 0, stdout: "1.3: no worker logs yet (a headless run writes them, one file per worker)" });
  });

  it("--follow prints appended lines and new workers' files until it is stopped", async () => {
    const root = repo();
    const dev = writeLog(root, "developer", 1, [INIT]);
    const sub = execa(process.execPath, [BIN, "logs", "1.2", "--follow"], { cwd: root, reject: false, env: { NO_COLOR: "" } });
    let out = "";
    sub.stdout?.on("data", (c: Buffer) => (out += c.toString("utf8")));
    const until = async (text: string): Promise<void> => {
      while (!out.includes(text)) {
        if (sub.exitCode !== null) throw new Error(`logs --follow ended early:\n${out}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await until("▶ session s-1 started");
    // A line written in two pieces is shown once it is whole.
    appendFileSync(dev, BASH("npm run lint").slice(0, 20));
    appendFileSync(dev, BASH("npm run lint").slice(20) + "\n" + "garbage\n");
    await until("! line 3: not JSON: garbage");
    writeLog(root, "code-reviewer", 1, [SAY("Reviewing.")]);
    await until("Reviewing.");
    sub.kill("SIGINT");
    const done = await sub;
    expect(done.exitCode).toBe(0);
    expect(out).toBe(
      [
        "── developer-1 ──  .agent-orchestration/logs/1.2/developer-1.jsonl",
        "▶ session s-1 started (model m, in /w)",
        "→ Bash: npm run lint",
        "! line 3: not JSON: garbage",
        "",
        "── code-reviewer-1 ──  .agent-orchestration/logs/1.2/code-reviewer-1.jsonl",
        "Reviewing.",
        "",
      ].join("\n"),
    );
    expect(done.stderr).toBe("");
  });
});
