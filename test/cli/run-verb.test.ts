// `run` as a person runs it, through the built CLI: Ctrl-C stops the run gracefully (workers
// stopped and their ends recorded, the summary and how to continue printed, the runner lock
// released), and a broken config is refused before a background run detaches. The worker here
// is a stand-in executable for `claude` (`--claude PATH`) that prints an init line and then
// works until it is stopped: what is under test is the runner's signal handling, not Claude
// Code (test/e2e/headless.test.ts runs the real CLI).
import { beforeAll, describe, expect, it } from "vitest";
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execa } from "execa";
import { BIN, ensureBuilt } from "../helpers/built-cli.js";
import { commitAll, tempDir } from "../helpers/git-repo.js";

beforeAll(ensureBuilt, 120_000);

const STAND_IN = `#!/usr/bin/env node
if (process.argv[2] === "--version") {
  console.log("0.0.0 (stand-in)");
  process.exit(0);
}
process.stdout.write(JSON.stringify({ type: "system", subtype: "init", session_id: "stand-in-" + process.pid }) + "\\n");
setInterval(() => process.stdout.write(JSON.stringify({ type: "assistant", message: { content: [] } }) + "\\n"), 200);
process.on("SIGTERM", () => process.exit(143));
`;

function project(config = "maxParallel: 2\n"): { root: string; claude: string } {
  const root = commitAll(
    tempDir("so-runverb-", {
      "README.md": "# demo\n",
      ".agent-orchestration/config.yaml": config,
      "docs/stories/1.1.first.md": "# Story 1.1: First\n\n**Status:** Draft\n\n**Dependencies:** None\n",
      "docs/stories/1.2.second.md": "# Story 1.2: Second\n\n**Status:** Draft\n\n**Dependencies:** None\n",
    }),
  );
  const claude = join(tempDir("so-standin-"), "claude");
  writeFileSync(claude, STAND_IN);
  chmodSync(claude, 0o755);
  return { root, claude };
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Every file under `dir` with its content and modification time: what "untouched" means. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const path = join(e.parentPath, e.name);
    out[path] = e.isFile() ? `${statSync(path).mtimeMs} ${readFileSync(path, "utf8")}` : "dir";
  }
  return out;
}

describe("run (built CLI)", () => {
  it("refuses to start with a claude that cannot run, naming the path and the fix, and leaves the state alone", async () => {
    const { root } = project();
    const state = join(root, ".agent-orchestration");
    const before = snapshot(state);
    for (const args of [[], ["--background"]]) {
      const r = await execa(process.execPath, [BIN, "run", ...args, "--claude", "/nonexistent/claude", "--cwd", root], { reject: false, stdin: "ignore" });
      expect(r.exitCode, String(r.stderr)).toBe(1);
      expect(r.stdout).toMatch(/^error: the Claude Code executable "\/nonexistent\/claude" was not found/);
      expect(r.stdout).toContain("--claude PATH");
      expect(snapshot(state)).toEqual(before);
    }
  });


  it("stops gracefully on Ctrl-C: workers stopped and recorded, the way to continue printed, the lock released", async () => {
    const { root, claude } = project();
    const child = execa(process.execPath, [BIN, "run", "--json", "--claude", claude, "--cwd", root], { reject: false, stdin: "ignore" });
    const events: { type: string; [k: string]: unknown }[] = [];
    let buf = "";
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on("data", (d: Buffer) => {
        buf += d.toString("utf8");
        let nl: number;
        while ((nl = buf.indexOf("\n")) >= 0) {
          const e = JSON.parse(buf.slice(0, nl)) as { type: string };
          buf = buf.slice(nl + 1);
          events.push(e);
          if (events.filter((x) => x.type === "worker-started").length === 2) resolve();
        }
      });
      void child.then((r) => reject(new Error(`the runner ended first (exit ${r.exitCode}): ${String(r.stdout)}\n${String(r.stderr)}`)));
    });
    child.kill("SIGINT");
    const res = await child;
    expect(res.signal, String(res.stderr)).toBeUndefined();
    expect(res.exitCode).toBe(1);
    // NDJSON events, then the verb's own result object.
    expect(events.at(-1)).toMatchObject({ interrupted: true, finished: false });
    expect(events.at(-1)?.["next"]).toMatch(/Continue with `story-orchestrator run`/);
    expect(events.find((e) => e.type === "stopping")).toMatchObject({ workers: 2, merging: false });
    const ledger = readFileSync(join(root, ".agent-orchestration/runner/workers.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { event: string; storyId?: string; end?: string; note?: string; pid?: number });
    const pids = ledger.filter((l) => l.event === "worker-start").map((l) => l.pid as number);
    expect(pids).toHaveLength(2);
    expect(ledger.filter((l) => l.event === "worker-end").map((l) => [l.storyId, l.end]).sort()).toEqual([
      ["1.1", "stopped"],
      ["1.2", "stopped"],
    ]);
    expect(ledger.at(-1)).toMatchObject({ event: "run-end", note: "interrupted" });
    for (const pid of pids) expect(alive(pid), `worker ${pid}`).toBe(false);
    expect(existsSync(join(root, ".agent-orchestration/.run.lock"))).toBe(false);
    for (const id of ["1.1", "1.2"]) expect((JSON.parse(readFileSync(join(root, `.agent-orchestration/story-${id}.json`), "utf8")) as { status: string }).status).toBe("In Progress");
  });

  it("refuses a broken config before a background run detaches", async () => {
    const { root, claude } = project("maxParallel: 0\n");
    const r = await execa(process.execPath, [BIN, "run", "--background", "--claude", claude, "--cwd", root], { reject: false });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/^error: .*maxParallel/);
    expect(existsSync(join(root, ".agent-orchestration/runner/run.log"))).toBe(false);
  });
});
