import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);

// lib/adapters/state-store/ignore-file.ts
import { lstatSync, writeFileSync } from "node:fs";
import { join } from "node:path";
var STATE_IGNORE_FILE = ".gitignore";
var STATE_IGNORE_TEXT = [
  "# story-orchestrator: the run state stays out of git (and out of Claude Code's view of the",
  "# files a Bash command changed). config.yaml is yours to commit. Written by story-orchestrator.",
  "*",
  "!config.yaml",
  ""
].join("\n");
function ensureStateIgnoreFile(dir) {
  try {
    if (!lstatSync(dir, { throwIfNoEntry: false })?.isDirectory()) return;
    const file = join(dir, STATE_IGNORE_FILE);
    if (lstatSync(file, { throwIfNoEntry: false })) return;
    writeFileSync(file, STATE_IGNORE_TEXT, { flag: "wx", mode: 420 });
  } catch {
  }
}

export {
  ensureStateIgnoreFile
};
