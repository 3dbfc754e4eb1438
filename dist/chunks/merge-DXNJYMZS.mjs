import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  mergeStory
} from "./chunk-VC5UOBM4.mjs";
import "./chunk-FDZSXUNJ.mjs";
import "./chunk-R64HFLWT.mjs";
import "./chunk-7NROCFMC.mjs";
import "./chunk-I26YPSUQ.mjs";
import "./chunk-4GBQLMAJ.mjs";
import "./chunk-OXJ2D6ZF.mjs";
import "./chunk-5FGIOPP2.mjs";
import "./chunk-NQMZDBOL.mjs";
import "./chunk-RW5W3U4H.mjs";
import "./chunk-NZ3JHMEY.mjs";
import "./chunk-Q2C3YXUZ.mjs";
import "./chunk-NFATYNPN.mjs";
import "./chunk-4GHGEHZH.mjs";
import "./chunk-HFBBZ43P.mjs";
import {
  isOutcome,
  oneId,
  outcome,
  warningsText
} from "./chunk-6MIED63M.mjs";
import "./chunk-3JWU2N2B.mjs";
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
