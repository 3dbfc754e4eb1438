// Budget decisions of a headless run (config `budgetUsd`, `run --budget USD`). Pure: the
// runner passes what was spent and what is in flight. A worker's spend is known only when it
// ends, so each running worker holds a reserve (the projected cost of one worker) that new work
// cannot use.

export interface BudgetView {
  /** null: no limit. */
  budgetUsd: number | null;
  /** What finished workers cost. */
  spentUsd: number;
  /** Workers running now. */
  activeWorkers: number;
  /** Costs of finished workers, and of finished (merged) stories, for the projections. */
  workerCosts: readonly number[];
  storyCosts: readonly number[];
}

/** Dollars as people read them: cents from $1 up, four places below (a test model costs fractions of a cent). */
export const usd = (n: number): string => `$${n.toFixed(n >= 1 ? 2 : 4)}`;

const mean = (xs: readonly number[]): number | null => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** Projected cost of one worker: the mean so far; with none finished yet, nothing is projected. */
export function projectedWorkerUsd(v: BudgetView): number {
  return mean(v.workerCosts) ?? 0;
}

/** Projected cost of one whole story (developer, reviewers, fix rounds): the mean of the merged ones, else of workers times two. */
export function projectedStoryUsd(v: BudgetView): number {
  return mean(v.storyCosts) ?? projectedWorkerUsd(v) * 2;
}

function committedUsd(v: BudgetView): number {
  return v.spentUsd + v.activeWorkers * projectedWorkerUsd(v);
}

/** May a new story start? Not once the spend, the running workers' reserve and the next story's projection would pass the budget. */
export function mayStartStory(v: BudgetView): { ok: true } | { ok: false; reason: string } {
  if (v.budgetUsd === null) return { ok: true };
  const need = committedUsd(v) + projectedStoryUsd(v);
  if (v.spentUsd >= v.budgetUsd || need > v.budgetUsd) {
    return { ok: false, reason: `budget: ${usd(v.spentUsd)} spent of ${usd(v.budgetUsd)}, and the next story is projected at ${usd(projectedStoryUsd(v))}` };
  }
  return { ok: true };
}

/**
 * The cap for a worker about to launch (`--max-budget-usd`): what is left after the spend and
 * the other running workers' reserve; null without a budget. At or below zero nothing launches.
 */
export function workerCapUsd(v: BudgetView): number | null {
  if (v.budgetUsd === null) return null;
  return v.budgetUsd - committedUsd(v);
}

/** The 75% warning: once, when the spend first reaches it. */
export function crossedWarning(budgetUsd: number | null, before: number, after: number, fraction = 0.75): boolean {
  return budgetUsd !== null && before < budgetUsd * fraction && after >= budgetUsd * fraction;
}
