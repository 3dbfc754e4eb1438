// `start ID` → {id, worktree, branch, agent, baseSha}; refused unless the story is ready.
import type { Verb } from "../verb.js";
import { startStory } from "../../engine/start.js";
import { isOutcome, oneId, outcome } from "./run-outcome.js";

export const startVerb: Verb = async (ctx) => {
  const a = oneId(ctx, "start", [], "start ID [--json]");
  if (isOutcome(a)) return a;
  return outcome(ctx, await startStory(ctx.root, a.id), (s) =>
    s.fix
      ? `Fix round of ${s.id} (${s.agent}) in ${s.worktree} on ${s.branch}. The developer must address:\n${s.fix.join("\n")}\n`
      : `Started ${s.id} (${s.agent}) in ${s.worktree} on ${s.branch} from ${s.baseSha.slice(0, 10)}\n`,
  );
};
