// Sends a run event to the user's notifiers (config `notify`): a command that gets the event as
// JSON on stdin, and/or a webhook that gets a JSON POST with a Slack-compatible `text`.
// A notification is a courtesy, never a step of the run: this never throws, every failure comes
// back as data, and each notifier is bounded by a timeout so a hung one cannot hold the runner.
import { execa } from "execa";
import type { NotifyConfig } from "../../core/config/schema.js";
import { eventText, type RunEvent } from "../../core/run/run-events.js";

export interface NotifyOutcome {
  /** Targets that took the event: "command", "webhook". */
  delivered: string[];
  failed: { target: string; error: string }[];
}

export interface NotifyOptions {
  /** Per notifier; default 10 s. */
  timeoutMs?: number;
  /** Where the command runs (the project root); default the current directory. */
  cwd?: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;
/** What of a failing command's stderr is kept for the message. */
const MAX_ERROR_CHARS = 300;
/** After SIGTERM at the timeout, how long a command has to finish before SIGKILL. */
const FORCE_KILL_AFTER_MS = 2_000;

export async function notify(cfg: NotifyConfig | undefined, event: RunEvent, opts: NotifyOptions = {}): Promise<NotifyOutcome> {
  const out: NotifyOutcome = { delivered: [], failed: [] };
  if (!cfg || !cfg.events.includes(event.type)) return out;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const sends: [string, Promise<string | null>][] = [];
  if (cfg.command !== undefined) sends.push(["command", runCommand(cfg.command, event, timeoutMs, opts.cwd)]);
  if (cfg.webhook !== undefined) sends.push(["webhook", postWebhook(cfg.webhook, event, timeoutMs)]);
  // Both at once: a slow webhook does not delay the command.
  for (const [target, send] of sends) {
    const error = await send.catch((e: unknown) => `unexpected error: ${messageOf(e)}`);
    if (error === null) out.delivered.push(target);
    else out.failed.push({ target, error });
  }
  return out;
}

/**
 * The user's own command line from their config (never story text), so through their shell:
 * `shell: true` lets them write `jq .text | mail me`. Returns null on success, else the reason.
 */
async function runCommand(command: string, event: RunEvent, timeoutMs: number, cwd: string | undefined): Promise<string | null> {
  // Its own process group, stopped as a whole at the timeout: the shell's child (the user's
  // program) would otherwise outlive a killed shell and keep the pipes, and the runner, waiting.
  const group = process.platform !== "win32";
  const sub = execa(command, {
    shell: true,
    detached: group,
    cwd,
    input: JSON.stringify(event) + "\n",
    reject: false,
    stdout: "ignore",
    maxBuffer: 64 * 1024,
    env: { STORY_ORCHESTRATOR_EVENT: event.type },
  });
  let timedOut = false;
  let forceKill: NodeJS.Timeout | undefined;
  const timer = setTimeout(() => {
    timedOut = true;
    stop(sub.pid, group, "SIGTERM", () => sub.kill("SIGTERM"));
    forceKill = setTimeout(() => stop(sub.pid, group, "SIGKILL", () => sub.kill("SIGKILL")), FORCE_KILL_AFTER_MS);
  }, timeoutMs);
  const r = await sub;
  clearTimeout(timer);
  clearTimeout(forceKill);
  if (timedOut) return `timed out after ${timeoutMs} ms`;
  if (r.exitCode === 0) return null;
  const stderr = typeof r.stderr === "string" ? r.stderr.trim() : "";
  const why = r.exitCode !== undefined ? `exit code ${r.exitCode}` : r.signal ? `killed by ${r.signal}` : firstLine(r.shortMessage ?? "failed");
  return stderr ? `${why}: ${cut(stderr)}` : why;
}

/** Signals the command's whole process group (`-pid`), or only the process where there are none. */
function stop(pid: number | undefined, group: boolean, signal: NodeJS.Signals, fallback: () => void): void {
  try {
    if (group && pid !== undefined) process.kill(-pid, signal);
    else fallback();
  } catch {
    // Gone already.
  }
}

/**
 * A webhook URL is often a secret (Slack's carry their token in the path): messages name the
 * host only, never the URL.
 */
async function postWebhook(url: string, event: RunEvent, timeoutMs: number): Promise<string | null> {
  const host = hostOf(url);
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: eventText(event), event }),
      signal: AbortSignal.timeout(timeoutMs),
      redirect: "follow",
    });
    // The body is not needed; reading it (bounded by the same signal) frees the connection.
    await res.arrayBuffer().catch(() => undefined);
    return res.ok ? null : `${host} answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ""}`;
  } catch (e) {
    const name = (e as { name?: string } | null)?.name;
    if (name === "TimeoutError" || name === "AbortError") return `${host} did not answer within ${timeoutMs} ms`;
    return `cannot reach ${host} (${networkReason(e)})`;
  }
}

/** fetch's own message is "fetch failed"; the cause says why (ECONNREFUSED, ENOTFOUND, ...). */
function networkReason(e: unknown): string {
  const cause = (e as { cause?: { code?: string; message?: string } } | null)?.cause;
  return cause?.code ?? cause?.message ?? messageOf(e);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return "the webhook";
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function firstLine(s: string): string {
  return s.split("\n")[0] ?? s;
}

function cut(s: string): string {
  const one = s.replace(/\s+/g, " ");
  return one.length <= MAX_ERROR_CHARS ? one : `${one.slice(0, MAX_ERROR_CHARS - 1)}…`;
}
