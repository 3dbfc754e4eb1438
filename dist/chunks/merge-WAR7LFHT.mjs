import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  mergeStory
} from "./chunk-JUPWOBQV.mjs";
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
import "./chunk-WJE3ZWIU.mjs";
import "./chunk-OXJ2D6ZF.mjs";
import "./chunk-LO7ALNL2.mjs";
import "./chunk-NDF5RAGK.mjs";
import "./chunk-V3HTBSD2.mjs";
import "./chunk-JHLEL5P6.mjs";
import "./chunk-TYPFKZV5.mjs";
import "./chunk-5CHFCZU5.mjs";
import "./chunk-5OMBGFXL.mjs";
import "./chunk-4EJCAKH4.mjs";
import "./chunk-NASKEFO5.mjs";
import "./chunk-TWTOODCG.mjs";
import "./chunk-76KN6VJ3.mjs";
import "./chunk-UXYV742O.mjs";
import {
  command
} from "./chunk-F5LBCNN2.mjs";
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
