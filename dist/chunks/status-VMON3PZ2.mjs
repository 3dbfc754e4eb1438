import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  progressJson,
  renderProgress,
  runProgress
} from "./chunk-GYTNZVOS.mjs";
import {
  nextText,
  outcome
} from "./chunk-3NJVAXK7.mjs";
import {
  rejectUnknownOptions
} from "./chunk-D6AISK4I.mjs";
import "./chunk-JL6RXUUA.mjs";
import "./chunk-WJE3ZWIU.mjs";
import "./chunk-OXJ2D6ZF.mjs";
import "./chunk-NDF5RAGK.mjs";
import "./chunk-V3HTBSD2.mjs";
import "./chunk-TYPFKZV5.mjs";
import "./chunk-5CHFCZU5.mjs";
import "./chunk-5OMBGFXL.mjs";
import "./chunk-4EJCAKH4.mjs";
import "./chunk-NASKEFO5.mjs";
import "./chunk-TWTOODCG.mjs";
import "./chunk-76KN6VJ3.mjs";
import "./chunk-UXYV742O.mjs";
import "./chunk-F5LBCNN2.mjs";
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

// lib/cli/verbs/status.ts
var statusVerb = async (ctx) => {
  const bad = rejectUnknownOptions("status", ctx.args, [], "status [--json]");
  if (bad) return bad;
  return outcome(ctx, await runProgress(ctx.root), (p) => renderProgress(p, ctx.tty) + nextText(p.next ?? []), progressJson);
};
export {
  statusVerb
};
