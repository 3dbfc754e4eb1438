// Finds the stories folder and reads its markdown files. The only place story files touch the
// disk; everything after this is pure (lib/core/stories/parse-stories.ts). Each file is read by
// the bounded reader (./bounded-read.ts) that the config and state files share.
import { readdirSync, realpathSync, type Dirent } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { diag, sortDiags, type Diag } from "../../core/diagnostics.js";
import type { SkippedFile, SourceFile } from "../../core/model.js";
import { CCPM_EPICS_DIR, DEFAULT_STORY_DIRS } from "../../core/stories/story-folders.js";
import { isInside, readBounded, type ReadStat } from "./bounded-read.js";

export interface StoryFiles {
  /** Project-relative POSIX paths of the folders that were read. */
  dirs: string[];
  files: SourceFile[];
  skipped: SkippedFile[];
  errors: Diag[];
  warnings: Diag[];
}

export const MAX_STORY_BYTES = 1024 * 1024;

const toPosix = (p: string): string => p.split(path.sep).join("/");

async function isDir(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

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

function mdFiles(root: string, dir: string, realRoot: () => string): Listed[] {
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
  for (const e of entries) {
    if (e.isDirectory() || !/\.md$/i.test(e.name)) continue;
    names.push(e.name);
    if (e.isSymbolicLink()) links.add(e.name);
  }
  return names.sort().map((name): Listed => {
    const plain = realDir !== null && !links.has(name);
    return {
      abs: joinName(dir, name),
      rel: relDir === "" ? name : `${relDir}/${name}`,
      inside: plain ? dirInside : null,
      real: plain && realDir !== null ? joinName(realDir, name) : "",
    };
  });
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

async function resolveDirs(root: string, storiesDir: string | undefined): Promise<{ dirs: string[] } | { error: Diag }> {
  if (storiesDir !== undefined) {
    const shown = storiesDir;
    if (path.isAbsolute(storiesDir) || /^[A-Za-z]:/.test(storiesDir)) {
      return { error: diag("unsafe-path", `storiesDir "${shown}" must be a path inside the project, relative to its root`) };
    }
    const abs = path.resolve(root, storiesDir);
    if (!isInside(root, abs)) {
      return { error: diag("unsafe-path", `storiesDir "${shown}" points outside the project`) };
    }
    if (!(await isDir(abs))) {
      return {
        error: diag(
          "no-stories",
          `storiesDir "${shown}" does not exist or is not a folder. Create it or set storiesDir in .agent-orchestration/config.yaml`,
        ),
      };
    }
    const [realRoot, realDir] = await Promise.all([realpath(root), realpath(abs)]);
    if (!isInside(realRoot, realDir)) {
      return { error: diag("unsafe-path", `storiesDir "${shown}" is a link to a folder outside the project`) };
    }
    return { dirs: [abs] };
  }
  for (const d of DEFAULT_STORY_DIRS) {
    const abs = path.join(root, d);
    if (await isDir(abs)) return { dirs: [abs] };
  }
  const epics = path.join(root, CCPM_EPICS_DIR);
  if (await isDir(epics)) {
    const entries = await readdir(epics, { withFileTypes: true });
    const dirs = entries
      .filter((e) => e.isDirectory())
      .map((e) => path.join(epics, e.name))
      .sort();
    if (dirs.length > 0) return { dirs };
  }
  const tried = [...DEFAULT_STORY_DIRS, `${CCPM_EPICS_DIR}/*/`].join(", ");
  return {
    error: diag(
      "no-stories",
      `No stories folder found (tried ${tried}). Put stories in docs/stories or set storiesDir in .agent-orchestration/config.yaml`,
    ),
  };
}

/** The stories folders and the markdown files in them, not yet read. */
export interface StoryListing {
  absRoot: string;
  /** Project-relative POSIX paths of the folders that were listed. */
  dirs: string[];
  /** In read order. */
  listed: Listed[];
  /** The project root's real path, resolved on first use. */
  realRoot: () => string;
  errors: Diag[];
}

/** Finds the stories folders under `root` and lists their markdown files. Never throws for user input. */
export async function listStoryFiles(root: string, storiesDir?: string): Promise<StoryListing> {
  const absRoot = path.resolve(root);
  // The project root's real path, resolved once (and again only if resolving it failed).
  let realRoot: string | undefined;
  const getRealRoot = (): string => (realRoot ??= realpathSync(absRoot));
  const listing: StoryListing = { absRoot, dirs: [], listed: [], realRoot: getRealRoot, errors: [] };
  const found = await resolveDirs(absRoot, storiesDir);
  if ("error" in found) {
    listing.errors.push(found.error);
    return listing;
  }
  listing.dirs = found.dirs.map((d) => toPosix(path.relative(absRoot, d)) || ".");
  for (const d of found.dirs) {
    try {
      listing.listed.push(...mdFiles(absRoot, d, getRealRoot));
    } catch (e) {
      const rel = toPosix(path.relative(absRoot, d));
      const code = (e as NodeJS.ErrnoException).code ?? "error";
      listing.errors.push(diag("unreadable-file", `Cannot list ${rel} (${code})`, rel));
    }
  }
  return listing;
}

/** Discovers and reads story files under `root` (the project root). Never throws for user input. */
export async function readStoryFiles(root: string, storiesDir?: string): Promise<StoryFiles> {
  const listing = await listStoryFiles(root, storiesDir);
  const result: StoryFiles = { dirs: listing.dirs, files: [], skipped: [], errors: listing.errors, warnings: [] };
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
