// The only source of time for the engine: engine functions take a Clock (default systemClock).
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** `yyyymmdd-hhmmss` in UTC, for worktree names (DESIGN.md "Worktrees and the merge queue"). */
export function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}-${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}`;
}
