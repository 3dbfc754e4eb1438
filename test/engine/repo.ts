// Real git repositories for engine tests: one template per test file (story files committed
// under docs/stories, see test/helpers/git-repo.ts), copied per test; and the built CLI.
import { spawnSync } from "node:child_process";
import { execa } from "execa";
import { cpSync, mkdtempSync, mkdirSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BIN } from "../helpers/built-cli.js";
import { commitAll, git, tempDir } from "../helpers/git-repo.js";

export { git };
export const CLI = BIN;

export interface StorySpec {
  id: string;
  deps?: string[];
}

/** A repo with stories `1.1` ... and config; returns a function that copies it. */
export function template(stories: StorySpec[], config = ""): () => string {
  const files: Record<string, string> = { ".agent-orchestration/config.yaml": config || "maxParallel: 4\n", "README.md": "base\n" };
  for (const s of stories) {
    files[`docs/stories/${s.id}.story-${s.id.replace(".", "-")}.md`] = `# Story ${s.id}: Story ${s.id}\n\n**Status:** Draft\n\n**Dependencies:** ${s.deps?.length ? s.deps.join(", ") : "None"}\n\n## Tasks\n- [ ] do it\n`;
  }
  const dir = commitAll(tempDir("so-tpl-", files), "init");
  return () => {
    const copy = mkdtempSync(join(tmpdir(), "so-repo-"));
    cpSync(dir, copy, { recursive: true });
    return copy;
  };
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  stdout: string;
  stderr: string;
}

export function cli(root: string, args: string[], env: Record<string, string> = {}): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args, "--json", "--cwd", root], { encoding: "utf8", env: { ...process.env, ...env } });
  let json: unknown = null;
  try {
    json = JSON.parse(r.stdout);
  } catch {
    /* killed or not JSON */
  }
  return { code: r.status, signal: r.signal, json, stdout: r.stdout, stderr: r.stderr };
}

/**
 * `cli` without blocking the test process: a test file that runs many CLI calls back to back
 * must let its event loop turn, or vitest's worker cannot answer its runner for that long
 * ("Timeout calling onTaskUpdate" after 60 s).
 */
export async function cliAsync(root: string, args: string[]): Promise<CliRun> {
  const r = await execa(process.execPath, [CLI, ...args, "--json", "--cwd", root], { reject: false });
  let json: unknown = null;
  try {
    json = JSON.parse(r.stdout);
  } catch {
    /* killed or not JSON */
  }
  return { code: r.exitCode ?? null, signal: (r.signal as NodeJS.Signals | undefined) ?? null, json, stdout: r.stdout, stderr: r.stderr };
}

/** Commits a file in the story's worktree. */
export function work(root: string, worktree: string, file: string, text: string): string {
  const wt = join(root, worktree);
  mkdirSync(join(wt, file, ".."), { recursive: true });
  writeFileSync(join(wt, file), text);
  git(wt, "add", "-A");
  git(wt, "commit", "-qm", `work on ${file}`);
  return git(wt, "rev-parse", "HEAD");
}

export const worktreesOf = (root: string): string[] => {
  try {
    return readdirSync(join(root, ".worktrees")).sort();
  } catch {
    return [];
  }
};
