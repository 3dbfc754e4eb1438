// Which folders story discovery reads and which it passes over, as pure decisions on names and
// paths: the fs adapter (lib/adapters/fs/read-story-files.ts) lists, this file decides. Every
// folder passed over is reported with its reason, so `validate` can show it.
//
// The rule for subfolders of a story folder (epic folders such as epic-4/, 01.identity-access/,
// stories/, epic-010/stories/ are read):
//   - Folders the tools fill with documents ABOUT stories are not read: reviews, retrospectives,
//     tech specs, BMAD story-context XML, ccpm's progress notes (updates/), planning documents,
//     quick-dev specs, templates. Their files are often named by a story's id
//     (reviews/3-0-....md), so reading them would make duplicates, not stories.
//   - Archives (archive/, tasks_archive/, old/, backup/) hold superseded copies of stories that
//     live on elsewhere (a "-backup" file, a task's pre-sync version): reading them would make
//     duplicates. Exception: ccpm's `.claude/epics/archived/<epic>/`, where ccpm moves whole
//     finished epics; their tasks are the only copy and count as done.
//   - Hidden folders are tool state (.git, .obsidian, .vscode), except `.done/` and
//     `.completed/`: finished stories moved aside, still the only copy, and the stories that
//     depend on them need them to resolve.
//   - Dependency and asset folders (node_modules, vendor, images) never hold stories.
//   - At most MAX_FOLDER_DEPTH levels below the story folder: deeper is not a story layout.

/** Folders below a story folder that are read: stories/epic-7.6/ is 2 levels; 3 leaves room for epic-010/stories/x. */
export const MAX_FOLDER_DEPTH = 3;

/** A folder discovery read, and why (project-relative POSIX path). */
export interface FolderUsed {
  path: string;
  reason: string;
}

/** A folder discovery passed over, and why (project-relative POSIX path, with a trailing slash). */
export interface FolderSkipped {
  path: string;
  reason: string;
}

const NOT_STORIES: readonly [RegExp, string][] = [
  [/^(?:code-?|tech-?)?reviews?$/, "reviews of stories, not stories"],
  [/^retro(?:spective)?s?$/, "retrospectives, not stories"],
  [/^tech-?specs?$/, "technical specifications, not stories"],
  [/^context-?xml$/, "BMAD story-context files, not stories"],
  [/^updates$/, "progress notes (ccpm updates/), not stories"],
  [/^planning-artifacts$/, "planning documents (PRD, epics, architecture), not stories"],
  [/^quick-dev$/, "BMAD quick-dev specs, not stories"],
  [/^templates?$/, "templates, not stories"],
  [/^(?:archives?|archived|old|backups?|obsolete|deprecated)$|[-_.](?:archives?|archived)$/, "archived or superseded copies of stories (read elsewhere); not read, to avoid duplicates"],
  [/^(?:node_modules|bower_components|vendor)$/, "third-party dependencies"],
  [/^(?:assets|images?|img|attachments|diagrams|screenshots)$/, "images and other assets"],
];

/** Hidden folders that hold finished stories: read, so that dependencies on them resolve. */
const DONE_FOLDERS = new Set([".done", ".completed"]);

/** ccpm's archive of finished epics, read as the only copy of their tasks. */
const CCPM_ARCHIVE = /(?:^|\/)\.claude\/epics\/archived$/;

/**
 * Why the subfolder at `rel` (project-relative POSIX, ending in `name`) is not read, or null
 * when it is read. `depth`: its level below the story folder (a child is 1).
 */
export function folderSkipReason(rel: string, name: string, depth: number): string | null {
  const lower = name.toLowerCase();
  if (lower.startsWith(".")) {
    if (DONE_FOLDERS.has(lower)) return null;
    return "hidden folder (tool state, not stories)";
  }
  if (CCPM_ARCHIVE.test(rel)) return null;
  for (const [re, reason] of NOT_STORIES) if (re.test(lower)) return reason;
  if (depth > MAX_FOLDER_DEPTH) return `more than ${MAX_FOLDER_DEPTH} levels below the story folder`;
  return null;
}

// ---------------------------------------------------------------------------------------------
// The fallback search, for a project with none of the known story folders and no storiesDir
// (zemaj/codex keeps its tasks in agentydragon/tasks/). Bounded in depth and in folders visited;
// a folder qualifies by its name AND by holding at least FALLBACK_MIN_FILES markdown files whose
// names start like a story id, so a docs/tasks/ of how-to pages with plain names does not.
// What it finds is reported with the reason, and storiesDir overrides it.

export const FALLBACK_MAX_DEPTH = 4;
/** Folders looked into at most: a large repository's search stays a few milliseconds. */
export const FALLBACK_MAX_FOLDERS = 2000;
export const FALLBACK_MIN_FILES = 2;

const FALLBACK_NAMES = /^(?:stories|story|user[-_]?stories|tasks|backlog)$/i;

/** Folders the fallback search never enters (besides hidden ones and folderSkipReason's). */
const NEVER_SEARCHED = /^(?:node_modules|bower_components|vendor|dist|build|out|target|coverage|__pycache__|venv|site-packages)$/i;

export const isFallbackFolderName = (name: string): boolean => FALLBACK_NAMES.test(name);

export const fallbackEnters = (name: string): boolean => !name.startsWith(".") && !NEVER_SEARCHED.test(name) && folderSkipReason(name, name, 1) === null;

/**
 * Whether a markdown file name starts like a story id: `02-slug.md`, `1.1.story.md`,
 * `story-1-2.md`, `US-021-slug.md`, `STORY-064.md`, `EH-1.1.md`. Not `README.md` or
 * `task-template.md`.
 */
export const looksLikeStoryFileName = (name: string): boolean => /^(?:[a-z]{1,12}[-_.])?\d[^/]*\.md$/i.test(name);

/** The no-stories message: where discovery looked and exactly what to set. */
export function noStoriesFolderMessage(tried: readonly string[]): string {
  return (
    `No stories folder found (looked in ${tried.join(", ")}, and up to ${FALLBACK_MAX_DEPTH} levels down for folders named ` +
    `stories, tasks, user-stories or backlog holding files named like 1.1.slug.md). Set storiesDir in ` +
    `.agent-orchestration/config.yaml to the folder that holds your story files (storiesDir: path/to/stories, or a list of folders)`
  );
}
