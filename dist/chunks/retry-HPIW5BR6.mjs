import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  adviceIn,
  failedBehind
} from "./chunk-SF5OX4YS.mjs";
import {
  isOutcome,
  nextText,
  oneId,
  outcome
} from "./chunk-HMC5CVHI.mjs";
import "./chunk-D6AISK4I.mjs";
import "./chunk-S74CJSP5.mjs";
import {
  transition
} from "./chunk-X73HXAI3.mjs";
import {
  updateOrchestration
} from "./chunk-IPPJ62NW.mjs";
import {
  systemClock
} from "./chunk-OXJ2D6ZF.mjs";
import "./chunk-NDF5RAGK.mjs";
import "./chunk-3ZEYVYDB.mjs";
import {
  blockedStories
} from "./chunk-3C4OI2RT.mjs";
import {
  refreshStates,
  schedulable,
  sortIds,
  statusOf,
  withStory
} from "./chunk-EG7KQHPQ.mjs";
import "./chunk-RPVWIPJZ.mjs";
import {
  appendJournal,
  withStateLock,
  writeStoryState
} from "./chunk-A73OOLFP.mjs";
import "./chunk-TA7IOGVC.mjs";
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
import {
  idKey
} from "./chunk-KNNDJYLI.mjs";
import {
  diag,
  err,
  ok
} from "./chunk-EFR3LY5V.mjs";
import "./chunk-EGEKWWZA.mjs";

// lib/core/state/unblock.ts
function unblockable(stories) {
  const freed = /* @__PURE__ */ new Set();
  let current = stories;
  for (; ; ) {
    const still = blockedStories(current);
    const now = current.filter((s) => s.status === "Blocked" && !still.has(s.id)).map((s) => s.id);
    if (now.length === 0) return freed;
    for (const id of now) freed.add(id);
    current = current.map((s) => freed.has(s.id) ? { ...s, status: "Not Started" } : s);
  }
}

// lib/engine/retry.ts
function failedDependency(ctx, key) {
  if (!blockedStories(schedulable(ctx)).has(key)) return null;
  return failedBehind(ctx, key)[0] ?? null;
}
async function retryStory(root, id, clock = systemClock) {
  return withStory(root, id, withStateLock, async (ctx, story) => {
    const key = idKey(story.id);
    const st = ctx.states.get(key);
    if (!st || st.status !== "Failed") {
      return err([diag("illegal-transition", `story ${story.id}: cannot retry from "${statusOf(ctx, key)}"; only a Failed story can be retried. Next: ${adviceIn(ctx, key)}`)]);
    }
    const at = clock.now().toISOString();
    const t = transition(st, "retry", at, st.reason ?? void 0);
    if (!t.ok) return t;
    await writeStoryState(root, { ...t.value, fixRounds: 0, reason: null });
    let after = await refreshStates(ctx);
    if (!after.ok) return after;
    const holder = failedDependency(after.value, key);
    if (holder !== null) {
      const b = transition(after.value.states.get(key), "block", at, `dependency ${holder} failed`);
      if (b.ok) await writeStoryState(root, { ...b.value, reason: `dependency ${holder} failed` });
      after = await refreshStates(after.value);
      if (!after.ok) return after;
    }
    const unblocked = [];
    for (const k of unblockable(schedulable(after.value))) {
      const dep = after.value.states.get(k);
      if (!dep || dep.status !== "Blocked") continue;
      const u = transition(dep, "unblock", at, `dependency ${story.id} retried`);
      if (!u.ok) continue;
      await writeStoryState(root, { ...u.value, reason: null });
      unblocked.push(dep.storyId);
    }
    const sorted = sortIds(unblocked);
    await appendJournal(root, { at, event: "retry", storyId: story.id, data: { unblocked: sorted } });
    const done = await refreshStates(after.value);
    if (!done.ok) return done;
    const o = await updateOrchestration(root, at, done.value);
    if (!o.ok) return o;
    return ok({ id: story.id, status: holder === null ? "Not Started" : "Blocked", unblocked: sorted, next: adviceIn(done.value, key) });
  });
}

// lib/cli/verbs/retry.ts
var retryVerb = async (ctx) => {
  const a = oneId(ctx, "retry", [], "retry ID [--json]");
  if (isOutcome(a)) return a;
  return outcome(
    ctx,
    await retryStory(ctx.root, a.id),
    (r) => `${r.id}: ${r.status}${r.unblocked.length ? `; unblocked: ${r.unblocked.join(", ")}` : ""}
${nextText([r.next])}`,
    ({ id, status, unblocked }) => ({ id, status, unblocked })
  );
};
export {
  retryVerb
};
