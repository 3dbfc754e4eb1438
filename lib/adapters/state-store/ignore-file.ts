// `.agent-orchestration/.gitignore`: the folder's own ignore file, written with the folder. It
// keeps the run state (story-*.json, orchestration-state.json, journal.jsonl, hooks.jsonl,
// report.md, locks) out of git whatever the repository ignores, and config.yaml in.
// `.git/info/exclude` (adapters/git.ts ensureExcluded) says the same for `git status`, but it is
// not enough for Claude Code 2.1.328 and later: under each Bash command it shows a diff of the
// files that changed in the repository while the command ran, and the snapshot behind that view
// copies `.git/info/exclude` once, at the session's first Bash command, before the engine has
// added its lines; so every engine call showed its state writes on the screen. A `.gitignore`
// inside the folder is read from the working tree each time, so the state is hidden from the
// first write on. Never written through a link, never over a file someone else put there.
import { lstatSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const STATE_IGNORE_FILE = ".gitignore";

export const STATE_IGNORE_TEXT = [
  "# story-orchestrator: the run state stays out of git (and out of Claude Code's view of the",
  "# files a Bash command changed). config.yaml is yours to commit. Written by story-orchestrator.",
  "*",
  "!config.yaml",
  "",
].join("\n");

/**
 * Writes `<dir>/.gitignore` when `dir` is a real folder (not a link) and has none. Best effort:
 * an ignore file that cannot be written only makes the screen and `git status` noisier, so it
 * never fails a state write. Synchronous: the hooks' journal calls it on its hot path.
 */
export function ensureStateIgnoreFile(dir: string): void {
  try {
    if (!lstatSync(dir, { throwIfNoEntry: false })?.isDirectory()) return;
    const file = join(dir, STATE_IGNORE_FILE);
    if (lstatSync(file, { throwIfNoEntry: false })) return; // ours, the user's, or a link: left alone
    // `wx`: O_CREAT|O_EXCL, so a link or a file that appeared meanwhile is never written through.
    writeFileSync(file, STATE_IGNORE_TEXT, { flag: "wx", mode: 0o644 });
  } catch {
    /* EEXIST (another process wrote it), read-only folder, ...: nothing to do */
  }
}
