// `next [SCOPE...]`: the stories that may start now → {ready:[{id, agent}], running, waiting, blocked,
// warnings?}. A SCOPE given becomes the run's recorded scope.
import type { Verb } from "../verb.js";
import { rejectUnknownOptions } from "../check-options.js";
import { nextStories, type NextResult } from "../../engine/next.js";
import { nextText, outcome, warningsText } from "./run-outcome.js";

export const nextVerb: Verb = async (ctx) => {
  const bad = rejectUnknownOptions("next", ctx.args, [], "next [SCOPE...] [--json]");
  if (bad) return bad;
  const r = await nextStories(ctx.root, ctx.args.positionals.length ? ctx.args.positionals : undefined);
  return outcome(ctx, r, (d) => renderNext(d, ctx.tty), nextJson);
};

/**
 * The contract's object: `running` keeps every started story (each holds a maxParallel slot, and
 * "nothing ready, nothing running" is how the procedure knows the run is over). Which step each
 * waits for is added only when some story waits for it, and `finished` only when true.
 */
function nextJson(d: NextResult): unknown {
  const { byStep } = d;
  return {
    ...(d.warnings ? { warnings: d.warnings } : {}),
    ready: d.ready,
    running: d.running,
    waiting: d.waiting,
    blocked: d.blocked,
    ...(d.heldBack.length ? { heldBack: d.heldBack } : {}),
    ...(d.setAside.length ? { setAside: d.setAside } : {}),
    ...(byStep.review.length ? { waitingForReview: byStep.review } : {}),
    ...(byStep.fix.length ? { changesRequested: byStep.fix } : {}),
    ...(byStep.merge.length ? { readyToMerge: byStep.merge } : {}),
    ...(d.finished ? { finished: true } : {}),
  };
}

function renderNext(d: NextResult, tty: boolean): string {
  const lines = [d.ready.length ? `Ready: ${d.ready.map((x) => `${x.id} (${x.agent})`).join(", ")}` : "Ready: none"];
  const list = (label: string, ids: readonly string[]) => ids.length && lines.push(`${label}: ${ids.join(", ")}`);
  // Only stories a developer works on are "running"; the others wait for a person or a merge.
  list("Running", d.byStep.developing);
  list("Waiting for review", d.byStep.review);
  list("Changes requested (fix round to start)", d.byStep.fix);
  list("Ready to merge", d.byStep.merge);
  list("Waiting", d.waiting);
  list("Blocked", d.blocked);
  list("Held back (conflicts with a running story)", d.heldBack.map((h) => `${h.id} (conflicts with ${h.conflictsWith})`));
  if (d.setAside.length) {
    lines.push(`Set aside (${d.setAside.length}, not run until their files are fixed):`);
    for (const a of d.setAside) lines.push(`  ${a.id}  ${a.file}${a.line !== undefined ? `:${a.line}` : ""}  ${a.reason}`);
  }
  if (d.finished) lines.push("The run is finished: nothing is ready, running or waiting.");
  // Why a given scope was not recorded (stories of another scope are still active).
  const warnings = warningsText(d.warnings ?? [], tty);
  return lines.join("\n") + "\n" + (warnings ? `\n${warnings}` : "") + nextText(d.steps);
}
