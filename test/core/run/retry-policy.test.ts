// When a worker that ended without a usable report is launched again.
import { describe, expect, it } from "vitest";
import { retryDecision } from "../../../lib/core/run/retry-policy.js";

describe("retryDecision", () => {
  it("doubles the backoff with each failed attempt", () => {
    expect(retryDecision(1, 5, 30, "silent")).toEqual({ retry: true, afterMs: 30_000 });
    expect(retryDecision(2, 5, 30, "silent")).toEqual({ retry: true, afterMs: 60_000 });
    expect(retryDecision(3, 5, 30, "silent")).toEqual({ retry: true, afterMs: 120_000 });
    expect(retryDecision(4, 5, 0.5, "silent")).toEqual({ retry: true, afterMs: 4_000 });
  });

  it("retries at once with no backoff", () => {
    expect(retryDecision(2, 3, 0, "crashed")).toEqual({ retry: true, afterMs: 0 });
  });

  it("gives up at maxAttempts, with the reason and the count", () => {
    expect(retryDecision(3, 3, 30, "timed-out: ran past its wall-time limit (3600 s)")).toEqual({
      retry: false,
      reason: "timed-out: ran past its wall-time limit (3600 s); gave up after 3 attempts (maxAttempts 3)",
    });
    expect(retryDecision(1, 1, 30, "no report")).toEqual({ retry: false, reason: "no report; gave up after 1 attempt (maxAttempts 1)" });
    expect(retryDecision(4, 3, 30, "x").retry).toBe(false);
  });
});
