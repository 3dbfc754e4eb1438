// Runs the BUILT command-line tool (bin/story-orchestrator → dist/), as users and the slash
// command do. Shared by the CLI tests; not a test file itself.
import { mkdirSync, mkdtempSync, rmSync, rmdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { execa } from "execa";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const BIN = join(ROOT, "bin", "story-orchestrator");

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Builds dist/ once for all test files running in parallel: under a lock, and only when the
 * committed bundle differs from the sources, so a running test never reads a half-written file.
 */
export async function ensureBuilt(): Promise<void> {
  const lock = join(tmpdir(), `story-orchestrator-build-${Buffer.from(ROOT).toString("hex").slice(-24)}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock older than two minutes was left by a killed run.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 120_000) rmdirSync(lock);
      } catch {
        /* gone already */
      }
      await sleep(200);
    }
  }
  try {
    const check = await execa(process.execPath, [join(ROOT, "scripts", "build.mjs"), "--check"], { cwd: ROOT, reject: false });
    if (check.exitCode !== 0) await execa("npm", ["run", "--silent", "build"], { cwd: ROOT });
  } finally {
    rmdirSync(lock);
  }
}

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export async function cli(args: readonly string[], cwd: string = ROOT): Promise<CliResult> {
  const r = await execa(process.execPath, [BIN, ...args], {
    cwd,
    reject: false,
    env: { STORY_ORCHESTRATOR_DEBUG: "", NO_COLOR: "" },
  });
  return { exitCode: r.exitCode ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A temp project from `{relative path: content}`; returns its root. */
export function tempProject(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "so-cli-"));
  for (const [rel, text] of Object.entries(files)) {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
  return root;
}

export function removeProject(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/** A stack trace or an internal error must never reach the user. */
export function noStackTrace(r: CliResult): void {
  const all = `${r.stdout}\n${r.stderr}`;
  if (/^\s+at .+:\d+:\d+\)?$/m.test(all) || /Internal error/.test(all)) {
    throw new Error(`stack trace or internal error in output:\n${all}`);
  }
}

/** A minimal BMAD-style story file. */
export function story(id: string, title: string, extra = ""): string {
  return `# Story ${id}: ${title}\n\n## Status\nDraft\n\n## Story\nAs a user I want ${title.toLowerCase()}.\n${extra}\n## Acceptance Criteria\n- [ ] It works\n`;
}
