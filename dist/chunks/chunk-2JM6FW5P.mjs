import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  relativeStaysInside
} from "./chunk-IWUPKGEU.mjs";

// lib/core/project-root.ts
import { basename, dirname, relative } from "node:path";
var WORKTREES_DIR = ".worktrees";
var ENGINE_WORKTREE_PREFIXES = ["agent-", "merge-"];
function within(outer, inner) {
  return relativeStaysInside(relative(outer, inner));
}
function engineWorktreeProject(tree) {
  if (tree.mainWorktree === null) return null;
  const holder = dirname(tree.top);
  if (basename(holder) !== WORKTREES_DIR) return null;
  const name = basename(tree.top);
  if (!ENGINE_WORKTREE_PREFIXES.some((p) => name.startsWith(p))) return null;
  const project = dirname(holder);
  return within(tree.mainWorktree, project) ? project : null;
}
function chooseProjectRoot(start, tree, holdsProject) {
  if (tree === null) return { kind: "outside-git", root: start };
  const owner = engineWorktreeProject(tree);
  if (owner !== null) return { kind: "in-git", root: owner, top: tree.top, reason: "engine-worktree" };
  for (let dir = start; within(tree.top, dir); dir = dirname(dir)) {
    if (holdsProject(dir)) return { kind: "in-git", root: dir, top: tree.top, reason: "project-files" };
    if (dir === tree.top || dirname(dir) === dir) break;
  }
  return { kind: "in-git", root: tree.top, top: tree.top, reason: "work-tree-top" };
}

export {
  WORKTREES_DIR,
  engineWorktreeProject,
  chooseProjectRoot
};
