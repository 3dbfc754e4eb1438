import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, type Config } from "../../../lib/core/config/schema.js";
import type { ParsedStory } from "../../../lib/core/model.js";
import { analyzeProject } from "../../../lib/core/plan.js";
import { story } from "../story-builder.js";

const bare: Config = { ...DEFAULT_CONFIG, implicitDependencies: "never", foundation: [] };

function cycleErrors(stories: ParsedStory[], config: Config = bare) {
  return analyzeProject(stories, config).errors.filter((d) => d.code === "dependency-cycle");
}

describe("dependency cycles", () => {
  it("a 3-cycle names the whole cycle from its smallest id, with each edge's file:line", () => {
    const s = [story("1.4", { deps: ["1.2"], depLine: 5 }), story("1.2", { deps: ["1.3"], depLine: 7 }), story("1.3", { deps: ["1.4"], depLine: 8 }), story("1.1")];
    expect(cycleErrors(s)).toEqual([
      {
        code: "dependency-cycle",
        message:
          "Dependency cycle: 1.2 → 1.3 → 1.4 → 1.2. 1.2 depends on 1.3 (docs/stories/1.2.story.md:7); " +
          "1.3 depends on 1.4 (docs/stories/1.3.story.md:8); 1.4 depends on 1.2 (docs/stories/1.4.story.md:5).",
        file: "docs/stories/1.2.story.md",
        line: 7,
      },
    ]);
  });

  it("a 2-cycle made of a declared edge and a reverse edge cites both lines", () => {
    const s = [story("2.1", { deps: ["2.2"], depLine: 6 }), story("2.2", { blocks: ["2.1"], blocksLine: 10, deps: [] }), story("2.3", { deps: ["2.1"] })];
    // 2.2 blocks 2.1 is an edge 2.1 → 2.2, the same as the declared one: no cycle.
    expect(cycleErrors(s)).toEqual([]);
    // 2.3 blocks 2.2 while 2.3 → 2.1 → 2.2 is stated forward: the cycle exists only through the
    // reverse edge, which is dropped with a reverse-cycle warning (own-edges.test.ts), not an error.
    const c = [story("2.1", { deps: ["2.2"], depLine: 6 }), story("2.2", { deps: [] }), story("2.3", { blocks: ["2.2"], blocksLine: 4, deps: ["2.1"], depLine: 3 })];
    expect(cycleErrors(c)).toEqual([]);
    // Two stated forward edges make a real cycle: still an error.
    const d = [story("2.1", { deps: ["2.2"], depLine: 6 }), story("2.2", { deps: ["2.1"], depLine: 2, blocks: ["2.1"], blocksLine: 4 })];
    expect(cycleErrors(d).map((e) => e.message.split(".")[0])).toEqual(["Dependency cycle: 2"]);
  });

  it("a 2-cycle", () => {
    const s = [story("3.2", { deps: ["3.1"], depLine: 4 }), story("3.1", { deps: ["3.2"], depLine: 12 })];
    expect(cycleErrors(s)).toEqual([
      {
        code: "dependency-cycle",
        message: "Dependency cycle: 3.1 → 3.2 → 3.1. 3.1 depends on 3.2 (docs/stories/3.1.story.md:12); 3.2 depends on 3.1 (docs/stories/3.2.story.md:4).",
        file: "docs/stories/3.1.story.md",
        line: 12,
      },
    ]);
  });

  it("a cycle only through the implicit order is no error: the guess gives way (own-edges.test.ts)", () => {
    const s = [story("4.1", { deps: ["4.3"], depLine: 5 }), story("4.2"), story("4.3")];
    expect(cycleErrors(s, { ...bare, implicitDependencies: "when-undeclared" })).toEqual([]);
    // The same order stated by the authors is a real cycle.
    const stated = [story("4.1", { deps: ["4.3"], depLine: 5 }), story("4.2", { deps: ["4.1"], depLine: 6 }), story("4.3", { deps: ["4.2"], depLine: 7 })];
    expect(cycleErrors(stated, { ...bare, implicitDependencies: "when-undeclared" }).map((e) => e.message.split(".")[0])).toEqual(["Dependency cycle: 4"]);
  });

  it("two separate cycles are two errors, in id order", () => {
    const s = [story("5.2", { deps: ["5.1"] }), story("5.1", { deps: ["5.2"] }), story("1.2", { deps: ["1.1"] }), story("1.1", { deps: ["1.2"] }), story("1.3", { deps: ["1.1", "5.1"] })];
    expect(analyzeProject(s, bare).cycles).toEqual([["1.1", "1.2"], ["5.1", "5.2"]]);
  });

  it("stories on or behind a cycle get no wave; the others are scheduled", () => {
    const s = [story("1.1"), story("1.2", { deps: ["1.3"] }), story("1.3", { deps: ["1.2"] }), story("1.4", { deps: ["1.3"] })];
    const a = analyzeProject(s, bare);
    expect([...a.blockedByCycle.keys()].sort()).toEqual(["1.2", "1.3", "1.4"]);
    expect([...a.priority.keys()]).toEqual(["1.1"]);
  });

  it("finds cycles in a long chain without overflowing the stack", () => {
    const n = 20000;
    const s = Array.from({ length: n }, (_, i) => story(`1.${i + 1}`, { deps: i === 0 ? [`1.${n}`] : [`1.${i}`] }));
    const errors = cycleErrors(s);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message.startsWith("Dependency cycle: 1.1 → 1.20000 → 1.19999")).toBe(true);
  });
});

describe("cycles on node numbers", () => {
  it("an acyclic graph is settled by its topological order alone; a cycle is found with what waits behind it", async () => {
    const { makeDepGraph } = await import("../../../lib/core/graph/dep-graph.js");
    const { blockedByCycles, findCycleNodes } = await import("../../../lib/core/graph/cycles.js");
    const { topologicalOrder } = await import("../../../lib/core/graph/schedule.js");
    const acyclic = makeDepGraph(["a", "b"], new Map([["b", ["a"]]]), new Set());
    expect(findCycleNodes(acyclic, topologicalOrder(acyclic))).toEqual([]);
    const g = makeDepGraph(["a", "b", "c", "d"], new Map([["a", ["b"]], ["b", ["a"]], ["c", ["b"]]]), new Set());
    const cycles = findCycleNodes(g);
    expect(cycles).toEqual([[0, 1]]);
    expect(blockedByCycles(g, cycles)).toEqual([[0], [0], [0], undefined]);
  });
});
