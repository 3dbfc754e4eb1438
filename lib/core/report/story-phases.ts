// A story's history (the state machine's entries, core/state/transitions.ts) read as intervals:
// implementing, waiting for review, review, fix rounds, waiting to merge, merge with verify.
// The history says when the status changed; two moments it cannot know come from elsewhere:
// when a reviewer began (the runner's ledger or the hooks' launch records: without one, the
// whole time from submit to verdict counts as review) and when a merge began (the journal's
// `merge` event carries `startedAt`; without it the merge is an instant). Pure.
import type { HistoryEntry } from "../state/schemas.js";
import type { Phase, PhaseKind } from "./run-report-types.js";

export interface PhaseHints {
  /** Times a reviewer of this story began work, ascending. */
  reviewStarts: readonly number[];
  /** Times a merge of this story began, ascending. */
  mergeStarts: readonly number[];
}

/** The first time in `times` within [from, to], if any. */
function firstWithin(times: readonly number[], from: number, to: number): number | null {
  for (const t of times) if (t >= from && t <= to) return t;
  return null;
}

export function storyPhases(history: readonly HistoryEntry[], hints: PhaseHints, now: number): Phase[] {
  const phases: Phase[] = [];
  // Held in an object: the closures below change it, which narrowing of a plain `let` would miss.
  const cur: { open: { kind: PhaseKind; start: number; round?: number } | null } = { open: null };
  let rounds = 0;
  const push = (kind: PhaseKind, start: number, end: number, round?: number) => {
    if (end < start) return;
    phases.push({ kind, start, end, ...(round !== undefined ? { round } : {}) });
  };
  /** Ends the open phase at `t`; a wait for review is split where a reviewer began. */
  const close = (t: number) => {
    const open = cur.open;
    if (!open) return;
    if (open.kind === "waiting-for-review") {
      const began = firstWithin(hints.reviewStarts, open.start, t);
      if (began === null) push("review", open.start, t);
      else {
        push("waiting-for-review", open.start, began);
        push("review", began, t);
      }
    } else push(open.kind, open.start, t, open.round);
    cur.open = null;
  };
  const begin = (kind: PhaseKind, t: number, round?: number) => {
    cur.open = { kind, start: t, ...(round !== undefined ? { round } : {}) };
  };
  const entries = [...history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const e of entries) {
    const t = Date.parse(e.at);
    if (Number.isNaN(t)) continue;
    switch (e.event) {
      case "start":
        close(t);
        begin("implementing", t);
        break;
      case "rework":
        // The fix round began with the change request; the developer's relaunch continues it.
        if (!cur.open) begin("fix-round", t, Math.max(rounds, 1));
        break;
      case "submit":
        close(t);
        begin("waiting-for-review", t);
        break;
      case "approve":
        close(t);
        begin("waiting-to-merge", t);
        break;
      case "request-changes":
      case "send-back":
        close(t);
        rounds++;
        begin("fix-round", t, rounds);
        break;
      case "merge": {
        const began = firstWithin(hints.mergeStarts, cur.open?.start ?? t, t);
        close(began ?? t);
        push("merge", began ?? t, t);
        break;
      }
      case "fail":
      case "adopt-merged":
        close(t);
        break;
      default:
        // block, unblock, skip, retry: no work happens in them.
        break;
    }
  }
  if (cur.open) {
    const before = phases.length;
    close(now);
    // The phase that was under way (the last of a split wait) is still going.
    const last = phases[phases.length - 1];
    if (last && phases.length > before) last.open = true;
  }
  return phases;
}
