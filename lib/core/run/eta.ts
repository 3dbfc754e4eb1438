// The live view's finish estimate, from the schedule rather than the pace alone: the stories
// left, their dependencies among themselves and the `maxParallel` cap bound how many story
// lengths the rest of the run takes (the makespan lower bound of the report's analytics:
// max(longest chain, stories / cap)). A story length is learnt from the stories this run has
// finished. Pure: the view passes what it saw.

/** A story the run still has to finish, and the ones of those it waits for. */
export interface RemainingStory {
  id: string;
  dependsOn: readonly string[];
}

/** The longest chain (in stories) among those not done yet. Kahn's order: no recursion, so no deep chain overflows the stack; a story on a cycle (set aside before a run) is not counted. */
export function longestChain(stories: readonly RemainingStory[], done: ReadonlySet<string>): number {
  const left = new Map(stories.filter((s) => !done.has(s.id)).map((s) => [s.id, s.dependsOn.filter((d) => d !== s.id && !done.has(d))]));
  const dependents = new Map<string, string[]>();
  const pending = new Map<string, number>();
  for (const [id, deps] of left) {
    const open = deps.filter((d) => left.has(d));
    pending.set(id, open.length);
    for (const d of open) {
      const list = dependents.get(d);
      if (list) list.push(id);
      else dependents.set(d, [id]);
    }
  }
  const chain = new Map<string, number>();
  const queue = [...left.keys()].filter((id) => pending.get(id) === 0);
  let longest = 0;
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string;
    const len = 1 + Math.max(0, ...(left.get(id) ?? []).map((d) => chain.get(d) ?? 0));
    chain.set(id, len);
    longest = Math.max(longest, len);
    for (const t of dependents.get(id) ?? []) {
      const n = (pending.get(t) ?? 1) - 1;
      pending.set(t, n);
      if (n === 0) queue.push(t);
    }
  }
  return longest;
}

/**
 * Milliseconds the rest of the run is expected to take: story lengths times the larger of the
 * longest chain left and the stories left over the cap. null until a story has finished (no
 * length learnt yet) or when nothing is left.
 */
export function estimateRemainingMs(stories: readonly RemainingStory[], done: ReadonlySet<string>, maxParallel: number, storyMs: readonly number[]): number | null {
  const left = stories.filter((s) => !done.has(s.id)).length;
  if (left === 0 || storyMs.length === 0) return null;
  const mean = storyMs.reduce((a, b) => a + b, 0) / storyMs.length;
  const lengths = Math.max(longestChain(stories, done), Math.ceil(left / Math.max(1, maxParallel)));
  return mean * lengths;
}
