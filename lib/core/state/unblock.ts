// When a failed story is retried, the stories it blocked may run again. A story stays Blocked
// while any dependency (transitively) is still Failed; one that was Blocked only through other
// Blocked stories is freed together with them, so this iterates to a fixed point.
import { blockedStories, type SchedulableStory } from "../scheduler/next.js";

/** Ids of the Blocked stories that no Failed dependency holds back any more. */
export function unblockable(stories: readonly SchedulableStory[]): Set<string> {
  const freed = new Set<string>();
  let current = stories;
  for (;;) {
    const still = blockedStories(current);
    const now = current.filter((s) => s.status === "Blocked" && !still.has(s.id)).map((s) => s.id);
    if (now.length === 0) return freed;
    for (const id of now) freed.add(id);
    current = current.map((s) => (freed.has(s.id) ? { ...s, status: "Not Started" as const } : s));
  }
}
