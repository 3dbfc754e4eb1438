// The headless runner's own record (`.agent-orchestration/runner/workers.jsonl`): one line per
// worker launch, session and end, appended and never rewritten. Folding it gives what the story
// state does not hold: each story's developer session (to continue it), the attempts since the
// last good report, the spend, and every worker's interval (parallelism is measured, not
// claimed). Pure: lines in, a view out.

export type LedgerLine =
  | { at: string; event: "worker-start"; storyId: string; role: string; n: number; pid?: number; resume?: string; capUsd?: number }
  | { at: string; event: "worker-session"; storyId: string; role: string; n: number; sessionId: string }
  | {
      at: string;
      event: "worker-end";
      storyId: string;
      role: string;
      n: number;
      end: string;
      costUsd: number;
      tokens: number;
      /** The report's result (DONE, QUESTION, approved, ...) or why there is none. */
      outcome: string;
      /** Counts toward maxAttempts: it ended without a usable report. */
      failedAttempt: boolean;
    }
  | { at: string; event: "run-start" | "run-end" | "budget-warning" | "budget-stop"; note?: string };

export interface WorkerRecord {
  storyId: string;
  role: string;
  n: number;
  startedAt: string;
  endedAt: string | null;
  pid?: number;
  sessionId?: string;
  costUsd: number;
  tokens: number;
  end?: string;
  outcome?: string;
}

export interface LedgerView {
  workers: WorkerRecord[];
  spentUsd: number;
  /** story → role → the latest session id (a developer's is continued; a reviewer's never). */
  sessions: Map<string, Map<string, string>>;
  /** story|role → failed attempts since that role's last usable report. */
  failedAttempts: Map<string, number>;
  budgetWarned: boolean;
}

export const attemptKey = (storyId: string, role: string): string => `${storyId}|${role}`;

export function foldLedger(lines: readonly LedgerLine[]): LedgerView {
  const workers = new Map<string, WorkerRecord>();
  const sessions = new Map<string, Map<string, string>>();
  const failedAttempts = new Map<string, number>();
  let budgetWarned = false;
  const key = (l: { storyId: string; role: string; n: number }) => `${l.storyId}|${l.role}|${l.n}`;
  for (const l of lines) {
    switch (l.event) {
      case "worker-start":
        workers.set(key(l), { storyId: l.storyId, role: l.role, n: l.n, startedAt: l.at, endedAt: null, ...(l.pid !== undefined ? { pid: l.pid } : {}), costUsd: 0, tokens: 0 });
        break;
      case "worker-session": {
        const w = workers.get(key(l));
        if (w) w.sessionId = l.sessionId;
        const m = sessions.get(l.storyId) ?? new Map<string, string>();
        m.set(l.role, l.sessionId);
        sessions.set(l.storyId, m);
        break;
      }
      case "worker-end": {
        const w = workers.get(key(l));
        if (w) Object.assign(w, { endedAt: l.at, costUsd: l.costUsd, tokens: l.tokens, end: l.end, outcome: l.outcome });
        const k = attemptKey(l.storyId, l.role);
        failedAttempts.set(k, l.failedAttempt ? (failedAttempts.get(k) ?? 0) + 1 : 0);
        break;
      }
      case "budget-warning":
        budgetWarned = true;
        break;
      default:
        break;
    }
  }
  const all = [...workers.values()];
  return { workers: all, spentUsd: all.reduce((a, w) => a + w.costUsd, 0), sessions, failedAttempts, budgetWarned };
}

/** Workers of a story, for its cost and tokens in `status` and `summary`. */
export function storyUsage(view: LedgerView, storyId: string): { costUsd: number; tokens: number; workers: number } {
  const ws = view.workers.filter((w) => w.storyId === storyId);
  return { costUsd: ws.reduce((a, w) => a + w.costUsd, 0), tokens: ws.reduce((a, w) => a + w.tokens, 0), workers: ws.length };
}
