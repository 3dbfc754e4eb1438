// `merge ID` → {id, status, mergedSha}; refused without an approval of the current head commit.
import type { Verb } from "../verb.js";
import { mergeStory } from "../../engine/merge.js";
import { isOutcome, nextText, oneId, outcome, warningsText } from "./run-outcome.js";
import { command } from "../../core/advice/story-advice.js";

export const mergeVerb: Verb = async (ctx) => {
  const a = oneId(ctx, "merge", [], "merge ID [--json]");
  if (isOutcome(a)) return a;
  return outcome(
    ctx,
    await mergeStory(ctx.root, a.id),
    (m) =>
      `Merged ${m.id}: Done at ${m.mergedSha.slice(0, 10)}${m.keptWorktree ? ` (kept ${m.keptWorktree})` : ""}\n${warningsText(m.warnings, ctx.tty)}` +
      nextText([`${command("next")} lists the stories that may start now (this merge may have unblocked some)`]),
    (m) => ({ id: m.id, status: m.status, mergedSha: m.mergedSha, ...(m.warnings.length ? { warnings: m.warnings } : {}) }),
  );
};
