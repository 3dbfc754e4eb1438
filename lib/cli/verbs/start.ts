// `start ID` → {id, worktree, branch, agent, baseSha, fix?}; refused unless the story is ready. `fix` (a fix
// round only) lists what the developer must address.
import type { Verb } from "../verb.js";
import { startStory } from "../../engine/start.js";
import { isOutcome, nextText, oneId, outcome, warningsText } from "./run-outcome.js";
import { fixRoundSteps, storyAdvice } from "../../core/advice/story-advice.js";

export const startVerb: Verb = async (ctx) => {
  const a = oneId(ctx, "start", [], "start ID [--json]");
  if (isOutcome(a)) return a;
  return outcome(
    ctx,
    await startStory(ctx.root, a.id),
    (s) =>
      warningsText(s.warnings ?? [], ctx.tty) +
      (s.fix
        ? `Fix round of ${s.id} (${s.agent}) in ${s.worktree} on ${s.branch}. The developer must address:\n${s.fix.join("\n")}\n${nextText([fixRoundSteps(s.id, s.worktree, true)])}`
        : `Started ${s.id} (${s.agent}) in ${s.worktree} on ${s.branch} from ${s.baseSha.slice(0, 10)}\n${nextText([`implement it there, ${storyAdvice({ id: s.id, status: "In Progress", worktree: s.worktree })}`])}`),
  );
};
