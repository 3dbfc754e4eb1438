// A persistent per-file parse cache, the way git's index and eslint's cache work: every engine
// verb loads the whole project, so repeat calls during a run stat each story file and reuse the
// earlier parse of every file whose stat key (size, mtime, ctime, inode) is unchanged.
// Never stale: the key is taken before the file is read; an entry modified within
// RACY_MS of the moment the files were read is not trusted (racy git: a change in the same
// clock tick would keep the key), that moment being the earlier of the load's start (system
// clock) and the cache file's mtime (the file system's clock); the cache is bound to the engine build and PARSER_VERSION; a missing,
// corrupt or foreign cache is ignored and rebuilt. Only plain files inside the project are
// cached; links and read errors are read every time, exactly as without a cache.
import { statSync, type Stats } from "node:fs";
import { sortDiags, type Diag } from "../../core/diagnostics.js";
import type { SkippedFile } from "../../core/model.js";
import type { FolderSkipped, FolderUsed } from "../../core/stories/discovery-rules.js";
import { combineParses, PARSER_VERSION, type FileParse, type ParseResult } from "../../core/stories/combine-parses.js";
import type { parseStory } from "../../core/stories/parse-story.js";
import { decodeOutcome, encodeOutcome, movePooled, TextPool, type Outcome } from "./story-cache-codec.js";
import { buildIdentity, CACHE_DIR, cacheJson, readCacheFile, writeCacheFile } from "./cache-dir.js";
import type { ReadStat } from "./bounded-read.js";
import { listStoryFiles, readOne } from "./read-story-files.js";

const CACHE_NAME = "stories.json";
/** Project-relative. */
export const STORY_CACHE_FILE = `${CACHE_DIR}/${CACHE_NAME}`;
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
  /** Project-relative POSIX paths of the story folders that were read (with their subfolders). */
  dirs: string[];
  /** The same folders, each with why it was chosen. */
  folders: FolderUsed[];
  /** Subfolders that were not read, with the reason. */
  skippedFolders: FolderSkipped[];
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
  /**
   * Use and update the cache (default true). The result is the same either way. "read-only"
   * uses it but never writes it: a dashboard reads the project over and over and must not write
   * into `.agent-orchestration/` (nor wake its own watcher there).
   */
  cache?: boolean | "read-only";
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
export async function loadStories(root: string, storiesDir: string | readonly string[] | undefined, options: StoryCacheOptions = {}): Promise<StoriesLoaded> {
  const started = Date.now();
  const listing = await listStoryFiles(root, storiesDir);
  const engine = options.cache !== false && listing.listed.length > 0 ? (options.engine ?? engineIdentity()) : null;
  const useCache = engine !== null;
  const old = engine !== null ? readCache(listing.absRoot, engine) : null;
  // The next cache's entries: kept ones point into the old cache's checklist pool, new ones into `fresh`.
  const next: { entry: Entry; kept: boolean }[] = [];
  const fresh = new TextPool();
  let parse: typeof parseStory | undefined;
  let misses = 0;
  let hits = 0;

  const out: StoriesLoaded = {
    dirs: listing.dirs,
    folders: listing.folders,
    skippedFolders: listing.skippedFolders,
    fileCount: 0,
    skipped: [],
    errors: listing.errors,
    warnings: [...listing.warnings],
    parsed: combineParses([]),
    cacheHits: 0,
  };
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
    const outcome: Outcome = r.kind === "file" ? { kind: "parse", parse: (parse ??= await loadParser())(r.file) } : { kind: "skip", warning: r.warning };
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
  if (useCache && options.cache !== "read-only" && (misses > 0 || (old?.entries.size ?? 0) !== hits)) {
    const [oldPool, freshPool, pool] = [old?.checklists ?? "", fresh.text(), new TextPool()];
    const entries = next.map(({ entry, kept }): Entry => [entry[0], entry[1], movePooled(entry[2], kept ? oldPool : freshPool, pool)]);
    const data: CacheFile = { format: FORMAT, engine: engine ?? "", started, entries, checklists: pool.text() };
    await writeCacheFile(listing.absRoot, CACHE_NAME, cacheJson(data));
  }
  return out;
}

/**
 * The parser, loaded when a file has to be parsed: a run served from the cache never loads it
 * (with the yaml package it imports, about 15 ms of module loading).
 */
async function loadParser(): Promise<typeof parseStory> {
  return (await import("../../core/stories/parse-story.js")).parseStory;
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

function readCache(absRoot: string, engine: string): OldCache | null {
  const file = readCacheFile(absRoot, CACHE_NAME);
  if (!file) return null;
  try {
    const data = JSON.parse(file.text) as unknown;
    if (!isCacheFile(data) || data.format !== FORMAT || data.engine !== engine) return null;
    const entries = new Map<string, Entry>();
    for (const e of data.entries) {
      if (!isEntry(e)) return null;
      entries.set(e[0], e);
    }
    return { entries, writtenMs: Math.min(data.started, file.mtimeMs), checklists: data.checklists };
  } catch {
    return null; // corrupt: rebuilt below
  }
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
 * Which engine build wrote a cache (buildIdentity), with the cache format and PARSER_VERSION,
 * so an explicit parser change invalidates it too.
 */
export function engineIdentity(): string | null {
  const build = buildIdentity();
  return build === null ? null : `${FORMAT}:${PARSER_VERSION}:${build}`;
}
