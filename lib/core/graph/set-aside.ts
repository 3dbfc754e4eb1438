// Errors stay local (DESIGN.md "Validation"): a story with a problem of its own (a duplicate id,
// a file that does not parse, a front-matter error) or on a real dependency cycle is set aside,
// and so is every story that depends on it, directly or not. The rest plans and runs.
//
// One breadth-first walk along the dependents from every problem at once: each set-aside story
// learns the nearest problem it waits behind and the dependency it waits through, which is what
// its message names. Projects without a problem (nearly all runs) pay one pass over the stories.
import type { DepGraph } from "./dep-graph.js";

export interface SetAsideFacts {
  /** How many stories are set aside. */
  count: number;
  /** Per graph node: the position of the story whose problem it is or waits behind; -1 when none. */
  rootOf: Int32Array;
  /** Per graph node: the story (position) it waits through, the next step towards its root; -1 for a root. */
  via: Int32Array;
}

/**
 * `roots`: story positions with a problem, in the order their problems should win when a story
 * waits behind several (id order keeps it deterministic). Virtual nodes (the foundation gate)
 * pass the walk on but are never named: a story behind the gate waits through the foundation
 * story the gate waits for.
 */
export function setAsideStories(graph: DepGraph, roots: readonly number[]): SetAsideFacts {
  const count = graph.nodes.length;
  const rootOf = new Int32Array(count).fill(-1);
  const via = new Int32Array(count).fill(-1);
  if (roots.length === 0) return { count: 0, rootOf, via };
  const { dependentsOf, isVirtual } = graph;
  const queue: number[] = [];
  for (const r of roots) {
    if (rootOf[r] !== -1) continue;
    rootOf[r] = r;
    queue.push(r);
  }
  let stories = 0;
  for (let head = 0; head < queue.length; head++) {
    const n = queue[head]!;
    if (isVirtual[n] === 0) stories++;
    // What a dependent of `n` waits through: `n` itself, or for the gate, what the gate waits through.
    const through = isVirtual[n] === 1 ? via[n]! : n;
    for (let k = dependentsOf.start[n]!; k < dependentsOf.start[n + 1]!; k++) {
      const m = dependentsOf.list[k]!;
      if (rootOf[m] !== -1) continue;
      rootOf[m] = rootOf[n]!;
      via[m] = through;
      queue.push(m);
    }
  }
  return { count: stories, rootOf, via };
}
