// Many processes change the state at once (hooks fire in parallel): no update may be lost.
import { beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { CLI, cli, template, work } from "./repo.js";
import { ensureBuilt } from "../helpers/built-cli.js";
import { acquireLock } from "../../lib/adapters/state-store/lock.js";

beforeAll(ensureBuilt, 120_000);

// Eight processes, the two reviewer agents the plugin ships taking turns (config names only those).
const reviewers = Array.from({ length: 8 }, (_, i) => (i % 2 ? "security-reviewer" : "code-reviewer"));
const fresh = template([{ id: "1.1" }], "reviewers: [code-reviewer, security-reviewer]\n");

const run = (root: string, args: string[]) =>
  new Promise<number | null>((res) => {
    const p = spawn(process.execPath, [CLI, ...args, "--json", "--cwd", root], { stdio: "ignore" });
    p.on("exit", (code) => res(code));
  });

describe("state store under concurrency", () => {
  it("eight processes recording reviews at once lose no update", async () => {
    const root = fresh();
    const s = cli(root, ["start", "1.1"]);
    work(root, s.json.worktree, "a.txt", "a\n");
    expect(cli(root, ["submit", "1.1"]).code).toBe(0);
    const codes = await Promise.all(reviewers.map((r) => run(root, ["review", "1.1", "--verdict", "approved", "--reviewer", r])));
    expect(codes).toEqual(reviewers.map(() => 0));
    const st = JSON.parse(readFileSync(join(root, ".agent-orchestration/story-1.1.json"), "utf8"));
    expect(st.reviews.map((r: { reviewer: string }) => r.reviewer).sort()).toEqual([...reviewers].sort());
    expect(st.status).toBe("Approved");
    const journal = readFileSync(join(root, ".agent-orchestration/journal.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(journal.filter((e) => e.event === "review")).toHaveLength(8);
  });

  it("a lock held by a live process times out with lock-timeout; one held by a dead pid is broken", async () => {
    const dir = mkdtempSync(join(tmpdir(), "so-lock-"));
    const path = join(dir, ".lock");
    writeFileSync(path, JSON.stringify({ pid: process.pid, hostname: hostname(), time: "2026-01-01T00:00:00Z", token: "live" }));
    const r = await acquireLock(path, { timeoutMs: 150, displayPath: ".agent-orchestration/.lock" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error[0]!.code).toBe("lock-timeout");
      expect(r.error[0]!.file).toBe(".agent-orchestration/.lock");
    }
    const dead = spawn(process.execPath, ["-e", ""]);
    const deadPid = await new Promise<number>((res) => dead.on("exit", () => res(dead.pid!)));
    writeFileSync(path, JSON.stringify({ pid: deadPid, hostname: hostname(), time: "2026-01-01T00:00:00Z", token: "dead" }));
    const r2 = await acquireLock(path, { timeoutMs: 150 });
    expect(r2.ok).toBe(true);
    if (r2.ok) await r2.value();
  });
});
