// The pure planning pipeline: ParsedStory[] + config (+ engine statuses) → ProjectAnalysis (the
// whole project, computed once: effective dependencies, cycles, agents, priorities) → Plan for
// a scope (the `plan` JSON contract). No I/O here; the engine passes everything in.
import { AGENT_NAME_RE, type Config } from "./config/schema.js";
import { diag, internalError, sortDiags, type Diag } from "./diagnostics.js";
import { idKey } from "./ids.js";
import type { ParsedStory, Plan, PlannedStory, StoryStatus } from "./model.js";
import { resolveScope } from "./scope.js";
import { createAgentSelector, type AgentChoice } from "./agents/select-agent.js";
import { criticalPath, remainingPathLengths } from "./graph/critical-path.js";
import { cycleDiagnostic, findDependencyCycles } from "./graph/cycles.js";
import { indexStories, type RelatedDiag, type StoryIndex } from "./graph/dep-graph.js";
import { effectiveDependencies, effectiveEdgesOf, type DepEdge, type EffectiveDependencies } from "./graph/effective-dependencies.js";
import { computeWaves } from "./graph/waves.js";

export interface ProjectAnalysis {
  index: StoryIndex;
  /** Effective status per story key: engine state over the file's status. */
  status: ReadonlyMap<string, StoryStatus>;
  effective: EffectiveDependencies;
  /** Each cycle as story keys, starting at its smallest id. */
  cycles: string[][];
  /** Story key → indexes (into `cycles`) of the cycles it is on or waits behind. */
  blockedByCycle: ReadonlyMap<string, number[]>;
  agents: ReadonlyMap<string, AgentChoice>;
  /** Not-Done stories not blocked by a cycle → remaining critical path length (`next` priority). */
  priority: ReadonlyMap<string, number>;
  /** Every diagnostic with the stories it concerns; cycle ones are `cycleDiagnostics[i]`. */
  diagnostics: RelatedDiag[];
  cycleDiagnostics: RelatedDiag[];
  /** The same diagnostics, project-wide and sorted, split by severity (for `validate`). */
  errors: Diag[];
  warnings: Diag[];
  isDone(key: string): boolean;
  /** Effective edges of a story (foundation edges expanded), sorted by target id. */
  edgesOf(key: string): DepEdge[];
}

function blockedBy(cycles: readonly string[][], dependents: ReadonlyMap<string, readonly string[]>): Map<string, number[]> {
  const out = new Map<string, number[]>();
  cycles.forEach((cycle, i) => {
    const seen = new Set<string>(cycle);
    const stack = [...cycle];
    while (stack.length > 0) {
      const n = stack.pop() ?? "";
      const list = out.get(n);
      if (list) list.push(i);
      else out.set(n, [i]);
      for (const d of dependents.get(n) ?? []) {
        if (!seen.has(d)) {
          seen.add(d);
          stack.push(d);
        }
      }
    }
  });
  return out;
}

export function analyzeProject(stories: readonly ParsedStory[], config: Config, statuses?: ReadonlyMap<string, StoryStatus>): ProjectAnalysis {
  const index = indexStories(stories);
  const override = new Map<string, StoryStatus>();
  for (const [k, v] of statuses ?? []) override.set(idKey(k), v);
  const status = new Map<string, StoryStatus>();
  index.sorted.forEach((s, i) => {
    const key = index.keys[i] ?? "";
    status.set(key, override.get(key) ?? s.status.normalized);
  });
  const isDone = (key: string): boolean => status.get(key) === "Done";

  const effective = effectiveDependencies(index, config);
  const graph = effective.graph;
  const edgesOf = (key: string): DepEdge[] => effectiveEdgesOf(effective, index, key);

  const cycles = findDependencyCycles(graph);
  const cycleDiagnostics = cycles.map((c) =>
    cycleDiagnostic(c, {
      display: (k) => index.byKey.get(k)?.id ?? k,
      edge: (from, to) => effective.edges.get(from)?.find((e) => e.to === to),
      pathOf: (k) => index.byKey.get(k)?.path,
    }),
  );
  const blockedByCycle = blockedBy(cycles, graph.dependents);

  // Rules with `stories: epic:NAME` see the same epic as scopes do.
  const select = createAgentSelector(config.agents, index.epicNames);
  const agents = new Map<string, AgentChoice>();
  const diagnostics: RelatedDiag[] = [...effective.diagnostics, ...cycleDiagnostics];
  index.sorted.forEach((s, i) => {
    const key = index.keys[i] ?? "";
    agents.set(key, select(s));
    const own = s.overrides.agent?.trim();
    if (own !== undefined && !AGENT_NAME_RE.test(own)) {
      diagnostics.push({
        diag: diag("invalid-front-matter", `agent: "${own}" is not an agent name (lower-case letters, digits and '-'); it is ignored.`, s.path),
        stories: [key],
        severity: "warning",
      });
    }
  });

  const runnable = new Set(index.keys.filter((k) => !isDone(k) && !blockedByCycle.has(k)));
  const priority = remainingPathLengths(graph, runnable);
  const errors = sortDiags(diagnostics.filter((d) => d.severity === "error").map((d) => d.diag));
  const warnings = sortDiags(diagnostics.filter((d) => d.severity === "warning").map((d) => d.diag));
  return { index, status, effective, cycles, blockedByCycle, agents, priority, diagnostics, cycleDiagnostics, errors, warnings, isDone, edgesOf };
}

export interface PlanInput {
  stories: readonly ParsedStory[];
  config: Config;
  scope: readonly string[];
  /** From `.agent-orchestration/` state, keyed by idKey; overrides the file's status. */
  statuses?: ReadonlyMap<string, StoryStatus>;
}

/** The warning's expand choice starts with this; the human renderer reads the list after it. */
export const EXPAND_PREFIX = "expand the scope to include ";

/**
 * What `expand` must add so the story has no open dependency left outside the scope: the
 * transitive closure of its open (not Done) out-of-scope dependencies, in id order. A Done story
 * ends the walk (its own dependencies no longer matter); an in-scope one too (its own warning
 * names what it needs).
 */
function expansionOf(first: readonly string[], analysis: ProjectAnalysis, scope: ReadonlySet<string>): string[] {
  const seen = new Set<string>(first);
  const stack = [...first];
  while (stack.length > 0) {
    const k = stack.pop() ?? "";
    for (const e of analysis.edgesOf(k)) {
      if (seen.has(e.to) || scope.has(e.to) || analysis.isDone(e.to)) continue;
      seen.add(e.to);
      stack.push(e.to);
    }
  }
  const pos = analysis.index.position;
  return [...seen].sort((a, b) => (pos.get(a) ?? 0) - (pos.get(b) ?? 0));
}

/**
 * One warning per story, naming every open dependency outside the scope (one per pair exploded:
 * 20 foundation sinks × 5,000 stories made 100,000 lines). `plan.outOfScope` keeps the pairs.
 * Edges come sorted by target id; foundation ones are grouped so a long list stays readable.
 * The expand choice lists the closure (expansionOf), not just the direct dependencies.
 * Located at the first dependency line in the story's own file, else where a reverse edge
 * (`Blocks:` in the other story) was written, else at the story's file.
 */
function outOfScopeWarning(id: string, path: string, open: readonly DepEdge[], expand: readonly string[], display: (k: string) => string): Diag {
  const plain = open.filter((e) => e.origin !== "foundation" && e.origin !== "implicit").map((e) => display(e.to));
  const implicit = open.filter((e) => e.origin === "implicit").map((e) => `${display(e.to)} (implicit: nearest lower story of the same epic)`);
  const foundation = open.filter((e) => e.origin === "foundation").map((e) => display(e.to));
  const parts = plain.length > 0 ? [plain.join(", "), ...implicit] : implicit;
  if (foundation.length > 0) parts.push(`${foundation.join(", ")} (foundation ${foundation.length === 1 ? "story" : "stories"})`);
  const all = open.map((e) => display(e.to));
  const written = open.filter((e) => e.line !== undefined && (e.origin === "declared" || e.origin === "front-matter" || e.origin === "reverse"));
  const at = written.find((e) => (e.file ?? path) === path) ?? written[0];
  return diag(
    "out-of-scope-dependency",
    `${id} depends on ${parts.join("; ")}, which ${all.length === 1 ? "is" : "are"} outside the scope and not done. ` +
      `Choose: ${EXPAND_PREFIX}${expand.map(display).join(", ")}, skip ${id}, or cancel.`,
    at?.file ?? path,
    at?.line,
  );
}

export function buildPlan(input: PlanInput): Plan {
  const analysis = analyzeProject(input.stories, input.config, input.statuses);
  return planFromAnalysis(analysis, input.scope);
}

/** The Plan for one scope, from an analysis the engine may already hold. */
export function planFromAnalysis(analysis: ProjectAnalysis, scopeArgs: readonly string[]): Plan {
  const { index } = analysis;
  const resolved = resolveScope(scopeArgs, index.sorted);
  if (!resolved.ok) return { stories: [], waves: [], criticalPath: [], warnings: [], errors: sortDiags(resolved.error), outOfScope: [] };
  const scope = resolved.value;
  const display = (k: string): string => index.byKey.get(k)?.id ?? k;
  const inScope = index.keys.filter((k) => scope.has(k));

  const runnable = new Set(inScope.filter((k) => !analysis.isDone(k) && !analysis.blockedByCycle.has(k)));
  const graph = analysis.effective.graph;
  const { waveOf, waves } = computeWaves(graph, runnable);
  // With the whole project in scope the analysis already holds the remaining lengths.
  const critical = criticalPath(graph, runnable, undefined, runnable.size === analysis.priority.size ? analysis.priority : undefined);

  const relevantCycles = new Set<number>();
  for (const k of inScope) for (const c of analysis.blockedByCycle.get(k) ?? []) relevantCycles.add(c);
  const warnings: Diag[] = [];
  const errors: Diag[] = [];
  const keep = (rd: RelatedDiag): void => void (rd.severity === "error" ? errors : warnings).push(rd.diag);
  for (const rd of analysis.diagnostics) {
    if (rd.diag.code === "dependency-cycle") continue;
    if (rd.stories.length === 0 || rd.stories.some((k) => scope.has(k))) keep(rd);
  }
  for (const c of [...relevantCycles].sort((a, b) => a - b)) {
    const rd = analysis.cycleDiagnostics[c];
    if (rd) keep(rd);
  }

  const outOfScope: Plan["outOfScope"] = [];
  const stories: PlannedStory[] = inScope.map((k) => {
    const s = index.byKey.get(k);
    if (!s) return internalError(`story ${k} missing from its own index`);
    const edges = analysis.edgesOf(k);
    const done = analysis.isDone(k);
    if (!done) {
      const open = edges.filter((e) => !scope.has(e.to) && !analysis.isDone(e.to));
      for (const e of open) outOfScope.push({ story: s.id, dependsOn: display(e.to) });
      if (open.length > 0) {
        const expand = expansionOf(open.map((e) => e.to), analysis, scope);
        warnings.push(outOfScopeWarning(s.id, s.path, open, expand, display));
      }
    }
    const agent = analysis.agents.get(k) ?? { agent: "general-developer", reason: "no technology detected" };
    return {
      id: s.id,
      title: s.title,
      path: s.path,
      status: analysis.status.get(k) ?? s.status.normalized,
      // ccpm epics have a name (the folder) and no number.
      epic: s.epic.number || (s.epic.name ?? ""),
      agent: agent.agent,
      agentReason: agent.reason,
      dependencies: edges.map((e) => display(e.to)),
      wave: waveOf.get(k) ?? null,
    };
  });

  return {
    stories,
    waves: waves.map((w) => w.map(display)),
    criticalPath: critical.path.map(display),
    warnings: sortDiags(warnings),
    errors: sortDiags(errors),
    outOfScope,
  };
}
