import { describe, expect, it } from "vitest";
import { criticalPath } from "../../../lib/core/graph/critical-path.js";
import { makeDepGraph } from "../../../lib/core/graph/dep-graph.js";
import { computeWaves } from "../../../lib/core/graph/waves.js";
import { diamond } from "./diamond.js";

const graph = diamond;

describe("waves", () => {
  it("layers a diamond: each story one wave after its latest dependency", () => {
    expect(computeWaves(graph, new Set(["1", "2", "3", "4", "5", "9"])).waves).toEqual([["1", "9"], ["2", "3"], ["4"], ["5"]]);
  });

  it("a Done dependency is satisfied and not scheduled", () => {
    const w = computeWaves(graph, new Set(["2", "3", "4", "5"]));
    expect(w.waves).toEqual([["2", "3"], ["4"], ["5"]]);
    expect(w.waveOf.has("1")).toBe(false);
  });

  it("a virtual node weighs nothing", () => {
    const g = makeDepGraph(["0.1", "1.1", "1.2", "@foundation"], new Map([["@foundation", ["0.1"]], ["1.1", ["@foundation"]], ["1.2", ["@foundation", "1.1"]]]), new Set(["@foundation"]));
    expect(computeWaves(g, new Set(["0.1", "1.1", "1.2"])).waves).toEqual([["0.1"], ["1.1"], ["1.2"]]);
    expect(criticalPath(g, new Set(["0.1", "1.1", "1.2"])).path).toEqual(["0.1", "1.1", "1.2"]);
  });
});

describe("critical path", () => {
  it("runs through a diamond, ties broken by id order", () => {
    const cp = criticalPath(graph, new Set(["1", "2", "3", "4", "5", "9"]));
    expect(cp.path).toEqual(["1", "2", "4", "5"]);
    expect(Object.fromEntries(cp.remaining)).toEqual({ "1": 4, "2": 3, "3": 3, "4": 2, "5": 1, "9": 1 });
  });

  it("weights change the path", () => {
    const cp = criticalPath(graph, new Set(["1", "2", "3", "4", "5", "9"]), (k) => (k === "3" ? 5 : k === "9" ? 20 : 1));
    expect(cp.path).toEqual(["9"]);
    const cp2 = criticalPath(graph, new Set(["1", "2", "3", "4", "5"]), (k) => (k === "3" ? 5 : 1));
    expect(cp2.path).toEqual(["1", "3", "4", "5"]);
    expect(cp2.remaining.get("1")).toBe(8);
  });

  it("Done stories are not on it", () => {
    expect(criticalPath(graph, new Set(["3", "4", "9"])).path).toEqual(["3", "4"]);
  });
});
