import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  writeSummary
} from "./chunk-UHZEOAJO.mjs";
import {
  reportJson
} from "./chunk-SGVNV3ZE.mjs";
import "./chunk-XPICGLJM.mjs";
import "./chunk-SF5OX4YS.mjs";
import {
  outcome
} from "./chunk-HMC5CVHI.mjs";
import {
  rejectUnknownOptions
} from "./chunk-D6AISK4I.mjs";
import "./chunk-S74CJSP5.mjs";
import "./chunk-CCTPUZS7.mjs";
import "./chunk-IPPJ62NW.mjs";
import "./chunk-OXJ2D6ZF.mjs";
import "./chunk-NDF5RAGK.mjs";
import "./chunk-3ZEYVYDB.mjs";
import "./chunk-3C4OI2RT.mjs";
import "./chunk-EG7KQHPQ.mjs";
import "./chunk-RPVWIPJZ.mjs";
import "./chunk-A73OOLFP.mjs";
import "./chunk-TA7IOGVC.mjs";
import "./chunk-2B7JGNL6.mjs";
import "./chunk-UXYV742O.mjs";
import "./chunk-F5LBCNN2.mjs";
import "./chunk-2BJZUZ65.mjs";
import "./chunk-2JM6FW5P.mjs";
import "./chunk-VVU4VAXQ.mjs";
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

// lib/cli/verbs/summary.ts
var summaryVerb = async (ctx) => {
  const bad = rejectUnknownOptions("summary", ctx.args, [], "summary [--json]");
  if (bad) return bad;
  return outcome(
    ctx,
    await writeSummary(ctx.root),
    // The report ends with its "Next steps" section: the output ends with the next step too.
    (s) => `(written to ${s.reportPath}; the timeline, graph and analytics: ${s.htmlPath})

${s.markdown}`,
    (s) => ({
      totals: s.summary.totals,
      failed: s.summary.failed.map((f) => ({ id: f.id, reason: f.reason })),
      blocked: s.summary.blocked.map((b) => ({ id: b.id, waitsFor: b.waitsFor })),
      skipped: s.summary.skipped.map((x) => x.id),
      unfinished: s.summary.unfinished.map((u) => ({ id: u.id, status: u.status })),
      safetyDenials: s.summary.safetyDenials,
      nextSteps: s.summary.nextSteps,
      analytics: reportJson(s.report),
      report: s.reportPath,
      html: s.htmlPath
    })
  );
};
export {
  summaryVerb
};
