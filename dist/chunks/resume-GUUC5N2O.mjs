import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  resumeRun
} from "./chunk-DU73H2SQ.mjs";
import "./chunk-5DQHFJA5.mjs";
import "./chunk-FDZSXUNJ.mjs";
import "./chunk-RWF3DJZD.mjs";
import {
  nextText,
  outcome,
  warningsText
} from "./chunk-3NJVAXK7.mjs";
import {
  rejectUnknownOptions
} from "./chunk-D6AISK4I.mjs";
import "./chunk-JL6RXUUA.mjs";
import "./chunk-3BPSTVR6.mjs";
import "./chunk-I26YPSUQ.mjs";
import "./chunk-U2VVVHKJ.mjs";
import "./chunk-OXJ2D6ZF.mjs";
import "./chunk-NDF5RAGK.mjs";
import "./chunk-JHLEL5P6.mjs";
import "./chunk-5CHFCZU5.mjs";
import "./chunk-OHUB7CLW.mjs";
import "./chunk-EKSBQ6D5.mjs";
import "./chunk-2HGG6YZE.mjs";
import "./chunk-MRUBXR3Z.mjs";
import "./chunk-MGYK2Q2U.mjs";
import "./chunk-UXYV742O.mjs";
import "./chunk-F5LBCNN2.mjs";
import "./chunk-2BJZUZ65.mjs";
import "./chunk-2JM6FW5P.mjs";
import "./chunk-2GREUEF7.mjs";
import "./chunk-JTVJZ2N4.mjs";
import "./chunk-V3HTBSD2.mjs";
import "./chunk-WXMZ5N7V.mjs";
import "./chunk-42DD3JOM.mjs";
import "./chunk-R2CKZ2VR.mjs";
import "./chunk-JXYS6OYD.mjs";
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
import "./chunk-43TV4QD6.mjs";
import "./chunk-EGEKWWZA.mjs";

// lib/cli/verbs/resume.ts
var resumeVerb = async (ctx) => {
  const bad = rejectUnknownOptions("resume", ctx.args, [], "resume [--json]");
  if (bad) return bad;
  return outcome(ctx, await resumeRun(ctx.root), (r) => {
    const lines = [r.repaired.length ? "Repaired:" : "Nothing to repair.", ...r.repaired.map((x) => `  - ${x}`)];
    const problems = warningsText(r.problems, ctx.tty);
    return lines.join("\n") + "\n" + (problems ? `
${problems}
` : "") + nextText(r.next);
  });
};
export {
  resumeVerb
};
