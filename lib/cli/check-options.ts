// Bad usage (exit 2), reported the same way by every verb: a `usage` error naming what was
// wrong, then the verb's usage line. Verbs accept a known set of options; any other is bad usage.
import type { ParsedArgs } from "./args.js";
import type { VerbOutcome } from "./verb.js";

/** The exit-2 outcome for bad usage; `line` is the verb's usage line. */
export function usage(message: string, line: string): VerbOutcome {
  return { exitCode: 2, json: { errors: [{ code: "usage", message }] }, human: `story-orchestrator ${message}\nUsage: story-orchestrator ${line}\n` };
}

/** An exit-2 outcome when `args` carries an option the verb does not take, else null. */
export function rejectUnknownOptions(verb: string, args: ParsedArgs, allowed: readonly string[], line: string): VerbOutcome | null {
  const unknown = Object.keys(args.options).filter((o) => !allowed.includes(o)).sort();
  if (unknown.length === 0) return null;
  return usage(`${verb}: unknown option ${unknown.map((o) => `--${o}`).join(", ")}`, line);
}
