// Finds dependency cycles. Each strongly connected component with more than one story is one
// `dependency-cycle` error naming one cycle through it, in order, starting at its smallest id,
// with the file:line of every edge.
//
// Peeling off every node that cannot be on a cycle first (no dependencies left, or no
// dependents left) is linear, and most projects end there: nothing left, no cycle. Strongly
// connected components of the tangled remainder come from an iterative Tarjan. (@dagrejs/graphlib's alg.findCycles recurses once per node and overflows
// the stack on a 20,000-story cycle, which the tests build.) Everything runs on node numbers;
// node order is id order, the tie-breaker that keeps every result deterministic.
import { diag } from "../diagnostics.js";
import type { Adjacency, DepGraph, RelatedDiag } from "./dep-graph.js";
import type { DepEdge } from "./effective-dependencies.js";
import { topologicalOrder, type TopologicalOrder } from "./schedule.js";

/** Drops, one after another, alive nodes with no alive `out` neighbour left (`back` is the reverse). */
function peel(alive: Uint8Array, out: Adjacency, back: Adjacency): void {
  const degree = new Int32Array(alive.length);
  const queue: number[] = [];
  for (let n = 0; n < alive.length; n++) {
    if (alive[n] === 0) continue;
    let d = 0;
    for (let k = out.start[n]!; k < out.start[n + 1]!; k++) d += alive[out.list[k]!]!;
    degree[n] = d;
    if (d === 0) queue.push(n);
  }
  while (queue.length > 0) {
    const n = queue.pop()!;
    alive[n] = 0;
    for (let k = back.start[n]!; k < back.start[n + 1]!; k++) {
      const m = back.list[k]!;
      if (alive[m] === 1 && --degree[m]! === 0) queue.push(m);
    }
  }
}

/**
 * Nodes that are on or between cycles: what survives peeling from both ends. Peeling nodes with
 * no dependency left is what a topological order places, so that end comes from `topo`.
 */
function tangled(graph: DepGraph, topo: TopologicalOrder): Uint8Array {
  const alive = new Uint8Array(graph.nodes.length).fill(1);
  for (let k = 0; k < topo.placed; k++) alive[topo.order[k]!] = 0;
  peel(alive, graph.dependentsOf, graph.depsOf);
  return alive;
}

/** The dependencies of `n` that are in `among`, in node order. */
function depsAmong(graph: DepGraph, n: number, among: (m: number) => boolean): number[] {
  const out: number[] = [];
  for (let k = graph.depsOf.start[n]!; k < graph.depsOf.start[n + 1]!; k++) if (among(graph.depsOf.list[k]!)) out.push(graph.depsOf.list[k]!);
  return out;
}

/** The shortest cycle through `start` inside `component` (BFS along dependencies). */
function cycleThrough(graph: DepGraph, start: number, component: ReadonlySet<number>): number[] {
  const parent = new Map<number, number>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const n = queue[i]!;
    for (const d of depsAmong(graph, n, (m) => component.has(m)).sort((a, b) => a - b)) {
      if (d === start) {
        const path = [n];
        for (let p = n; p !== start; ) {
          p = parent.get(p) ?? start;
          path.push(p);
        }
        return path.reverse();
      }
      if (!parent.has(d)) {
        parent.set(d, n);
        queue.push(d);
      }
    }
  }
  return [start];
}

/** Strongly connected components with more than one node, iteratively (Tarjan). */
function components(nodes: readonly number[], next: (n: number) => readonly number[]): number[][] {
  const index = new Map<number, number>();
  const low = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { n: number; i: number }[] = [{ n: root, i: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const top = work[work.length - 1];
      if (!top) break;
      const succ = next(top.n);
      if (top.i < succ.length) {
        const m = succ[top.i++]!;
        if (!index.has(m)) {
          index.set(m, counter);
          low.set(m, counter++);
          stack.push(m);
          onStack.add(m);
          work.push({ n: m, i: 0 });
        } else if (onStack.has(m)) {
          low.set(top.n, Math.min(low.get(top.n) ?? 0, index.get(m) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.n, Math.min(low.get(parent.n) ?? 0, low.get(top.n) ?? 0));
      if (low.get(top.n) === index.get(top.n)) {
        const comp: number[] = [];
        let m: number | undefined;
        do {
          m = stack.pop();
          if (m === undefined) break;
          onStack.delete(m);
          comp.push(m);
        } while (m !== top.n);
        if (comp.length > 1) out.push(comp);
      }
    }
  }
  return out;
}

/** Cycles as node numbers (a depends on b depends on c ... depends on a), sorted, deterministic. */
export function findCycleNodes(graph: DepGraph, topo: TopologicalOrder = topologicalOrder(graph)): number[][] {
  if (topo.placed === graph.nodes.length) return [];
  const rest = tangled(graph, topo);
  const restNodes: number[] = [];
  rest.forEach((alive, n) => alive === 1 && restNodes.push(n));
  if (restNodes.length === 0) return [];
  const inRest = new Map<number, number[]>();
  for (const n of restNodes) inRest.set(n, depsAmong(graph, n, (m) => rest[m] === 1));
  const cycles = components(restNodes, (n) => inRest.get(n) ?? []).map((component) =>
    cycleThrough(graph, component.reduce((a, b) => Math.min(a, b)), new Set(component)),
  );
  return cycles.sort((a, b) => a[0]! - b[0]!);
}

/**
 * For each node, the cycles (indexes into `cycles`) it is on or waits behind: everything that
 * depends, directly or not, on a node of the cycle. Undefined for the nodes of no cycle.
 */
export function blockedByCycles(graph: DepGraph, cycles: readonly (readonly number[])[]): (number[] | undefined)[] {
  const out: (number[] | undefined)[] = new Array<number[] | undefined>(graph.nodes.length);
  const { dependentsOf } = graph;
  cycles.forEach((cycle, c) => {
    const seen = new Set<number>(cycle);
    const stack = [...cycle];
    while (stack.length > 0) {
      const n = stack.pop()!;
      (out[n] ??= []).push(c);
      for (let k = dependentsOf.start[n]!; k < dependentsOf.start[n + 1]!; k++) {
        const d = dependentsOf.list[k]!;
        if (!seen.has(d)) {
          seen.add(d);
          stack.push(d);
        }
      }
    }
  });
  return out;
}

export interface CycleNaming {
  /** Story id as written, for messages. */
  display(key: string): string;
  /** The edge from → to, when it is a story edge; undefined for the foundation gate. */
  edge(from: string, to: string): DepEdge | undefined;
  /** Path of a story's file, for edges written nowhere (implicit, foundation). */
  pathOf(key: string): string | undefined;
}

function why(e: DepEdge | undefined, naming: CycleNaming): string {
  if (!e) return "foundation rule";
  const at = e.file !== undefined && e.line !== undefined ? `${e.file}:${e.line}` : e.file;
  switch (e.origin) {
    case "declared":
    case "front-matter":
      return at ?? "declared";
    case "reverse":
      return `${naming.display(e.to)} blocks ${naming.display(e.from)}: ${at ?? "declared"}`;
    case "implicit":
      return "implicit: nearest lower story of the same epic";
    case "foundation":
      return "foundation rule";
  }
}

export function cycleDiagnostic(cycle: readonly string[], naming: CycleNaming): RelatedDiag {
  const stories = cycle.filter((n) => naming.pathOf(n) !== undefined);
  const names = cycle.map((n) => (naming.pathOf(n) !== undefined ? naming.display(n) : "foundation"));
  const steps: string[] = [];
  let where: { file?: string; line?: number } | undefined;
  cycle.forEach((from, i) => {
    const to = cycle[(i + 1) % cycle.length] ?? "";
    const e = naming.edge(from, to);
    if (!where && e?.file !== undefined) where = { file: e.file, line: e.line };
    steps.push(`${names[i]} depends on ${names[(i + 1) % cycle.length]} (${why(e, naming)})`);
  });
  where ??= { file: naming.pathOf(stories[0] ?? "") };
  const message = `Dependency cycle: ${[...names, names[0]].join(" → ")}. ${steps.join("; ")}.`;
  return { diag: diag("dependency-cycle", message, where.file, where.line), stories, severity: "error" };
}
