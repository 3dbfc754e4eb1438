// The pure renderer of worker logs: Claude Code stream-json messages (as `claude -p
// --output-format stream-json --verbose` writes them) and runner records, line by line.
import { describe, expect, it } from "vitest";
import { createLogRenderer, renderLogText } from "../../lib/core/run/render-log.js";

const j = (v: unknown): string => JSON.stringify(v);
const texts = (raw: string): string[] => renderLogText(raw).map((l) => l.text);

const INIT = j({ type: "system", subtype: "init", session_id: "3f2a-9b", model: "claude-sonnet-4-5", cwd: "/p/.worktrees/agent-x-1.2", tools: ["Bash"] });
const ASSISTANT = j({
  type: "assistant",
  message: {
    content: [
      { type: "text", text: "I'll read the story first.\nThen run the tests." },
      { type: "tool_use", id: "tu1", name: "Read", input: { file_path: "docs/stories/1.2.api.md" } },
      { type: "tool_use", id: "tu2", name: "Bash", input: { command: "npm test -- --run\necho done", description: "tests" } },
      { type: "tool_use", id: "tu3", name: "Grep", input: { pattern: "TODO", path: "src" } },
      { type: "tool_use", id: "tu4", name: "mcp__db__query", input: { sql: "select 1" } },
    ],
  },
});
const TOOL_RESULTS = j({
  type: "user",
  message: {
    content: [
      { type: "tool_result", tool_use_id: "tu1", content: "1\t# Story 1.2", is_error: false },
      { type: "tool_result", tool_use_id: "tu2", content: [{ type: "text", text: "\nError: 2 tests failed\n  at x" }], is_error: true },
    ],
  },
});
const RESULT = j({
  type: "result",
  subtype: "success",
  is_error: false,
  total_cost_usd: 0.01234,
  duration_ms: 42_100,
  num_turns: 7,
  session_id: "3f2a-9b",
  usage: { input_tokens: 10_000, output_tokens: 2_345, cache_read_input_tokens: 5_000, cache_creation_input_tokens: 0 },
  structured_output: { result: "DONE", summary: "API added" },
});

describe("render-log", () => {
  it("shows the session, the text, one line per tool call with its key input, tool errors and the result", () => {
    expect(texts([INIT, ASSISTANT, TOOL_RESULTS, RESULT].join("\n") + "\n")).toEqual([
      "▶ session 3f2a-9b started (model claude-sonnet-4-5, in /p/.worktrees/agent-x-1.2)",
      "I'll read the story first.",
      "Then run the tests.",
      "→ Read: docs/stories/1.2.api.md",
      "→ Bash: npm test -- --run …",
      "→ Grep: TODO in src",
      "→ mcp__db__query: select 1",
      "✗ Bash error: Error: 2 tests failed …",
      "■ result: success · $0.0123 · 17,345 tokens (10,000 in, 2,345 out, 5,000 cache read) · 42.1 s · 7 turns",
      '  output: {"result":"DONE","summary":"API added"}',
    ]);
  });

  it("shows a malformed line as such, and goes on", () => {
    const out = renderLogText(`${INIT}\n{"type":"assistant","mess\nnot json at all\n[1,2]\n\n${RESULT}`);
    expect(out.map((l) => [l.kind, l.text])).toEqual([
      ["info", "▶ session 3f2a-9b started (model claude-sonnet-4-5, in /p/.worktrees/agent-x-1.2)"],
      ["malformed", '! line 2: not JSON: {"type":"assistant","mess'],
      ["malformed", "! line 3: not JSON: not json at all"],
      ["malformed", '! line 4: not a message (no "type"): [1,2]'],
      ["result", "■ result: success · $0.0123 · 17,345 tokens (10,000 in, 2,345 out, 5,000 cache read) · 42.1 s · 7 turns"],
      ["result", '  output: {"result":"DONE","summary":"API added"}'],
    ]);
  });

  it("survives messages of the right type and the wrong shape", () => {
    const odd = [
      j({ type: "assistant" }),
      j({ type: "assistant", message: { content: "text, not blocks" } }),
      j({ type: "assistant", message: { content: [null, 3, { type: "tool_use" }] } }),
      j({ type: "user", message: { content: [{ type: "tool_result", is_error: true }] } }),
      j({ type: "result" }),
      j({ type: "system" }),
      j({ type: "something-new", x: 1 }),
    ];
    expect(texts(odd.join("\n"))).toEqual(["→ tool", "✗ tool error", "■ result: ?", "· system", "· something-new message"]);
  });

  it("shows runner records, failed results, denials and a subagent's messages indented", () => {
    const lines = [
      j({ type: "runner", event: "stopped", reason: "no output for 300 s", attempt: 2 }),
      j({ type: "assistant", parent_tool_use_id: "tu9", message: { content: [{ type: "tool_use", id: "s1", name: "Write", input: { file_path: "a.ts", content: "x" } }] } }),
      j({ type: "system", subtype: "hook_response" }),
      j({ type: "result", subtype: "error_max_budget_usd", is_error: true, total_cost_usd: 1, permission_denials: [{ tool_name: "Bash" }], result: "Budget hit\nmore" }),
    ];
    expect(texts(lines.join("\n"))).toEqual([
      "· runner: event=stopped reason=no output for 300 s attempt=2",
      "  ↳ → Write: a.ts",
      "■ result: error_max_budget_usd · $1.0000",
      "  1 tool call denied",
      "  Budget hit …",
    ]);
  });

  it("names the failing tool from an earlier line of the same renderer", () => {
    const r = createLogRenderer();
    expect(r.line(j({ type: "assistant", message: { content: [{ type: "tool_use", id: "a", name: "Edit", input: { file_path: "x.ts" } }] } }), 1)).toEqual([{ kind: "tool", text: "→ Edit: x.ts" }]);
    expect(r.line(j({ type: "user", message: { content: [{ type: "tool_result", tool_use_id: "a", content: "File has not been read yet", is_error: true }] } }), 2)).toEqual([
      { kind: "error", text: "✗ Edit error: File has not been read yet" },
    ]);
  });
});
