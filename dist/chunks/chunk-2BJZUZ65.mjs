import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  chooseProjectRoot
} from "./chunk-2JM6FW5P.mjs";
import {
  CCPM_EPICS_DIR,
  DEFAULT_STORY_DIRS
} from "./chunk-R2CKZ2VR.mjs";
import {
  CONFIG_FILE_NAME,
  STATE_DIR,
  storyIdOfFileName
} from "./chunk-DJAYH52C.mjs";

// lib/adapters/fs/locate-project.ts
import { readFileSync, readdirSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
var MAX_GIT_FILE_BYTES = 4096;
function statOf(p) {
  try {
    return statSync(p, { throwIfNoEntry: false });
  } catch {
    return void 0;
  }
}
var isDir = (p) => statOf(p)?.isDirectory() === true;
var isFile = (p) => statOf(p)?.isFile() === true;
function readSmall(p) {
  try {
    if (!isFile(p)) return null;
    const text = readFileSync(p, "utf8");
    return text.length <= MAX_GIT_FILE_BYTES ? text : null;
  } catch {
    return null;
  }
}
function mainWorktreeOf(top) {
  const line = /^gitdir:\s*(.+?)\s*$/m.exec(readSmall(join(top, ".git")) ?? "");
  if (!line) return null;
  const gitDir = resolve(top, line[1]);
  const commonDir = readSmall(join(gitDir, "commondir"))?.trim();
  if (!commonDir) return null;
  const common = resolve(gitDir, commonDir);
  if (basename(common) !== ".git") return null;
  try {
    return resolve(top, relative(realpathSync(top), realpathSync(dirname(common))));
  } catch {
    return null;
  }
}
function findWorkTree(start) {
  for (let dir = start; ; dir = dirname(dir)) {
    const git = statOf(join(dir, ".git"));
    if (git?.isDirectory()) return { top: dir, mainWorktree: null };
    if (git?.isFile()) return { top: dir, mainWorktree: mainWorktreeOf(dir) };
    if (dirname(dir) === dir) return null;
  }
}
function holdsProject(dir) {
  const state = join(dir, STATE_DIR);
  if (isFile(join(state, CONFIG_FILE_NAME))) return true;
  try {
    if (readdirSync(state).some((name) => storyIdOfFileName(name) !== null)) return true;
  } catch {
  }
  if (DEFAULT_STORY_DIRS.some((d) => isDir(join(dir, d)))) return true;
  try {
    return readdirSync(join(dir, CCPM_EPICS_DIR), { withFileTypes: true }).some((e) => e.isDirectory());
  } catch {
    return false;
  }
}
function locateProject(start) {
  const abs = resolve(start);
  return chooseProjectRoot(abs, findWorkTree(abs), holdsProject);
}

export {
  findWorkTree,
  locateProject
};
