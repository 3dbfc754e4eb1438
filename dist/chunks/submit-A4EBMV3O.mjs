import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  isOutcome,
  nextText,
  oneId,
  outcome
} from "./chunk-3NJVAXK7.mjs";
import {
  usage
} from "./chunk-D6AISK4I.mjs";
import "./chunk-JL6RXUUA.mjs";
import {
  submitStory
} from "./chunk-E2IUDTMA.mjs";
import "./chunk-Z2M337YQ.mjs";
import "./chunk-I26YPSUQ.mjs";
import "./chunk-TBY7OLPB.mjs";
import "./chunk-WJE3ZWIU.mjs";
import "./chunk-OXJ2D6ZF.mjs";
import "./chunk-LO7ALNL2.mjs";
import "./chunk-NDF5RAGK.mjs";
import "./chunk-V3HTBSD2.mjs";
import "./chunk-JHLEL5P6.mjs";
import "./chunk-5CHFCZU5.mjs";
import "./chunk-5OMBGFXL.mjs";
import "./chunk-4EJCAKH4.mjs";
import "./chunk-NASKEFO5.mjs";
import "./chunk-TWTOODCG.mjs";
import {
  loadConfig
} from "./chunk-76KN6VJ3.mjs";
import "./chunk-UXYV742O.mjs";
import {
  storyAdvice
} from "./chunk-F5LBCNN2.mjs";
import "./chunk-BFHZ5ENQ.mjs";
import "./chunk-GEKUT4RT.mjs";
import "./chunk-2JM6FW5P.mjs";
import "./chunk-T5LJ6LQC.mjs";
import "./chunk-FKJSKIMT.mjs";
import "./chunk-SDYTFI6O.mjs";
import "./chunk-L6YY6IB4.mjs";
import "./chunk-WXMZ5N7V.mjs";
import "./chunk-IWUPKGEU.mjs";
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
${nextText([storyAdvice({ id: s.id, status: "Ready for Review", missingReviewers: config.reviewers })])}`);
};
export {
  submitVerb
};
