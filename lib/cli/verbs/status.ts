// `status`: the live progress view; `--json` compact.
import type { Verb } from "../verb.js";
import { rejectUnknownOptions } from "../check-options.js";
import { progressJson, renderProgress } from "../../core/report/progress.js";
import { runProgress } from "../../engine/status.js";
import { nextText, outcome } from "./run-outcome.js";

export const statusVerb: Verb = async (ctx) => {
  const bad = rejectUnknownOptions("status", ctx.args, [], "status [--json]");
  if (bad) return bad;
  return outcome(ctx, await runProgress(ctx.root), (p) => renderProgress(p, ctx.tty) + nextText(p.next ?? []), progressJson);
};
