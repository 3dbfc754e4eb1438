import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  mini_exports
} from "./chunk-V3HTBSD2.mjs";
import {
  SEVERITIES
} from "./chunk-WXMZ5N7V.mjs";

// lib/core/model.ts
var STORY_STATUSES = [
  "Not Started",
  "In Progress",
  "Ready for Review",
  "Changes Requested",
  "Approved",
  "Done",
  "Failed",
  "Blocked",
  "Skipped"
];

// lib/core/state/schemas.ts
var STATE_VERSION = 1;
var nonEmpty = mini_exports.string().check(mini_exports.minLength(1));
var isoTime = nonEmpty;
var sha = mini_exports.string().check(mini_exports.regex(/^[0-9a-f]{7,64}$/, "must be a commit SHA"));
var count = mini_exports.int().check(mini_exports.gte(0));
var amount = mini_exports.number().check(mini_exports.gte(0));
var FindingSchema = mini_exports.strictObject({
  severity: mini_exports.enum(SEVERITIES),
  file: mini_exports.optional(nonEmpty),
  line: mini_exports.optional(mini_exports.int().check(mini_exports.gte(1))),
  message: mini_exports.string()
});
var VERDICTS = ["approved", "changes-requested"];
var ReviewSchema = mini_exports.strictObject({
  reviewer: nonEmpty,
  verdict: mini_exports.enum(VERDICTS),
  sha,
  findings: mini_exports.array(FindingSchema),
  at: isoTime
});
var HistoryEntrySchema = mini_exports.strictObject({
  at: isoTime,
  event: nonEmpty,
  from: mini_exports.enum(STORY_STATUSES),
  to: mini_exports.enum(STORY_STATUSES),
  note: mini_exports.optional(mini_exports.string())
});
var StoryStateSchema = mini_exports.strictObject({
  version: mini_exports.literal(STATE_VERSION),
  storyId: nonEmpty,
  status: mini_exports.enum(STORY_STATUSES),
  agent: nonEmpty,
  /** Project-relative POSIX path of the story's worktree, while it has one. */
  worktree: mini_exports.nullable(mini_exports.string()),
  dependencies: mini_exports.array(mini_exports.string()),
  startTime: mini_exports.nullable(isoTime),
  lastUpdate: isoTime,
  branch: mini_exports.nullable(mini_exports.string()),
  /** Integration tip the branch was created from. */
  baseSha: mini_exports.nullable(sha),
  /** Head commit recorded by the last submit (what reviewers review). */
  headSha: mini_exports.nullable(sha),
  /** Submissions so far (1 = first submission). */
  attempts: count,
  /** Change requests so far; one more than `maxFixRounds` fails the story. */
  fixRounds: count,
  reviews: mini_exports.array(ReviewSchema),
  tokens: mini_exports.nullable(amount),
  costUsd: mini_exports.nullable(amount),
  durationMs: mini_exports.nullable(amount),
  mergedSha: mini_exports.nullable(sha),
  /** Why the story failed, was blocked or was sent back (conflict, verify). */
  reason: mini_exports.nullable(mini_exports.string()),
  history: mini_exports.array(HistoryEntrySchema)
});
var MergeRecordSchema = mini_exports.strictObject({
  storyId: nonEmpty,
  /** Integration tip when the merge began; the branch moves only by compare-and-swap from it. */
  tipSha: sha,
  /** Project-relative path of the temporary merge worktree. */
  mergeWorktree: nonEmpty,
  phase: mini_exports.enum(["started", "story-committed", "merged", "verified", "advanced"]),
  mergedSha: mini_exports.nullable(sha),
  at: isoTime
});
var OrchestrationStateSchema = mini_exports.strictObject({
  version: mini_exports.literal(STATE_VERSION),
  totalStories: count,
  completed: mini_exports.array(mini_exports.string()),
  inProgress: mini_exports.array(mini_exports.string()),
  pending: mini_exports.array(mini_exports.string()),
  failed: mini_exports.array(mini_exports.string()),
  blocked: mini_exports.array(mini_exports.string()),
  currentWave: mini_exports.nullable(count),
  startTime: mini_exports.nullable(isoTime),
  lastUpdate: isoTime,
  /** The branch merges go to: config.baseBranch, else the branch checked out at run start. */
  integrationBranch: mini_exports.nullable(mini_exports.string()),
  /** The run's scope as `next SCOPE` recorded it (scope expressions); null = all stories. */
  scope: mini_exports.nullable(mini_exports.array(mini_exports.string())),
  /** Story ids of the run (the scope resolved), in id order; waves of the last plan. */
  stories: mini_exports.array(mini_exports.string()),
  waves: mini_exports.array(mini_exports.array(mini_exports.string())),
  merge: mini_exports.nullable(MergeRecordSchema)
});
var JournalEventSchema = mini_exports.strictObject({
  at: isoTime,
  event: nonEmpty,
  storyId: mini_exports.optional(mini_exports.string()),
  pid: mini_exports.optional(mini_exports.int()),
  data: mini_exports.optional(mini_exports.record(mini_exports.string(), mini_exports.unknown()))
});
function emptyOrchestrationState(at) {
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
    merge: null
  };
}
function newStoryState(input) {
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
    history: []
  };
}

export {
  STATE_VERSION,
  FindingSchema,
  VERDICTS,
  ReviewSchema,
  HistoryEntrySchema,
  StoryStateSchema,
  MergeRecordSchema,
  OrchestrationStateSchema,
  JournalEventSchema,
  emptyOrchestrationState,
  newStoryState
};
