// Shared by the verbs that call the engine (next, start, submit, review, merge, fail, retry,
// status, summary, resume, cleanup, init): an engine Result becomes an outcome; refusals are
// exit 1 with the diagnostics (one printer).
import type { Diag, Result } from "../../core/diagnostics.js";
import { renderDiagnostics } from "../render/diagnostics.js";
import type { VerbContext, VerbOutcome } from "../verb.js";
import { rejectUnknownOptions, usage } from "../check-options.js";

export function outcome<T>(ctx: VerbContext, r: Result<T, Diag[]>, human: (value: T) => string, json: (value: T) => unknown = (v) => v): VerbOutcome {
  if (!r.ok) return { exitCode: 1, json: { errors: r.error }, human: renderDiagnostics({ errors: r.error, warnings: [] }, ctx.tty) };
  return { exitCode: 0, json: json(r.value), human: human(r.value) };
}

/** The one positional story id, or an exit-2 outcome. */
export function oneId(ctx: VerbContext, verb: string, allowed: readonly string[], line: string): { id: string } | VerbOutcome {
  const bad = rejectUnknownOptions(verb, ctx.args, allowed, line);
  if (bad) return bad;
  if (ctx.args.positionals.length !== 1) return usage(`${verb}: needs exactly one story id`, line);
  return { id: ctx.args.positionals[0]! };
}

export const isOutcome = (x: { id: string } | VerbOutcome): x is VerbOutcome => "exitCode" in x;

export const warningsText = (ws: readonly Diag[], tty: boolean): string => (ws.length ? renderDiagnostics({ errors: [], warnings: ws }, tty) : "");

/**
 * The closing "Next:" of a verb's human output: every verb ends with the step to take (one line,
 * or a list when several stories each have one).
 */
export function nextText(steps: readonly string[]): string {
  if (steps.length === 0) return "";
  return steps.length === 1 ? `Next: ${steps[0]}\n` : `Next:\n${steps.map((s) => `  - ${s}`).join("\n")}\n`;
}
