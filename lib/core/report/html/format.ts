// Numbers as the report prints them.
import { formatDuration } from "../progress.js";

/** 0.4s, 12.3s, then 2m 05s, 1h 03m. */
export function fmtMs(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)}s`;
  return formatDuration(ms);
}

/** An axis label: only the units that are not zero (1h 30m, 30m, 1m 30s, 45s, 0.5s). */
export function fmtTick(ms: number): string {
  if (ms < 1000) return `${ms / 1000}s`;
  const s = Math.round(ms / 1000);
  const parts = [[Math.floor(s / 3600), "h"], [Math.floor((s % 3600) / 60), "m"], [s % 60, "s"]] as const;
  return parts.filter(([n]) => n > 0).map(([n, u]) => `${n}${u}`).join(" ");
}

/** Dollars: four places below $1 (worker costs are cents), two above. */
export const fmtUsd = (usd: number): string => `$${usd.toFixed(usd < 1 ? 4 : 2)}`;

export const fmtPct = (x: number): string => `${(x * 100).toFixed(0)}%`;

export const fmtInt = (n: number): string => n.toLocaleString("en-US");

/** A moment as UTC, to the second: the report may be read anywhere. */
export const fmtTime = (ms: number): string => new Date(ms).toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC");

/** A tick step for an axis of `span` ms with about `want` ticks. */
export function tickStep(span: number, want = 8): number {
  const steps = [100, 200, 500, 1e3, 2e3, 5e3, 1e4, 15e3, 3e4, 6e4, 12e4, 3e5, 6e5, 9e5, 18e5, 36e5, 72e5, 144e5, 216e5, 432e5, 864e5];
  return steps.find((s) => span / s <= want) ?? 864e5 * Math.ceil(span / 864e5 / want);
}
