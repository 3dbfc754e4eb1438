// ccpm (`.claude/epics/<epic>/<N>.md`): which epic folder a task is in, and what the epic's
// github-mapping.md says. ccpm numbers tasks locally (001.md, 002.md, ...); `/pm:epic-sync`
// creates one GitHub issue per task and renames each file to its issue number (27.md), but
// `depends_on: [003]` and `# Task 003` headings written before the sync may keep the local
// numbers. github-mapping.md lists the issues (`- #27: Title - https://...`), sometimes with the
// local file under each (`  - Local file: \`003.md\``); the pairs let a local number resolve to
// the synced task (ccpm-refs.ts). Pure: the mapping file arrives as the other files do.
import type { ScannedLines } from "./markdown.js";

export interface CcpmFolder {
  /** The epic folder's name ("couples-therapy-assistant"). */
  epic: string;
  /** The folder, project-relative: what tells the tasks of two epics apart. */
  dir: string;
  /** Under `.claude/epics/archived/`: ccpm moves a finished epic there, so its tasks are done. */
  archived: boolean;
}

export interface CcpmMapping {
  /** [local number, issue number] pairs the file states (`Local file: 003.md` under `#4`). */
  explicit: [string, string][];
  /**
   * The task issue numbers in the order listed (closed ones included). With no explicit pairs,
   * the k-th smallest is taken as local task k: sync creates the issues in local-number order.
   */
  issues: string[];
}

const CCPM_TASK_RE = /(?:^|\/)\.claude\/epics\/(archived\/)?([^/]+)\/[^/]+$/;

/** The ccpm epic folder of a file directly inside one (not in its `updates/` or other subfolders). */
export function ccpmEpicFolder(path: string): CcpmFolder | undefined {
  const m = CCPM_TASK_RE.exec(path);
  if (!m || (m[1] === undefined && m[2] === "archived")) return undefined;
  return { epic: m[2]!, dir: path.slice(0, path.lastIndexOf("/")), archived: m[1] !== undefined };
}

export function isGithubMapping(path: string): boolean {
  return /(?:^|\/)github[-_]mapping\.md$/i.test(path) && ccpmEpicFolder(path) !== undefined;
}

const TASK_LINE_RE = /^\s*[-*]\s+#(\d+)\s*[:\-–—]/;
const LOCAL_FILE_RE = /^\s*[-*]\s+Local file:\s*`?(\d+)\.md`?/i;

/** Reads the issue list of a github-mapping.md body (the epic's own `Epic: #N` line is not a task). */
export function readCcpmMapping(scan: ScannedLines): CcpmMapping {
  const explicit: [string, string][] = [];
  const issues: string[] = [];
  let current: string | null = null;
  for (let i = 0; i < scan.count; i++) {
    if (scan.fenced[i]) continue;
    const line = scan.line(i);
    const task = TASK_LINE_RE.exec(line);
    if (task && !/^\s/.test(line)) {
      current = task[1]!;
      issues.push(current);
      continue;
    }
    const local = LOCAL_FILE_RE.exec(line);
    if (local && current !== null) explicit.push([local[1]!, current]);
  }
  return { explicit, issues };
}
