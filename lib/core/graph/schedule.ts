// Waves, remaining critical path lengths and the critical path all come from one pass in
// dependency order over the active part of the graph: the runnable stories plus the virtual
// nodes. A dependency outside it (Done, out of scope) counts as satisfied. The order is the
// whole graph's when it has no cycle (the cycle check computes it anyway), else Kahn's
// algorithm over the active part. Iterative and on node numbers: deep chains cannot overflow
// the stack, and no map is built per node.
import { internalError } from "../diagnostics.js";
import type { DepGraph } from "./dep-graph.js";

/**
 * Per-node lengths: whole numbers with unit weights. Int32Array then, because reading a
 * Float64Array element in not-yet-optimised code allocates a number object each time.
 */
export type Lengths = Int32Array | Float64Array;

export interface Schedule {
  /** Per node: 1 for the nodes being scheduled (stories still to run). */
  runnable: Uint8Array;
  /** How many nodes are runnable. */
  runnableCount: number;
  /**
   * Per active node: weight of the longest chain of active nodes ending at it, itself included
   * (with unit weights a story's wave is end - 1). 0 for inactive nodes.
   */
  end: Lengths;
  /** Per active node: weight of the longest chain starting at it (the remaining critical path). */
  remaining: Lengths;
}

/** The nodes in dependency order (Kahn): every node after all it depends on. */
export interface TopologicalOrder {
  order: Int32Array;
  /** How many nodes `order` holds: fewer than all when some are on or behind a cycle. */
  placed: number;
}

export function topologicalOrder(graph: DepGraph): TopologicalOrder {
  const count = graph.nodes.length;
  const { depsOf, dependentsOf } = graph;
  const pending = new Int32Array(count);
  const order = new Int32Array(count);
  let placed = 0;
  for (let i = 0; i < count; i++) {
    pending[i] = depsOf.start[i + 1]! - depsOf.start[i]!;
    if (pending[i] === 0) order[placed++] = i;
  }
  for (let head = 0; head < placed; head++) {
    const v = order[head]!;
    for (let k = dependentsOf.start[v]!; k < dependentsOf.start[v + 1]!; k++) {
      const m = dependentsOf.list[k]!;
      if (--pending[m]! === 0) order[placed++] = m;
    }
  }
  return { order, placed };
}

/**
 * `weight` gives a story's weight (default 1); virtual nodes weigh nothing. `whole`: the order
 * of the whole graph when it has no cycle (topologicalOrder), which saves sorting the active
 * part again. Throws an internal error when a runnable story is on a cycle: callers leave out
 * stories on or behind one.
 */
export function scheduleGraph(graph: DepGraph, runnable: Uint8Array, weight?: (key: string) => number, whole?: TopologicalOrder): Schedule {
  const count = graph.nodes.length;
  const { depsOf, dependentsOf, isVirtual } = graph;
  const active = new Uint8Array(count);
  const lengths = (): Lengths => (weight ? new Float64Array(count) : new Int32Array(count));
  // Each active node's weight: 1 for a story (or its `weight`), 0 for a virtual node.
  const w = lengths();
  let runnableCount = 0;
  let activeCount = 0;
  for (let i = 0; i < count; i++) {
    if (runnable[i] === 1) {
      runnableCount++;
      w[i] = isVirtual[i] === 1 ? 0 : weight ? weight(graph.nodes[i] ?? "") : 1;
    } else if (isVirtual[i] === 0) continue;
    active[i] = 1;
    activeCount++;
  }
  const acyclic = whole !== undefined && whole.placed === count;
  const { order, placed } = acyclic ? whole : activeOrder(graph, active, activeCount);
  if (!acyclic && placed < activeCount) {
    // Some runnable story never had all its dependencies placed: it is on or behind a cycle.
    const isPlaced = new Uint8Array(count);
    for (let k = 0; k < placed; k++) isPlaced[order[k]!] = 1;
    for (let i = 0; i < count; i++) {
      if (runnable[i] === 1 && isPlaced[i] === 0) internalError(`cycle through ${graph.nodes[i]} reached the wave computation`);
    }
  }

  // Dependency order: every active dependency is final before the node itself.
  const end = lengths();
  for (let k = 0; k < placed; k++) {
    const v = order[k]!;
    if (active[v] === 0) continue;
    let longest = 0;
    for (let j = depsOf.start[v]!; j < depsOf.start[v + 1]!; j++) {
      const d = depsOf.list[j]!;
      if (active[d] === 1 && end[d]! > longest) longest = end[d]!;
    }
    end[v] = longest + w[v]!;
  }
  // Reverse order: every active dependent is final before the node itself.
  const remaining = lengths();
  for (let k = placed - 1; k >= 0; k--) {
    const v = order[k]!;
    if (active[v] === 0) continue;
    let longest = 0;
    for (let j = dependentsOf.start[v]!; j < dependentsOf.start[v + 1]!; j++) {
      const m = dependentsOf.list[j]!;
      if (active[m] === 1 && remaining[m]! > longest) longest = remaining[m]!;
    }
    remaining[v] = longest + w[v]!;
  }
  return { runnable, runnableCount, end, remaining };
}

/** Kahn over the active nodes only: a dependency outside them counts as satisfied. */
function activeOrder(graph: DepGraph, active: Uint8Array, activeCount: number): TopologicalOrder {
  const count = graph.nodes.length;
  const { depsOf, dependentsOf } = graph;
  const pending = new Int32Array(count);
  const order = new Int32Array(activeCount);
  let placed = 0;
  for (let i = 0; i < count; i++) {
    if (active[i] === 0) continue;
    let n = 0;
    for (let k = depsOf.start[i]!; k < depsOf.start[i + 1]!; k++) n += active[depsOf.list[k]!]!;
    pending[i] = n;
    if (n === 0) order[placed++] = i;
  }
  for (let head = 0; head < placed; head++) {
    const v = order[head]!;
    for (let k = dependentsOf.start[v]!; k < dependentsOf.start[v + 1]!; k++) {
      const m = dependentsOf.list[k]!;
      if (active[m] === 1 && --pending[m]! === 0) order[placed++] = m;
    }
  }
  return { order, placed };
}

/**
 * The critical path as node numbers (virtual nodes skipped): from the runnable story with the
 * longest remaining chain, each step to the active dependent with the longest one; ties go to
 * the earliest node (stories are in id order). `value` is each node's remaining length.
 */
export function criticalPathNodes(graph: DepGraph, runnable: Uint8Array, value: Lengths): number[] {
  const { dependentsOf, isVirtual } = graph;
  const better = (n: number, pick: number): boolean =>
    pick < 0 || value[n]! > value[pick]! || (value[n]! === value[pick]! && n < pick);
  let cur = -1;
  for (let i = 0; i < graph.nodes.length; i++) if (runnable[i] === 1 && better(i, cur)) cur = i;
  const path: number[] = [];
  while (cur >= 0) {
    if (isVirtual[cur] === 0) path.push(cur);
    let next = -1;
    for (let k = dependentsOf.start[cur]!; k < dependentsOf.start[cur + 1]!; k++) {
      const m = dependentsOf.list[k]!;
      if ((runnable[m] === 1 || isVirtual[m] === 1) && better(m, next)) next = m;
    }
    cur = next;
  }
  return path;
}
