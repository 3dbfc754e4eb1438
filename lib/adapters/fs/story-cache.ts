// A persistent per-file parse cache, the way git's index and eslint's cache work: every engine
// verb loads the whole project, so repeat calls during a run stat each story file and reuse the
// earlier parse of every file whose stat key (size, mtime ns, inode, ctime ns) is unchanged.
// Never stale: the key is taken before the file is read; an entry modified within
// RACY_NS of the moment the files were read is not trusted (racy git: a change in the same
// clock tick would keep the key), that moment being the earlier of the load's start (system
// clock) and the cache file's mtime (the file system's clock); the cache is bound to the engine build and PARSER_VERSION; a missing,
// corrupt or foreign cache is ignored and rebuilt. Only plain files inside the project are
// cached; links and read errors are read every time, exactly as without a cache.
import { lstatSync, mkdirSync, readFileSync, readdirSync, statSync, unlinkSync, writeFileSync, type BigIntStats } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sortDiags, type Diag } from "../../core/diagnostics.js";
import type { SkippedFile } from "../../core/model.js";
import { combineParses, PARSER_VERSION, type FileParse, type ParseResult } from "../../core/stories/parse-stories.js";
import { parseStory, type StoryParse } from "../../core/stories/parse-story.js";
import { writeFileAtomic } from "../state-store/atomic-write.js";
import { listStoryFiles, readOne, type ReadStat } from "./read-story-files.js";

/** Project-relative; the folder holds nothing but cache files and its own `.gitignore`. */
export const STORY_CACHE_DIR = ".agent-orchestration/cache";
export const STORY_CACHE_FILE = `${STORY_CACHE_DIR}/stories-v1.json`;
/** Bump when the cache file's shape changes. */
const FORMAT = 1;
/** Entries changed this close to the cache's own write time are re-read (coarse-clock file systems). */
const RACY_NS = 2_000_000_000n;

/** What one file turned into: a read-stage skip (empty, binary, too large) or a parse. */
type Outcome = { kind: "skip"; warning: Diag } | { kind: "parse"; parse: StoryParse };

interface Entry {
  /** size:mtimeNs:ino:ctimeNs of the file when it was read. */
  key: string;
  /** max(mtimeNs, ctimeNs), for the racy check. */
  changed: string;
  outcome: Outcome;
}

interface CacheFile {
  format: number;
  engine: string;
  /** System clock (ns) when the load that wrote this cache began, before any file was read. */
  started: string;
  entries: Record<string, Entry>;
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

const keyOf = (st: BigIntStats): string => `${st.size}:${st.mtimeNs}:${st.ino}:${st.ctimeNs}`;
const changedOf = (st: BigIntStats): bigint => (st.mtimeNs > st.ctimeNs ? st.mtimeNs : st.ctimeNs);

/**
 * Reads and parses the project's story files, reusing cached parses of unchanged files. The
 * result equals readStoryFiles + parseStories exactly. Never throws for user input; a cache
 * that cannot be read or written is simply not used.
 */
export async function loadStories(root: string, storiesDir: string | undefined, options: StoryCacheOptions = {}): Promise<StoriesLoaded> {
  const started = BigInt(Date.now()) * 1_000_000n;
  const listing = await listStoryFiles(root, storiesDir);
  const engine = options.cache !== false && listing.listed.length > 0 ? (options.engine ?? engineIdentity()) : null;
  const useCache = engine !== null;
  const cachePath = path.join(listing.absRoot, STORY_CACHE_FILE);
  const old = engine !== null ? readCache(cachePath, engine) : null;
  const next: Record<string, Entry> = {};
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
    if (cacheable && old) {
      const entry = old.entries.get(item.rel);
      if (entry) {
        let st: BigIntStats | undefined;
        try {
          st = statSync(item.real, { bigint: true, throwIfNoEntry: false });
        } catch {
          st = undefined;
        }
        if (st && st.isFile() && keyOf(st) === entry.key && BigInt(entry.changed) + RACY_NS < old.writtenNs) {
          hits++;
          next[item.rel] = entry;
          take(item.rel, entry.outcome);
          continue;
        }
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
    if (cacheable && st && st.isFile() && jsonSafe(outcome)) {
      misses++;
      next[item.rel] = { key: keyOf(st), changed: String(changedOf(st)), outcome };
    }
  }

  out.warnings = sortDiags(out.warnings);
  out.errors = sortDiags(out.errors);
  out.parsed = combineParses(parses);
  out.cacheHits = hits;
  // Rewrite only when something was read or a file went away: a warm run writes nothing.
  if (useCache && (misses > 0 || (old?.entries.size ?? 0) !== hits)) {
    await writeCache(listing.absRoot, cachePath, { format: FORMAT, engine: engine ?? "", started: String(started), entries: next });
  }
  return out;
}

/**
 * Whether `v` comes back from JSON.stringify + JSON.parse deep-equal (no undefined-valued key,
 * no Infinity/NaN, only plain objects and arrays): an outcome that would not is not cached.
 */
function jsonSafe(v: unknown): boolean {
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

/** The cache's entries and the time before which a change is surely in them, or null when it is missing or unusable. */
function readCache(file: string, engine: string): { entries: Map<string, Entry>; writtenNs: bigint } | null {
  try {
    // Read only from the real folder inside the project, as it is written (never through a link).
    for (const d of [path.dirname(path.dirname(file)), path.dirname(file)]) {
      if (!lstatSync(d, { throwIfNoEntry: false })?.isDirectory()) return null;
    }
    const st = lstatSync(file, { bigint: true, throwIfNoEntry: false });
    if (!st || !st.isFile()) return null;
    const data = JSON.parse(readFileSync(file, "utf8")) as unknown;
    if (!isCacheFile(data) || data.format !== FORMAT || data.engine !== engine) return null;
    const entries = new Map<string, Entry>();
    for (const [rel, e] of Object.entries(data.entries)) {
      if (!isEntry(e)) return null;
      entries.set(rel, e);
    }
    const started = BigInt(data.started);
    return { entries, writtenNs: started < st.mtimeNs ? started : st.mtimeNs };
  } catch {
    return null; // corrupt or unreadable: rebuilt below
  }
}

function isCacheFile(v: unknown): v is CacheFile {
  if (v === null || typeof v !== "object") return false;
  const c = v as Partial<CacheFile>;
  return (
    typeof c.format === "number" &&
    typeof c.engine === "string" &&
    typeof c.started === "string" &&
    /^\d+$/.test(c.started) &&
    c.entries !== null && typeof c.entries === "object" && !Array.isArray(c.entries)
  );
}

/** Shape check of what the key comparison and the racy check rely on (the outcome is ours). */
function isEntry(v: unknown): v is Entry {
  if (v === null || typeof v !== "object") return false;
  const e = v as Partial<Entry>;
  const o = e.outcome as Partial<Outcome> | undefined;
  return (
    typeof e.key === "string" &&
    typeof e.changed === "string" &&
    /^\d+$/.test(e.changed) &&
    o !== null &&
    typeof o === "object" &&
    ((o.kind === "skip" && typeof o.warning === "object") || (o.kind === "parse" && typeof o.parse === "object"))
  );
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
    await writeFileAtomic(file, JSON.stringify(data));
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
        hash.update(`${p}\0${keyOf(statSync(p, { bigint: true }))}\n`);
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
