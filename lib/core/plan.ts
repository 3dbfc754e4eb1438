// The pure planning pipeline: ParsedStory[] + config (+ engine statuses) → ProjectAnalysis (the
// whole project, computed once: effective dependencies, cycles, agents, priorities) → Plan for
// a scope (the `plan` JSON contract). No I/O here; the engine passes everything in.
//
// Stories are numbered by their position in the StoryIndex (id order), and the per-story facts
// live in arrays indexed by it (ProjectAnalysis.byPosition): `plan` on 10,000 stories builds no
// map keyed by id besides the index's own. The maps the engine reads are built on first use.
import type { Config } from "./config/schema.js";
import { AGENT_NAME_RE } from "./config/vocabulary.js";
import { diag, internalError, sortDiags, type Diag } from "./diagnostics.js";
import type { ParsedStory, Plan, PlannedStory, SetAsideStory, StoryProblem, StoryStatus } from "./model.js";
import { resolveScopeOrAll } from "./scope.js";
import { createAgentSelector, DEFAULT_AGENT, type AgentChoice } from "./agents/select-agent.js";
import { blockedByCycles, cycleDiagnostic, findCycleNodes } from "./graph/cycles.js";
import { indexStories, type RelatedDiag, type StoryIndex } from "./graph/dep-graph.js";
import {
  effectiveDependencies,
  effectiveEdgesOf,
  effectiveTargets,
  statedEdge,
  type DepEdge,
  type EffectiveDependencies,
} from "./graph/effective-dependencies.js";
import { keyOf } from "./graph/id-order.js";
import { setAsideStories, type SetAsideFacts } from "./graph/set-aside.js";
import { resolveConflicts, type ConflictFacts } from "./scheduler/conflicts.js";
import { criticalPathNodes, scheduleGraph, topologicalOrder, type Schedule, type TopologicalOrder } from "./graph/schedule.js";

/** The analysis by story position (index.sorted[i]); graph node numbers are the same. */
export interface StoryFacts {
  /** Effective status: engine state over the file's status. */
  status: readonly StoryStatus[];
  agents: readonly AgentChoice[];
  /** Per graph node: indexes (into `cycles`) of the cycles it is on or waits behind. */
  blockedBy: readonly (readonly number[] | undefined)[];
  /** Per story: its own problem (a file error, a duplicate id, a cycle it is on), if any. */
  problems: readonly (StoryProblem | undefined)[];
  /** The stories that cannot run: a problem of their own or of a story they wait for. */
  setAside: SetAsideFacts;
  /** Stories that must not run at the same time (ccpm `conflicts_with`, `parallel: false`). */
  conflicts: ConflictFacts;
  /** Waves and remaining critical path lengths of the stories still to run: not Done, not set aside. */
  schedule: Schedule;
  /** The whole graph in dependency order (complete when it has no cycle): reused by plans for a scope. */
  order: TopologicalOrder;
}

export interface ProjectAnalysis {
  index: StoryIndex;
  /** Effective status per story key: engine state over the file's status. */
  status: ReadonlyMap<string, StoryStatus>;
  effective: EffectiveDependencies;
  /** Each cycle as story keys, starting at its smallest id. */
  cycles: string[][];
  /** Story key → indexes (into `cycles`) of the cycles it is on or waits behind. */
  blockedByCycle: ReadonlyMap<string, number[]>;
  /** Story key → why it cannot run (every story on or behind a cycle is here too). */
  setAside: ReadonlyMap<string, SetAsideStory>;
  agents: ReadonlyMap<string, AgentChoice>;
  /** Not-Done stories not set aside → remaining critical path length (`next` priority). */
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
  byPosition: StoryFacts;
}

/**
 * The engine's statuses, which override what the story files say: by story id (any form; a
 * later entry wins), or as a function of the story and its idKey (no map of every story to build).
 */
export type StatusSource = ReadonlyMap<string, StoryStatus> | ((story: ParsedStory, key: string) => StoryStatus);

/** Each story's effective status: `statuses` over the file's status. */
function effectiveStatuses(index: StoryIndex, statuses: StatusSource | undefined): StoryStatus[] {
  const { sorted, keys } = index;
  const out = new Array<StoryStatus>(sorted.length);
  if (typeof statuses === "function") {
    for (let i = 0; i < sorted.length; i++) out[i] = statuses(sorted[i]!, keys[i]!);
    return out;
  }
  for (let i = 0; i < sorted.length; i++) out[i] = sorted[i]!.status.normalized;
  if (!statuses) return out;
  // The engine passes one entry per story, by key, in id order: then they pair up in order,
  // with no lookup per story. Anything else is looked up entry by entry.
  let matched = 0;
  if (statuses.size === sorted.length) {
    statuses.forEach((status, key) => {
      if (matched >= 0 && key === keys[matched]) out[matched++] = status;
      else matched = -1;
    });
  }
  if (matched === sorted.length) return out;
  for (let i = 0; i < sorted.length; i++) out[i] = sorted[i]!.status.normalized;
  statuses.forEach((status, id) => {
    const i = index.position.get(keyOf(id));
    if (i !== undefined) out[i] = status;
  });
  return out;
}

/** A story-keyed map of the defined entries of `values` (one per node of `names`). */
function mapOf<V>(names: readonly string[], values: readonly (V | undefined)[]): Map<string, V> {
  const out = new Map<string, V>();
  names.forEach((name, i) => {
    const v = values[i];
    if (v !== undefined) out.set(name, v);
  });
  return out;
}

class Analysis implements ProjectAnalysis {
  #status: Map<string, StoryStatus> | undefined;
  #blockedByCycle: Map<string, number[]> | undefined;
  #agents: Map<string, AgentChoice> | undefined;
  #priority: Map<string, number> | undefined;
  #setAside: Map<string, SetAsideStory> | undefined;

  constructor(
    readonly index: StoryIndex,
    readonly effective: EffectiveDependencies,
    readonly cycles: string[][],
    readonly byPosition: StoryFacts,
    readonly diagnostics: RelatedDiag[],
    readonly cycleDiagnostics: RelatedDiag[],
    readonly errors: Diag[],
    readonly warnings: Diag[],
  ) {}

  get status(): ReadonlyMap<string, StoryStatus> {
    this.#status ??= mapOf(this.index.keys, this.byPosition.status);
    return this.#status;
  }

  get blockedByCycle(): ReadonlyMap<string, number[]> {
    this.#blockedByCycle ??= mapOf(this.effective.graph.nodes, this.byPosition.blockedBy.map((b) => (b ? [...b] : undefined)));
    return this.#blockedByCycle;
  }

  get setAside(): ReadonlyMap<string, SetAsideStory> {
    if (!this.#setAside) {
      this.#setAside = new Map();
      const { rootOf } = this.byPosition.setAside;
      for (let i = 0; i < this.index.keys.length; i++) if (rootOf[i] !== -1) this.#setAside.set(this.index.keys[i]!, setAsideEntry(this, i));
    }
    return this.#setAside;
  }

  get agents(): ReadonlyMap<string, AgentChoice> {
    this.#agents ??= mapOf(this.index.keys, this.byPosition.agents);
    return this.#agents;
  }

  get priority(): ReadonlyMap<string, number> {
    if (!this.#priority) {
      const { runnable, remaining } = this.byPosition.schedule;
      this.#priority = mapOf(
        this.index.keys,
        this.index.keys.map((_k, i) => (runnable[i] === 1 ? remaining[i] : undefined)),
      );
    }
    return this.#priority;
  }

  // Arrow functions: callers may pass them around detached from the analysis.
  readonly isDone = (key: string): boolean => {
    const i = this.index.position.get(key);
    return i !== undefined && this.byPosition.status[i] === "Done";
  };

  readonly edgesOf = (key: string): DepEdge[] => effectiveEdgesOf(this.effective, this.index, key);
}

export function analyzeProject(stories: readonly ParsedStory[], config: Config, statuses?: StatusSource): ProjectAnalysis {
  const index = indexStories(stories);
  const { sorted, keys, position } = index;
  const status = effectiveStatuses(index, statuses);
  const effective = effectiveDependencies(index, config);
  const graph = effective.graph;

  const order = topologicalOrder(graph);
  const cycleNodes = findCycleNodes(graph, order);
  const cycles = cycleNodes.map((c) => c.map((n) => graph.nodes[n] ?? ""));
  const storyAt = (key: string): ParsedStory | undefined => {
    const i = position.get(key);
    return i === undefined ? undefined : sorted[i];
  };
  const cycleDiagnostics = cycles.map((c) =>
    cycleDiagnostic(c, {
      display: (k) => storyAt(k)?.id ?? k,
      edge: (from, to) => statedEdge(effective, index, from, to),
      pathOf: (k) => storyAt(k)?.path,
    }),
  );
  const blockedBy = blockedByCycles(graph, cycleNodes);
  const conflicts = resolveConflicts(index);

  // Rules with `stories: epic:NAME` see the same epic as scopes do.
  const select = createAgentSelector(config.agents, () => index.epicNames);
  const agents: AgentChoice[] = new Array<AgentChoice>(sorted.length);
  const diagnostics: RelatedDiag[] = [...effective.diagnostics, ...cycleDiagnostics, ...conflicts.diagnostics];
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i]!;
    agents[i] = select(s);
    const own = s.overrides.agent?.trim();
    if (own !== undefined && !AGENT_NAME_RE.test(own)) {
      diagnostics.push({
        diag: diag("invalid-front-matter", `agent: "${own}" is not an agent name (lower-case letters, digits and '-'); it is ignored.`, s.path),
        stories: [keys[i]!],
        severity: "warning",
      });
    }
  }

  const { problems, roots } = storyProblems(index, cycles, diagnostics, (from, to) => statedEdge(effective, index, from, to));
  const setAside = setAsideStories(graph, roots);
  const runnable = new Uint8Array(graph.nodes.length);
  // A placeholder (no story file yet) is not run: it has no wave (`next` keeps its dependents waiting).
  for (let i = 0; i < sorted.length; i++) if (status[i] !== "Done" && setAside.rootOf[i] === -1 && !sorted[i]!.placeholder) runnable[i] = 1;
  const schedule = scheduleGraph(graph, runnable, undefined, order);
  const errors = sortDiags(diagnostics.filter((d) => d.severity === "error").map((d) => d.diag));
  const warnings = sortDiags(diagnostics.filter((d) => d.severity === "warning").map((d) => d.diag));
  const facts: StoryFacts = { status, agents, blockedBy, problems, setAside, conflicts, schedule, order };
  return new Analysis(index, effective, cycles, facts, diagnostics, cycleDiagnostics, errors, warnings);
}

/**
 * Each story's own problem, and the stories that have one (positions, id order): a problem the
 * file stage found (ParsedStory.problem), a cycle the story is on (cited at its own edge on the
 * cycle), or another error that names the story (a self-dependency). The first found wins.
 */
function storyProblems(
  index: StoryIndex,
  cycles: readonly string[][],
  diagnostics: readonly RelatedDiag[],
  edge: (from: string, to: string) => DepEdge | undefined,
): { problems: (StoryProblem | undefined)[]; roots: number[] } {
  const { sorted, position } = index;
  const problems = new Array<StoryProblem | undefined>(sorted.length);
  const roots: number[] = [];
  const add = (i: number, p: StoryProblem): void => {
    if (problems[i] !== undefined) return;
    problems[i] = p;
    roots.push(i);
  };
  for (let i = 0; i < sorted.length; i++) {
    const p = sorted[i]!.problem;
    if (p !== undefined) add(i, p);
  }
  for (const cycle of cycles) {
    // One message per cycle, shared by its stories; a long one is shortened (the error has it whole).
    const name = (k: string): string => (position.has(k) ? sorted[position.get(k)!]!.id : "foundation");
    const shown = cycle.length <= 12 ? [...cycle, cycle[0]!].map(name) : [...cycle.slice(0, 5).map(name), `… (${cycle.length - 10} more)`, ...cycle.slice(-5).map(name), name(cycle[0]!)];
    const message = `on a dependency cycle: ${shown.join(" → ")}`;
    cycle.forEach((k, c) => {
      const i = position.get(k);
      if (i === undefined) return; // the foundation gate
      const e = edge(k, cycle[(c + 1) % cycle.length]!);
      const p: StoryProblem = { code: "dependency-cycle", message, file: e?.file ?? sorted[i]!.path };
      if (e?.line !== undefined) p.line = e.line;
      add(i, p);
    });
  }
  for (const rd of diagnostics) {
    if (rd.severity !== "error" || rd.diag.code === "dependency-cycle") continue;
    for (const k of rd.stories) {
      const i = position.get(k);
      if (i === undefined) continue;
      const p: StoryProblem = { code: rd.diag.code, message: rd.diag.message, file: rd.diag.file ?? sorted[i]!.path };
      if (rd.diag.line !== undefined) p.line = rd.diag.line;
      add(i, p);
    }
  }
  return { problems, roots: roots.sort((a, b) => a - b) };
}

/** Why story `i` (set aside) cannot run: its own problem, or the dependency it waits through. */
function setAsideEntry(analysis: ProjectAnalysis, i: number): SetAsideStory {
  const { sorted, keys } = analysis.index;
  const { rootOf, via } = analysis.byPosition.setAside;
  const story = sorted[i]!;
  const root = rootOf[i]!;
  const problem = analysis.byPosition.problems[root]!;
  if (root === i) {
    const own: SetAsideStory = { id: story.id, reason: problem.message, file: problem.file };
    if (problem.line !== undefined) own.line = problem.line;
    return own;
  }
  const through = via[i]!;
  const at = `${problem.file}${problem.line !== undefined ? `:${problem.line}` : ""}`;
  const rootId = sorted[root]!.id;
  const reason =
    through === root
      ? `waits for ${rootId}, which is set aside (${problem.code} at ${at})`
      : `waits for ${sorted[through]!.id}, which waits for ${rootId}, set aside (${problem.code} at ${at})`;
  // Cited where the story names the dependency (a reverse edge: where the other story wrote it).
  const e = statedEdge(analysis.effective, analysis.index, keys[i]!, keys[through]!);
  const entry: SetAsideStory = { id: story.id, reason, file: e?.file ?? story.path };
  if (e?.line !== undefined) entry.line = e.line;
  return entry;
}

/**
 * Errors about one story file or the stories on a cycle: they set those stories aside (with
 * their dependents) and the rest plans and runs. Any other error (config, scope, state files,
 * no stories at all) concerns the whole run.
 */
const LOCAL_ERRORS: ReadonlySet<string> = new Set([
  "duplicate-id",
  "dependency-cycle",
  "self-dependency",
  "invalid-front-matter",
  "invalid-id",
  "id-mismatch",
  "unreadable-file",
  "binary-file",
  "empty-file",
  "file-too-large",
]);

export function isLocalError(d: Diag): boolean {
  return LOCAL_ERRORS.has(d.code);
}

/**
 * Whether a run may go ahead on this plan: no error about the whole run, and something left to
 * run when stories are set aside. `plan` exits 0 then, errors listed, so the slash command
 * can offer to run the rest.
 */
export function planCanRun(plan: Pick<Plan, "errors" | "waves" | "setAside">): boolean {
  if (!plan.errors.every(isLocalError)) return false;
  return plan.setAside.length === 0 || plan.waves.length > 0;
}

export interface PlanInput {
  stories: readonly ParsedStory[];
  config: Config;
  scope: readonly string[];
  /** From `.agent-orchestration/` state; overrides the file's status. */
  statuses?: StatusSource;
}

/** The warning's expand choice starts with this; the human renderer reads the list after it. */
export const EXPAND_PREFIX = "expand the scope to include ";

/**
 * What `expand` must add so the story has no open dependency left outside the scope: the
 * transitive closure of its open (not Done) out-of-scope dependencies, as positions in id
 * order. A Done story ends the walk (its own dependencies no longer matter); an in-scope one
 * too (its own warning names what it needs).
 */
function expansionOf(first: readonly number[], eff: EffectiveDependencies, inScope: Uint8Array, status: readonly StoryStatus[]): number[] {
  const seen = new Set<number>(first);
  const stack = [...first];
  const targets: number[] = [];
  while (stack.length > 0) {
    const n = effectiveTargets(eff, stack.pop()!, targets);
    for (let k = 0; k < n; k++) {
      const t = targets[k]!;
      if (seen.has(t) || inScope[t] === 1 || status[t] === "Done") continue;
      seen.add(t);
      stack.push(t);
    }
  }
  return [...seen].sort((a, b) => a - b);
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
      `Choose: ${EXPAND_PREFIX}${expand.join(", ")}, skip ${id}, or cancel.`,
    at?.file ?? path,
    at?.line,
  );
}

/**
 * The ids of the stories at targets[0..n), in an array of exactly that size. Literals for the
 * usual short lists: an array grown by push starts with room for 17, and `plan` makes one per
 * story.
 */
function idsOf(sorted: readonly ParsedStory[], targets: readonly number[], n: number): string[] {
  switch (n) {
    case 0:
      return [];
    case 1:
      return [sorted[targets[0]!]!.id];
    case 2:
      return [sorted[targets[0]!]!.id, sorted[targets[1]!]!.id];
    case 3:
      return [sorted[targets[0]!]!.id, sorted[targets[1]!]!.id, sorted[targets[2]!]!.id];
    default: {
      const ids: string[] = [];
      for (let k = 0; k < n; k++) ids.push(sorted[targets[k]!]!.id);
      return ids;
    }
  }
}

export function buildPlan(input: PlanInput): Plan {
  const analysis = analyzeProject(input.stories, input.config, input.statuses);
  return planFromAnalysis(analysis, input.scope);
}

/** Which stories a scope names (1 = in scope), by position; every story for null. */
function scopeMask(index: StoryIndex, scope: ReadonlySet<string> | null): Uint8Array {
  const inScope = new Uint8Array(index.sorted.length);
  if (scope === null) return inScope.fill(1);
  for (const k of scope) inScope[index.position.get(k) ?? internalError(`scope story ${k} missing from the index`)] = 1;
  return inScope;
}

/**
 * Waves and the critical path of the runnable stories in scope. With the whole project in
 * scope the analysis already holds them. The walk goes through the foundation gate (a virtual
 * node) by its own remaining length: a story that reaches the foundation only through the
 * gate is on the same chain as one that names a foundation story.
 */
function scheduleOf(analysis: ProjectAnalysis, inScope: Uint8Array): { schedule: Schedule; critical: number[] } {
  const graph = analysis.effective.graph;
  const all = analysis.byPosition.schedule;
  const runnable = new Uint8Array(graph.nodes.length);
  let count = 0;
  for (let i = 0; i < inScope.length; i++) {
    if (inScope[i] === 1 && all.runnable[i] === 1) {
      runnable[i] = 1;
      count++;
    }
  }
  if (count !== all.runnableCount) {
    const schedule = scheduleGraph(graph, runnable, undefined, analysis.byPosition.order);
    return { schedule, critical: criticalPathNodes(graph, runnable, schedule.remaining) };
  }
  return { schedule: all, critical: criticalPathNodes(graph, all.runnable, all.remaining) };
}

/** The analysis's diagnostics that concern the scope: project-wide ones, and cycles the scope waits behind. */
function scopeDiagnostics(analysis: ProjectAnalysis, inScope: Uint8Array, isInScope: (key: string) => boolean): { errors: Diag[]; warnings: Diag[] } {
  const warnings: Diag[] = [];
  const errors: Diag[] = [];
  const keep = (rd: RelatedDiag): void => void (rd.severity === "error" ? errors : warnings).push(rd.diag);
  for (const rd of analysis.diagnostics) {
    if (rd.diag.code === "dependency-cycle") continue;
    if (rd.stories.length === 0 || rd.stories.some(isInScope)) keep(rd);
  }
  if (analysis.cycles.length === 0) return { errors, warnings };
  const relevantCycles = new Set<number>();
  const { blockedBy } = analysis.byPosition;
  for (let i = 0; i < inScope.length; i++) {
    const cycles = blockedBy[i]; // undefined for almost every story
    if (cycles !== undefined && inScope[i] === 1) for (const c of cycles) relevantCycles.add(c);
  }
  for (const c of [...relevantCycles].sort((a, b) => a - b)) {
    const rd = analysis.cycleDiagnostics[c];
    if (rd) keep(rd);
  }
  return { errors, warnings };
}

/** The Plan for one scope, from an analysis the engine may already hold. */
export function planFromAnalysis(analysis: ProjectAnalysis, scopeArgs: readonly string[]): Plan {
  const { index, effective } = analysis;
  const { sorted, keys, position } = index;
  const { status, agents } = analysis.byPosition;
  const resolved = resolveScopeOrAll(scopeArgs, sorted);
  if (!resolved.ok) return { stories: [], waves: [], criticalPath: [], warnings: [], errors: sortDiags(resolved.error), outOfScope: [], setAside: [] };
  const inScope = scopeMask(index, resolved.value);
  const isInScope = (k: string): boolean => {
    const i = position.get(k);
    return i !== undefined && inScope[i] === 1;
  };
  const display = (k: string): string => {
    const i = position.get(k);
    return i === undefined ? k : sorted[i]!.id;
  };
  const { schedule, critical } = scheduleOf(analysis, inScope);
  const { errors, warnings } = scopeDiagnostics(analysis, inScope, isInScope);

  const outOfScope: Plan["outOfScope"] = [];
  const setAside: SetAsideStory[] = [];
  const stories: PlannedStory[] = [];
  const waves: string[][] = [];
  const targets: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    if (inScope[i] === 0) continue;
    const s = sorted[i]!;
    const n = effectiveTargets(effective, i, targets);
    let waitsOutside = false;
    for (let k = 0; k < n; k++) if (inScope[targets[k]!] === 0 && status[targets[k]!] !== "Done") waitsOutside = true;
    if (waitsOutside && status[i] !== "Done") {
      const open = analysis.edgesOf(keys[i]!).filter((e) => !isInScope(e.to) && !analysis.isDone(e.to));
      for (const e of open) outOfScope.push({ story: s.id, dependsOn: display(e.to) });
      const expand = expansionOf(
        open.map((e) => position.get(e.to)!),
        effective,
        inScope,
        status,
      ).map((t) => sorted[t]!.id);
      warnings.push(outOfScopeWarning(s.id, s.path, open, expand, display));
    }
    if (analysis.byPosition.setAside.rootOf[i] !== -1 && status[i] !== "Done") setAside.push(analysis.setAside.get(keys[i]!)!);
    // Stories still to run get a wave (stories in id order, so each wave is too).
    let wave: number | null = null;
    if (schedule.runnable[i] === 1) {
      wave = schedule.end[i]! - 1;
      while (waves.length <= wave) waves.push([]);
      waves[wave]!.push(s.id);
    }
    const agent = agents[i] ?? { agent: DEFAULT_AGENT, reason: "no technology detected" };
    const planned: PlannedStory = {
      id: s.id,
      title: s.title,
      path: s.placeholder ? "" : s.path,
      status: status[i]!,
      // ccpm epics have a name (the folder) and no number.
      epic: s.epic.number || (s.epic.name ?? ""),
      agent: agent.agent,
      agentReason: agent.reason,
      dependencies: idsOf(sorted, targets, n),
      wave,
    };
    if (s.placeholder) planned.placeholder = true;
    stories.push(planned);
  }

  return {
    stories,
    waves,
    criticalPath: critical.map((i) => sorted[i]!.id),
    warnings: sortDiags(warnings),
    errors: sortDiags(errors),
    outOfScope,
    setAside,
  };
}
