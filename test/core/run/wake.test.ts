// When the runner sleeps until (core/run/wake.ts), and that an event during a pass is not lost
// (engine/run/wakeup.ts).
import { describe, expect, it } from "vitest";
import { sleepPlan } from "../../../lib/core/run/wake.js";
import { Wakeup } from "../../../lib/engine/run/wakeup.js";

describe("sleepPlan", () => {
  it("sleeps until the earliest retry still to come, else until the safety poll", () => {
    expect(sleepPlan(1000, [], 30_000)).toEqual({ ms: 30_000, reason: "poll" });
    expect(sleepPlan(1000, [5000, 3000, 500], 30_000)).toEqual({ ms: 2000, reason: "retry-due" });
    // Past retries were launched by the pass that saw them due; one past the poll waits for the poll.
    expect(sleepPlan(1000, [900, 1000], 30_000)).toEqual({ ms: 30_000, reason: "poll" });
    expect(sleepPlan(1000, [40_000], 30_000)).toEqual({ ms: 30_000, reason: "poll" });
  });
});

describe("Wakeup", () => {
  it("keeps an event that came while no one waited, and returns at once with it", async () => {
    const w = new Wakeup();
    w.poke("worker-ended");
    w.poke("worker-ended");
    w.poke("merge-settled");
    // A wait of an hour: returning proves the pokes were kept.
    expect(await w.wait(3_600_000, "poll")).toEqual(["worker-ended", "merge-settled"]);
    const waiting = w.wait(3_600_000, "poll");
    w.poke("answers");
    expect(await waiting).toEqual(["answers"]);
    expect(await w.wait(1, "retry-due")).toEqual(["retry-due"]);
  });
});
