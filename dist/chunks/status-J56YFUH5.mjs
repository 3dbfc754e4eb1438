import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  progressJson,
  renderProgress,
  runProgress
} from "./chunk-EBFKGP7W.mjs";
import "./chunk-4X2M6MMX.mjs";
import "./chunk-OXJ2D6ZF.mjs";
import "./chunk-5ZUZSWVT.mjs";
import "./chunk-IMR2RKT2.mjs";
import "./chunk-OXKJCCML.mjs";
import "./chunk-HVDTPED4.mjs";
import "./chunk-NMYI3KSW.mjs";
import "./chunk-IWUPKGEU.mjs";
import {
  outcome
} from "./chunk-DUIKZS6Y.mjs";
import "./chunk-3XUAY5GO.mjs";
import "./chunk-43TV4QD6.mjs";
import {
  rejectUnknownOptions
} from "./chunk-D6AISK4I.mjs";
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
