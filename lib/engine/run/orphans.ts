// Workers an earlier runner launched and never saw end (it was killed): a worker still alive
// is stopped before its story is carried on, so two sessions never work in one worktree. A pid
// counts as that worker only when its command line names the story's worktree (Linux /proc);
// elsewhere, or when the pid is gone or reused, nothing is killed.
import { readFileSync } from "node:fs";
import type { LedgerView, WorkerRecord } from "../../core/run/ledger.js";

export async function reapOrphans(view: LedgerView, root: string): Promise<WorkerRecord[]> {
  const open = view.workers.filter((w) => w.endedAt === null);
  for (const w of open) {
    if (w.pid === undefined || !isOurWorker(w.pid, root)) continue;
    try {
      process.kill(w.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
    await waitGone(w.pid, 5000);
  }
  return open;
}

function isOurWorker(pid: number, root: string): boolean {
  try {
    const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return cmd.includes("story-orchestrator:") && cmd.includes(root);
  } catch {
    return false;
  }
}

async function waitGone(pid: number, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // gone
  }
}
