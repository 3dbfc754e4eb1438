// The dependency graph the algorithms (cycles, waves, critical path) walk. Nodes are idKeys;
// the algorithms work on node numbers (positions in `nodes`: stories in id order, so a story's
// node number is its position in the StoryIndex) and packed adjacency arrays, not on maps of
// strings. Besides stories it may hold one virtual node, FOUNDATION_GATE: it depends on the
// foundation "sinks" and every gated story depends on it, so "everything waits for the
// foundation" costs n + m edges instead of n × m. Virtual nodes weigh nothing and never appear
// in output.
import type { Diag } from "../diagnostics.js";

export { indexStories, storiesInRange, storiesOfEpic, type StoryIndex } from "./story-index.js";

/** Not a valid story id, so it can never collide with a story's key. */
export const FOUNDATION_GATE = "@foundation";

/**
 * One neighbour list per node, packed: node i's neighbours are list[start[i]] up to (not
 * including) list[start[i + 1]]. Two typed arrays instead of an array per node.
 */
export interface Adjacency {
  start: Int32Array;
  list: Int32Array;
}

export interface DepGraph {
  /** Every node, stories in id order first, then virtual nodes. */
  nodes: string[];
  /** node → the nodes it depends on (waits for), by node number. */
  depsOf: Adjacency;
  /** node → the nodes that depend on it, by node number, in node order. */
  dependentsOf: Adjacency;
  /** 1 for a virtual node. */
  isVirtual: Uint8Array;
  // The same graph by node name, for the engine and tests; built on first use.
  deps: ReadonlyMap<string, readonly string[]>;
  dependents: ReadonlyMap<string, readonly string[]>;
  virtual: ReadonlySet<string>;
  /** Position of each node in `nodes`: the tie-breaker that keeps every result deterministic. */
  order: ReadonlyMap<string, number>;
}

/** The reverse of `adj` (over `count` nodes); each reversed list is in node order. */
export function reverseAdjacency(adj: Adjacency, count: number): Adjacency {
  const start = new Int32Array(count + 1);
  for (let k = 0; k < adj.list.length; k++) start[adj.list[k]! + 1]!++;
  for (let i = 0; i < count; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, count);
  const list = new Int32Array(adj.list.length);
  for (let i = 0; i < count; i++) {
    for (let k = adj.start[i]!; k < adj.start[i + 1]!; k++) {
      const target = adj.list[k]!;
      list[fill[target]!++] = i;
    }
  }
  return { start, list };
}

function namedLists(nodes: readonly string[], adj: Adjacency): Map<string, string[]> {
  const out = new Map<string, string[]>();
  nodes.forEach((n, i) => {
    const names: string[] = [];
    for (let k = adj.start[i]!; k < adj.start[i + 1]!; k++) names.push(nodes[adj.list[k]!] ?? "");
    out.set(n, names);
  });
  return out;
}

class Graph implements DepGraph {
  readonly dependentsOf: Adjacency;
  #deps: ReadonlyMap<string, readonly string[]> | undefined;
  #dependents: Map<string, string[]> | undefined;
  #virtual: ReadonlySet<string> | undefined;
  #order: ReadonlyMap<string, number> | undefined;

  constructor(
    readonly nodes: string[],
    readonly depsOf: Adjacency,
    readonly isVirtual: Uint8Array,
    named?: { deps: ReadonlyMap<string, readonly string[]>; order: ReadonlyMap<string, number>; virtual: ReadonlySet<string> },
  ) {
    this.dependentsOf = reverseAdjacency(depsOf, nodes.length);
    this.#deps = named?.deps;
    this.#order = named?.order;
    this.#virtual = named?.virtual;
  }

  get deps(): ReadonlyMap<string, readonly string[]> {
    this.#deps ??= namedLists(this.nodes, this.depsOf);
    return this.#deps;
  }

  get dependents(): ReadonlyMap<string, readonly string[]> {
    this.#dependents ??= namedLists(this.nodes, this.dependentsOf);
    return this.#dependents;
  }

  get virtual(): ReadonlySet<string> {
    this.#virtual ??= new Set(this.nodes.filter((_n, i) => this.isVirtual[i] === 1));
    return this.#virtual;
  }

  get order(): ReadonlyMap<string, number> {
    if (!this.#order) {
      const order = new Map<string, number>();
      this.nodes.forEach((n, i) => order.set(n, i));
      this.#order = order;
    }
    return this.#order;
  }
}

/** A graph from packed dependency lists (node numbers); `virtualFrom`: nodes from there on are virtual. */
export function graphFromAdjacency(nodes: string[], depsOf: Adjacency, virtualFrom: number): DepGraph {
  const isVirtual = new Uint8Array(nodes.length);
  isVirtual.fill(1, virtualFrom);
  return new Graph(nodes, depsOf, isVirtual);
}

/** A graph from named lists (tests, benches). A dependency that is not a node is left out of the walks. */
export function makeDepGraph(nodes: readonly string[], deps: ReadonlyMap<string, readonly string[]>, virtual: ReadonlySet<string>): DepGraph {
  const order = new Map<string, number>();
  nodes.forEach((n, i) => order.set(n, i));
  const start = new Int32Array(nodes.length + 1);
  const list: number[] = [];
  nodes.forEach((n, i) => {
    for (const d of deps.get(n) ?? []) {
      const j = order.get(d);
      if (j !== undefined) list.push(j);
    }
    start[i + 1] = list.length;
  });
  const isVirtual = new Uint8Array(nodes.length);
  nodes.forEach((n, i) => (isVirtual[i] = virtual.has(n) ? 1 : 0));
  return new Graph([...nodes], { start, list: new Int32Array(list) }, isVirtual, { deps, order, virtual });
}

/** Marks the nodes named in `names` (1) in an array over the graph's nodes. */
export function maskOf(graph: DepGraph, names: ReadonlySet<string>): Uint8Array {
  const mask = new Uint8Array(graph.nodes.length);
  graph.nodes.forEach((n, i) => (mask[i] = names.has(n) ? 1 : 0));
  return mask;
}

/** A diagnostic plus the stories (idKeys) it concerns, so a plan can keep the ones in scope. */
export interface RelatedDiag {
  diag: Diag;
  stories: string[];
  /** Warnings leave a plan runnable (unknown references are ignored); errors do not. */
  severity: "error" | "warning";
}
