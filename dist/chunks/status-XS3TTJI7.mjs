import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  progressJson,
  renderProgress,
  runProgress
} from "./chunk-7HABBFNS.mjs";
import "./chunk-M3CENT7O.mjs";
import "./chunk-OXJ2D6ZF.mjs";
import "./chunk-NHPXB22A.mjs";
import "./chunk-7W64YWUB.mjs";
import "./chunk-ZODVWEF3.mjs";
import "./chunk-WQUNZHQ2.mjs";
import "./chunk-GXCQPDPR.mjs";
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
