// Any folder, any git state (issue 9): the built CLI and hook bundle run from a subfolder of
// the project, from inside a story worktree, on a story branch, and outside git, on real
// repositories in temp folders. Each case once gave a wrong answer or left a bad state.
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CLI, git, template, work } from "./repo.js";
import { HOOK_BUNDLE, ensureBuilt } from "../helpers/built-cli.js";
import { commitAll, tempDir } from "../helpers/git-repo.js";

beforeAll(ensureBuilt, 120_000);

const fresh = template([{ id: "1.1" }, { id: "1.2", deps: ["1.1"] }]);

interface Run {
  code: number | null;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  stdout: string;
}

/** The built CLI started in `cwd` (no --cwd unless `args` has one), as a person types it. */
function runIn(cwd: string, args: string[], json = true): Run {
  const r = spawnSync(process.execPath, [CLI, ...args, ...(json ? ["--json"] : [])], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(r.stdout);
  } catch {
    /* human output */
  }
  return { code: r.status, json: parsed, stdout: r.stdout };
}

/** A copy of the template with a committed `notes/` folder. */
function withNotes(): { root: string; notes: string } {
  const root = fresh();
  const notes = join(root, "notes");
  mkdirSync(notes);
  writeFileSync(join(notes, "todo.md"), "ideas\n");
  git(root, "add", "notes");
  git(root, "commit", "-qm", "notes");
  return { root, notes };
}

const storyState = (root: string, id: string): { status: string } => JSON.parse(readFileSync(join(root, `.agent-orchestration/story-${id}.json`), "utf8"));

describe("from a subfolder of the project", () => {
  it("every verb acts on the project, from the current folder or --cwd SUBDIR, and leaves nothing in the subfolder", () => {
    const { root, notes } = withNotes();
    const status = runIn(notes, ["status"]);
    expect(status.code).toBe(0);
    expect(status.json.totals.total).toBe(2);
    expect(runIn(notes, ["next"]).json.ready).toEqual([{ id: "1.1", agent: "general-developer" }]);

    const started = runIn(tmpdir(), ["start", "1.1", "--cwd", notes]);
    expect(started.code).toBe(0);
    expect(started.json.worktree).toMatch(/^\.worktrees\/agent-general-developer-1\.1-/);
    expect(existsSync(join(root, started.json.worktree))).toBe(true);
    const head = work(root, started.json.worktree, "feature.txt", "done\n");

    expect(runIn(notes, ["submit", "1.1"]).json).toEqual({ id: "1.1", status: "Ready for Review", headSha: head });
    expect(runIn(join(root, "docs", "stories"), ["review", "1.1", "--verdict", "approved"]).json.status).toBe("Approved");
    const merged = runIn(notes, ["merge", "1.1"]);
    expect(merged.code).toBe(0);
    expect(merged.json.status).toBe("Done");
    expect(readFileSync(join(root, "feature.txt"), "utf8")).toBe("done\n");

    const resumed = runIn(notes, ["resume"]);
    expect(resumed.code).toBe(0);
    expect(JSON.stringify(resumed.json.next)).toContain("1.2");
    const summary = runIn(notes, ["summary"]);
    expect(summary.json.totals).toMatchObject({ total: 2, done: 1 });
    expect(existsSync(join(root, ".agent-orchestration", "report.md"))).toBe(true);

    expect(existsSync(join(notes, ".agent-orchestration"))).toBe(false);
    expect(git(root, "status", "--porcelain")).toBe("");
  });

  it("hooks started in a subfolder (CLAUDE_PROJECT_DIR or `hook --cwd`) guard and report the project's run", () => {
    const { root, notes } = withNotes();
    const started = runIn(root, ["start", "1.1"]);
    expect(started.code).toBe(0);
    const worktree = join(root, started.json.worktree);
    const remove = { session_id: "s", cwd: notes, tool_name: "Bash", tool_input: { command: `git worktree remove ${worktree}` } };
    const bundle = (event: string, payload: object): string =>
      spawnSync(process.execPath, [HOOK_BUNDLE, event], { cwd: notes, input: JSON.stringify(payload), encoding: "utf8", env: { ...process.env, CLAUDE_PROJECT_DIR: notes } }).stdout.trim();
    const viaCli = (event: string, payload: object): string => spawnSync(process.execPath, [CLI, "hook", event, "--cwd", notes], { input: JSON.stringify(payload), encoding: "utf8" }).stdout.trim();

    for (const answer of [bundle("PreToolUse", remove), viaCli("PreToolUse", remove)]) {
      expect(JSON.parse(answer).hookSpecificOutput).toMatchObject({ permissionDecision: "deny" });
      expect(answer).toContain("git worktree remove");
    }
    const context = bundle("SessionStart", { session_id: "s", cwd: notes });
    expect(context).toContain("a run is in progress in this project");
    expect(context).toContain("open: 1.1");
    expect(existsSync(worktree)).toBe(true);
    expect(existsSync(join(notes, ".agent-orchestration"))).toBe(false);
  });

  it("a leftover .agent-orchestration/ with no config and no story state (as earlier versions left) does not capture the subfolder", () => {
    const { notes } = withNotes();
    const stray = join(notes, ".agent-orchestration");
    mkdirSync(join(stray, "cache"), { recursive: true });
    writeFileSync(join(stray, "cache", ".gitignore"), "*\n");
    writeFileSync(join(stray, "orchestration-state.json"), JSON.stringify({ version: 1, stories: [], scope: null, integrationBranch: null }));
    writeFileSync(join(stray, "report.md"), "# Summary\n");
    const status = runIn(notes, ["status"]);
    expect(status.code).toBe(0);
    expect(status.json.stories.map((s: { id: string }) => s.id)).toEqual(["1.1", "1.2"]);
  });

  it("a project in a subfolder of a larger repository is found from below it (and --cwd to it works as before)", () => {
    const repo = commitAll(
      tempDir("so-mono-", {
        "README.md": "a repository with no stories at its top\n",
        "apps/board/.agent-orchestration/config.yaml": "maxParallel: 2\n",
        "apps/board/docs/stories/1.1.board.md": "# Story 1.1: Board\n\n**Dependencies:** None\n",
        "apps/board/src/index.ts": "export {};\n",
      }),
    );
    const app = join(repo, "apps", "board");
    const src = join(app, "src");
    const plan = runIn(src, ["plan"]);
    expect(plan.code).toBe(0);
    expect(plan.json.stories.map((s: { id: string; path: string }) => [s.id, s.path])).toEqual([["1.1", "docs/stories/1.1.board.md"]]);
    expect(runIn(repo, ["plan", "--cwd", "apps/board"]).json.stories).toHaveLength(1);
    expect(runIn(src, ["next"]).json.ready).toEqual([{ id: "1.1", agent: "general-developer" }]);
    const started = runIn(src, ["start", "1.1"]);
    expect(started.code).toBe(0);
    expect(existsSync(join(app, started.json.worktree))).toBe(true);
    expect(storyState(app, "1.1").status).toBe("In Progress");
    expect(existsSync(join(src, ".agent-orchestration"))).toBe(false);
    expect(existsSync(join(repo, ".agent-orchestration"))).toBe(false);
  });
});

describe("from inside a worktree", () => {
  it("a verb run inside a story worktree acts on the project's state and makes no state in the worktree", () => {
    const root = fresh();
    const started = runIn(root, ["start", "1.1"]);
    expect(started.code).toBe(0);
    const worktree = join(root, started.json.worktree);
    const head = work(root, started.json.worktree, "feature.txt", "done\n");

    const submitted = runIn(worktree, ["submit", "1.1"]);
    expect(submitted.code).toBe(0);
    expect(submitted.json).toEqual({ id: "1.1", status: "Ready for Review", headSha: head });
    expect(storyState(root, "1.1").status).toBe("Ready for Review");
    const status = runIn(root, ["status", "--cwd", join(worktree, "docs")]);
    expect(status.json.stories[0]).toMatchObject({ id: "1.1", status: "Ready for Review" });
    // Only the tracked config file: no run state of its own.
    expect(readdirSync(join(worktree, ".agent-orchestration"))).toEqual(["config.yaml"]);
    expect(git(worktree, "status", "--porcelain")).toBe("");
  });

  it("a linked worktree of the user's own (not one of the engine's) is a project of its own", () => {
    const root = fresh();
    const mine = join(mkdtempSync(join(tmpdir(), "so-own-wt-")), "feature");
    git(root, "worktree", "add", "-q", "-b", "feature", mine);
    expect(runIn(root, ["start", "1.1"]).code).toBe(0);
    const status = runIn(mine, ["status"]);
    expect(status.code).toBe(0);
    expect(status.json.stories[0]).toMatchObject({ id: "1.1", status: "Not Started" });
  });
});

describe("the integration branch", () => {
  const noRunState = (root: string): void => {
    const names = readdirSync(join(root, ".agent-orchestration"));
    expect(names.filter((n) => n.endsWith(".json"))).toEqual([]);
    expect(existsSync(join(root, ".worktrees"))).toBe(false);
  };

  it("start refuses when the main checkout is on a story branch, names it and says what to do, and writes nothing", () => {
    const root = fresh();
    git(root, "checkout", "-q", "-b", "story/1.1");
    const r = runIn(root, ["start", "1.1"]);
    expect(r.code).toBe(1);
    expect(r.json.errors).toHaveLength(1);
    expect(r.json.errors[0].code).toBe("invalid-integration-branch");
    expect(r.json.errors[0].message).toContain("the main checkout is on story/1.1, a story branch");
    expect(r.json.errors[0].message).toContain("`git checkout main`");
    expect(r.json.errors[0].message).toContain("baseBranch in .agent-orchestration/config.yaml");
    noRunState(root);
    expect(git(root, "branch", "--list", "story/*")).toBe("* story/1.1");
  });

  it("a story branch as config baseBranch is an invalid-config error naming the key and its line", () => {
    const root = fresh();
    git(root, "branch", "story/1.1");
    writeFileSync(join(root, ".agent-orchestration/config.yaml"), "maxParallel: 4\nbaseBranch: story/1.1\n");
    const r = runIn(root, ["start", "1.1"]);
    expect(r.code).toBe(1);
    expect(r.json.errors).toEqual([
      {
        code: "invalid-config",
        message: expect.stringMatching(/^baseBranch: must not be a story branch \(story\/\* branches are the engine's, one per story\); name the branch stories merge into, such as main/),
        file: ".agent-orchestration/config.yaml",
        line: 2,
      },
    ]);
    expect(runIn(root, ["validate"]).code).toBe(1);
    noRunState(root);
  });

  it("resume refuses a run whose recorded integration branch is a story branch, and marks nothing Done", () => {
    const root = fresh();
    const started = runIn(root, ["start", "1.1"]);
    expect(started.code).toBe(0);
    work(root, started.json.worktree, "feature.txt", "done\n");
    // What an earlier version recorded when started on story/1.1.
    const file = join(root, ".agent-orchestration/orchestration-state.json");
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, "utf8")), integrationBranch: "story/1.1" }));
    const r = runIn(root, ["resume"]);
    expect(r.code).toBe(1);
    expect(r.json.errors[0]).toMatchObject({ code: "invalid-integration-branch", file: ".agent-orchestration/orchestration-state.json" });
    expect(r.json.errors[0].message).toContain("records story/1.1, a story branch");
    expect(storyState(root, "1.1").status).toBe("In Progress");
  });
});

describe("outside any git repository", () => {
  it("the run verbs refuse, say why and what to do, and write nothing; plan and validate still read", () => {
    const dir = tempDir("so-nogit-", { "docs/stories/1.1.thing.md": "# Story 1.1: Thing\n\n**Dependencies:** None\n" });
    for (const args of [["start", "1.1"], ["resume"], ["summary"], ["next"], ["status"], ["merge", "1.1"]]) {
      const r = runIn(dir, args);
      expect(r.code, args.join(" ")).toBe(1);
      expect(r.json.errors).toEqual([{ code: "not-a-git-repository", message: expect.stringContaining(`not inside a git repository: ${dir}.`) }]);
    }
    const human = runIn(dir, ["start", "1.1"], false);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain(`not inside a git repository: ${dir}`);
    expect(human.stdout).toContain("`git init`");
    expect(existsSync(join(dir, ".agent-orchestration"))).toBe(false);

    expect(runIn(dir, ["plan"]).json.stories.map((s: { id: string }) => s.id)).toEqual(["1.1"]);
    expect(runIn(dir, ["validate"]).code).toBe(0);
    expect(existsSync(join(dir, ".agent-orchestration"))).toBe(false);
  });
});
