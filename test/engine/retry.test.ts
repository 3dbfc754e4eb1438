// `retry ID` on a real repository: a Failed story goes back to Not Started, the stories it
// blocked wait for it again, and a new start reuses its branch and worktree through to a merge.
import { beforeAll, describe, expect, it } from "vitest";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { cli, git, template, work, worktreesOf } from "./repo.js";
import { ensureBuilt } from "../helpers/built-cli.js";
import { startStory } from "../../lib/engine/start.js";
import { submitStory } from "../../lib/engine/submit.js";
import { recordReview } from "../../lib/engine/review.js";
import { nextStories } from "../../lib/engine/next.js";
import { failStory } from "../../lib/engine/fail.js";
import { retryStory } from "../../lib/engine/retry.js";
import { readRunState } from "../../lib/engine/run-state.js";

beforeAll(ensureBuilt, 120_000);

// 1.2 and 1.4 depend on 1.1 (1.4 through 1.2); 1.5 depends on 1.1 and 1.3; 1.3 is independent.
const fresh = template(
  [{ id: "1.1" }, { id: "1.2", deps: ["1.1"] }, { id: "1.3" }, { id: "1.4", deps: ["1.2"] }, { id: "1.5", deps: ["1.1", "1.3"] }],
  "maxParallel: 4\n",
);
const statuses = async (root: string): Promise<Record<string, string>> => {
  const r = await readRunState(root);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return Object.fromEntries(r.value.stories.map((s) => [s.storyId, s.status]));
};

describe("retry", () => {
  it("a Failed story goes back to Not Started, unblocks its dependents, and runs again on its own branch and worktree", async () => {
    const root = fresh();
    const s = await startStory(root, "1.1");
    if (!s.ok) throw new Error(JSON.stringify(s.error));
    const earlier = work(root, s.value.worktree, "a.txt", "first try\n");
    const f = await failStory(root, "1.1", "ran out of ideas");
    expect(f.ok && f.value.blocked).toEqual(["1.2", "1.4", "1.5"]);
    expect(await nextStories(root)).toMatchObject({ ok: true, value: { ready: [{ id: "1.3", agent: "general-developer" }], running: [], waiting: [], blocked: ["1.2", "1.4", "1.5"] } });

    const r = cli(root, ["retry", "1.1"]);
    expect(r.code).toBe(0);
    expect(r.json).toEqual({ id: "1.1", status: "Not Started", unblocked: ["1.2", "1.4", "1.5"] });
    expect(await statuses(root)).toEqual({ "1.1": "Not Started", "1.2": "Not Started", "1.4": "Not Started", "1.5": "Not Started" });
    const n = await nextStories(root);
    expect(n).toMatchObject({ ok: true, value: { ready: [{ id: "1.1", agent: "general-developer" }, { id: "1.3", agent: "general-developer" }], running: [], waiting: ["1.2", "1.4", "1.5"], blocked: [] } });

    // History, branch and worktree are kept; the reason is cleared.
    const st = JSON.parse(readFileSync(join(root, ".agent-orchestration/story-1.1.json"), "utf8"));
    expect(st.history.map((h: { event: string }) => h.event)).toEqual(["start", "fail", "retry"]);
    expect(st.history[2].note).toBe("ran out of ideas");
    expect(st.reason).toBeNull();
    expect(st.worktree).toBe(s.value.worktree);
    expect(git(root, "rev-parse", "story/1.1")).toBe(earlier);
    expect(existsSync(join(root, s.value.worktree))).toBe(true);

    // start reuses the branch (with its earlier commit) and the worktree, keeping the base.
    const again = await startStory(root, "1.1");
    expect(again).toMatchObject({ ok: true, value: { id: "1.1", worktree: s.value.worktree, branch: "story/1.1", agent: "general-developer", baseSha: s.value.baseSha } });
    expect(worktreesOf(root)).toHaveLength(1);
    const head = work(root, s.value.worktree, "b.txt", "second try\n");
    expect(cli(root, ["submit", "1.1"]).json).toEqual({ id: "1.1", status: "Ready for Review", headSha: head });
    expect(cli(root, ["review", "1.1", "--verdict", "approved"]).json.status).toBe("Approved");
    const m = cli(root, ["merge", "1.1"]);
    expect(m.code).toBe(0);
    expect(m.json.status).toBe("Done");
    expect(readFileSync(join(root, "a.txt"), "utf8")).toBe("first try\n");
    expect(readFileSync(join(root, "b.txt"), "utf8")).toBe("second try\n");
    const after = await nextStories(root);
    expect(after.ok && after.value.ready.map((x) => x.id)).toEqual(["1.2", "1.3"]);
  });

  it("resume between retry and start leaves the retried story to the scheduler (its branch is expected)", async () => {
    const root = fresh();
    const s = await startStory(root, "1.1");
    if (!s.ok) throw new Error(JSON.stringify(s.error));
    const earlier = work(root, s.value.worktree, "a.txt", "first try\n");
    expect((await failStory(root, "1.1", "flaky")).ok).toBe(true);
    expect(cli(root, ["retry", "1.1"]).code).toBe(0);
    const r = cli(root, ["resume"]);
    expect(r.code).toBe(0);
    expect(JSON.stringify(r.json)).toContain("story/1.1 kept from an earlier attempt");
    expect((await statuses(root))["1.1"]).toBe("Not Started");
    expect(git(root, "rev-parse", "story/1.1")).toBe(earlier);
    const again = await startStory(root, "1.1");
    expect(again.ok && again.value.baseSha).toBe(s.value.baseSha);
  });

  it("start recreates the worktree of a retried story whose worktree was removed, on the same branch", async () => {
    const root = fresh();
    const s = await startStory(root, "1.1");
    if (!s.ok) throw new Error(JSON.stringify(s.error));
    const earlier = work(root, s.value.worktree, "a.txt", "kept\n");
    await failStory(root, "1.1", "stuck");
    rmSync(join(root, s.value.worktree), { recursive: true, force: true });
    git(root, "worktree", "prune");
    expect((await retryStory(root, "1.1")).ok).toBe(true);
    const again = await startStory(root, "1.1");
    if (!again.ok) throw new Error(JSON.stringify(again.error));
    expect(again.value.baseSha).toBe(s.value.baseSha);
    expect(git(join(root, again.value.worktree), "branch", "--show-current")).toBe("story/1.1");
    expect(git(join(root, again.value.worktree), "rev-parse", "HEAD")).toBe(earlier);
    expect(readFileSync(join(root, again.value.worktree, "a.txt"), "utf8")).toBe("kept\n");
  });

  it("retry starts the fix-round count over; stories blocked by another failure stay Blocked", async () => {
    const root = fresh();
    const a = await startStory(root, "1.1");
    const c = await startStory(root, "1.3");
    if (!a.ok || !c.ok) throw new Error("start failed");
    await failStory(root, "1.3", "wrong approach");
    work(root, a.value.worktree, "a.txt", "1\n");
    await submitStory(root, "1.1");
    await recordReview(root, "1.1", { verdict: "changes-requested", findings: [{ severity: "HIGH", message: "bug" }], reviewer: "code-reviewer" });
    expect(JSON.parse(readFileSync(join(root, ".agent-orchestration/story-1.1.json"), "utf8")).fixRounds).toBe(1);
    await failStory(root, "1.1", "given up");
    expect(await statuses(root)).toMatchObject({ "1.1": "Failed", "1.3": "Failed", "1.5": "Blocked" });
    expect(await retryStory(root, "1.1")).toMatchObject({ ok: true, value: { id: "1.1", status: "Not Started", unblocked: ["1.2", "1.4"] } });
    expect(await statuses(root)).toMatchObject({ "1.2": "Not Started", "1.4": "Not Started", "1.5": "Blocked" });
    expect(JSON.parse(readFileSync(join(root, ".agent-orchestration/story-1.1.json"), "utf8")).fixRounds).toBe(0);
    expect(await retryStory(root, "1.3")).toMatchObject({ ok: true, value: { id: "1.3", status: "Not Started", unblocked: ["1.5"] } });
  });

  it("a retried story whose own dependency is still Failed waits as Blocked", async () => {
    const root = fresh();
    await failStory(root, "1.1", "no");
    await failStory(root, "1.2", "also no");
    expect(await retryStory(root, "1.2")).toMatchObject({ ok: true, value: { id: "1.2", status: "Blocked", unblocked: [] } });
    expect(await statuses(root)).toMatchObject({ "1.1": "Failed", "1.2": "Blocked", "1.4": "Blocked" });
    expect(await retryStory(root, "1.1")).toMatchObject({ ok: true, value: { id: "1.1", status: "Not Started", unblocked: ["1.2", "1.4", "1.5"] } });
  });

  it("refuses any status but Failed with illegal-transition", async () => {
    const root = fresh();
    const r = cli(root, ["retry", "1.1"]);
    expect(r.code).toBe(1);
    expect(r.json).toEqual({ errors: [{ code: "illegal-transition", message: 'story 1.1: cannot retry from "Not Started"; only a Failed story can be retried. Next: start it: `story-orchestrator start 1.1`' }] });
    const started = await startStory(root, "1.1");
    const wt = started.ok ? started.value.worktree : "";
    expect(await retryStory(root, "1.1")).toEqual({ ok: false, error: [{ code: "illegal-transition", message: `story 1.1: cannot retry from "In Progress"; only a Failed story can be retried. Next: commit the work in ${wt}, then \`story-orchestrator submit 1.1\`` }] });
    await failStory(root, "1.1", "x");
    expect(await retryStory(root, "1.2")).toEqual({ ok: false, error: [{ code: "illegal-transition", message: 'story 1.2: cannot retry from "Blocked"; only a Failed story can be retried. Next: it waits for the failed 1.1: `story-orchestrator retry 1.1` runs it again' }] });
    expect(cli(root, ["retry"]).code).toBe(2);
    expect(cli(root, ["retry", "9.9"]).json.errors[0].code).toBe("unknown-story");
  });
});

describe("submit usage options through the CLI", () => {
  it("adds --tokens, --cost and --duration-ms to the story's totals; bad numbers are exit 2", async () => {
    const root = fresh();
    const s = cli(root, ["start", "1.1"]);
    work(root, s.json.worktree, "a.txt", "a\n");
    for (const [opt, bad] of [["--tokens", "1.5"], ["--tokens", "-3"], ["--cost", "abc"], ["--cost", ""], ["--duration-ms", "1e3"], ["--duration-ms", "0x10"]] as const) {
      const r = cli(root, ["submit", "1.1", opt, bad]);
      expect(r.code, `${opt} ${bad}`).toBe(2);
      expect(r.json.errors[0].code).toBe("usage");
      expect(r.json.errors[0].message).toContain(`submit: ${opt} needs`);
    }
    expect(cli(root, ["submit", "1.1", "--duration-ms"]).code).toBe(2);
    expect(await statuses(root)).toEqual({ "1.1": "In Progress" });
    const ok = cli(root, ["submit", "1.1", "--tokens", "1200", "--cost", "0.25", "--duration-ms", "60000"]);
    expect(ok.code).toBe(0);
    const st = JSON.parse(readFileSync(join(root, ".agent-orchestration/story-1.1.json"), "utf8"));
    expect({ tokens: st.tokens, costUsd: st.costUsd, durationMs: st.durationMs }).toEqual({ tokens: 1200, costUsd: 0.25, durationMs: 60000 });
    const journal = readFileSync(join(root, ".agent-orchestration/journal.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(journal.find((e) => e.event === "submit").data).toMatchObject({ tokens: 1200, costUsd: 0.25, durationMs: 60000 });
  });
});
