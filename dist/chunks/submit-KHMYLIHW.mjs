import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  isOutcome,
  nextText,
  oneId,
  outcome,
  warningsText
} from "./chunk-3NJVAXK7.mjs";
import {
  usage
} from "./chunk-D6AISK4I.mjs";
import "./chunk-JL6RXUUA.mjs";
import {
  submitStory
} from "./chunk-6VWL6B2H.mjs";
import "./chunk-Z2M337YQ.mjs";
import "./chunk-QFIIWLGE.mjs";
import "./chunk-I26YPSUQ.mjs";
import "./chunk-MRDCHBHZ.mjs";
import "./chunk-OXJ2D6ZF.mjs";
import "./chunk-P2Z5BSC3.mjs";
import "./chunk-KXGGJK6D.mjs";
import "./chunk-5CHFCZU5.mjs";
import "./chunk-DQCQ7RFC.mjs";
import "./chunk-TZOF6B2Q.mjs";
import "./chunk-ZHGI5QCD.mjs";
import "./chunk-GEUTSHS5.mjs";
import "./chunk-DPZVDTVS.mjs";
import "./chunk-UXYV742O.mjs";
import {
  storyAdvice
} from "./chunk-F5LBCNN2.mjs";
import "./chunk-AF4QZWRE.mjs";
import "./chunk-2JM6FW5P.mjs";
import "./chunk-6DUZBP5W.mjs";
import "./chunk-Q5D365LN.mjs";
import "./chunk-NWDREVJP.mjs";
import "./chunk-WXMZ5N7V.mjs";
import "./chunk-2CJEE7VO.mjs";
import "./chunk-R2CKZ2VR.mjs";
import {
  loadConfig
} from "./chunk-7D6WNWG2.mjs";
import "./chunk-JQES6W6I.mjs";
import "./chunk-IWUPKGEU.mjs";
import "./chunk-CA2ZPRLX.mjs";
import "./chunk-KS6NXHCE.mjs";
import "./chunk-2FVXI5GI.mjs";
import "./chunk-PYURHKKM.mjs";
import "./chunk-WOOHVJRX.mjs";
import "./chunk-UOPRRJVN.mjs";
import "./chunk-43TV4QD6.mjs";
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
