// The fast read of everything the engine knows, for hooks (called on every tool call): state
// files only, no story markdown, no git.
import { ok, type Diag, type Result } from "../core/diagnostics.js";
import { compareIds } from "../core/ids.js";
import type { OrchestrationState, StoryState } from "../core/state/schemas.js";
import { readAllStoryStates, readOrchestrationState } from "../adapters/state-store/store.js";

export interface RunState {
  orchestration: OrchestrationState | null;
  /** Every story with a state file, in id order. */
  stories: StoryState[];
}

export async function readRunState(root: string): Promise<Result<RunState, Diag[]>> {
  const [orch, all] = await Promise.all([readOrchestrationState(root), readAllStoryStates(root)]);
  if (!orch.ok) return orch;
  if (!all.ok) return all;
  return ok({ orchestration: orch.value, stories: [...all.value.values()].sort((a, b) => compareIds(a.storyId, b.storyId)) });
}
