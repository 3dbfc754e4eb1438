import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  mergeStory
} from "./chunk-X6EL6OXC.mjs";
import "./chunk-FDZSXUNJ.mjs";
import "./chunk-R64HFLWT.mjs";
import "./chunk-GOG7VSGO.mjs";
import "./chunk-I26YPSUQ.mjs";
import "./chunk-JHLEL5P6.mjs";
import "./chunk-4X2M6MMX.mjs";
import "./chunk-OXJ2D6ZF.mjs";
import "./chunk-5ZUZSWVT.mjs";
import "./chunk-IMR2RKT2.mjs";
import "./chunk-OXKJCCML.mjs";
import "./chunk-HVDTPED4.mjs";
import "./chunk-NMYI3KSW.mjs";
import "./chunk-IWUPKGEU.mjs";
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
