// Runs the user's configured `verifyCommand` (from their own config.yaml, never story text) in
// the merge worktree. `shell: true` because it is a command line the user wrote for a shell
// (`npm test && npm run lint`). Output is kept short: the tail is what explains a failure.
import { execa } from "execa";

export interface VerifyOutcome {
  ok: boolean;
  exitCode: number | null;
  /** Last lines of combined stdout/stderr. */
  tail: string;
  timedOut: boolean;
}

export async function runVerify(command: string, cwd: string, timeoutMs = 60 * 60_000): Promise<VerifyOutcome> {
  const r = await execa(command, { cwd, shell: true, reject: false, all: true, timeout: timeoutMs, stdin: "ignore", env: { CI: "1" } });
  const tail = (r.all ?? "").split("\n").slice(-15).join("\n").trim();
  return { ok: r.exitCode === 0 && !r.timedOut, exitCode: r.exitCode ?? null, tail, timedOut: Boolean(r.timedOut) };
}
