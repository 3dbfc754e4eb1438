import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  resumeRun
} from "./chunk-QV5RBXZA.mjs";
import "./chunk-S23F4U7L.mjs";
import "./chunk-FDZSXUNJ.mjs";
import "./chunk-Q2LWQI5M.mjs";
import {
  nextText,
  outcome,
  warningsText
} from "./chunk-3NJVAXK7.mjs";
import {
  rejectUnknownOptions
} from "./chunk-D6AISK4I.mjs";
import "./chunk-JL6RXUUA.mjs";
import "./chunk-T26T25F6.mjs";
import "./chunk-I26YPSUQ.mjs";
import "./chunk-GEYQTJYX.mjs";
import "./chunk-OXJ2D6ZF.mjs";
import "./chunk-NDF5RAGK.mjs";
import "./chunk-JHLEL5P6.mjs";
import "./chunk-5CHFCZU5.mjs";
import "./chunk-DQCQ7RFC.mjs";
import "./chunk-Q7YKZY7T.mjs";
import "./chunk-OWN354OS.mjs";
import "./chunk-DPZVDTVS.mjs";
import "./chunk-UXYV742O.mjs";
import "./chunk-F5LBCNN2.mjs";
import "./chunk-AF4QZWRE.mjs";
import "./chunk-2JM6FW5P.mjs";
import "./chunk-6DUZBP5W.mjs";
import "./chunk-Q5D365LN.mjs";
import "./chunk-V3HTBSD2.mjs";
import "./chunk-WXMZ5N7V.mjs";
import "./chunk-AYV5QJY5.mjs";
import "./chunk-R2CKZ2VR.mjs";
import "./chunk-6PZPQNFZ.mjs";
import "./chunk-IWUPKGEU.mjs";
import "./chunk-CA2ZPRLX.mjs";
import "./chunk-KS6NXHCE.mjs";
import "./chunk-2FVXI5GI.mjs";
import "./chunk-PYURHKKM.mjs";
import "./chunk-WOOHVJRX.mjs";
import "./chunk-UOPRRJVN.mjs";
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
