// A scripted stand-in for the Anthropic Messages API on 127.0.0.1, for running the real Claude
// Code CLI offline in tests (see ../shared/claude-code-runtime.md). Each request is turned into
// a `Turn` view (who is asking, what came back from tools) and a pluggable policy decides the
// reply: text, tool calls, or both. Replies stream as server-sent events like the real API.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { appendFileSync } from "node:fs";

/** One tool call the scripted model makes. */
export interface ToolCall {
  name: string;
  input: Record<string, unknown>;
}

export interface Reply {
  text?: string;
  tools?: ToolCall[];
  /** Wait this long before answering (a stalled model, for the runner's silence limit). */
  delayMs?: number;
}

export interface ToolResult {
  toolUseId: string;
  /** The tool that was called (found from the earlier assistant message). */
  toolName: string;
  input: Record<string, unknown>;
  text: string;
  isError: boolean;
}

/** What a policy sees of one request. */
export interface Turn {
  /** "main" for the orchestrating session, the agent name for a recognised subagent, else "other". */
  who: string;
  system: string;
  /** Text of the first user message (the expanded command, or a subagent's prompt). */
  firstUserText: string;
  /** Text of the user messages since the model last spoke (a `<task-notification>`, a hook's reason, ...). */
  lastUserText: string;
  /** Tool results since the model last spoke, in order. */
  results: ToolResult[];
  /** Every tool result in the conversation so far (oldest first). */
  allResults: ToolResult[];
  /** Every assistant tool call so far (oldest first). */
  allCalls: ToolCall[];
  /** Number of assistant messages so far in this conversation. */
  assistantTurns: number;
  /** Tool names offered in this request. */
  toolNames: string[];
  body: Record<string, unknown>;
  /** Size of the request body as it arrived, in bytes (what the model would be sent). */
  bytes: number;
}

export type Policy = (turn: Turn) => Reply;

export interface ServerOptions {
  /** Decides every reply. `who` comes from `identify`. */
  policy: Policy;
  /**
   * Recognises a subagent from its system prompt. Default: the agent definitions' first line
   * "You are the story-orchestrator NAME agent" → NAME; a request with Claude Code's main
   * system prompt and tools including Agent → "main".
   */
  identify?: (system: string, toolNames: string[], firstUserText: string) => string;
  /**
   * A scripted run that loops (a policy that never reaches its end) must fail fast, not hang
   * until the test's timeout: past this many model requests the server answers with an API
   * error, which ends the CLI, and records why in `errors`. Default 400 (flow 1 needs ~80).
   */
  maxRequests?: number;
  /**
   * The `input_tokens` each reply reports (what the CLI then adds up in its result's usage).
   * Default 100 for every request; the fix-round bench reports the request's bytes / 4.
   */
  inputTokens?: (turn: Turn) => number;
}

export interface ModelServer {
  url: string;
  /** Every request's turn view, in arrival order (for assertions and debugging). */
  log: Turn[];
  /** Policy exceptions: a test should fail when this is not empty. */
  errors: string[];
  close(): Promise<void>;
}

const AGENT_MARKER = /You are the story-orchestrator ([a-z0-9-]+) agent/;

export function defaultIdentify(system: string, toolNames: string[]): string {
  const m = AGENT_MARKER.exec(system);
  if (m) return m[1] as string;
  return toolNames.includes("Agent") || toolNames.includes("Task") ? "main" : "other";
}

type Block = { type: string; text?: string; id?: string; name?: string; input?: unknown; tool_use_id?: string; content?: unknown; is_error?: boolean };
type Message = { role: string; content: string | Block[] };

function blocksOf(m: Message | undefined): Block[] {
  if (!m) return [];
  return typeof m.content === "string" ? [{ type: "text", text: m.content }] : m.content;
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((b: Block) => (b.type === "text" ? (b.text ?? "") : "")).join("\n");
  return "";
}

function systemText(body: Record<string, unknown>): string {
  const s = body["system"];
  if (typeof s === "string") return s;
  if (Array.isArray(s)) return s.map((b: Block) => b.text ?? "").join("\n");
  return "";
}

export function turnOf(body: Record<string, unknown>, identify: ServerOptions["identify"], bytes = Buffer.byteLength(JSON.stringify(body))): Turn {
  const messages = (body["messages"] as Message[] | undefined) ?? [];
  const toolNames = ((body["tools"] as { name: string }[] | undefined) ?? []).map((t) => t.name);
  const system = systemText(body);
  const calls = new Map<string, ToolCall>();
  const allCalls: ToolCall[] = [];
  const allResults: ToolResult[] = [];
  let assistantTurns = 0;
  for (const m of messages) {
    if (m.role === "assistant") assistantTurns++;
    for (const b of blocksOf(m)) {
      if (b.type === "tool_use" && b.id && b.name) {
        const call = { name: b.name, input: (b.input ?? {}) as Record<string, unknown> };
        calls.set(b.id, call);
        allCalls.push(call);
      } else if (b.type === "tool_result" && b.tool_use_id) {
        const call = calls.get(b.tool_use_id);
        allResults.push({ toolUseId: b.tool_use_id, toolName: call?.name ?? "?", input: call?.input ?? {}, text: textOf(b.content), isError: b.is_error === true });
      }
    }
  }
  const firstUser = messages.find((m) => m.role === "user");
  // Everything since the model last spoke: tool results, notifications and hook feedback may
  // arrive as several messages, and Claude Code 2.1.197 sends background-task notifications
  // that come in while a tool runs as messages with role "system" in the messages array.
  let since = messages.length;
  while (since > 0 && messages[since - 1]?.role !== "assistant") since--;
  const lastBlocks = messages.slice(since).flatMap((m) => blocksOf(m));
  const lastIds = new Set(lastBlocks.filter((b) => b.type === "tool_result").map((b) => b.tool_use_id));
  const firstUserText = blocksOf(firstUser).filter((b) => b.type === "text").map((b) => b.text ?? "").join("\n");
  return {
    who: (identify ?? defaultIdentify)(system, toolNames, firstUserText),
    system,
    firstUserText,
    lastUserText: lastBlocks.filter((b) => b.type === "text").map((b) => b.text ?? "").join("\n"),
    results: allResults.filter((r) => lastIds.has(r.toolUseId)),
    allResults,
    allCalls,
    assistantTurns,
    toolNames,
    body,
    bytes,
  };
}

let idCounter = 0;

function contentBlocks(reply: Reply): Block[] {
  const blocks: Block[] = [];
  if (reply.text) blocks.push({ type: "text", text: reply.text });
  for (const t of reply.tools ?? []) blocks.push({ type: "tool_use", id: `toolu_${(++idCounter).toString().padStart(6, "0")}`, name: t.name, input: t.input });
  if (blocks.length === 0) blocks.push({ type: "text", text: "OK." });
  return blocks;
}

function sse(res: ServerResponse, event: string, data: unknown): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

function streamReply(res: ServerResponse, model: string, reply: Reply, inputTokens: number): void {
  const blocks = contentBlocks(reply);
  const stop = blocks.some((b) => b.type === "tool_use") ? "tool_use" : "end_turn";
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  sse(res, "message_start", {
    type: "message_start",
    message: { id: `msg_${++idCounter}`, type: "message", role: "assistant", model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: inputTokens, output_tokens: 1 } },
  });
  blocks.forEach((b, index) => {
    if (b.type === "text") {
      sse(res, "content_block_start", { type: "content_block_start", index, content_block: { type: "text", text: "" } });
      sse(res, "content_block_delta", { type: "content_block_delta", index, delta: { type: "text_delta", text: b.text } });
    } else {
      sse(res, "content_block_start", { type: "content_block_start", index, content_block: { type: "tool_use", id: b.id, name: b.name, input: {} } });
      sse(res, "content_block_delta", { type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: JSON.stringify(b.input) } });
    }
    sse(res, "content_block_stop", { type: "content_block_stop", index });
  });
  sse(res, "message_delta", { type: "message_delta", delta: { stop_reason: stop, stop_sequence: null }, usage: { output_tokens: 50 } });
  sse(res, "message_stop", { type: "message_stop" });
  res.end();
}

function jsonReply(res: ServerResponse, model: string, reply: Reply, inputTokens: number): void {
  const content = contentBlocks(reply);
  const stop = content.some((b) => b.type === "tool_use") ? "tool_use" : "end_turn";
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ id: `msg_${++idCounter}`, type: "message", role: "assistant", model, content, stop_reason: stop, stop_sequence: null, usage: { input_tokens: inputTokens, output_tokens: 50 } }));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startModelServer(options: ServerOptions): Promise<ModelServer> {
  const log: Turn[] = [];
  const errors: string[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? "/").split("?")[0];
      if (req.method !== "POST") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end("{}");
        return;
      }
      const raw = await readBody(req);
      if (path === "/v1/messages/count_tokens") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ input_tokens: Math.ceil(raw.length / 4) }));
        return;
      }
      if (path !== "/v1/messages") {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ type: "error", error: { type: "not_found_error", message: path } }));
        return;
      }
      if (log.length >= (options.maxRequests ?? 400)) {
        if (!errors.some((e) => e.startsWith("server: request cap"))) errors.push(`server: request cap of ${options.maxRequests ?? 400} reached (a policy loops)`);
        res.writeHead(400, { "content-type": "application/json" });
        res.end(JSON.stringify({ type: "error", error: { type: "invalid_request_error", message: "scripted model: request cap reached" } }));
        return;
      }
      const body = JSON.parse(raw) as Record<string, unknown>;
      const turn = turnOf(body, options.identify, Buffer.byteLength(raw));
      log.push(turn);
      // E2E_TRACE=FILE: one JSON line per request (who asked, what came back), to see why a run looped.
      if (process.env["E2E_TRACE"]) appendFileSync(process.env["E2E_TRACE"], JSON.stringify({ n: log.length, who: turn.who, last: turn.lastUserText, results: turn.results.map((r) => [r.toolName, r.isError, r.text.slice(0, 3000)]) }) + "\n");
      let reply: Reply;
      try {
        reply = options.policy(turn);
      } catch (e) {
        errors.push(`${turn.who}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        reply = { text: `Policy error: ${String(e)}` };
      }
      const model = typeof body["model"] === "string" ? body["model"] : "claude-test";
      if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
      if (res.destroyed) return;
      const tokens = options.inputTokens?.(turn) ?? 100;
      if (body["stream"] === true) streamReply(res, model, reply, tokens);
      else jsonReply(res, model, reply, tokens);
    })().catch((e: unknown) => {
      errors.push(`server: ${String(e)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    errors,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
