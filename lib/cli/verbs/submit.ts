// `submit ID [--tokens N] [--cost USD]`: record the head commit; Ready for Review.
import type { Verb } from "../verb.js";
import { submitStory, type Usage } from "../../engine/submit.js";
import { isOutcome, oneId, outcome, usage } from "./run-outcome.js";

const LINE = "submit ID [--tokens N] [--cost USD] [--json]";

export const submitVerb: Verb = async (ctx) => {
  const a = oneId(ctx, "submit", ["tokens", "cost"], LINE);
  if (isOutcome(a)) return a;
  const u: Usage = {};
  for (const [opt, key] of [["tokens", "tokens"], ["cost", "costUsd"]] as const) {
    const v = ctx.args.options[opt];
    if (v === undefined) continue;
    const n = Number(v);
    if (typeof v !== "string" || !Number.isFinite(n) || n < 0) return usage(`submit: --${opt} needs a non-negative number`, LINE);
    u[key] = n;
  }
  return outcome(ctx, await submitStory(ctx.root, a.id, u), (s) => `${s.id}: ${s.status} at ${s.headSha.slice(0, 10)}\n`);
};
