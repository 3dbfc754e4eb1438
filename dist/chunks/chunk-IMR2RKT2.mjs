import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  SEVERITIES,
  external_exports,
  writeFileAtomic
} from "./chunk-HVDTPED4.mjs";
import {
  JOURNAL_FILE,
  LOCK_FILE,
  MERGE_LOCK_FILE,
  ORCHESTRATION_FILE,
  STATE_DIR,
  idKey,
  storyFileName,
  storyIdOfFileName
} from "./chunk-NMYI3KSW.mjs";
import {
  diag,
  err,
  ok
} from "./chunk-43TV4QD6.mjs";

// lib/core/model.ts
var STORY_STATUSES = [
  "Not Started",
  "In Progress",
  "Ready for Review",
  "Changes Requested",
  "Approved",
  "Done",
  "Failed",
  "Blocked",
  "Skipped"
];

// lib/core/state/schemas.ts
var STATE_VERSION = 1;
var isoTime = external_exports.string().min(1);
var sha = external_exports.string().regex(/^[0-9a-f]{7,64}$/, "must be a commit SHA");
var FindingSchema = external_exports.object({
  severity: external_exports.enum(SEVERITIES),
  file: external_exports.string().min(1).optional(),
  line: external_exports.number().int().min(1).optional(),
  message: external_exports.string()
}).strict();
var VERDICTS = ["approved", "changes-requested"];
var ReviewSchema = external_exports.object({
  reviewer: external_exports.string().min(1),
  verdict: external_exports.enum(VERDICTS),
  sha,
  findings: external_exports.array(FindingSchema),
  at: isoTime
}).strict();
var HistoryEntrySchema = external_exports.object({
  at: isoTime,
  event: external_exports.string().min(1),
  from: external_exports.enum(STORY_STATUSES),
  to: external_exports.enum(STORY_STATUSES),
  note: external_exports.string().optional()
}).strict();
var StoryStateSchema = external_exports.object({
  version: external_exports.literal(STATE_VERSION),
  storyId: external_exports.string().min(1),
  status: external_exports.enum(STORY_STATUSES),
  agent: external_exports.string().min(1),
  /** Project-relative POSIX path of the story's worktree, while it has one. */
  worktree: external_exports.string().nullable(),
  dependencies: external_exports.array(external_exports.string()),
  startTime: isoTime.nullable(),
  lastUpdate: isoTime,
  branch: external_exports.string().nullable(),
  /** Integration tip the branch was created from. */
  baseSha: sha.nullable(),
  /** Head commit recorded by the last submit (what reviewers review). */
  headSha: sha.nullable(),
  /** Submissions so far (1 = first submission). */
  attempts: external_exports.number().int().min(0),
  /** Change requests so far; one more than `maxFixRounds` fails the story. */
  fixRounds: external_exports.number().int().min(0),
  reviews: external_exports.array(ReviewSchema),
  tokens: external_exports.number().min(0).nullable(),
  costUsd: external_exports.number().min(0).nullable(),
  durationMs: external_exports.number().min(0).nullable(),
  mergedSha: sha.nullable(),
  /** Why the story failed, was blocked or was sent back (conflict, verify). */
  reason: external_exports.string().nullable(),
  history: external_exports.array(HistoryEntrySchema)
}).strict();
var MergeRecordSchema = external_exports.object({
  storyId: external_exports.string().min(1),
  /** Integration tip when the merge began; the branch moves only by compare-and-swap from it. */
  tipSha: sha,
  /** Project-relative path of the temporary merge worktree. */
  mergeWorktree: external_exports.string().min(1),
  phase: external_exports.enum(["started", "story-committed", "merged", "verified", "advanced"]),
  mergedSha: sha.nullable(),
  at: isoTime
}).strict();
var OrchestrationStateSchema = external_exports.object({
  version: external_exports.literal(STATE_VERSION),
  totalStories: external_exports.number().int().min(0),
  completed: external_exports.array(external_exports.string()),
  inProgress: external_exports.array(external_exports.string()),
  pending: external_exports.array(external_exports.string()),
  failed: external_exports.array(external_exports.string()),
  blocked: external_exports.array(external_exports.string()),
  currentWave: external_exports.number().int().min(0).nullable(),
  startTime: isoTime.nullable(),
  lastUpdate: isoTime,
  /** The branch merges go to: config.baseBranch, else the branch checked out at run start. */
  integrationBranch: external_exports.string().nullable(),
  /** The run's scope as `next SCOPE` recorded it (scope expressions); null = all stories. */
  scope: external_exports.array(external_exports.string()).nullable(),
  /** Story ids of the run (the scope resolved), in id order; waves of the last plan. */
  stories: external_exports.array(external_exports.string()),
  waves: external_exports.array(external_exports.array(external_exports.string())),
  merge: MergeRecordSchema.nullable()
}).strict();
var JournalEventSchema = external_exports.object({
  at: isoTime,
  event: external_exports.string().min(1),
  storyId: external_exports.string().optional(),
  pid: external_exports.number().int().optional(),
  data: external_exports.record(external_exports.string(), external_exports.unknown()).optional()
}).strict();
function emptyOrchestrationState(at) {
  return {
    version: STATE_VERSION,
    totalStories: 0,
    completed: [],
    inProgress: [],
    pending: [],
    failed: [],
    blocked: [],
    currentWave: null,
    startTime: null,
    lastUpdate: at,
    integrationBranch: null,
    scope: null,
    stories: [],
    waves: [],
    merge: null
  };
}
function newStoryState(input) {
  return {
    version: STATE_VERSION,
    storyId: input.storyId,
    status: "Not Started",
    agent: input.agent,
    worktree: null,
    dependencies: [...input.dependencies],
    startTime: null,
    lastUpdate: input.at,
    branch: null,
    baseSha: null,
    headSha: null,
    attempts: 0,
    fixRounds: 0,
    reviews: [],
    tokens: null,
    costUsd: null,
    durationMs: null,
    mergedSha: null,
    reason: null,
    history: []
  };
}

// lib/adapters/state-store/store.ts
import { appendFile, mkdir, readFile as readFile2, readdir } from "node:fs/promises";
import { join } from "node:path";

// lib/adapters/state-store/lock.ts
import { open, readFile, rename, stat, unlink, link } from "node:fs/promises";
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}
async function readLockInfo(path) {
  try {
    const parsed = JSON.parse(await readFile(path, "utf8"));
    if (typeof parsed.pid === "number" && typeof parsed.token === "string") return parsed;
    return null;
  } catch {
    return null;
  }
}
async function lockStaleness(path, staleMs) {
  let mtimeMs;
  try {
    mtimeMs = (await stat(path)).mtimeMs;
  } catch {
    return null;
  }
  const info = await readLockInfo(path);
  if (info && info.hostname === hostname() && !pidAlive(info.pid)) return `holder pid ${info.pid} is not running`;
  if (Date.now() - mtimeMs > staleMs) return `older than ${Math.round(staleMs / 1e3)}s`;
  return null;
}
async function breakStaleLock(path) {
  const before = await readLockInfo(path);
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    await rename(path, aside);
  } catch {
    return false;
  }
  const moved = await readLockInfo(aside);
  if (before && moved && moved.token !== before.token) {
    await link(aside, path).catch(() => void 0);
  }
  await unlink(aside).catch(() => void 0);
  return true;
}
var sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function acquireLock(path, opts = {}) {
  const timeoutMs = opts.timeoutMs ?? 3e4;
  const staleMs = opts.staleMs ?? 12e4;
  const maxBackoff = opts.maxBackoffMs ?? 100;
  const info = { pid: process.pid, hostname: hostname(), time: (/* @__PURE__ */ new Date()).toISOString(), token: randomBytes(8).toString("hex") };
  const started = Date.now();
  let backoff = 2;
  for (; ; ) {
    try {
      const fh = await open(path, "wx", 420);
      try {
        await fh.writeFile(JSON.stringify(info));
      } finally {
        await fh.close();
      }
      return ok(async () => {
        const now = await readLockInfo(path);
        if (now?.token === info.token) await unlink(path).catch(() => void 0);
      });
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
    }
    if (await lockStaleness(path, staleMs) !== null) {
      await breakStaleLock(path);
      continue;
    }
    if (Date.now() - started >= timeoutMs) {
      const holder = await readLockInfo(path);
      const who = holder ? `pid ${holder.pid} on ${holder.hostname} since ${holder.time}` : "another process";
      return err([
        diag(
          "lock-timeout",
          `${opts.what ?? "the state lock"} ${opts.displayPath ?? path} is held by ${who}; gave up after ${Math.round(timeoutMs / 1e3)}s (if no story-orchestrator process is running, run \`story-orchestrator resume\`)`,
          opts.displayPath
        )
      ]);
    }
    await sleep(backoff + Math.random() * backoff);
    backoff = Math.min(maxBackoff, backoff * 2);
  }
}

// lib/adapters/state-store/store.ts
var stateDir = (root) => join(root, STATE_DIR);
var relState = (name) => `${STATE_DIR}/${name}`;
async function readValidated(root, name, schema) {
  let text;
  try {
    text = await readFile2(join(stateDir(root), name), "utf8");
  } catch (e) {
    if (e.code === "ENOENT") return ok(null);
    return err([diag("invalid-state", `cannot read ${relState(name)}: ${e.message}`, relState(name))]);
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return err([diag("invalid-state", `${relState(name)} is not valid JSON (${e.message}); fix or remove it, it is not rewritten automatically`, relState(name))]);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    return err([diag("invalid-state", `${relState(name)} does not match its schema (${issues}); fix or remove it, it is not rewritten automatically`, relState(name))]);
  }
  return ok(parsed.data);
}
function readStoryState(root, id) {
  return readValidated(root, storyFileName(id), StoryStateSchema);
}
function readOrchestrationState(root) {
  return readValidated(root, ORCHESTRATION_FILE, OrchestrationStateSchema);
}
async function readAllStoryStates(root) {
  let names;
  try {
    names = await readdir(stateDir(root));
  } catch (e) {
    if (e.code === "ENOENT") return ok(/* @__PURE__ */ new Map());
    throw e;
  }
  const out = /* @__PURE__ */ new Map();
  const problems = [];
  for (const name of names.sort()) {
    const fileId = storyIdOfFileName(name);
    if (fileId === null) continue;
    const r = await readValidated(root, name, StoryStateSchema);
    if (!r.ok) problems.push(...r.error);
    else if (r.value) {
      if (idKey(r.value.storyId) !== idKey(fileId)) {
        problems.push(diag("invalid-state", `${relState(name)} holds story ${r.value.storyId}, not ${fileId}`, relState(name)));
      } else out.set(idKey(r.value.storyId), r.value);
    }
  }
  return problems.length ? err(problems) : ok(out);
}
var excludedRoots = /* @__PURE__ */ new Set();
async function ensureStateDir(root) {
  await mkdir(stateDir(root), { recursive: true });
  if (!excludedRoots.has(root)) {
    excludedRoots.add(root);
    try {
      const { ensureExcluded } = await import("./git-AA3BHV7Y.mjs");
      await ensureExcluded(root);
    } catch {
    }
  }
}
async function writeStoryState(root, state) {
  await ensureStateDir(root);
  await writeFileAtomic(join(stateDir(root), storyFileName(state.storyId)), JSON.stringify(StoryStateSchema.parse(state), null, 2) + "\n");
}
async function writeOrchestrationState(root, state) {
  await ensureStateDir(root);
  await writeFileAtomic(join(stateDir(root), ORCHESTRATION_FILE), JSON.stringify(OrchestrationStateSchema.parse(state), null, 2) + "\n");
}
async function appendJournal(root, event) {
  await ensureStateDir(root);
  const line = JSON.stringify(JournalEventSchema.parse({ pid: process.pid, ...event })) + "\n";
  await appendFile(join(stateDir(root), JOURNAL_FILE), line, "utf8");
}
var stateLockPath = (root) => join(stateDir(root), LOCK_FILE);
var mergeLockPath = (root) => join(stateDir(root), MERGE_LOCK_FILE);
async function withStateLock(root, fn, opts = {}) {
  await ensureStateDir(root);
  const lock = await acquireLock(stateLockPath(root), { displayPath: relState(LOCK_FILE), what: "the state lock", ...opts });
  if (!lock.ok) return lock;
  try {
    return await fn();
  } finally {
    await lock.value();
  }
}
async function withMergeLock(root, fn, opts = {}) {
  await ensureStateDir(root);
  const lock = await acquireLock(mergeLockPath(root), {
    displayPath: relState(MERGE_LOCK_FILE),
    what: "the merge lock (another merge is running)",
    timeoutMs: 30 * 6e4,
    staleMs: 6 * 36e5,
    maxBackoffMs: 1e3,
    ...opts
  });
  if (!lock.ok) return lock;
  try {
    return await fn();
  } finally {
    await lock.value();
  }
}

export {
  FindingSchema,
  VERDICTS,
  emptyOrchestrationState,
  newStoryState,
  readLockInfo,
  lockStaleness,
  breakStaleLock,
  stateDir,
  relState,
  readStoryState,
  readOrchestrationState,
  readAllStoryStates,
  writeStoryState,
  writeOrchestrationState,
  appendJournal,
  stateLockPath,
  mergeLockPath,
  withStateLock,
  withMergeLock
};
