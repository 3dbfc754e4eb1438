// The dashboard's event stream (`GET /api/events`, server-sent events): what it carries and how
// each event is written. Pure. Three kinds, each one JSON object on one `data:` line:
//   journal: a new line of the engine's journal (`journal.jsonl`: start, submit, review, merge...)
//   ledger:  a new line of a headless runner's ledger (`runner/workers.jsonl`: worker start/end...)
//   story:   a story's state file changed: {id, status, previous, lastUpdate, headSha}
// and a `: ping` comment every so often, which keeps proxies and idle timeouts from closing it.
import type { StoryStatus } from "../model.js";

export interface StoryChange {
  id: string;
  status: StoryStatus;
  /** The status before, or null for a story that had no state file. */
  previous: StoryStatus | null;
  lastUpdate: string;
  headSha: string | null;
}

export type DashboardEvent = { type: "journal"; data: Record<string, unknown> } | { type: "ledger"; data: Record<string, unknown> } | { type: "story"; data: StoryChange };

/** One event on the wire. JSON.stringify never writes a raw newline, so the data is one line. */
export function sseFrame(e: DashboardEvent): string {
  return `event: ${e.type}\ndata: ${JSON.stringify(e.data)}\n\n`;
}

/** A comment line: ignored by EventSource, it only keeps the connection busy. */
export const SSE_PING = ": ping\n\n";

/** The stream's first bytes: how long a client waits before reconnecting, and a comment. */
export const sseOpening = (retryMs: number): string => `retry: ${Math.round(retryMs)}\n: story-orchestrator dashboard events\n\n`;

/** What a story's state file says that the stream reports a change of. */
export interface StorySnapshot {
  status: StoryStatus;
  lastUpdate: string;
  headSha: string | null;
}

/**
 * The stories whose state changed between two readings (keyed alike, by id key), in id-key
 * order. `lastUpdate` moves with every write the engine makes, so a change of usage or reviews
 * counts too. A state file that went away is not an event (the engine never deletes one).
 */
export function storyChanges(before: ReadonlyMap<string, StorySnapshot & { id: string }>, after: ReadonlyMap<string, StorySnapshot & { id: string }>): StoryChange[] {
  const out: StoryChange[] = [];
  for (const key of [...after.keys()].sort()) {
    const now = after.get(key)!;
    const was = before.get(key);
    if (was && was.status === now.status && was.lastUpdate === now.lastUpdate && was.headSha === now.headSha) continue;
    out.push({ id: now.id, status: now.status, previous: was?.status ?? null, lastUpdate: now.lastUpdate, headSha: now.headSha });
  }
  return out;
}

/**
 * A line of the journal or the ledger as an event's data: a JSON object, or null for a torn or
 * foreign line (skipped, as their readers skip them).
 */
export function lineData(raw: string): Record<string, unknown> | null {
  if (!raw.trim()) return null;
  try {
    const v: unknown = JSON.parse(raw);
    return v !== null && typeof v === "object" && !Array.isArray(v) && typeof (v as { event?: unknown }).event === "string" ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
