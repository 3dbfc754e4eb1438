// A worker's message stream (`logs/<id>/<role>-<n>.jsonl`: one Claude Code `stream-json`
// message per line, and the runner's own `{"type":"runner", ...}` records) as lines a person
// can read: the assistant's text, one line per tool call with its key input, tool errors, and
// the result with cost, tokens and duration. Pure: text in, lines out. A line that is not a
// message is shown as such; nothing in a log can make this throw.

export type LogLineKind = "info" | "text" | "tool" | "error" | "result" | "malformed";

export interface LogLine {
  kind: LogLineKind;
  text: string;
}

export interface LogRenderer {
  /** The lines one log line renders to (none for messages not worth showing); `lineNo` 1-based, for messages about bad lines. */
  line(raw: string, lineNo: number): LogLine[];
}

/** Tool inputs and errors are cut to this: the log file has them whole. */
const MAX_INPUT = 160;
const MAX_ERROR = 240;
const MAX_OUTPUT = 400;

/** System messages that are progress noise, not events a reader wants (hook runs, task progress). */
const QUIET_SYSTEM = new Set(["hook_started", "hook_response", "task_progress", "status"]);

type Json = Record<string, unknown>;

/**
 * A renderer for one worker's file. It remembers tool names by tool_use id, so an error result
 * (which carries only the id) can say which tool failed.
 */
export function createLogRenderer(): LogRenderer {
  const toolNames = new Map<string, string>();

  const assistant = (m: Json, indent: string): LogLine[] => {
    const out: LogLine[] = [];
    for (const block of contentBlocks(m)) {
      if (block["type"] === "text" && typeof block["text"] === "string") {
        for (const l of block["text"].trim().split("\n")) out.push({ kind: "text", text: `${indent}${l}` });
      } else if (block["type"] === "tool_use") {
        const name = str(block["name"]) ?? "tool";
        const id = str(block["id"]);
        if (id !== undefined) toolNames.set(id, name);
        const input = keyInput(name, block["input"]);
        out.push({ kind: "tool", text: `${indent}→ ${name}${input ? `: ${input}` : ""}` });
      }
    }
    return out;
  };

  const user = (m: Json, indent: string): LogLine[] => {
    const out: LogLine[] = [];
    const content = (m["message"] as Json | undefined)?.["content"];
    if (typeof content === "string" && content.trim()) out.push({ kind: "info", text: `${indent}» ${firstLine(content, MAX_INPUT)}` });
    for (const block of contentBlocks(m)) {
      if (block["type"] === "tool_result" && block["is_error"] === true) {
        const name = toolNames.get(str(block["tool_use_id"]) ?? "") ?? "tool";
        const why = firstLine(resultText(block["content"]), MAX_ERROR);
        out.push({ kind: "error", text: `${indent}✗ ${name} error${why ? `: ${why}` : ""}` });
      } else if (block["type"] === "text" && typeof block["text"] === "string" && block["text"].trim()) {
        out.push({ kind: "info", text: `${indent}» ${firstLine(block["text"], MAX_INPUT)}` });
      }
    }
    return out;
  };

  return {
    line(raw, lineNo) {
      if (raw.trim() === "") return [];
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        return [{ kind: "malformed", text: `! line ${lineNo}: not JSON: ${cut(raw.trim(), 120)}` }];
      }
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed) || typeof (parsed as Json)["type"] !== "string") {
        return [{ kind: "malformed", text: `! line ${lineNo}: not a message (no "type"): ${cut(raw.trim(), 120)}` }];
      }
      const m = parsed as Json;
      // A subagent's messages (the worker started one) carry the Agent call's id.
      const indent = typeof m["parent_tool_use_id"] === "string" ? "  ↳ " : "";
      switch (m["type"]) {
        case "system":
          return system(m);
        case "assistant":
          return assistant(m, indent);
        case "user":
          return user(m, indent);
        case "result":
          return result(m);
        case "runner":
          return [{ kind: "info", text: `· runner: ${fields(m)}` }];
        default:
          return [{ kind: "info", text: `· ${cut(String(m["type"]), 40)} message` }];
      }
    },
  };
}

/** A whole file's text, rendered. */
export function renderLogText(text: string): LogLine[] {
  const r = createLogRenderer();
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines.flatMap((l, i) => r.line(l, i + 1));
}

/** The line that opens a worker's section: `── developer-1 ──`. */
export function workerHeading(role: string, n: number): string {
  return `── ${role}-${n} ──`;
}

function system(m: Json): LogLine[] {
  const subtype = str(m["subtype"]) ?? "";
  if (subtype === "init") {
    const session = str(m["session_id"]);
    const model = str(m["model"]);
    const cwd = str(m["cwd"]);
    const parts = [model && `model ${model}`, cwd && `in ${cwd}`].filter(Boolean).join(", ");
    return [{ kind: "info", text: `▶ session ${session ?? "?"} started${parts ? ` (${parts})` : ""}` }];
  }
  if (QUIET_SYSTEM.has(subtype)) return [];
  return [{ kind: "info", text: `· ${cut(subtype || "system", 40)}` }];
}

function result(m: Json): LogLine[] {
  const subtype = str(m["subtype"]) ?? "?";
  const parts = [m["is_error"] === true && subtype === "success" ? "error" : subtype];
  const cost = num(m["total_cost_usd"]);
  if (cost !== undefined) parts.push(`$${cost.toFixed(4)}`);
  const usage = m["usage"] as Json | undefined;
  if (usage && typeof usage === "object") {
    const input = num(usage["input_tokens"]) ?? 0;
    const output = num(usage["output_tokens"]) ?? 0;
    const read = num(usage["cache_read_input_tokens"]) ?? 0;
    const write = num(usage["cache_creation_input_tokens"]) ?? 0;
    const detail = [`${count(input)} in`, `${count(output)} out`, read ? `${count(read)} cache read` : "", write ? `${count(write)} cache write` : ""].filter(Boolean).join(", ");
    parts.push(`${count(input + output + read + write)} tokens (${detail})`);
  }
  const ms = num(m["duration_ms"]);
  if (ms !== undefined) parts.push(`${(ms / 1000).toFixed(1)} s`);
  const turns = num(m["num_turns"]);
  if (turns !== undefined) parts.push(`${turns} turn${turns === 1 ? "" : "s"}`);
  const out: LogLine[] = [{ kind: "result", text: `■ result: ${parts.join(" · ")}` }];
  const denials = m["permission_denials"];
  if (Array.isArray(denials) && denials.length) out.push({ kind: "error", text: `  ${denials.length} tool call${denials.length === 1 ? "" : "s"} denied` });
  if (m["structured_output"] !== undefined && m["structured_output"] !== null) out.push({ kind: "result", text: `  output: ${cut(JSON.stringify(m["structured_output"]), MAX_OUTPUT)}` });
  else if (typeof m["result"] === "string" && m["result"].trim()) out.push({ kind: "result", text: `  ${firstLine(m["result"], MAX_OUTPUT)}` });
  return out;
}

/** What identifies a tool call at a glance: the command, the file, the pattern. */
function keyInput(name: string, input: unknown): string {
  if (input === null || typeof input !== "object") return "";
  const i = input as Json;
  const pick = (...keys: string[]): string | undefined => keys.map((k) => str(i[k])).find((v) => v !== undefined && v !== "");
  let shown: string | undefined;
  switch (name) {
    case "Bash":
      shown = pick("command");
      break;
    case "Read":
    case "Write":
    case "Edit":
    case "MultiEdit":
    case "NotebookEdit":
      shown = pick("file_path", "notebook_path");
      break;
    case "Glob":
    case "Grep": {
      const pattern = pick("pattern");
      const path = pick("path");
      shown = pattern && path ? `${pattern} in ${path}` : pattern;
      break;
    }
    case "Agent":
    case "Task": {
      const type = pick("subagent_type");
      const description = pick("description");
      shown = type && description ? `${type}: ${description}` : (description ?? type);
      break;
    }
    case "WebFetch":
      shown = pick("url");
      break;
    case "WebSearch":
      shown = pick("query");
      break;
    case "TodoWrite":
      shown = Array.isArray(i["todos"]) ? `${i["todos"].length} items` : undefined;
      break;
    case "StructuredOutput":
      shown = JSON.stringify(i);
      break;
  }
  // Any other tool: its first text field, else the input as JSON.
  shown ??= Object.values(i).find((v): v is string => typeof v === "string" && v !== "") ?? JSON.stringify(i);
  return firstLine(shown, MAX_INPUT);
}

function contentBlocks(m: Json): Json[] {
  const content = (m["message"] as Json | undefined)?.["content"];
  return Array.isArray(content) ? content.filter((b): b is Json => b !== null && typeof b === "object") : [];
}

/** A tool result's content: a string, or blocks of which the text ones count. */
function resultText(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content
      .map((b: unknown) => (b !== null && typeof b === "object" && typeof (b as Json)["text"] === "string" ? ((b as Json)["text"] as string) : ""))
      .join("\n");
  }
  return "";
}

/** `key=value` pairs of a runner record, its `type` left out. */
function fields(m: Json): string {
  const pairs = Object.entries(m)
    .filter(([k]) => k !== "type")
    .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`);
  return cut(pairs.join(" "), MAX_OUTPUT);
}

/** The first non-empty line of `s`, cut to `max`, with a mark when more lines followed. */
function firstLine(s: string, max: number): string {
  const lines = s.split("\n").map((l) => l.trim()).filter(Boolean);
  const first = lines[0] ?? "";
  return cut(lines.length > 1 ? `${first} …` : first, max);
}

function cut(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, "")}…`;
}

function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

function num(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}
