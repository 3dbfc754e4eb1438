// Where a headless run keeps its per-story files in `.agent-orchestration/`: the questions a
// developer asked (`questions/<id>.md`, answered in `<id>.answer.md` beside it) and each
// worker's message stream (`logs/<id>/<role>-<n>.jsonl`). Spelled once, so the runner writes
// where `answer` and `logs` read. A story's files are named by its id key (ids.ts), so `19a.2`
// and `19A.2` are one folder, and only a story id (or a role name) ever becomes a path segment:
// nothing here can name a file outside the state folder.
import { hostname } from "node:os";
import { join, relative } from "node:path";
import { AGENT_NAME_RE } from "../../core/config/vocabulary.js";
import { idKey, isStoryId } from "../../core/ids.js";
import { relativeStaysInside } from "../../core/path-safety.js";
import { pidAlive, readLockInfo } from "./lock.js";
import { stateDir } from "./store.js";

export const QUESTIONS_DIR = "questions";
/** Answered questions, moved here with a time stamp (nothing is deleted). */
export const ANSWERED_DIR = "answered";
export const LOGS_DIR = "logs";
/**
 * The runner's lock: held (lock.ts: {pid, hostname, time, token}) by the one `run` process of a
 * project while it runs; `answer` reads it to say whether a runner will pick the answer up.
 */
export const RUN_LOCK_FILE = ".run.lock";

/** `id`'s file name stem, refused outright for anything that is not a story id. */
export function storyKeyOf(id: string): string {
  if (!isStoryId(id)) throw new Error(`Internal error: not a story id: ${JSON.stringify(id)}`);
  return idKey(id);
}

/** `stateDir/...parts`, checked to stay inside the state folder (a second guard behind the id grammar). */
function inState(root: string, ...parts: string[]): string {
  const path = join(stateDir(root), ...parts);
  const rel = relative(stateDir(root), path);
  if (rel === "" || !relativeStaysInside(rel)) throw new Error(`Internal error: ${JSON.stringify(parts.join("/"))} is not inside the state folder`);
  return path;
}

export const questionsDir = (root: string): string => inState(root, QUESTIONS_DIR);
export const answeredDir = (root: string): string => inState(root, QUESTIONS_DIR, ANSWERED_DIR);
export const questionPath = (root: string, id: string): string => inState(root, QUESTIONS_DIR, `${storyKeyOf(id)}.md`);
export const answerPath = (root: string, id: string): string => inState(root, QUESTIONS_DIR, `${storyKeyOf(id)}.answer.md`);

/** The folder of one story's worker logs: `.agent-orchestration/logs/<id>/`. */
export const logsDir = (root: string, id: string): string => inState(root, LOGS_DIR, storyKeyOf(id));

/** `<role>-<n>.jsonl`: `developer-1.jsonl`, `code-reviewer-2.jsonl` (n counts that role's workers of the story, from 1). */
export function workerLogName(role: string, n: number): string {
  if (!AGENT_NAME_RE.test(role)) throw new Error(`Internal error: not a role name: ${JSON.stringify(role)}`);
  if (!Number.isInteger(n) || n < 1) throw new Error(`Internal error: not a worker number: ${String(n)}`);
  return `${role}-${n}.jsonl`;
}

export const workerLogPath = (root: string, id: string, role: string, n: number): string => join(logsDir(root, id), workerLogName(role, n));

const WORKER_LOG_RE = /^([a-z0-9][a-z0-9-]*)-(\d+)\.jsonl$/;

/** The role and number of a worker log's file name, or null for any other file. */
export function parseWorkerLogName(name: string): { role: string; n: number } | null {
  const m = WORKER_LOG_RE.exec(name);
  if (!m || !AGENT_NAME_RE.test(m[1]!)) return null;
  const n = Number(m[2]);
  return Number.isSafeInteger(n) && n >= 1 ? { role: m[1]!, n } : null;
}

export const runLockPath = (root: string): string => inState(root, RUN_LOCK_FILE);

/**
 * The pid of the project's runner when one holds the run lock, else null. A holder on another
 * host (a shared folder) cannot be checked and counts as running.
 */
export async function runningRunner(root: string): Promise<number | null> {
  const info = await readLockInfo(runLockPath(root));
  if (info === null) return null;
  return info.hostname !== hostname() || pidAlive(info.pid) ? info.pid : null;
}
