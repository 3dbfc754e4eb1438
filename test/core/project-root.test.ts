import { describe, expect, it } from "vitest";
import { chooseProjectRoot, engineWorktreeProject } from "../../lib/core/project-root.js";

/** A probe that knows which folders hold a project, and records what it was asked. */
function probe(projects: string[]): { holds: (dir: string) => boolean; asked: string[] } {
  const asked: string[] = [];
  return { holds: (dir) => (asked.push(dir), projects.includes(dir)), asked };
}

describe("chooseProjectRoot", () => {
  const main = { top: "/r", mainWorktree: null };

  it("outside git: the start folder, without probing", () => {
    const p = probe(["/x"]);
    expect(chooseProjectRoot("/x/y", null, p.holds)).toEqual({ kind: "outside-git", root: "/x/y" });
    expect(p.asked).toEqual([]);
  });

  it("the nearest folder holding a project, from the start folder up to the work tree's top", () => {
    const p = probe(["/r", "/r/apps/board"]);
    expect(chooseProjectRoot("/r/apps/board/src", main, p.holds)).toEqual({ kind: "in-git", root: "/r/apps/board", top: "/r", reason: "project-files" });
    expect(p.asked).toEqual(["/r/apps/board/src", "/r/apps/board"]);
  });

  it("the work tree's top when no folder on the way holds a project, and never a folder above it", () => {
    const p = probe(["/"]);
    expect(chooseProjectRoot("/r/notes", main, p.holds)).toEqual({ kind: "in-git", root: "/r", top: "/r", reason: "work-tree-top" });
    expect(p.asked).toEqual(["/r/notes", "/r"]);
  });

  it("an engine worktree belongs to the project holding its .worktrees folder", () => {
    const tree = { top: "/r/apps/board/.worktrees/agent-general-developer-1.1-20260101-000000", mainWorktree: "/r" };
    expect(chooseProjectRoot(`${tree.top}/src`, tree, probe([tree.top]).holds)).toEqual({ kind: "in-git", root: "/r/apps/board", top: tree.top, reason: "engine-worktree" });
    expect(engineWorktreeProject({ top: "/r/.worktrees/merge-1.1-20260101-000000", mainWorktree: "/r" })).toBe("/r");
  });

  it("a linked worktree of the user's own is its own project", () => {
    for (const top of ["/r/.worktrees/feature-x", "/elsewhere/feature", "/other/.worktrees/agent-x"]) {
      expect(engineWorktreeProject({ top, mainWorktree: "/r" })).toBeNull();
      expect(chooseProjectRoot(top, { top, mainWorktree: "/r" }, probe([top]).holds)).toMatchObject({ root: top, reason: "project-files" });
    }
    // A main worktree (or a submodule) named like one is not linked.
    expect(engineWorktreeProject({ top: "/r/.worktrees/agent-x", mainWorktree: null })).toBeNull();
  });
});
