import { describe, expect, it } from "vitest";
import { makeDepGraph } from "../../../lib/core/graph/dep-graph.js";
import { criticalPathNodes, scheduleGraph, topologicalOrder } from "../../../lib/core/graph/schedule.js";
import { diamond } from "./diamond.js";

const graph = diamond;
const all = new Uint8Array([1, 1, 1, 1, 1, 1]);

describe("topologicalOrder", () => {
  it("places every node after what it depends on", () => {
    const { order, placed } = topologicalOrder(graph);
    expect(placed).toBe(6);
    const at = new Map([...order].map((n, i) => [n, i]));
    const edges: [number, number][] = [[1, 0], [2, 0], [3, 1], [3, 2], [4, 3]];
    for (const [n, d] of edges) expect(at.get(n)!).toBeGreaterThan(at.get(d)!);
  });

  it("leaves out the nodes on or behind a cycle", () => {
    const cyclic = makeDepGraph(["a", "b", "c", "d"], new Map([["a", ["b"]], ["b", ["a"]], ["c", ["a"]]]), new Set());
    const { order, placed } = topologicalOrder(cyclic);
    expect([...order.slice(0, placed)]).toEqual([3]);
  });
});

describe("scheduleGraph", () => {
  it("gives the longest chain ending at each node (waves) and starting at it (priority)", () => {
    const s = scheduleGraph(graph, all);
    expect([...s.end]).toEqual([1, 2, 2, 3, 4, 1]);
    expect([...s.remaining]).toEqual([4, 3, 3, 2, 1, 1]);
    expect(s.runnableCount).toBe(6);
  });

  it("with the whole graph's order gives the same as sorting the runnable part itself", () => {
    const some = new Uint8Array([0, 1, 1, 1, 0, 1]);
    const whole = topologicalOrder(graph);
    const a = scheduleGraph(graph, some);
    const b = scheduleGraph(graph, some, undefined, whole);
    expect([...b.end]).toEqual([...a.end]);
    expect([...b.remaining]).toEqual([...a.remaining]);
    expect([...a.end]).toEqual([0, 1, 1, 2, 0, 1]);
  });

  it("weights: fractional weights are kept; virtual nodes weigh nothing", () => {
    const g = makeDepGraph(["a", "b", "@v"], new Map([["@v", ["a"]], ["b", ["@v"]]]), new Set(["@v"]));
    const s = scheduleGraph(g, new Uint8Array([1, 1, 0]), (k) => (k === "a" ? 1.5 : 1));
    expect([...s.end]).toEqual([1.5, 2.5, 1.5]);
  });

  it("refuses a runnable story on a cycle", () => {
    const cyclic = makeDepGraph(["a", "b"], new Map([["a", ["b"]], ["b", ["a"]]]), new Set());
    expect(() => scheduleGraph(cyclic, new Uint8Array([1, 1]))).toThrow(/Internal error: cycle through a/);
  });
});

describe("criticalPathNodes", () => {
  it("follows the longest remaining chain; ties go to the earliest node", () => {
    const s = scheduleGraph(graph, all);
    expect(criticalPathNodes(graph, all, s.remaining)).toEqual([0, 1, 3, 4]);
  });

  it("skips virtual nodes on the way", () => {
    const g = makeDepGraph(["a", "b", "@v"], new Map([["@v", ["a"]], ["b", ["@v"]]]), new Set(["@v"]));
    const runnable = new Uint8Array([1, 1, 0]);
    expect(criticalPathNodes(g, runnable, scheduleGraph(g, runnable).remaining)).toEqual([0, 1]);
  });
});
