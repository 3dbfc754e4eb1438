// What the runner reports as it goes: the live view, the plain lines and `--json` NDJSON are
// three renderings of these (cli/render/run-view.ts).
import type { RemainingStory } from "../../core/run/eta.js";

export type RunnerEvent =
  /** `remaining`: the stories left and their dependencies among themselves, for the finish estimate. */
  | { type: "run-started"; at: string; total: number; done: number; ready: number; running: number; waiting: number; setAside: string[]; maxParallel: number; budgetUsd: number | null; remaining: RemainingStory[] }
  | { type: "worker-started"; at: string; storyId: string; role: string; n: number; resumed: boolean; purpose: string }
  | { type: "worker-ended"; at: string; storyId: string; role: string; n: number; end: string; outcome: string; costUsd: number; tokens: number }
  | { type: "story"; at: string; storyId: string; status: string; note: string }
  | { type: "review"; at: string; storyId: string; reviewer: string; verdict: string; recorded: string }
  | { type: "question"; at: string; storyId: string; question: string }
  | { type: "answered"; at: string; storyId: string }
  | { type: "retry"; at: string; storyId: string; role: string; afterMs: number; reason: string }
  | { type: "story-failed"; at: string; storyId: string; reason: string }
  | { type: "merge-started"; at: string; storyId: string }
  | { type: "merge-refused"; at: string; storyId: string; reason: string }
  | { type: "start-refused"; at: string; storyId: string; reason: string }
  | { type: "budget-warning"; at: string; spentUsd: number; budgetUsd: number }
  | { type: "budget-stop"; at: string; reason: string }
  | { type: "stopping"; at: string; workers: number; merging: boolean }
  | { type: "run-finished"; at: string; finished: boolean; interrupted: boolean; stoppedByBudget: boolean; done: number; total: number; failed: string[]; spentUsd: number; summary: string };
