// Lists the story folders that discovery chose (./discover-story-folders.ts), subfolders
// included, and reads their markdown files. The only place story files touch the disk;
// everything after this is pure (lib/core/stories/parse-stories.ts). Each file is read by the
// bounded reader (./bounded-read.ts) that the config and state files share.
import { readdirSync, realpathSync, statSync, type Dirent } from "node:fs";
import path from "node:path";
import { diag, sortDiags, type Diag } from "../../core/diagnostics.js";
import type { SkippedFile, SourceFile } from "../../core/model.js";
import { folderSkipReason, type FolderSkipped, type FolderUsed } from "../../core/stories/discovery-rules.js";
import { isInside, readBounded, type ReadStat } from "./bounded-read.js";
import { discoverStoryFolders, type Discovery } from "./discover-story-folders.js";

export interface StoryFiles {
  /** Project-relative POSIX paths of the story folders that were read (with their subfolders). */
  dirs: string[];
  /** The same folders, each with why it was chosen. */
  folders: FolderUsed[];
  /** Subfolders that were not read, with the reason. */
  skippedFolders: FolderSkipped[];
  files: SourceFile[];
  skipped: SkippedFile[];
  errors: Diag[];
  warnings: Diag[];
}

export const MAX_STORY_BYTES = 1024 * 1024;

const toPosix = (p: string): string => p.split(path.sep).join("/");

/** A markdown file found in a stories folder. */
export interface Listed {
  abs: string;
  /** Project-relative POSIX path. */
  rel: string;
  /**
   * For a plain file (not a link) in a folder whose real path is known: whether that folder is
   * inside the project's real root (then so is the file). Null: resolve and check this file.
   */
  inside: boolean | null;
  /** The file's real path when `inside` is known. */
  real: string;
}

/** `path.join(dir, name)` for a normalised folder and a plain entry name, without normalising. */
function joinName(dir: string, name: string): string {
  return dir.endsWith(path.sep) ? dir + name : dir + path.sep + name;
}

interface FolderListing {
  files: Listed[];
  /** Names of subfolders (and of links to folders), sorted. */
  subfolders: string[];
  /** The folder's real path, null when it cannot be resolved. */
  realDir: string | null;
}

function mdFiles(root: string, dir: string, realRoot: () => string): FolderListing {
  const entries: Dirent[] = readdirSync(dir, { withFileTypes: true });
  // A plain file's real path is its folder's real path plus its name, and it is inside the
  // project exactly when its folder is: one realpath and one check per folder instead of per
  // file. Links are still resolved one by one.
  let realDir: string | null;
  let dirInside: boolean | null;
  try {
    realDir = realpathSync(dir);
    dirInside = isInside(realRoot(), realDir);
  } catch {
    realDir = null;
    dirInside = null;
  }
  const relDir = toPosix(path.relative(root, dir));
  // Sorted by name, which is sorting by path within one folder; sort() without a comparator
  // compares strings natively (the same order as `<`), with no call into JavaScript per step.
  const links = new Set<string>();
  const names: string[] = [];
  const subfolders: string[] = [];
  for (const e of entries) {
    if (e.isDirectory()) subfolders.push(e.name);
    else if (/\.md$/i.test(e.name)) {
      names.push(e.name);
      if (e.isSymbolicLink()) links.add(e.name);
    } else if (e.isSymbolicLink() && isDirectory(joinName(dir, e.name))) {
      // A link to a folder is a subfolder (followed when it stays inside the project). Only
      // links cost a stat: a flat folder of plain files costs none.
      subfolders.push(e.name);
    }
  }
  const files = names.sort().map((name): Listed => {
    const plain = realDir !== null && !links.has(name);
    return {
      abs: joinName(dir, name),
      rel: relDir === "" ? name : `${relDir}/${name}`,
      inside: plain ? dirInside : null,
      real: plain && realDir !== null ? joinName(realDir, name) : "",
    };
  });
  return { files, subfolders: subfolders.sort(), realDir };
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
}

function resolvesInside(realRoot: () => string, abs: string): boolean {
  try {
    return isInside(realRoot(), realpathSync(abs));
  } catch {
    return false;
  }
}

export type Read = { kind: "file"; file: SourceFile } | { kind: "skip"; warning: Diag } | { kind: "error"; error: Diag };

/**
 * Reads one file. Synchronous on purpose: on a 10,000-file folder a tight loop of sync reads
 * is several times faster than promise-per-file reads (measured), and nothing runs meanwhile.
 * With `stat`, the file's stat (taken before the read) is stored in `stat.value`.
 */
export function readOne(realRoot: () => string, file: Listed, stat: { value: ReadStat } | null = null): Read {
  const { abs, rel } = file;
  try {
    // A symlinked story that resolves outside the project is refused like a storiesDir would be.
    const real = file.inside === null ? realpathSync(abs) : file.real;
    if (!(file.inside ?? isInside(realRoot(), real))) {
      return { kind: "error", error: diag("unsafe-path", `${rel} is a link to a file outside the project; not read`, rel) };
    }
    const got = readBounded(real, stat, MAX_STORY_BYTES);
    if (typeof got === "object" && "notFile" in got) {
      return { kind: "error", error: diag("unreadable-file", `Cannot read ${rel} (not a regular file)`, rel) };
    }
    if (typeof got === "number") {
      const mib = (got / (1024 * 1024)).toFixed(1);
      return {
        kind: "skip",
        warning: diag("file-too-large", `${rel} is ${mib} MiB (${got} bytes), over the 1 MiB limit for a story file; skipped`, rel),
      };
    }
    // In valid UTF-8 a NUL byte is exactly a "\0" character; invalid UTF-8 is never blank.
    const text = typeof got === "string" ? got : null;
    if (text !== null && text.trim() === "") {
      return { kind: "skip", warning: diag("empty-file", `${rel} is empty; skipped`, rel) };
    }
    if (text === null ? (got as { invalid: Buffer }).invalid.includes(0) : text.includes("\0")) {
      return { kind: "skip", warning: diag("binary-file", `${rel} looks binary (it contains NUL bytes); skipped`, rel) };
    }
    if (text === null) {
      return { kind: "skip", warning: diag("binary-file", `${rel} is not valid UTF-8 text; skipped`, rel) };
    }
    return { kind: "file", file: { path: rel, text } };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "error";
    return { kind: "error", error: diag("unreadable-file", `Cannot read ${rel} (${code})`, rel) };
  }
}

/** The stories folders and the markdown files in them, not yet read. */
export interface StoryListing {
  absRoot: string;
  /** Project-relative POSIX paths of the story folders that were listed (each with its subfolders). */
  dirs: string[];
  /** The same folders, each with why it was chosen. */
  folders: FolderUsed[];
  /** Subfolders that were not read, with the reason (lib/core/stories/discovery-rules.ts). */
  skippedFolders: FolderSkipped[];
  /** In read order. */
  listed: Listed[];
  /** The project root's real path, resolved on first use. */
  realRoot: () => string;
  errors: Diag[];
  warnings: Diag[];
}

/**
 * Finds the stories folders under `root` and lists their markdown files, subfolders included
 * (discovery-rules.ts says which are passed over, and how deep). Never throws for user input.
 */
export async function listStoryFiles(root: string, storiesDir?: string | readonly string[]): Promise<StoryListing> {
  const absRoot = path.resolve(root);
  // The project root's real path, resolved once (and again only if resolving it failed).
  let realRoot: string | undefined;
  const getRealRoot = (): string => (realRoot ??= realpathSync(absRoot));
  const listing: StoryListing = { absRoot, dirs: [], folders: [], skippedFolders: [], listed: [], realRoot: getRealRoot, errors: [], warnings: [] };
  let found: Discovery;
  try {
    found = discoverStoryFolders(absRoot, getRealRoot, storiesDir);
  } catch (e) {
    // The project folder itself cannot be resolved (removed meanwhile, no permission).
    const code = (e as NodeJS.ErrnoException).code ?? "error";
    listing.errors.push(diag("unreadable-file", `Cannot read the project folder (${code})`));
    return listing;
  }
  listing.errors.push(...found.errors);
  listing.warnings.push(...found.warnings);
  listing.folders = found.roots.map(({ rel, reason }) => ({ path: rel, reason }));
  listing.dirs = found.roots.map((r) => r.rel);
  // Real paths of the folders listed so far: nested story folders and links back up are listed once.
  const seen = new Set<string>();
  for (const r of found.roots) walk(absRoot, r.abs, 0, getRealRoot, seen, listing);
  return listing;
}

/** Lists `dir`'s markdown files, then its subfolders' (by name), depth first. */
function walk(absRoot: string, dir: string, depth: number, realRoot: () => string, seen: Set<string>, listing: StoryListing): void {
  let got: FolderListing;
  try {
    got = mdFiles(absRoot, dir, realRoot);
  } catch (e) {
    const rel = toPosix(path.relative(absRoot, dir));
    const code = (e as NodeJS.ErrnoException).code ?? "error";
    listing.errors.push(diag("unreadable-file", `Cannot list ${rel} (${code})`, rel));
    return;
  }
  if (got.realDir !== null) {
    if (seen.has(got.realDir)) return;
    seen.add(got.realDir);
  }
  for (const f of got.files) listing.listed.push(f);
  for (const name of got.subfolders) {
    const abs = joinName(dir, name);
    const rel = toPosix(path.relative(absRoot, abs));
    const why = folderSkipReason(rel, name, depth + 1);
    if (why !== null) {
      listing.skippedFolders.push({ path: `${rel}/`, reason: why });
    } else if (!resolvesInside(realRoot, abs)) {
      listing.errors.push(diag("unsafe-path", `${rel} is a link to a folder outside the project; not read`, rel));
    } else {
      walk(absRoot, abs, depth + 1, realRoot, seen, listing);
    }
  }
}

/** Discovers and reads story files under `root` (the project root). Never throws for user input. */
export async function readStoryFiles(root: string, storiesDir?: string | readonly string[]): Promise<StoryFiles> {
  const listing = await listStoryFiles(root, storiesDir);
  const result: StoryFiles = {
    dirs: listing.dirs,
    folders: listing.folders,
    skippedFolders: listing.skippedFolders,
    files: [],
    skipped: [],
    errors: listing.errors,
    warnings: listing.warnings,
  };
  for (const item of listing.listed) {
    const r = readOne(listing.realRoot, item);
    if (r.kind === "file") result.files.push(r.file);
    else if (r.kind === "skip") {
      result.warnings.push(r.warning);
      result.skipped.push({ path: r.warning.file ?? "", reason: r.warning.message });
    } else result.errors.push(r.error);
  }
  result.warnings = sortDiags(result.warnings);
  result.errors = sortDiags(result.errors);
  return result;
}
