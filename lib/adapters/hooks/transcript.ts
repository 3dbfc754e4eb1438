// A subagent's transcript: Claude Code writes it to
// <dir of the session transcript>/<session id>/subagents/agent-<agent id>.jsonl, and its first
// line is the launch prompt. Hooks fired inside a subagent get only the session transcript
// path and agent_id, so this is how a hook learns which story the agent works on.
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { dirname, join } from "node:path";
import type { HookPayload } from "../../core/hooks/types.js";

export function agentTranscriptPath(payload: HookPayload): string | null {
  if (payload.agent_transcript_path) return payload.agent_transcript_path;
  if (!payload.transcript_path || !payload.session_id || !payload.agent_id || !/^[A-Za-z0-9_-]+$/.test(payload.agent_id)) return null;
  return join(dirname(payload.transcript_path), payload.session_id, "subagents", `agent-${payload.agent_id}.jsonl`);
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((b: { type?: string; text?: string }) => (b.type === "text" ? (b.text ?? "") : "")).join("\n");
  return "";
}

/** The launch prompt (first line of the transcript); reads at most 64 KB. */
export function readLaunchPromptText(path: string): string | null {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return null;
  }
  try {
    const buf = Buffer.alloc(65536);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const first = buf.subarray(0, n).toString("utf8").split("\n")[0] ?? "";
    const j = JSON.parse(first) as { message?: { content?: unknown } };
    return textOf(j.message?.content);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/**
 * The launch prompt, waiting up to `timeoutMs` for Claude Code to write it: a subagent's first
 * tool call can reach its PreToolUse hook before the transcript's first line is on disk (seen
 * on a loaded CI machine), and without the prompt the write guard must refuse. The wait is
 * synchronous because the hook's hot path is; it only happens in that narrow window.
 */
export function awaitLaunchPromptText(path: string, timeoutMs: number): string | null {
  const deadline = Date.now() + timeoutMs;
  let pause: Int32Array | undefined;
  for (;;) {
    const text = readLaunchPromptText(path);
    if (text !== null || Date.now() >= deadline) return text;
    pause ??= new Int32Array(new SharedArrayBuffer(4));
    Atomics.wait(pause, 0, 0, 25);
  }
}

/** Tokens and wall time of a finished subagent, from its whole transcript (background completions). */
export function transcriptUsage(path: string, now: Date): { tokens?: number; durationMs?: number } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return {};
  }
  let tokens = 0;
  let first: number | null = null;
  // One API message may be written as several lines (one per content block): count it once.
  const seen = new Set<string>();
  for (const raw of text.split("\n")) {
    if (!raw) continue;
    try {
      const j = JSON.parse(raw) as { timestamp?: string; message?: { id?: string; role?: string; usage?: Record<string, number> } };
      if (first === null && j.timestamp) first = Date.parse(j.timestamp);
      const mid = j.message?.id;
      if (mid !== undefined && seen.has(mid)) continue;
      if (mid !== undefined) seen.add(mid);
      const u = j.message?.role === "assistant" ? j.message.usage : undefined;
      if (u) tokens += (u["input_tokens"] ?? 0) + (u["output_tokens"] ?? 0) + (u["cache_read_input_tokens"] ?? 0) + (u["cache_creation_input_tokens"] ?? 0);
    } catch {
      continue;
    }
  }
  return { tokens, ...(first !== null && !Number.isNaN(first) ? { durationMs: Math.max(0, now.getTime() - first) } : {}) };
}
