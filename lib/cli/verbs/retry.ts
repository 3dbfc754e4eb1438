// `retry ID`: a Failed story goes back to Not Started (branch, worktree and history kept); the
// stories it blocked wait for it again.
import type { Verb } from "../verb.js";
import { retryStory } from "../../engine/retry.js";
import { isOutcome, nextText, oneId, outcome } from "./run-outcome.js";

export const retryVerb: Verb = async (ctx) => {
  const a = oneId(ctx, "retry", [], "retry ID [--json]");
  if (isOutcome(a)) return a;
  return outcome(
    ctx,
    await retryStory(ctx.root, a.id),
    (r) => `${r.id}: ${r.status}${r.unblocked.length ? `; unblocked: ${r.unblocked.join(", ")}` : ""}\n${nextText([r.next])}`,
    ({ id, status, unblocked }) => ({ id, status, unblocked }),
  );
};
