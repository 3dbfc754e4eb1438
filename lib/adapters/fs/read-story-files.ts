// Finds the stories folder and reads its markdown files. The only place story files touch the
// disk; everything after this is pure (lib/core/stories/parse-stories.ts).
import { readFile, readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { diag, sortDiags, type Diag } from "../../core/diagnostics.js";
import type { SkippedFile, SourceFile } from "../../core/model.js";

export interface StoryFiles {
  /** Project-relative POSIX paths of the folders that were read. */
  dirs: string[];
  files: SourceFile[];
  skipped: SkippedFile[];
  errors: Diag[];
  warnings: Diag[];
}

/** Where stories live when `storiesDir` is not configured, in order of preference. */
export const DEFAULT_STORY_DIRS = [
  "docs/stories",
  "_bmad-output/implementation-artifacts/stories",
  "docs/sprint-artifacts/stories",
] as const;
const CCPM_EPICS_DIR = ".claude/epics";

export const MAX_STORY_BYTES = 1024 * 1024;
const READ_CONCURRENCY = 32;

const toPosix = (p: string): string => p.split(path.sep).join("/");

function isInside(root: string, p: string): boolean {
  const rel = path.relative(root, p);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

async function isDir(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}

async function mdFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => !e.isDirectory() && /\.md$/i.test(e.name))
    .map((e) => path.join(dir, e.name))
    .sort();
}

type Read = { kind: "file"; file: SourceFile } | { kind: "skip"; warning: Diag } | { kind: "error"; error: Diag };

async function readOne(root: string, abs: string): Promise<Read> {
  const rel = toPosix(path.relative(root, abs));
  try {
    // A symlinked story that resolves outside the project is refused like a storiesDir would be.
    const real = await realpath(abs);
    if (!isInside(await realpath(root), real)) {
      return { kind: "error", error: diag("unsafe-path", `${rel} is a link to a file outside the project; not read`, rel) };
    }
    const st = await stat(real);
    if (st.size > MAX_STORY_BYTES) {
      const mib = (st.size / (1024 * 1024)).toFixed(1);
      return {
        kind: "skip",
        warning: diag("file-too-large", `${rel} is ${mib} MiB (${st.size} bytes), over the 1 MiB limit for a story file; skipped`, rel),
      };
    }
    const buf = await readFile(real);
    if (buf.length === 0 || buf.toString("utf8").trim() === "") {
      return { kind: "skip", warning: diag("empty-file", `${rel} is empty; skipped`, rel) };
    }
    if (buf.includes(0)) {
      return { kind: "skip", warning: diag("binary-file", `${rel} looks binary (it contains NUL bytes); skipped`, rel) };
    }
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
    } catch {
      return { kind: "skip", warning: diag("binary-file", `${rel} is not valid UTF-8 text; skipped`, rel) };
    }
    return { kind: "file", file: { path: rel, text } };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "error";
    return { kind: "error", error: diag("unreadable-file", `Cannot read ${rel} (${code})`, rel) };
  }
}

/** Runs `fn` over `items` with at most `limit` in flight; results keep the input order. */
async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
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

/** Discovers and reads story files under `root` (the project root). Never throws for user input. */
export async function readStoryFiles(root: string, storiesDir?: string): Promise<StoryFiles> {
  const absRoot = path.resolve(root);
  const result: StoryFiles = { dirs: [], files: [], skipped: [], errors: [], warnings: [] };
  const found = await resolveDirs(absRoot, storiesDir);
  if ("error" in found) {
    result.errors.push(found.error);
    return result;
  }
  result.dirs = found.dirs.map((d) => toPosix(path.relative(absRoot, d)) || ".");
  const paths: string[] = [];
  for (const d of found.dirs) {
    try {
      paths.push(...(await mdFiles(d)));
    } catch (e) {
      const rel = toPosix(path.relative(absRoot, d));
      const code = (e as NodeJS.ErrnoException).code ?? "error";
      result.errors.push(diag("unreadable-file", `Cannot list ${rel} (${code})`, rel));
    }
  }
  const reads = await mapBounded(paths, READ_CONCURRENCY, (p) => readOne(absRoot, p));
  for (const r of reads) {
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
