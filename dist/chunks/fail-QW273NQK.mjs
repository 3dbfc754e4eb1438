import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  failStory
} from "./chunk-GNJYKDTG.mjs";
import {
  isOutcome,
  nextText,
  oneId,
  outcome
} from "./chunk-3NJVAXK7.mjs";
import {
  usage
} from "./chunk-D6AISK4I.mjs";
import "./chunk-JL6RXUUA.mjs";
import "./chunk-2DMYTXB7.mjs";
import "./chunk-I26YPSUQ.mjs";
import "./chunk-GEYQTJYX.mjs";
import "./chunk-OXJ2D6ZF.mjs";
import "./chunk-NDF5RAGK.mjs";
import "./chunk-DQCQ7RFC.mjs";
import "./chunk-Q7YKZY7T.mjs";
import "./chunk-OWN354OS.mjs";
import "./chunk-DPZVDTVS.mjs";
import "./chunk-UXYV742O.mjs";
import {
  command,
  storyAdvice
} from "./chunk-F5LBCNN2.mjs";
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

// lib/cli/verbs/fail.ts
var LINE = "fail ID --reason TEXT [--json]";
var failVerb = async (ctx) => {
  const a = oneId(ctx, "fail", ["reason"], LINE);
  if (isOutcome(a)) return a;
  const reason = ctx.args.options["reason"];
  if (typeof reason !== "string" || reason.trim() === "") return usage("fail: needs --reason TEXT", LINE);
  return outcome(
    ctx,
    await failStory(ctx.root, a.id, reason),
    (f) => `${f.id}: Failed (${f.reason})${f.blocked.length ? `; blocked: ${f.blocked.join(", ")}` : ""}
${nextText([`${storyAdvice({ id: f.id, status: "Failed" })} when it can be done; ${command("next")} lists what may start meanwhile`])}`
  );
};
export {
  failVerb
};
