import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  mergeStory
} from "./chunk-DZGFWR24.mjs";
import "./chunk-FDZSXUNJ.mjs";
import {
  isOutcome,
  nextText,
  oneId,
  outcome,
  warningsText
} from "./chunk-3NJVAXK7.mjs";
import "./chunk-D6AISK4I.mjs";
import "./chunk-JL6RXUUA.mjs";
import "./chunk-I26YPSUQ.mjs";
import "./chunk-TBY7OLPB.mjs";
import "./chunk-NQCY2BJH.mjs";
import "./chunk-OXJ2D6ZF.mjs";
import "./chunk-LO7ALNL2.mjs";
import "./chunk-NDF5RAGK.mjs";
import "./chunk-V3HTBSD2.mjs";
import "./chunk-JHLEL5P6.mjs";
import "./chunk-4S2NCY7K.mjs";
import "./chunk-DR6DUJJL.mjs";
import "./chunk-5OMBGFXL.mjs";
import "./chunk-XXTQPIYG.mjs";
import "./chunk-C6BGNZL6.mjs";
import "./chunk-TWTOODCG.mjs";
import "./chunk-76KN6VJ3.mjs";
import "./chunk-UXYV742O.mjs";
import {
  command
} from "./chunk-F5LBCNN2.mjs";
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
${warningsText(m.warnings, ctx.tty)}` + nextText([`${command("next")} lists the stories that may start now (this merge may have unblocked some)`]),
    (m) => ({ id: m.id, status: m.status, mergedSha: m.mergedSha, ...m.warnings.length ? { warnings: m.warnings } : {} })
  );
};
export {
  mergeVerb
};
