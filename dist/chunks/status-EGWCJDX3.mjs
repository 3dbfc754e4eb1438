import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  progressJson,
  renderProgress,
  runProgress
} from "./chunk-A4Z7AFW6.mjs";
import "./chunk-FIUR5LJA.mjs";
import "./chunk-OXJ2D6ZF.mjs";
import "./chunk-Y5RTWEOI.mjs";
import "./chunk-MNOUCKHS.mjs";
import "./chunk-NYIK7GJI.mjs";
import "./chunk-T7ZYSAZN.mjs";
import "./chunk-DFVBCFU3.mjs";
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
