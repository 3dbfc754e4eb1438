// SessionStart: when a run is in progress, tell the model where it stands and how to resume.
import { statusCounts, TERMINAL } from "./next-steps.js";
import { ALLOW, type Decision, type Snapshot, storyOf } from "./types.js";

export function sessionContext(snap: Snapshot): Decision {
  if (!snap.active) return ALLOW;
  const open = snap.runStories.filter((id) => !TERMINAL.has(storyOf(snap, id)?.status ?? "Not Started"));
  if (open.length === 0) return ALLOW;
  return {
    kind: "context",
    text:
      `story-orchestrator: a run is in progress in this project (${statusCounts(snap)}; open: ${open.join(", ")}). ` +
      "To continue it, run /story-orchestrator:resume-stories (or /implement-stories with the same scope): " +
      "it reconciles the state with git (`story-orchestrator resume --json`) and carries on without redoing finished work.",
  };
}
