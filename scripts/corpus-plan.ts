// How `npm run corpora` (scripts/corpora.ts) and the corpus tests plan one real story folder:
// with the BUILT command-line tool, as a user would (`story-orchestrator plan --json`, discovery
// included). A project-shaped folder (stories at their real path: docs/stories, _bmad-output/...,
// .claude/epics) is planned where it is. A flat folder (the story files themselves, no project
// around them) is copied into a temporary project as its docs/stories, where a user would keep it.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export interface CorpusDiag {
  code: string;
  message: string;
  file?: string;
  line?: number;
}
export interface CorpusPlan {
  /** `placeholder`: listed in sprint-status.yaml with no story file yet (not a story file found). */
  stories?: { id: string; path: string; dependencies: string[]; placeholder?: true }[];
  warnings?: CorpusDiag[];
  errors?: CorpusDiag[];
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const bin = join(root, "bin", "story-orchestrator");
export const CORPORA_DIR = resolve(root, "../shared/corpora");
/** Expected story counts, established by reading the files. */
export const EXPECTED_FILE = join(root, "test", "corpora.expected.json");

/** Where the tools put stories; a folder holding none of these is a flat story folder. */
const PROJECT_MARKERS = ["docs", "_bmad-output", ".claude", "agentydragon"];

export function planCorpus(folder: string): { plan: CorpusPlan; ms: number } {
  const flat = !PROJECT_MARKERS.some((m) => existsSync(join(folder, m)));
  let cwd = folder;
  let temp: string | null = null;
  if (flat) {
    temp = mkdtempSync(join(tmpdir(), "so-corpus-"));
    cpSync(folder, join(temp, "docs", "stories"), { recursive: true });
    cwd = temp;
  }
  const started = performance.now();
  let out: string;
  try {
    out = execFileSync(process.execPath, [bin, "plan", "--json", "--cwd", cwd], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    // `plan` exits 1 when it reports errors; its JSON is still the answer.
    out = String((e as { stdout?: string }).stdout ?? "{}");
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
  return { plan: JSON.parse(out || "{}") as CorpusPlan, ms: performance.now() - started };
}
