// A cross-process lock file created with O_EXCL (`wx`): hooks fire in parallel, so every
// read-modify-write of the state happens under it. The file holds {pid, hostname, time, token}.
// It survives a crashed holder: a lock is stale when its holder's pid is dead on this host, or
// when it is older than `staleMs` (a holder on another host, or a hung one). A stale lock is
// broken by renaming it aside (only one contender's rename can succeed) and is put back if it
// turns out to be a fresh lock that replaced the stale one in between.
import { open, rename, stat, unlink, link } from "node:fs/promises";
import { hostname } from "node:os";
import { dirname } from "node:path";
import { randomBytes } from "node:crypto";
import { diag, err, ok, type Diag, type Result } from "../../core/diagnostics.js";
import { readSmallFile } from "../fs/bounded-read.js";

export interface LockInfo {
  pid: number;
  hostname: string;
  time: string;
  token: string;
}

export interface LockOptions {
  /** Give up (`lock-timeout`) after this long. */
  timeoutMs?: number;
  /** A lock older than this is stale even if its holder seems alive. */
  staleMs?: number;
  /** Longest pause between attempts. */
  maxBackoffMs?: number;
  /** For messages: the lock's path relative to the project root. */
  displayPath?: string;
  /** What to tell the user when the lock stays held. */
  what?: string;
}

export type Release = () => Promise<void>;

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A lock file is about 150 bytes. */
const MAX_LOCK_BYTES = 64 * 1024;

export async function readLockInfo(path: string): Promise<LockInfo | null> {
  // Read with the bounded reader: a FIFO named like the lock would block a plain read forever
  // (and `resume` with it); a link out of the lock's folder or a huge file is no lock of ours.
  const read = readSmallFile(path, { maxBytes: MAX_LOCK_BYTES, root: dirname(path) });
  if (!("text" in read) || read.text === null) return null;
  try {
    const parsed = JSON.parse(read.text) as Partial<LockInfo>;
    if (typeof parsed.pid === "number" && typeof parsed.token === "string") return parsed as LockInfo;
    return null;
  } catch {
    return null;
  }
}

/** Why a lock file is stale, or null when its holder may still be working. */
export async function lockStaleness(path: string, staleMs: number): Promise<string | null> {
  let mtimeMs: number;
  try {
    mtimeMs = (await stat(path)).mtimeMs;
  } catch {
    return null; // gone: not stale, just free
  }
  const info = await readLockInfo(path);
  if (info && info.hostname === hostname() && !pidAlive(info.pid)) return `holder pid ${info.pid} is not running`;
  if (Date.now() - mtimeMs > staleMs) return `older than ${Math.round(staleMs / 1000)}s`;
  return null;
}

/** Removes a stale lock; returns false if another process got there first. */
export async function breakStaleLock(path: string): Promise<boolean> {
  const before = await readLockInfo(path);
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    await rename(path, aside);
  } catch {
    return false;
  }
  const moved = await readLockInfo(aside);
  if (before && moved && moved.token !== before.token) {
    // We moved a fresh lock that replaced the stale one between our read and our rename: restore it.
    await link(aside, path).catch(() => undefined);
  }
  await unlink(aside).catch(() => undefined);
  return true;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function acquireLock(path: string, opts: LockOptions = {}): Promise<Result<Release, Diag[]>> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const staleMs = opts.staleMs ?? 120_000;
  const maxBackoff = opts.maxBackoffMs ?? 100;
  const info: LockInfo = { pid: process.pid, hostname: hostname(), time: new Date().toISOString(), token: randomBytes(8).toString("hex") };
  const started = Date.now();
  let backoff = 2;
  for (;;) {
    try {
      const fh = await open(path, "wx", 0o644);
      try {
        await fh.writeFile(JSON.stringify(info));
      } finally {
        await fh.close();
      }
      return ok(async () => {
        const now = await readLockInfo(path);
        if (now?.token === info.token) await unlink(path).catch(() => undefined);
      });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    if ((await lockStaleness(path, staleMs)) !== null) {
      await breakStaleLock(path);
      continue;
    }
    if (Date.now() - started >= timeoutMs) {
      const holder = await readLockInfo(path);
      const who = holder ? `pid ${holder.pid} on ${holder.hostname} since ${holder.time}` : "another process";
      return err([
        diag(
          "lock-timeout",
          `${opts.what ?? "the state lock"} ${opts.displayPath ?? path} is held by ${who}; gave up after ${Math.round(timeoutMs / 1000)}s (if no story-orchestrator process is running, run \`story-orchestrator resume\`)`,
          opts.displayPath,
        ),
      ]);
    }
    await sleep(backoff + Math.random() * backoff);
    backoff = Math.min(maxBackoff, backoff * 2);
  }
}
