// Drives the real Claude Code CLI in INTERACTIVE mode, as a person at a terminal would: the CLI
// runs on a pseudo-terminal made by util-linux `script` (no tmux, no native modules), keystrokes
// go to its stdin, and its output is replayed on a headless xterm so a test can read
// the screen. Linux only (it reads /proc to find and end every process of the session).
/* eslint-disable no-control-regex -- escape sequences are stripped from the printed log */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import xterm from "@xterm/headless";
import { expect } from "vitest";
import { CLAUDE_BIN, REPO_ROOT, claudeEnv } from "./harness.js";

// A CommonJS package: its classes come on the default export.
const { Terminal } = xterm;
type Terminal = InstanceType<typeof Terminal>;

// ---------------------------------------------------------------------------------------------
// The screen: xterm.js's headless terminal (the emulator behind VS Code's terminal) replays
// what the CLI prints into a grid of characters, with scrollback, so text shown once is found.

export class Screen {
  private readonly term: Terminal;

  constructor(cols: number, rows: number) {
    this.term = new Terminal({ cols, rows, scrollback: 100_000, allowProposedApi: true });
  }

  /** xterm parses asynchronously: text() and allText() see the data within a few milliseconds. */
  write(s: string): void {
    this.term.write(s);
  }

  private lines(from: number, to: number): string {
    const buf = this.term.buffer.active;
    const out: string[] = [];
    for (let y = from; y < to; y++) out.push((buf.getLine(y)?.translateToString(true) ?? "").replace(/\u00a0/g, " ").trimEnd());
    return out.join("\n");
  }

  /** The visible screen, one string per row, trailing blanks trimmed (no-break spaces as spaces). */
  text(): string {
    const buf = this.term.buffer.active;
    return this.lines(buf.viewportY, buf.viewportY + this.term.rows);
  }

  /** Everything scrolled off the top, then the visible screen. */
  allText(): string {
    return this.lines(0, this.term.buffer.active.length);
  }
}

// ---------------------------------------------------------------------------------------------
// The session.

export const KEY = { enter: "\r", up: "\x1b[A", down: "\x1b[B", ctrlC: "\x03", ctrlD: "\x04", escape: "\x1b" } as const;

export interface InteractiveOptions {
  project: string;
  serverUrl: string;
  home: string;
  /** The plugin to load; default: this repository. */
  pluginDir?: string;
  cols?: number;
  rows?: number;
  extraArgs?: string[];
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** POSIX single-quoting for the command line `script` hands to the shell. */
function shq(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** [pid, ppid, session] of every live process, from /proc (a zombie has ended: not listed). */
function processTable(): { pid: number; ppid: number; sid: number }[] {
  const out: { pid: number; ppid: number; sid: number }[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      // "pid (comm) state ppid pgrp session ...": comm may hold spaces and parentheses.
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (f[0] === "Z" || f[0] === "X") continue;
      out.push({ pid: Number(name), ppid: Number(f[1]), sid: Number(f[3]) });
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

export class InteractiveClaude {
  readonly screen: Screen;
  /** Every byte of output, escape sequences removed (for "was this ever printed?"). */
  private plain = "";
  private readonly child: ChildProcessWithoutNullStreams;
  private exitCode: number | null | undefined = undefined;
  /** The session the CLI leads on its pseudo-terminal (its pid), once known. */
  private sid: number | undefined;
  readonly exited: Promise<number | null>;

  constructor(opts: InteractiveOptions) {
    const cols = opts.cols ?? 160;
    const rows = opts.rows ?? 50;
    this.screen = new Screen(cols, rows);
    const argv = [CLAUDE_BIN, "--plugin-dir", opts.pluginDir ?? REPO_ROOT, "--permission-mode", "bypassPermissions", ...(opts.extraArgs ?? [])];
    // `script` gives the CLI a pseudo-terminal; the shell sets its size, then becomes the CLI
    // (exec), so the CLI leads the terminal's session and everything it starts belongs to it.
    const command = `stty cols ${cols} rows ${rows} && exec ${argv.map(shq).join(" ")}`;
    const env: NodeJS.ProcessEnv = { ...claudeEnv(opts.serverUrl, opts.home), TERM: "xterm-256color", COLUMNS: String(cols), LINES: String(rows) };
    delete env["TMUX"];
    delete env["TMUX_PANE"];
    this.child = spawn("script", ["-qfec", command, "/dev/null"], { cwd: opts.project, env, stdio: ["pipe", "pipe", "pipe"], detached: true });
    // A character split across two reads is decoded whole.
    const utf8 = new StringDecoder("utf8");
    this.child.stdout.on("data", (d: Buffer) => {
      const s = utf8.write(d);
      // Found while the CLI is surely alive (it is printing), so its pid is still `script`'s child.
      if (this.sid === undefined) this.sessionId();
      this.screen.write(s);
      this.plain += s.replace(/\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[P_^][\s\S]*?\x1b\\|\x1b[()*+#%]./g, "");
    });
    let stderr = "";
    this.child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    this.exited = new Promise((resolve) => {
      this.child.on("close", (code) => {
        this.exitCode = code;
        if (stderr.trim()) this.plain += `\n[script stderr] ${stderr}`;
        resolve(code);
      });
    });
    // A broken pipe after the CLI has gone must not crash the test process.
    this.child.stdin.on("error", () => undefined);
  }

  get running(): boolean {
    return this.exitCode === undefined;
  }

  /** Everything the CLI printed, escape sequences removed. */
  get printed(): string {
    return this.plain;
  }

  /** The visible screen now, for assertions and failure messages. */
  text(): string {
    return this.screen.text();
  }

  /** Keys as they would come from a keyboard: one write per key. */
  press(...keys: string[]): void {
    for (const k of keys) this.child.stdin.write(k);
  }

  /** Types text a character at a time, with a person's pace between keys. */
  async type(text: string, delayMs = 40): Promise<void> {
    for (const ch of text) {
      this.child.stdin.write(ch);
      await sleep(delayMs);
    }
  }

  /**
   * Polls until `check` returns a truthy value (the screen or anything else), and returns it.
   * On timeout it throws, naming what it waited for and showing the screen at that moment.
   */
  async waitFor<T>(what: string, check: () => T | undefined | null | false, timeoutMs: number, pollMs = 250): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = check();
      if (v) return v;
      if (!this.running) throw new Error(`Claude Code exited (code ${String(this.exitCode)}) while waiting for ${what}. Last screen:\n${this.text()}`);
      if (Date.now() > deadline) throw new Error(`Timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}. Last screen:\n${this.text()}`);
      await sleep(pollMs);
    }
  }

  /** Waits for the screen to match `re`. */
  waitForScreen(re: RegExp, what: string, timeoutMs: number): Promise<RegExpExecArray> {
    return this.waitFor(what, () => re.exec(this.text()), timeoutMs);
  }

  /** The pid of the CLI (the child of `script`), which leads the terminal's session. */
  private sessionId(): number | undefined {
    if (this.sid === undefined && this.child.pid !== undefined) {
      const scriptPid = this.child.pid;
      this.sid = processTable().find((p) => p.ppid === scriptPid)?.pid;
    }
    return this.sid;
  }

  /** Pids still alive in the CLI's terminal session (the CLI, its tools, hooks, shells). */
  leftovers(): number[] {
    const sid = this.sessionId();
    if (sid === undefined) return [];
    return processTable()
      .filter((p) => p.sid === sid)
      .map((p) => p.pid);
  }

  /** Resolves once the CLI session has no process left, or after `timeoutMs` (the pids left). */
  async waitForNoProcesses(timeoutMs: number): Promise<number[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const left = this.leftovers();
      if (left.length === 0 && !this.running) return [];
      if (Date.now() > deadline) return left;
      await sleep(200);
    }
  }

  /**
   * The safety net: SIGKILL to every process of the CLI's terminal session, to `script` and
   * its process group. Idempotent.
   */
  async kill(): Promise<void> {
    this.sessionId();
    for (let round = 0; round < 100; round++) {
      const pids = this.leftovers();
      if (this.running && this.child.pid !== undefined) pids.push(-this.child.pid);
      if (pids.length === 0) break;
      for (const pid of pids) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // gone already
        }
      }
      await sleep(100);
    }
    if (this.running) await Promise.race([this.exited, sleep(5_000)]);
  }
}

/**
 * Answers Claude Code's one-time start-up questions as a person would (use the API key in the
 * environment: yes; bypass-permissions mode: yes, I accept), then waits for the input box.
 */
export async function answerStartupPrompts(claude: InteractiveClaude, timeoutMs = 60_000): Promise<string[]> {
  const answered: string[] = [];
  const deadline = Date.now() + timeoutMs;
  // Moves the menu's cursor (❯) to the option matching `option`, then confirms with Enter. The
  // option is found by its label and the move by its row against the cursor's, so numbered
  // menus ("❯ 1. Yes", 2.1.197) and unnumbered ones ("❯ No (recommended)", 2.1.328) both work.
  const choose = async (option: RegExp, what: string) => {
    for (let i = 0; i < 8; i++) {
      const rows = claude.text().split("\n");
      const cursor = rows.findIndex((l) => /^\s*❯\s*\S/.test(l));
      const wanted = rows.findIndex((l) => option.test(l.replace(/^\s*❯?\s*(?:\d+\.\s*)?/, "")));
      if (cursor >= 0 && wanted === cursor) {
        claude.press(KEY.enter);
        answered.push(what);
        return;
      }
      if (cursor >= 0 && wanted >= 0) claude.press(wanted < cursor ? KEY.up : KEY.down);
      await sleep(300);
    }
    throw new Error(`Could not select "${String(option)}" for ${what}. Screen:\n${claude.text()}`);
  };
  for (;;) {
    const screen = await claude.waitFor(
      "the input box or a start-up question",
      () => {
        const s = claude.text();
        return /Do you want to use this API key\?/.test(s) || /Yes, I accept/.test(s) || (/bypass permissions on/.test(s) && /^❯/m.test(s)) ? s : null;
      },
      Math.max(1_000, deadline - Date.now()),
    );
    await sleep(300); // let the frame finish drawing before pressing keys
    if (/Do you want to use this API key\?/.test(screen) && !answered.includes("api-key")) await choose(/^Yes\b/, "api-key");
    else if (/Yes, I accept/.test(screen) && !answered.includes("bypass")) await choose(/^Yes, I accept/, "bypass");
    else if (/bypass permissions on/.test(screen) && !/Do you want to use this API key\?|Yes, I accept/.test(screen)) return answered;
    // Wait for the question just answered to go away.
    await claude.waitFor("the question to close", () => !/Do you want to use this API key\?|Yes, I accept/.test(claude.text()) || null, 15_000).catch(() => undefined);
  }
}

/**
 * What every interactive test ends with, whatever happened: no process of the Claude Code
 * session outlives it, and the scripted model server recorded no policy error.
 */
export async function endInteractive(claude: InteractiveClaude | undefined, server: { close(): Promise<void>; errors: string[] } | undefined): Promise<void> {
  await claude?.kill();
  const left = claude?.leftovers() ?? [];
  await server?.close();
  expect(left, "processes of the Claude Code session still alive after the kill").toEqual([]);
  expect(server?.errors ?? []).toEqual([]);
}
