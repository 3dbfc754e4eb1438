import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  mergeStory
} from "./chunk-URKUP7LB.mjs";
import "./chunk-FDZSXUNJ.mjs";
import {
  isOutcome,
  oneId,
  outcome,
  warningsText
} from "./chunk-UZ6AMLSK.mjs";
import "./chunk-R64HFLWT.mjs";
import "./chunk-I26YPSUQ.mjs";
import "./chunk-TBY7OLPB.mjs";
import "./chunk-TB2LC4CU.mjs";
import "./chunk-OXJ2D6ZF.mjs";
import "./chunk-LO7ALNL2.mjs";
import "./chunk-NDF5RAGK.mjs";
import "./chunk-V3HTBSD2.mjs";
import "./chunk-JHLEL5P6.mjs";
import "./chunk-D6AISK4I.mjs";
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

// lib/cli/verbs/merge.ts
var mergeVerb = async (ctx) => {
  const a = oneId(ctx, "merge", [], "merge ID [--json]");
  if (isOutcome(a)) return a;
  return outcome(
    ctx,
    await mergeStory(ctx.root, a.id),
    (m) => `Merged ${m.id}: Done at ${m.mergedSha.slice(0, 10)}${m.keptWorktree ? ` (kept ${m.keptWorktree})` : ""}
${warningsText(m.warnings, ctx.tty)}`,
    (m) => ({ id: m.id, status: m.status, mergedSha: m.mergedSha, ...m.warnings.length ? { warnings: m.warnings } : {} })
  );
};
export {
  mergeVerb
};
