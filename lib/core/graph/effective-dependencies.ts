// Turns what story files say (DepRefs, `Blocks:` lines) plus the seed rules (foundation,
// implicit same-epic order) into the effective dependency graph. Every edge remembers where it
// came from, so a cycle message can point at the line that made it.
//
// Rule precedence: what a file states (declared, front matter, reverse) is added first; the
// implicit rule then the foundation rule never contradict it:
// - an implicit edge S → P is skipped when P itself states a dependency on S;
// - stories that a foundation story depends on (directly or not) are exempt from the
//   foundation rule: they are effectively foundation too, and gating them would be a cycle.
// Foundation edges point at the foundation "sinks" (foundation stories no other foundation story
// depends on): every foundation story is a sink or an ancestor of one, so depending on the sinks
// is sufficient, and it is minimal. Internally they go through the FOUNDATION_GATE node.
import type { Config } from "../config/schema.js";
import { diag } from "../diagnostics.js";
import type { DepRef } from "../model.js";
import { compileScopePattern } from "../scope.js";
import {
  FOUNDATION_GATE,
  makeDepGraph,
  storiesInRange,
  storiesOfEpic,
  type DepGraph,
  type RelatedDiag,
  type StoryIndex,
} from "./dep-graph.js";
import { keyOf } from "./id-order.js";

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

export interface EffectiveDependencies {
  graph: DepGraph;
  /** Stated and implicit edges per story (no foundation edges), one per target. */
  edges: ReadonlyMap<string, readonly DepEdge[]>;
  /** Stories that wait for the foundation (they depend on the gate). */
  gated: ReadonlySet<string>;
  /** Foundation sinks (keys, id order): what a gated story's foundation edges point at. */
  foundationSinks: readonly string[];
  foundation: ReadonlySet<string>;
  diagnostics: RelatedDiag[];
}

/** Lower wins when two rules produce the same edge: the message cites the strongest reason. */
const ORIGIN_RANK: Record<EdgeOrigin, number> = { "front-matter": 0, declared: 0, reverse: 1, implicit: 2, foundation: 3 };

function resolveRef(index: StoryIndex, ref: DepRef): string[] {
  const t = ref.target;
  switch (t.kind) {
    case "story": {
      const key = keyOf(t.id);
      return index.byKey.has(key) ? [key] : [];
    }
    case "range":
      return storiesInRange(index, t.from, t.to);
    case "epic":
      return [...storiesOfEpic(index, t.epic)];
  }
}

function describeTarget(ref: DepRef): string {
  const t = ref.target;
  switch (t.kind) {
    case "story":
      return `${t.id}, which is not a story`;
    case "range":
      return `stories ${t.from}-${t.to}, but no story is in that range`;
    case "epic":
      return `epic ${t.epic}, but no story belongs to that epic`;
  }
}

class EdgeSet {
  readonly edges = new Map<string, Map<string, DepEdge>>();
  add(e: DepEdge): void {
    let m = this.edges.get(e.from);
    if (!m) this.edges.set(e.from, (m = new Map()));
    const old = m.get(e.to);
    if (!old || ORIGIN_RANK[e.origin] < ORIGIN_RANK[old.origin]) m.set(e.to, e);
  }
  has(from: string, to: string): boolean {
    return this.edges.get(from)?.has(to) ?? false;
  }
  targets(from: string): IterableIterator<string> | string[] {
    return this.edges.get(from)?.keys() ?? [];
  }
}

function addStatedEdges(index: StoryIndex, set: EdgeSet, diags: RelatedDiag[]): void {
  index.sorted.forEach((story, i) => {
    const key = index.keys[i] ?? "";
    for (const ref of story.dependencies.refs) {
      const targets = resolveRef(index, ref);
      const origin: EdgeOrigin = ref.source === "front-matter" ? "front-matter" : "declared";
      if (targets.length === 0) {
        diags.push({
          diag: diag("unknown-dependency", `${story.id} depends on ${describeTarget(ref)} ("${ref.raw}"); the reference is ignored.`, story.path, ref.line),
          stories: [key],
          severity: "warning",
        });
      }
      for (const to of targets) {
        if (to === key) {
          // Only a reference to this very story is a mistake; a range or epic that happens to
          // include the story means "the others".
          if (ref.target.kind === "story") {
            diags.push({ diag: diag("self-dependency", `${story.id} depends on itself ("${ref.raw}").`, story.path, ref.line), stories: [key], severity: "error" });
          }
          continue;
        }
        set.add({ from: key, to, origin, file: story.path, line: ref.line, raw: ref.raw });
      }
    }
    for (const ref of story.blocks) {
      const targets = resolveRef(index, ref);
      if (targets.length === 0) {
        diags.push({
          diag: diag("unknown-dependency", `${story.id} blocks ${describeTarget(ref)} ("${ref.raw}"); the reference is ignored.`, story.path, ref.line),
          stories: [key],
          severity: "warning",
        });
      }
      for (const from of targets) {
        if (from === key) {
          if (ref.target.kind === "story") {
            diags.push({ diag: diag("self-dependency", `${story.id} blocks itself ("${ref.raw}").`, story.path, ref.line), stories: [key], severity: "error" });
          }
          continue;
        }
        set.add({ from, to: key, origin: "reverse", file: story.path, line: ref.line, raw: ref.raw });
      }
    }
  });
}

function addImplicitEdges(index: StoryIndex, set: EdgeSet, mode: Config["implicitDependencies"]): void {
  if (mode === "never") return;
  for (const [group, members] of index.byEpic) {
    if (!group.startsWith("#")) continue; // by epic number only; name slugs alias the same stories
    for (let i = 1; i < members.length; i++) {
      const key = members[i] ?? "";
      const prev = members[i - 1] ?? "";
      const story = index.byKey.get(key);
      if (!story) continue;
      if (mode === "when-undeclared" && story.dependencies.declared) continue;
      if (set.has(prev, key)) continue; // the earlier story states it waits for this one
      set.add({ from: key, to: prev, origin: "implicit" });
    }
  }
}

/** Stories some foundation story waits for, directly or not (iterative DFS over stated edges). */
function foundationAncestors(set: EdgeSet, foundation: ReadonlySet<string>): Set<string> {
  const seen = new Set<string>(foundation);
  const stack = [...foundation];
  const out = new Set<string>();
  while (stack.length > 0) {
    const n = stack.pop() ?? "";
    for (const d of set.targets(n)) {
      if (seen.has(d)) continue;
      seen.add(d);
      out.add(d);
      stack.push(d);
    }
  }
  return out;
}

export function effectiveDependencies(index: StoryIndex, config: Config): EffectiveDependencies {
  const diags: RelatedDiag[] = [];
  const set = new EdgeSet();
  addStatedEdges(index, set, diags);
  addImplicitEdges(index, set, config.implicitDependencies);

  const foundation = new Set<string>();
  for (const pattern of config.foundation) {
    const m = compileScopePattern(pattern, index.epicNames);
    if (!m.ok) {
      for (const d of m.error) diags.push({ diag: diag("invalid-config", `foundation: ${d.message}`), stories: [], severity: "error" });
      continue;
    }
    index.sorted.forEach((s, i) => {
      if (m.value(s)) foundation.add(index.keys[i] ?? "");
    });
  }
  const hasFoundationDependent = new Set<string>();
  for (const f of foundation) for (const d of set.targets(f)) if (foundation.has(d)) hasFoundationDependent.add(d);
  const foundationSinks = index.keys.filter((k) => foundation.has(k) && !hasFoundationDependent.has(k));
  const exempt = foundationAncestors(set, foundation);
  const gated = new Set<string>();
  if (foundationSinks.length > 0) {
    for (const k of index.keys) if (!foundation.has(k) && !exempt.has(k)) gated.add(k);
  }

  const edges = new Map<string, DepEdge[]>();
  const deps = new Map<string, string[]>();
  for (const k of index.keys) {
    const list = [...(set.edges.get(k)?.values() ?? [])].sort((a, b) => (index.position.get(a.to) ?? 0) - (index.position.get(b.to) ?? 0));
    edges.set(k, list);
    const targets = list.map((e) => e.to);
    if (gated.has(k)) targets.push(FOUNDATION_GATE);
    deps.set(k, targets);
  }
  const nodes = [...index.keys];
  const virtual = new Set<string>();
  if (gated.size > 0) {
    nodes.push(FOUNDATION_GATE);
    virtual.add(FOUNDATION_GATE);
    deps.set(FOUNDATION_GATE, foundationSinks);
  }
  return { graph: makeDepGraph(nodes, deps, virtual), edges, gated, foundationSinks, foundation, diagnostics: diags };
}

/**
 * Every effective edge of one story, foundation edges included, sorted by the target's id.
 * A stated edge to a foundation sink keeps its stated origin.
 */
export function effectiveEdgesOf(eff: EffectiveDependencies, index: StoryIndex, key: string): DepEdge[] {
  const own = eff.edges.get(key) ?? [];
  if (!eff.gated.has(key)) return [...own];
  const extra: DepEdge[] = [];
  for (const to of eff.foundationSinks) if (!own.some((e) => e.to === to)) extra.push({ from: key, to, origin: "foundation" });
  if (extra.length === 0) return [...own];
  // Both lists are in id order (positions are unique): merge them rather than sort.
  const pos = (e: DepEdge): number => index.position.get(e.to) ?? 0;
  const out: DepEdge[] = [];
  let i = 0;
  let j = 0;
  while (i < own.length || j < extra.length) {
    if (j >= extra.length || (i < own.length && pos(own[i]!) <= pos(extra[j]!))) out.push(own[i++]!);
    else out.push(extra[j++]!);
  }
  return out;
}
