// `.agent-orchestration/config.yaml`: validated by zod; every failure becomes an
// `invalid-config` diagnostic naming the key and what is allowed.
import { z } from "../zod.js";
import { AGENT_NAME_RE, SEVERITIES } from "./vocabulary.js";
import { isStoryBranch, STORY_BRANCH_PREFIX } from "../integration-branch.js";
import { RUN_EVENT_TYPES } from "../run/run-events.js";

const relPath = z.string().check(
  z.minLength(1),
  z.refine((p) => !p.startsWith("/") && !/^[A-Za-z]:/.test(p) && !p.split(/[\\/]/).includes(".."), {
    message: "must be a path inside the project (relative, without '..')",
  }),
);

const agentName = z.string().check(z.regex(AGENT_NAME_RE, "must be an agent name: lower-case letters, digits and '-'"));
const nonEmpty = z.string().check(z.minLength(1));

/** A rule mapping stories to an agent; the first rule whose conditions all hold wins. */
export const AgentRuleSchema = z.strictObject({
  agent: agentName,
  /** A scope expression: "1.*", "2.1-2.4", "epic:auth", "1.1 1.3". */
  stories: z.optional(nonEmpty),
  /** Any of these words in the story's text (case-insensitive). */
  keywords: z.optional(z.array(nonEmpty).check(z.minLength(1))),
});
export type AgentRule = z.infer<typeof AgentRuleSchema>;

/** Whether `u` is an absolute http:// or https:// URL (a webhook the notifier can POST to). */
function isHttpUrl(u: string): boolean {
  try {
    const url = new URL(u);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/**
 * Where a headless run's events go (lib/adapters/notify/notify.ts). `command` is the user's own
 * shell command line (it gets the event as JSON on stdin); `webhook` gets a JSON POST with a
 * Slack-compatible `text`.
 */
export const NotifySchema = z.strictObject({
  command: z.optional(nonEmpty),
  webhook: z.optional(z.string().check(z.refine(isHttpUrl, { message: "must be an http:// or https:// URL" }))),
  events: z._default(z.array(z.enum(RUN_EVENT_TYPES)), [...RUN_EVENT_TYPES]),
});
export type NotifyConfig = z.infer<typeof NotifySchema>;

export const ConfigSchema = z.strictObject({
  /** The story folder, or several; each is read with its subfolders. Unset: discovered. */
  storiesDir: z.optional(
    z.union([relPath, z.array(relPath).check(z.minLength(1))], { error: "expected a folder path or a list of folder paths" }),
  ),
  baseBranch: z.optional(
    z.string().check(
      z.minLength(1),
      z.regex(/^[A-Za-z0-9._/-]+$/, "must be a git branch name"),
      // Stories branch from it and merge into it: a story's own branch cannot be that.
      z.refine((b) => !isStoryBranch(b), { message: `must not be a story branch (${STORY_BRANCH_PREFIX}* branches are the engine's, one per story); name the branch stories merge into, such as main` }),
    ),
  ),
  maxParallel: z._default(z.int().check(z.gte(1), z.lte(64)), 4),
  verifyCommand: z._default(z.nullable(nonEmpty), null),
  implicitDependencies: z._default(z.enum(["when-undeclared", "always", "never"]), "when-undeclared"),
  /** Scope patterns whose stories precede every other story. */
  foundation: z._default(z.array(nonEmpty), ["0.*"]),
  reviewers: z._default(z.array(agentName).check(z.minLength(1)), ["code-reviewer"]),
  blockingSeverities: z._default(z.array(z.enum(SEVERITIES)), ["CRITICAL", "HIGH"]),
  maxFixRounds: z._default(z.int().check(z.gte(0), z.lte(20)), 3),
  agents: z._default(z.array(AgentRuleSchema), []),
  /** Strict mode: no new story starts while a finished one waits for its reviewers. */
  strict: z._default(z.boolean(), true),
  /** Headless `run`: the spending limit of a run in US dollars (null: none). */
  budgetUsd: z._default(z.nullable(z.number().check(z.gt(0))), null),
  /** Headless `run`: launches of a story's worker (stopped, crashed, no report) before the story fails. */
  maxAttempts: z._default(z.int().check(z.gte(1), z.lte(10)), 3),
  /** Headless `run`: a worker running longer than this is stopped (an attempt). */
  workerTimeoutMinutes: z._default(z.number().check(z.gt(0)), 60),
  /** Headless `run`: a worker that prints nothing for this long is stopped (an attempt). */
  workerSilenceMinutes: z._default(z.number().check(z.gt(0)), 10),
  /** Headless `run`: the wait before the first retry of a stopped worker; doubles each time. */
  retryBackoffSeconds: z._default(z.number().check(z.gte(0)), 30),
  /** Notifications of a headless run: unset, none are sent. */
  notify: z.optional(NotifySchema),
});

export type Config = z.infer<typeof ConfigSchema>;

export const DEFAULT_CONFIG: Config = ConfigSchema.parse({});
