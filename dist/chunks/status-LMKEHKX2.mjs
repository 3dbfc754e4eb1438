import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  progressJson,
  renderProgress,
  runProgress
} from "./chunk-NI3MUF7N.mjs";
import {
  outcome
} from "./chunk-UZ6AMLSK.mjs";
import "./chunk-TB2LC4CU.mjs";
import "./chunk-OXJ2D6ZF.mjs";
import "./chunk-NDF5RAGK.mjs";
import "./chunk-V3HTBSD2.mjs";
import {
  rejectUnknownOptions
} from "./chunk-D6AISK4I.mjs";
import "./chunk-JL6RXUUA.mjs";
import "./chunk-NWW3U62L.mjs";
import "./chunk-NRM35V7C.mjs";
import "./chunk-QEZGP2JN.mjs";
import "./chunk-RUJE3BRK.mjs";
import "./chunk-UXYV742O.mjs";
import "./chunk-DWBK4E5D.mjs";
import "./chunk-GEKUT4RT.mjs";
import "./chunk-PMI7Y2VK.mjs";
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
  return outcome(ctx, await runProgress(ctx.root), (p) => renderProgress(p, ctx.tty), progressJson);
};
export {
  statusVerb
};
