// The only place that runs git (through simple-git, every call with a timeout). Functions return
// plain data; a failing git command comes back as {code, stdout, stderr} or a `git-error` Diag,
// never as a thrown exception the engine did not ask for.
import { simpleGit, type SimpleGit } from "simple-git";
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { isAbsolute, join, relative, resolve, sep } from "node:path";
import { realpathSync } from "node:fs";
import { diag, type Diag } from "../core/diagnostics.js";
import type { FileChange } from "../core/gate/merge-safety.js";
import { relativeStaysInside } from "../core/path-safety.js";

/** Identity of the commits the engine itself authors (story-file outcome, merge commits). */
export const ENGINE_IDENTITY = { name: "story-orchestrator", email: "story-orchestrator@users.noreply.local" };

export interface GitRun {
  code: number;
  stdout: string;
  stderr: string;
}

// simple-git turns whatever the `errors` hook returns into its own GitError, keeping only the
// message; so the exit code and both streams travel inside the message, marked, as JSON.
const EXIT_MARK = "\u0000story-orchestrator-git-exit\u0000";

function decodeExit(message: string): GitRun | null {
  const i = message.indexOf(EXIT_MARK);
  if (i < 0) return null;
  try {
    return JSON.parse(message.slice(i + EXIT_MARK.length)) as GitRun;
  } catch {
    return null;
  }
}

const DEFAULT_TIMEOUT_MS = 120_000;

function client(cwd: string, timeoutMs: number): SimpleGit {
  return simpleGit({
    baseDir: cwd,
    timeout: { block: timeoutMs },
    // Every non-zero exit is an outcome to inspect (merge conflicts, `--is-ancestor` = 1), so
    // keep the exit code and both streams instead of simple-git's message-only error.
    errors: (error, result) => {
      if (!result.exitCode) return error;
      const run: GitRun = { code: result.exitCode, stdout: Buffer.concat(result.stdOut).toString("utf8"), stderr: Buffer.concat(result.stdErr).toString("utf8") };
      return Buffer.from(EXIT_MARK + JSON.stringify(run), "utf8");
    },
  });
}

/** Runs `git args` in `cwd`; never throws for a non-zero exit. */
export async function runGit(cwd: string, args: string[], timeoutMs = DEFAULT_TIMEOUT_MS): Promise<GitRun> {
  try {
    const stdout = await client(cwd, timeoutMs).raw(args);
    return { code: 0, stdout, stderr: "" };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const exit = decodeExit(msg);
    if (exit) return exit;
    return { code: -1, stdout: "", stderr: msg };
  }
}

export function gitFailure(what: string, r: GitRun): Diag {
  const detail = (r.stderr || r.stdout).trim().split("\n").slice(-3).join(" | ");
  return diag("git-error", `${what} failed: ${detail || `git exited with ${r.code}`}`);
}

const engineConfig = ["-c", `user.name=${ENGINE_IDENTITY.name}`, "-c", `user.email=${ENGINE_IDENTITY.email}`, "-c", "commit.gpgsign=false"];

export async function revParse(cwd: string, ref: string): Promise<string | null> {
  const r = await runGit(cwd, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  return r.code === 0 ? r.stdout.trim() : null;
}

export async function currentBranch(cwd: string): Promise<string | null> {
  const r = await runGit(cwd, ["symbolic-ref", "--quiet", "--short", "HEAD"]);
  return r.code === 0 ? r.stdout.trim() : null;
}

export async function isAncestor(cwd: string, ancestor: string, descendant: string): Promise<boolean> {
  return (await runGit(cwd, ["merge-base", "--is-ancestor", ancestor, descendant])).code === 0;
}

export async function mergeBase(cwd: string, a: string, b: string): Promise<string | null> {
  const r = await runGit(cwd, ["merge-base", a, b]);
  return r.code === 0 ? r.stdout.trim() : null;
}

/** Commits reachable from `ref` and from no other branch, tag or worktree HEAD (what deleting it would lose). */
export async function commitsOnlyOn(cwd: string, ref: string, otherThan: string): Promise<number> {
  const r = await runGit(cwd, ["rev-list", "--count", ref, "--not", otherThan]);
  return r.code === 0 ? Number(r.stdout.trim()) : -1;
}

export interface WorktreeEntry {
  /** Absolute, real path. */
  path: string;
  head: string | null;
  /** Short branch name, or null when detached. */
  branch: string | null;
  prunable: boolean;
}

export async function listWorktrees(root: string): Promise<WorktreeEntry[]> {
  const r = await runGit(root, ["worktree", "list", "--porcelain"]);
  if (r.code !== 0) return [];
  const out: WorktreeEntry[] = [];
  let cur: WorktreeEntry | null = null;
  for (const line of r.stdout.split("\n")) {
    if (line.startsWith("worktree ")) {
      cur = { path: line.slice(9), head: null, branch: null, prunable: false };
      out.push(cur);
    } else if (cur && line.startsWith("HEAD ")) cur.head = line.slice(5);
    else if (cur && line.startsWith("branch ")) cur.branch = line.slice(7).replace(/^refs\/heads\//, "");
    else if (cur && line.startsWith("prunable")) cur.prunable = true;
  }
  return out;
}

export async function branchExists(cwd: string, branch: string): Promise<boolean> {
  return (await runGit(cwd, ["show-ref", "--verify", "--quiet", `refs/heads/${branch}`])).code === 0;
}

export async function createBranch(cwd: string, branch: string, sha: string): Promise<GitRun> {
  return runGit(cwd, ["branch", "--no-track", branch, sha]);
}

/** Moves a branch that has no commits of its own (checked by the caller) to `sha`. */
export async function resetBranchNoLoss(cwd: string, branch: string, sha: string, expectedOld: string): Promise<GitRun> {
  return runGit(cwd, ["update-ref", `refs/heads/${branch}`, sha, expectedOld]);
}

export async function addWorktree(root: string, path: string, branch: string): Promise<GitRun> {
  return runGit(root, ["worktree", "add", path, branch]);
}

export async function addDetachedWorktree(root: string, path: string, sha: string): Promise<GitRun> {
  return runGit(root, ["worktree", "add", "--detach", path, sha]);
}

/** Never `--force`: git itself refuses a worktree with changes or untracked files. */
export async function removeWorktree(root: string, path: string): Promise<GitRun> {
  return runGit(root, ["worktree", "remove", path]);
}

/**
 * Everything in a worktree that is not in its HEAD commit: changes, untracked AND ignored files
 * (`git worktree remove` without --force refuses the first two but silently deletes the third:
 * a developer's `.env.local` or notes). Paths as git prints them, directories collapsed
 * (`node_modules/`), sorted; null when git cannot say.
 */
export async function uncommittedPaths(cwd: string): Promise<string[] | null> {
  const r = await runGit(cwd, ["status", "--porcelain=v1", "--ignored=traditional", "--untracked-files=normal"]);
  if (r.code !== 0) return null;
  return r.stdout
    .split("\n")
    .filter((l) => l.length > 3)
    .map((l) => l.slice(3))
    .sort();
}

export type PristineRemoval = { removed: true } | { removed: false; reason: string };

/**
 * Removes a worktree only when it holds nothing but its HEAD commit (no changes, no untracked and
 * no ignored files), never with --force; otherwise says why it stays, naming up to 5 files.
 */
export async function removeWorktreeIfPristine(root: string, path: string): Promise<PristineRemoval> {
  const left = await uncommittedPaths(path);
  if (left === null) return { removed: false, reason: "git status failed there, so it is not known to be clean" };
  if (left.length) {
    const more = left.length > 5 ? `, and ${left.length - 5} more` : "";
    return { removed: false, reason: `it holds ${left.length} uncommitted, untracked or ignored file(s) that removing it would delete: ${left.slice(0, 5).join(", ")}${more}` };
  }
  const r = await removeWorktree(root, path);
  if (r.code !== 0) return { removed: false, reason: `git refused to remove it: ${(r.stderr || r.stdout).trim().split("\n")[0] ?? ""}` };
  return { removed: true };
}

/** Moves the checked-out branch of `worktree` back to `sha`; `--keep` refuses (touching nothing) if a local change would be lost. */
export async function resetKeep(worktree: string, sha: string): Promise<GitRun> {
  return runGit(worktree, ["reset", "--keep", sha]);
}

export async function pruneWorktrees(root: string): Promise<GitRun> {
  return runGit(root, ["worktree", "prune"]);
}

/** `git status --porcelain` lines (tracked changes and untracked files; ignored files excluded). */
export async function statusLines(cwd: string): Promise<string[] | null> {
  const r = await runGit(cwd, ["status", "--porcelain=v1", "--untracked-files=all"]);
  if (r.code !== 0) return null;
  return r.stdout.split("\n").filter((l) => l.length > 0);
}

export async function diffNameStatus(cwd: string, from: string, to: string): Promise<FileChange[] | null> {
  const r = await runGit(cwd, ["diff", "--name-status", "--no-renames", "-z", from, to]);
  if (r.code !== 0) return null;
  const parts = r.stdout.split("\0").filter((p) => p.length > 0);
  const out: FileChange[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) out.push({ status: parts[i]!.charAt(0), path: parts[i + 1]! });
  return out;
}

/**
 * Would merging `theirs` into `ours` conflict? Uses `git merge-tree --write-tree` (git >= 2.38),
 * which touches no worktree; `supported: false` on older git (the real merge then decides).
 */
export async function predictConflicts(cwd: string, ours: string, theirs: string): Promise<{ supported: boolean; conflicts: string[] }> {
  const r = await runGit(cwd, ["merge-tree", "--write-tree", "--name-only", "--no-messages", ours, theirs]);
  if (r.code === 0) return { supported: true, conflicts: [] };
  if (r.code === 1) {
    const lines = r.stdout.split("\n").filter((l) => l.length > 0);
    return { supported: true, conflicts: [...new Set(lines.slice(1))].sort() };
  }
  return { supported: false, conflicts: [] };
}

/** Commits the current content of one tracked file, as the engine. */
export async function commitOneFile(cwd: string, relPath: string, message: string): Promise<GitRun> {
  const add = await runGit(cwd, ["add", "--", relPath]);
  if (add.code !== 0) return add;
  return runGit(cwd, [...engineConfig, "commit", "--no-verify", "-m", message, "--only", "--", relPath]);
}

export async function mergeNoFf(cwd: string, branch: string, message: string): Promise<GitRun> {
  return runGit(cwd, [...engineConfig, "merge", "--no-ff", "--no-edit", "-m", message, branch]);
}

export async function unmergedFiles(cwd: string): Promise<string[]> {
  const r = await runGit(cwd, ["diff", "--name-only", "--diff-filter=U"]);
  return r.stdout.split("\n").filter((l) => l.length > 0).sort();
}

export async function mergeAbort(cwd: string): Promise<GitRun> {
  return runGit(cwd, ["merge", "--abort"]);
}

export async function mergeFfOnly(cwd: string, sha: string): Promise<GitRun> {
  return runGit(cwd, ["merge", "--ff-only", sha]);
}

/** Compare-and-swap of a branch: moves only if it still points at `expectedOld`. */
export async function updateBranchRef(cwd: string, branch: string, sha: string, expectedOld: string): Promise<GitRun> {
  return runGit(cwd, ["update-ref", "-m", "story-orchestrator: merge", `refs/heads/${branch}`, sha, expectedOld]);
}

export interface CommitInfo {
  sha: string;
  parents: string[];
  subject: string;
  authorName: string;
}

export async function commitInfo(cwd: string, sha: string): Promise<CommitInfo | null> {
  const r = await runGit(cwd, ["show", "-s", "--format=%H%x00%P%x00%an%x00%s", sha]);
  if (r.code !== 0) return null;
  const [h, p, an, s] = r.stdout.replace(/\n$/, "").split("\0");
  return { sha: h ?? sha, parents: (p ?? "").split(" ").filter(Boolean), authorName: an ?? "", subject: s ?? "" };
}

/** The main worktree's git dir shared by all worktrees (for info/exclude). */
export async function gitCommonDir(root: string): Promise<string | null> {
  const r = await runGit(root, ["rev-parse", "--git-common-dir"]);
  if (r.code !== 0) return null;
  const p = r.stdout.trim();
  return isAbsolute(p) ? p : resolve(root, p);
}

export const EXCLUDE_LINES = [".worktrees/", ".agent-orchestration/*", "!.agent-orchestration/config.yaml"];

/**
 * Keeps the engine's files out of `git status` without touching the user's tracked .gitignore:
 * `.worktrees/` and every state file (all of .agent-orchestration except config.yaml) go into
 * `.git/info/exclude`, which is local to this clone. Idempotent.
 */
export async function ensureExcluded(root: string): Promise<void> {
  const common = await gitCommonDir(root);
  if (!common) return;
  const file = join(common, "info", "exclude");
  let text = "";
  try {
    text = await readFile(file, "utf8");
  } catch {
    /* created below */
  }
  const have = new Set(text.split("\n").map((l) => l.trim()));
  const missing = EXCLUDE_LINES.filter((l) => !have.has(l));
  if (missing.length === 0) return;
  await mkdir(join(common, "info"), { recursive: true });
  const prefix = text.length && !text.endsWith("\n") ? "\n" : "";
  await writeFile(file, `${text}${prefix}# story-orchestrator (worktrees and run state)\n${missing.join("\n")}\n`, "utf8");
}

/** `path` relative to `root` with POSIX separators, or null when it is outside `root`. */
export function insideRepo(root: string, path: string): string | null {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  const rel = relative(real(root), real(path));
  return relativeStaysInside(rel) ? rel.split(sep).join("/") : null;
}

/** Path of `root` inside its repository ("" at the top level, else "sub/dir/"). */
export async function repoPrefix(root: string): Promise<string> {
  const r = await runGit(root, ["rev-parse", "--show-prefix"]);
  return r.code === 0 ? r.stdout.trim() : "";
}
