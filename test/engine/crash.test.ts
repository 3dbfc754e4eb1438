// Fault injection: the built CLI kills itself (SIGKILL) at each step of `start` and `merge`;
// then `resume` must repair what is safe, lose nothing, and the run must still finish.
import { beforeAll, describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { cli, git, template, work, worktreesOf } from "./repo.js";
import { ensureBuilt } from "../helpers/built-cli.js";

beforeAll(ensureBuilt, 120_000);

const fresh = template([{ id: "1.1" }, { id: "1.2", deps: ["1.1"] }], "maxParallel: 2\n");
const FP = "STORY_ORCHESTRATOR_FAILPOINT";

const statusOf = (root: string, id: string): string | undefined => {
  const p = join(root, `.agent-orchestration/story-${id}.json`);
  return existsSync(p) ? JSON.parse(readFileSync(p, "utf8")).status : undefined;
};

/** Drives story `id` to Done from wherever it is, the way the orchestrator would after `resume`. */
function finish(root: string, id: string, file: string): void {
  for (let i = 0; i < 8; i++) {
    const s = statusOf(root, id);
    if (s === "Done") return;
    if (s === undefined || s === "Not Started") expect(cli(root, ["start", id]).code).toBe(0);
    else if (s === "In Progress") {
      const wt = JSON.parse(readFileSync(join(root, `.agent-orchestration/story-${id}.json`), "utf8")).worktree;
      if (!existsSync(join(root, wt, file))) work(root, wt, file, `${id}\n`);
      expect(cli(root, ["submit", id]).code).toBe(0);
    } else if (s === "Ready for Review") expect(cli(root, ["review", id, "--verdict", "approved"]).code).toBe(0);
    else if (s === "Approved") {
      const m = cli(root, ["merge", id]);
      expect(m.stdout + m.stderr).toContain('"status":"Done"');
    } else throw new Error(`unexpected status ${s}`);
  }
  throw new Error(`story ${id} did not finish`);
}

function assertFinished(root: string, file: string): void {
  expect(statusOf(root, "1.1")).toBe("Done");
  expect(readFileSync(join(root, file), "utf8")).toBe("1.1\n");
  expect(git(root, "status", "--porcelain")).toBe("");
  expect(worktreesOf(root).filter((w) => w.startsWith("merge-"))).toEqual([]);
  expect(git(root, "log", "--format=%s", "main")).toContain("Merge story 1.1: Story 1.1");
  // Merged exactly once.
  expect(git(root, "log", "--format=%s", "main").split("\n").filter((l) => l === "Merge story 1.1: Story 1.1")).toHaveLength(1);
  // And the run goes on: 1.2 is ready now.
  expect(cli(root, ["next"]).json.ready.map((r: { id: string }) => r.id)).toEqual(["1.2"]);
}

describe("resume after SIGKILL at every step of start", () => {
  for (const point of ["start:after-branch", "start:after-worktree", "start:after-state"]) {
    it(point, () => {
      const root = fresh();
      const killed = cli(root, ["start", "1.1"], { [FP]: point });
      expect(killed.signal).toBe("SIGKILL");
      const r = cli(root, ["resume"]);
      expect(r.code).toBe(0);
      expect(r.json.problems).toEqual([]);
      finish(root, "1.1", "src/one.txt");
      assertFinished(root, "src/one.txt");
    });
  }
});

describe("resume after SIGKILL at every step of merge", () => {
  for (const point of ["merge:after-story-commit", "merge:after-merge-commit", "merge:after-verify", "merge:after-advance", "merge:after-state"]) {
    it(point, () => {
      const root = fresh();
      const s = cli(root, ["start", "1.1"]);
      const head = work(root, s.json.worktree, "src/one.txt", "1.1\n");
      cli(root, ["submit", "1.1"]);
      cli(root, ["review", "1.1", "--verdict", "approved"]);
      const killed = cli(root, ["merge", "1.1"], { [FP]: point });
      expect(killed.signal).toBe("SIGKILL");
      const r = cli(root, ["resume"]);
      expect(r.code).toBe(0);
      expect(r.json.problems).toEqual([]);
      // Nothing lost: the reviewed commit is still on the story branch.
      expect(git(root, "merge-base", "--is-ancestor", head, "story/1.1")).toBe("");
      finish(root, "1.1", "src/one.txt");
      assertFinished(root, "src/one.txt");
      expect(git(root, "merge-base", "--is-ancestor", head, "main")).toBe("");
    });
  }

  it("a lock left by a killed process is detected as stale", () => {
    const root = fresh();
    const killed = cli(root, ["merge", "1.1"], { [FP]: "merge:after-story-commit" });
    // Refused before the failpoint (nothing to merge) — so kill inside start instead, holding the state lock.
    expect(killed.code).toBe(1);
    const k2 = cli(root, ["start", "1.1"], { [FP]: "start:after-worktree" });
    expect(k2.signal).toBe("SIGKILL");
    expect(existsSync(join(root, ".agent-orchestration/.lock"))).toBe(true);
    // Any later call breaks the stale lock (its holder pid is dead) instead of timing out.
    expect(cli(root, ["next"]).code).toBe(0);
    const r = cli(root, ["resume"]);
    expect(r.code).toBe(0);
    expect(existsSync(join(root, ".agent-orchestration/.lock"))).toBe(false);
  });
});
