import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  mergeStory
} from "./chunk-DQ5RBOVK.mjs";
import "./chunk-FDZSXUNJ.mjs";
import "./chunk-ZMPTP5ZZ.mjs";
import {
  isOutcome,
  nextText,
  oneId,
  outcome,
  warningsText
} from "./chunk-3NJVAXK7.mjs";
import "./chunk-D6AISK4I.mjs";
import "./chunk-JL6RXUUA.mjs";
import "./chunk-QFIIWLGE.mjs";
import "./chunk-I26YPSUQ.mjs";
import "./chunk-MRDCHBHZ.mjs";
import "./chunk-OXJ2D6ZF.mjs";
import "./chunk-P2Z5BSC3.mjs";
import "./chunk-KXGGJK6D.mjs";
import "./chunk-5CHFCZU5.mjs";
import "./chunk-DQCQ7RFC.mjs";
import "./chunk-TZOF6B2Q.mjs";
import "./chunk-ZHGI5QCD.mjs";
import "./chunk-GEUTSHS5.mjs";
import "./chunk-DPZVDTVS.mjs";
import "./chunk-UXYV742O.mjs";
import {
  command
} from "./chunk-F5LBCNN2.mjs";
import "./chunk-AF4QZWRE.mjs";
import "./chunk-2JM6FW5P.mjs";
import "./chunk-6DUZBP5W.mjs";
import "./chunk-Q5D365LN.mjs";
import "./chunk-NWDREVJP.mjs";
import "./chunk-WXMZ5N7V.mjs";
import "./chunk-2CJEE7VO.mjs";
import "./chunk-R2CKZ2VR.mjs";
import "./chunk-7D6WNWG2.mjs";
import "./chunk-JQES6W6I.mjs";
import "./chunk-IWUPKGEU.mjs";
import "./chunk-CA2ZPRLX.mjs";
import "./chunk-KS6NXHCE.mjs";
import "./chunk-2FVXI5GI.mjs";
import "./chunk-PYURHKKM.mjs";
import "./chunk-WOOHVJRX.mjs";
import "./chunk-UOPRRJVN.mjs";
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
