import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  readLaunches
} from "./chunk-2B7JGNL6.mjs";
import {
  cacheJson,
  readCacheFile,
  writeCacheFile
} from "./chunk-R7PRS5ZI.mjs";
import {
  CONFIG_FILE_NAME,
  ORCHESTRATION_FILE,
  STATE_DIR,
  storyIdOfFileName
} from "./chunk-DJAYH52C.mjs";
import {
  idKey
} from "./chunk-KNNDJYLI.mjs";

// lib/core/hooks/types.ts
var ALLOW = { kind: "allow" };
function deny(gate, reason) {
  return { kind: "deny", gate, reason };
}
var WRITE_TOOLS = /* @__PURE__ */ new Set(["Write", "Edit", "MultiEdit", "NotebookEdit"]);
function storyOf(snap, id) {
  return snap.stories[idKey(id)];
}

// lib/core/hooks/safety-rules.ts
var SAFETY_RULES_VERSION = 1;
var DEFAULT_SAFETY_RULES = { gitPush: true, migrations: true, deleteOutsideWorktree: true, deny: [] };
function patternRuleId(p) {
  return `deny: ${p.words.join(" ")}`;
}
function patternWords(command) {
  return command.trim().split(/\s+/).filter((w) => w !== "");
}
function safetyRulesOf(safety) {
  return {
    gitPush: safety.gitPush === "deny",
    migrations: safety.migrations === "deny",
    deleteOutsideWorktree: safety.deleteOutsideWorktree === "deny",
    deny: safety.deny.map((d) => typeof d === "string" ? { words: patternWords(d), reason: null } : { words: patternWords(d.command), reason: d.reason ?? null })
  };
}

// lib/adapters/hooks/snapshot.ts
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
function readJson(path) {
  try {
    const v = JSON.parse(readFileSync(path, "utf8"));
    return v !== null && typeof v === "object" ? v : null;
  } catch {
    return null;
  }
}
var str = (v) => typeof v === "string" ? v : null;
function storyOf2(j) {
  const id = str(j["storyId"]);
  const status = str(j["status"]);
  if (id === null || status === null) return null;
  const reviews = Array.isArray(j["reviews"]) ? j["reviews"] : [];
  return {
    id,
    status,
    agent: str(j["agent"]) ?? "general-developer",
    worktree: str(j["worktree"]),
    branch: str(j["branch"]),
    baseSha: str(j["baseSha"]),
    headSha: str(j["headSha"]),
    dependencies: Array.isArray(j["dependencies"]) ? j["dependencies"].filter((d) => typeof d === "string") : [],
    reviews: reviews.map((r) => ({ reviewer: str(r["reviewer"]) ?? "", verdict: str(r["verdict"]) ?? "", sha: str(r["sha"]) ?? "" }))
  };
}
function readStrict(dir) {
  try {
    const text = readFileSync(join(dir, CONFIG_FILE_NAME), "utf8");
    return !/^strict:\s*(false|no|off)\s*(#.*)?$/m.test(text);
  } catch {
    return true;
  }
}
function readSnapshot(root) {
  const dir = join(root, STATE_DIR);
  const orch = readJson(join(dir, ORCHESTRATION_FILE));
  const snap = { root, active: orch !== null, stories: {}, runStories: [], strict: true, launches: [], reviewers: null };
  if (!existsSync(dir)) return snap;
  for (const name of readdirSync(dir)) {
    if (storyIdOfFileName(name) === null) continue;
    const j = readJson(join(dir, name));
    const s = j ? storyOf2(j) : null;
    if (s) snap.stories[idKey(s.id)] = s;
  }
  if (orch) {
    const stories = Array.isArray(orch["stories"]) ? orch["stories"].filter((s) => typeof s === "string") : [];
    const keys = new Set(stories.map(idKey));
    snap.runStories = [...stories, ...Object.values(snap.stories).filter((s) => !keys.has(idKey(s.id))).map((s) => s.id)];
  }
  snap.strict = readStrict(dir);
  snap.launches = readLaunches(root);
  return snap;
}

// lib/adapters/hooks/safety-config.ts
import { readFileSync as readFileSync2 } from "node:fs";
import { join as join2 } from "node:path";
var SAFETY_MEMO = "safety.json";
function readConfigText(root) {
  try {
    return readFileSync2(join2(root, STATE_DIR, CONFIG_FILE_NAME), "utf8");
  } catch {
    return null;
  }
}
function mentionsSafety(text) {
  return text !== null && /^["']?safety["']?\s*:/m.test(text);
}
function readSafetyMemo(root, text) {
  const file = readCacheFile(root, SAFETY_MEMO);
  if (!file) return null;
  try {
    const m = JSON.parse(file.text);
    return m && m.version === SAFETY_RULES_VERSION && m.text === text && m.rules && Array.isArray(m.rules.deny) ? m.rules : null;
  } catch {
    return null;
  }
}
async function writeSafetyMemo(root, text, rules) {
  await writeCacheFile(root, SAFETY_MEMO, cacheJson({ version: SAFETY_RULES_VERSION, text, rules }));
}
async function readSafetyRules(root, compute) {
  const text = readConfigText(root);
  if (!mentionsSafety(text)) return DEFAULT_SAFETY_RULES;
  return readSafetyMemo(root, text) ?? await compute(text);
}

// lib/adapters/hooks/transcript.ts
import { closeSync, openSync, readFileSync as readFileSync3, readSync } from "node:fs";
import { dirname, join as join3 } from "node:path";
function agentTranscriptPath(payload) {
  if (payload.agent_transcript_path) return payload.agent_transcript_path;
  if (!payload.transcript_path || !payload.session_id || !payload.agent_id || !/^[A-Za-z0-9_-]+$/.test(payload.agent_id)) return null;
  return join3(dirname(payload.transcript_path), payload.session_id, "subagents", `agent-${payload.agent_id}.jsonl`);
}
function textOf(content) {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((b) => b.type === "text" ? b.text ?? "" : "").join("\n");
  return "";
}
function readLaunchPromptText(path) {
  let fd;
  try {
    fd = openSync(path, "r");
  } catch {
    return null;
  }
  try {
    const buf = Buffer.alloc(65536);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const first = buf.subarray(0, n).toString("utf8").split("\n")[0] ?? "";
    const j = JSON.parse(first);
    return textOf(j.message?.content);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
function awaitLaunchPromptText(path, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let pause;
  for (; ; ) {
    const text = readLaunchPromptText(path);
    if (text !== null || Date.now() >= deadline) return text;
    pause ??= new Int32Array(new SharedArrayBuffer(4));
    Atomics.wait(pause, 0, 0, 25);
  }
}
function transcriptUsage(path, now) {
  let text;
  try {
    text = readFileSync3(path, "utf8");
  } catch {
    return {};
  }
  let tokens = 0;
  let first = null;
  const seen = /* @__PURE__ */ new Set();
  for (const raw of text.split("\n")) {
    if (!raw) continue;
    try {
      const j = JSON.parse(raw);
      if (first === null && j.timestamp) first = Date.parse(j.timestamp);
      const mid = j.message?.id;
      if (mid !== void 0 && seen.has(mid)) continue;
      if (mid !== void 0) seen.add(mid);
      const u = j.message?.role === "assistant" ? j.message.usage : void 0;
      if (u) tokens += (u["input_tokens"] ?? 0) + (u["output_tokens"] ?? 0) + (u["cache_read_input_tokens"] ?? 0) + (u["cache_creation_input_tokens"] ?? 0);
    } catch {
      continue;
    }
  }
  return { tokens, ...first !== null && !Number.isNaN(first) ? { durationMs: Math.max(0, now.getTime() - first) } : {} };
}

// lib/hooks/output.ts
function render(event, d) {
  switch (d.kind) {
    case "allow":
      return "";
    case "deny":
      return JSON.stringify({ hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "deny", permissionDecisionReason: d.reason } });
    case "block":
      return JSON.stringify({ decision: "block", reason: d.reason });
    case "context":
      return JSON.stringify({ hookSpecificOutput: { hookEventName: event, additionalContext: d.text } });
  }
}

// lib/core/hooks/review-queue.ts
function liveLaunches(snap, session) {
  return snap.launches.filter((l) => !l.done && (session === void 0 || l.session === session));
}
function reviewLaunched(snap, story, session) {
  if (story.headSha === null) return false;
  const reviewed = story.reviews.some((r) => r.sha === story.headSha);
  return reviewed || snap.launches.some((l) => l.role === "reviewer" && l.story === story.id && l.head === story.headSha && (session === void 0 || l.session === session));
}
function awaitingReviewLaunch(snap, session) {
  return snap.runStories.map((id) => storyOf(snap, id)).filter((s) => s !== void 0 && s.status === "Ready for Review" && !reviewLaunched(snap, s, session));
}

export {
  ALLOW,
  deny,
  WRITE_TOOLS,
  storyOf,
  liveLaunches,
  awaitingReviewLaunch,
  DEFAULT_SAFETY_RULES,
  patternRuleId,
  safetyRulesOf,
  readSnapshot,
  writeSafetyMemo,
  readSafetyRules,
  agentTranscriptPath,
  readLaunchPromptText,
  awaitLaunchPromptText,
  transcriptUsage,
  render
};
