// The critical path: the longest chain (by story count, or by per-story weight) through the
// stories still to run. `remaining` (the longest chain starting at a story, itself included) is
// the priority `next` uses: longest remaining critical path first.
import type { DepGraph } from "./dep-graph.js";
import { longestPathTo } from "./waves.js";

export interface CriticalPath {
  /** Story keys, first to run first. Virtual nodes are skipped. */
  path: string[];
  /** Story key → weight of the longest chain from it to the end of the work. */
  remaining: Map<string, number>;
}

/** Remaining critical path length per runnable story (the scheduling priority). */
export function remainingPathLengths(graph: DepGraph, runnable: ReadonlySet<string>, weight: (key: string) => number = () => 1): Map<string, number> {
  const all = longestPathTo(graph, runnable, weight, (k) => graph.dependents.get(k) ?? []);
  const out = new Map<string, number>();
  for (const [k, v] of all) if (runnable.has(k)) out.set(k, v);
  return out;
}

/**
 * `known`: remaining lengths already computed for exactly this `runnable` set and weight (the
 * project analysis holds them), so a whole-project plan does not walk the graph twice.
 */
export function criticalPath(
  graph: DepGraph,
  runnable: ReadonlySet<string>,
  weight: (key: string) => number = () => 1,
  known?: ReadonlyMap<string, number>,
): CriticalPath {
  const all = known ?? longestPathTo(graph, runnable, weight, (k) => graph.dependents.get(k) ?? []);
  const active = (n: string): boolean => runnable.has(n) || graph.virtual.has(n);
  // Ties go to the earliest id: graph.nodes is in id order.
  const best = (candidates: Iterable<string>): string | undefined => {
    let pick: string | undefined;
    for (const n of candidates) {
      if (!active(n)) continue;
      if (pick === undefined || (all.get(n) ?? 0) > (all.get(pick) ?? 0) || ((all.get(n) ?? 0) === (all.get(pick) ?? 0) && (graph.order.get(n) ?? 0) < (graph.order.get(pick) ?? 0))) pick = n;
    }
    return pick;
  };
  const path: string[] = [];
  let cur = best(graph.nodes.filter((n) => runnable.has(n)));
  while (cur !== undefined) {
    if (!graph.virtual.has(cur)) path.push(cur);
    cur = best(graph.dependents.get(cur) ?? []);
  }
  const remaining = new Map<string, number>();
  for (const [k, v] of all) if (runnable.has(k)) remaining.set(k, v);
  return { path, remaining };
}
