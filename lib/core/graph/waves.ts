// Waves of the stories still to run: wave 0 has no open dependency; wave n depends only on
// earlier waves. Dependencies outside `runnable` (Done, or out of scope) count as satisfied;
// the caller leaves out stories on or behind a cycle, which get no wave.
// Waves are for display: execution starts each story as soon as its own dependencies merge.
import { internalError } from "../diagnostics.js";
import type { DepGraph } from "./dep-graph.js";

/**
 * Longest weighted path ending at each node, through `runnable` stories and virtual nodes
 * (weight 0). Iterative post-order DFS: deep chains must not overflow the stack.
 */
export function longestPathTo(
  graph: DepGraph,
  runnable: ReadonlySet<string>,
  weight: (key: string) => number,
  next: (key: string) => readonly string[] = (k) => graph.deps.get(k) ?? [],
): Map<string, number> {
  const memo = new Map<string, number>();
  const { virtual } = graph;
  const onStack = new Set<string>();
  // Two parallel stacks instead of a [node, expanded] tuple per push: no allocation per edge.
  const stack: string[] = [];
  const expanded: boolean[] = [];
  for (const root of graph.nodes) {
    if (!runnable.has(root) || memo.has(root)) continue;
    stack.push(root);
    expanded.push(false);
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (expanded.pop()) {
        let best = 0;
        for (const d of next(n)) {
          if (runnable.has(d) || virtual.has(d)) {
            const v = memo.get(d) ?? 0;
            if (v > best) best = v;
          }
        }
        memo.set(n, best + (virtual.has(n) ? 0 : weight(n)));
        onStack.delete(n);
        continue;
      }
      if (memo.has(n)) continue;
      if (onStack.has(n)) internalError(`cycle through ${n} reached the wave computation`);
      onStack.add(n);
      stack.push(n);
      expanded.push(true);
      for (const d of next(n)) {
        if ((runnable.has(d) || virtual.has(d)) && !memo.has(d)) {
          stack.push(d);
          expanded.push(false);
        }
      }
    }
  }
  return memo;
}

export interface Waves {
  waveOf: Map<string, number>;
  /** Story keys per wave, in id order. */
  waves: string[][];
}

export function computeWaves(graph: DepGraph, runnable: ReadonlySet<string>): Waves {
  const end = longestPathTo(graph, runnable, () => 1);
  const waveOf = new Map<string, number>();
  const waves: string[][] = [];
  for (const n of graph.nodes) {
    if (!runnable.has(n)) continue;
    const w = (end.get(n) ?? 1) - 1;
    waveOf.set(n, w);
    while (waves.length <= w) waves.push([]);
    waves[w]?.push(n);
  }
  return { waveOf, waves };
}
