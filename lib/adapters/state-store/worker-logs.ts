// Reading the workers' message streams the runner writes (`logs/<id>/<role>-<n>.jsonl`, paths
// in run-paths.ts): which files a story has, in the order the workers started, and what was
// appended to one since the last read (for `logs --follow`).
import { open, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { logsDir, parseWorkerLogName } from "./run-paths.js";

export interface WorkerLog {
  role: string;
  n: number;
  /** Absolute path. */
  path: string;
  /** When the worker's file was made (its birth time where the file system keeps one, else its last write). */
  startedMs: number;
}

/** The story's worker logs, oldest worker first (newest last); none when it has no logs folder. */
export async function listWorkerLogs(root: string, id: string): Promise<WorkerLog[]> {
  const dir = logsDir(root, id);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const out: WorkerLog[] = [];
  for (const name of names) {
    const parsed = parseWorkerLogName(name);
    if (!parsed) continue;
    const path = join(dir, name);
    try {
      const s = await stat(path);
      if (!s.isFile()) continue;
      out.push({ ...parsed, path, startedMs: s.birthtimeMs > 0 ? s.birthtimeMs : s.mtimeMs });
    } catch {
      // Removed between the listing and the stat.
    }
  }
  // Ties (a file system without birth times, two workers started together): the developer
  // first, then by role and number, so the order is stable.
  const rank = (w: WorkerLog): number => (w.role === "developer" ? 0 : 1);
  return out.sort((a, b) => a.startedMs - b.startedMs || rank(a) - rank(b) || a.role.localeCompare(b.role) || a.n - b.n);
}

/** Whether the story has a logs folder (a runner launched a worker for it). */
export async function hasLogsDir(root: string, id: string): Promise<boolean> {
  try {
    return (await stat(logsDir(root, id))).isDirectory();
  } catch {
    return false;
  }
}

/** The most read at once by `readAppended`: a follower catches up in steps, never loading a huge file whole. */
const MAX_CHUNK = 4 * 1024 * 1024;

/**
 * The bytes of `path` from `offset` on (at most MAX_CHUNK); an empty buffer when nothing was
 * appended or the file is gone. A file that got shorter (rewritten) is read again from 0.
 */
export async function readAppended(path: string, offset: number): Promise<{ bytes: Buffer; offset: number; restarted: boolean }> {
  let fh;
  try {
    fh = await open(path, "r");
  } catch {
    return { bytes: Buffer.alloc(0), offset, restarted: false };
  }
  try {
    const size = (await fh.stat()).size;
    const restarted = size < offset;
    const from = restarted ? 0 : offset;
    const length = Math.min(size - from, MAX_CHUNK);
    if (length <= 0) return { bytes: Buffer.alloc(0), offset: from, restarted };
    const bytes = Buffer.alloc(length);
    const { bytesRead } = await fh.read(bytes, 0, length, from);
    return { bytes: bytes.subarray(0, bytesRead), offset: from + bytesRead, restarted };
  } finally {
    await fh.close();
  }
}

/**
 * The last whole lines of `path` within its last `maxBytes` bytes (a line cut by that window is
 * left out), with whether earlier lines were left out; none when the file is gone.
 */
export async function readTailLines(path: string, maxBytes: number): Promise<{ lines: string[]; cut: boolean }> {
  let fh;
  try {
    fh = await open(path, "r");
  } catch {
    return { lines: [], cut: false };
  }
  try {
    const size = (await fh.stat()).size;
    const from = Math.max(0, size - maxBytes);
    const bytes = Buffer.alloc(size - from);
    const { bytesRead } = await fh.read(bytes, 0, bytes.length, from);
    let text = bytes.subarray(0, bytesRead).toString("utf8");
    if (from > 0) text = text.slice(text.indexOf("\n") + 1); // the window began inside a line
    const lines = text.split("\n");
    if (lines.at(-1) === "") lines.pop();
    return { lines, cut: from > 0 };
  } finally {
    await fh.close();
  }
}
