// A headless worker's cost and tokens, added to its story's state (the developer's come with
// `submit`; reviewers', and workers that ended without a submit, come here), so `status`,
// `summary` and the report show what each story cost.
import { ok, type Diag, type Result } from "../core/diagnostics.js";
import { readStoryState, withStateLock, writeStoryState } from "../adapters/state-store/store.js";

export async function recordUsage(root: string, id: string, usage: { costUsd: number; tokens: number }, at: string): Promise<Result<null, Diag[]>> {
  return withStateLock(root, async () => {
    const r = await readStoryState(root, id);
    if (!r.ok) return r;
    if (!r.value) return ok(null);
    const st = r.value;
    await writeStoryState(root, { ...st, costUsd: (st.costUsd ?? 0) + usage.costUsd, tokens: (st.tokens ?? 0) + usage.tokens, lastUpdate: at });
    return ok(null);
  });
}
