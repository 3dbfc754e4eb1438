// A fix round must bring a new commit: submitting the head that got changes requested again
// (after `start` sent the developer back) is refused, and the story is not stuck afterwards.
import { describe, expect, it } from "vitest";
import { git, template, work } from "./repo.js";
import { startStory } from "../../lib/engine/start.js";
import { submitStory } from "../../lib/engine/submit.js";
import { recordReview } from "../../lib/engine/review.js";
import { mergeStory } from "../../lib/engine/merge.js";
import { readRunState } from "../../lib/engine/run-state.js";

const fresh = template([{ id: "1.1" }]);
const review = (root: string, verdict: "approved" | "changes-requested") =>
  recordReview(root, "1.1", { verdict, findings: verdict === "approved" ? [] : [{ severity: "HIGH", message: "bug" }], reviewer: "code-reviewer" });
const statusOf = async (root: string) => {
  const r = await readRunState(root);
  return r.ok ? r.value.stories[0]!.status : null;
};

describe("submit in a fix round", () => {
  it("refuses the head changes were requested on, after start sent the developer back; a new commit goes through", async () => {
    const root = fresh();
    const s = await startStory(root, "1.1");
    if (!s.ok) throw new Error(JSON.stringify(s.error));
    const first = work(root, s.value.worktree, "a.txt", "1\n");
    expect((await submitStory(root, "1.1")).ok).toBe(true);
    expect((await review(root, "changes-requested")).ok).toBe(true);
    const message = `story 1.1: no new commit since the changes were requested at ${first.slice(0, 10)}; commit the fixes in ${s.value.worktree} first`;
    const fromChangesRequested = `${message}. Next: \`story-orchestrator start 1.1\` (the fix round), commit the fixes in ${s.value.worktree}, then \`story-orchestrator submit 1.1\` for a new review`;
    const inFixRound = `${message}. Next: commit the fixes in ${s.value.worktree}, then \`story-orchestrator submit 1.1\` for a new review`;

    // Straight from Changes Requested: same refusal.
    expect(await submitStory(root, "1.1")).toEqual({ ok: false, error: [{ code: "illegal-transition", message: fromChangesRequested }] });
    const again = await startStory(root, "1.1");
    expect(again.ok && again.value.worktree).toBe(s.value.worktree);
    // The fix round hands over what to fix, from the state (the notification may come later).
    expect(again.ok && again.value.fix).toEqual(["- [HIGH] bug"]);
    expect(s.value.fix).toBeUndefined();
    expect(await statusOf(root)).toBe("In Progress");
    expect(await submitStory(root, "1.1")).toEqual({ ok: false, error: [{ code: "illegal-transition", message: inFixRound }] });
    expect(await statusOf(root)).toBe("In Progress");
    expect(git(root, "rev-parse", "story/1.1")).toBe(first);

    const fixed = work(root, s.value.worktree, "a.txt", "2\n");
    expect(await submitStory(root, "1.1")).toEqual({ ok: true, value: { id: "1.1", status: "Ready for Review", headSha: fixed } });
    expect((await review(root, "approved")).ok).toBe(true);
    const m = await mergeStory(root, "1.1");
    expect(m.ok && m.value.status).toBe("Done");
  });

  it("a first submission from In Progress is not a fix round", async () => {
    const root = fresh();
    const s = await startStory(root, "1.1");
    if (!s.ok) throw new Error(JSON.stringify(s.error));
    const head = work(root, s.value.worktree, "a.txt", "1\n");
    expect(await submitStory(root, "1.1")).toEqual({ ok: true, value: { id: "1.1", status: "Ready for Review", headSha: head } });
    // Submitting the same head again is idempotent (hooks may fire twice).
    expect(await submitStory(root, "1.1")).toEqual({ ok: true, value: { id: "1.1", status: "Ready for Review", headSha: head } });
  });
});
