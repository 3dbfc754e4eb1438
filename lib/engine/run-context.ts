// What most engine operations need at once: the project (config + parsed stories), its analysis
// (effective dependencies, agents, priorities) and the state files, joined by story key.
// Loading parses story markdown, so the hot path of hooks uses `readRunState` instead.
import { diag, err, ok, type Diag, type Result } from "../core/diagnostics.js";
import { compareIds, idKey, isStoryId } from "../core/ids.js";
import type { ParsedStory, StoryStatus } from "../core/model.js";
import { analyzeProject, type ProjectAnalysis } from "../core/plan.js";
import { resolveScope, suggestIds } from "../core/scope.js";
import type { OrchestrationState, StoryState } from "../core/state/schemas.js";
import type { SchedulableStory } from "../core/scheduler/next.js";
import { readAllStoryStates, readOrchestrationState } from "../adapters/state-store/store.js";
import { loadProject, type LoadedProject } from "./load-project.js";
import type { StoryCacheOptions } from "../adapters/fs/story-cache.js";
import { notAStoryId } from "./story-ref.js";

export interface RunContext {
  root: string;
  project: LoadedProject;
  analysis: ProjectAnalysis;
  /** State files by idKey. */
  states: Map<string, StoryState>;
  orch: OrchestrationState | null;
}

/** The engine's status of a story: its state file, else Done when its file says so, else Not Started. */
export function engineStatus(story: ParsedStory, state: StoryState | undefined): StoryStatus {
  if (state) return state.status;
  return story.status.normalized === "Done" ? "Done" : "Not Started";
}

export function statusMap(stories: readonly ParsedStory[], states: ReadonlyMap<string, StoryState>): Map<string, StoryStatus> {
  const m = new Map<string, StoryStatus>();
  for (const s of stories) m.set(idKey(s.id), engineStatus(s, states.get(idKey(s.id))));
  return m;
}

/** `cache`: how the parse cache is used (`{cache: "read-only"}` for readers that must not write, the dashboard). */
export async function loadRunContext(root: string, cache: StoryCacheOptions = {}): Promise<Result<RunContext, Diag[]>> {
  const project = await loadProject(root, cache);
  const configErrors = project.errors.filter((d) => d.code === "invalid-config");
  if (configErrors.length) return err(configErrors);
  const states = await readAllStoryStates(root);
  if (!states.ok) return states;
  const orch = await readOrchestrationState(root);
  if (!orch.ok) return orch;
  const analysis = analyzeProject(project.stories, project.config, statusMap(project.stories, states.value));
  return ok({ root, project, analysis, states: states.value, orch: orch.value });
}

/** Re-reads the state files (inside the lock) and re-analyses with them. */
export async function refreshStates(ctx: RunContext): Promise<Result<RunContext, Diag[]>> {
  const states = await readAllStoryStates(ctx.root);
  if (!states.ok) return states;
  const orch = await readOrchestrationState(ctx.root);
  if (!orch.ok) return orch;
  const analysis = analyzeProject(ctx.project.stories, ctx.project.config, statusMap(ctx.project.stories, states.value));
  return ok({ ...ctx, analysis, states: states.value, orch: orch.value });
}

type Lock = <T>(root: string, fn: () => Promise<Result<T, Diag[]>>) => Promise<Result<T, Diag[]>>;

/**
 * The shape of every operation on one story: load the project and find the story outside the
 * lock (parsing markdown takes a while), then, holding `lock`, re-read the state files (another
 * process may have changed them meanwhile) and run `fn` on that fresh context.
 */
export async function withStory<T>(root: string, id: string, lock: Lock, fn: (ctx: RunContext, story: ParsedStory) => Promise<Result<T, Diag[]>>): Promise<Result<T, Diag[]>> {
  const loaded = await loadRunContext(root);
  if (!loaded.ok) return loaded;
  const found = findStory(loaded.value, id);
  if (!found.ok) return found;
  return lock(root, async () => {
    const fresh = await refreshStates(loaded.value);
    if (!fresh.ok) return fresh;
    return fn(fresh.value, found.value);
  });
}

export function findStory(ctx: RunContext, id: string): Result<ParsedStory, Diag[]> {
  if (!isStoryId(id)) return notAStoryId(id);
  const s = ctx.analysis.index.byKey.get(idKey(id));
  if (s) return ok(s);
  const near = suggestIds(id, ctx.analysis.index.sorted.map((x) => x.id));
  return err([diag("unknown-story", `no story ${id}${near.length ? `; did you mean ${near.join(", ")}?` : ""}`)]);
}

export function statusOf(ctx: RunContext, key: string): StoryStatus {
  return ctx.analysis.status.get(key) ?? "Not Started";
}

export function dependenciesOf(ctx: RunContext, key: string): string[] {
  return ctx.analysis.edgesOf(key).map((e) => ctx.analysis.index.byKey.get(e.to)?.id ?? e.to);
}

export function agentOf(ctx: RunContext, key: string): string {
  return ctx.states.get(key)?.agent ?? ctx.analysis.agents.get(key)?.agent ?? "general-developer";
}

/**
 * Every story in scheduler form; set-aside stories (a problem of their own or of a story they
 * wait for, cycles included) are left out: they cannot run. Conflicts (ccpm) come as ids.
 */
export function schedulable(ctx: RunContext): SchedulableStory[] {
  const out: SchedulableStory[] = [];
  const { rootOf } = ctx.analysis.byPosition.setAside;
  const conflicts = ctx.analysis.byPosition.conflicts;
  const { keys } = ctx.analysis.index;
  keys.forEach((key, i) => {
    if (rootOf[i] !== -1) return;
    const s: SchedulableStory = {
      id: key,
      dependencies: ctx.analysis.edgesOf(key).map((e) => e.to),
      status: statusOf(ctx, key),
      agent: agentOf(ctx, key),
      priority: ctx.analysis.priority.get(key) ?? 0,
    };
    const story = ctx.analysis.index.byKey.get(key);
    const userPriority = story?.overrides.priority;
    if (userPriority !== undefined) s.userPriority = userPriority;
    const others = conflicts.with[i];
    if (others !== undefined) s.conflicts = others.map((j) => keys[j]!);
    if (conflicts.alone[i] === 1) s.alone = true;
    if (conflicts.anyAlone) s.group = conflicts.group(i);
    if (story?.placeholder) s.placeholder = true;
    out.push(s);
  });
  return out;
}

/** The run's scope as story keys: explicit args, else the recorded scope, else every story. */
export function runScope(ctx: RunContext, args?: readonly string[]): Result<Set<string> | null, Diag[]> {
  const terms = args && args.length ? args : ctx.orch?.scope && ctx.orch.scope.length ? ctx.orch.scope : null;
  if (terms === null) return ok(null);
  return resolveScope(terms, ctx.analysis.index.sorted);
}

export const displayId = (ctx: RunContext, key: string): string => ctx.analysis.index.byKey.get(key)?.id ?? key;

export const sortIds = (ids: Iterable<string>): string[] => [...ids].sort(compareIds);
