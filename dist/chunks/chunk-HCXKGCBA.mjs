import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  writeFileAtomic
} from "./chunk-ARBB2BI4.mjs";
import {
  JOURNAL_FILE,
  LOCK_FILE,
  MERGE_LOCK_FILE,
  ORCHESTRATION_FILE,
  STATE_DIR,
  storyFileName,
  storyIdOfFileName
} from "./chunk-D32LKZUJ.mjs";
import {
  idKey
} from "./chunk-ECKW236J.mjs";
import {
  diag,
  err,
  ok
} from "./chunk-43TV4QD6.mjs";

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
var schemas;
var loadSchemas = () => schemas ??= import("./schemas-W4EUVOMR.mjs");
async function readValidated(root, name, pick) {
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
  const parsed = pick(await loadSchemas()).safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
    return err([diag("invalid-state", `${relState(name)} does not match its schema (${issues}); fix or remove it, it is not rewritten automatically`, relState(name))]);
  }
  return ok(parsed.data);
}
function readStoryState(root, id) {
  return readValidated(root, storyFileName(id), (s) => s.StoryStateSchema);
}
function readOrchestrationState(root) {
  return readValidated(root, ORCHESTRATION_FILE, (s) => s.OrchestrationStateSchema);
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
    const r = await readValidated(root, name, (s) => s.StoryStateSchema);
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
  await writeFileAtomic(join(stateDir(root), storyFileName(state.storyId)), JSON.stringify((await loadSchemas()).StoryStateSchema.parse(state), null, 2) + "\n");
}
async function writeOrchestrationState(root, state) {
  await ensureStateDir(root);
  await writeFileAtomic(join(stateDir(root), ORCHESTRATION_FILE), JSON.stringify((await loadSchemas()).OrchestrationStateSchema.parse(state), null, 2) + "\n");
}
async function appendJournal(root, event) {
  await ensureStateDir(root);
  const line = JSON.stringify((await loadSchemas()).JournalEventSchema.parse({ pid: process.pid, ...event })) + "\n";
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
  readLockInfo,
  lockStaleness,
  breakStaleLock,
  relState,
  readStoryState,
  readOrchestrationState,
  readAllStoryStates,
  ensureStateDir,
  writeStoryState,
  writeOrchestrationState,
  appendJournal,
  stateLockPath,
  mergeLockPath,
  withStateLock,
  withMergeLock
};
