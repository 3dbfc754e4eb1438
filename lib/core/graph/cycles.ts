// Finds dependency cycles. Each strongly connected component with more than one story is one
// `dependency-cycle` error naming one cycle through it, in order, starting at its smallest id,
// with the file:line of every edge.
//
// Peeling off every node that cannot be on a cycle first (no dependencies left, or no
// dependents left) is linear; strongly connected components of the tangled remainder come from
// an iterative Tarjan. (@dagrejs/graphlib's alg.findCycles recurses once per node and overflows
// the stack on a 20,000-story cycle, which the tests build.)
import { diag } from "../diagnostics.js";
import type { DepGraph, RelatedDiag } from "./dep-graph.js";
import type { DepEdge } from "./effective-dependencies.js";

/** Nodes that are on or between cycles: what survives peeling from both ends. */
function tangled(graph: DepGraph): Set<string> {
  const alive = new Set(graph.nodes);
  const peel = (forward: boolean): void => {
    const degree = new Map<string, number>();
    const queue: string[] = [];
    for (const n of alive) {
      const out = forward ? graph.deps.get(n) : graph.dependents.get(n);
      let d = 0;
      for (const m of out ?? []) if (alive.has(m)) d++;
      degree.set(n, d);
      if (d === 0) queue.push(n);
    }
    while (queue.length > 0) {
      const n = queue.pop() ?? "";
      alive.delete(n);
      for (const m of (forward ? graph.dependents.get(n) : graph.deps.get(n)) ?? []) {
        if (!alive.has(m)) continue;
        const d = (degree.get(m) ?? 0) - 1;
        degree.set(m, d);
        if (d === 0) queue.push(m);
      }
    }
  };
  peel(true);
  peel(false);
  return alive;
}

/** The shortest cycle through `start` inside `component` (BFS along dependencies). */
function cycleThrough(graph: DepGraph, start: string, component: ReadonlySet<string>): string[] {
  const parent = new Map<string, string>();
  const queue = [start];
  const ordered = (ns: readonly string[]): string[] => [...ns].sort((a, b) => (graph.order.get(a) ?? 0) - (graph.order.get(b) ?? 0));
  for (let i = 0; i < queue.length; i++) {
    const n = queue[i] ?? "";
    for (const d of ordered(graph.deps.get(n) ?? [])) {
      if (!component.has(d)) continue;
      if (d === start) {
        const path = [n];
        for (let p = n; p !== start; ) {
          p = parent.get(p) ?? start;
          path.push(p);
        }
        return path.reverse();
      }
      if (!parent.has(d) && d !== start) {
        parent.set(d, n);
        queue.push(d);
      }
    }
  }
  return [start];
}

/** Strongly connected components with more than one node, iteratively (Tarjan). */
function components(nodes: readonly string[], next: (n: string) => readonly string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work: { n: string; i: number }[] = [{ n: root, i: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const top = work[work.length - 1];
      if (!top) break;
      const succ = next(top.n);
      if (top.i < succ.length) {
        const m = succ[top.i++] ?? "";
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
        const comp: string[] = [];
        let m: string | undefined;
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

/** Cycles as node lists (a depends on b depends on c ... depends on a), sorted, deterministic. */
export function findDependencyCycles(graph: DepGraph): string[][] {
  const rest = tangled(graph);
  if (rest.size === 0) return [];
  const pos = (n: string): number => graph.order.get(n) ?? 0;
  const restNodes = graph.nodes.filter((n) => rest.has(n));
  const inRest = new Map<string, string[]>();
  for (const n of restNodes) inRest.set(n, (graph.deps.get(n) ?? []).filter((d) => rest.has(d)));
  const cycles = components(restNodes, (n) => inRest.get(n) ?? []).map((component) => {
    const start = [...component].sort((a, b) => pos(a) - pos(b))[0] ?? "";
    return cycleThrough(graph, start, new Set(component));
  });
  return cycles.sort((a, b) => pos(a[0] ?? "") - pos(b[0] ?? ""));
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
