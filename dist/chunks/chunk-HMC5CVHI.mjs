import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  rejectUnknownOptions,
  usage
} from "./chunk-D6AISK4I.mjs";
import {
  renderDiagnostics
} from "./chunk-S74CJSP5.mjs";

// lib/cli/verbs/run-outcome.ts
function outcome(ctx, r, human, json = (v) => v) {
  if (!r.ok) return { exitCode: 1, json: { errors: r.error }, human: renderDiagnostics({ errors: r.error, warnings: [] }, ctx.tty) };
  return { exitCode: 0, json: json(r.value), human: human(r.value) };
}
function oneId(ctx, verb, allowed, line) {
  const bad = rejectUnknownOptions(verb, ctx.args, allowed, line);
  if (bad) return bad;
  if (ctx.args.positionals.length !== 1) return usage(`${verb}: needs exactly one story id`, line);
  return { id: ctx.args.positionals[0] };
}
var isOutcome = (x) => "exitCode" in x;
var warningsText = (ws, tty) => ws.length ? renderDiagnostics({ errors: [], warnings: ws }, tty) : "";
function nextText(steps) {
  if (steps.length === 0) return "";
  return steps.length === 1 ? `Next: ${steps[0]}
` : `Next:
${steps.map((s) => `  - ${s}`).join("\n")}
`;
}

export {
  outcome,
  oneId,
  isOutcome,
  warningsText,
  nextText
};
