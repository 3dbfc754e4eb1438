// A persistent per-file parse cache, the way git's index and eslint's cache work: every engine
// verb loads the whole project, so repeat calls during a run stat each story file and reuse the
// earlier parse of every file whose stat key (size, mtime, ctime, inode) is unchanged.
// Never stale: the key is taken before the file is read; an entry modified within
// RACY_MS of the moment the files were read is not trusted (racy git: a change in the same
// clock tick would keep the key), that moment being the earlier of the load's start (system
// clock) and the cache file's mtime (the file system's clock); the cache is bound to the engine build and PARSER_VERSION; a missing,
// corrupt or foreign cache is ignored and rebuilt. Only plain files inside the project are
// cached; links and read errors are read every time, exactly as without a cache.
import { lstatSync, mkdirSync, readFileSync, readdirSync, statSync, unlinkSync, writeFileSync, type Stats } from "node:fs";
import { isAscii } from "node:buffer";
import { createHash } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sortDiags, type Diag } from "../../core/diagnostics.js";
import type { SkippedFile } from "../../core/model.js";
import { combineParses, PARSER_VERSION, type FileParse, type ParseResult } from "../../core/stories/parse-stories.js";
import { parseStory } from "../../core/stories/parse-story.js";
import { decodeOutcome, encodeOutcome, movePooled, TextPool, type Outcome } from "./story-cache-codec.js";
import { writeFileAtomic } from "../state-store/atomic-write.js";
import { listStoryFiles, readOne, type ReadStat } from "./read-story-files.js";

/** Project-relative; the folder holds nothing but cache files and its own `.gitignore`. */
export const STORY_CACHE_DIR = ".agent-orchestration/cache";
export const STORY_CACHE_FILE = `${STORY_CACHE_DIR}/stories.json`;
/** Bump when the cache file's shape changes (2: entries as arrays, outcomes by story-cache-codec). */
const FORMAT = 2;
/** Entries changed this close to the cache's own write time are re-read (coarse-clock file systems). */
const RACY_MS = 2000;

/**
 * A file's stat when it was read: size, mtime and ctime in ms (with their fraction: about a
 * quarter of a microsecond at today's dates), inode. Numbers, not strings: comparing them
 * costs nothing, where formatting 10,000 keys showed in the profile.
 */
type StatKey = [size: number, mtimeMs: number, ctimeMs: number, ino: number];

/** One file's entry: [project-relative path, stat key, encodeOutcome(outcome)]. */
type Entry = [rel: string, key: StatKey, outcome: unknown[]];

interface CacheFile {
  format: number;
  engine: string;
  /** System clock (ms) when the load that wrote this cache began, before any file was read. */
  started: number;
  entries: Entry[];
  /** The stories' checklists (story-cache-codec's TextPool), which entries point into. */
  checklists: string;
}

export interface StoriesLoaded {
  /** Project-relative POSIX paths of the folders that were read. */
  dirs: string[];
  /** Markdown files that were (or, cached, had been) read as text. */
  fileCount: number;
  /** Read-stage skips (empty, binary, too large), in read order. */
  skipped: SkippedFile[];
  errors: Diag[];
  warnings: Diag[];
  parsed: ParseResult;
  /** How many files were served from the cache (for tests and benches). */
  cacheHits: number;
}

export interface StoryCacheOptions {
  /** Use and update the cache (default true). The result is the same either way. */
  cache?: boolean;
  /** Engine identity the cache is bound to (default: engineIdentity()). */
  engine?: string;
}

const keyOf = (st: Stats): StatKey => [st.size, st.mtimeMs, st.ctimeMs, st.ino];
const sameKey = (st: Stats, k: StatKey): boolean => st.size === k[0] && st.mtimeMs === k[1] && st.ctimeMs === k[2] && st.ino === k[3];

/**
 * Reads and parses the project's story files, reusing cached parses of unchanged files. The
 * result equals readStoryFiles + parseStories exactly. Never throws for user input; a cache
 * that cannot be read or written is simply not used.
 */
export async function loadStories(root: string, storiesDir: string | undefined, options: StoryCacheOptions = {}): Promise<StoriesLoaded> {
  const started = Date.now();
  const listing = await listStoryFiles(root, storiesDir);
  const engine = options.cache !== false && listing.listed.length > 0 ? (options.engine ?? engineIdentity()) : null;
  const useCache = engine !== null;
  const cachePath = path.join(listing.absRoot, STORY_CACHE_FILE);
  const old = engine !== null ? readCache(cachePath, engine) : null;
  // The next cache's entries: kept ones point into the old cache's checklist pool, new ones into `fresh`.
  const next: { entry: Entry; kept: boolean }[] = [];
  const fresh = new TextPool();
  let misses = 0;
  let hits = 0;

  const out: StoriesLoaded = { dirs: listing.dirs, fileCount: 0, skipped: [], errors: listing.errors, warnings: [], parsed: combineParses([]), cacheHits: 0 };
  const parses: FileParse[] = [];
  const take = (rel: string, o: Outcome): void => {
    if (o.kind === "parse") {
      out.fileCount++;
      parses.push({ path: rel, parse: o.parse });
    } else {
      out.warnings.push(o.warning);
      out.skipped.push({ path: o.warning.file ?? "", reason: o.warning.message });
    }
  };

  for (const item of listing.listed) {
    // Only a plain file in a folder known to be inside the project: its key says it all.
    const cacheable = useCache && item.inside === true;
    const entry = cacheable ? old?.entries.get(item.rel) : undefined;
    if (entry && old) {
      const hit = cachedOutcome(item.real, entry, old);
      if (hit) {
        hits++;
        next.push({ entry, kept: true });
        take(item.rel, hit);
        continue;
      }
    }
    const stat: { value: ReadStat } = { value: null };
    const r = readOne(listing.realRoot, item, cacheable ? stat : null);
    if (r.kind === "error") {
      out.errors.push(r.error);
      continue;
    }
    const outcome: Outcome = r.kind === "file" ? { kind: "parse", parse: parseStory(r.file) } : { kind: "skip", warning: r.warning };
    take(item.rel, outcome);
    const st = stat.value;
    const packed = cacheable && st ? encodeOutcome(outcome, fresh) : null;
    if (packed && st) {
      misses++;
      next.push({ entry: [item.rel, keyOf(st), packed], kept: false });
    }
  }

  out.warnings = sortDiags(out.warnings);
  out.errors = sortDiags(out.errors);
  out.parsed = combineParses(parses);
  out.cacheHits = hits;
  // Rewrite only when something was read or a file went away: a warm run writes nothing.
  if (useCache && (misses > 0 || (old?.entries.size ?? 0) !== hits)) {
    const [oldPool, freshPool, pool] = [old?.checklists ?? "", fresh.text(), new TextPool()];
    const entries = next.map(({ entry, kept }): Entry => [entry[0], entry[1], movePooled(entry[2], kept ? oldPool : freshPool, pool)]);
    await writeCache(listing.absRoot, cachePath, { format: FORMAT, engine: engine ?? "", started, entries, checklists: pool.text() });
  }
  return out;
}

/**
 * The cached outcome of the file at `real` when its stat key is the entry's and it was not
 * changed within RACY_MS of `writtenMs`; null when it must be read again. (Equal keys mean
 * equal mtime and ctime: the change time is taken from the stat.)
 */
function cachedOutcome(real: string, entry: Entry, { writtenMs, checklists }: OldCache): Outcome | null {
  let st: Stats | undefined;
  try {
    st = statSync(real, { throwIfNoEntry: false });
  } catch {
    return null;
  }
  if (!st || !st.isFile() || !sameKey(st, entry[1]) || Math.max(st.mtimeMs, st.ctimeMs) + RACY_MS >= writtenMs) return null;
  try {
    return decodeOutcome(entry[2], checklists);
  } catch {
    return null; // not what encodeOutcome writes: read the file
  }
}

/** The cache's entries and the time before which a change is surely in them, or null when it is missing or unusable. */
interface OldCache {
  entries: Map<string, Entry>;
  /** Changes before this time (ms) are surely in the cache. */
  writtenMs: number;
  checklists: string;
}

function readCache(file: string, engine: string): OldCache | null {
  try {
    // Read only from the real folder inside the project, as it is written (never through a link).
    for (const d of [path.dirname(path.dirname(file)), path.dirname(file)]) {
      if (!lstatSync(d, { throwIfNoEntry: false })?.isDirectory()) return null;
    }
    const st = lstatSync(file, { throwIfNoEntry: false });
    if (!st || !st.isFile()) return null;
    const data = JSON.parse(asciiText(readFileSync(file))) as unknown;
    if (!isCacheFile(data) || data.format !== FORMAT || data.engine !== engine) return null;
    const entries = new Map<string, Entry>();
    for (const e of data.entries) {
      if (!isEntry(e)) return null;
      entries.set(e[0], e);
    }
    return { entries, writtenMs: Math.min(data.started, st.mtimeMs), checklists: data.checklists };
  } catch {
    return null; // corrupt or unreadable: rebuilt below
  }
}

/**
 * The cache is written as ASCII (escapeNonAscii), and ASCII bytes are taken as a string at memory
 * speed: 2 ms for 8 MB, where a UTF-8 decode takes 17. (Anything else is decoded as UTF-8.)
 */
function asciiText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
}

/** JSON text with every character outside printable ASCII as a `\uXXXX` escape (JSON.parse gives the same value). */
function escapeNonAscii(json: string): string {
  if (!/[^ -~]/.test(json)) return json;
  return json.replace(/[^ -~]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function isCacheFile(v: unknown): v is CacheFile {
  if (v === null || typeof v !== "object") return false;
  const c = v as Partial<CacheFile>;
  return (
    typeof c.format === "number" &&
    typeof c.engine === "string" &&
    typeof c.started === "number" &&
    typeof c.checklists === "string" &&
    Array.isArray(c.entries)
  );
}

/** Shape check of what the lookup and the key comparison rely on (decodeOutcome checks the rest). */
function isEntry(v: unknown): v is Entry {
  if (!Array.isArray(v) || v.length !== 3 || typeof v[0] !== "string" || !Array.isArray(v[1]) || !Array.isArray(v[2])) return false;
  const k = v[1] as unknown[];
  return k.length === 4 && k.every((n) => typeof n === "number");
}

/**
 * Writes the cache atomically, only into an existing `.agent-orchestration/` folder (a random
 * folder `plan` is run on is not littered) and never through a link. The folder carries a
 * `.gitignore` of `*`, so the cache stays out of git whatever the repository ignores.
 * Failures are ignored: it is a cache.
 */
async function writeCache(absRoot: string, file: string, data: CacheFile): Promise<void> {
  try {
    if (!lstatSync(path.join(absRoot, ".agent-orchestration"), { throwIfNoEntry: false })?.isDirectory()) return;
    const dir = path.dirname(file);
    if (!lstatSync(dir, { throwIfNoEntry: false })) mkdirSync(dir, { mode: 0o755 });
    if (!lstatSync(dir).isDirectory()) return; // a link or a file where the folder should be
    const ignore = path.join(dir, ".gitignore");
    if (!lstatSync(ignore, { throwIfNoEntry: false })) {
      try {
        writeFileSync(ignore, "# story-orchestrator parse cache\n*\n", { flag: "wx" });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e; // another process wrote it
      }
    }
    removeStaleTemps(dir, path.basename(file));
    await writeFileAtomic(file, escapeNonAscii(JSON.stringify(data)));
  } catch {
    /* a cache that cannot be written (read-only, full, a race) is simply rebuilt next time */
  }
}

/** Temp files a killed writer left behind (each as big as the cache), after a minute. */
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

let identity: string | null | undefined;

/**
 * Which engine build wrote a cache. Bundled (dist/*.mjs), the stat keys of the bundle files
 * beside this code: replacing or rebuilding the plugin changes ctime at least. From source
 * (tsx, vitest), a hash of the stat keys of every file under lib/. Plus PARSER_VERSION and
 * the cache format, so an explicit parser change invalidates it too.
 */
export function engineIdentity(): string | null {
  if (identity !== undefined) return identity;
  const self = fileURLToPath(import.meta.url);
  const bundled = !self.endsWith(".ts");
  // lib/adapters/fs/story-cache.ts → lib/
  const dir = bundled ? path.dirname(self) : path.resolve(path.dirname(self), "..", "..");
  const hash = createHash("sha256");
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!bundled) walk(p);
      } else if (bundled ? e.name.endsWith(".mjs") : e.name.endsWith(".ts")) {
        hash.update(`${p}\0${keyOf(statSync(p)).join(":")}\n`);
      }
    }
  };
  try {
    walk(dir);
  } catch {
    identity = null; // cannot tell which build this is: no cache at all
    return identity;
  }
  identity = `${FORMAT}:${PARSER_VERSION}:${bundled ? "bundle" : "source"}:${hash.digest("hex").slice(0, 32)}`;
  return identity;
}
