// `submit ID [--tokens N] [--cost USD] [--duration-ms N]`: record the head commit; Ready for
// Review. The usage numbers are added to the story's totals (for people running a developer by hand;
// the hook passes what the Agent tool reported).
import type { Verb } from "../verb.js";
import { submitStory, type Usage } from "../../engine/submit.js";
import { isOutcome, nextText, oneId, outcome, warningsText } from "./run-outcome.js";
import { usage } from "../check-options.js";
import { loadConfig } from "../../adapters/fs/load-config.js";
import { storyAdvice } from "../../core/advice/story-advice.js";

const LINE = "submit ID [--tokens N] [--cost USD] [--duration-ms N] [--json]";

/** Option → Usage field, and the number it must spell: whole counts, or a decimal amount. */
const NUMBERS = [
  { opt: "tokens", key: "tokens", re: /^\d+$/, what: "a whole number" },
  { opt: "cost", key: "costUsd", re: /^\d+(\.\d+)?$/, what: "a non-negative amount in USD (e.g. 0.42)" },
  { opt: "duration-ms", key: "durationMs", re: /^\d+$/, what: "a whole number of milliseconds" },
] as const;

export const submitVerb: Verb = async (ctx) => {
  const a = oneId(ctx, "submit", NUMBERS.map((n) => n.opt), LINE);
  if (isOutcome(a)) return a;
  const u: Usage = {};
  for (const { opt, key, re, what } of NUMBERS) {
    const v = ctx.args.options[opt];
    if (v === undefined) continue;
    // A regex, not Number(): Number accepts "", " ", "0x1f" and "1e3".
    if (typeof v !== "string" || !re.test(v) || !Number.isFinite(Number(v))) return usage(`submit: --${opt} needs ${what}, not "${v === true ? "" : v}"`, LINE);
    u[key] = Number(v);
  }
  const r = await submitStory(ctx.root, a.id, u);
  const { config } = await loadConfig(ctx.root);
  return outcome(ctx, r, (s) => `${s.id}: ${s.status} at ${s.headSha.slice(0, 10)}\n${warningsText(s.warnings ?? [], ctx.tty)}${nextText([storyAdvice({ id: s.id, status: "Ready for Review", missingReviewers: config.reviewers })])}`);
};
