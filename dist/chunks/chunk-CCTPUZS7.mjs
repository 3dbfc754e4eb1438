import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  compareIds,
  isStoryId
} from "./chunk-KNNDJYLI.mjs";

// lib/core/report/safety-denials.ts
var SAFETY_DENIED = "safety-denied";
function sorted(rec, ids = false) {
  const cmp = (a, b) => ids && isStoryId(a) && isStoryId(b) ? compareIds(a, b) : a < b ? -1 : a > b ? 1 : 0;
  return Object.fromEntries(Object.keys(rec).sort(cmp).map((k) => [k, rec[k]]));
}
function countSafetyDenials(events) {
  const byRule = {};
  const byStory = {};
  let total = 0;
  for (const e of events) {
    if (e.event !== SAFETY_DENIED) continue;
    const rule = typeof e.data?.["rule"] === "string" ? e.data["rule"] : "unknown";
    const story = e.storyId ?? "?";
    total++;
    byRule[rule] = (byRule[rule] ?? 0) + 1;
    const s = byStory[story] ??= { total: 0, byRule: {} };
    s.total++;
    s.byRule[rule] = (s.byRule[rule] ?? 0) + 1;
  }
  return { total, byRule: sorted(byRule), byStory: Object.fromEntries(Object.entries(sorted(byStory, true)).map(([k, v]) => [k, { total: v.total, byRule: sorted(v.byRule) }])) };
}
function renderSafetyDenials(c) {
  if (c.total === 0) return [];
  return Object.entries(c.byRule).map(([rule, n]) => {
    const stories = Object.entries(c.byStory).filter(([, s]) => s.byRule[rule]).map(([id, s]) => `${id}: ${s.byRule[rule]}`);
    return `- ${rule}: ${n} (${stories.join(", ")})`;
  });
}

export {
  SAFETY_DENIED,
  countSafetyDenials,
  renderSafetyDenials
};
