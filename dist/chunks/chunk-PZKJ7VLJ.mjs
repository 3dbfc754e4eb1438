import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);

// lib/core/run/run-events.ts
var RUN_EVENT_TYPES = ["question", "story-failed", "budget-warning", "run-finished"];
var MAX_FREE_TEXT = 500;
function eventText(e) {
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
function oneLine(text) {
  const folded = text.replace(/\s+/g, " ").trim();
  return folded.length <= MAX_FREE_TEXT ? folded : `${folded.slice(0, MAX_FREE_TEXT - 1).replace(/[\uD800-\uDBFF]$/, "")}\u2026`;
}
function usd(n) {
  return `$${n.toFixed(2)}`;
}
function percent(part, whole) {
  return whole > 0 ? `${Math.round(part / whole * 100)}%` : "no budget";
}

export {
  RUN_EVENT_TYPES,
  eventText
};
