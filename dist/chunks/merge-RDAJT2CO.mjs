import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  mergeStory
} from "./chunk-3TIUCTGG.mjs";
import "./chunk-FDZSXUNJ.mjs";
import "./chunk-R64HFLWT.mjs";
import "./chunk-4CNRU4PX.mjs";
import "./chunk-I26YPSUQ.mjs";
import "./chunk-DQ6BZRUG.mjs";
import "./chunk-OXJ2D6ZF.mjs";
import "./chunk-ZAME3FFM.mjs";
import "./chunk-L6AQGLF3.mjs";
import "./chunk-QJPVL2VY.mjs";
import "./chunk-DBUWZNBA.mjs";
import "./chunk-GXCQPDPR.mjs";
import {
  isOutcome,
  oneId,
  outcome,
  warningsText
} from "./chunk-DUIKZS6Y.mjs";
import "./chunk-3XUAY5GO.mjs";
import "./chunk-43TV4QD6.mjs";
import "./chunk-D6AISK4I.mjs";
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
