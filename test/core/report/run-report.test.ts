// The run report's analytics on hand-built histories: the phases read from a story's history,
// the efficiency arithmetic, the lower bound, waits, and the "ran serially" flag with its reason.
import { describe, expect, it } from "vitest";
import { buildRunReport, reportJson, type ReportStoryInput, type RunReportInput } from "../../../lib/core/report/run-report.js";
import { newStoryState, type StoryState } from "../../../lib/core/state/schemas.js";
import { transition, type StoryEvent } from "../../../lib/core/state/transitions.js";
import type { StoryStatus } from "../../../lib/core/model.js";

const T0 = Date.parse("2026-03-01T10:00:00Z");
const MIN = 60_000;
const at = (minutes: number) => new Date(T0 + minutes * MIN).toISOString();

/** A story state that went through `events`, each at its minute. */
function lived(id: string, events: [StoryEvent, number][], extra: Partial<StoryState> = {}): StoryState {
  let st = newStoryState({ storyId: id, agent: "general-developer", dependencies: [], at: at(0) });
  for (const [ev, m] of events) {
    const t = transition(st, ev, at(m));
    if (!t.ok) throw new Error(`${id}: ${t.error[0]!.message}`);
    st = t.value;
  }
  return { ...st, ...extra };
}

const story = (id: string, status: StoryStatus, dependencies: string[] = [], more: Partial<ReportStoryInput> = {}): ReportStoryInput => ({ id, title: `Story ${id}`, status, agent: "general-developer", dependencies, ...more });
const full = (start: number, submit: number, approve: number, merge: number): [StoryEvent, number][] => [["start", start], ["submit", submit], ["approve", approve], ["merge", merge]];

function input(over: Partial<RunReportInput>): RunReportInput {
  return { now: T0 + 1000 * MIN, maxParallel: 2, strict: false, integrationBranch: "main", stories: [], states: [], journal: [], ...over };
}

describe("phases from a story's history", () => {
  it("reads implementing, review, fix round, waiting to merge and merge with verify; the merge start comes from the journal", () => {
    const st = lived("1.1", [["start", 0], ["submit", 10], ["request-changes", 12], ["rework", 13], ["submit", 20], ["approve", 22], ["merge", 25]]);
    const r = buildRunReport(
      input({
        stories: [story("1.1", "Done")],
        states: [st],
        journal: [{ at: at(25), event: "merge", storyId: "1.1", data: { startedAt: at(24) } }],
        launches: [{ at: at(11), storyId: "1.1", role: "reviewer" }],
      }),
    );
    const phases = r.stories[0]!.phases.map((p) => [p.kind, (p.start - T0) / MIN, (p.end - T0) / MIN, p.round ?? null]);
    expect(phases).toEqual([
      ["implementing", 0, 10, null],
      ["waiting-for-review", 10, 11, null],
      ["review", 11, 12, null],
      ["fix-round", 12, 20, 1],
      ["review", 20, 22, null], // no launch recorded for the second review: all of it counts as review
      ["waiting-to-merge", 22, 24, null],
      ["merge", 24, 25, null],
    ]);
    expect(r.stories[0]!.workMs).toBe((10 + 1 + 8 + 2 + 1) * MIN);
    expect(r.stories[0]!.outcome).toBe("merged");
  });

  it("a story still under way has its last phase open, ending at the report's time", () => {
    const r = buildRunReport(input({ now: T0 + 7 * MIN, stories: [story("1.1", "In Progress")], states: [lived("1.1", [["start", 2]])] }));
    expect(r.stories[0]!.phases).toEqual([{ kind: "implementing", start: T0 + 2 * MIN, end: T0 + 7 * MIN, open: true }]);
    expect(r.stories[0]!.outcome).toBe("running");
  });
});

describe("analytics", () => {
  it("efficiency = busy time / (makespan × maxParallel); the lower bound is max(critical path, work / cap)", () => {
    // 1.1: 10 implementing + 2 review + 1 merge (waits 1); 1.2: 10 implementing + 1 review, no merge start known.
    const r = buildRunReport(
      input({
        maxParallel: 2,
        stories: [story("1.1", "Done"), story("1.2", "Done")],
        states: [lived("1.1", full(0, 10, 12, 14)), lived("1.2", full(5, 15, 16, 17))],
        journal: [{ at: at(14), event: "merge", storyId: "1.1", data: { startedAt: at(13) } }],
      }),
    );
    const a = r.analytics;
    expect(a.makespanMs).toBe(17 * MIN);
    expect(a.busyMs).toBe((13 + 11) * MIN);
    expect(a.efficiency).toBeCloseTo(24 / (17 * 2), 10);
    expect(a.criticalPathMs).toBe(13 * MIN);
    expect(a.lowerBoundMs).toBe(Math.max(13, 24 / 2) * MIN);
    expect(a.peakConcurrency).toBe(2);
    // 1.1 alone 0-5, both 5-14, 1.2 alone 14-17: (5 + 18 + 3) / 17.
    expect(a.meanConcurrency).toBeCloseTo(26 / 17, 10);
    expect(a.concurrency.map((p) => [(p.t - T0) / MIN, p.n])).toEqual([[0, 1], [5, 2], [14, 1], [17, 0]]);
    expect(a.serial.ranSerially).toBe(false);
    expect(reportJson(r)).toMatchObject({ efficiency: 0.706, makespanMs: 17 * MIN, lowerBoundMs: 13 * MIN, peakConcurrency: 2, ranSerially: false, criticalPath: ["1.1"] });
  });

  it("flags a run that went one story at a time while another was ready, without a reason it cannot know", () => {
    const r = buildRunReport(
      input({
        maxParallel: 3,
        stories: [story("1.1", "Done"), story("1.2", "Done"), story("1.3", "Done")],
        states: [lived("1.1", full(0, 10, 11, 12)), lived("1.2", full(12, 20, 21, 22)), lived("1.3", full(22, 30, 31, 32))],
      }),
    );
    const a = r.analytics;
    expect(a.peakConcurrency).toBe(1);
    expect(a.serial).toEqual({ ranSerially: true, serialMs: 22 * MIN, reasonCode: null, reason: null });
    // 1.3 waited 22 minutes to start while ready: the longest wait.
    expect(a.longestWaits[0]).toMatchObject({ storyId: "1.3", kind: "start", ms: 22 * MIN });
    // Work: 1.1 10 + 1 review, 1.2 and 1.3 8 + 1 (the merge is an instant: no start recorded).
    expect(a.busyMs).toBe(29 * MIN);
    expect(a.efficiency).toBeCloseTo(29 / (32 * 3), 10);
    expect(reportJson(r)).toMatchObject({ ranSerially: true, serialReason: null, peakConcurrency: 1 });
  });

  it("names the reason the engine knows: maxParallel 1, conflicts, strict mode waiting for reviewers, the budget", () => {
    const states = [lived("1.1", full(0, 10, 11, 12)), lived("1.2", full(12, 20, 21, 22))];
    const two = [story("1.1", "Done"), story("1.2", "Done")];
    expect(buildRunReport(input({ maxParallel: 1, stories: two, states })).analytics.serial).toMatchObject({ ranSerially: true, reasonCode: "max-parallel-1" });
    const conflicting = [story("1.1", "Done", [], { conflictsWith: ["1.2"] }), story("1.2", "Done", [], { conflictsWith: ["1.1"] })];
    expect(buildRunReport(input({ stories: conflicting, states })).analytics.serial).toMatchObject({ ranSerially: true, reasonCode: "conflicts" });
    // Strict: 1.2 waits while 1.1 is submitted and no reviewer was launched for most of the time.
    const strictStates = [lived("1.1", full(0, 2, 11, 12)), lived("1.2", full(12, 20, 21, 22))];
    const launches = [{ at: at(10), storyId: "1.1", role: "reviewer" as const }];
    expect(buildRunReport(input({ strict: true, stories: two, states: strictStates, launches })).analytics.serial).toMatchObject({ ranSerially: true, reasonCode: "strict-review" });
    const ledger = [{ at: at(0), event: "budget-stop" as const, note: "budget" }];
    expect(buildRunReport(input({ stories: two, states, ledger })).analytics.serial).toMatchObject({ ranSerially: true, reasonCode: "budget", reason: expect.stringContaining("budget") });
  });

  it("a chain of dependencies runs one at a time without being flagged; its waits are for dependencies", () => {
    const r = buildRunReport(
      input({
        maxParallel: 4,
        stories: [story("1.1", "Done"), story("1.2", "Done", ["1.1"]), story("1.3", "Done", ["1.2"])],
        states: [lived("1.1", full(0, 10, 11, 12)), lived("1.2", full(12, 20, 21, 22)), lived("1.3", full(22, 30, 31, 32))],
      }),
    );
    expect(r.analytics.serial.ranSerially).toBe(false);
    expect(r.criticalPath).toEqual(["1.1", "1.2", "1.3"]);
    expect(r.analytics.criticalPathMs).toBe(29 * MIN);
    expect(r.analytics.lowerBoundMs).toBe(29 * MIN);
    expect(r.analytics.longestWaits[0]).toMatchObject({ storyId: "1.3", kind: "dependency", ms: 22 * MIN });
    expect(r.stories.map((s) => s.onCriticalPath)).toEqual([true, true, true]);
  });

  it("headless runs take the reviewer's start from the runner's ledger; findings are counted by severity", () => {
    const st = lived("1.1", full(0, 10, 14, 15), {
      reviews: [{ reviewer: "code-reviewer", verdict: "approved", sha: "abcdef1", at: at(14), findings: [{ severity: "MEDIUM", message: "m" }, { severity: "LOW", message: "l" }, { severity: "LOW", message: "l2" }] }],
    });
    const r = buildRunReport(
      input({
        stories: [story("1.1", "Done")],
        states: [st],
        ledger: [
          { at: at(0), event: "worker-start", storyId: "1.1", role: "developer", n: 1 },
          { at: at(12), event: "worker-start", storyId: "1.1", role: "code-reviewer", n: 1 },
        ],
      }),
    );
    expect(r.headless).toBe(true);
    expect(r.stories[0]!.phases.find((p) => p.kind === "waiting-for-review")).toMatchObject({ start: T0 + 10 * MIN, end: T0 + 12 * MIN });
    expect(r.stories[0]!.findings).toEqual({ CRITICAL: 0, HIGH: 0, MEDIUM: 1, LOW: 2 });
  });
});
