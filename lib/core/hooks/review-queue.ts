// Which finished stories still wait for their reviewers to be launched, and which reviewers
// are in flight: derived from the state (status, head commit) and the launches this session's
// hooks allowed. A reviewer launched by a session that has since died is not in flight.
import { storyOf, type LaunchRecord, type Snapshot, type StorySnapshot } from "./types.js";

export function liveLaunches(snap: Snapshot, session: string | undefined): LaunchRecord[] {
  return snap.launches.filter((l) => !l.done && (session === undefined || l.session === session));
}

/** Reviewers launched (in flight or finished) for the story's current head in this session. */
export function reviewLaunched(snap: Snapshot, story: StorySnapshot, session: string | undefined): boolean {
  if (story.headSha === null) return false;
  const reviewed = story.reviews.some((r) => r.sha === story.headSha);
  return (
    reviewed ||
    snap.launches.some((l) => l.role === "reviewer" && l.story === story.id && l.head === story.headSha && (session === undefined || l.session === session))
  );
}

/** Stories Ready for Review whose reviewers have not been launched yet, in id order. */
export function awaitingReviewLaunch(snap: Snapshot, session: string | undefined): StorySnapshot[] {
  return snap.runStories
    .map((id) => storyOf(snap, id))
    .filter((s): s is StorySnapshot => s !== undefined && s.status === "Ready for Review" && !reviewLaunched(snap, s, session));
}
