// Runs the real Claude Code CLI (the pinned @anthropic-ai/claude-code) against the scripted
// model server, with this repository loaded as a plugin, in a temporary git project, and
// returns the parsed stream-json events. Nothing here talks to the network beyond loopback.
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "../helpers/built-cli.js";
import { commitAll, git, tempDir } from "../helpers/git-repo.js";

export const REPO_ROOT = ROOT;
/**
 * The Claude Code binary under test: the pinned dev dependency, or another release installed
 * elsewhere (CI's check against the newest release on the registry sets CLAUDE_CODE_BIN).
 */
export const CLAUDE_BIN = process.env["CLAUDE_CODE_BIN"] || join(REPO_ROOT, "node_modules/@anthropic-ai/claude-code/bin/claude.exe");

export type StreamEvent = { type: string; subtype?: string; [k: string]: unknown };

export interface RunResult {
  exitCode: number | null;
  events: StreamEvent[];
  stderr: string;
  /** stdout lines that were not JSON (should be none). */
  noise: string[];
}

export interface RunOptions {
  project: string;
  prompt: string;
  serverUrl: string;
  /** A HOME to reuse across runs (resume tests); default: a fresh temp dir. */
  home?: string;
  /** Kill the CLI after this long (a safety net, not an assertion). Default 15 minutes. */
  timeoutMs?: number;
  /** Called for each event as it arrives; return true to kill the CLI (simulated crash). */
  onEvent?: (e: StreamEvent) => boolean | void;
  extraArgs?: string[];
  /** The plugin to load; default: this repository. */
  pluginDir?: string;
}

export function makeHome(): string {
  const home = mkdtempSync(join(tmpdir(), "so-home-"));
  writeFileSync(join(home, ".claude.json"), JSON.stringify({ hasCompletedOnboarding: true }));
  return home;
}

export { git };

/** A temp git repository on branch `main` holding `files`, committed once. */
export function makeProject(files: Record<string, string>): string {
  return commitAll(tempDir("so-proj-", files));
}

export function claudeEnv(serverUrl: string, home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith("CLAUDE") || k.startsWith("ANTHROPIC")) delete env[k];
  return {
    ...env,
    HOME: home,
    ANTHROPIC_BASE_URL: serverUrl,
    ANTHROPIC_API_KEY: "sk-test",
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
    IS_SANDBOX: "1",
    // Git identity for commits made by the tools inside the run.
    GIT_AUTHOR_NAME: "Test",
    GIT_AUTHOR_EMAIL: "test@example.com",
    GIT_COMMITTER_NAME: "Test",
    GIT_COMMITTER_EMAIL: "test@example.com",
  };
}

export function runClaude(opts: RunOptions): Promise<RunResult> {
  const home = opts.home ?? makeHome();
  const args = [
    "-p",
    opts.prompt,
    "--plugin-dir",
    opts.pluginDir ?? REPO_ROOT,
    "--permission-mode",
    "bypassPermissions",
    "--output-format",
    "stream-json",
    "--verbose",
    "--include-hook-events",
    ...(opts.extraArgs ?? []),
  ];
  const child = spawn(CLAUDE_BIN, args, { cwd: opts.project, env: claudeEnv(opts.serverUrl, home), stdio: ["ignore", "pipe", "pipe"] });
  const events: StreamEvent[] = [];
  const noise: string[] = [];
  let stderr = "";
  let buf = "";
  let killed = false;
  const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 15 * 60_000);
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
  child.stdout.on("data", (d: Buffer) => {
    buf += d.toString("utf8");
    let nl: number;
    while ((nl = buf.indexOf("\n")) >= 0) {
      const line = buf.slice(0, nl).trim();
      buf = buf.slice(nl + 1);
      if (!line) continue;
      let e: StreamEvent;
      try {
        e = JSON.parse(line) as StreamEvent;
      } catch {
        noise.push(line);
        continue;
      }
      events.push(e);
      if (!killed && opts.onEvent?.(e) === true) {
        killed = true;
        child.kill("SIGKILL");
      }
    }
  });
  return new Promise((resolveRun) => {
    child.on("close", (code) => {
      clearTimeout(timer);
      resolveRun({ exitCode: code, events, stderr, noise });
    });
  });
}

/** Tool results the main session received (user messages without parent_tool_use_id). */
export function mainToolResults(events: StreamEvent[]): { toolUseId: string; text: string; isError: boolean }[] {
  const out: { toolUseId: string; text: string; isError: boolean }[] = [];
  for (const e of events) {
    if (e.type !== "user" || e["parent_tool_use_id"]) continue;
    const content = (e["message"] as { content?: unknown })?.content;
    if (!Array.isArray(content)) continue;
    for (const b of content as { type: string; tool_use_id?: string; content?: unknown; is_error?: boolean }[]) {
      if (b.type !== "tool_result") continue;
      const text = typeof b.content === "string" ? b.content : Array.isArray(b.content) ? (b.content as { text?: string }[]).map((c) => c.text ?? "").join("\n") : "";
      out.push({ toolUseId: b.tool_use_id ?? "", text, isError: b.is_error === true });
    }
  }
  return out;
}

export function resultEvent(events: StreamEvent[]): StreamEvent | undefined {
  return events.find((e) => e.type === "result");
}
