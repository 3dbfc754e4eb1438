import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
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
import {
  blockDependents
} from "./chunk-HKHPSY3T.mjs";
import {
  transition
} from "./chunk-I26YPSUQ.mjs";
import {
  updateOrchestration
} from "./chunk-MRDCHBHZ.mjs";
import {
  systemClock
} from "./chunk-OXJ2D6ZF.mjs";
import {
  newStoryState
} from "./chunk-P2Z5BSC3.mjs";
import "./chunk-DQCQ7RFC.mjs";
import {
  agentOf,
  dependenciesOf,
  refreshStates,
  withStory
} from "./chunk-TZOF6B2Q.mjs";
import "./chunk-ZHGI5QCD.mjs";
import {
  appendJournal,
  withStateLock,
  writeStoryState
} from "./chunk-GEUTSHS5.mjs";
import "./chunk-DPZVDTVS.mjs";
import "./chunk-UXYV742O.mjs";
import {
  command,
  storyAdvice
} from "./chunk-F5LBCNN2.mjs";
import "./chunk-AF4QZWRE.mjs";
import "./chunk-2JM6FW5P.mjs";
import "./chunk-6DUZBP5W.mjs";
import "./chunk-NWDREVJP.mjs";
import "./chunk-WXMZ5N7V.mjs";
import "./chunk-2CJEE7VO.mjs";
import "./chunk-R2CKZ2VR.mjs";
import "./chunk-7D6WNWG2.mjs";
import "./chunk-JQES6W6I.mjs";
import "./chunk-IWUPKGEU.mjs";
import "./chunk-CA2ZPRLX.mjs";
import "./chunk-KS6NXHCE.mjs";
import "./chunk-2FVXI5GI.mjs";
import "./chunk-PYURHKKM.mjs";
import "./chunk-WOOHVJRX.mjs";
import {
  idKey
} from "./chunk-UOPRRJVN.mjs";
import {
  diag,
  err,
  ok
} from "./chunk-43TV4QD6.mjs";
import "./chunk-EGEKWWZA.mjs";

// lib/engine/fail.ts
async function failStory(root, id, reason, clock = systemClock) {
  if (reason.trim() === "") return err([diag("usage", "fail needs --reason TEXT")]);
  return withStory(root, id, withStateLock, async (ctx, story) => {
    const key = idKey(story.id);
    const at = clock.now().toISOString();
    const st = ctx.states.get(key) ?? newStoryState({ storyId: story.id, agent: agentOf(ctx, key), dependencies: dependenciesOf(ctx, key), at });
    if (!ctx.states.has(key) && story.status.normalized === "Done") {
      return err([diag("illegal-transition", `story ${story.id}: cannot fail from "Done"`)]);
    }
    const t = transition(st, "fail", at, reason);
    if (!t.ok) return t;
    await writeStoryState(root, { ...t.value, reason });
    await appendJournal(root, { at, event: "fail", storyId: story.id, data: { reason } });
    const after = await refreshStates(ctx);
    if (!after.ok) return after;
    const blocked = await blockDependents(root, after.value, story.id, at);
    const o = await updateOrchestration(root, at, after.value);
    if (!o.ok) return o;
    return ok({ id: story.id, status: "Failed", reason, blocked });
  });
}

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
