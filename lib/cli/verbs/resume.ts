// `resume`: reconcile the state with git after a crash; say what was repaired and what to do next.
import type { Verb } from "../verb.js";
import { rejectUnknownOptions } from "../check-options.js";
import { resumeRun } from "../../engine/resume.js";
import { nextText, outcome, warningsText } from "./run-outcome.js";

export const resumeVerb: Verb = async (ctx) => {
  const bad = rejectUnknownOptions("resume", ctx.args, [], "resume [--json]");
  if (bad) return bad;
  return outcome(ctx, await resumeRun(ctx.root), (r) => {
    const lines = [r.repaired.length ? "Repaired:" : "Nothing to repair.", ...r.repaired.map((x) => `  - ${x}`)];
    // Problems first: the output ends with what to do next.
    const problems = warningsText(r.problems, ctx.tty);
    return lines.join("\n") + "\n" + (problems ? `\n${problems}\n` : "") + nextText(r.next);
  });
};
