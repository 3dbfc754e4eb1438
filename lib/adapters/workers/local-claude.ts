// Workers as local `claude -p` processes (execa, no shell: the prompt is an argument, never
// shell text). Every stdout line goes to the worker's log file as it arrives, so a crash of the
// runner loses nothing the worker said; the lines the runner acts on are validated by zod
// (core/run/worker-protocol.ts).
//
// Why not @anthropic-ai/claude-agent-sdk (README "Headless runs"): its bundle adds 1.1 MB to
// dist/ (dist/ is 1.7 MB today), its licence is Anthropic's own terms rather than one we can
// redistribute inside an MIT bundle, and it drives the CLI over a control protocol tied to its
// own release, while the user's `claude` may be any release. What the runner needs (session
// resume, budget cap, structured output, the plugin's agent) is all CLI flags.
import { createWriteStream, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { execa } from "execa";
import { diag, err, ok, type Diag, type Result } from "../../core/diagnostics.js";
import { readStreamLine, type ResultMessage } from "../../core/run/worker-protocol.js";
import type { WorkerBackend, WorkerEnd, WorkerHandle, WorkerSpec } from "./worker-backend.js";

export interface LocalClaudeOptions {
  /** The `claude` executable: config/env, else `claude` on PATH. */
  claudeBin: string;
  /** The plugin root to load (`--plugin-dir`), so the hooks guard the worker. */
  pluginDir: string;
  /** How long a stopped worker gets between SIGTERM and SIGKILL. */
  graceMs?: number;
}

export function claudeArgs(spec: WorkerSpec, pluginDir: string): string[] {
  return [
    "-p",
    spec.prompt,
    "--agent",
    `story-orchestrator:${spec.agent}`,
    "--plugin-dir",
    pluginDir,
    // Unattended: no one is there to answer a permission prompt. The plugin's hooks are the
    // guard (worktree confinement, git guard, safety rules).
    "--permission-mode",
    "bypassPermissions",
    "--output-format",
    "stream-json",
    "--verbose",
    "--json-schema",
    spec.jsonSchema,
    ...(spec.resumeSession ? ["--resume", spec.resumeSession] : []),
    ...(spec.capUsd !== undefined ? ["--max-budget-usd", spec.capUsd.toFixed(4)] : []),
  ];
}

export function localClaudeBackend(opts: LocalClaudeOptions): WorkerBackend {
  return { launch: (spec) => launchLocal(spec, opts), check: () => checkClaude(opts.claudeBin) };
}

/** How long a worker may take to exit after its result line (WorkerSpec.exitGraceMs). */
const EXIT_GRACE_MS = 10_000;

/** `claude --version` answers in well under a second; this only keeps a wedged binary from holding the run. */
const CHECK_TIMEOUT_MS = 15_000;

/**
 * Runs `<claude> --version` (no shell, no stdin). Anything but a clean exit (not found, not
 * executable, a crash, a hang) means no worker could start: said once, naming the path tried.
 */
export async function checkClaude(claudeBin: string): Promise<Result<string, Diag[]>> {
  const r = await execa(claudeBin, ["--version"], { reject: false, stdin: "ignore", timeout: CHECK_TIMEOUT_MS, env: { ...process.env, CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1" } });
  const out = String(r.stdout).trim();
  if (!r.failed && r.exitCode === 0) return ok(out.split("\n")[0] ?? "");
  const why = r.timedOut
    ? `did not answer \`--version\` within ${CHECK_TIMEOUT_MS / 1000} s`
    : r.code === "ENOENT"
      ? "was not found"
      : r.code === "EACCES"
        ? "is not executable"
        : `failed \`--version\` (${r.signal ? `killed by ${r.signal}` : `exit ${r.exitCode ?? "?"}`}${lastLine(String(r.stderr)) ? `: ${lastLine(String(r.stderr))}` : ""})`;
  return err([
    diag(
      "worker-unavailable",
      `the Claude Code executable "${claudeBin}" ${why}, so no worker could start; nothing was changed. ` +
        "Install Claude Code, or give the path of a working `claude` with `story-orchestrator run --claude PATH` (or the STORY_ORCHESTRATOR_CLAUDE environment variable).",
    ),
  ]);
}

const lastLine = (s: string): string => s.trim().split("\n").at(-1)?.trim() ?? "";

function launchLocal(spec: WorkerSpec, opts: LocalClaudeOptions): WorkerHandle {
  mkdirSync(dirname(spec.logFile), { recursive: true });
  const log = createWriteStream(spec.logFile, { flags: "a" });
  log.write(`${JSON.stringify({ type: "runner", event: "launch", at: new Date().toISOString(), storyId: spec.storyId, role: spec.role, agent: spec.agent, resume: spec.resumeSession ?? null, capUsd: spec.capUsd ?? null })}\n`);
  const child = execa(opts.claudeBin, claudeArgs(spec, opts.pluginDir), {
    cwd: spec.cwd,
    env: spec.env,
    stdin: "ignore",
    reject: false,
    buffer: false,
    // The worker's own children (its Bash tool) go with it when it is stopped.
    cleanup: true,
  });
  let sessionId = spec.resumeSession;
  let result: ResultMessage | undefined;
  let stoppedAs: { kind: "timed-out" | "silent" | "stopped"; detail: string } | undefined;
  const sessionCbs: ((s: string) => void)[] = [];
  const activityCbs: (() => void)[] = [];
  let stderrTail = "";
  /** Set when the process outlived its exit grace after the result line, and was killed. */
  let hungAfterResult: string | undefined;
  let exitGrace: NodeJS.Timeout | undefined;

  const stop = (kind: "timed-out" | "silent" | "stopped", detail: string) => {
    if (stoppedAs || result) return;
    stoppedAs = { kind, detail };
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), opts.graceMs ?? 5000).unref();
  };
  const wall = setTimeout(() => stop("timed-out", `ran past its wall-time limit (${Math.round(spec.wallTimeMs / 1000)} s)`), spec.wallTimeMs);
  let silence = setTimeout(() => stop("silent", `printed nothing for ${Math.round(spec.silenceMs / 1000)} s`), spec.silenceMs);
  const active = () => {
    clearTimeout(silence);
    silence = setTimeout(() => stop("silent", `printed nothing for ${Math.round(spec.silenceMs / 1000)} s`), spec.silenceMs);
    for (const cb of activityCbs) cb();
  };

  const onLine = (text: string) => {
    const line = text.trim();
    if (!line) return;
    log.write(`${line}\n`);
    const m = readStreamLine(line);
    if (m.kind === "init" && sessionId !== m.sessionId) {
      sessionId = m.sessionId;
      for (const cb of sessionCbs) cb(m.sessionId);
    } else if (m.kind === "result" && !result) {
      result = m.result;
      // The work is done once the result line is out. A process that then does not exit (a
      // hook or a child holding it open) would hold its story until the wall time: it is given
      // a short grace, then ended the way a stopped worker is.
      const graceMs = spec.exitGraceMs ?? EXIT_GRACE_MS;
      exitGrace = setTimeout(() => {
        hungAfterResult = `did not exit within ${graceMs / 1000} s of its result line, and was killed`;
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), opts.graceMs ?? 5000).unref();
      }, graceMs);
    }
    active();
  };
  let buf = "";
  // Decoded by the stream (a StringDecoder), not chunk by chunk: a character whose bytes
  // arrive in two chunks would otherwise become two U+FFFD in the report and the log.
  child.stdout?.setEncoding("utf8");
  child.stdout?.on("data", (d: string) => {
    buf += d;
    let nl: number;
    while ((nl = buf.indexOf("\n")) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      onLine(line);
    }
  });
  child.stderr?.setEncoding("utf8");
  child.stderr?.on("data", (d: string) => {
    stderrTail = (stderrTail + d).slice(-2000);
  });

  const done: Promise<WorkerEnd> = child.then((r) => {
    // A last line the process did not end with a newline is still a line (read before the
    // timers are cleared: reading it restarts the silence timer).
    onLine(buf);
    buf = "";
    clearTimeout(wall);
    clearTimeout(silence);
    clearTimeout(exitGrace);
    const end: WorkerEnd = result
      ? { kind: "finished", result, ...(sessionId ? { sessionId } : {}), ...(hungAfterResult ? { detail: hungAfterResult } : {}) }
      : stoppedAs
        ? { ...stoppedAs, ...(sessionId ? { sessionId } : {}) }
        : { kind: "crashed", ...(sessionId ? { sessionId } : {}), detail: crashDetail(r.exitCode, r.signal, r.failed && !r.exitCode ? r.shortMessage : undefined, stderrTail) };
    return new Promise<WorkerEnd>((resolve) => {
      log.end(`${JSON.stringify({ type: "runner", event: "end", at: new Date().toISOString(), end: end.kind, ...(end.detail !== undefined ? { detail: end.detail } : {}) })}\n`, () => resolve(end));
    });
  });

  return {
    pid: child.pid,
    sessionId: () => sessionId,
    onSession: (cb) => sessionCbs.push(cb),
    onActivity: (cb) => activityCbs.push(cb),
    done,
    stop: () => stop("stopped", "the run was interrupted"),
  };
}

function crashDetail(code: number | undefined, signal: string | undefined, message: string | undefined, stderr: string): string {
  const how = message ?? (signal ? `was killed by ${signal}` : `exited with ${code ?? "?"} and no result`);
  const tail = stderr.trim().split("\n").slice(-3).join(" | ");
  return tail ? `${how}: ${tail}` : how;
}
