import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  mergeStory
} from "./chunk-ZLWMNPND.mjs";
import "./chunk-FDZSXUNJ.mjs";
import {
  isOutcome,
  oneId,
  outcome,
  warningsText
} from "./chunk-POYRYVJH.mjs";
import "./chunk-R64HFLWT.mjs";
import "./chunk-I26YPSUQ.mjs";
import "./chunk-GOG7VSGO.mjs";
import "./chunk-UXNKWHN7.mjs";
import "./chunk-OXJ2D6ZF.mjs";
import "./chunk-NDF5RAGK.mjs";
import "./chunk-V3HTBSD2.mjs";
import "./chunk-JHLEL5P6.mjs";
import "./chunk-UVYP4ZSD.mjs";
import "./chunk-D6AISK4I.mjs";
import "./chunk-TWZUDMQ5.mjs";
import "./chunk-AA7F6UKN.mjs";
import "./chunk-UQKFPQ4U.mjs";
import "./chunk-ROQ5WG4C.mjs";
import "./chunk-26ND4L6U.mjs";
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
