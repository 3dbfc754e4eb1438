// The data the planning pipeline passes along: files → ParsedStory → PlannedStory → Plan.
// Everything here is plain data (JSON-safe), so the pure core can be tested without I/O.
import type { Diag, DiagCode } from "./diagnostics.js";
import type { StoryId } from "./ids.js";

/** The engine's lifecycle (DESIGN.md "State"); the same strings appear in JSON output. */
export const STORY_STATUSES = [
  "Not Started",
  "In Progress",
  "Ready for Review",
  "Changes Requested",
  "Approved",
  "Done",
  "Failed",
  "Blocked",
  "Skipped",
] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];

/** A file read by the fs adapter; the core never touches the disk. */
export interface SourceFile {
  /** Project-relative POSIX path. */
  path: string;
  text: string;
}

/** What a dependency reference points at, before it is resolved against the story set. */
export type DepTarget =
  | { kind: "story"; id: StoryId }
  /**
   * `alt`: the one story the text names when read as a dashed id (`23-5` = 23.5, `36-42` =
   * 36.42); where that story exists it is the target, else the range is (graph/story-index.ts).
   */
  | { kind: "range"; from: StoryId; to: StoryId; alt?: StoryId }
  | { kind: "epic"; epic: string }
  /**
   * A story named by its file: a slug (`7-1-arkit-video-recording-session`) or a link's path
   * (`./1.2.slug.md`, `../epic-3/3-4-foo.md`), resolved against the story files' names.
   */
  | { kind: "file"; name: string };

export interface DepRef {
  target: DepTarget;
  /** The text as written, for messages ("Story 1.1", "Stories 4.1-4.5", "Epic 2"). */
  raw: string;
  /** 1-based line in the story file (front matter lines count from the top of the file). */
  line: number;
  /** Where the ref was written; the graph records it as the edge's origin (default: "text"). */
  source?: "front-matter" | "text";
}

export interface ChecklistItem {
  text: string;
  done: boolean;
  line: number;
}

export interface ParsedStory {
  id: StoryId;
  /** Which source decided the id. */
  idSource: "front-matter" | "heading" | "file-name";
  title: string;
  path: string;
  status: { raw: string | null; normalized: StoryStatus; line?: number };
  /** Epic number (id prefix, or front matter `epic:` when it is a number) and optional name. */
  epic: { number: string; name?: string };
  /**
   * Dependencies the file itself declares. `declared: false` means the file has no dependency
   * statement at all (the trigger for `implicitDependencies: when-undeclared`); `None`/`N/A`
   * is a statement with no refs.
   */
  dependencies: { declared: boolean; refs: DepRef[]; line?: number };
  /** Reverse edges this story states about others (`Blocks:`, `Enables:`). */
  blocks: DepRef[];
  acceptanceCriteria: ChecklistItem[];
  tasks: ChecklistItem[];
  /** Lower-cased technology words found in the text (python, go, react, ...), for agent choice. */
  technologies: string[];
  /**
   * Front-matter overrides. ccpm's scheduling hints: `parallel: false` (kept only when false)
   * and `conflicts_with: [12, 14]` (kept only when not empty), which the ready queue honours.
   */
  overrides: { agent?: string; priority?: number; parallel?: false; conflictsWith?: DepRef[] };
  /**
   * Why this story cannot run until its file is fixed: set by the cross-file stage for a
   * duplicate id, a file that failed to parse (a stub story then stands for it) or a file whose
   * parse has errors. The plan sets it aside with the stories that depend on it.
   */
  problem?: StoryProblem;
  /**
   * A story listed in BMAD's sprint-status.yaml (at this line of `path`) with no story file yet:
   * planned, so a dependency on it is open rather than unknown, but never run.
   */
  placeholder?: { line: number };
}

/** A story file's error that sets the story aside (the diagnostic is in the errors too). */
export interface StoryProblem {
  code: DiagCode;
  message: string;
  file: string;
  line?: number;
}

/** A story that cannot run, and why: its own problem, or one of a story it depends on. */
export interface SetAsideStory {
  id: StoryId;
  reason: string;
  /** Where to look: the story's problem, or the line of its file that names the dependency. */
  file: string;
  line?: number;
}

/** A file that was looked at and deliberately not treated as a story. */
export interface SkippedFile {
  path: string;
  reason: string;
}

export interface PlannedStory {
  id: StoryId;
  title: string;
  path: string;
  status: StoryStatus;
  epic: string;
  agent: string;
  agentReason: string;
  /** Effective dependencies: declared, reverse, foundation, implicit; sorted by id. */
  dependencies: StoryId[];
  /** Wave index; null for stories already Done (they are not scheduled). */
  wave: number | null;
  /** Listed in sprint-status.yaml with no story file yet (`path` is ""): never run. */
  placeholder?: true;
}

export interface Plan {
  stories: PlannedStory[];
  waves: StoryId[][];
  criticalPath: StoryId[];
  warnings: Diag[];
  errors: Diag[];
  outOfScope: { story: StoryId; dependsOn: StoryId }[];
  /** Stories in scope that cannot run (a problem of theirs, or of a story they wait for); not in `waves`. */
  setAside: SetAsideStory[];
}
