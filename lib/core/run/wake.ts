// When the runner looks at the project again. It does not poll on a short clock: each pass
// reads the whole project (story files and state), and a real worker runs for minutes. A pass
// follows an event (a worker ended, a merge settled, an answer file changed, a retry came due,
// Ctrl-C); a slow safety poll catches what no event reports (verbs run from an interactive
// session on the same state, a watch that failed).

/** "follow-up": the pass before changed something with nothing left under way to wake the runner. */
export type WakeReason = "start" | "follow-up" | "worker-ended" | "merge-settled" | "answers" | "retry-due" | "abort" | "poll";

/** The safety poll's default interval. */
export const SAFETY_POLL_MS = 30_000;

/**
 * How long to sleep when nothing has happened: until the earliest retry still to come is due,
 * or until the safety poll, whichever is first. Retries already due are not waited for (the
 * pass that scheduled them has run; the next one, woken by anything, launches them).
 */
export function sleepPlan(now: number, retryAts: Iterable<number>, pollMs: number): { ms: number; reason: "retry-due" | "poll" } {
  let earliest = Infinity;
  for (const t of retryAts) if (t > now && t < earliest) earliest = t;
  return earliest - now < pollMs ? { ms: Math.max(0, earliest - now), reason: "retry-due" } : { ms: pollMs, reason: "poll" };
}
