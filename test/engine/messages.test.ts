// Messages that guide (issue 9), on real repositories through the built CLI: a rejected commit is
// never approved, a change request says what happened and what comes next, every verb ends with
// the next step, and `next` says where each started story stands and when the run is finished.
import { fixRoundForModel } from "../../lib/core/advice/story-advice.js";
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CLI, cli, template, work } from "./repo.js";
import { ensureBuilt } from "../helpers/built-cli.js";
import { postToolUse } from "../../lib/hooks/engine-events.js";

beforeAll(ensureBuilt, 120_000);

const one = template([{ id: "1.1" }, { id: "1.2", deps: ["1.1"] }], "maxParallel: 2\n");
const two = template([{ id: "1.1" }], "reviewers: [code-reviewer, security-reviewer]\n");

/** The built CLI without --json: what a person reads. */
function human(root: string, args: string[]): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, [CLI, ...args, "--cwd", root], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, out: r.stdout + r.stderr };
}
const stateOf = (root: string, id = "1.1") => JSON.parse(readFileSync(join(root, `.agent-orchestration/story-${id}.json`), "utf8"));

/** Started, one commit, submitted: Ready for Review at `head`. */
function submitted(root: string, id = "1.1"): { worktree: string; head: string } {
  const s = cli(root, ["start", id]);
  const head = work(root, s.json.worktree, `${id}.txt`, "1\n");
  expect(cli(root, ["submit", id]).code).toBe(0);
  return { worktree: s.json.worktree, head };
}

describe("a commit a reviewer rejected is never approved", () => {
  it("review --verdict approved on the head changes were requested on is refused: commit a fix, then submit; nothing is recorded", () => {
    const root = one();
    const { worktree, head } = submitted(root);
    expect(cli(root, ["review", "1.1", "--verdict", "changes-requested"]).code).toBe(0);
    const before = readFileSync(join(root, ".agent-orchestration/story-1.1.json"), "utf8");
    const r = human(root, ["review", "1.1", "--verdict", "approved"]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`story 1.1: code-reviewer requested changes on ${head.slice(0, 10)}, so no review can approve that commit: commit a fix, then submit.`);
    expect(r.out).toContain(`Next: \`story-orchestrator start 1.1\` (the fix round), commit the fixes in ${worktree}, then \`story-orchestrator submit 1.1\` for a new review`);
    expect(r.out).not.toContain("approved by code-reviewer");
    expect(readFileSync(join(root, ".agent-orchestration/story-1.1.json"), "utf8")).toBe(before);
    // Also once the fix round has begun (In Progress), and the steps left are the last two.
    expect(cli(root, ["start", "1.1"]).code).toBe(0);
    const late = cli(root, ["review", "1.1", "--verdict", "approved"]);
    expect(late.code).toBe(1);
    expect(late.json.errors[0].message).toContain(`Next: commit the fixes in ${worktree}, then \`story-orchestrator submit 1.1\` for a new review`);
    expect(stateOf(root).reviews).toHaveLength(1);
  });

  it("with two reviewers, one change request means the other's approval of that commit is refused too", () => {
    const root = two();
    submitted(root);
    expect(cli(root, ["review", "1.1", "--verdict", "changes-requested", "--reviewer", "security-reviewer"]).code).toBe(0);
    const r = cli(root, ["review", "1.1", "--verdict", "approved", "--reviewer", "code-reviewer"]);
    expect(r.code).toBe(1);
    expect(r.json.errors[0].message).toContain("security-reviewer requested changes on");
    expect(stateOf(root)).toMatchObject({ status: "Changes Requested", fixRounds: 1 });
    expect(stateOf(root).reviews.map((x: { reviewer: string }) => x.reviewer)).toEqual(["security-reviewer"]);
  });

  it("a reviewer agent's APPROVED on a commit another reviewer rejected is recorded, never counted, and the hook says so", async () => {
    const root = two();
    const { worktree, head } = submitted(root);
    expect(cli(root, ["review", "1.1", "--verdict", "changes-requested", "--reviewer", "code-reviewer"]).code).toBe(0);
    const prompt = `Review: 1.1\nWorktree: ${join(root, worktree)}\nStory file: docs/stories/1.1.story-1-1.md\nBase: ${stateOf(root).baseSha}\nHead: ${head}`;
    const out = await postToolUse(root, {
      tool_name: "Agent",
      tool_use_id: "toolu_late",
      tool_input: { subagent_type: "story-orchestrator:security-reviewer", prompt },
      tool_response: { status: "completed", content: [{ type: "text", text: `REVIEW VERDICT\nStory: 1.1\nHead: ${head}\nVerdict: APPROVED\nFindings:\n- none` }] },
    });
    const text = JSON.parse(out).hookSpecificOutput.additionalContext as string;
    expect(text).toBe(
      `security-reviewer approved story 1.1 at ${head}, but code-reviewer requested changes on that commit, so it cannot be approved: only a new commit gets a new review. ` +
        `Next: ${fixRoundForModel("1.1")} of code-reviewer.`,
    );
    expect(stateOf(root).status).toBe("Changes Requested");
    expect(stateOf(root).reviews.map((x: { reviewer: string; verdict: string }) => `${x.reviewer} ${x.verdict}`)).toEqual(["code-reviewer changes-requested", "security-reviewer approved"]);
    const m = cli(root, ["merge", "1.1"]);
    expect(m.code).toBe(1);
  });
});

describe("after a change request", () => {
  it("review says who asked for changes on which commit, the round, and the fix round's steps", () => {
    const root = one();
    const { worktree, head } = submitted(root);
    const r = human(root, ["review", "1.1", "--verdict", "changes-requested"]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      `1.1: Changes Requested: code-reviewer requested changes on ${head.slice(0, 10)} (fix round 1 of 3)\n` +
        `Next: fix round: \`story-orchestrator start 1.1\` (the fix round), commit the fixes in ${worktree}, then \`story-orchestrator submit 1.1\` for a new review\n`,
    );
    expect(r.out).not.toContain("nobody yet");
    // The advised steps are accepted, in order.
    expect(cli(root, ["start", "1.1"]).code).toBe(0);
    work(root, worktree, "1.1.txt", "2\n");
    expect(cli(root, ["submit", "1.1"]).json.status).toBe("Ready for Review");
  });
});

/** Does the human output end with the next step (a `Next:` line or list, or the report's "Next steps")? */
const endsWithNext = (out: string): boolean => /(?:^|\n)(?:Next: [^\n]+|Next:(?:\n {2}- [^\n]+)+|## Next steps\n\n(?:- [^\n]+\n?)+)\n?$/.test(out);

describe("every verb ends with the next step", () => {
  it("plan, validate, next, start, submit, review, merge, fail, retry, status, summary, resume, cleanup, init", () => {
    const root = one();
    const seen: Record<string, string> = {};
    const run = (args: string[], code = 0) => {
      const r = human(root, args);
      expect(r.code, `${args.join(" ")}\n${r.out}`).toBe(code);
      seen[args.join(" ")] = r.out;
      return r.out;
    };
    run(["plan"]);
    run(["validate"]);
    run(["next", "1.1", "1.2"]);
    const started = run(["start", "1.1"]);
    const worktree = /in (\.worktrees\/\S+) on/.exec(started)![1]!;
    work(root, worktree, "a.txt", "1\n");
    run(["submit", "1.1"]);
    run(["review", "1.1", "--verdict", "approved"]);
    run(["merge", "1.1"]);
    run(["status"]);
    run(["fail", "1.2", "--reason", "not now"]);
    run(["retry", "1.2"]);
    run(["summary"]);
    run(["resume"]);
    run(["cleanup"]);
    run(["init"]);
    for (const [verb, out] of Object.entries(seen)) expect(endsWithNext(out), `${verb}:\n${out}`).toBe(true);
    expect(seen["submit 1.1"]).toContain("Next: its reviewers review the submitted commit (waiting for: code-reviewer): `story-orchestrator review 1.1 --reviewer code-reviewer --verdict approved`");
    expect(seen["merge 1.1"]).toMatch(/Next: `story-orchestrator next` lists the stories that may start now/);
    expect(seen["retry 1.2"]).toContain("Next: start it: `story-orchestrator start 1.2`");
  });
});

describe("next", () => {
  it("lists stories waiting for review or a merge under their own headings, not under Running, and says when the run is finished", () => {
    const root = template([{ id: "1.1" }, { id: "1.2" }, { id: "1.3" }], "maxParallel: 3\n")();
    submitted(root, "1.1");
    submitted(root, "1.2");
    expect(cli(root, ["review", "1.2", "--verdict", "approved"]).code).toBe(0);
    cli(root, ["start", "1.3"]);
    const n = human(root, ["next"]);
    expect(n.out).toContain("Ready: none\nRunning: 1.3\nWaiting for review: 1.1\nReady to merge: 1.2\n");
    expect(n.out).toContain("Next:\n  - merge 1.2: `story-orchestrator merge 1.2`\n  - review 1.1: ");
    // JSON: `running` keeps every started story (the contract); the steps they wait for are added.
    expect(cli(root, ["next"]).json).toEqual({ ready: [], running: ["1.1", "1.2", "1.3"], waiting: [], blocked: [], waitingForReview: ["1.1"], readyToMerge: ["1.2"] });
    expect(n.out).not.toContain("finished");

    const done = template([{ id: "1.1" }])();
    writeFileSync(join(done, "docs/stories/1.1.story-1-1.md"), "# Story 1.1: Story 1.1\n\n**Status:** Done\n");
    const f = human(done, ["next"]);
    expect(f.out).toBe("Ready: none\nThe run is finished: nothing is ready, running or waiting.\nNext: the run is finished: `story-orchestrator summary` writes the report\n");
    expect(cli(done, ["next"]).json).toEqual({ ready: [], running: [], waiting: [], blocked: [], finished: true });
  });
});
