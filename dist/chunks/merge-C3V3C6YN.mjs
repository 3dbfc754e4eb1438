import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  mergeStory
} from "./chunk-2UJQ6N3F.mjs";
import "./chunk-FDZSXUNJ.mjs";
import "./chunk-SF5OX4YS.mjs";
import {
  isOutcome,
  nextText,
  oneId,
  outcome,
  warningsText
} from "./chunk-HMC5CVHI.mjs";
import "./chunk-D6AISK4I.mjs";
import "./chunk-S74CJSP5.mjs";
import "./chunk-J4FLWKKU.mjs";
import "./chunk-X73HXAI3.mjs";
import "./chunk-IPPJ62NW.mjs";
import "./chunk-OXJ2D6ZF.mjs";
import "./chunk-NDF5RAGK.mjs";
import "./chunk-KG5HAFNZ.mjs";
import "./chunk-3ZEYVYDB.mjs";
import "./chunk-3C4OI2RT.mjs";
import "./chunk-EG7KQHPQ.mjs";
import "./chunk-RPVWIPJZ.mjs";
import "./chunk-A73OOLFP.mjs";
import "./chunk-TA7IOGVC.mjs";
import "./chunk-UXYV742O.mjs";
import {
  command
} from "./chunk-F5LBCNN2.mjs";
import "./chunk-2BJZUZ65.mjs";
import "./chunk-2JM6FW5P.mjs";
import "./chunk-VVU4VAXQ.mjs";
import "./chunk-OLZJQYTV.mjs";
import "./chunk-V3HTBSD2.mjs";
import "./chunk-WXMZ5N7V.mjs";
import "./chunk-ZP7QG5VT.mjs";
import "./chunk-R2CKZ2VR.mjs";
import "./chunk-P7BITJDN.mjs";
import "./chunk-6MSOW3YD.mjs";
import "./chunk-R7PRS5ZI.mjs";
import "./chunk-T7SK64FE.mjs";
import "./chunk-IWUPKGEU.mjs";
import "./chunk-DJAYH52C.mjs";
import "./chunk-KS6NXHCE.mjs";
import "./chunk-JHRD7746.mjs";
import "./chunk-YFTCM4W6.mjs";
import "./chunk-WOOHVJRX.mjs";
import "./chunk-KNNDJYLI.mjs";
import "./chunk-EFR3LY5V.mjs";
import "./chunk-EGEKWWZA.mjs";

// lib/cli/verbs/merge.ts
var mergeVerb = async (ctx) => {
  const a = oneId(ctx, "merge", [], "merge ID [--json]");
  if (isOutcome(a)) return a;
  return outcome(
    ctx,
    await mergeStory(ctx.root, a.id),
    (m) => `Merged ${m.id}: Done at ${m.mergedSha.slice(0, 10)}${m.keptWorktree ? ` (kept ${m.keptWorktree})` : ""}
${warningsText(m.warnings, ctx.tty)}` + nextText([`${command("next")} lists the stories that may start now (this merge may have unblocked some)`]),
    (m) => ({ id: m.id, status: m.status, mergedSha: m.mergedSha, ...m.warnings.length ? { warnings: m.warnings } : {} })
  );
};
export {
  mergeVerb
};
