// The graph the wave, schedule and critical-path tests share: a diamond 1 ← {2, 3} ← 4, a tail
// 4 ← 5, and a loose story 9.
import { makeDepGraph } from "../../../lib/core/graph/dep-graph.js";

export const diamond = makeDepGraph(
  ["1", "2", "3", "4", "5", "9"],
  new Map([
    ["2", ["1"]],
    ["3", ["1"]],
    ["4", ["2", "3"]],
    ["5", ["4"]],
  ]),
  new Set(),
);
