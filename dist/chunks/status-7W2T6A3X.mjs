import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  progressJson,
  renderProgress,
  runProgress
} from "./chunk-YQ2R4PWM.mjs";
import {
  outcome
} from "./chunk-POYRYVJH.mjs";
import "./chunk-NEFAE5KT.mjs";
import "./chunk-OXJ2D6ZF.mjs";
import "./chunk-NDF5RAGK.mjs";
import "./chunk-V3HTBSD2.mjs";
import "./chunk-UVYP4ZSD.mjs";
import {
  rejectUnknownOptions
} from "./chunk-D6AISK4I.mjs";
import "./chunk-TWZUDMQ5.mjs";
import "./chunk-I7Z3QSNT.mjs";
import "./chunk-ZCKAIVX2.mjs";
import "./chunk-Q6XVZLOO.mjs";
import "./chunk-EQONFRMA.mjs";
import "./chunk-K5PNT4DG.mjs";
import "./chunk-D32LKZUJ.mjs";
import "./chunk-R4HBUV5D.mjs";
import "./chunk-ECKW236J.mjs";
import "./chunk-WXMZ5N7V.mjs";
import "./chunk-IWUPKGEU.mjs";
import "./chunk-43TV4QD6.mjs";
import "./chunk-EGEKWWZA.mjs";

// lib/cli/verbs/status.ts
var statusVerb = async (ctx) => {
  const bad = rejectUnknownOptions("status", ctx.args, [], "status [--json]");
  if (bad) return bad;
  return outcome(ctx, await runProgress(ctx.root), (p) => renderProgress(p, ctx.tty), progressJson);
};
export {
  statusVerb
};
