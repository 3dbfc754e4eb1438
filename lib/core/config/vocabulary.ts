// Values the config schema shares with code that must not load zod: the planning path runs
// on every CLI call and imports these without the schema (zod and yaml cost ~30 ms to load).
export const AGENT_NAME_RE = /^[a-z0-9][a-z0-9-]{0,62}$/;

export const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const;
export type Severity = (typeof SEVERITIES)[number];
