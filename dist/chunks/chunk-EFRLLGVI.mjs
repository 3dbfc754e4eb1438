import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  logsDir,
  parseWorkerLogName
} from "./chunk-644RGFZP.mjs";

// lib/core/run/render-log.ts
var MAX_INPUT = 160;
var MAX_ERROR = 240;
var MAX_OUTPUT = 400;
var QUIET_SYSTEM = /* @__PURE__ */ new Set(["hook_started", "hook_response", "task_progress", "status"]);
function createLogRenderer() {
  const toolNames = /* @__PURE__ */ new Map();
  const assistant = (m, indent) => {
    const out = [];
    for (const block of contentBlocks(m)) {
      if (block["type"] === "text" && typeof block["text"] === "string") {
        for (const l of block["text"].trim().split("\n")) out.push({ kind: "text", text: `${indent}${l}` });
      } else if (block["type"] === "tool_use") {
        const name = str(block["name"]) ?? "tool";
        const id = str(block["id"]);
        if (id !== void 0) toolNames.set(id, name);
        const input = keyInput(name, block["input"]);
        out.push({ kind: "tool", text: `${indent}\u2192 ${name}${input ? `: ${input}` : ""}` });
      }
    }
    return out;
  };
  const user = (m, indent) => {
    const out = [];
    const content = m["message"]?.["content"];
    if (typeof content === "string" && content.trim()) out.push({ kind: "info", text: `${indent}\xBB ${firstLine(content, MAX_INPUT)}` });
    for (const block of contentBlocks(m)) {
      if (block["type"] === "tool_result" && block["is_error"] === true) {
        const name = toolNames.get(str(block["tool_use_id"]) ?? "") ?? "tool";
        const why = firstLine(resultText(block["content"]), MAX_ERROR);
        out.push({ kind: "error", text: `${indent}\u2717 ${name} error${why ? `: ${why}` : ""}` });
      } else if (block["type"] === "text" && typeof block["text"] === "string" && block["text"].trim()) {
        out.push({ kind: "info", text: `${indent}\xBB ${firstLine(block["text"], MAX_INPUT)}` });
      }
    }
    return out;
  };
  return {
    line(raw, lineNo) {
      if (raw.trim() === "") return [];
      let parsed;
      try {
        parsed = JSON.parse(raw);
      } catch {
        return [{ kind: "malformed", text: `! line ${lineNo}: not JSON: ${cut(raw.trim(), 120)}` }];
      }
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed) || typeof parsed["type"] !== "string") {
        return [{ kind: "malformed", text: `! line ${lineNo}: not a message (no "type"): ${cut(raw.trim(), 120)}` }];
      }
      const m = parsed;
      const indent = typeof m["parent_tool_use_id"] === "string" ? "  \u21B3 " : "";
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
          return [{ kind: "info", text: `\xB7 runner: ${fields(m)}` }];
        default:
          return [{ kind: "info", text: `\xB7 ${cut(String(m["type"]), 40)} message` }];
      }
    }
  };
}
function workerHeading(role, n) {
  return `\u2500\u2500 ${role}-${n} \u2500\u2500`;
}
function system(m) {
  const subtype = str(m["subtype"]) ?? "";
  if (subtype === "init") {
    const session = str(m["session_id"]);
    const model = str(m["model"]);
    const cwd = str(m["cwd"]);
    const parts = [model && `model ${model}`, cwd && `in ${cwd}`].filter(Boolean).join(", ");
    return [{ kind: "info", text: `\u25B6 session ${session ?? "?"} started${parts ? ` (${parts})` : ""}` }];
  }
  if (QUIET_SYSTEM.has(subtype)) return [];
  return [{ kind: "info", text: `\xB7 ${cut(subtype || "system", 40)}` }];
}
function result(m) {
  const subtype = str(m["subtype"]) ?? "?";
  const parts = [m["is_error"] === true && subtype === "success" ? "error" : subtype];
  const cost = num(m["total_cost_usd"]);
  if (cost !== void 0) parts.push(`$${cost.toFixed(4)}`);
  const usage = m["usage"];
  if (usage && typeof usage === "object") {
    const input = num(usage["input_tokens"]) ?? 0;
    const output = num(usage["output_tokens"]) ?? 0;
    const read = num(usage["cache_read_input_tokens"]) ?? 0;
    const write = num(usage["cache_creation_input_tokens"]) ?? 0;
    const detail = [`${count(input)} in`, `${count(output)} out`, read ? `${count(read)} cache read` : "", write ? `${count(write)} cache write` : ""].filter(Boolean).join(", ");
    parts.push(`${count(input + output + read + write)} tokens (${detail})`);
  }
  const ms = num(m["duration_ms"]);
  if (ms !== void 0) parts.push(`${(ms / 1e3).toFixed(1)} s`);
  const turns = num(m["num_turns"]);
  if (turns !== void 0) parts.push(`${turns} turn${turns === 1 ? "" : "s"}`);
  const out = [{ kind: "result", text: `\u25A0 result: ${parts.join(" \xB7 ")}` }];
  const denials = m["permission_denials"];
  if (Array.isArray(denials) && denials.length) out.push({ kind: "error", text: `  ${denials.length} tool call${denials.length === 1 ? "" : "s"} denied` });
  if (m["structured_output"] !== void 0 && m["structured_output"] !== null) out.push({ kind: "result", text: `  output: ${cut(JSON.stringify(m["structured_output"]), MAX_OUTPUT)}` });
  else if (typeof m["result"] === "string" && m["result"].trim()) out.push({ kind: "result", text: `  ${firstLine(m["result"], MAX_OUTPUT)}` });
  return out;
}
function keyInput(name, input) {
  if (input === null || typeof input !== "object") return "";
  const i = input;
  const pick = (...keys) => keys.map((k) => str(i[k])).find((v) => v !== void 0 && v !== "");
  let shown;
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
      shown = type && description ? `${type}: ${description}` : description ?? type;
      break;
    }
    case "WebFetch":
      shown = pick("url");
      break;
    case "WebSearch":
      shown = pick("query");
      break;
    case "TodoWrite":
      shown = Array.isArray(i["todos"]) ? `${i["todos"].length} items` : void 0;
      break;
    case "StructuredOutput":
      shown = JSON.stringify(i);
      break;
  }
  shown ??= Object.values(i).find((v) => typeof v === "string" && v !== "") ?? JSON.stringify(i);
  return firstLine(shown, MAX_INPUT);
}
function contentBlocks(m) {
  const content = m["message"]?.["content"];
  return Array.isArray(content) ? content.filter((b) => b !== null && typeof b === "object") : [];
}
function resultText(content) {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content.map((b) => b !== null && typeof b === "object" && typeof b["text"] === "string" ? b["text"] : "").join("\n");
  }
  return "";
}
function fields(m) {
  const pairs = Object.entries(m).filter(([k]) => k !== "type").map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`);
  return cut(pairs.join(" "), MAX_OUTPUT);
}
function firstLine(s, max) {
  const lines = s.split("\n").map((l) => l.trim()).filter(Boolean);
  const first = lines[0] ?? "";
  return cut(lines.length > 1 ? `${first} \u2026` : first, max);
}
function cut(s, max) {
  return s.length <= max ? s : `${s.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, "")}\u2026`;
}
function str(v) {
  return typeof v === "string" ? v : void 0;
}
function num(v) {
  return typeof v === "number" && Number.isFinite(v) ? v : void 0;
}
function count(n) {
  return n.toLocaleString("en-US");
}

// lib/adapters/state-store/worker-logs.ts
import { open, readdir, stat } from "node:fs/promises";
import { join } from "node:path";
async function listWorkerLogs(root, id) {
  const dir = logsDir(root, id);
  let names;
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const out = [];
  for (const name of names) {
    const parsed = parseWorkerLogName(name);
    if (!parsed) continue;
    const path = join(dir, name);
    try {
      const s = await stat(path);
      if (!s.isFile()) continue;
      out.push({ ...parsed, path, startedMs: s.birthtimeMs > 0 ? s.birthtimeMs : s.mtimeMs });
    } catch {
    }
  }
  const rank = (w) => w.role === "developer" ? 0 : 1;
  return out.sort((a, b) => a.startedMs - b.startedMs || rank(a) - rank(b) || a.role.localeCompare(b.role) || a.n - b.n);
}
async function hasLogsDir(root, id) {
  try {
    return (await stat(logsDir(root, id))).isDirectory();
  } catch {
    return false;
  }
}
var MAX_CHUNK = 4 * 1024 * 1024;
async function readAppended(path, offset) {
  let fh;
  try {
    fh = await open(path, "r");
  } catch {
    return { bytes: Buffer.alloc(0), offset, restarted: false };
  }
  try {
    const size = (await fh.stat()).size;
    const restarted = size < offset;
    const from = restarted ? 0 : offset;
    const length = Math.min(size - from, MAX_CHUNK);
    if (length <= 0) return { bytes: Buffer.alloc(0), offset: from, restarted };
    const bytes = Buffer.alloc(length);
    const { bytesRead } = await fh.read(bytes, 0, length, from);
    return { bytes: bytes.subarray(0, bytesRead), offset: from + bytesRead, restarted };
  } finally {
    await fh.close();
  }
}
async function readTailLines(path, maxBytes) {
  let fh;
  try {
    fh = await open(path, "r");
  } catch {
    return { lines: [], cut: false };
  }
  try {
    const size = (await fh.stat()).size;
    const from = Math.max(0, size - maxBytes);
    const bytes = Buffer.alloc(size - from);
    const { bytesRead } = await fh.read(bytes, 0, bytes.length, from);
    let text = bytes.subarray(0, bytesRead).toString("utf8");
    if (from > 0) text = text.slice(text.indexOf("\n") + 1);
    const lines = text.split("\n");
    if (lines.at(-1) === "") lines.pop();
    return { lines, cut: from > 0 };
  } finally {
    await fh.close();
  }
}

// lib/adapters/state-store/line-tail.ts
import { stat as stat2 } from "node:fs/promises";
var LineTail = class {
  constructor(path) {
    this.path = path;
  }
  offset = 0;
  pending = Buffer.alloc(0);
  /** Skips what the file holds now: only lines appended from here on are returned. */
  async skipExisting() {
    try {
      this.offset = (await stat2(this.path)).size;
    } catch {
      this.offset = 0;
    }
    this.pending = Buffer.alloc(0);
  }
  /**
   * The complete lines appended since the last call, oldest first. `final`: also a last line
   * that has no newline (the writer is done). `onRestart` is told when the file was replaced,
   * before the lines read from its start.
   */
  async newLines(opts = {}) {
    const out = [];
    for (; ; ) {
      const got = await readAppended(this.path, this.offset);
      if (got.restarted) {
        this.pending = Buffer.alloc(0);
        opts.onRestart?.();
      }
      this.offset = got.offset;
      if (got.bytes.length === 0) break;
      let buf = this.pending.length ? Buffer.concat([this.pending, got.bytes]) : got.bytes;
      for (let nl = buf.indexOf(10); nl >= 0; nl = buf.indexOf(10)) {
        out.push(buf.subarray(0, nl).toString("utf8"));
        buf = buf.subarray(nl + 1);
      }
      this.pending = Buffer.from(buf);
    }
    if (opts.final && this.pending.length) {
      out.push(this.pending.toString("utf8"));
      this.pending = Buffer.alloc(0);
    }
    return out;
  }
};

export {
  createLogRenderer,
  workerHeading,
  listWorkerLogs,
  hasLogsDir,
  readTailLines,
  LineTail
};
