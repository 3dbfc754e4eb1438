// The project's cache folder, `.agent-orchestration/cache/`: files that only make repeat calls
// faster (the parse cache, the config memo). Read and written only as real files inside the
// project, never through a link; written atomically, and only when `.agent-orchestration/`
// exists (a random folder `plan` is run on is not littered); the folder's own `.gitignore`
// keeps it out of git whatever the repository ignores. A cache that cannot be read or written
// is simply not used.
import { isAscii } from "node:buffer";
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, readFileSync, readdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeFileAtomic } from "../state-store/atomic-write.js";

/** Project-relative; the folder holds nothing but cache files and its own `.gitignore`. */
export const CACHE_DIR = ".agent-orchestration/cache";

/** Cache file `name` as text, with its mtime (ms); null when it is missing, a link or unreadable. */
export function readCacheFile(absRoot: string, name: string): { text: string; mtimeMs: number } | null {
  try {
    for (const d of [path.join(absRoot, ".agent-orchestration"), path.join(absRoot, CACHE_DIR)]) {
      if (!lstatSync(d, { throwIfNoEntry: false })?.isDirectory()) return null;
    }
    const file = path.join(absRoot, CACHE_DIR, name);
    const st = lstatSync(file, { throwIfNoEntry: false });
    if (!st || !st.isFile()) return null;
    return { text: asciiText(readFileSync(file)), mtimeMs: st.mtimeMs };
  } catch {
    return null;
  }
}

/** Writes cache file `name` atomically (see the top of this file for where it may write). */
export async function writeCacheFile(absRoot: string, name: string, bytes: Uint8Array): Promise<void> {
  try {
    if (!lstatSync(path.join(absRoot, ".agent-orchestration"), { throwIfNoEntry: false })?.isDirectory()) return;
    const dir = path.join(absRoot, CACHE_DIR);
    if (!lstatSync(dir, { throwIfNoEntry: false })) mkdirSync(dir, { mode: 0o755 });
    if (!lstatSync(dir).isDirectory()) return; // a link or a file where the folder should be
    const ignore = path.join(dir, ".gitignore");
    if (!lstatSync(ignore, { throwIfNoEntry: false })) {
      try {
        writeFileSync(ignore, "# story-orchestrator caches\n*\n", { flag: "wx" });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e; // another process wrote it
      }
    }
    removeStaleTemps(dir, name);
    await writeFileAtomic(path.join(dir, name), bytes);
  } catch {
    /* a cache that cannot be written (read-only, full, a race) is simply rebuilt next time */
  }
}

/** Temp files a killed writer left behind (each as big as its cache), after a minute. */
function removeStaleTemps(dir: string, base: string): void {
  const prefix = `.${base}.tmp-`;
  const before = Date.now() - 60_000;
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    const p = path.join(dir, name);
    try {
      if (lstatSync(p).mtimeMs < before) unlinkSync(p);
    } catch {
      /* gone already */
    }
  }
}

/**
 * A cache file's bytes: `value` as JSON, every character outside ASCII as a `\uXXXX` escape
 * (JSON.parse gives the same value), so that reading it back takes the ASCII fast path. The
 * UTF-8 encoding that writing needs anyway tells whether any such character is there (it is
 * longer than the text then): no separate scan of 8 MB.
 */
export function cacheJson(value: unknown): Buffer {
  const json = JSON.stringify(value);
  const bytes = Buffer.from(json, "utf8");
  if (bytes.length === json.length) return bytes;
  // Each UTF-16 unit on its own: a surrogate pair becomes two escapes, which JSON.parse joins.
  return Buffer.from(json.replace(/[^ -~]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`), "utf8");
}

/**
 * ASCII bytes are taken as a string at memory speed (2 ms for 8 MB, where a UTF-8 decode takes
 * 17); anything else is decoded as UTF-8.
 */
function asciiText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
}

let identity: string | null | undefined;

/**
 * Which engine build wrote a cache. Bundled (dist/*.mjs), the stat keys of the bundle files
 * beside this code: replacing or rebuilding the plugin changes ctime at least. From source
 * (tsx, vitest), a hash of the stat keys of every file under lib/. Null when it cannot be told
 * (then no cache is used).
 */
export function buildIdentity(): string | null {
  if (identity !== undefined) return identity;
  const self = fileURLToPath(import.meta.url);
  const bundled = !self.endsWith(".ts");
  // lib/adapters/fs/cache-dir.ts → lib/
  const dir = bundled ? path.dirname(self) : path.resolve(path.dirname(self), "..", "..");
  const hash = createHash("sha256");
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!bundled) walk(p);
      } else if (bundled ? e.name.endsWith(".mjs") : e.name.endsWith(".ts")) {
        const st = statSync(p);
        hash.update(`${p}\0${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}\n`);
      }
    }
  };
  try {
    walk(dir);
  } catch {
    identity = null;
    return identity;
  }
  identity = `${bundled ? "bundle" : "source"}:${hash.digest("hex").slice(0, 32)}`;
  return identity;
}

/**
 * Whether `v` comes back from JSON.stringify + JSON.parse deep-equal (no undefined-valued key,
 * no Infinity/NaN, only plain objects and arrays).
 */
export function jsonSafe(v: unknown): boolean {
  switch (typeof v) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(v) && !Object.is(v, -0);
    case "object": {
      if (v === null) return true;
      if (Array.isArray(v)) return v.every(jsonSafe);
      const proto = Object.getPrototypeOf(v) as unknown;
      if (proto !== Object.prototype && proto !== null) return false;
      for (const k in v) if (!jsonSafe((v as Record<string, unknown>)[k])) return false;
      return true;
    }
    default:
      return false;
  }
}
