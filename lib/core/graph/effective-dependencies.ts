// Turns what story files say (DepRefs, `Blocks:` lines) plus the seed rules (foundation,
// implicit same-epic order) into the effective dependency graph. Every edge remembers where it
// came from, so a cycle message can point at the line that made it.
//
// Rule precedence: what a file states (declared, front matter, reverse) comes first; the
// implicit rule then the foundation rule never contradict it:
// - an implicit edge S → P is skipped when P itself states a dependency on S (own-edges.ts);
// - stories that a foundation story depends on (directly or not) are exempt from the
//   foundation rule: they are effectively foundation too, and gating them would be a cycle.
// Foundation edges point at the foundation "sinks" (foundation stories no other foundation story
// depends on): every foundation story is a sink or an ancestor of one, so depending on the sinks
// is sufficient, and it is minimal. Internally they go through the FOUNDATION_GATE node.
//
// Stories are numbered by their position in the StoryIndex; edges are kept in packed arrays
// (see Adjacency), and the by-name maps are built only when someone asks for them.
import type { Config } from "../config/schema.js";
import { diag } from "../diagnostics.js";
import { compileScopePattern } from "../scope.js";
import { FOUNDATION_GATE, graphFromAdjacency, type Adjacency, type DepGraph, type RelatedDiag, type StoryIndex } from "./dep-graph.js";
import { ownEdgeAt, ownEdges, type DepEdge, type OwnEdges } from "./own-edges.js";

export type { DepEdge, EdgeOrigin } from "./own-edges.js";

export interface EffectiveDependencies {
  graph: DepGraph;
  /**
   * Stated and implicit edges (no foundation edges), one per target, by story position: story
   * i's targets are own.list[own.start[i]] up to own.list[own.start[i + 1]], in id order.
   */
  own: Adjacency;
  /** The edge at own.list[k], built on first use (a plan without problems needs none). */
  ownEdge(k: number): DepEdge;
  /** 1 for a story that waits for the foundation (it depends on the gate). */
  isGated: Uint8Array;
  /** Foundation sinks (positions, id order): what a gated story's foundation edges point at. */
  sinks: readonly number[];
  diagnostics: RelatedDiag[];
  // By key, for the engine and tests (built on first use).
  /** Stated and implicit edges per story (no foundation edges), one per target. */
  edges: ReadonlyMap<string, readonly DepEdge[]>;
  /** Stories that wait for the foundation (they depend on the gate). */
  gated: ReadonlySet<string>;
  /** Foundation sinks (keys, id order). */
  foundationSinks: readonly string[];
  foundation: ReadonlySet<string>;
}

/** Stories some foundation story waits for, directly or not (iterative DFS over own edges). */
function foundationAncestors(own: Adjacency, foundation: readonly number[]): Uint8Array {
  const seen = new Uint8Array(own.start.length - 1);
  for (const f of foundation) seen[f] = 1;
  const stack = [...foundation];
  const out = new Uint8Array(seen.length);
  while (stack.length > 0) {
    const n = stack.pop()!;
    for (let k = own.start[n]!; k < own.start[n + 1]!; k++) {
      const d = own.list[k]!;
      if (seen[d] === 1) continue;
      seen[d] = 1;
      out[d] = 1;
      stack.push(d);
    }
  }
  return out;
}

class Effective implements EffectiveDependencies {
  readonly foundationSinks: readonly string[];
  readonly own: Adjacency;
  #edgeAt: (DepEdge | undefined)[] | undefined;
  #edges: Map<string, DepEdge[]> | undefined;
  #gated: Set<string> | undefined;
  #foundation: Set<string> | undefined;

  constructor(
    private readonly index: StoryIndex,
    private readonly stated: OwnEdges,
    readonly graph: DepGraph,
    readonly isGated: Uint8Array,
    private readonly isFoundation: Uint8Array,
    readonly sinks: readonly number[],
    readonly diagnostics: RelatedDiag[],
  ) {
    this.own = stated.adj;
    this.foundationSinks = sinks.map((i) => index.keys[i]!);
  }

  ownEdge(k: number): DepEdge {
    this.#edgeAt ??= new Array<DepEdge | undefined>(this.own.list.length);
    return (this.#edgeAt[k] ??= ownEdgeAt(this.index, this.stated, k));
  }

  get edges(): ReadonlyMap<string, readonly DepEdge[]> {
    if (!this.#edges) {
      const edges = new Map<string, DepEdge[]>();
      this.index.keys.forEach((key, i) => {
        const list: DepEdge[] = [];
        for (let k = this.own.start[i]!; k < this.own.start[i + 1]!; k++) list.push(this.ownEdge(k));
        edges.set(key, list);
      });
      this.#edges = edges;
    }
    return this.#edges;
  }

  get gated(): ReadonlySet<string> {
    this.#gated ??= new Set(this.index.keys.filter((_k, i) => this.isGated[i] === 1));
    return this.#gated;
  }

  get foundation(): ReadonlySet<string> {
    this.#foundation ??= new Set(this.index.keys.filter((_k, i) => this.isFoundation[i] === 1));
    return this.#foundation;
  }
}

export function effectiveDependencies(index: StoryIndex, config: Config): EffectiveDependencies {
  const { keys, sorted } = index;
  const count = keys.length;
  const diags: RelatedDiag[] = [];
  const stated = ownEdges(index, config.implicitDependencies, diags);
  const own = stated.adj;

  const isFoundation = new Uint8Array(count);
  const foundation: number[] = []; // the same, as a list: a few stories out of thousands
  for (const pattern of config.foundation) {
    const m = compileScopePattern(pattern, () => index.epicNames);
    if (!m.ok) {
      for (const d of m.error) diags.push({ diag: diag("invalid-config", `foundation: ${d.message}`), stories: [], severity: "error" });
      continue;
    }
    for (let i = 0; i < count; i++) {
      if (isFoundation[i] === 0 && m.value(sorted[i]!, keys[i])) {
        isFoundation[i] = 1;
        foundation.push(i);
      }
    }
  }
  const hasFoundationDependent = new Uint8Array(count);
  for (const f of foundation) {
    for (let k = own.start[f]!; k < own.start[f + 1]!; k++) if (isFoundation[own.list[k]!] === 1) hasFoundationDependent[own.list[k]!] = 1;
  }
  const sinks = foundation.filter((f) => hasFoundationDependent[f] === 0).sort((a, b) => a - b);
  const exempt = foundationAncestors(own, foundation);

  // The graph: own edges, plus gated story → gate → sinks (the gate is node `count`). Every
  // story that is neither foundation nor exempt is gated, when there is a foundation at all.
  const isGated = new Uint8Array(count);
  const gate = sinks.length > 0;
  const start = new Int32Array(count + 2);
  const list = new Int32Array(own.list.length + count + sinks.length);
  let at = 0;
  let gatedCount = 0;
  for (let i = 0; i < count; i++) {
    for (let k = own.start[i]!; k < own.start[i + 1]!; k++) list[at++] = own.list[k]!;
    if (gate && isFoundation[i] === 0 && exempt[i] === 0) {
      isGated[i] = 1;
      gatedCount++;
      list[at++] = count;
    }
    start[i + 1] = at;
  }
  const nodes = [...keys];
  if (gatedCount > 0) {
    nodes.push(FOUNDATION_GATE);
    for (const s of sinks) list[at++] = s;
    start[count + 1] = at;
  }
  const graph = graphFromAdjacency(nodes, { start: start.subarray(0, nodes.length + 1), list: list.subarray(0, at) }, count);
  return new Effective(index, stated, graph, isGated, isFoundation, sinks, diags);
}

/**
 * Every effective target of story `i` (foundation sinks included), in id order, written to
 * out[0..n); returns n. Positions are unique, so merging the two sorted lists keeps id order.
 */
export function effectiveTargets(eff: EffectiveDependencies, i: number, out: number[]): number {
  const { own, sinks } = eff;
  let n = 0;
  let k = own.start[i]!;
  const end = own.start[i + 1]!;
  if (eff.isGated[i] === 1) {
    for (let j = 0; j < sinks.length; j++) {
      const s = sinks[j]!;
      while (k < end && own.list[k]! < s) out[n++] = own.list[k++]!;
      if (k < end && own.list[k] === s) continue; // a stated edge to a sink keeps its origin
      out[n++] = s;
    }
  }
  while (k < end) out[n++] = own.list[k++]!;
  return n;
}

/** The stated or implicit edge from → to (story keys), if there is one: what a cycle message cites. */
export function statedEdge(eff: EffectiveDependencies, index: StoryIndex, from: string, to: string): DepEdge | undefined {
  const i = index.position.get(from);
  const j = index.position.get(to);
  if (i === undefined || j === undefined) return undefined;
  for (let k = eff.own.start[i]!; k < eff.own.start[i + 1]!; k++) if (eff.own.list[k] === j) return eff.ownEdge(k);
  return undefined;
}

/**
 * Every effective edge of one story, foundation edges included, sorted by the target's id.
 * A stated edge to a foundation sink keeps its stated origin.
 */
export function effectiveEdgesOf(eff: EffectiveDependencies, index: StoryIndex, key: string): DepEdge[] {
  const i = index.position.get(key);
  if (i === undefined) return [];
  const lo = eff.own.start[i]!;
  const hi = eff.own.start[i + 1]!;
  const out: DepEdge[] = [];
  let k = lo;
  if (eff.isGated[i] === 1) {
    for (const s of eff.sinks) {
      while (k < hi && eff.own.list[k]! < s) out.push(eff.ownEdge(k++));
      if (k < hi && eff.own.list[k] === s) continue; // a stated edge to a sink keeps its origin
      out.push({ from: key, to: index.keys[s]!, origin: "foundation" });
    }
  }
  while (k < hi) out.push(eff.ownEdge(k++));
  return out;
}
