// `story-orchestrator run`, end to end: the built CLI drives real Claude Code workers (the
// pinned CLI, this repository as the plugin) against the scripted model server, in a real git
// project. One run shows workers in parallel, a fix round that continues the developer's
// session, a failing verify sent back, a question answered, a stalled worker stopped and
// retried, and the runner killed with SIGKILL mid-run and run again to the end, with
// notifications to a loopback webhook and the safety rules denying a worker's `git push`. A second run shows a budget that stops new work.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execa, type ResultPromise } from "execa";
import { BIN, ensureBuilt } from "../helpers/built-cli.js";
import { CLAUDE_BIN, claudeEnv, git, makeHome, makeProject } from "./harness.js";
import { startModelServer, type ModelServer } from "./model-server.js";
import { headlessPolicy, type HeadlessMemo, type HeadlessScript } from "./headless-policies.js";

type Ev = { type: string; [k: string]: unknown };

interface Hook {
  url: string;
  bodies: { text: string; event: { type: string } }[];
  close(): Promise<void>;
}

async function webhook(): Promise<Hook> {
  const bodies: Hook["bodies"] = [];
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (d: Buffer) => (raw += d.toString("utf8")));
    req.on("end", () => {
      bodies.push(JSON.parse(raw) as Hook["bodies"][number]);
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, bodies, close: () => new Promise((r) => server.close(() => r())) };
}

function story(id: string, deps: string[] = []): string {
  return `# Story ${id}: Greeting part ${id}\n\n## Status\nDraft\n\n## Story\nAs a user I want greeting part ${id}.\n\n## Acceptance Criteria\n1. story-${id}.txt exists\n\n## Dependencies\n${deps.length ? deps.map((d) => `- Story ${d}`).join("\n") : "None"}\n`;
}

function project(config: string, stories: Record<string, string[]>): string {
  const files: Record<string, string> = { "README.md": "# demo\n", ".agent-orchestration/config.yaml": config };
  for (const [id, deps] of Object.entries(stories)) files[`docs/stories/${id}.greeting.md`] = story(id, deps);
  return makeProject(files);
}

/** The built CLI's `run --json` as a child process, its NDJSON events collected as they come. */
function startRun(root: string, serverUrl: string, home: string, args: string[] = []): { child: ResultPromise; events: Ev[]; waitFor: (p: (e: Ev) => boolean) => Promise<Ev> } {
  const env = { ...claudeEnv(serverUrl, home), STORY_ORCHESTRATOR_CLAUDE: CLAUDE_BIN };
  const child = execa(process.execPath, [BIN, "run", "--json", ...args], { cwd: root, env, reject: false, stdin: "ignore", buffer: { stdout: true, stderr: true } });
  const events: Ev[] = [];
  const waiters: { p: (e: Ev) => boolean; resolve: (e: Ev) => void }[] = [];
  let buf = "";
  child.stdout?.on("data", (d: Buffer) => {
    buf += d.toString("utf8");
    let nl: number;
    while ((nl = buf.indexOf("\n")) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (!line.trim()) continue;
      const e = JSON.parse(line) as Ev;
      events.push(e);
      for (const w of [...waiters]) if (w.p(e)) w.resolve(e);
    }
  });
  return {
    child,
    events,
    // Rejected when the runner ends first: a failing run fails the test instead of hanging it.
    waitFor: (p) =>
      new Promise((resolve, reject) => {
        const hit = events.find(p);
        if (hit) return resolve(hit);
        waiters.push({ p, resolve });
        void child.then((r) => reject(new Error(`the runner ended (exit ${r.exitCode}) before the event came:\n${String(r.stdout)}\n${String(r.stderr)}`)));
      }),
  };
}

interface LedgerWorker {
  event: string;
  storyId: string;
  role: string;
  n: number;
  at: string;
  end?: string;
}

function ledger(root: string): LedgerWorker[] {
  return readFileSync(join(root, ".agent-orchestration/runner/workers.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as LedgerWorker);
}

function storyState(root: string, id: string): { status: string; mergedSha: string | null; costUsd: number | null; tokens: number | null } {
  return JSON.parse(readFileSync(join(root, `.agent-orchestration/story-${id}.json`), "utf8")) as ReturnType<typeof storyState>;
}

describe("run: a headless run with real Claude Code workers", { timeout: 600_000 }, () => {
  let server: ModelServer;
  let hook: Hook;
  const memo: HeadlessMemo = { stalled: new Set(), continued: [], denials: [], reviews: new Map() };
  const script: HeadlessScript = { fixRound: ["1.2"], question: ["1.3"], stall: ["1.4"], stallMs: 40_000, badVerify: ["1.5"], push: ["1.6"] };

  beforeAll(async () => {
    await ensureBuilt();
    server = await startModelServer({ policy: headlessPolicy(script, memo), maxRequests: 300 });
    hook = await webhook();
  });
  afterAll(async () => {
    await server?.close();
    await hook?.close();
  });

  it("runs six stories to Done through a fix round, a question, a stall, a failing verify and a SIGKILL of the runner", async () => {
    const config = [
      "maxParallel: 3",
      "verifyCommand: test ! -e BAD",
      "reviewers: [code-reviewer]",
      // Long enough for a Claude Code start-up on a loaded 2-core machine; the stall is longer still.
      "workerSilenceMinutes: 0.25",
      "retryBackoffSeconds: 0",
      `notify:\n  webhook: ${hook.url}`,
      "",
    ].join("\n");
    const root = project(config, { "1.1": [], "1.2": [], "1.3": [], "1.4": ["1.1"], "1.5": ["1.2"], "1.6": ["1.4"] });
    const home = makeHome();

    // First runner: killed with SIGKILL once the question is asked (other workers are mid-run).
    const first = startRun(root, server.url, home);
    await first.waitFor((e) => e.type === "question");
    first.child.kill("SIGKILL");
    await first.child;
    expect(existsSync(join(root, ".agent-orchestration/questions/1.3.md"))).toBe(true);

    // Second runner: picks the run up; the question is answered with a file beside it.
    const second = startRun(root, server.url, home);
    await second.waitFor((e) => e.type === "run-started");
    writeFileSync(join(root, ".agent-orchestration/questions/1.3.answer.md"), "Yes, formal.\n");
    const res = await second.child;
    const all = [...first.events, ...second.events];
    expect(server.errors).toEqual([]);
    expect(res.exitCode, `${res.stderr}\n${all.map((e) => JSON.stringify(e)).join("\n")}`).toBe(0);

    // Every story merged, each merge on main.
    for (const id of ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6"]) {
      const st = storyState(root, id);
      expect(st.status, id).toBe("Done");
      expect(git(root, "merge-base", "--is-ancestor", st.mergedSha as string, "main"), id).toBe("");
      expect(st.costUsd ?? 0, `${id} cost recorded`).toBeGreaterThan(0);
    }

    // Parallel: two developer workers' recorded intervals overlap.
    const lines = ledger(root);
    const starts = lines.filter((l) => l.event === "worker-start");
    const ends = new Map(lines.filter((l) => l.event === "worker-end").map((l) => [`${l.storyId}|${l.role}|${l.n}`, l.at]));
    const iv = starts.map((s) => ({ id: s.storyId, from: Date.parse(s.at), to: Date.parse(ends.get(`${s.storyId}|${s.role}|${s.n}`) ?? s.at) }));
    const overlaps = iv.some((a, i) => iv.some((b, j) => i !== j && a.id !== b.id && a.from < b.to && b.from < a.to));
    expect(overlaps).toBe(true);

    // The fix round continued 1.2's developer session, as did the answer to 1.3's question.
    expect(memo.continued.some((c) => c.story === "1.2" && /Fix round/.test(c.why))).toBe(true);
    const of13 = all.filter((e) => e["storyId"] === "1.3").map((e) => JSON.stringify(e)).join("\n");
    expect(memo.continued.some((c) => c.story === "1.3" && /answered your question/.test(c.why)), of13).toBe(true);
    expect(all.some((e) => e.type === "answered" && e["storyId"] === "1.3")).toBe(true);

    // The failing verify sent 1.5 back to its developer; the stalled 1.4 worker was stopped and retried.
    expect(all.some((e) => e.type === "merge-refused" && e["storyId"] === "1.5" && /test ! -e BAD/.test(String(e["reason"])))).toBe(true);
    expect(lines.some((l) => l.event === "worker-end" && l.storyId === "1.4" && l.end === "silent")).toBe(true);

    // The safety rules denied 1.6's developer its `git push`, inside the worker, and counted it.
    expect(memo.denials.some((d) => d.story === "1.6" && /git push/.test(d.command) && /Safety rule gitPush/.test(d.text))).toBe(true);
    const journal = readFileSync(join(root, ".agent-orchestration/journal.jsonl"), "utf8");
    expect(journal).toMatch(/"event":"safety-denied","storyId":"1.6"/);

    // Notifications reached the loopback webhook.
    const kinds = hook.bodies.map((b) => b.event.type);
    expect(kinds).toContain("question");
    expect(kinds).toContain("run-finished");
    expect(hook.bodies.every((b) => typeof b.text === "string" && b.text.length > 0)).toBe(true);
  });

  it("stops starting stories once the budget would be passed, and says how to go on", async () => {
    const root = project(["maxParallel: 1", "reviewers: [code-reviewer]", `notify:\n  webhook: ${hook.url}`, ""].join("\n"), { "2.1": [], "2.2": [], "2.3": [], "2.4": [] });
    const home = makeHome();
    const before = hook.bodies.length;
    const run = startRun(root, server.url, home, ["--budget", "0.011"]);
    const res = await run.child;
    expect(res.exitCode).toBe(1);
    const out = JSON.parse(String(res.stdout).trim().split("\n").at(-1) as string) as { stoppedByBudget: boolean; done: number; total: number; spentUsd: number; next: string };
    expect(out.stoppedByBudget).toBe(true);
    expect(out.done).toBeGreaterThan(0);
    expect(out.done).toBeLessThan(out.total);
    expect(out.spentUsd).toBeLessThanOrEqual(0.011);
    expect(out.next).toMatch(/--budget/);
    expect(run.events.some((e) => e.type === "budget-stop")).toBe(true);
    expect(hook.bodies.slice(before).map((b) => b.event.type), run.events.map((e) => JSON.stringify(e)).join("\n")).toContain("budget-warning");
  });
});
