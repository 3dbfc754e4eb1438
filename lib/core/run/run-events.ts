// What a headless run tells the outside world (notifications, plain output, NDJSON): a few
// events, each a plain JSON object. Pure types and one sentence per event; the notifier
// (lib/adapters/notify/notify.ts) sends them, the runner emits them.

export type RunEvent =
  | { type: "question"; at: string; storyId: string; question: string }
  | { type: "story-failed"; at: string; storyId: string; reason: string }
  | { type: "budget-warning"; at: string; spentUsd: number; budgetUsd: number }
  | { type: "run-finished"; at: string; done: number; total: number; failed: string[]; spentUsd: number; summary: string };

export type RunEventType = RunEvent["type"];

/** Every event type, in the order the README lists them (also the config's default `notify.events`). */
export const RUN_EVENT_TYPES = ["question", "story-failed", "budget-warning", "run-finished"] as const satisfies readonly RunEventType[];

/**
 * Free text (a question, a failure reason, a summary) is cut here: a notification is a line in a
 * chat or a terminal, not the document. The whole text stays in the event and in the files.
 */
const MAX_FREE_TEXT = 500;

/**
 * One human line per event: Slack's `text`, the runner's plain output. Free text is folded onto
 * the line (a question's own line breaks would make it several).
 */
export function eventText(e: RunEvent): string {
  switch (e.type) {
    case "question":
      return `Story ${e.storyId} asks: ${oneLine(e.question)} (answer: story-orchestrator answer ${e.storyId} "YOUR ANSWER")`;
    case "story-failed":
      return `Story ${e.storyId} failed: ${oneLine(e.reason)}`;
    case "budget-warning":
      return `Budget warning: ${usd(e.spentUsd)} of ${usd(e.budgetUsd)} spent (${percent(e.spentUsd, e.budgetUsd)})`;
    case "run-finished": {
      const failed = e.failed.length ? `; failed: ${e.failed.join(", ")}` : "";
      const summary = e.summary.trim() ? `. ${oneLine(e.summary)}` : "";
      return `Run finished: ${e.done}/${e.total} stories done${failed}; ${usd(e.spentUsd)} spent${summary}`;
    }
  }
}

function oneLine(text: string): string {
  const folded = text.replace(/\s+/g, " ").trim();
  return folded.length <= MAX_FREE_TEXT ? folded : `${folded.slice(0, MAX_FREE_TEXT - 1).replace(/[\uD800-\uDBFF]$/, "")}…`;
}

function usd(n: number): string {
  return `$${n.toFixed(2)}`;
}

function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : "no budget";
}
