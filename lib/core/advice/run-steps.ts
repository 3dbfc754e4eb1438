// What to do next with a whole run, for people at a terminal (`next`, `status`, `resume`): one
// line per step, most urgent first (a merge unblocks stories; a review unblocks a merge), each
// taken from storyAdvice so that the command it names is one the engine accepts in that status.
import type { StoryStatus } from "../model.js";
import { command, fixRoundSteps, storyAdvice } from "./story-advice.js";

export interface RunView {
  /** The run's story ids with each status, in id order. */
  stories: readonly { id: string; status: StoryStatus; worktree?: string | null }[];
  /** Stories `start` would accept now (from the scheduler); null when not computed. */
  ready: readonly { id: string; agent: string }[] | null;
  /** The configured reviewers (config `reviewers`). */
  reviewers: readonly string[];
}

/** The run is finished when nothing may start, nothing is started, and nothing waits to start. */
export function runFinished(v: RunView): boolean {
  return v.stories.every((s) => s.status === "Done" || s.status === "Failed" || s.status === "Blocked" || s.status === "Skipped") && (v.ready?.length ?? 0) === 0;
}

export function runSteps(v: RunView): string[] {
  const by = (st: StoryStatus) => v.stories.filter((s) => s.status === st);
  const steps: string[] = [];
  for (const s of by("Approved")) steps.push(`merge ${s.id}: ${command("merge", s.id)}`);
  for (const s of by("Ready for Review")) steps.push(`review ${s.id}: ${storyAdvice({ id: s.id, status: s.status, missingReviewers: v.reviewers })}`);
  for (const s of by("Changes Requested")) steps.push(`fix ${s.id}: ${fixRoundSteps(s.id, s.worktree)}`);
  for (const s of by("In Progress")) steps.push(`finish ${s.id}: ${storyAdvice(s)}`);
  for (const s of by("Failed")) steps.push(`retry ${s.id}: ${command("retry", s.id)} runs the failed story again (its branch and worktree are kept)`);
  if (v.ready === null) {
    if (by("Not Started").length) steps.push(`start what is ready: ${command("next")} lists it`);
  } else for (const r of v.ready) steps.push(`start ${r.id} (agent ${r.agent}): ${command("start", r.id)}`);
  if (steps.length) return steps;
  if (runFinished(v)) return [`the run is finished: ${command("summary")} writes the report`];
  const waiting = by("Not Started").map((s) => s.id);
  return [`nothing can start now${waiting.length ? ` (${waiting.join(", ")} wait for their dependencies)` : ""}: ${command("status")} shows the run`];
}
