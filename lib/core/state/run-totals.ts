// The seed's totals in orchestration-state.json, derived (never counted by hand) from the
// statuses of the run's stories, so they cannot drift from the story files.
import { compareIds } from "../ids.js";
import type { StoryStatus } from "../model.js";
import type { OrchestrationState } from "./schemas.js";
import { isActive } from "../scheduler/next.js";

export type RunTotals = Pick<OrchestrationState, "totalStories" | "completed" | "inProgress" | "pending" | "failed" | "blocked" | "currentWave">;

export function runTotals(storyIds: readonly string[], statusOf: (id: string) => StoryStatus, waves: readonly (readonly string[])[]): RunTotals {
  const ids = [...storyIds].sort(compareIds);
  const pick = (p: (s: StoryStatus) => boolean) => ids.filter((id) => p(statusOf(id)));
  const open = (s: StoryStatus) => s !== "Done" && s !== "Skipped";
  const wave = waves.findIndex((w) => w.some((id) => open(statusOf(id))));
  return {
    totalStories: ids.length,
    completed: pick((s) => s === "Done"),
    inProgress: pick(isActive),
    pending: pick((s) => s === "Not Started"),
    failed: pick((s) => s === "Failed"),
    blocked: pick((s) => s === "Blocked"),
    currentWave: wave >= 0 ? wave : null,
  };
}
