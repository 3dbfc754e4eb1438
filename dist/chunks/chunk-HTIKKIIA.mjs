import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  RUN_EVENT_TYPES
} from "./chunk-PZKJ7VLJ.mjs";
import {
  STORY_BRANCH_PREFIX,
  isStoryBranch
} from "./chunk-OLZJQYTV.mjs";
import {
  mini_exports
} from "./chunk-V3HTBSD2.mjs";
import {
  AGENT_NAME_RE,
  SEVERITIES
} from "./chunk-WXMZ5N7V.mjs";

// lib/core/config/schema.ts
var relPath = mini_exports.string().check(
  mini_exports.minLength(1),
  mini_exports.refine((p) => !p.startsWith("/") && !/^[A-Za-z]:/.test(p) && !p.split(/[\\/]/).includes(".."), {
    message: "must be a path inside the project (relative, without '..')"
  })
);
var agentName = mini_exports.string().check(mini_exports.regex(AGENT_NAME_RE, "must be an agent name: lower-case letters, digits and '-'"));
var nonEmpty = mini_exports.string().check(mini_exports.minLength(1));
var AgentRuleSchema = mini_exports.strictObject({
  agent: agentName,
  /** A scope expression: "1.*", "2.1-2.4", "epic:auth", "1.1 1.3". */
  stories: mini_exports.optional(nonEmpty),
  /** Any of these words in the story's text (case-insensitive). */
  keywords: mini_exports.optional(mini_exports.array(nonEmpty).check(mini_exports.minLength(1)))
});
function isHttpUrl(u) {
  try {
    const url = new URL(u);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}
var NotifySchema = mini_exports.strictObject({
  command: mini_exports.optional(nonEmpty),
  webhook: mini_exports.optional(mini_exports.string().check(mini_exports.refine(isHttpUrl, { message: "must be an http:// or https:// URL" }))),
  events: mini_exports._default(mini_exports.array(mini_exports.enum(RUN_EVENT_TYPES)), [...RUN_EVENT_TYPES])
});
var ruleSwitch = mini_exports.enum(["deny", "allow"]);
var deniedCommand = nonEmpty.check(
  mini_exports.refine((c) => c.trim() !== "" && !/[;&|<>()`$\n]/.test(c), { message: `must be a command's words, such as "terraform apply" (no shell operators, quotes or variables)` })
);
var DeniedCommandSchema = mini_exports.strictObject({ command: deniedCommand, reason: mini_exports.optional(nonEmpty) });
var SafetySchema = mini_exports.strictObject({
  gitPush: mini_exports._default(ruleSwitch, "deny"),
  migrations: mini_exports._default(ruleSwitch, "deny"),
  deleteOutsideWorktree: mini_exports._default(ruleSwitch, "deny"),
  deny: mini_exports._default(mini_exports.array(mini_exports.union([deniedCommand, DeniedCommandSchema], { error: 'expected a command ("terraform apply") or {command, reason}' })), [])
});
var SAFETY_DEFAULTS = { gitPush: "deny", migrations: "deny", deleteOutsideWorktree: "deny", deny: [] };
var ConfigSchema = mini_exports.strictObject({
  /** The story folder, or several; each is read with its subfolders. Unset: discovered. */
  storiesDir: mini_exports.optional(
    mini_exports.union([relPath, mini_exports.array(relPath).check(mini_exports.minLength(1))], { error: "expected a folder path or a list of folder paths" })
  ),
  baseBranch: mini_exports.optional(
    mini_exports.string().check(
      mini_exports.minLength(1),
      mini_exports.regex(/^[A-Za-z0-9._/-]+$/, "must be a git branch name"),
      // Stories branch from it and merge into it: a story's own branch cannot be that.
      mini_exports.refine((b) => !isStoryBranch(b), { message: `must not be a story branch (${STORY_BRANCH_PREFIX}* branches are the engine's, one per story); name the branch stories merge into, such as main` })
    )
  ),
  maxParallel: mini_exports._default(mini_exports.int().check(mini_exports.gte(1), mini_exports.lte(64)), 4),
  verifyCommand: mini_exports._default(mini_exports.nullable(nonEmpty), null),
  implicitDependencies: mini_exports._default(mini_exports.enum(["when-undeclared", "always", "never"]), "when-undeclared"),
  /** Scope patterns whose stories precede every other story. */
  foundation: mini_exports._default(mini_exports.array(nonEmpty), ["0.*"]),
  reviewers: mini_exports._default(mini_exports.array(agentName).check(mini_exports.minLength(1)), ["code-reviewer"]),
  blockingSeverities: mini_exports._default(mini_exports.array(mini_exports.enum(SEVERITIES)), ["CRITICAL", "HIGH"]),
  maxFixRounds: mini_exports._default(mini_exports.int().check(mini_exports.gte(0), mini_exports.lte(20)), 3),
  agents: mini_exports._default(mini_exports.array(AgentRuleSchema), []),
  /** Strict mode: no new story starts while a finished one waits for its reviewers. */
  strict: mini_exports._default(mini_exports.boolean(), true),
  /** Headless `run`: the spending limit of a run in US dollars (null: none). */
  budgetUsd: mini_exports._default(mini_exports.nullable(mini_exports.number().check(mini_exports.gt(0))), null),
  /** Headless `run`: launches of a story's worker (stopped, crashed, no report) before the story fails. */
  maxAttempts: mini_exports._default(mini_exports.int().check(mini_exports.gte(1), mini_exports.lte(10)), 3),
  /** Headless `run`: a worker running longer than this is stopped (an attempt). */
  workerTimeoutMinutes: mini_exports._default(mini_exports.number().check(mini_exports.gt(0)), 60),
  /** Headless `run`: a worker that prints nothing for this long is stopped (an attempt). */
  workerSilenceMinutes: mini_exports._default(mini_exports.number().check(mini_exports.gt(0)), 10),
  /** Headless `run`: the wait before the first retry of a stopped worker; doubles each time. */
  retryBackoffSeconds: mini_exports._default(mini_exports.number().check(mini_exports.gte(0)), 30),
  /** Notifications of a headless run: unset, none are sent. */
  notify: mini_exports.optional(NotifySchema),
  /** What story agents may not do (push, migrate, delete outside the worktree, the project's own commands). */
  safety: mini_exports._default(SafetySchema, SAFETY_DEFAULTS)
});
var DEFAULT_CONFIG = ConfigSchema.parse({});

export {
  AgentRuleSchema,
  NotifySchema,
  DeniedCommandSchema,
  SafetySchema,
  ConfigSchema,
  DEFAULT_CONFIG
};
