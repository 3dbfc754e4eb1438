// The runner's ledger (.agent-orchestration/runner/workers.jsonl): folded into sessions, failed
// attempts, spend and worker intervals; read back after a crash tore its last line.
import { describe, expect, it } from "vitest";
import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { attemptKey, foldLedger, storyUsage, type LedgerLine } from "../../../lib/core/run/ledger.js";
import { appendLedger, ledgerPath, readLedger } from "../../../lib/adapters/workers/ledger-file.js";
import { tempDir } from "../../helpers/git-repo.js";

const start = (at: string, storyId: string, role: string, n: number, extra: { pid?: number; resume?: string } = {}): LedgerLine => ({ at, event: "worker-start", storyId, role, n, ...extra });
const session = (at: string, storyId: string, role: string, n: number, sessionId: string): LedgerLine => ({ at, event: "worker-session", storyId, role, n, sessionId });
const end = (at: string, storyId: string, role: string, n: number, costUsd: number, outcome: string, failedAttempt: boolean, how = "finished"): LedgerLine => ({
  at,
  event: "worker-end",
  storyId,
  role,
  n,
  end: how,
  costUsd,
  tokens: Math.round(costUsd * 100_000),
  outcome,
  failedAttempt,
});
const T = (s: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, s)).toISOString();

describe("foldLedger", () => {
  const lines: LedgerLine[] = [
    { at: T(0), event: "run-start", note: "1.1-1.2" },
    start(T(1), "1.1", "developer", 1, { pid: 101 }),
    session(T(2), "1.1", "developer", 1, "sess-a"),
    start(T(3), "1.2", "developer", 1, { pid: 102 }),
    session(T(4), "1.2", "developer", 1, "sess-b"),
    end(T(10), "1.1", "developer", 1, 0.5, "DONE", false),
    start(T(11), "1.1", "code-reviewer", 1),
    session(T(12), "1.1", "code-reviewer", 1, "sess-r"),
    end(T(13), "1.2", "developer", 1, 0.25, "silent: printed nothing for 600 s", true, "silent"),
    start(T(14), "1.2", "developer", 2, { resume: "sess-b" }),
    end(T(15), "1.2", "developer", 2, 0.125, "crashed: exited with 1 and no result", true, "crashed"),
    end(T(20), "1.1", "code-reviewer", 1, 0.0625, "approved", false),
    { at: T(21), event: "budget-warning" },
  ];

  it("keeps each role's latest session, the spend and every worker's interval", () => {
    const v = foldLedger(lines);
    expect(v.sessions.get("1.1")?.get("developer")).toBe("sess-a");
    expect(v.sessions.get("1.1")?.get("code-reviewer")).toBe("sess-r");
    expect(v.sessions.get("1.2")?.get("developer")).toBe("sess-b");
    expect(v.spentUsd).toBe(0.9375);
    expect(v.budgetWarned).toBe(true);
    expect(v.workers).toHaveLength(4);
    expect(v.workers.find((w) => w.storyId === "1.1" && w.role === "developer")).toEqual({
      storyId: "1.1",
      role: "developer",
      n: 1,
      startedAt: T(1),
      endedAt: T(10),
      pid: 101,
      sessionId: "sess-a",
      costUsd: 0.5,
      tokens: 50_000,
      end: "finished",
      outcome: "DONE",
    });
    expect(storyUsage(v, "1.2")).toEqual({ costUsd: 0.375, tokens: 37_500, workers: 2 });
    expect(storyUsage(v, "9.9")).toEqual({ costUsd: 0, tokens: 0, workers: 0 });
  });

  it("counts failed attempts per story and role, and a usable report resets them", () => {
    const v = foldLedger(lines);
    expect(v.failedAttempts.get(attemptKey("1.2", "developer"))).toBe(2);
    expect(v.failedAttempts.get(attemptKey("1.1", "developer"))).toBe(0);
    expect(v.failedAttempts.has(attemptKey("1.2", "code-reviewer"))).toBe(false);
    const later = foldLedger([...lines, start(T(30), "1.2", "developer", 3), end(T(40), "1.2", "developer", 3, 0.1, "DONE", false)]);
    expect(later.failedAttempts.get(attemptKey("1.2", "developer"))).toBe(0);
    // A reviewer's failures are its own count.
    const rev = foldLedger([...lines, start(T(30), "1.1", "code-reviewer", 2), end(T(31), "1.1", "code-reviewer", 2, 0, "the worker gave no structured report", true)]);
    expect(rev.failedAttempts.get(attemptKey("1.1", "code-reviewer"))).toBe(1);
    expect(rev.failedAttempts.get(attemptKey("1.1", "developer"))).toBe(0);
  });

  it("leaves a worker whose end was never written open (the runner was killed)", () => {
    const v = foldLedger(lines.slice(0, 5));
    expect(v.workers.map((w) => [w.storyId, w.endedAt])).toEqual([
      ["1.1", null],
      ["1.2", null],
    ]);
    expect(v.spentUsd).toBe(0);
    expect(v.budgetWarned).toBe(false);
  });

  it("ignores a session or end line of a worker it never saw start, except for the attempt count", () => {
    const v = foldLedger([session(T(1), "2.1", "developer", 1, "s"), end(T(2), "2.1", "developer", 1, 1, "crashed", true)]);
    expect(v.workers).toEqual([]);
    expect(v.spentUsd).toBe(0);
    expect(v.sessions.get("2.1")?.get("developer")).toBe("s");
    expect(v.failedAttempts.get(attemptKey("2.1", "developer"))).toBe(1);
  });
});

describe("readLedger / appendLedger", () => {
  it("reads back what was appended, and skips a line torn by a crash", async () => {
    const root = tempDir("so-ledger-");
    expect(await readLedger(root)).toEqual([]);
    await appendLedger(root, start(T(1), "1.1", "developer", 1, { pid: 7 }));
    await appendLedger(root, session(T(2), "1.1", "developer", 1, "sess-a"));
    // The runner was killed mid-append: half a line, then a later run appended more.
    appendFileSync(ledgerPath(root), '{"at":"2026-01-01T12:00:03.000Z","event":"worker-e');
    appendFileSync(ledgerPath(root), "\n");
    await appendLedger(root, end(T(4), "1.1", "developer", 1, 0.5, "DONE", false));
    appendFileSync(ledgerPath(root), "[1,2]\nnull\n\n");
    const back = await readLedger(root);
    expect(back.map((l) => l.event)).toEqual(["worker-start", "worker-session", "worker-end"]);
    expect(foldLedger(back).spentUsd).toBe(0.5);
  });

  it("fails loudly when the ledger cannot be read for another reason than being absent", async () => {
    const root = tempDir("so-ledger-");
    mkdirSync(ledgerPath(root), { recursive: true });
    writeFileSync(`${dirname(ledgerPath(root))}/keep`, "");
    await expect(readLedger(root)).rejects.toThrow(/EISDIR/);
  });
});
