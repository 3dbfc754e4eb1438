// locateProject on real folders: what git writes (`.git` folders, `.git` files of linked
// worktrees and submodules) read without running git.
import { describe, expect, it } from "vitest";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findWorkTree, locateProject } from "../../lib/adapters/fs/locate-project.js";
import { commitAll, git, tempDir } from "../helpers/git-repo.js";

describe("locateProject", () => {
  it("reads a linked worktree's .git file back to the main worktree, keeping the path's spelling", () => {
    const repo = commitAll(tempDir("so-loc-", { "docs/stories/1.1.a.md": "# Story 1.1: A\n", "src/a.ts": "\n" }));
    const wt = join(repo, ".worktrees", "agent-general-developer-1.1-20260101-000000");
    git(repo, "worktree", "add", "-q", "-b", "story/1.1", wt);
    const link = join(tempDir("so-loc-link-"), "project");
    symlinkSync(repo, link);
    const viaLink = join(link, ".worktrees", "agent-general-developer-1.1-20260101-000000", "src");
    expect(findWorkTree(viaLink)).toEqual({ top: join(link, ".worktrees", "agent-general-developer-1.1-20260101-000000"), mainWorktree: link });
    expect(locateProject(viaLink)).toMatchObject({ kind: "in-git", root: link, reason: "engine-worktree" });
    expect(locateProject(join(repo, "src"))).toMatchObject({ root: repo, reason: "project-files" });
  });

  it("a submodule's .git file (no commondir) is a work tree of its own, not a linked worktree", () => {
    const dir = tempDir("so-loc-sub-", { "sub/.git": "gitdir: ../.git/modules/sub\n" });
    mkdirSync(join(dir, ".git", "modules", "sub"), { recursive: true });
    writeFileSync(join(dir, ".git", "HEAD"), "ref: refs/heads/main\n");
    expect(findWorkTree(join(dir, "sub"))).toEqual({ top: join(dir, "sub"), mainWorktree: null });
  });

  it("a .agent-orchestration/ holding only a cache is no project; a config file or a story state is", () => {
    const repo = commitAll(tempDir("so-loc-st-", { "README.md": "\n", "a/.agent-orchestration/cache/.gitignore": "*\n", "b/.agent-orchestration/story-1.1.json": "{}", "c/.agent-orchestration/config.yaml": "\n" }));
    expect(locateProject(join(repo, "a")).root).toBe(repo);
    expect(locateProject(join(repo, "b")).root).toBe(join(repo, "b"));
    expect(locateProject(join(repo, "c")).root).toBe(join(repo, "c"));
  });

  it("a subfolder holding any known story folder (BMAD v6 output, sprint artifacts, ccpm epics) is the project", () => {
    const repo = commitAll(
      tempDir("so-loc-stories-", {
        "README.md": "\n",
        "v6/_bmad-output/implementation-artifacts/1-1-a.md": "x\n",
        "alpha/docs/sprint-artifacts/story-1-1.md": "x\n",
        "ccpm/.claude/epics/auth/13.md": "x\n",
        "none/docs/notes.md": "x\n",
      }),
    );
    for (const p of ["v6", "alpha", "ccpm"]) expect(locateProject(join(repo, p)).root, p).toBe(join(repo, p));
    expect(locateProject(join(repo, "none")).root).toBe(repo);
  });
});
