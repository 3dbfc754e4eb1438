import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  nextStories
} from "./chunk-MJBSR7FY.mjs";
import "./chunk-SF5OX4YS.mjs";
import {
  nextText,
  outcome,
  warningsText
} from "./chunk-HMC5CVHI.mjs";
import {
  rejectUnknownOptions
} from "./chunk-D6AISK4I.mjs";
import "./chunk-S74CJSP5.mjs";
import "./chunk-IPPJ62NW.mjs";
import "./chunk-OXJ2D6ZF.mjs";
import "./chunk-NDF5RAGK.mjs";
import "./chunk-3ZEYVYDB.mjs";
import "./chunk-3C4OI2RT.mjs";
import "./chunk-EG7KQHPQ.mjs";
import "./chunk-RPVWIPJZ.mjs";
import "./chunk-A73OOLFP.mjs";
import "./chunk-TA7IOGVC.mjs";
import "./chunk-UXYV742O.mjs";
import "./chunk-F5LBCNN2.mjs";
import "./chunk-2BJZUZ65.mjs";
import "./chunk-2JM6FW5P.mjs";
import "./chunk-VVU4VAXQ.mjs";
import "./chunk-V3HTBSD2.mjs";
import "./chunk-WXMZ5N7V.mjs";
import "./chunk-ZP7QG5VT.mjs";
import "./chunk-R2CKZ2VR.mjs";
import "./chunk-P7BITJDN.mjs";
import "./chunk-6MSOW3YD.mjs";
import "./chunk-R7PRS5ZI.mjs";
import "./chunk-T7SK64FE.mjs";
import "./chunk-IWUPKGEU.mjs";
import "./chunk-DJAYH52C.mjs";
import "./chunk-KS6NXHCE.mjs";
import "./chunk-JHRD7746.mjs";
import "./chunk-YFTCM4W6.mjs";
import "./chunk-WOOHVJRX.mjs";
import "./chunk-KNNDJYLI.mjs";
import "./chunk-EFR3LY5V.mjs";
import "./chunk-EGEKWWZA.mjs";

// lib/cli/verbs/next.ts
var nextVerb = async (ctx) => {
  const bad = rejectUnknownOptions("next", ctx.args, [], "next [SCOPE...] [--json]");
  if (bad) return bad;
  const r = await nextStories(ctx.root, ctx.args.positionals.length ? ctx.args.positionals : void 0);
  return outcome(ctx, r, (d) => renderNext(d, ctx.tty), nextJson);
};
function nextJson(d) {
  const { byStep } = d;
  return {
    ...d.warnings ? { warnings: d.warnings } : {},
    ready: d.ready,
    running: d.running,
    waiting: d.waiting,
    blocked: d.blocked,
    ...d.heldBack.length ? { heldBack: d.heldBack } : {},
    ...d.setAside.length ? { setAside: d.setAside } : {},
    ...byStep.review.length ? { waitingForReview: byStep.review } : {},
    ...byStep.fix.length ? { changesRequested: byStep.fix } : {},
    ...byStep.merge.length ? { readyToMerge: byStep.merge } : {},
    ...d.finished ? { finished: true } : {}
  };
}
function renderNext(d, tty) {
  const lines = [d.ready.length ? `Ready: ${d.ready.map((x) => `${x.id} (${x.agent})`).join(", ")}` : "Ready: none"];
  const list = (label, ids) => ids.length && lines.push(`${label}: ${ids.join(", ")}`);
  list("Running", d.byStep.developing);
  list("Waiting for review", d.byStep.review);
  list("Changes requested (fix round to start)", d.byStep.fix);
  list("Ready to merge", d.byStep.merge);
  list("Waiting", d.waiting);
  list("Blocked", d.blocked);
  list("Held back (conflicts with a running story)", d.heldBack.map((h) => `${h.id} (conflicts with ${h.conflictsWith})`));
  if (d.setAside.length) {
    lines.push(`Set aside (${d.setAside.length}, not run until their files are fixed):`);
    for (const a of d.setAside) lines.push(`  ${a.id}  ${a.file}${a.line !== void 0 ? `:${a.line}` : ""}  ${a.reason}`);
  }
  if (d.finished) lines.push("The run is finished: nothing is ready, running or waiting.");
  const warnings = warningsText(d.warnings ?? [], tty);
  return lines.join("\n") + "\n" + (warnings ? `
${warnings}` : "") + nextText(d.steps);
}
export {
  nextVerb
};
