import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  ensureStateIgnoreFile
} from "./chunk-UXYV742O.mjs";
import {
  HOOK_JOURNAL,
  STATE_DIR,
  STOP_MEMORY
} from "./chunk-DJAYH52C.mjs";

// lib/adapters/hooks/journal.ts
import { appendFileSync, mkdirSync, readFileSync, writeFileSync, renameSync } from "node:fs";
import { join } from "node:path";
function prepareStateDir(root) {
  mkdirSync(join(root, STATE_DIR), { recursive: true });
  ensureStateIgnoreFile(join(root, STATE_DIR));
}
function append(root, line) {
  prepareStateDir(root);
  appendFileSync(join(root, STATE_DIR, HOOK_JOURNAL), JSON.stringify(line) + "\n");
}
function recordLaunch(root, rec, at) {
  append(root, { t: "launch", at, ...rec });
}
function recordAgentId(root, toolUseId, agentId) {
  append(root, { t: "agent", toolUseId, agentId });
}
function recordDone(root, ids) {
  append(root, { t: "done", ...ids });
}
function readLaunches(root) {
  let text;
  try {
    text = readFileSync(join(root, STATE_DIR, HOOK_JOURNAL), "utf8");
  } catch {
    return [];
  }
  const launches = [];
  const byTool = /* @__PURE__ */ new Map();
  for (const raw of text.split("\n")) {
    if (!raw) continue;
    let l;
    try {
      l = JSON.parse(raw);
    } catch {
      continue;
    }
    if (l.t === "launch") {
      const { t: _t, at: _at, ...rec } = l;
      launches.push(rec);
      if (rec.toolUseId) byTool.set(rec.toolUseId, rec);
    } else if (l.t === "agent") {
      const rec = byTool.get(l.toolUseId);
      if (rec) rec.agentId = l.agentId;
    } else if (l.t === "done") {
      for (const rec of launches) if (l.toolUseId && rec.toolUseId === l.toolUseId || l.agentId && rec.agentId === l.agentId) rec.done = true;
    }
  }
  return launches;
}
function readLaunchTimes(root) {
  let text;
  try {
    text = readFileSync(join(root, STATE_DIR, HOOK_JOURNAL), "utf8");
  } catch {
    return [];
  }
  const out = [];
  for (const raw of text.split("\n")) {
    try {
      const l = JSON.parse(raw);
      if (l && l.t === "launch" && typeof l.at === "string" && typeof l.story === "string") out.push({ at: l.at, storyId: l.story, role: l.role === "reviewer" ? "reviewer" : "developer" });
    } catch {
    }
  }
  return out;
}
function readStopMemory(root, session) {
  try {
    const j = JSON.parse(readFileSync(join(root, STATE_DIR, STOP_MEMORY), "utf8"));
    return j.session === session && typeof j.fingerprint === "string" && typeof j.count === "number" ? { fingerprint: j.fingerprint, count: j.count } : null;
  } catch {
    return null;
  }
}
function writeStopMemory(root, session, mem) {
  prepareStateDir(root);
  const path = join(root, STATE_DIR, STOP_MEMORY);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(mem ? { session, ...mem } : {}));
  renameSync(tmp, path);
}

export {
  recordLaunch,
  recordAgentId,
  recordDone,
  readLaunches,
  readLaunchTimes,
  readStopMemory,
  writeStopMemory
};
