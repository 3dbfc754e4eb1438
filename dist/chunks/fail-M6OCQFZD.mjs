import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  failStory
} from "./chunk-WPLAJFKN.mjs";
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
import "./chunk-Y2BHSIBR.mjs";
import "./chunk-I26YPSUQ.mjs";
import "./chunk-U2VVVHKJ.mjs";
import "./chunk-OXJ2D6ZF.mjs";
import "./chunk-NDF5RAGK.mjs";
import "./chunk-OHUB7CLW.mjs";
import "./chunk-EKSBQ6D5.mjs";
import "./chunk-2HGG6YZE.mjs";
import "./chunk-MRUBXR3Z.mjs";
import "./chunk-MGYK2Q2U.mjs";
import "./chunk-UXYV742O.mjs";
import {
  command,
  storyAdvice
} from "./chunk-F5LBCNN2.mjs";
import "./chunk-2BJZUZ65.mjs";
import "./chunk-2JM6FW5P.mjs";
import "./chunk-2GREUEF7.mjs";
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
