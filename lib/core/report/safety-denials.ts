// Safety denials counted from the journal: every time the PreToolUse hook refused a story
// agent's command under a safety rule it appended a `safety-denied` event (story, rule,
// command). Pure: journal events in, counts out, in a stable order.
import { compareIds, isStoryId } from "../ids.js";

/** The journal event a safety denial leaves. */
export const SAFETY_DENIED = "safety-denied";

/** The journal fields this reads (a JournalEvent has them; plain JSON lines do too). */
export interface JournalLine {
  event: string;
  storyId?: string;
  data?: Record<string, unknown>;
}

export interface SafetyDenialCounts {
  total: number;
  /** Rule id (`gitPush`, `migrations`, `deleteOutsideWorktree`, `deny: terraform apply`) → count. */
  byRule: Record<string, number>;
  /** Story id → its total and its counts per rule; denials with no known story under "?". */
  byStory: Record<string, { total: number; byRule: Record<string, number> }>;
}

/** Keys in sorted order (story ids in id order), so output is the same whatever order the denials came in. */
function sorted<T>(rec: Record<string, T>, ids = false): Record<string, T> {
  const cmp = (a: string, b: string) => (ids && isStoryId(a) && isStoryId(b) ? compareIds(a, b) : a < b ? -1 : a > b ? 1 : 0);
  return Object.fromEntries(Object.keys(rec).sort(cmp).map((k) => [k, rec[k] as T]));
}

export function countSafetyDenials(events: Iterable<JournalLine>): SafetyDenialCounts {
  const byRule: Record<string, number> = {};
  const byStory: Record<string, { total: number; byRule: Record<string, number> }> = {};
  let total = 0;
  for (const e of events) {
    if (e.event !== SAFETY_DENIED) continue;
    const rule = typeof e.data?.["rule"] === "string" ? e.data["rule"] : "unknown";
    const story = e.storyId ?? "?";
    total++;
    byRule[rule] = (byRule[rule] ?? 0) + 1;
    const s = (byStory[story] ??= { total: 0, byRule: {} });
    s.total++;
    s.byRule[rule] = (s.byRule[rule] ?? 0) + 1;
  }
  return { total, byRule: sorted(byRule), byStory: Object.fromEntries(Object.entries(sorted(byStory, true)).map(([k, v]) => [k, { total: v.total, byRule: sorted(v.byRule) }])) };
}

/** One line per rule and per story, for the report: "gitPush 2 (1.1: 2)". Empty when there were none. */
export function renderSafetyDenials(c: SafetyDenialCounts): string[] {
  if (c.total === 0) return [];
  return Object.entries(c.byRule).map(([rule, n]) => {
    const stories = Object.entries(c.byStory)
      .filter(([, s]) => s.byRule[rule])
      .map(([id, s]) => `${id}: ${s.byRule[rule]}`);
    return `- ${rule}: ${n} (${stories.join(", ")})`;
  });
}
