import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  progressJson,
  renderProgress,
  runProgress
} from "./chunk-46CBCMGL.mjs";
import "./chunk-4GBQLMAJ.mjs";
import "./chunk-OXJ2D6ZF.mjs";
import "./chunk-5FGIOPP2.mjs";
import "./chunk-NQMZDBOL.mjs";
import "./chunk-RW5W3U4H.mjs";
import "./chunk-NZ3JHMEY.mjs";
import "./chunk-Q2C3YXUZ.mjs";
import "./chunk-NFATYNPN.mjs";
import "./chunk-4GHGEHZH.mjs";
import "./chunk-HFBBZ43P.mjs";
import {
  outcome
} from "./chunk-6MIED63M.mjs";
import "./chunk-3JWU2N2B.mjs";
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
