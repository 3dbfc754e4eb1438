import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  changesRequestedHead
} from "./chunk-Z2M337YQ.mjs";
import {
  transition
} from "./chunk-X73HXAI3.mjs";
import {
  updateOrchestration
} from "./chunk-IPPJ62NW.mjs";
import {
  systemClock
} from "./chunk-OXJ2D6ZF.mjs";
import {
  revParse,
  statusLines
} from "./chunk-KG5HAFNZ.mjs";
import {
  short
} from "./chunk-3ZEYVYDB.mjs";
import {
  stateOf
} from "./chunk-RPVWIPJZ.mjs";
import {
  appendJournal,
  withStateLock,
  writeStoryState
} from "./chunk-A73OOLFP.mjs";
import {
  fixRoundSteps,
  storyAdvice
} from "./chunk-F5LBCNN2.mjs";
import {
  storyBranch
} from "./chunk-OLZJQYTV.mjs";
import {
  writeBackSprintStatus
} from "./chunk-ZP7QG5VT.mjs";
import {
  diag,
  err,
  ok
} from "./chunk-EFR3LY5V.mjs";

// lib/engine/submit.ts
import { join } from "node:path";
var add = (a, b) => b === void 0 ? a : (a ?? 0) + b;
async function submitStory(root, id, usage = {}, clock = systemClock) {
  return withStateLock(root, async () => {
    const found = await stateOf(root, id, "submit");
    if (!found.ok) return found;
    const st = found.value;
    const branch = st.branch ?? storyBranch(st.storyId);
    const head = await revParse(root, `refs/heads/${branch}`);
    if (!head) return err([diag("git-error", `story ${st.storyId}: branch ${branch} does not exist; run \`story-orchestrator resume\``)]);
    if (st.worktree) {
      const dirty = await statusLines(join(root, st.worktree));
      if (dirty && dirty.length) {
        return err([diag("dirty-worktree", `story ${st.storyId}: ${st.worktree} has uncommitted changes (${dirty.slice(0, 5).map((l) => l.slice(3)).join(", ")}${dirty.length > 5 ? ", ..." : ""}); commit them on ${branch} first`, st.worktree)]);
      }
    }
    if (head === st.baseSha) return err([diag("not-ready", `story ${st.storyId}: ${branch} has no commits beyond its base ${short(head)}; commit the work first`)]);
    const at = clock.now().toISOString();
    if (st.status === "Ready for Review" && st.headSha === head) {
      return ok({ id: st.storyId, status: st.status, headSha: head });
    }
    const asked = changesRequestedHead(st);
    if (asked !== null && asked === head) {
      const steps = fixRoundSteps(st.storyId, st.worktree ?? `a worktree on ${branch}`, st.status === "In Progress");
      return err([diag("illegal-transition", `story ${st.storyId}: no new commit since the changes were requested at ${short(head)}; commit the fixes in ${st.worktree ?? `a worktree on ${branch}`} first. Next: ${steps}`)]);
    }
    if (st.status === "Approved" && st.headSha === head) {
      return err([diag("illegal-transition", `story ${st.storyId}: cannot submit from "${st.status}" without new commits (head is still ${short(head)}). Next: ${storyAdvice({ id: st.storyId, status: st.status })}`)]);
    }
    const t = transition(st, "submit", at, `head ${short(head)}`);
    if (!t.ok) return err(t.error.map((d) => ({ ...d, message: `${d.message}. Next: ${storyAdvice({ id: st.storyId, status: st.status, worktree: st.worktree })}` })));
    const next = {
      ...t.value,
      headSha: head,
      attempts: st.attempts + 1,
      tokens: add(st.tokens, usage.tokens),
      costUsd: add(st.costUsd, usage.costUsd),
      durationMs: add(st.durationMs, usage.durationMs)
    };
    await writeStoryState(root, next);
    await appendJournal(root, { at, event: "submit", storyId: st.storyId, data: { headSha: head, ...usage } });
    const o = await updateOrchestration(root, at, null);
    if (!o.ok) return o;
    const w = await writeBackSprintStatus(root, st.storyId, next.status);
    return ok({ id: st.storyId, status: next.status, headSha: head, ...w ? { warnings: [w] } : {} });
  });
}

export {
  submitStory
};
