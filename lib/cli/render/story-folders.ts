// `validate`'s account of discovery: which story folders were read, why each was chosen and how
// many stories each gave, and which subfolders were passed over and why.
import type { FolderSkipped, FolderUsed } from "../../core/stories/discovery-rules.js";
import { printable, table, type Style } from "./style.js";

export interface FolderReport {
  read: (FolderUsed & { stories: number })[];
  skipped: FolderSkipped[];
}

/**
 * Each story is counted in the folder it came from: the longest listed folder its path starts
 * with (story folders may nest: a storiesDir list, or a story_location inside a known folder).
 */
export function folderReport(folders: readonly FolderUsed[], skipped: readonly FolderSkipped[], storyPaths: readonly string[]): FolderReport {
  const counts = new Map<string, number>(folders.map((f) => [f.path, 0]));
  const byLength = [...folders].sort((a, b) => b.path.length - a.path.length);
  for (const p of storyPaths) {
    const home = byLength.find((f) => f.path === "." || p.startsWith(`${f.path}/`));
    if (home) counts.set(home.path, (counts.get(home.path) ?? 0) + 1);
  }
  return { read: folders.map((f) => ({ ...f, stories: counts.get(f.path) ?? 0 })), skipped: [...skipped] };
}

export function renderFolderReport(report: FolderReport, s: Style, tty: boolean): string[] {
  const out: string[] = [];
  if (report.read.length === 0) return out;
  out.push("", s.bold("Story folders read"));
  const rows = report.read.map((f) => [printable(f.path, tty), `${f.stories} ${f.stories === 1 ? "story" : "stories"}`, printable(f.reason, tty)]);
  for (const line of table(rows)) out.push(`  ${line}`);
  if (report.skipped.length > 0) {
    out.push("", s.bold(`Folders not read (${report.skipped.length})`));
    for (const line of table(report.skipped.map((f) => [printable(f.path, tty), f.reason]))) out.push(`  ${s.dim(line)}`);
  }
  return out;
}
