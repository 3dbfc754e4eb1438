// The edges the stories themselves give: what a file states (dependency lines, front matter,
// `Blocks:` lines in the other story) plus the implicit same-epic order, one edge per
// (from, to), each story's edges sorted by target. Built story by story in one pass, into
// typed arrays: `plan` runs this once, cold, over 10,000 stories, where every extra pass and
// every allocation shows. DepEdge objects are made only when asked for (ownEdgeAt).
//
// Precedence (lower rank wins when two rules give the same edge; among equals the first
// found): declared / front matter, then reverse, then implicit. An implicit edge S → P is
// skipped when either story states an edge between them.
import type { Config } from "../config/schema.js";
import { diag } from "../diagnostics.js";
import type { DepRef } from "../model.js";
import type { Adjacency, RelatedDiag } from "./dep-graph.js";
import { keyOf } from "./id-order.js";
import { epicNumberKey, storiesInRange, storiesOfEpic, storyOfFile, type StoryIndex } from "./story-index.js";
import { MAX_EPIC_SPAN } from "../ids.js";

export type EdgeOrigin = "declared" | "front-matter" | "reverse" | "foundation" | "implicit";

export interface DepEdge {
  /** idKey of the story that waits. */
  from: string;
  /** idKey of the story it waits for. */
  to: string;
  origin: EdgeOrigin;
  /** Where the edge was written (the dependent's file; for `reverse`, the blocker's file). */
  file?: string;
  line?: number;
  /** The reference as written. */
  raw?: string;
}

// Origins as small numbers in the typed arrays; RANK: lower wins (the message cites the
// strongest reason).
const DECLARED = 0;
const FRONT_MATTER = 1;
const REVERSE = 2;
const IMPLICIT = 3;
const ORIGINS: readonly EdgeOrigin[] = ["declared", "front-matter", "reverse", "implicit"];
const RANK: readonly number[] = [0, 0, 1, 2];

export interface OwnEdges {
  /** Story i's targets are adj.list[adj.start[i]] up to adj.list[adj.start[i + 1]], in id order. */
  adj: Adjacency;
  /** Per slot of adj.list: the origin (an index into ORIGINS). */
  origin: Uint8Array;
  /**
   * Per slot: which ref states the edge, by its index in the `dependencies.refs` of the story
   * that waits, or for a reverse edge in the `blocks` of the story waited for. -1: implicit.
   */
  refIndex: Int32Array;
}

/** An int32 array that grows by doubling (nothing on the JS heap per element). */
function reserve(data: Int32Array, needed: number): Int32Array {
  if (needed <= data.length) return data;
  const bigger = new Int32Array(Math.max(needed, data.length * 2));
  bigger.set(data);
  return bigger;
}

/**
 * The positions a reference names, written to out[0..n); returns n. One scratch array serves
 * every ref (it is overwritten, never cleared: setting an array's length costs a call).
 */
export function resolveRef(index: StoryIndex, ref: DepRef, out: number[]): number {
  const t = ref.target;
  switch (t.kind) {
    case "story": {
      const i = index.position.get(keyOf(t.id));
      if (i === undefined) return 0;
      out[0] = i;
      return 1;
    }
    case "range": {
      // `23-5` is story 23.5 where there is one, else the range 23 to 5 (empty: a warning).
      const alt = t.alt === undefined ? undefined : index.position.get(keyOf(t.alt));
      if (alt !== undefined) {
        out[0] = alt;
        return 1;
      }
      const { start, end } = storiesInRange(index, t.from, t.to);
      for (let i = start; i < end; i++) out[i - start] = i;
      return Math.max(0, end - start);
    }
    case "epic": {
      const members = storiesOfEpic(index, t.epic);
      for (let k = 0; k < members.length; k++) out[k] = members[k]!;
      return members.length;
    }
    case "file": {
      const i = storyOfFile(index, t.name);
      if (i === undefined) return 0;
      out[0] = i;
      return 1;
    }
  }
}

export function describeTarget(ref: DepRef): string {
  const t = ref.target;
  switch (t.kind) {
    case "story":
      return `${t.id}, which is not a story`;
    case "range":
      return t.alt === undefined
        ? `stories ${t.from}-${t.to}, but no story is in that range`
        : `${t.alt} (or stories ${t.from}-${t.to}), but there is no such story`;
    case "file":
      return `${t.name}, which names no story file`;
    case "epic":
      // An epic range kept whole by the parser (dependencies.ts) because it runs backwards or too wide.
      return /^\d+-\d+$/.test(t.epic)
        ? `epics ${t.epic}, a range that runs backwards or over more than ${MAX_EPIC_SPAN} epics`
        : `epic ${t.epic}, but no story belongs to that epic`;
  }
}

/** An edge `Blocks:` states (story `to`'s blocks[refIndex]), kept under the story that waits. */
interface ReverseEdge {
  to: number;
  refIndex: number;
}

/**
 * `Blocks:` lines, read before the main pass: they give edges from other stories. Their
 * diagnostics wait in `diags[i]` so that each story's come right after its own dependency
 * line's, as a story-by-story reading gives them. Null when no story has a `Blocks:` ref.
 */
function reverseEdges(index: StoryIndex): { byFrom: (ReverseEdge[] | undefined)[]; diags: (RelatedDiag[] | undefined)[] } | null {
  const { sorted, keys } = index;
  let byFrom: (ReverseEdge[] | undefined)[] | undefined;
  let diags: (RelatedDiag[] | undefined)[] | undefined;
  const targets: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const story = sorted[i]!;
    const blocks = story.blocks;
    for (let r = 0; r < blocks.length; r++) {
      const ref = blocks[r]!;
      const n = resolveRef(index, ref, targets);
      byFrom ??= new Array<ReverseEdge[] | undefined>(sorted.length);
      diags ??= new Array<RelatedDiag[] | undefined>(sorted.length);
      if (n === 0) {
        (diags[i] ??= []).push({
          diag: diag("unknown-dependency", `${story.id} blocks ${describeTarget(ref)} ("${ref.raw}"); the reference is ignored.`, story.path, ref.line),
          stories: [keys[i]!],
          severity: "warning",
        });
      }
      // `**Enables:** ... Complete Epic 2 delivery` in a story of epic 2 speaks of the epic's
      // goal, not of an order: taken as edges, the epic's other stories would wait for this one
      // while it waits for them (implicit order), a cycle the authors never wrote.
      if (ref.target.kind === "epic" && targets.slice(0, n).includes(i)) {
        (diags[i] ??= []).push({
          diag: diag("reverse-own-epic", `${story.id} says it blocks or enables its own epic ("${ref.raw}"); that orders no stories, so it is dropped.`, story.path, ref.line),
          stories: [keys[i]!],
          severity: "warning",
        });
        continue;
      }
      for (let k = 0; k < n; k++) {
        const from = targets[k]!;
        if (from !== i) (byFrom[from] ??= []).push({ to: i, refIndex: r });
        else if (ref.target.kind === "story") {
          (diags[i] ??= []).push({ diag: diag("self-dependency", `${story.id} blocks itself ("${ref.raw}").`, story.path, ref.line), stories: [keys[i]!], severity: "error" });
        }
      }
    }
  }
  // Most projects have no `Blocks:` line at all: then there is nothing to look up per story.
  return byFrom && diags ? { byFrom, diags } : null;
}

/** One story's edges before they are packed, in scratch arrays reused from story to story. */
interface Scratch {
  to: number[];
  origin: number[];
  refIndex: number[];
}

/**
 * Settles scratch[0..n) of a story with more than one edge: one edge per target (the lowest
 * rank, the first among equals), sorted by target. Returns how many are left. `stampOf` and
 * `slotOf` (per story position) find a target's edge while stampOf[target] === stamp.
 */
function settle(c: Scratch, n: number, stampOf: Int32Array, slotOf: Int32Array, stamp: number): number {
  let m = 0;
  for (let k = 0; k < n; k++) {
    const t = c.to[k]!;
    if (stampOf[t] === stamp) {
      const slot = slotOf[t]!;
      if (RANK[c.origin[k]!]! < RANK[c.origin[slot]!]!) {
        c.origin[slot] = c.origin[k]!;
        c.refIndex[slot] = c.refIndex[k]!;
      }
      continue;
    }
    stampOf[t] = stamp;
    slotOf[t] = m;
    c.to[m] = t;
    c.origin[m] = c.origin[k]!;
    c.refIndex[m] = c.refIndex[k]!;
    m++;
  }
  if (m > 32) {
    // A long list (an epic or a wide range among others): sort an index, then permute.
    const order = Array.from({ length: m }, (_, k) => k).sort((x, y) => c.to[x]! - c.to[y]!);
    const to = order.map((k) => c.to[k]!);
    const origin = order.map((k) => c.origin[k]!);
    const refIndex = order.map((k) => c.refIndex[k]!);
    for (let k = 0; k < m; k++) {
      c.to[k] = to[k]!;
      c.origin[k] = origin[k]!;
      c.refIndex[k] = refIndex[k]!;
    }
    return m;
  }
  // Insertion sort, in place: lists are short, and it allocates nothing.
  for (let k = 1; k < m; k++) {
    const t = c.to[k]!;
    const origin = c.origin[k]!;
    const refIndex = c.refIndex[k]!;
    let j = k - 1;
    for (; j >= 0 && c.to[j]! > t; j--) {
      c.to[j + 1] = c.to[j]!;
      c.origin[j + 1] = c.origin[j]!;
      c.refIndex[j + 1] = c.refIndex[j]!;
    }
    c.to[j + 1] = t;
    c.origin[j + 1] = origin;
    c.refIndex[j + 1] = refIndex;
  }
  return m;
}

export function ownEdges(index: StoryIndex, mode: Config["implicitDependencies"], diags: RelatedDiag[]): OwnEdges {
  const { sorted, keys } = index;
  const count = sorted.length;
  const reverse = reverseEdges(index);
  const start = new Int32Array(count + 1);
  // Story i's edges go to slots start[i] .. start[i + 1] of these three.
  let list: Int32Array = new Int32Array(count * 2 + 16);
  let origins: Int32Array = new Int32Array(list.length);
  let refIndexes: Int32Array = new Int32Array(list.length);
  let size = 0;
  const c: Scratch = { to: [], origin: [], refIndex: [] };
  const targets: number[] = [];
  const stampOf = new Int32Array(count);
  const slotOf = new Int32Array(count);
  // The implicit rule walks each epic in id order. Stories of one epic are mostly adjacent, so
  // the map is only consulted when the epic changes. An epic is its number; a story without
  // one (ccpm's `.claude/epics/<name>/<n>.md`) is in the epic its name (folder) says, so task
  // 2 of `billing` does not wait for task 1 of `auth`.
  const lastOfEpic = new Map<string, number>();
  let runNumber: string | undefined;
  let runName = "";
  let runEpic = "";

  // Flat on purpose: this loop runs cold over every story, where each call costs.
  for (let i = 0; i < count; i++) {
    const story = sorted[i]!;
    let n = 0; // edges of story i so far, in c
    const depRefs = story.dependencies.refs;
    for (let r = 0; r < depRefs.length; r++) {
      const ref = depRefs[r]!;
      const found = resolveRef(index, ref, targets);
      const origin = ref.source === "front-matter" ? FRONT_MATTER : DECLARED;
      if (found === 0) {
        diags.push({
          diag: diag("unknown-dependency", `${story.id} depends on ${describeTarget(ref)} ("${ref.raw}"); the reference is ignored.`, story.path, ref.line),
          stories: [keys[i]!],
          severity: "warning",
        });
      }
      for (let k = 0; k < found; k++) {
        const to = targets[k]!;
        if (to !== i) {
          c.to[n] = to;
          c.origin[n] = origin;
          c.refIndex[n++] = r;
        }
        // Only a reference to this very story is a mistake; a range or epic that happens to
        // include the story means "the others".
        else if (ref.target.kind === "story") {
          diags.push({ diag: diag("self-dependency", `${story.id} depends on itself ("${ref.raw}").`, story.path, ref.line), stories: [keys[i]!], severity: "error" });
        }
      }
    }
    const blockDiags = reverse?.diags[i];
    if (blockDiags) diags.push(...blockDiags);
    const reversed = reverse?.byFrom[i];
    if (reversed) {
      for (const e of reversed) {
        c.to[n] = e.to;
        c.origin[n] = REVERSE;
        c.refIndex[n++] = e.refIndex;
      }
    }

    let prev: number | undefined;
    const number = story.epic.number;
    const name = number === "" ? (story.epic.name ?? "") : "";
    if (number === runNumber && name === runName) prev = i - 1;
    else {
      if (runNumber !== undefined) lastOfEpic.set(runEpic, i - 1);
      runNumber = number;
      runName = name;
      // "\0" keeps a name apart from every number key.
      runEpic = number !== "" ? epicNumberKey(number) : `\0${name}`;
      prev = lastOfEpic.get(runEpic);
    }
    if (prev !== undefined && mode !== "never" && !(mode === "when-undeclared" && story.dependencies.declared)) {
      // Not when the story states the edge itself, or the earlier one states it waits for this one.
      let stated = false;
      for (let k = 0; k < n && !stated; k++) stated = c.to[k] === prev;
      for (let k = start[prev]!; k < start[prev + 1]! && !stated; k++) stated = list[k] === i;
      if (!stated) {
        c.to[n] = prev;
        c.origin[n] = IMPLICIT;
        c.refIndex[n++] = -1;
      }
    }

    if (n > 1) n = settle(c, n, stampOf, slotOf, i + 1);
    if (size + n > list.length) {
      list = reserve(list, size + n);
      origins = reserve(origins, size + n);
      refIndexes = reserve(refIndexes, size + n);
    }
    for (let k = 0; k < n; k++, size++) {
      list[size] = c.to[k]!;
      origins[size] = c.origin[k]!;
      refIndexes[size] = c.refIndex[k]!;
    }
    start[i + 1] = size;
  }
  const own: OwnEdges = { adj: { start, list: list.slice(0, size) }, origin: new Uint8Array(origins.subarray(0, size)), refIndex: refIndexes.slice(0, size) };
  const afterReverse = reverse ? dropReverseCycles(index, own, diags) : own;
  return dropImplicitCycles(index, afterReverse, diags);
}

/** The edge in slot k of `own`, as an object (for messages and the engine). */
export function ownEdgeAt(index: StoryIndex, own: OwnEdges, k: number): DepEdge {
  const { keys, sorted } = index;
  const { start, list } = own.adj;
  // The story whose list holds slot k: the last one whose list starts at or before it.
  let lo = 0;
  let hi = keys.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (start[mid]! <= k) lo = mid;
    else hi = mid - 1;
  }
  const from = keys[lo]!;
  const to = keys[list[k]!]!;
  const origin = own.origin[k]!;
  const r = own.refIndex[k]!;
  if (r < 0) return { from, to, origin: ORIGINS[origin]! };
  // A reverse edge is written in the file of the story waited for; the others in the waiting one's.
  const writer = origin === REVERSE ? sorted[list[k]!]! : sorted[lo]!;
  const ref = origin === REVERSE ? writer.blocks[r]! : writer.dependencies.refs[r]!;
  return { from, to, origin: ORIGINS[origin]!, file: writer.path, line: ref.line, raw: ref.raw };
}

/**
 * Strongly connected components of the adjacency (iterative Tarjan): comp[i] names story i's.
 * Only stories in one component can lie on a cycle together.
 */
function components(adj: Adjacency, count: number): Int32Array {
  const { start, list } = adj;
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const comp = new Int32Array(count).fill(-1);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const work: number[] = []; // DFS frames: node, next edge slot
  let next = 0;
  let comps = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    work.push(root, start[root]!);
    index[root] = low[root] = next++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length > 0) {
      const v = work[work.length - 2]!;
      const k = work[work.length - 1]!;
      if (k < start[v + 1]!) {
        work[work.length - 1] = k + 1;
        const w = list[k]!;
        if (w >= count) continue;
        if (index[w] === -1) {
          index[w] = low[w] = next++;
          stack.push(w);
          onStack[w] = 1;
          work.push(w, start[w]!);
        } else if (onStack[w] === 1 && index[w]! < low[v]!) low[v] = index[w]!;
        continue;
      }
      work.length -= 2;
      if (work.length > 0) {
        const parent = work[work.length - 2]!;
        if (low[v]! < low[parent]!) low[parent] = low[v]!;
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          comp[w] = comps;
        } while (w !== v);
        comps++;
      }
    }
  }
  return comp;
}

/**
 * Reverse edges never override what the authors state forward: a `Blocks: A` in B's file
 * (A waits for B) where B already waits for A through the other edges (declared, front matter,
 * implicit) would only make a cycle, so it is dropped with a `reverse-cycle` warning at its line.
 * A cycle of stated forward edges stays an error (cycles.ts). Nothing runs unless some reverse
 * edge shares a strongly connected component with the story it points from.
 */
export function dropReverseCycles(index: StoryIndex, own: OwnEdges, diags: RelatedDiag[]): OwnEdges {
  return dropWhereCycles(index, own, REVERSE, (k, a, b) => {
    const { sorted, keys } = index;
    const writer = sorted[b]!;
    const ref = writer.blocks[own.refIndex[k]!]!;
    diags.push({
      diag: diag(
        "reverse-cycle",
        `${writer.id} says it blocks ${sorted[a]!.id} ("${ref.raw}"), but ${writer.id} already waits for ${sorted[a]!.id} through the stated dependencies; the reverse edge would only make a cycle, so it is dropped.`,
        writer.path,
        ref.line,
      ),
      stories: [keys[b]!],
      severity: "warning",
    });
  });
}

/**
 * The implicit order is a guess (a story that states no dependency waits for the one before it
 * in its epic); where the story before already waits for this one through what the authors
 * wrote (and the other guesses), the guess would only make a cycle, so it is dropped with an
 * `implicit-cycle` warning.
 */
export function dropImplicitCycles(index: StoryIndex, own: OwnEdges, diags: RelatedDiag[]): OwnEdges {
  return dropWhereCycles(index, own, IMPLICIT, (_k, a, b) => {
    const { sorted, keys } = index;
    diags.push({
      diag: diag(
        "implicit-cycle",
        `${sorted[a]!.id} states no dependency, so it would wait for ${sorted[b]!.id} (the story before it in its epic), but ${sorted[b]!.id} already waits for ${sorted[a]!.id} through the stated dependencies; the guessed order would only make a cycle, so it is dropped.`,
        sorted[a]!.path,
      ),
      stories: [keys[a]!],
      severity: "warning",
    });
  }, true);
}

/**
 * Drops each edge of origin `guess` (a → b: a waits for b) where b already reaches a over the
 * edges of the other origins: the guessed edge would only close a cycle. `greedy`: over the
 * other edges of that origin too, those not dropped yet (a cycle of stated edges and two
 * implicit ones loses the first implicit one, in id order, and no more). Nothing runs unless
 * such an edge shares a strongly connected component with the story it points from.
 */
function dropWhereCycles(index: StoryIndex, own: OwnEdges, guess: number, report: (k: number, a: number, b: number) => void, greedy = false): OwnEdges {
  const count = index.sorted.length;
  const { start, list } = own.adj;
  if (!own.origin.includes(guess)) return own;
  const comp = components(own.adj, count);
  const drop = new Uint8Array(list.length);
  const seen = new Int32Array(count);
  let stamp = 0;
  const stack: number[] = [];
  let dropped = 0;
  for (let a = 0; a < count; a++) {
    for (let k = start[a]!; k < start[a + 1]!; k++) {
      const b = list[k]!;
      if (own.origin[k] !== guess || comp[a] !== comp[b]) continue;
      // Does b reach a over the other edges (inside their component)?
      stamp++;
      stack.length = 0;
      stack.push(b);
      seen[b] = stamp;
      let found = false;
      while (stack.length > 0 && !found) {
        const x = stack.pop()!;
        for (let j = start[x]!; j < start[x + 1]!; j++) {
          const y = list[j]!;
          if (drop[j] === 1 || j === k || (!greedy && own.origin[j] === guess) || comp[y] !== comp[a] || seen[y] === stamp) continue;
          if (y === a) {
            found = true;
            break;
          }
          seen[y] = stamp;
          stack.push(y);
        }
      }
      if (!found) continue;
      drop[k] = 1;
      dropped++;
      report(k, a, b);
    }
  }
  if (dropped === 0) return own;
  const newStart = new Int32Array(count + 1);
  const newList = new Int32Array(list.length - dropped);
  const newOrigin = new Uint8Array(newList.length);
  const newRef = new Int32Array(newList.length);
  let at = 0;
  for (let i = 0; i < count; i++) {
    for (let k = start[i]!; k < start[i + 1]!; k++) {
      if (drop[k] === 1) continue;
      newList[at] = list[k]!;
      newOrigin[at] = own.origin[k]!;
      newRef[at++] = own.refIndex[k]!;
    }
    newStart[i + 1] = at;
  }
  return { adj: { start: newStart, list: newList }, origin: newOrigin, refIndex: newRef };
}
