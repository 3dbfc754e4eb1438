import { describe, expect, it } from "vitest";
import { estimateRemainingMs, longestChain, type RemainingStory } from "../../../lib/core/run/eta.js";

const s = (id: string, ...dependsOn: string[]): RemainingStory => ({ id, dependsOn });

describe("longestChain", () => {
  const diamond = [s("1.1"), s("1.2", "1.1"), s("1.3", "1.1"), s("1.4", "1.2", "1.3"), s("2.1")];

  it("counts the stories on the longest chain of those left", () => {
    expect(longestChain(diamond, new Set())).toBe(3);
  });

  it("shortens as stories finish, and ignores dependencies already done", () => {
    expect(longestChain(diamond, new Set(["1.1"]))).toBe(2);
    expect(longestChain(diamond, new Set(["1.1", "1.2", "1.3"]))).toBe(1);
    expect(longestChain(diamond, new Set(["1.1", "1.2", "1.3", "1.4", "2.1"]))).toBe(0);
  });

  it("handles a chain of 10,000 stories without recursion", () => {
    const chain = Array.from({ length: 10_000 }, (_, i) => s(`1.${i}`, ...(i ? [`1.${i - 1}`] : [])));
    expect(longestChain(chain, new Set())).toBe(10_000);
  });

  it("does not count stories on a cycle", () => {
    expect(longestChain([s("1.1", "1.2"), s("1.2", "1.1"), s("1.3")], new Set())).toBe(1);
  });
});

describe("estimateRemainingMs", () => {
  const five = [s("1.1"), s("1.2"), s("1.3"), s("1.4"), s("1.5")];

  it("is the mean story length times the stories left over the cap, when the graph is wide", () => {
    // 4 left, cap 2: two story lengths of 60 s.
    expect(estimateRemainingMs(five, new Set(["1.1"]), 2, [50_000, 70_000])).toBe(120_000);
  });

  it("is the longest chain left when dependencies, not the cap, set the pace", () => {
    const chain = [s("1.1"), s("1.2", "1.1"), s("1.3", "1.2"), s("1.4", "1.3")];
    // 3 left in a chain: three lengths, though the cap of 4 would take them at once.
    expect(estimateRemainingMs(chain, new Set(["1.1"]), 4, [60_000])).toBe(180_000);
  });

  it("says nothing before a story has finished, or when nothing is left", () => {
    expect(estimateRemainingMs(five, new Set(), 2, [])).toBeNull();
    expect(estimateRemainingMs(five, new Set(five.map((x) => x.id)), 2, [1000])).toBeNull();
  });
});
