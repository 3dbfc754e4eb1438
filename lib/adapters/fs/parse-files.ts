// Reads and parses the story files a load needs (those the parse cache could not serve). Big
// projects are split across worker threads (dist/parse-worker.mjs), one per core: reading and
// parsing 10,000 files is most of `plan`'s time, and each file is independent. Small ones, and
// runs from source (tests, tsx) where no bundled worker exists, parse on this thread. The
// result is the same either way, in the same order.
import { existsSync, type BigIntStats } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Diag } from "../../core/diagnostics.js";
import { parseStory, type StoryParse } from "../../core/stories/parse-story.js";
import { readOne, type Listed, type ReadStat } from "./read-story-files.js";

/** What one file turned into: a read-stage skip (empty, binary, too large) or a parse. */
export type Outcome = { kind: "skip"; warning: Diag } | { kind: "parse"; parse: StoryParse };

export type FileResult =
  | { kind: "error"; error: Diag }
  | {
      kind: "outcome";
      outcome: Outcome;
      /** The stat key (size:mtimeNs:ino:ctimeNs) taken before the read, when asked for. */
      key?: string;
      /** max(mtimeNs, ctimeNs) of that stat, as a decimal string. */
      changed?: string;
      /**
       * JSON.stringify(outcome), made on the thread that parsed the file, when the outcome is
       * to be cached (it has a key) and JSON gives it back exactly (see jsonSafe).
       */
      json?: string;
    };

/** A result as a worker sends it: the outcome only as its JSON when it has one (half the bytes). */
export type WireResult = FileResult | { kind: "json"; key: string; changed: string; json: string };

/** One file to read: where it is, and whether its stat key is wanted (for the cache). */
export interface FileTask {
  item: Listed;
  stat: boolean;
}

/** What the main thread sends a worker. */
export interface WorkerRequest {
  realRoot: string;
  tasks: FileTask[];
}

/** Below this many files, starting a worker costs more than it saves. */
const PARALLEL_MIN_FILES = 600;

/** A file's cache key: what changes whenever its content may have. */
export const statKey = (st: BigIntStats): string => `${st.size}:${st.mtimeNs}:${st.ino}:${st.ctimeNs}`;

/** Reads and parses one file; the same code on every thread. */
export function readAndParse(realRoot: () => string, task: FileTask): FileResult {
  const stat: { value: ReadStat } = { value: null };
  const r = readOne(realRoot, task.item, task.stat ? stat : null);
  if (r.kind === "error") return { kind: "error", error: r.error };
  const outcome: Outcome = r.kind === "file" ? { kind: "parse", parse: parseStory(r.file) } : { kind: "skip", warning: r.warning };
  const st = stat.value;
  if (!st || !st.isFile()) return { kind: "outcome", outcome };
  const changed = st.mtimeNs > st.ctimeNs ? st.mtimeNs : st.ctimeNs;
  const result: FileResult = { kind: "outcome", outcome, key: statKey(st), changed: String(changed) };
  if (jsonSafe(outcome)) result.json = JSON.stringify(outcome);
  return result;
}

/** What a worker posts for one result (lib/adapters/fs/parse-worker.ts). */
export function toWire(r: FileResult): WireResult {
  return r.kind === "outcome" && r.json !== undefined && r.key !== undefined && r.changed !== undefined
    ? { kind: "json", key: r.key, changed: r.changed, json: r.json }
    : r;
}

function fromWire(r: WireResult): FileResult {
  return r.kind === "json" ? { kind: "outcome", outcome: JSON.parse(r.json) as Outcome, key: r.key, changed: r.changed, json: r.json } : r;
}

/**
 * Whether `v` comes back from JSON.stringify + JSON.parse deep-equal (no undefined-valued key,
 * no Infinity/NaN, only plain objects and arrays): an outcome that would not is not cached.
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

/** The bundled worker beside this code (dist/ or dist/chunks/), or null when run from source. */
function workerFile(): string | null {
  for (const rel of ["./parse-worker.mjs", "../parse-worker.mjs"]) {
    const url = new URL(rel, import.meta.url);
    if (url.protocol === "file:" && existsSync(url)) return fileURLToPath(url);
  }
  return null;
}

/** How many threads to use: STORY_ORCHESTRATOR_THREADS overrides (1 = this thread only). */
function threadCount(files: number): number {
  const forced = Number(process.env["STORY_ORCHESTRATOR_THREADS"]);
  const cores = Number.isInteger(forced) && forced > 0 ? forced : availableParallelism();
  return files < PARALLEL_MIN_FILES ? 1 : Math.max(1, Math.min(cores, 8, Math.floor(files / (PARALLEL_MIN_FILES / 2))));
}

function runWorker(file: string, request: WorkerRequest): Promise<FileResult[]> {
  return new Promise((resolve, reject) => {
    const w = new Worker(file, { workerData: request });
    let done = false;
    w.once("message", (results: WireResult[]) => {
      done = true;
      resolve(results.map(fromWire));
    });
    w.once("error", reject);
    w.once("exit", (code) => {
      if (!done) reject(new Error(`the story parse worker exited with code ${code} before it answered`));
    });
  });
}

/**
 * Results in task order. Shares are contiguous slices, this thread taking the first; if a
 * worker fails (cannot start, runs out of memory), its share is done here instead.
 */
export async function readAndParseAll(realRoot: () => string, tasks: readonly FileTask[]): Promise<FileResult[]> {
  const threads = threadCount(tasks.length);
  const file = threads > 1 ? workerFile() : null;
  if (file === null) return tasks.map((t) => readAndParse(realRoot, t));
  const size = Math.ceil(tasks.length / threads);
  const shares = Array.from({ length: threads }, (_, i) => tasks.slice(i * size, (i + 1) * size));
  const root = realRoot();
  // Workers start first, so they read and parse while this thread does its own share.
  const pending = shares.slice(1).map((share) => runWorker(file, { realRoot: root, tasks: share }).catch(() => null));
  const mine = (shares[0] ?? []).map((t) => readAndParse(realRoot, t));
  const theirs = await Promise.all(pending);
  if (process.env["STORY_ORCHESTRATOR_DEBUG"]) {
    const failed = theirs.filter((r) => r === null).length;
    process.stderr.write(`story-orchestrator: ${tasks.length} story files read on ${threads} threads${failed ? ` (${failed} worker(s) failed; their share was read here)` : ""}\n`);
  }
  return [mine, ...theirs.map((r, i) => r ?? (shares[i + 1] ?? []).map((t) => readAndParse(realRoot, t)))].flat();
}
