import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  diag,
  err,
  ok
} from "./chunk-EFR3LY5V.mjs";

// lib/core/state/transitions.ts
var OPEN = ["In Progress", "Ready for Review", "Changes Requested", "Approved"];
var TRANSITIONS = {
  start: { from: ["Not Started"], to: "In Progress" },
  /** A developer is relaunched on a story whose review asked for changes. */
  rework: { from: ["Changes Requested"], to: "In Progress" },
  /** New head commit to review (from Approved/Changes Requested only with new commits: engine checks). */
  submit: { from: ["In Progress", "Ready for Review", "Changes Requested", "Approved"], to: "Ready for Review" },
  /** Every configured reviewer approved the current head. */
  approve: { from: ["Ready for Review", "Approved"], to: "Approved" },
  "request-changes": { from: ["Ready for Review", "Approved"], to: "Changes Requested" },
  /** A merge attempt found a conflict or a failing verify: the developer must fix it. */
  "send-back": { from: ["Approved"], to: "Changes Requested" },
  merge: { from: ["Approved"], to: "Done" },
  fail: { from: ["Not Started", "Blocked", ...OPEN], to: "Failed" },
  block: { from: ["Not Started"], to: "Blocked" },
  unblock: { from: ["Blocked"], to: "Not Started" },
  skip: { from: ["Not Started", "Blocked"], to: "Skipped" },
  retry: { from: ["Failed"], to: "Not Started" },
  /** `resume` found the story's head already on the integration branch. */
  "adopt-merged": { from: OPEN, to: "Done" }
};
function canTransition(from, event) {
  return TRANSITIONS[event].from.includes(from);
}
function transition(state, event, at, note) {
  const rule = TRANSITIONS[event];
  if (!rule.from.includes(state.status)) {
    return err([
      diag(
        "illegal-transition",
        `story ${state.storyId}: cannot ${event} from "${state.status}" (to "${rule.to}"); allowed from: ${rule.from.map((s) => `"${s}"`).join(", ")}`
      )
    ]);
  }
  const entry = { at, event, from: state.status, to: rule.to, ...note !== void 0 ? { note } : {} };
  return ok({ ...state, status: rule.to, lastUpdate: at, history: [...state.history, entry] });
}

export {
  canTransition,
  transition
};
