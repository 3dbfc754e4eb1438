// The state files in `.agent-orchestration/` (DESIGN.md "State"): zod schemas are the single
// definition; the types come from them. A file that fails its schema is reported as
// `invalid-state` by the store and never rewritten (the user may have a reason for it).
import { z } from "../zod.js";
import { STORY_STATUSES } from "../model.js";
import { SEVERITIES } from "../config/vocabulary.js";

export const STATE_VERSION = 1;

const nonEmpty = z.string().check(z.minLength(1));
const isoTime = nonEmpty;
const sha = z.string().check(z.regex(/^[0-9a-f]{7,64}$/, "must be a commit SHA"));
const count = z.int().check(z.gte(0));
const amount = z.number().check(z.gte(0));

export const FindingSchema = z.strictObject({
  severity: z.enum(SEVERITIES),
  file: z.optional(nonEmpty),
  line: z.optional(z.int().check(z.gte(1))),
  message: z.string(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const VERDICTS = ["approved", "changes-requested"] as const;
export type Verdict = (typeof VERDICTS)[number];

/** One reviewer's verdict on one exact commit: an approval covers that SHA and nothing else. */
export const ReviewSchema = z.strictObject({
  reviewer: nonEmpty,
  verdict: z.enum(VERDICTS),
  sha,
  findings: z.array(FindingSchema),
  at: isoTime,
});
export type Review = z.infer<typeof ReviewSchema>;

export const HistoryEntrySchema = z.strictObject({
  at: isoTime,
  event: nonEmpty,
  from: z.enum(STORY_STATUSES),
  to: z.enum(STORY_STATUSES),
  note: z.optional(z.string()),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** `story-<id>.json`: the seed's fields first, then ours. */
export const StoryStateSchema = z.strictObject({
  version: z.literal(STATE_VERSION),
  storyId: nonEmpty,
  status: z.enum(STORY_STATUSES),
  agent: nonEmpty,
  /** Project-relative POSIX path of the story's worktree, while it has one. */
  worktree: z.nullable(z.string()),
  dependencies: z.array(z.string()),
  startTime: z.nullable(isoTime),
  lastUpdate: isoTime,
  branch: z.nullable(z.string()),
  /** Integration tip the branch was created from. */
  baseSha: z.nullable(sha),
  /** Head commit recorded by the last submit (what reviewers review). */
  headSha: z.nullable(sha),
  /** Submissions so far (1 = first submission). */
  attempts: count,
  /** Change requests so far; one more than `maxFixRounds` fails the story. */
  fixRounds: count,
  reviews: z.array(ReviewSchema),
  tokens: z.nullable(amount),
  costUsd: z.nullable(amount),
  durationMs: z.nullable(amount),
  mergedSha: z.nullable(sha),
  /** Why the story failed, was blocked or was sent back (conflict, verify). */
  reason: z.nullable(z.string()),
  history: z.array(HistoryEntrySchema),
});
export type StoryState = z.infer<typeof StoryStateSchema>;

/** A merge in flight, written before any step that `resume` may have to undo or finish. */
export const MergeRecordSchema = z.strictObject({
  storyId: nonEmpty,
  /** Integration tip when the merge began; the branch moves only by compare-and-swap from it. */
  tipSha: sha,
  /** Project-relative path of the temporary merge worktree. */
  mergeWorktree: nonEmpty,
  phase: z.enum(["started", "story-committed", "merged", "verified", "advanced"]),
  mergedSha: z.nullable(sha),
  at: isoTime,
});
export type MergeRecord = z.infer<typeof MergeRecordSchema>;

/** `orchestration-state.json`: the seed's totals plus what the engine needs between calls. */
export const OrchestrationStateSchema = z.strictObject({
  version: z.literal(STATE_VERSION),
  totalStories: count,
  completed: z.array(z.string()),
  inProgress: z.array(z.string()),
  pending: z.array(z.string()),
  failed: z.array(z.string()),
  blocked: z.array(z.string()),
  currentWave: z.nullable(count),
  startTime: z.nullable(isoTime),
  lastUpdate: isoTime,
  /** The branch merges go to: config.baseBranch, else the branch checked out at run start. */
  integrationBranch: z.nullable(z.string()),
  /** The run's scope as `next SCOPE` recorded it (scope expressions); null = all stories. */
  scope: z.nullable(z.array(z.string())),
  /** Story ids of the run (the scope resolved), in id order; waves of the last plan. */
  stories: z.array(z.string()),
  waves: z.array(z.array(z.string())),
  merge: z.nullable(MergeRecordSchema),
});
export type OrchestrationState = z.infer<typeof OrchestrationStateSchema>;

/** One line of `journal.jsonl`: append-only, never rewritten. */
export const JournalEventSchema = z.strictObject({
  at: isoTime,
  event: nonEmpty,
  storyId: z.optional(z.string()),
  pid: z.optional(z.int()),
  data: z.optional(z.record(z.string(), z.unknown())),
});
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
