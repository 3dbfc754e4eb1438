// The data the planning pipeline passes along: files → ParsedStory → PlannedStory → Plan.
// Everything here is plain data (JSON-safe), so the pure core can be tested without I/O.
import type { Diag } from "./diagnostics.js";
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
  | { kind: "range"; from: StoryId; to: StoryId }
  | { kind: "epic"; epic: string };

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
  /** Front-matter overrides. */
  overrides: { agent?: string; priority?: number };
  /**
   * A story listed in BMAD's sprint-status.yaml (at this line of `path`) with no story file yet:
   * planned, so a dependency on it is open rather than unknown, but never run.
   */
  placeholder?: { line: number };
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
}
