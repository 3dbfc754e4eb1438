// Reads the state files as plain JSON for the hooks' hot path: no schema library, no git, no
// YAML parser (each would cost start-up time on every tool call). The engine's store validates
// these files on every write; here a file that cannot be read is skipped, and the gates that
// need it fail closed on the missing story.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { idKey } from "../../core/ids.js";
import type { StoryStatus } from "../../core/model.js";
import type { Snapshot, StorySnapshot } from "../../core/hooks/types.js";
import { CONFIG_FILE_NAME, ORCHESTRATION_FILE, STATE_DIR, storyIdOfFileName } from "../../core/state/state-files.js";
import { readLaunches } from "./journal.js";

function readJson(path: string): Record<string, unknown> | null {
  try {
    const v: unknown = JSON.parse(readFileSync(path, "utf8"));
    return v !== null && typeof v === "object" ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

function storyOf(j: Record<string, unknown>): StorySnapshot | null {
  const id = str(j["storyId"]);
  const status = str(j["status"]);
  if (id === null || status === null) return null;
  const reviews = Array.isArray(j["reviews"]) ? (j["reviews"] as Record<string, unknown>[]) : [];
  return {
    id,
    status: status as StoryStatus,
    agent: str(j["agent"]) ?? "general-developer",
    worktree: str(j["worktree"]),
    branch: str(j["branch"]),
    baseSha: str(j["baseSha"]),
    headSha: str(j["headSha"]),
    dependencies: Array.isArray(j["dependencies"]) ? (j["dependencies"] as unknown[]).filter((d): d is string => typeof d === "string") : [],
    reviews: reviews.map((r) => ({ reviewer: str(r["reviewer"]) ?? "", verdict: str(r["verdict"]) ?? "", sha: str(r["sha"]) ?? "" })),
  };
}

/** `strict: false` in config.yaml turns strict mode off; anything else keeps the default (on). */
function readStrict(dir: string): boolean {
  try {
    const text = readFileSync(join(dir, CONFIG_FILE_NAME), "utf8");
    return !/^strict:\s*(false|no|off)\s*(#.*)?$/m.test(text);
  } catch {
    return true;
  }
}

export function readSnapshot(root: string): Snapshot {
  const dir = join(root, STATE_DIR);
  const orch = readJson(join(dir, ORCHESTRATION_FILE));
  const snap: Snapshot = { root, active: orch !== null, stories: {}, runStories: [], strict: true, launches: [], reviewers: null };
  if (!existsSync(dir)) return snap;
  for (const name of readdirSync(dir)) {
    if (storyIdOfFileName(name) === null) continue;
    const j = readJson(join(dir, name));
    const s = j ? storyOf(j) : null;
    if (s) snap.stories[idKey(s.id)] = s;
  }
  if (orch) {
    const stories = Array.isArray(orch["stories"]) ? (orch["stories"] as unknown[]).filter((s): s is string => typeof s === "string") : [];
    // Started stories belong to the run even if the recorded scope is older.
    const keys = new Set(stories.map(idKey));
    snap.runStories = [...stories, ...Object.values(snap.stories).filter((s) => !keys.has(idKey(s.id))).map((s) => s.id)];
  }
  snap.strict = readStrict(dir);
  snap.launches = readLaunches(root);
  return snap;
}
