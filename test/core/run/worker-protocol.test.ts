// The worker protocol on lines the pinned Claude Code (2.1.332) really printed: captured by
// scripts/capture-stream-lines.ts against the scripted model server (fixtures/claude-code-2.1.332:
// a developer reporting through StructuredOutput, the same session resumed for a second run, and a
// session capped by --max-budget-usd below the cost of one turn).
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv from "ajv";
import {
  DeveloperReportSchema,
  readStreamLine,
  reportJsonSchema,
  reportOf,
  ReviewerReportSchema,
  usageOf,
  type ResultMessage,
} from "../../../lib/core/run/worker-protocol.js";

const FIXTURES = join(import.meta.dirname, "fixtures", "claude-code-2.1.332");
const lines = (name: string): string[] => readFileSync(join(FIXTURES, name), "utf8").trim().split("\n");
const resultOf = (name: string): ResultMessage => {
  const l = lines(name).map(readStreamLine).find((s) => s.kind === "result");
  if (l?.kind !== "result") throw new Error(`${name} has no result line`);
  return l.result;
};

describe("readStreamLine", () => {
  it("reads the session id from the init line", () => {
    const [init] = lines("developer-success.jsonl");
    expect(readStreamLine(init as string)).toEqual({ kind: "init", sessionId: "d837b7b7-2367-43a1-a12a-ea219b4c0cae" });
  });

  it("reads a successful result with its structured report and this run's model usage", () => {
    const r = resultOf("developer-success.jsonl");
    expect(r.subtype).toBe("success");
    expect(r.is_error).toBe(false);
    expect(r.session_id).toBe("d837b7b7-2367-43a1-a12a-ea219b4c0cae");
    expect(r.structured_output).toEqual({ result: "DONE", summary: "greeting added" });
    expect(r.total_cost_usd).toBe(0.0014);
    expect(r.model_usage_since_last_result?.["claude-opus-5-5"]).toMatchObject({ inputTokens: 100, outputTokens: 50, costUSD: 0.0014 });
  });

  it("reads a result that hit --max-budget-usd as an error result", () => {
    const r = resultOf("developer-max-budget.jsonl");
    expect(r.subtype).toBe("error_max_budget_usd");
    expect(r.is_error).toBe(true);
    expect(r.errors).toEqual(["Reached maximum budget ($0.0001)"]);
    expect(r.structured_output).toBeUndefined();
  });

  it("calls other messages other, and what is not JSON malformed", () => {
    expect(readStreamLine(JSON.stringify({ type: "assistant", message: { content: [{ type: "text", text: "hi" }] } }))).toEqual({ kind: "other" });
    // An init line without a session id is not one the runner can act on.
    expect(readStreamLine(JSON.stringify({ type: "system", subtype: "init" }))).toEqual({ kind: "other" });
    expect(readStreamLine(JSON.stringify({ type: "system", subtype: "hook_started", session_id: "x" }))).toEqual({ kind: "other" });
    expect(readStreamLine('{"type":"result","subty')).toEqual({ kind: "malformed", text: '{"type":"result","subty' });
    expect(readStreamLine("Error: something on stdout")).toEqual({ kind: "malformed", text: "Error: something on stdout" });
  });
});

describe("usageOf", () => {
  it("counts one run's cost and tokens from model_usage_since_last_result", () => {
    expect(usageOf(resultOf("developer-success.jsonl"))).toEqual({ costUsd: 0.0014, tokens: 150 });
  });

  it("counts only the resumed run when the session's total includes the earlier one", () => {
    const first = resultOf("developer-success.jsonl");
    const resumed = resultOf("developer-resumed.jsonl");
    // Resuming keeps the session id, and total_cost_usd counts both runs.
    expect(resumed.session_id).toBe(first.session_id);
    expect(readStreamLine(lines("developer-resumed.jsonl")[0] as string)).toEqual({ kind: "init", sessionId: first.session_id });
    expect(resumed.total_cost_usd).toBe(0.0042);
    const u = usageOf(resumed);
    expect(u.costUsd).toBeCloseTo(0.0028, 10);
    expect(u.tokens).toBe(300);
  });

  it("without per-run figures, subtracts the session's earlier total", () => {
    const { model_usage_since_last_result: _, ...older } = resultOf("developer-resumed.jsonl");
    expect(usageOf(older, 0.0014).costUsd).toBeCloseTo(0.0028, 10);
    expect(usageOf(older, 0.0014).tokens).toBe(300);
    // Never negative, even when the earlier total is more than the new one (a different session).
    expect(usageOf(older, 1).costUsd).toBe(0);
    expect(usageOf({ type: "result", subtype: "success" })).toEqual({ costUsd: 0, tokens: 0 });
  });

  it("counts what a capped run spent past its cap", () => {
    expect(usageOf(resultOf("developer-max-budget.jsonl"))).toEqual({ costUsd: 0.0014, tokens: 150 });
  });
});

describe("reportOf", () => {
  it("returns the checked report of a successful result", () => {
    expect(reportOf(resultOf("developer-success.jsonl"), DeveloperReportSchema)).toEqual({ ok: true, value: { result: "DONE", summary: "greeting added" } });
  });

  it("says why there is no report: an error result, none given, or one that does not match", () => {
    expect(reportOf(resultOf("developer-max-budget.jsonl"), DeveloperReportSchema)).toEqual({
      ok: false,
      error: "the worker ended with error_max_budget_usd (Reached maximum budget ($0.0001))",
    });
    const { structured_output: _, ...textOnly } = resultOf("developer-success.jsonl");
    expect(reportOf(textOnly, DeveloperReportSchema)).toEqual({ ok: false, error: "the worker gave no structured report" });
    const bad = { ...resultOf("developer-success.jsonl"), structured_output: { result: "MAYBE", summary: "x" } };
    const r = reportOf(bad, DeveloperReportSchema);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^the worker's report does not match its schema: result: /);
    const badLine = { ...resultOf("developer-success.jsonl"), structured_output: { verdict: "approved", findings: [{ severity: "HIGH", line: 0, message: "m" }] } };
    const rr = reportOf(badLine, ReviewerReportSchema);
    expect(!rr.ok && rr.error).toMatch(/findings\.0\.line: /);
    const notObject = { ...resultOf("developer-success.jsonl"), structured_output: "DONE" };
    const n = reportOf(notObject, DeveloperReportSchema);
    expect(!n.ok && n.error).toMatch(/schema: report: /);
  });

  it("takes a reviewer's verdict with its findings", () => {
    const r = { ...resultOf("developer-success.jsonl"), structured_output: { verdict: "changes-requested", findings: [{ severity: "HIGH", file: "a.ts", line: 3, message: "missing test" }] } };
    expect(reportOf(r, ReviewerReportSchema)).toEqual({ ok: true, value: { verdict: "changes-requested", findings: [{ severity: "HIGH", file: "a.ts", line: 3, message: "missing test" }] } });
  });
});

describe("reportJsonSchema", () => {
  // ajv 6 (eslint's) checks a schema against the draft-07 meta-schema when compiling it.
  const ajv = new Ajv({ allErrors: true });

  for (const role of ["developer", "reviewer"] as const) {
    it(`gives the ${role} report as a JSON Schema without $schema that accepts what zod accepts`, () => {
      const text = reportJsonSchema(role);
      const schema = JSON.parse(text) as Record<string, unknown>;
      expect(schema).not.toHaveProperty("$schema");
      expect(schema["type"]).toBe("object");
      expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
      const check = ajv.compile(schema);
      if (role === "developer") {
        expect(check({ result: "QUESTION", summary: "s", question: "formal?" })).toBe(true);
        expect(check({ result: "MAYBE", summary: "s" })).toBe(false);
        expect(check({ result: "DONE" })).toBe(false);
      } else {
        expect(check({ verdict: "approved", findings: [] })).toBe(true);
        expect(check({ verdict: "approved", findings: [{ severity: "LOW", message: "m", line: 0 }] })).toBe(false);
        expect(check({ verdict: "ok", findings: [] })).toBe(false);
      }
    });
  }
});
