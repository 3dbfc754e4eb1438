// The built CLI's `dashboard` as a user runs it: started, its printed URL read, stopped with a
// signal. Shared by the dashboard's CLI and browser tests; not a test file itself.
import { spawn, type ChildProcess } from "node:child_process";
import { BIN } from "../helpers/built-cli.js";

export interface DashboardProcess {
  child: ChildProcess;
  url: string;
  port: number;
  token: string;
  stdout: () => string;
  stderr: () => string;
  /** Sends `signal` and resolves with how the process ended. */
  stop: (signal?: NodeJS.Signals) => Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `dashboard --cwd root ...args`; resolves once it printed its URL (rejects if it exits first). */
export function startDashboardProcess(root: string, args: string[] = [], timeoutMs = 60_000): Promise<DashboardProcess> {
  const child = spawn(process.execPath, [BIN, "dashboard", "--cwd", root, ...args], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, STORY_ORCHESTRATOR_DEBUG: "" } });
  let out = "";
  let err = "";
  child.stdout!.setEncoding("utf8").on("data", (c: string) => (out += c));
  child.stderr!.setEncoding("utf8").on("data", (c: string) => (err += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) => child.on("exit", (code, signal) => res({ code, signal })));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`dashboard printed no URL within ${timeoutMs} ms:\n${out}\n${err}`));
    }, timeoutMs);
    const look = (): void => {
      const m = /http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off("data", look);
      resolve({
        child,
        url: m[0],
        port: Number(m[1]),
        token: m[2]!,
        stdout: () => out,
        stderr: () => err,
        stop: (signal = "SIGINT") => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    };
    child.stdout!.on("data", look);
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`dashboard exited (${code}) before printing its URL:\n${out}\n${err}`));
    });
  });
}
