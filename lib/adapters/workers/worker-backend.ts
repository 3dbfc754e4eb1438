// The one seam between the runner and wherever workers run. Local processes are the first
// backend (local-claude.ts); a GitHub Actions matrix or Kubernetes Jobs backend implements the
// same interface (README "Beyond one machine"): the engine keeps the state and the merge queue.
import type { Diag, Result } from "../../core/diagnostics.js";
import type { ResultMessage } from "../../core/run/worker-protocol.js";

export interface WorkerSpec {
  storyId: string;
  /** "developer", or the reviewer's agent name. */
  role: string;
  /** The plugin agent the session runs as (`--agent story-orchestrator:<agent>`). */
  agent: string;
  /** Absolute path of the story's worktree: the session's working directory. */
  cwd: string;
  prompt: string;
  /** `--json-schema` text of the report the worker must give. */
  jsonSchema: string;
  /** Continue this session (a fix round, an answer, a retry) instead of starting a new one. */
  resumeSession?: string;
  /** `--max-budget-usd` for this worker; undefined: none. */
  capUsd?: number;
  /** Absolute path of the file that receives the worker's full message stream. */
  logFile: string;
  /** Extra environment (the STORY_ORCHESTRATOR_* variables hooks read). */
  env: Record<string, string>;
  wallTimeMs: number;
  silenceMs: number;
  /**
   * How long the process may take to exit once it has printed its result line (default 10 s).
   * Past it the process is killed and the worker still ends `finished`: the work is done.
   */
  exitGraceMs?: number;
}

export type WorkerEnd =
  /** The session printed its result line (detail: it then hung, and was killed). */
  | { kind: "finished"; result: ResultMessage; sessionId?: string; detail?: string }
  /** Stopped by the runner: past its wall time, silent too long, or the run was interrupted. */
  | { kind: "timed-out" | "silent" | "stopped"; sessionId?: string; detail: string }
  /** Ended without a result line (crash, refused start). */
  | { kind: "crashed"; sessionId?: string; detail: string };

export interface WorkerHandle {
  pid: number | undefined;
  /** The session id, once the worker's init line arrived. */
  sessionId(): string | undefined;
  /** Called once with the session id as soon as it is known (to record it before a crash). */
  onSession(cb: (sessionId: string) => void): void;
  /** Called on each line of output (the live view counts them; the silence timer restarts). */
  onActivity(cb: () => void): void;
  done: Promise<WorkerEnd>;
  /** Ask the worker to stop (the runner is interrupted); `done` resolves with "stopped". */
  stop(): void;
}

export interface WorkerBackend {
  launch(spec: WorkerSpec): WorkerHandle;
  /**
   * Can workers be launched at all (the executable runs, the cluster answers)? Asked once before
   * a run touches anything, so a missing `claude` is one clear message instead of every story
   * failing maxAttempts launches. The value says what was found (a version), for the log.
   */
  check?(): Promise<Result<string, Diag[]>>;
}
