// The hooks' own journal, `.agent-orchestration/hooks.jsonl`: which agents the gates let
// launch (and for which story and commit), their agent ids, and which completions were
// recorded. Append-only single lines (atomic under O_APPEND), so parallel hooks need no lock.
import { appendFileSync, mkdirSync, readFileSync, writeFileSync, renameSync } from "node:fs";
import { join } from "node:path";
import type { LaunchRecord } from "../../core/hooks/types.js";
import { HOOK_JOURNAL, STATE_DIR, STOP_MEMORY } from "../../core/state/state-files.js";
import { ensureStateIgnoreFile } from "../state-store/ignore-file.js";

type Line =
  | ({ t: "launch"; at: string } & LaunchRecord)
  | { t: "agent"; toolUseId: string; agentId: string }
  | { t: "done"; toolUseId?: string; agentId?: string };

/** The state folder with its ignore file: the hooks may be the folder's first writer. */
function prepareStateDir(root: string): void {
  mkdirSync(join(root, STATE_DIR), { recursive: true });
  ensureStateIgnoreFile(join(root, STATE_DIR));
}

function append(root: string, line: Line): void {
  prepareStateDir(root);
  appendFileSync(join(root, STATE_DIR, HOOK_JOURNAL), JSON.stringify(line) + "\n");
}

export function recordLaunch(root: string, rec: LaunchRecord, at: string): void {
  append(root, { t: "launch", at, ...rec });
}

export function recordAgentId(root: string, toolUseId: string, agentId: string): void {
  append(root, { t: "agent", toolUseId, agentId });
}

export function recordDone(root: string, ids: { toolUseId?: string; agentId?: string }): void {
  append(root, { t: "done", ...ids });
}

export function readLaunches(root: string): LaunchRecord[] {
  let text: string;
  try {
    text = readFileSync(join(root, STATE_DIR, HOOK_JOURNAL), "utf8");
  } catch {
    return [];
  }
  const launches: LaunchRecord[] = [];
  const byTool = new Map<string, LaunchRecord>();
  for (const raw of text.split("\n")) {
    if (!raw) continue;
    let l: Line;
    try {
      l = JSON.parse(raw) as Line;
    } catch {
      continue; // a torn last line from a killed hook: ignore it
    }
    if (l.t === "launch") {
      const { t: _t, at: _at, ...rec } = l;
      launches.push(rec);
      if (rec.toolUseId) byTool.set(rec.toolUseId, rec);
    } else if (l.t === "agent") {
      const rec = byTool.get(l.toolUseId);
      if (rec) rec.agentId = l.agentId;
    } else if (l.t === "done") {
      for (const rec of launches) if ((l.toolUseId && rec.toolUseId === l.toolUseId) || (l.agentId && rec.agentId === l.agentId)) rec.done = true;
    }
  }
  return launches;
}

/** Every launch the gates let through, with its time (the run report: when a reviewer began). */
export function readLaunchTimes(root: string): { at: string; storyId: string; role: "developer" | "reviewer" }[] {
  let text: string;
  try {
    text = readFileSync(join(root, STATE_DIR, HOOK_JOURNAL), "utf8");
  } catch {
    return [];
  }
  const out: { at: string; storyId: string; role: "developer" | "reviewer" }[] = [];
  for (const raw of text.split("\n")) {
    try {
      const l = JSON.parse(raw) as Partial<Line> | null;
      if (l && l.t === "launch" && typeof l.at === "string" && typeof l.story === "string") out.push({ at: l.at, storyId: l.story, role: l.role === "reviewer" ? "reviewer" : "developer" });
    } catch {
      // an empty or torn line
    }
  }
  return out;
}

export function readStopMemory(root: string, session: string | undefined): { fingerprint: string; count: number } | null {
  try {
    const j = JSON.parse(readFileSync(join(root, STATE_DIR, STOP_MEMORY), "utf8")) as { session?: string; fingerprint?: string; count?: number };
    return j.session === session && typeof j.fingerprint === "string" && typeof j.count === "number" ? { fingerprint: j.fingerprint, count: j.count } : null;
  } catch {
    return null;
  }
}

export function writeStopMemory(root: string, session: string | undefined, mem: { fingerprint: string; count: number } | null): void {
  prepareStateDir(root);
  const path = join(root, STATE_DIR, STOP_MEMORY);
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(mem ? { session, ...mem } : {}));
  renameSync(tmp, path);
}
