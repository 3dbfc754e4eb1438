// Which folder is the project, given the folder a command (or a hook) was started in. Pure: the
// adapter (lib/adapters/fs/locate-project.ts) reads the disk and passes what it found in, and a
// probe that says whether a folder holds a project.
//
// The rule, in order:
//   1. Outside any git repository: the start folder itself (only `plan`, `validate`, `init` and
//      `hook` work there; the run verbs refuse, see lib/cli/repository-check.ts).
//   2. Inside one of the engine's own worktrees (`<project>/.worktrees/agent-*` or `merge-*`,
//      a linked worktree of the same repository): the project that worktree belongs to. A
//      developer or a person in a story worktree acts on the run's one state, never on a second
//      `.agent-orchestration/` inside the worktree.
//   3. Otherwise, from the start folder up to the top of its git work tree, the nearest folder
//      that holds a project (`.agent-orchestration/config.yaml`, a story state file, or one of the
//      detected story folders); if none does, the work tree's top. "Nearest", not "the top": a
//      project may be a subfolder of a larger repository (this repository's examples/taskboard).
// A linked worktree of the user's own (`git worktree add ../feature`) is a project of its own:
// its top is rule 3's top. It has its own checkout of the stories, so it gets its own state.
import { basename, dirname, relative } from "node:path";
import { relativeStaysInside } from "./path-safety.js";

/** Where the engine makes its worktrees, relative to the project root. */
export const WORKTREES_DIR = ".worktrees";
/** Name prefixes of the worktrees the engine makes there: stories (`start`), merges (`merge`). */
export const ENGINE_WORKTREE_PREFIXES = ["agent-", "merge-"] as const;

/** What the adapter found about the git work tree around the start folder. */
export interface WorkTree {
  /** The nearest folder at or above the start folder that holds `.git` (a folder or a file). */
  top: string;
  /**
   * When `top` is a linked worktree (`.git` is a file naming a git dir with a `commondir`): the
   * main worktree's folder, in the same path spelling as `top`. Null for a main worktree, a
   * submodule, or a worktree of a bare repository.
   */
  mainWorktree: string | null;
}

export type ProjectRoot =
  | { kind: "outside-git"; root: string }
  | {
      kind: "in-git";
      root: string;
      /** Top of the git work tree the command was started in. */
      top: string;
      /** Which rule chose `root` (see the top of this file). */
      reason: "engine-worktree" | "project-files" | "work-tree-top";
    };

/** Whether `inner` is `outer` or inside it. */
function within(outer: string, inner: string): boolean {
  return relativeStaysInside(relative(outer, inner));
}

/**
 * The project an engine worktree belongs to: `top` is `<project>/.worktrees/<agent-|merge->...`,
 * linked to a repository whose main worktree holds `<project>`. Null for any other work tree.
 */
export function engineWorktreeProject(tree: WorkTree): string | null {
  if (tree.mainWorktree === null) return null;
  const holder = dirname(tree.top);
  if (basename(holder) !== WORKTREES_DIR) return null;
  const name = basename(tree.top);
  if (!ENGINE_WORKTREE_PREFIXES.some((p) => name.startsWith(p))) return null;
  const project = dirname(holder);
  return within(tree.mainWorktree, project) ? project : null;
}

/**
 * The project root for a command started in `start` (absolute, normalised). `tree`: the git work
 * tree around it, null outside git. `holdsProject(dir)`: whether `dir` holds a project's files
 * (asked for `start` and its parents up to the work tree's top, nearest first, until one does).
 */
export function chooseProjectRoot(start: string, tree: WorkTree | null, holdsProject: (dir: string) => boolean): ProjectRoot {
  if (tree === null) return { kind: "outside-git", root: start };
  const owner = engineWorktreeProject(tree);
  if (owner !== null) return { kind: "in-git", root: owner, top: tree.top, reason: "engine-worktree" };
  // `start` is inside `tree.top` (the adapter found the top by walking up from it); the checks on
  // `dir` only stop a wrong caller from walking to the file system's root.
  for (let dir = start; within(tree.top, dir); dir = dirname(dir)) {
    if (holdsProject(dir)) return { kind: "in-git", root: dir, top: tree.top, reason: "project-files" };
    if (dir === tree.top || dirname(dir) === dir) break;
  }
  return { kind: "in-git", root: tree.top, top: tree.top, reason: "work-tree-top" };
}
