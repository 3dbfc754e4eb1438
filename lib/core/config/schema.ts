// `.agent-orchestration/config.yaml`: validated by zod; every failure becomes an
// `invalid-config` diagnostic naming the key and what is allowed.
import { z } from "zod";

const relPath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith("/") && !/^[A-Za-z]:/.test(p) && !p.split(/[\\/]/).includes(".."), {
    message: "must be a path inside the project (relative, without '..')",
  });

export const AGENT_NAME_RE = /^[a-z0-9][a-z0-9-]{0,62}$/;
const agentName = z.string().regex(AGENT_NAME_RE, "must be an agent name: lower-case letters, digits and '-'");

export const SEVERITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A rule mapping stories to an agent; the first rule whose conditions all hold wins. */
export const AgentRuleSchema = z
  .object({
    agent: agentName,
    /** A scope expression: "1.*", "2.1-2.4", "epic:auth", "1.1 1.3". */
    stories: z.string().min(1).optional(),
    /** Any of these words in the story's text (case-insensitive). */
    keywords: z.array(z.string().min(1)).min(1).optional(),
  })
  .strict();
export type AgentRule = z.infer<typeof AgentRuleSchema>;

export const ConfigSchema = z
  .object({
    storiesDir: relPath.optional(),
    baseBranch: z.string().min(1).regex(/^[A-Za-z0-9._/-]+$/, "must be a git branch name").optional(),
    maxParallel: z.number().int().min(1).max(64).default(4),
    verifyCommand: z.string().min(1).nullable().default(null),
    implicitDependencies: z.enum(["when-undeclared", "always", "never"]).default("when-undeclared"),
    /** Scope patterns whose stories precede every other story. */
    foundation: z.array(z.string().min(1)).default(["0.*"]),
    reviewers: z.array(agentName).min(1).default(["code-reviewer"]),
    blockingSeverities: z.array(z.enum(SEVERITIES)).default(["CRITICAL", "HIGH"]),
    maxFixRounds: z.number().int().min(0).max(20).default(3),
    agents: z.array(AgentRuleSchema).default([]),
    /** Strict mode: no new story starts while a finished one waits for its reviewers. */
    strict: z.boolean().default(true),
  })
  .strict();

export type Config = z.infer<typeof ConfigSchema>;

export const DEFAULT_CONFIG: Config = ConfigSchema.parse({});
