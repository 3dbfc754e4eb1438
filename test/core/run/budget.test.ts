// Budget decisions of a headless run: when a story may start, each worker's cap, the 75% warning.
import { describe, expect, it } from "vitest";
import { crossedWarning, mayStartStory, projectedStoryUsd, projectedWorkerUsd, usd, workerCapUsd, type BudgetView } from "../../../lib/core/run/budget.js";

const view = (v: Partial<BudgetView>): BudgetView => ({ budgetUsd: 10, spentUsd: 0, activeWorkers: 0, workerCosts: [], storyCosts: [], ...v });

describe("projections", () => {
  it("project a worker at the mean of finished workers, and nothing before one finished", () => {
    expect(projectedWorkerUsd(view({}))).toBe(0);
    expect(projectedWorkerUsd(view({ workerCosts: [1, 3] }))).toBe(2);
  });

  it("project a story at the mean of merged stories, else two workers", () => {
    expect(projectedStoryUsd(view({ workerCosts: [1, 3] }))).toBe(4);
    expect(projectedStoryUsd(view({ workerCosts: [1, 3], storyCosts: [5, 7] }))).toBe(6);
    expect(projectedStoryUsd(view({}))).toBe(0);
  });
});

describe("mayStartStory", () => {
  it("always allows without a budget", () => {
    expect(mayStartStory(view({ budgetUsd: null, spentUsd: 1e9, activeWorkers: 50, workerCosts: [100] }))).toEqual({ ok: true });
  });

  it("allows the first stories while nothing has finished (nothing is projected yet)", () => {
    expect(mayStartStory(view({ activeWorkers: 3 }))).toEqual({ ok: true });
  });

  it("counts the spend, a reserve per running worker and the next story's projection", () => {
    // 4 spent + 2 running × 1 + the next story (2 × 1) = 8 ≤ 10.
    expect(mayStartStory(view({ spentUsd: 4, activeWorkers: 2, workerCosts: [1, 1] }))).toEqual({ ok: true });
    // A third running worker: 4 + 3 + 2 = 9 ≤ 10; a fifth: 4 + 5 + 2 = 11 > 10.
    expect(mayStartStory(view({ spentUsd: 4, activeWorkers: 3, workerCosts: [1, 1] })).ok).toBe(true);
    const no = mayStartStory(view({ spentUsd: 4, activeWorkers: 5, workerCosts: [1, 1] }));
    expect(no).toEqual({ ok: false, reason: "budget: $4.00 spent of $10.00, and the next story is projected at $2.00" });
    // Exactly at the budget still fits.
    expect(mayStartStory(view({ spentUsd: 6, activeWorkers: 2, workerCosts: [1, 1] })).ok).toBe(true);
  });

  it("refuses once the spend has reached or passed the budget, even with nothing projected", () => {
    expect(mayStartStory(view({ spentUsd: 10 })).ok).toBe(false);
    expect(mayStartStory(view({ spentUsd: 12.5 }))).toEqual({ ok: false, reason: "budget: $12.50 spent of $10.00, and the next story is projected at $0.0000" });
  });
});

describe("workerCapUsd", () => {
  it("is none without a budget", () => {
    expect(workerCapUsd(view({ budgetUsd: null, spentUsd: 3 }))).toBeNull();
  });

  it("is what is left after the spend and the other running workers' reserve", () => {
    expect(workerCapUsd(view({}))).toBe(10);
    expect(workerCapUsd(view({ spentUsd: 4, activeWorkers: 2, workerCosts: [1, 2] }))).toBe(3);
  });

  it("is zero or below once the budget is used up (nothing may launch)", () => {
    expect(workerCapUsd(view({ spentUsd: 10 }))).toBe(0);
    expect(workerCapUsd(view({ spentUsd: 11, activeWorkers: 1, workerCosts: [1] }))).toBe(-2);
  });
});

describe("crossedWarning", () => {
  it("fires once, on the worker end that first reaches 75%", () => {
    expect(crossedWarning(10, 7, 7.5)).toBe(true);
    expect(crossedWarning(10, 7.4, 12)).toBe(true);
    expect(crossedWarning(10, 7.5, 8)).toBe(false);
    expect(crossedWarning(10, 1, 7.49)).toBe(false);
  });

  it("never fires without a budget; the fraction can be changed", () => {
    expect(crossedWarning(null, 0, 1e9)).toBe(false);
    expect(crossedWarning(10, 4, 5, 0.5)).toBe(true);
  });
});

describe("usd", () => {
  it("shows cents from $1 and four places below", () => {
    expect(usd(12.345)).toBe("$12.35");
    expect(usd(1)).toBe("$1.00");
    expect(usd(0.0123)).toBe("$0.0123");
    expect(usd(0)).toBe("$0.0000");
  });
});
