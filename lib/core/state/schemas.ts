// The state files in `.agent-orchestration/` (DESIGN.md "State"): zod schemas are the single
// definition; the types come from them. A file that fails its schema is reported as
// `invalid-state` by the store and never rewritten (the user may have a reason for it).
import { z } from "zod";
import { STORY_STATUSES } from "../model.js";
import { SEVERITIES } from "../config/schema.js";

export const STATE_VERSION = 1;

const isoTime = z.string().min(1);
const sha = z.string().regex(/^[0-9a-f]{7,64}$/, "must be a commit SHA");

export const FindingSchema = z
  .object({
    severity: z.enum(SEVERITIES),
    file: z.string().min(1).optional(),
    line: z.number().int().min(1).optional(),
    message: z.string(),
  })
  .strict();
export type Finding = z.infer<typeof FindingSchema>;

export const VERDICTS = ["approved", "changes-requested"] as const;
export type Verdict = (typeof VERDICTS)[number];

/** One reviewer's verdict on one exact commit: an approval covers that SHA and nothing else. */
export const ReviewSchema = z
  .object({
    reviewer: z.string().min(1),
    verdict: z.enum(VERDICTS),
    sha,
    findings: z.array(FindingSchema),
    at: isoTime,
  })
  .strict();
export type Review = z.infer<typeof ReviewSchema>;

export const HistoryEntrySchema = z
  .object({
    at: isoTime,
    event: z.string().min(1),
    from: z.enum(STORY_STATUSES),
    to: z.enum(STORY_STATUSES),
    note: z.string().optional(),
  })
  .strict();
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** `story-<id>.json`: the seed's fields first, then ours. */
export const StoryStateSchema = z
  .object({
    version: z.literal(STATE_VERSION),
    storyId: z.string().min(1),
    status: z.enum(STORY_STATUSES),
    agent: z.string().min(1),
    /** Project-relative POSIX path of the story's worktree, while it has one. */
    worktree: z.string().nullable(),
    dependencies: z.array(z.string()),
    startTime: isoTime.nullable(),
    lastUpdate: isoTime,
    branch: z.string().nullable(),
    /** Integration tip the branch was created from. */
    baseSha: sha.nullable(),
    /** Head commit recorded by the last submit (what reviewers review). */
    headSha: sha.nullable(),
    /** Submissions so far (1 = first submission). */
    attempts: z.number().int().min(0),
    /** Change requests so far; one more than `maxFixRounds` fails the story. */
    fixRounds: z.number().int().min(0),
    reviews: z.array(ReviewSchema),
    tokens: z.number().min(0).nullable(),
    costUsd: z.number().min(0).nullable(),
    durationMs: z.number().min(0).nullable(),
    mergedSha: sha.nullable(),
    /** Why the story failed, was blocked or was sent back (conflict, verify). */
    reason: z.string().nullable(),
    history: z.array(HistoryEntrySchema),
  })
  .strict();
export type StoryState = z.infer<typeof StoryStateSchema>;

/** A merge in flight, written before any step that `resume` may have to undo or finish. */
export const MergeRecordSchema = z
  .object({
    storyId: z.string().min(1),
    /** Integration tip when the merge began; the branch moves only by compare-and-swap from it. */
    tipSha: sha,
    /** Project-relative path of the temporary merge worktree. */
    mergeWorktree: z.string().min(1),
    phase: z.enum(["started", "story-committed", "merged", "verified", "advanced"]),
    mergedSha: sha.nullable(),
    at: isoTime,
  })
  .strict();
export type MergeRecord = z.infer<typeof MergeRecordSchema>;

/** `orchestration-state.json`: the seed's totals plus what the engine needs between calls. */
export const OrchestrationStateSchema = z
  .object({
    version: z.literal(STATE_VERSION),
    totalStories: z.number().int().min(0),
    completed: z.array(z.string()),
    inProgress: z.array(z.string()),
    pending: z.array(z.string()),
    failed: z.array(z.string()),
    blocked: z.array(z.string()),
    currentWave: z.number().int().min(0).nullable(),
    startTime: isoTime.nullable(),
    lastUpdate: isoTime,
    /** The branch merges go to: config.baseBranch, else the branch checked out at run start. */
    integrationBranch: z.string().nullable(),
    /** The run's scope as `next SCOPE` recorded it (scope expressions); null = all stories. */
    scope: z.array(z.string()).nullable(),
    /** Story ids of the run (the scope resolved), in id order; waves of the last plan. */
    stories: z.array(z.string()),
    waves: z.array(z.array(z.string())),
    merge: MergeRecordSchema.nullable(),
  })
  .strict();
export type OrchestrationState = z.infer<typeof OrchestrationStateSchema>;

/** One line of `journal.jsonl`: append-only, never rewritten. */
export const JournalEventSchema = z
  .object({
    at: isoTime,
    event: z.string().min(1),
    storyId: z.string().optional(),
    pid: z.number().int().optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();
export type JournalEvent = z.infer<typeof JournalEventSchema>;

export function emptyOrchestrationState(at: string): OrchestrationState {
  return {
    version: STATE_VERSION,
    totalStories: 0,
    completed: [],
    inProgress: [],
    pending: [],
    failed: [],
    blocked: [],
    currentWave: null,
    startTime: null,
    lastUpdate: at,
    integrationBranch: null,
    scope: null,
    stories: [],
    waves: [],
    merge: null,
  };
}

export function newStoryState(input: { storyId: string; agent: string; dependencies: string[]; at: string }): StoryState {
  return {
    version: STATE_VERSION,
    storyId: input.storyId,
    status: "Not Started",
    agent: input.agent,
    worktree: null,
    dependencies: [...input.dependencies],
    startTime: null,
    lastUpdate: input.at,
    branch: null,
    baseSha: null,
    headSha: null,
    attempts: 0,
    fixRounds: 0,
    reviews: [],
    tokens: null,
    costUsd: null,
    durationMs: null,
    mergedSha: null,
    reason: null,
    history: [],
  };
}
