import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  ConflictGuard
} from "./chunk-TA7IOGVC.mjs";
import {
  compareIds
} from "./chunk-KNNDJYLI.mjs";

// lib/core/scheduler/next.ts
var DEFAULT_USER_PRIORITY = 2;
function compareReady(a, b) {
  const ua = a.userPriority ?? DEFAULT_USER_PRIORITY;
  const ub = b.userPriority ?? DEFAULT_USER_PRIORITY;
  return ua - ub || b.priority - a.priority || compareIds(a.id, b.id);
}
var ACTIVE_STATUSES = ["In Progress", "Ready for Review", "Changes Requested", "Approved"];
function isActive(status) {
  return ACTIVE_STATUSES.includes(status);
}
function blockedStories(stories) {
  const byId = new Map(stories.map((s) => [s.id, s]));
  const memo = /* @__PURE__ */ new Map();
  const isBlocked = (id, seen) => {
    const cached = memo.get(id);
    if (cached !== void 0) return cached;
    const s = byId.get(id);
    if (!s || seen.has(id)) return false;
    seen.add(id);
    const result = s.dependencies.some((d) => {
      const dep = byId.get(d);
      if (!dep) return false;
      return dep.status === "Failed" || dep.status === "Blocked" || dep.status !== "Done" && isBlocked(d, seen);
    });
    memo.set(id, result);
    return result;
  };
  const out = /* @__PURE__ */ new Set();
  for (const s of stories) {
    if ((s.status === "Not Started" || s.status === "Blocked") && isBlocked(s.id, /* @__PURE__ */ new Set())) out.add(s.id);
  }
  return out;
}
function nextReady(stories, maxParallel, scope = null) {
  const byId = new Map(stories.map((s) => [s.id, s]));
  const blocked = blockedStories(stories);
  const running = stories.filter((s) => isActive(s.status)).map((s) => s.id);
  const inScope = (id) => scope === null || scope.has(id);
  const candidates = [];
  const waiting = [];
  for (const s of stories) {
    if (!inScope(s.id) || blocked.has(s.id)) continue;
    if (s.status !== "Not Started") continue;
    if (s.placeholder) continue;
    const depsDone = s.dependencies.every((d) => byId.get(d)?.status === "Done" || !byId.has(d));
    if (depsDone) candidates.push(s);
    else waiting.push(s.id);
  }
  candidates.sort(compareReady);
  const slots = Math.max(0, maxParallel - running.length);
  const guard = new ConflictGuard(stories.filter((s) => isActive(s.status)));
  const ready = [];
  const heldBack = [];
  for (const s of candidates) {
    const by = guard.blocker(s);
    if (by !== void 0) heldBack.push({ id: s.id, conflictsWith: by });
    if (by !== void 0 || ready.length >= slots) {
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
    heldBack: heldBack.sort((a, b) => compareIds(a.id, b.id))
  };
}

export {
  isActive,
  blockedStories,
  nextReady
};
