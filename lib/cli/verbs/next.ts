// `next [SCOPE...]`: the stories that may start now → {ready:[{id, agent}], running, waiting, blocked,
// warnings?}. A SCOPE given becomes the run's recorded scope.
import type { Verb } from "../verb.js";
import { rejectUnknownOptions } from "../check-options.js";
import { nextStories } from "../../engine/next.js";
import { outcome, warningsText } from "./run-outcome.js";

export const nextVerb: Verb = async (ctx) => {
  const bad = rejectUnknownOptions("next", ctx.args, [], "next [SCOPE...] [--json]");
  if (bad) return bad;
  const r = await nextStories(ctx.root, ctx.args.positionals.length ? ctx.args.positionals : undefined);
  return outcome(ctx, r, (d) => {
    const lines = [d.ready.length ? `Ready: ${d.ready.map((x) => `${x.id} (${x.agent})`).join(", ")}` : "Ready: none"];
    if (d.running.length) lines.push(`Running: ${d.running.join(", ")}`);
    if (d.waiting.length) lines.push(`Waiting: ${d.waiting.join(", ")}`);
    if (d.blocked.length) lines.push(`Blocked: ${d.blocked.join(", ")}`);
    // Why a given scope was not recorded (stories of another scope are still active).
    const warnings = warningsText(d.warnings ?? [], ctx.tty);
    return lines.join("\n") + "\n" + (warnings ? `\n${warnings}` : "");
  });
};
