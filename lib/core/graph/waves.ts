// Waves of the stories still to run: wave 0 has no open dependency; wave n depends only on
// earlier waves. Dependencies outside `runnable` (Done, or out of scope) count as satisfied;
// the caller leaves out stories on or behind a cycle, which get no wave.
// Waves are for display: execution starts each story as soon as its own dependencies merge.
// A story's wave is the length of the longest chain ending at it, minus one (schedule.ts).
import { maskOf, type DepGraph } from "./dep-graph.js";
import { scheduleGraph } from "./schedule.js";

export interface Waves {
  waveOf: Map<string, number>;
  /** Story keys per wave, in id order. */
  waves: string[][];
}

export function computeWaves(graph: DepGraph, runnable: ReadonlySet<string>): Waves {
  const { runnable: mask, end } = scheduleGraph(graph, maskOf(graph, runnable));
  const waveOf = new Map<string, number>();
  const waves: string[][] = [];
  graph.nodes.forEach((n, i) => {
    if (mask[i] === 0) return;
    const w = end[i]! - 1;
    waveOf.set(n, w);
    while (waves.length <= w) waves.push([]);
    waves[w]?.push(n);
  });
  return { waveOf, waves };
}
