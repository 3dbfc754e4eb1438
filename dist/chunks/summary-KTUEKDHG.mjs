import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  writeSummary
} from "./chunk-3K3VQY4V.mjs";
import "./chunk-O7YE2V7H.mjs";
import "./chunk-Q2LWQI5M.mjs";
import {
  outcome
} from "./chunk-3NJVAXK7.mjs";
import {
  rejectUnknownOptions
} from "./chunk-D6AISK4I.mjs";
import "./chunk-JL6RXUUA.mjs";
import "./chunk-GEYQTJYX.mjs";
import "./chunk-OXJ2D6ZF.mjs";
import "./chunk-NDF5RAGK.mjs";
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

// lib/cli/verbs/summary.ts
var summaryVerb = async (ctx) => {
  const bad = rejectUnknownOptions("summary", ctx.args, [], "summary [--json]");
  if (bad) return bad;
  return outcome(
    ctx,
    await writeSummary(ctx.root),
    // The report ends with its "Next steps" section: the output ends with the next step too.
    (s) => `(written to ${s.reportPath})

${s.markdown}`,
    (s) => ({
      totals: s.summary.totals,
      failed: s.summary.failed.map((f) => ({ id: f.id, reason: f.reason })),
      blocked: s.summary.blocked.map((b) => ({ id: b.id, waitsFor: b.waitsFor })),
      skipped: s.summary.skipped.map((x) => x.id),
      unfinished: s.summary.unfinished.map((u) => ({ id: u.id, status: u.status })),
      nextSteps: s.summary.nextSteps,
      report: s.reportPath
    })
  );
};
export {
  summaryVerb
};
