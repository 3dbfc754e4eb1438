// What a headless worker (`claude -p --output-format stream-json`) says, validated: the stream's
// lines the runner acts on (init with the session id, the final result with cost and the
// structured report) and the reports themselves. The report shapes are handed to Claude Code as
// `--json-schema` (the model answers through its StructuredOutput tool), and what comes back is
// checked against the same zod schema: no text scraping in headless mode.
import { z } from "../zod.js";
import type { Result } from "../diagnostics.js";
import { SEVERITIES } from "../config/vocabulary.js";

/** A developer's end of work. QUESTION: it cannot go on without a person (the story waits). */
export const DeveloperReportSchema = z.object({
  result: z.enum(["DONE", "BLOCKED", "QUESTION"]),
  summary: z.string(),
  question: z.optional(z.string()),
});
export type DeveloperReport = z.infer<typeof DeveloperReportSchema>;

export const ReviewerReportSchema = z.object({
  verdict: z.enum(["approved", "changes-requested"]),
  findings: z.array(
    z.object({
      severity: z.enum(SEVERITIES),
      file: z.optional(z.string()),
      line: z.optional(z.int().check(z.gte(1))),
      message: z.string(),
    }),
  ),
});
export type ReviewerReport = z.infer<typeof ReviewerReportSchema>;

/** The `--json-schema` argument for a role's report. */
export function reportJsonSchema(role: "developer" | "reviewer"): string {
  // Without `$schema`: Claude Code's validator knows no draft 2020-12 meta-schema and refuses it.
  const { $schema: _, ...schema } = z.toJSONSchema(role === "developer" ? DeveloperReportSchema : ReviewerReportSchema);
  return JSON.stringify(schema);
}

const InitLine = z.object({ type: z.literal("system"), subtype: z.literal("init"), session_id: z.string() });

const ModelUsage = z.record(z.string(), z.object({ inputTokens: z.optional(z.number()), outputTokens: z.optional(z.number()), costUSD: z.optional(z.number()) }));

const ResultLine = z.object({
  type: z.literal("result"),
  subtype: z.string(),
  is_error: z.optional(z.boolean()),
  session_id: z.optional(z.string()),
  /** For the whole session: a resumed session's total includes its earlier runs. */
  total_cost_usd: z.optional(z.number()),
  /** This invocation only (Claude Code 2.1.3xx). */
  model_usage_since_last_result: z.optional(ModelUsage),
  usage: z.optional(z.object({ input_tokens: z.optional(z.number()), output_tokens: z.optional(z.number()), cache_read_input_tokens: z.optional(z.number()), cache_creation_input_tokens: z.optional(z.number()) })),
  num_turns: z.optional(z.number()),
  duration_ms: z.optional(z.number()),
  result: z.optional(z.string()),
  structured_output: z.optional(z.unknown()),
  errors: z.optional(z.array(z.string())),
});
export type ResultMessage = z.infer<typeof ResultLine>;

/** One line of the stream, as far as the runner cares; anything else is `other`. */
export type StreamLine = { kind: "init"; sessionId: string } | { kind: "result"; result: ResultMessage } | { kind: "other" } | { kind: "malformed"; text: string };

export function readStreamLine(text: string): StreamLine {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { kind: "malformed", text };
  }
  const init = InitLine.safeParse(v);
  if (init.success) return { kind: "init", sessionId: init.data.session_id };
  const res = ResultLine.safeParse(v);
  if (res.success) return { kind: "result", result: res.data };
  return { kind: "other" };
}

export interface WorkerUsage {
  costUsd: number;
  tokens: number;
}

/**
 * This invocation's cost and tokens. A resumed session's `total_cost_usd` counts its earlier
 * runs too, so the per-invocation figures are preferred; `previousTotalUsd` (the session's total
 * when this run began) turns the total into a difference on releases without them.
 */
export function usageOf(r: ResultMessage, previousTotalUsd = 0): WorkerUsage {
  const since = r.model_usage_since_last_result;
  if (since) {
    const ms = Object.values(since);
    return {
      costUsd: ms.reduce((a, m) => a + (m.costUSD ?? 0), 0),
      tokens: ms.reduce((a, m) => a + (m.inputTokens ?? 0) + (m.outputTokens ?? 0), 0),
    };
  }
  const u = r.usage ?? {};
  return {
    costUsd: Math.max(0, (r.total_cost_usd ?? 0) - previousTotalUsd),
    tokens: (u.input_tokens ?? 0) + (u.output_tokens ?? 0) + (u.cache_read_input_tokens ?? 0) + (u.cache_creation_input_tokens ?? 0),
  };
}

/** The structured report of a result, checked; why not, when it is missing or malformed. */
export function reportOf<T>(r: ResultMessage, schema: z.ZodMiniType<T>): Result<T, string> {
  if (r.subtype !== "success" || r.is_error === true) {
    return { ok: false, error: `the worker ended with ${r.subtype}${r.errors?.length ? ` (${r.errors.join("; ")})` : ""}` };
  }
  if (r.structured_output === undefined) return { ok: false, error: "the worker gave no structured report" };
  const p = schema.safeParse(r.structured_output);
  if (!p.success) return { ok: false, error: `the worker's report does not match its schema: ${p.error.issues.map((i) => `${i.path.join(".") || "report"}: ${i.message}`).join("; ")}` };
  return { ok: true, value: p.data };
}
