// Verbs accept a known set of options; anything else is bad usage (exit 2), reported the
// same way by every verb.
import type { ParsedArgs } from "./args.js";
import type { VerbOutcome } from "./verb.js";

/** An exit-2 outcome when `args` carries an option the verb does not take, else null. */
export function rejectUnknownOptions(verb: string, args: ParsedArgs, allowed: readonly string[], usage: string): VerbOutcome | null {
  const unknown = Object.keys(args.options).filter((o) => !allowed.includes(o)).sort();
  if (unknown.length === 0) return null;
  const message = `${verb}: unknown option ${unknown.map((o) => `--${o}`).join(", ")}`;
  return {
    exitCode: 2,
    json: { errors: [{ code: "usage", message }] },
    human: `story-orchestrator ${message}\nUsage: story-orchestrator ${usage}\n`,
  };
}
