// How `npm run corpora` (scripts/corpora.ts) and the corpus tests plan one real story folder:
// with the BUILT command-line tool, as a user would (`story-orchestrator plan --json`, discovery
// included). What a user would have to set up comes from the folder's expectation in
// test/corpora.expected.json, not from guesses about folder names:
// - `flat: true`: the folder holds the story files themselves (no project around them); they are
//   copied into a temporary project as its docs/stories, where a user would keep them.
// - `storiesDir`: the stories are where no tool puts them by default; a temporary copy of the
//   folder gets `.agent-orchestration/config.yaml` naming them, as a user would write it.
// Otherwise the folder is planned where it is. ../shared is never written to.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export interface CorpusDiag {
  code: string;
  message: string;
  file?: string;
  line?: number;
}
export interface CorpusStory {
  id: string;
  path?: string | null;
  status?: string;
  dependencies: string[];
  [key: string]: unknown;
}
export interface CorpusPlan {
  stories?: CorpusStory[];
  waves?: string[][];
  warnings?: CorpusDiag[];
  errors?: CorpusDiag[];
  [key: string]: unknown;
}

/** A dependency edge as `[story, dependsOn]`: an id, `epic N`, or a file path (ends in .md). */
export interface ExpectedEdge {
  edge: [string, string];
  /** Where the authors wrote it (file:line and the words). */
  at?: string;
  /** For a non-edge: why it is not a dependency. */
  why?: string;
}
/** What a careful person reads in one corpus folder. See the header of test/corpora.test.ts. */
export interface CorpusExpectation {
  flat?: boolean;
  storiesDir?: string | string[];
  stories: number;
  ids: string[];
  idsMayBeNamespaced?: boolean;
  storyFiles?: string[];
  ambiguous?: string[];
  notStories?: { files: string[]; reason: string }[];
  edges?: ExpectedEdge[];
  nonEdges?: ExpectedEdge[];
  done?: string[];
  notDone?: string[];
  noFileYet?: string[];
  duplicates?: { id: string; files: string[] }[];
  notes?: string[];
}
export interface CorpusExpectations {
  folders: Record<string, CorpusExpectation>;
  /** folder → expectation key → why today's tool does not meet it yet. */
  gaps: Record<string, Record<string, string>>;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "bin", "story-orchestrator");
export const CORPORA_DIR = resolve(root, "../shared/corpora");
/** The expectations, established by reading the files. */
export const EXPECTED_FILE = join(root, "test", "corpora.expected.json");

export function readExpectations(file = EXPECTED_FILE): CorpusExpectations {
  const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<CorpusExpectations>;
  return { folders: parsed.folders ?? {}, gaps: parsed.gaps ?? {} };
}

/** A folder with no subfolder at all is taken as flat when it has no expectation saying otherwise. */
function looksFlat(folder: string): boolean {
  return readdirSync(folder, { withFileTypes: true }).every((e) => !e.isDirectory());
}

function configYaml(storiesDir: string | string[]): string {
  const dirs = Array.isArray(storiesDir) ? storiesDir : [storiesDir];
  // JSON strings are valid YAML scalars, so any folder name is quoted safely.
  return dirs.length === 1 ? `storiesDir: ${JSON.stringify(dirs[0])}\n` : `storiesDir:\n${dirs.map((d) => `  - ${JSON.stringify(d)}\n`).join("")}`;
}

/** The project to plan for `folder`, and a clean-up for the temporary copy when one was made. */
function projectFor(folder: string, expectation?: Pick<CorpusExpectation, "flat" | "storiesDir">): { cwd: string; done: () => void } {
  const flat = expectation?.flat ?? (expectation === undefined && looksFlat(folder));
  if (!flat && expectation?.storiesDir === undefined) return { cwd: folder, done: () => undefined };
  const temp = mkdtempSync(join(tmpdir(), "so-corpus-"));
  cpSync(folder, flat ? join(temp, "docs", "stories") : temp, { recursive: true });
  if (expectation?.storiesDir !== undefined) {
    mkdirSync(join(temp, ".agent-orchestration"), { recursive: true });
    writeFileSync(join(temp, ".agent-orchestration", "config.yaml"), configYaml(expectation.storiesDir));
  }
  return { cwd: temp, done: () => rmSync(temp, { recursive: true, force: true }) };
}

export function planCorpus(folder: string, expectation?: Pick<CorpusExpectation, "flat" | "storiesDir">): { plan: CorpusPlan; ms: number } {
  const project = projectFor(folder, expectation);
  const started = performance.now();
  let out: string;
  try {
    out = execFileSync(process.execPath, [bin, "plan", "--json", "--cwd", project.cwd], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    // `plan` exits 1 when it reports errors; its JSON is still the answer.
    out = String((e as { stdout?: string }).stdout ?? "{}");
  } finally {
    project.done();
  }
  return { plan: JSON.parse(out || "{}") as CorpusPlan, ms: performance.now() - started };
}
