// Finds the project root from any folder inside it (the rule: lib/core/project-root.ts). Reads
// the file system only, never runs git: every hook call starts here, and spawning git would cost
// more than the whole PreToolUse decision. What git itself would read is read directly: a `.git`
// folder marks a main worktree; a `.git` file (`gitdir: PATH`) a linked worktree or a submodule,
// told apart by the `commondir` file that only a linked worktree's git dir has.
import { readFileSync, readdirSync, realpathSync, statSync, type Stats } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { chooseProjectRoot, type ProjectRoot, type WorkTree } from "../../core/project-root.js";
import { CONFIG_FILE_NAME, STATE_DIR, storyIdOfFileName } from "../../core/state/state-files.js";
import { CCPM_EPICS_DIR, DEFAULT_STORY_DIRS } from "../../core/stories/story-folders.js";

/** A `.git` file is one line; anything longer is not one git wrote. */
const MAX_GIT_FILE_BYTES = 4096;

/** `stat`, with "cannot tell" (no permission, a loop) as "not there". */
function statOf(p: string): Stats | undefined {
  try {
    return statSync(p, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
const isDir = (p: string): boolean => statOf(p)?.isDirectory() === true;
const isFile = (p: string): boolean => statOf(p)?.isFile() === true;

function readSmall(p: string): string | null {
  try {
    if (!isFile(p)) return null;
    const text = readFileSync(p, "utf8");
    return text.length <= MAX_GIT_FILE_BYTES ? text : null;
  } catch {
    return null;
  }
}

/**
 * The main worktree of the linked worktree whose top is `top` (its `.git` is a file), spelled
 * from `top` so that a symlinked path keeps its spelling; null for a submodule (no `commondir`),
 * a bare repository's worktree (the common dir is not a `.git` folder) or an unreadable file.
 */
function mainWorktreeOf(top: string): string | null {
  const line = /^gitdir:\s*(.+?)\s*$/m.exec(readSmall(join(top, ".git")) ?? "");
  if (!line) return null;
  const gitDir = resolve(top, line[1]!);
  const commonDir = readSmall(join(gitDir, "commondir"))?.trim();
  if (!commonDir) return null;
  const common = resolve(gitDir, commonDir);
  if (basename(common) !== ".git") return null;
  try {
    // git writes real paths; `top` is spelled as the user reached it.
    return resolve(top, relative(realpathSync(top), realpathSync(dirname(common))));
  } catch {
    return null;
  }
}

/** The git work tree around `start` (walking up to the nearest `.git`), null outside git. */
export function findWorkTree(start: string): WorkTree | null {
  for (let dir = start; ; dir = dirname(dir)) {
    const git = statOf(join(dir, ".git"));
    if (git?.isDirectory()) return { top: dir, mainWorktree: null };
    if (git?.isFile()) return { top: dir, mainWorktree: mainWorktreeOf(dir) };
    if (dirname(dir) === dir) return null;
  }
}

/**
 * Whether `dir` holds a project: a config file, a story state file, or a story folder. A
 * `.agent-orchestration/` with only a cache, a report or a run record without stories (what
 * earlier versions left in any subfolder a verb was run from) holds nothing of a project and
 * does not make one: otherwise that leftover would capture every later command run there.
 */
export function holdsProject(dir: string): boolean {
  const state = join(dir, STATE_DIR);
  if (isFile(join(state, CONFIG_FILE_NAME))) return true;
  try {
    if (readdirSync(state).some((name) => storyIdOfFileName(name) !== null)) return true;
  } catch {
    /* no state folder */
  }
  if (DEFAULT_STORY_DIRS.some((d) => isDir(join(dir, d)))) return true;
  try {
    // ccpm: a folder per epic (the story reader wants at least one).
    return readdirSync(join(dir, CCPM_EPICS_DIR), { withFileTypes: true }).some((e) => e.isDirectory());
  } catch {
    return false;
  }
}

/** The project root for a command or hook started in `start` (resolved against the process's folder). */
export function locateProject(start: string): ProjectRoot {
  const abs = resolve(start);
  return chooseProjectRoot(abs, findWorkTree(abs), holdsProject);
}
