// The BUILT command-line tool (bin/story-orchestrator → dist/), as users, hooks and the slash
// command run it. Test files running in parallel share one build: see ensureBuilt.
import { mkdirSync, rmdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { execa } from "execa";

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const BIN = join(ROOT, "bin", "story-orchestrator");
export const HOOK_BUNDLE = join(ROOT, "dist", "hook.mjs");

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Builds dist/ once for all test files running in parallel: under a lock, and only when the
 * bundle differs from the sources, so a running test never reads a half-written file.
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
    if (check.exitCode !== 0) await execa(process.execPath, [join(ROOT, "scripts", "build.mjs")], { cwd: ROOT });
  } finally {
    rmdirSync(lock);
  }
}
