// The story lifecycle (DESIGN.md "State") as one explicit table: every status change in the
// engine goes through `transition`, so an edge that is not in TABLE cannot happen.
//
//   Not Started → In Progress → Ready for Review → Approved → Done (merge only)
//   Ready for Review | Approved → Changes Requested → In Progress | Ready for Review (fix rounds)
//   any open status → Failed; Not Started → Blocked (a dependency failed) → Not Started
import { diag, err, ok, type Diag, type Result } from "../diagnostics.js";
import type { StoryStatus } from "../model.js";
import type { StoryState } from "./schemas.js";

export type StoryEvent =
  | "start"
  | "rework"
  | "submit"
  | "approve"
  | "request-changes"
  | "send-back"
  | "merge"
  | "fail"
  | "block"
  | "unblock"
  | "skip"
  | "retry"
  | "adopt-merged";

const OPEN: StoryStatus[] = ["In Progress", "Ready for Review", "Changes Requested", "Approved"];

/** event → the statuses it may leave from, and where it goes. */
export const TRANSITIONS: Readonly<Record<StoryEvent, { from: readonly StoryStatus[]; to: StoryStatus }>> = {
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
  "adopt-merged": { from: OPEN, to: "Done" },
};

export function canTransition(from: StoryStatus, event: StoryEvent): boolean {
  return TRANSITIONS[event].from.includes(from);
}

/**
 * Applies `event` to `state`, appending to its history. An edge not in the table is an
 * `illegal-transition` naming the story, the event and both statuses.
 */
export function transition(
  state: StoryState,
  event: StoryEvent,
  at: string,
  note?: string,
): Result<StoryState, Diag[]> {
  const rule = TRANSITIONS[event];
  if (!rule.from.includes(state.status)) {
    return err([
      diag(
        "illegal-transition",
        `story ${state.storyId}: cannot ${event} from "${state.status}" (to "${rule.to}"); allowed from: ${rule.from.map((s) => `"${s}"`).join(", ")}`,
      ),
    ]);
  }
  const entry = { at, event, from: state.status, to: rule.to, ...(note !== undefined ? { note } : {}) };
  return ok({ ...state, status: rule.to, lastUpdate: at, history: [...state.history, entry] });
}
