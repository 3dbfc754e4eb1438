// QA findings on the review lifecycle and the run scope, against real git repositories: a commit
// after approval, parallel reviewers, approvals with blocking findings, unknown reviewers, failed
// stories, and `start` outside the recorded scope.
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CLI, cli, template, work } from "./repo.js";
import { ensureBuilt } from "../helpers/built-cli.js";
import { startStory } from "../../lib/engine/start.js";
import { submitStory } from "../../lib/engine/submit.js";
import { recordReview } from "../../lib/engine/review.js";
import { mergeStory } from "../../lib/engine/merge.js";
import { failStory } from "../../lib/engine/fail.js";
import { nextStories } from "../../lib/engine/next.js";
import { runProgress } from "../../lib/engine/status.js";
import { resumeRun } from "../../lib/engine/resume.js";
import { writeSummary } from "../../lib/engine/summary.js";
import { readRunState } from "../../lib/engine/run-state.js";

beforeAll(ensureBuilt, 120_000);

const two = template([{ id: "1.1" }], "reviewers: [code-reviewer, security-reviewer]\nmaxFixRounds: 3\n");
const one = template([{ id: "1.1" }, { id: "1.2" }, { id: "2.1" }], "maxParallel: 4\n");
const HIGH = [{ severity: "HIGH" as const, message: "sql injection" }];
const statusOf = async (root: string, id = "1.1") => {
  const r = await readRunState(root);
  return r.ok ? (r.value.stories.find((s) => s.storyId === id)?.status ?? "no state file") : null;
};
async function submitted(root: string): Promise<{ worktree: string; head: string }> {
  const s = await startStory(root, "1.1");
  if (!s.ok) throw new Error(JSON.stringify(s.error));
  const head = work(root, s.value.worktree, "a.txt", "1\n");
  const sub = await submitStory(root, "1.1");
  if (!sub.ok) throw new Error(JSON.stringify(sub.error));
  return { worktree: s.value.worktree, head };
}

describe("a commit made after approval", () => {
  it("review refuses until submit; submit from Approved takes the new commit; merge names the step", async () => {
    const root = one();
    const { worktree, head } = await submitted(root);
    expect((await recordReview(root, "1.1", { verdict: "approved", findings: [], reviewer: "code-reviewer" })).ok).toBe(true);
    expect(await statusOf(root)).toBe("Approved");
    const late = work(root, worktree, "b.txt", "late\n");

    const m = await mergeStory(root, "1.1");
    expect(!m.ok && m.error[0]!.code).toBe("review-required");
    expect(!m.ok && m.error[0]!.message).toContain("run `story-orchestrator submit 1.1`, then review again");

    expect(await recordReview(root, "1.1", { verdict: "approved", findings: [], reviewer: "code-reviewer" })).toEqual({
      ok: false,
      error: [{ code: "illegal-transition", message: `story 1.1 has new commits since it was submitted (recorded ${head.slice(0, 10)}, branch at ${late.slice(0, 10)}): run \`story-orchestrator submit 1.1\` first` }],
    });
    expect(await statusOf(root)).toBe("Approved");
    expect(await submitStory(root, "1.1")).toEqual({ ok: true, value: { id: "1.1", status: "Ready for Review", headSha: late } });
    const r = await recordReview(root, "1.1", { verdict: "approved", findings: [], reviewer: "code-reviewer" });
    expect(r.ok && r.value.reviewedSha).toBe(late);
    expect((await mergeStory(root, "1.1")).ok).toBe(true);
  });

  it("submit from Approved without a new commit is still refused", async () => {
    const root = one();
    const { head } = await submitted(root);
    await recordReview(root, "1.1", { verdict: "approved", findings: [], reviewer: "code-reviewer" });
    expect(await submitStory(root, "1.1")).toEqual({
      ok: false,
      error: [{ code: "illegal-transition", message: `story 1.1: cannot submit from "Approved" without new commits (head is still ${head.slice(0, 10)}). Next: merge it: \`story-orchestrator merge 1.1\`` }],
    });
  });
});

describe("parallel reviewers", () => {
  it("a second reviewer's verdict on the same head is recorded in Changes Requested, without another round", async () => {
    const root = two();
    const { head } = await submitted(root);
    const first = await recordReview(root, "1.1", { verdict: "changes-requested", findings: HIGH, reviewer: "code-reviewer" });
    expect(first.ok && first.value.status).toBe("Changes Requested");
    const sec = await recordReview(root, "1.1", { verdict: "changes-requested", findings: [{ severity: "CRITICAL", message: "secret in repo" }], reviewer: "security-reviewer" });
    expect(sec.ok && sec.value).toMatchObject({ status: "Changes Requested", reviewedSha: head });
    const state = JSON.parse(readFileSync(join(root, ".agent-orchestration/story-1.1.json"), "utf8"));
    expect(state.fixRounds).toBe(1);
    expect(state.reviews.map((r: { reviewer: string; findings: unknown[] }) => [r.reviewer, r.findings.length])).toEqual([["code-reviewer", 1], ["security-reviewer", 1]]);
    // Also after `start` sent the developer back (the hook passes the reviewed commit). An agent's
    // approval of the rejected commit is recorded but counts for nothing.
    const again = await startStory(root, "1.1");
    expect(again.ok).toBe(true);
    const third = await recordReview(root, "1.1", { verdict: "approved", findings: [], reviewer: "security-reviewer", reviewedSha: head, source: "agent" });
    expect(third.ok && third.value).toMatchObject({ status: "In Progress", counted: false, changesRequestedBy: ["code-reviewer", "security-reviewer"] });
  });

  it("both approving the head in Ready for Review makes it Approved; a late change request on the approved head sends it back", async () => {
    const root = two();
    await submitted(root);
    const a = await recordReview(root, "1.1", { verdict: "approved", findings: [], reviewer: "code-reviewer" });
    expect(a.ok && a.value).toMatchObject({ status: "Ready for Review", missing: ["security-reviewer"] });
    const b = await recordReview(root, "1.1", { verdict: "approved", findings: [], reviewer: "security-reviewer" });
    expect(b.ok && b.value.status).toBe("Approved");
    const c = await recordReview(root, "1.1", { verdict: "changes-requested", findings: HIGH, reviewer: "security-reviewer" });
    expect(c.ok && c.value.status).toBe("Changes Requested");
  });
});

describe("review input", () => {
  it("an approval with a blocking finding says why it counts as changes requested; severities in any case", () => {
    const root = one();
    const s = cli(root, ["start", "1.1"]);
    work(root, s.json.worktree, "a.txt", "1\n");
    expect(cli(root, ["submit", "1.1"]).code).toBe(0);
    const f = join(root, "..", `findings-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(f, JSON.stringify([{ severity: "high", file: "a.txt", line: 1, message: "bug" }, { severity: "Low", message: "naming" }]));
    const r = cli(root, ["review", "1.1", "--verdict", "approved", "--findings", f]);
    expect(r.code).toBe(0);
    expect(r.json.status).toBe("Changes Requested");
    expect(r.json.note).toBe("approved verdict has 1 HIGH finding, which blocks (blockingSeverities: CRITICAL, HIGH)");
    // The human output says it too (a second reviewer run on the same head, in Changes Requested).
    const human = spawnSync(process.execPath, [CLI, "review", "1.1", "--verdict", "approved", "--findings", f, "--cwd", root], { encoding: "utf8" });
    expect(human.status).toBe(0);
    expect(human.stdout).toContain("1.1: Changes Requested");
    expect(human.stdout).toContain("note: approved verdict has 1 HIGH finding, which blocks (blockingSeverities: CRITICAL, HIGH)\n");
  });

  it("a reviewer that is not configured is refused, naming the configured ones", () => {
    const root = one();
    const s = cli(root, ["start", "1.1"]);
    work(root, s.json.worktree, "a.txt", "1\n");
    cli(root, ["submit", "1.1"]);
    const r = cli(root, ["review", "1.1", "--verdict", "approved", "--reviewer", "bob"]);
    expect(r.code).toBe(1);
    expect(r.json.errors).toEqual([{ code: "usage", message: '"bob" is not a configured reviewer; configured reviewers: code-reviewer (config `reviewers`)' }]);
  });
});

describe("failed stories", () => {
  it("review, resume and summary point at `retry`", async () => {
    const root = one();
    await submitted(root);
    expect((await failStory(root, "1.1", "gave up")).ok).toBe(true);
    expect(await recordReview(root, "1.1", { verdict: "approved", findings: [], reviewer: "code-reviewer" })).toEqual({
      ok: false,
      error: [{ code: "illegal-transition", message: 'story 1.1: cannot record a review while "Failed": it failed (gave up). Next: `story-orchestrator retry 1.1` runs it again (its branch and worktree are kept)' }],
    });
    const res = await resumeRun(root);
    expect(res.ok && res.value.next).toContain("retry 1.1: `story-orchestrator retry 1.1` runs the failed story again (its branch and worktree are kept)");
    const sum = await writeSummary(root);
    expect(sum.ok && sum.value.markdown).toContain("then run them again: `story-orchestrator retry 1.1`.");
  });
});

describe("start and the run's scope", () => {
  it("refuses a story outside the recorded scope and names the way out; a wider scope is recorded while stories run", async () => {
    const root = one();
    expect((await nextStories(root, ["1.*"])).ok).toBe(true);
    expect((await startStory(root, "1.1")).ok).toBe(true);
    expect(await startStory(root, "2.1")).toEqual({
      ok: false,
      error: [{ code: "not-ready", message: "story 2.1 is outside this run's scope ('1.*'); to run it, widen the scope first: `story-orchestrator next '1.*' 2.1`" }],
    });
    expect(await statusOf(root, "2.1")).toBe("no state file");
    // Narrowing away from the active 1.1 is refused (singular grammar); widening is recorded.
    const narrow = await nextStories(root, ["2.1"]);
    expect(narrow.ok && narrow.value.warnings).toEqual([
      { code: "invalid-scope", message: "the run's scope stays 1.*: story 1.1 is still active and outside 2.1; finish or fail it first, or include it in the scope" },
    ]);
    expect(narrow.ok && narrow.value.ready.map((r) => r.id)).toEqual(["1.2"]);
    const wide = await nextStories(root, ["1.*", "2.1"]);
    expect(wide.ok && wide.value.warnings).toBeUndefined();
    expect((await startStory(root, "2.1")).ok).toBe(true);
    const p = await runProgress(root);
    expect(p.ok && p.value.stories.map((s) => [s.id, s.status])).toEqual([["1.1", "In Progress"], ["1.2", "Not Started"], ["2.1", "In Progress"]]);
  });

  it("status shows an active story outside the recorded scope", async () => {
    const root = one();
    expect((await startStory(root, "2.1")).ok).toBe(true); // no scope recorded yet: allowed
    const narrow = await nextStories(root, ["1.*"]); // 2.1 active and outside: the scope stays "all"
    expect(narrow.ok && narrow.value.warnings?.[0]!.code).toBe("invalid-scope");
    // Force the inconsistent state an older version could leave: scope 1.* with 2.1 active.
    const orchFile = join(root, ".agent-orchestration/orchestration-state.json");
    const o = JSON.parse(readFileSync(orchFile, "utf8"));
    o.scope = ["1.*"];
    writeFileSync(orchFile, JSON.stringify(o));
    const p = await runProgress(root);
    expect(p.ok && p.value.stories.map((s) => [s.id, s.status])).toEqual([["1.1", "Not Started"], ["1.2", "Not Started"], ["2.1", "In Progress"]]);
    const sum = await writeSummary(root);
    expect(sum.ok && sum.value.summary.totals.total).toBe(3);
  });
});
