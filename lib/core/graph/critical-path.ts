// The critical path: the longest chain (by story count, or by per-story weight) through the
// stories still to run. `remaining` (the longest chain starting at a story, itself included) is
// the priority `next` uses: longest remaining critical path first. Both come from one pass
// (schedule.ts); these are the by-name forms.
import { maskOf, type DepGraph } from "./dep-graph.js";
import { criticalPathNodes, scheduleGraph } from "./schedule.js";

export interface CriticalPath {
  /** Story keys, first to run first. Virtual nodes are skipped. */
  path: string[];
  /** Story key → weight of the longest chain from it to the end of the work. */
  remaining: Map<string, number>;
}

/** Remaining critical path length per runnable story (the scheduling priority). */
export function remainingPathLengths(graph: DepGraph, runnable: ReadonlySet<string>, weight?: (key: string) => number): Map<string, number> {
  const { remaining, runnable: mask } = scheduleGraph(graph, maskOf(graph, runnable), weight);
  const out = new Map<string, number>();
  graph.nodes.forEach((n, i) => {
    if (mask[i] === 1) out.set(n, remaining[i]!);
  });
  return out;
}

/** The critical path through `runnable`, with every runnable story's remaining length. */
export function criticalPath(graph: DepGraph, runnable: ReadonlySet<string>, weight?: (key: string) => number): CriticalPath {
  const mask = maskOf(graph, runnable);
  const value = scheduleGraph(graph, mask, weight).remaining;
  const path = criticalPathNodes(graph, mask, value).map((i) => graph.nodes[i] ?? "");
  const remaining = new Map<string, number>();
  graph.nodes.forEach((n, i) => {
    if (mask[i] === 1) remaining.set(n, value[i]!);
  });
  return { path, remaining };
}
