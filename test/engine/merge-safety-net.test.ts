// QA regressions around merge: a merged worktree holding ignored/untracked files is kept (never
// deleted), the engine's state files stay out of `git status` from the very first command, and a
// merge that does not complete takes the engine's bookkeeping commit back off the story branch.
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cli, git, template, work } from "./repo.js";
import { ensureBuilt } from "../helpers/built-cli.js";
import { startStory } from "../../lib/engine/start.js";
import { submitStory } from "../../lib/engine/submit.js";
import { recordReview } from "../../lib/engine/review.js";
import { mergeStory } from "../../lib/engine/merge.js";
import { cleanupWorktrees } from "../../lib/engine/cleanup.js";

beforeAll(ensureBuilt, 120_000);

const fresh = template([{ id: "1.1" }, { id: "1.2" }], "maxParallel: 2\nverifyCommand: \"echo checking; test ! -f BROKEN || { echo 'BROKEN is here' >&2; exit 3; }\"\n");
const approve = (root: string, id: string) => recordReview(root, id, { verdict: "approved", findings: [], reviewer: "code-reviewer" });
const STORY_FILE = "docs/stories/1.1.story-1-1.md";

async function started(root: string, id: string): Promise<string> {
  const s = await startStory(root, id);
  if (!s.ok) throw new Error(JSON.stringify(s.error));
  return s.value.worktree;
}

describe("merge keeps worktrees that hold files it would delete", () => {
  it("an ignored file in the story worktree: merged, worktree and file kept, reason names the file", async () => {
    const root = fresh();
    const wt = await started(root, "1.1");
    work(root, wt, ".gitignore", "*.local\n");
    writeFileSync(join(root, wt, "dev.local"), "secret notes\n");
    expect((await submitStory(root, "1.1")).ok).toBe(true);
    expect((await approve(root, "1.1")).ok).toBe(true);
    const m = await mergeStory(root, "1.1");
    if (!m.ok) throw new Error(JSON.stringify(m.error));
    expect(m.value.keptWorktree).toBe(wt);
    expect(m.value.keptReason).toContain("dev.local");
    expect(m.value.warnings.map((w) => [w.code, w.file])).toEqual([["dirty-worktree", wt]]);
    expect(readFileSync(join(root, wt, "dev.local"), "utf8")).toBe("secret notes\n");
    // cleanup follows the same rule.
    const c = await cleanupWorktrees(root);
    if (!c.ok) throw new Error(JSON.stringify(c.error));
    expect(c.value.removed).toEqual([]);
    expect(c.value.kept).toHaveLength(1);
    expect(c.value.kept[0]!.worktree).toBe(wt);
    expect(c.value.kept[0]!.reason).toContain("dev.local");
    expect(existsSync(join(root, wt, "dev.local"))).toBe(true);
  });

  it("a clean merged worktree is still removed by merge", async () => {
    const root = fresh();
    const wt = await started(root, "1.1");
    work(root, wt, "a.txt", "a\n");
    await submitStory(root, "1.1");
    await approve(root, "1.1");
    const m = await mergeStory(root, "1.1");
    expect(m.ok && [m.value.keptWorktree, m.value.keptReason, m.value.warnings]).toEqual([null, null, []]);
    expect(existsSync(join(root, wt))).toBe(false);
  });
});

describe("state files stay out of git status", () => {
  it("`next 1.*` on a fresh repository leaves git status empty (info/exclude, not .gitignore)", () => {
    const root = fresh();
    const r = cli(root, ["next", "1.*"]);
    expect(r.code).toBe(0);
    expect(existsSync(join(root, ".agent-orchestration/orchestration-state.json")) || existsSync(join(root, ".agent-orchestration/journal.jsonl"))).toBe(true);
    expect(git(root, "status", "--porcelain", "--untracked-files=all")).toBe("");
    expect(existsSync(join(root, ".gitignore"))).toBe(false);
    const exclude = readFileSync(join(root, ".git/info/exclude"), "utf8");
    cli(root, ["next", "1.*"]);
    expect(readFileSync(join(root, ".git/info/exclude"), "utf8")).toBe(exclude); // idempotent
  });

  it("`summary` writes its report the same way: a lost exclude file is put back", () => {
    const root = fresh();
    expect(cli(root, ["next", "1.*"]).code).toBe(0);
    const exclude = readFileSync(join(root, ".git/info/exclude"), "utf8");
    unlinkSync(join(root, ".git/info/exclude")); // e.g. a state folder carried over to a new clone
    expect(cli(root, ["summary"]).code).toBe(0);
    expect(existsSync(join(root, ".agent-orchestration/report.md"))).toBe(true);
    expect(readFileSync(join(root, ".git/info/exclude"), "utf8")).toContain(".agent-orchestration/*\n");
    expect(exclude).toContain(".agent-orchestration/*\n");
    expect(git(root, "status", "--porcelain", "--untracked-files=all")).toBe("");
  });

  it("the state folder ignores its own files: git sees no state even with the exclude file as it was before the run", () => {
    // Claude Code 2.1.328 shows under each Bash command a diff of the files that changed in the
    // repository; its snapshot copies .git/info/exclude at the session's first Bash command,
    // before the engine adds its lines. The folder's .gitignore is read from the working tree.
    const root = fresh();
    const before = readFileSync(join(root, ".git/info/exclude"), "utf8");
    expect(cli(root, ["next", "1.*"]).code).toBe(0);
    expect(cli(root, ["summary"]).code).toBe(0);
    writeFileSync(join(root, ".git/info/exclude"), before);
    expect(existsSync(join(root, ".agent-orchestration/journal.jsonl"))).toBe(true);
    expect(git(root, "status", "--porcelain", "--untracked-files=all")).toBe("");
    // config.yaml stays the user's to commit: not ignored by the folder's rules.
    const ignored = (p: string) => spawnSync("git", ["check-ignore", "--no-index", "-q", p], { cwd: root }).status;
    expect(ignored(".agent-orchestration/config.yaml")).toBe(1);
    expect(ignored(".agent-orchestration/story-1.1.json")).toBe(0);
    expect(ignored(".agent-orchestration/report.md")).toBe(0);
  });
});

describe("a merge that does not complete takes the engine's commit back off the story branch", () => {
  it("verify fails: tip back at the approved head, story file not Done, message has output and next step; then fix, submit, review, merge", async () => {
    const root = fresh();
    const wt = await started(root, "1.1");
    const approvedHead = work(root, wt, "BROKEN", "x\n");
    await submitStory(root, "1.1");
    await approve(root, "1.1");
    const m = await mergeStory(root, "1.1");
    expect(m.ok).toBe(false);
    if (m.ok) return;
    expect(m.error.map((d) => d.code)).toEqual(["verify-failed"]);
    expect(m.error[0]!.message).toContain("exited with 3");
    expect(m.error[0]!.message).toContain("checking\nBROKEN is here");
    expect(m.error[0]!.message).toContain(`Next: fix it in ${wt}, commit, then run \`story-orchestrator submit 1.1\``);
    expect(git(root, "rev-parse", "story/1.1")).toBe(approvedHead);
    expect(git(root, "show", `story/1.1:${STORY_FILE}`)).not.toContain("Done");
    expect(readFileSync(join(root, wt, STORY_FILE), "utf8")).not.toContain("Done");
    expect(git(join(root, wt), "status", "--porcelain")).toBe("");

    // The developer fixes it; submit sees exactly their commit as the new head.
    git(join(root, wt), "rm", "-q", "BROKEN");
    git(join(root, wt), "commit", "-qm", "fix");
    const fixed = git(join(root, wt), "rev-parse", "HEAD");
    const s = await submitStory(root, "1.1");
    expect(s.ok && s.value.headSha).toBe(fixed);
    expect(git(root, "rev-list", "--count", `${approvedHead}..${fixed}`)).toBe("1");
    await approve(root, "1.1");
    const m2 = await mergeStory(root, "1.1");
    if (!m2.ok) throw new Error(JSON.stringify(m2.error));
    expect(git(root, "rev-parse", "main")).toBe(m2.value.mergedSha);
    expect(readFileSync(join(root, STORY_FILE), "utf8")).toContain("**Status:** Done");
    expect(existsSync(join(root, "BROKEN"))).toBe(false);
  });

  it("a dirty main checkout stops the advance: the engine commit comes off, the approval still holds", async () => {
    const root = fresh();
    const wt = await started(root, "1.1");
    const approvedHead = work(root, wt, "a.txt", "story\n");
    await submitStory(root, "1.1");
    await approve(root, "1.1");
    writeFileSync(join(root, "a.txt"), "local, uncommitted\n");
    const m = await mergeStory(root, "1.1");
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.error.map((d) => d.code)).toEqual(["dirty-worktree"]);
    expect(git(root, "rev-parse", "story/1.1")).toBe(approvedHead);
    unlinkSync(join(root, "a.txt"));
    const m2 = await mergeStory(root, "1.1");
    if (!m2.ok) throw new Error(JSON.stringify(m2.error));
    expect(readFileSync(join(root, "a.txt"), "utf8")).toBe("story\n");
  });

  it("never moves a tip that is not the engine's commit (a developer commit landed during verify)", async () => {
    const root = fresh();
    const wt = await started(root, "1.1");
    const approvedHead = work(root, wt, "a.txt", "a\n");
    await submitStory(root, "1.1");
    await approve(root, "1.1");
    // The verify command runs in .worktrees/merge-*: it commits in the story worktree, then fails.
    const wtName = wt.slice(".worktrees/".length);
    writeFileSync(join(root, ".agent-orchestration/config.yaml"), `verifyCommand: "cd ../${wtName} && git commit -q --allow-empty -m racing && exit 1"\n`);
    const m = await mergeStory(root, "1.1");
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.error.map((d) => d.code)).toEqual(["verify-failed"]);
    expect(git(root, "log", "-1", "--format=%s", "story/1.1")).toBe("racing");
    expect(git(root, "log", "-1", "--format=%s", "story/1.1~1")).toBe("Story 1.1: review outcome, status Done [story-orchestrator]");
    expect(git(root, "rev-parse", "story/1.1~2")).toBe(approvedHead);
  });
});
