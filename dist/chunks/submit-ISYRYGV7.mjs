import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  isOutcome,
  nextText,
  oneId,
  outcome,
  warningsText
} from "./chunk-HMC5CVHI.mjs";
import {
  usage
} from "./chunk-D6AISK4I.mjs";
import "./chunk-S74CJSP5.mjs";
import {
  submitStory
} from "./chunk-PR6ETV56.mjs";
import "./chunk-Z2M337YQ.mjs";
import "./chunk-J4FLWKKU.mjs";
import "./chunk-X73HXAI3.mjs";
import "./chunk-IPPJ62NW.mjs";
import "./chunk-OXJ2D6ZF.mjs";
import "./chunk-NDF5RAGK.mjs";
import "./chunk-KG5HAFNZ.mjs";
import "./chunk-3ZEYVYDB.mjs";
import "./chunk-3C4OI2RT.mjs";
import "./chunk-EG7KQHPQ.mjs";
import "./chunk-RPVWIPJZ.mjs";
import "./chunk-A73OOLFP.mjs";
import "./chunk-TA7IOGVC.mjs";
import "./chunk-UXYV742O.mjs";
import {
  storyAdvice
} from "./chunk-F5LBCNN2.mjs";
import "./chunk-2BJZUZ65.mjs";
import "./chunk-2JM6FW5P.mjs";
import "./chunk-VVU4VAXQ.mjs";
import "./chunk-OLZJQYTV.mjs";
import "./chunk-V3HTBSD2.mjs";
import "./chunk-WXMZ5N7V.mjs";
import "./chunk-ZP7QG5VT.mjs";
import "./chunk-R2CKZ2VR.mjs";
import {
  loadConfig
} from "./chunk-P7BITJDN.mjs";
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

// lib/cli/verbs/submit.ts
var LINE = "submit ID [--tokens N] [--cost USD] [--duration-ms N] [--json]";
var NUMBERS = [
  { opt: "tokens", key: "tokens", re: /^\d+$/, what: "a whole number" },
  { opt: "cost", key: "costUsd", re: /^\d+(\.\d+)?$/, what: "a non-negative amount in USD (e.g. 0.42)" },
  { opt: "duration-ms", key: "durationMs", re: /^\d+$/, what: "a whole number of milliseconds" }
];
var submitVerb = async (ctx) => {
  const a = oneId(ctx, "submit", NUMBERS.map((n) => n.opt), LINE);
  if (isOutcome(a)) return a;
  const u = {};
  for (const { opt, key, re, what } of NUMBERS) {
    const v = ctx.args.options[opt];
    if (v === void 0) continue;
    if (typeof v !== "string" || !re.test(v) || !Number.isFinite(Number(v))) return usage(`submit: --${opt} needs ${what}, not "${v === true ? "" : v}"`, LINE);
    u[key] = Number(v);
  }
  const r = await submitStory(ctx.root, a.id, u);
  const { config } = await loadConfig(ctx.root);
  return outcome(ctx, r, (s) => `${s.id}: ${s.status} at ${s.headSha.slice(0, 10)}
${warningsText(s.warnings ?? [], ctx.tty)}${nextText([storyAdvice({ id: s.id, status: "Ready for Review", missingReviewers: config.reviewers })])}`);
};
export {
  submitVerb
};
