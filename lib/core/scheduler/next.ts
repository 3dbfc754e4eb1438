// The ready queue (DESIGN.md "Plan and schedule"): a story may start the moment its own
// dependencies are Done, not when its whole wave is. Under the `maxParallel` cap the order is:
//   1. front-matter `priority` (lower = sooner: 0/P0/critical, 1/P1/high, 2/P2/medium, 3/P3/low;
//      a story without one counts as 2). A user who marks a story high expects it to start before
//      the others when both are ready, and one marked low to wait, so this is the first key;
//   2. longest remaining critical path (what keeps the makespan near its lower bound; with no
//      priorities written this is the whole order);
//   3. id.
// Stories in conflict (ccpm `conflicts_with`, `parallel: false`; conflicts.ts) never run at the
// same time: a story that conflicts with an active one, or with one handed out earlier in the
// same answer, waits (`heldBack` says for which).
// Pure: statuses in, a decision out.
import { compareIds } from "../ids.js";
import type { StoryStatus } from "../model.js";
import { ConflictGuard, type ConflictView } from "./conflicts.js";

export interface SchedulableStory extends ConflictView {
  id: string;
  /** Effective dependencies (declared, reverse, foundation, implicit). */
  dependencies: readonly string[];
  status: StoryStatus;
  agent: string;
  /** Remaining critical path; larger starts first. */
  priority: number;
  /** Front-matter `priority` as parsed (lower = more urgent); absent = DEFAULT_USER_PRIORITY. */
  userPriority?: number;
  /** Listed in sprint-status.yaml with no story file yet: never handed out (it waits for its file). */
  placeholder?: true;
}

/** What a story without a front-matter `priority` counts as: medium, P2. */
export const DEFAULT_USER_PRIORITY = 2;

/** The ready-queue order (see the header): user priority, critical path, id. */
export function compareReady(a: SchedulableStory, b: SchedulableStory): number {
  const ua = a.userPriority ?? DEFAULT_USER_PRIORITY;
  const ub = b.userPriority ?? DEFAULT_USER_PRIORITY;
  return ua - ub || b.priority - a.priority || compareIds(a.id, b.id);
}

export interface NextDecision {
  /** May start now, best first; never more than the free slots under the cap. */
  ready: { id: string; agent: string }[];
  /** Started and not finished (they hold a slot): In Progress … Approved. */
  running: string[];
  /** Not started yet: dependencies still open, or no free slot. */
  waiting: string[];
  /** Cannot run until a failed dependency is resolved. */
  blocked: string[];
  /** Ready but waiting (in `waiting` too) because they conflict with a story that runs or was just handed out. */
  heldBack: { id: string; conflictsWith: string }[];
}

/** Statuses that hold one of the `maxParallel` slots. */
export const ACTIVE_STATUSES: readonly StoryStatus[] = ["In Progress", "Ready for Review", "Changes Requested", "Approved"];

export function isActive(status: StoryStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

/**
 * Stories that cannot run because a dependency (transitively) Failed or is Blocked. A story the
 * state already marks Blocked stays Blocked while any dependency is still failed or blocked.
 */
export function blockedStories(stories: readonly SchedulableStory[]): Set<string> {
  const byId = new Map(stories.map((s) => [s.id, s]));
  const memo = new Map<string, boolean>();
  const isBlocked = (id: string, seen: Set<string>): boolean => {
    const cached = memo.get(id);
    if (cached !== undefined) return cached;
    const s = byId.get(id);
    if (!s || seen.has(id)) return false;
    seen.add(id);
    const result = s.dependencies.some((d) => {
      const dep = byId.get(d);
      if (!dep) return false;
      return dep.status === "Failed" || dep.status === "Blocked" || (dep.status !== "Done" && isBlocked(d, seen));
    });
    memo.set(id, result);
    return result;
  };
  const out = new Set<string>();
  for (const s of stories) {
    if ((s.status === "Not Started" || s.status === "Blocked") && isBlocked(s.id, new Set())) out.add(s.id);
  }
  return out;
}

/**
 * @param stories every story of the project (dependencies may point outside the scope).
 * @param scope the stories this run may hand out; null = all.
 */
export function nextReady(stories: readonly SchedulableStory[], maxParallel: number, scope: ReadonlySet<string> | null = null): NextDecision {
  const byId = new Map(stories.map((s) => [s.id, s]));
  const blocked = blockedStories(stories);
  const running = stories.filter((s) => isActive(s.status)).map((s) => s.id);
  const inScope = (id: string) => scope === null || scope.has(id);

  const candidates: SchedulableStory[] = [];
  const waiting: string[] = [];
  for (const s of stories) {
    if (!inScope(s.id) || blocked.has(s.id)) continue;
    if (s.status !== "Not Started") continue;
    if (s.placeholder) continue; // not listed as waiting: nothing the run can do makes it ready
    const depsDone = s.dependencies.every((d) => byId.get(d)?.status === "Done" || !byId.has(d));
    if (depsDone) candidates.push(s);
    else waiting.push(s.id);
  }
  candidates.sort(compareReady);
  const slots = Math.max(0, maxParallel - running.length);
  const guard = new ConflictGuard(stories.filter((s) => isActive(s.status)));
  const ready: SchedulableStory[] = [];
  const heldBack: NextDecision["heldBack"] = [];
  for (const s of candidates) {
    const by = guard.blocker(s);
    if (by !== undefined) heldBack.push({ id: s.id, conflictsWith: by });
    if (by !== undefined || ready.length >= slots) {
      waiting.push(s.id);
      continue;
    }
    guard.take(s);
    ready.push(s);
  }
  return {
    ready: ready.map((s) => ({ id: s.id, agent: s.agent })),
    running: running.sort(compareIds),
    waiting: waiting.sort(compareIds),
    blocked: [...blocked].filter(inScope).sort(compareIds),
    heldBack: heldBack.sort((a, b) => compareIds(a.id, b.id)),
  };
}
