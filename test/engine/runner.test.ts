// The runner loop (engine/run/runner.ts) driving the real engine on real temporary git
// repositories, with a WorkerBackend DOUBLE: an in-process implementation of the interface that
// commits real work in the story's worktree and ends with the result line a worker would print.
// It stands in for Claude Code only here, where the loop's own decisions are under test (budget
// refusals, what a worker's end costs); the real CLI is proven end to end in test/e2e/headless.test.ts.
import { describe, expect, it } from "vitest";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { runStories, type RunnerPorts, type RunOptions } from "../../lib/engine/run/runner.js";
import type { RunnerEvent } from "../../lib/engine/run/runner-events.js";
import type { WorkerBackend, WorkerEnd, WorkerHandle, WorkerSpec } from "../../lib/adapters/workers/worker-backend.js";
import type { ResultMessage } from "../../lib/core/run/worker-protocol.js";
import type { RunEvent } from "../../lib/core/run/run-events.js";
import { closeQuestion, hasOpenQuestion, readAnswer, recordAnswer, watchQuestions, writeQuestion } from "../../lib/engine/questions.js";
import { readLedger } from "../../lib/adapters/workers/ledger-file.js";
import { foldLedger } from "../../lib/core/run/ledger.js";
import { git, template } from "./repo.js";

/** What a scripted worker does: commit (or not), then report; or work until it is stopped. */
interface Act {
  hang?: boolean;
  /** How long the worker works before it ends (a real one takes minutes; the loop must not poll meanwhile). */
  delayMs?: number;
  commit?: boolean;
  report?: Record<string, unknown>;
  costUsd: number;
}

/** The backend double: each launch runs `script` and ends like a worker that printed its result line. */
function backendDouble(script: (spec: WorkerSpec, nth: number) => Act): WorkerBackend & { specs: WorkerSpec[] } {
  const specs: WorkerSpec[] = [];
  return {
    specs,
    launch(spec: WorkerSpec): WorkerHandle {
      specs.push(spec);
      const nth = specs.filter((s) => s.storyId === spec.storyId && s.role === spec.role).length;
      const sessionId = spec.resumeSession ?? `session-${spec.storyId}-${spec.role}-${nth}`;
      const sessionCbs: ((s: string) => void)[] = [];
      let stop = () => undefined as void;
      const done = new Promise<WorkerEnd>((resolve) => {
        stop = () => resolve({ kind: "stopped", sessionId, detail: "the run was interrupted" });
        setImmediate(() => {
          for (const cb of sessionCbs) cb(sessionId);
          const act = script(spec, nth);
          if (act.hang) return;
          setTimeout(() => finish(act), act.delayMs ?? 0);
        });
        const finish = (act: Act) => {
          if (act.commit) {
            writeFileSync(join(spec.cwd, `story-${spec.storyId}.txt`), `round ${nth}\n`, { flag: "a" });
            git(spec.cwd, "add", "-A");
            git(spec.cwd, "commit", "-qm", `story ${spec.storyId}: round ${nth}`);
          }
          mkdirSync(dirname(spec.logFile), { recursive: true });
          writeFileSync(spec.logFile, `${JSON.stringify({ type: "system", subtype: "init", session_id: sessionId })}\n`);
          const result: ResultMessage = {
            type: "result",
            subtype: "success",
            is_error: false,
            session_id: sessionId,
            model_usage_since_last_result: { "claude-test": { inputTokens: 100, outputTokens: 50, costUSD: act.costUsd } },
            ...(act.report ? { structured_output: act.report } : {}),
          };
          resolve({ kind: "finished", result, sessionId });
        };
      });
      return { pid: undefined, sessionId: () => sessionId, onSession: (cb) => sessionCbs.push(cb), onActivity: () => undefined, done, stop: () => stop() };
    },
  };
}

function ports(notified: RunEvent[]): RunnerPorts {
  return { writeQuestion, readAnswer, hasQuestion: hasOpenQuestion, closeQuestion, watchAnswers: watchQuestions, notify: async (e) => void notified.push(e) };
}

interface RunExtras {
  onEvent?: (e: RunnerEvent) => void;
  onPass?: RunOptions["onPass"];
}

async function run(root: string, backend: WorkerBackend, budgetUsd?: number, extras: RunExtras = {}): Promise<{ outcome: Awaited<ReturnType<typeof runStories>>; events: RunnerEvent[]; notified: RunEvent[] }> {
  const events: RunnerEvent[] = [];
  const notified: RunEvent[] = [];
  const outcome = await runStories({
    root,
    scope: [],
    ...(budgetUsd !== undefined ? { budgetUsd } : {}),
    backend,
    ports: ports(notified),
    emit: (e) => {
      events.push(e);
      extras.onEvent?.(e);
    },
    signal: new AbortController().signal,
    ...(extras.onPass ? { onPass: extras.onPass } : {}),
    env: {},
  });
  return { outcome, events, notified };
}

const status = (root: string, id: string): string => (JSON.parse(readFileSync(join(root, `.agent-orchestration/story-${id}.json`), "utf8")) as { status: string }).status;

describe("runner (backend double, real engine and git)", () => {
  const one = template([{ id: "1.1" }], "maxParallel: 2\nreviewers: [code-reviewer]\nretryBackoffSeconds: 0\n");

  it("runs a story through developer, reviewer and merge, and records what each worker cost", async () => {
    const root = one();
    const backend = backendDouble((spec) => (spec.role === "developer" ? { commit: true, report: { result: "DONE", summary: "done" }, costUsd: 0.02 } : { report: { verdict: "approved", findings: [] }, costUsd: 0.01 }));
    const { outcome, events } = await run(root, backend);
    expect(status(root, "1.1")).toBe("Done");
    expect(outcome).toMatchObject({ finished: true, done: 1, total: 1, failed: [], stoppedByBudget: false });
    expect(events.find((e) => e.type === "run-started")).toMatchObject({ remaining: [{ id: "1.1", dependsOn: [] }] });
    expect(outcome.spentUsd).toBeCloseTo(0.03, 10);
    expect(backend.specs.map((s) => [s.role, s.agent])).toEqual([
      ["developer", "general-developer"],
      ["code-reviewer", "code-reviewer"],
    ]);
  });

  it("stops, instead of waiting for ever, when the budget is spent and the next step needs a worker", async () => {
    // The developer overshoots the whole budget (a worker's cap is checked after a turn, so a
    // real worker can too): the review cannot launch, and nothing else can happen.
    const root = one();
    const backend = backendDouble((spec) => (spec.role === "developer" ? { commit: true, report: { result: "DONE", summary: "done" }, costUsd: 0.06 } : { report: { verdict: "approved", findings: [] }, costUsd: 0.01 }));
    const { outcome, events } = await run(root, backend, 0.05);
    expect(backend.specs.map((s) => s.role)).toEqual(["developer"]);
    expect(outcome).toMatchObject({ finished: true, stoppedByBudget: true, done: 0 });
    expect(status(root, "1.1")).toBe("Ready for Review");
    expect(events.filter((e) => e.type === "budget-stop")).toHaveLength(1);
  });

  it("projects the next story from what merged stories cost, fix rounds included, not from two workers' average", async () => {
    // Each story takes four workers of $0.01 (developer, changes requested, fix round, approval):
    // $0.04 a story, while two average workers would be $0.02. With $0.07, a second story would
    // pass the budget; the two-worker guess would have started it.
    const root = template([{ id: "1.1" }, { id: "1.2" }], "maxParallel: 1\nreviewers: [code-reviewer]\nretryBackoffSeconds: 0\n")();
    const backend = backendDouble((spec, nth) =>
      spec.role === "developer"
        ? { commit: true, report: { result: "DONE", summary: "done" }, costUsd: 0.01 }
        : nth === 1
          ? { report: { verdict: "changes-requested", findings: [{ severity: "HIGH", message: "add a test" }] }, costUsd: 0.01 }
          : { report: { verdict: "approved", findings: [] }, costUsd: 0.01 },
    );
    const { outcome, events } = await run(root, backend, 0.07);
    // The finish estimate's schedule: both stories, neither waiting for the other (the one slot orders them).
    expect(events.find((e) => e.type === "run-started")).toMatchObject({ remaining: [{ id: "1.1", dependsOn: [] }, { id: "1.2", dependsOn: [] }] });
    expect(status(root, "1.1")).toBe("Done");
    expect(outcome).toMatchObject({ stoppedByBudget: true, done: 1 });
    expect(backend.specs.filter((s) => s.storyId === "1.2")).toEqual([]);
    expect(events.find((e) => e.type === "budget-stop")).toMatchObject({ reason: expect.stringContaining("projected at $0.0400") });
  });

  it("does not start a fix round it has no budget to launch a developer for", async () => {
    const root = one();
    const backend = backendDouble((spec) =>
      spec.role === "developer" ? { commit: true, report: { result: "DONE", summary: "done" }, costUsd: 0.02 } : { report: { verdict: "changes-requested", findings: [{ severity: "HIGH", message: "add a test" }] }, costUsd: 0.04 },
    );
    const { outcome } = await run(root, backend, 0.05);
    expect(backend.specs.map((s) => s.role)).toEqual(["developer", "code-reviewer"]);
    expect(outcome.stoppedByBudget).toBe(true);
    // The findings are still waiting for a developer: the next run (with more budget) starts the fix round with them.
    expect(status(root, "1.1")).toBe("Changes Requested");
    const more = await run(root, backend, 1);
    expect(backend.specs[2]).toMatchObject({ role: "developer", resumeSession: "session-1.1-developer-1" });
    expect(backend.specs[2]?.prompt).toMatch(/^Fix round: the reviewers asked for changes\.\n.*add a test/);
    expect(more.outcome.spentUsd).toBeGreaterThan(0);
  });

  it("counts the cost of a developer whose DONE had nothing to submit, and fails the story after maxAttempts", async () => {
    const root = template([{ id: "1.1" }], "reviewers: [code-reviewer]\nmaxAttempts: 2\nretryBackoffSeconds: 0\n")();
    const backend = backendDouble(() => ({ report: { result: "DONE", summary: "nothing committed" }, costUsd: 0.03 }));
    const { outcome, events } = await run(root, backend);
    expect(backend.specs.map((s) => [s.role, s.resumeSession ?? null])).toEqual([
      ["developer", null],
      ["developer", "session-1.1-developer-1"],
    ]);
    expect(status(root, "1.1")).toBe("Failed");
    expect(outcome.failed).toEqual(["1.1"]);
    expect(outcome.spentUsd).toBeCloseTo(0.06, 10);
    expect(foldLedger(await readLedger(root)).spentUsd).toBeCloseTo(0.06, 10);
    const failed = events.find((e) => e.type === "story-failed");
    expect(failed && "reason" in failed ? failed.reason : "").toMatch(/^developer: submit refused: .*gave up after 2 attempts \(maxAttempts 2\)$/);
  });

  it("passes only when something happened: a worker ended, a merge settled, an answer came, a retry came due", async () => {
    // Workers that take a while, a question answered by a person a moment later, and a failed
    // attempt retried after a backoff: every pass must have been woken by one of those (the
    // 30 s safety poll never comes in a run this short), not by a clock.
    const root = template([{ id: "1.1" }, { id: "1.2" }, { id: "1.3", deps: ["1.1"] }], "maxParallel: 2\nreviewers: [code-reviewer]\nretryBackoffSeconds: 1\n")();
    const backend = backendDouble((spec, nth) => {
      if (spec.role !== "developer") return { report: { verdict: "approved", findings: [] }, costUsd: 0.01, delayMs: 600 };
      if (spec.storyId === "1.1" && nth === 1) return { report: { result: "QUESTION", summary: "which?", question: "Formal or not?" }, costUsd: 0.01, delayMs: 600 };
      // 1.2's first DONE has nothing committed: a failed attempt, retried after the backoff.
      if (spec.storyId === "1.2" && nth === 1) return { report: { result: "DONE", summary: "done" }, costUsd: 0.01, delayMs: 600 };
      return { commit: true, report: { result: "DONE", summary: "done" }, costUsd: 0.01, delayMs: 1200 };
    });
    const passes: string[][] = [];
    const { outcome, events } = await run(root, backend, undefined, {
      onPass: (why) => void passes.push([...why]),
      // The person answers a little later, by writing the answer file (as `answer` does).
      onEvent: (e) => void (e.type === "question" && setTimeout(() => void recordAnswer(root, "1.1", "Formal.", new Date().toISOString()), 1500)),
    });
    const workers = backend.specs.length;
    const merges = events.filter((e) => e.type === "merge-started").length;
    expect(outcome).toMatchObject({ finished: true, done: 3, total: 3 });
    expect(events.some((e) => e.type === "answered")).toBe(true);
    expect(events.some((e) => e.type === "retry")).toBe(true);
    const reasons = new Set(passes.flat());
    expect(reasons.has("poll")).toBe(false);
    expect(reasons.has("answers")).toBe(true);
    expect(reasons.has("retry-due")).toBe(true);
    // At most: the first pass, one per worker end and merge (ends close together share one), the
    // retry, and a few for the answer (its file's write and the question's archiving each change the folder).
    expect(passes.length).toBeLessThanOrEqual(1 + workers + merges + 1 + 4);
    expect(outcome.passes).toBe(passes.length);
  });

  it("stops its other workers and records their ends when the run cannot go on", async () => {
    const root = template([{ id: "1.1" }, { id: "1.2" }], "maxParallel: 2\nreviewers: [code-reviewer]\n")();
    const backend = backendDouble((spec) => {
      if (spec.storyId === "1.1") return { hang: true, costUsd: 0 };
      // While 1.1's worker works, someone breaks the project's config.
      writeFileSync(join(root, ".agent-orchestration/config.yaml"), "maxParallel: 0\n");
      return { commit: true, report: { result: "DONE", summary: "done" }, costUsd: 0.01 };
    });
    await expect(run(root, backend)).rejects.toThrow(/maxParallel/);
    const ends = (await readLedger(root)).filter((l) => l.event === "worker-end").map((l) => (l.event === "worker-end" ? [l.storyId, l.end] : []));
    expect(ends).toEqual([
      ["1.2", "finished"],
      ["1.1", "stopped"],
    ]);
    expect(status(root, "1.1")).toBe("In Progress");
  });
});
