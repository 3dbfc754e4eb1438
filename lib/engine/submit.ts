// `submit ID`: the developer is done; record the head commit reviewers must review and move to
// Ready for Review. From Approved, Changes Requested or a fix round's In Progress only when the
// branch has new commits (a new head needs a new review; the same head would only be asked for
// the same changes again). Uncommitted changes are refused: reviewers see commits only.
import { join } from "node:path";
import { diag, err, ok, type Diag, type Result } from "../core/diagnostics.js";
import { transition } from "../core/state/transitions.js";
import { changesRequestedHead } from "../core/state/fix-round.js";
import { fixRoundSteps, storyAdvice } from "../core/advice/story-advice.js";
import { short } from "../core/gate/merge-gate.js";
import { systemClock, type Clock } from "../adapters/clock.js";
import { revParse, statusLines } from "../adapters/git.js";
import { appendJournal, withStateLock, writeStoryState } from "../adapters/state-store/store.js";
import { storyBranch } from "./integration-branch.js";
import { updateOrchestration } from "./orchestration.js";
import { stateOf } from "./story-ref.js";
import { writeBackSprintStatus } from "./sprint-status.js";

export interface Usage {
  tokens?: number;
  costUsd?: number;
  durationMs?: number;
}

export interface SubmitResult {
  id: string;
  status: string;
  headSha: string;
  /** sprint-status.yaml could not be updated (the submit itself happened). */
  warnings?: Diag[];
}

const add = (a: number | null, b: number | undefined): number | null => (b === undefined ? a : (a ?? 0) + b);

export async function submitStory(root: string, id: string, usage: Usage = {}, clock: Clock = systemClock): Promise<Result<SubmitResult, Diag[]>> {
  return withStateLock<SubmitResult>(root, async () => {
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
      return ok({ id: st.storyId, status: st.status, headSha: head }); // already submitted: idempotent for hooks
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
      durationMs: add(st.durationMs, usage.durationMs),
    };
    await writeStoryState(root, next);
    await appendJournal(root, { at, event: "submit", storyId: st.storyId, data: { headSha: head, ...usage } });
    const o = await updateOrchestration(root, at, null);
    if (!o.ok) return o;
    const w = await writeBackSprintStatus(root, st.storyId, next.status);
    return ok({ id: st.storyId, status: next.status, headSha: head, ...(w ? { warnings: [w] } : {}) });
  });
}
