// `fail ID --reason TEXT`: the story fails; its dependents become Blocked.
import type { Verb } from "../verb.js";
import { failStory } from "../../engine/fail.js";
import { isOutcome, nextText, oneId, outcome } from "./run-outcome.js";
import { command, storyAdvice } from "../../core/advice/story-advice.js";
import { usage } from "../check-options.js";

const LINE = "fail ID --reason TEXT [--json]";

export const failVerb: Verb = async (ctx) => {
  const a = oneId(ctx, "fail", ["reason"], LINE);
  if (isOutcome(a)) return a;
  const reason = ctx.args.options["reason"];
  if (typeof reason !== "string" || reason.trim() === "") return usage("fail: needs --reason TEXT", LINE);
  return outcome(
    ctx,
    await failStory(ctx.root, a.id, reason),
    (f) => `${f.id}: Failed (${f.reason})${f.blocked.length ? `; blocked: ${f.blocked.join(", ")}` : ""}\n${nextText([`${storyAdvice({ id: f.id, status: "Failed" })} when it can be done; ${command("next")} lists what may start meanwhile`])}`,
  );
};
