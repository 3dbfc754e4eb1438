// Real git repositories for engine tests: one template per test file (git init, local identity,
// story files committed under docs/stories), copied per test; and the built CLI.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, mkdirSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const CLI = resolve(__dirname, "../../bin/story-orchestrator");

export const git = (cwd: string, ...args: string[]): string => execFileSync("git", args, { cwd, encoding: "utf8" }).trim();

export interface StorySpec {
  id: string;
  deps?: string[];
}

/** A repo with stories `1.1` ... and config; returns a function that copies it. */
export function template(stories: StorySpec[], config = ""): () => string {
  const dir = mkdtempSync(join(tmpdir(), "so-tpl-"));
  git(dir, "init", "-q", "-b", "main");
  git(dir, "config", "user.name", "Test");
  git(dir, "config", "user.email", "test@example.com");
  mkdirSync(join(dir, "docs/stories"), { recursive: true });
  for (const s of stories) {
    writeFileSync(join(dir, `docs/stories/${s.id}.story-${s.id.replace(".", "-")}.md`), `# Story ${s.id}: Story ${s.id}\n\n**Status:** Draft\n\n**Dependencies:** ${s.deps?.length ? s.deps.join(", ") : "None"}\n\n## Tasks\n- [ ] do it\n`);
  }
  mkdirSync(join(dir, ".agent-orchestration"));
  writeFileSync(join(dir, ".agent-orchestration/config.yaml"), config || "maxParallel: 4\n");
  writeFileSync(join(dir, "README.md"), "base\n");
  git(dir, "add", "-A");
  git(dir, "commit", "-qm", "init");
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
