// Runs the BUILT command-line tool (bin/story-orchestrator → dist/), as users and the slash
// command do, and asserts on what it prints. Shared by the CLI tests; not a test file itself.
import { rmSync } from "node:fs";
import { execa } from "execa";
import { BIN, ROOT } from "../helpers/built-cli.js";
import { tempDir } from "../helpers/git-repo.js";

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
  return tempDir("so-cli-", files);
}

export function removeProject(root: string): void {
  rmSync(root, { recursive: true, force: true });
}

/**
 * A test file's temp projects: `project(files)` makes one, `removeAll` (for afterAll) removes
 * every one it made.
 */
export function projectsOfTestFile(): { project: (files: Record<string, string>) => string; removeAll: () => void } {
  const temps: string[] = [];
  return {
    project: (files) => {
      const root = tempProject(files);
      temps.push(root);
      return root;
    },
    removeAll: () => temps.forEach(removeProject),
  };
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
