import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  mergeStory
} from "./chunk-PW4WHO53.mjs";
import "./chunk-R64HFLWT.mjs";
import "./chunk-FDZSXUNJ.mjs";
import "./chunk-KGSYMOPH.mjs";
import "./chunk-I26YPSUQ.mjs";
import "./chunk-FIUR5LJA.mjs";
import "./chunk-OXJ2D6ZF.mjs";
import "./chunk-Y5RTWEOI.mjs";
import "./chunk-MNOUCKHS.mjs";
import "./chunk-NYIK7GJI.mjs";
import "./chunk-T7ZYSAZN.mjs";
import "./chunk-DFVBCFU3.mjs";
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
