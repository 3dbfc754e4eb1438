// The runner's three renderings share these two: one plain line per event (logs, CI, a
// background run's run.log) and the live view's frame on a terminal.
import { describe, expect, it } from "vitest";
import { eventLine, LiveView } from "../../lib/cli/render/run-view.js";
import type { RunnerEvent } from "../../lib/engine/run/runner-events.js";

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 9, 0, 0) + s * 1000).toISOString();
const ms = (s: number) => Date.parse(at(s));

describe("eventLine", () => {
  // One of every event type, each with the line it prints (the `satisfies` keeps the list whole).
  const cases: [RunnerEvent, string][] = [
    [{ type: "run-started", at: at(0), total: 6, done: 1, ready: 2, running: 1, waiting: 2, setAside: ["3.1"], maxParallel: 3, budgetUsd: 25, remaining: [] }, "09:00:00 run: 6 stories, 2 ready, 1 in flight, 2 waiting, set aside: 3.1 (maxParallel 3, budget $25.00)"],
    [{ type: "worker-started", at: at(1), storyId: "1.2", role: "developer", n: 2, resumed: true, purpose: "fix" }, "09:00:01 1.2: developer #2 started (fix, continuing its session)"],
    [{ type: "worker-ended", at: at(2), storyId: "1.2", role: "code-reviewer", n: 1, end: "finished", outcome: "approved", costUsd: 0.0123, tokens: 4567 }, "09:00:02 1.2: code-reviewer #1 finished: approved ($0.0123, 4567 tokens)"],
    [{ type: "story", at: at(3), storyId: "1.2", status: "Ready for Review", note: "head 0123abcd" }, "09:00:03 1.2: Ready for Review (head 0123abcd)"],
    [{ type: "review", at: at(4), storyId: "1.2", reviewer: "code-reviewer", verdict: "changes-requested", recorded: "Changes Requested" }, "09:00:04 1.2: code-reviewer changes-requested → Changes Requested"],
    [{ type: "question", at: at(5), storyId: "1.3", question: "Formal greeting?" }, '09:00:05 1.3: QUESTION: Formal greeting?\n    answer with: story-orchestrator answer 1.3 "..."'],
    [{ type: "answered", at: at(6), storyId: "1.3" }, "09:00:06 1.3: answered; its developer goes on"],
    [{ type: "retry", at: at(7), storyId: "1.4", role: "developer", afterMs: 60_000, reason: "silent: printed nothing for 600 s" }, "09:00:07 1.4: developer silent: printed nothing for 600 s; retry in 60 s"],
    [{ type: "story-failed", at: at(8), storyId: "1.4", reason: "developer: gave up" }, "09:00:08 1.4: Failed: developer: gave up"],
    [{ type: "merge-started", at: at(9), storyId: "1.1" }, "09:00:09 1.1: merging"],
    [{ type: "merge-refused", at: at(10), storyId: "1.5", reason: "verify failed" }, "09:00:10 1.5: merge refused: verify failed"],
    [{ type: "start-refused", at: at(11), storyId: "1.6", reason: "not ready" }, "09:00:11 1.6: not started: not ready"],
    [{ type: "budget-warning", at: at(12), spentUsd: 18.75, budgetUsd: 25 }, "09:00:12 budget: $18.75 of $25.00 spent (75%)"],
    [{ type: "budget-stop", at: at(13), reason: "budget: $20.00 spent of $25.00" }, "09:00:13 budget: $20.00 spent of $25.00: no new story starts; stories under way finish"],
    [{ type: "stopping", at: at(14), workers: 1, merging: true }, "09:00:14 stopping: 1 worker asked to stop, the merge under way finishes"],
    [{ type: "run-finished", at: at(15), finished: false, interrupted: true, stoppedByBudget: false, done: 4, total: 6, failed: ["1.4"], spentUsd: 20.5, summary: "…" }, "09:00:15 run interrupted: 4/6 done, failed: 1.4, $20.50 spent"],
  ];

  it("covers every event type", () => {
    const types = new Set(cases.map(([e]) => e.type));
    const all: Record<RunnerEvent["type"], true> = {
      "run-started": true, "worker-started": true, "worker-ended": true, story: true, review: true, question: true, answered: true, retry: true,
      "story-failed": true, "merge-started": true, "merge-refused": true, "start-refused": true, "budget-warning": true, "budget-stop": true, stopping: true, "run-finished": true,
    };
    expect([...types].sort()).toEqual(Object.keys(all).sort());
  });

  for (const [e, line] of cases) {
    it(`prints ${e.type}`, () => expect(eventLine(e)).toBe(line));
  }

  it("leaves out what an event does not have", () => {
    expect(eventLine({ type: "run-started", at: at(0), total: 2, done: 0, ready: 2, running: 0, waiting: 0, setAside: [], maxParallel: 4, budgetUsd: null, remaining: [] })).toBe("09:00:00 run: 2 stories, 2 ready, 0 in flight, 0 waiting (maxParallel 4)");
    expect(eventLine({ type: "worker-started", at: at(0), storyId: "1.1", role: "developer", n: 1, resumed: false, purpose: "start" })).toBe("09:00:00 1.1: developer #1 started (start)");
    expect(eventLine({ type: "worker-ended", at: at(0), storyId: "1.1", role: "developer", n: 1, end: "stopped", outcome: "", costUsd: 0, tokens: 0 })).toBe("09:00:00 1.1: developer #1 stopped ($0.0000, 0 tokens)");
    expect(eventLine({ type: "stopping", at: at(0), workers: 2, merging: false })).toBe("09:00:00 stopping: 2 workers asked to stop");
    expect(eventLine({ type: "run-finished", at: at(0), finished: true, interrupted: false, stoppedByBudget: false, done: 2, total: 2, failed: [], spentUsd: 0.5, summary: "" })).toBe("09:00:00 run finished: 2/2 done, $0.5000 spent");
  });
});

describe("LiveView", () => {
  // 1.3 waits for 1.1, and 1.4 for 1.2.
  const remaining = [
    { id: "1.1", dependsOn: [] },
    { id: "1.2", dependsOn: [] },
    { id: "1.3", dependsOn: ["1.1"] },
    { id: "1.4", dependsOn: ["1.2"] },
  ];
  const started = (v: LiveView, budgetUsd: number | null = 10, maxParallel = 3) =>
    v.apply({ type: "run-started", at: at(0), total: 4, done: 0, ready: 3, running: 0, waiting: 1, setAside: [], maxParallel, budgetUsd, remaining });

  it("shows a row per active story, sorted by id, and a totals line", () => {
    const v = new LiveView();
    started(v);
    v.apply({ type: "worker-started", at: at(1), storyId: "1.10", role: "developer", n: 1, resumed: false, purpose: "start" });
    v.apply({ type: "worker-started", at: at(2), storyId: "1.2", role: "developer", n: 1, resumed: false, purpose: "start" });
    v.apply({ type: "worker-ended", at: at(30), storyId: "1.2", role: "developer", n: 1, end: "finished", outcome: "DONE", costUsd: 0.25, tokens: 1200 });
    v.apply({ type: "worker-started", at: at(31), storyId: "1.2", role: "code-reviewer", n: 1, resumed: false, purpose: "start" });
    const lines = v.frame(ms(91), 200).split("\n");
    expect(lines).toEqual([
      "09:00:00 run: 4 stories, 3 ready, 0 in flight, 1 waiting (maxParallel 3, budget $10.00)",
      "  1.2        review (code-reviewer)     1:00      1200 tok  $0.2500",
      "  1.10       implementing               1:30         0 tok  $0.0000",
      "  0/4 done · $0.2500 of $10.00 spent · 1:31 elapsed",
    ]);
  });

  it("drops a story's row when it is merged or fails, counts it done, and estimates the rest from the schedule left", () => {
    const v = new LiveView();
    started(v, null);
    v.apply({ type: "worker-started", at: at(1), storyId: "1.1", role: "developer", n: 1, resumed: false, purpose: "start" });
    v.apply({ type: "worker-started", at: at(1), storyId: "1.2", role: "developer", n: 1, resumed: false, purpose: "start" });
    v.apply({ type: "merge-started", at: at(50), storyId: "1.1" });
    expect(v.frame(ms(55), 200)).toContain("1.1        merging                    0:05");
    v.apply({ type: "story", at: at(60), storyId: "1.1", status: "Done", note: "merged 0123abcd" });
    v.apply({ type: "story-failed", at: at(61), storyId: "1.2", reason: "BLOCKED" });
    const lines = v.frame(ms(120), 200).split("\n");
    // Recent events above the rows.
    expect(lines).toEqual([
      "09:00:00 run: 4 stories, 3 ready, 0 in flight, 1 waiting (maxParallel 3)",
      "09:00:50 1.1: merging",
      "09:01:00 1.1: Done (merged 0123abcd)",
      "09:01:01 1.2: Failed: BLOCKED",
      // 1.1 took 0:59. 1.2 failed, so 1.4 (behind it) leaves the schedule: 1.3 alone is left,
      // one story length (a pace of 2:00 a story would have said 6:00). No budget: no "of".
      "  1/4 done · $0.0000 spent · 2:00 elapsed · about 0:59 to go",
    ]);
  });

  it("estimates from the longest chain left when it, not the cap, sets the pace", () => {
    const v = new LiveView();
    v.apply({ type: "run-started", at: at(0), total: 3, done: 0, ready: 1, running: 0, waiting: 2, setAside: [], maxParallel: 4, budgetUsd: null, remaining: [{ id: "1.1", dependsOn: [] }, { id: "1.2", dependsOn: ["1.1"] }, { id: "1.3", dependsOn: ["1.2"] }] });
    v.apply({ type: "worker-started", at: at(0), storyId: "1.1", role: "developer", n: 1, resumed: false, purpose: "start" });
    expect(v.frame(ms(30), 200).split("\n").at(-1)).toBe("  0/3 done · $0.0000 spent · 0:30 elapsed");
    v.apply({ type: "story", at: at(40), storyId: "1.1", status: "Done", note: "" });
    // Two stories left in a chain: two lengths of 0:40, though the cap would run them together.
    expect(v.frame(ms(41), 200).split("\n").at(-1)).toBe("  1/3 done · $0.0000 spent · 0:41 elapsed · about 1:20 to go");
  });

  it("shows a question as waiting for an answer, and the developer going on after it", () => {
    const v = new LiveView();
    started(v);
    v.apply({ type: "worker-started", at: at(1), storyId: "1.3", role: "developer", n: 1, resumed: false, purpose: "start" });
    v.apply({ type: "worker-ended", at: at(9), storyId: "1.3", role: "developer", n: 1, end: "finished", outcome: "QUESTION", costUsd: 0.01, tokens: 10 });
    v.apply({ type: "question", at: at(10), storyId: "1.3", question: "Formal?" });
    expect(v.frame(ms(70), 200)).toContain("  1.3        waiting for an answer      1:00        10 tok  $0.0100");
    v.apply({ type: "answered", at: at(80), storyId: "1.3" });
    v.apply({ type: "worker-started", at: at(80), storyId: "1.3", role: "developer", n: 2, resumed: true, purpose: "answer" });
    expect(v.frame(ms(85), 200)).toContain("  1.3        answer                     0:05        10 tok  $0.0100");
  });

  it("keeps the four latest events and cuts every line to the width", () => {
    const v = new LiveView();
    started(v);
    for (let i = 1; i <= 6; i++) v.apply({ type: "start-refused", at: at(i), storyId: `2.${i}`, reason: "not ready" });
    v.apply({ type: "worker-started", at: at(7), storyId: "1.1", role: "developer", n: 1, resumed: false, purpose: "start" });
    const lines = v.frame(ms(10), 30).split("\n");
    expect(lines.slice(0, 4)).toEqual(["09:00:03 2.3: not started: no…", "09:00:04 2.4: not started: no…", "09:00:05 2.5: not started: no…", "09:00:06 2.6: not started: no…"]);
    expect(lines).toHaveLength(6);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(30);
    expect(lines[5]).toBe("  0/4 done · $0.0000 of $10.0…");
  });
});

describe("money", () => {
  it("shows amounts below $1 to four places, so a small budget is not shown rounded away", () => {
    expect(eventLine({ type: "run-started", at: at(0), total: 4, done: 0, ready: 4, running: 0, waiting: 0, setAside: [], maxParallel: 1, budgetUsd: 0.011, remaining: [] })).toBe("09:00:00 run: 4 stories, 4 ready, 0 in flight, 0 waiting (maxParallel 1, budget $0.0110)");
    expect(eventLine({ type: "budget-warning", at: at(1), spentUsd: 0.0084, budgetUsd: 0.011 })).toBe("09:00:01 budget: $0.0084 of $0.0110 spent (75%)");
    const v = new LiveView();
    v.apply({ type: "run-started", at: at(0), total: 4, done: 0, ready: 4, running: 0, waiting: 0, setAside: [], maxParallel: 1, budgetUsd: 0.011, remaining: [] });
    expect(v.frame(ms(1), 200).split("\n").at(-1)).toBe("  0/4 done · $0.0000 of $0.0110 spent · 0:01 elapsed");
  });
});
