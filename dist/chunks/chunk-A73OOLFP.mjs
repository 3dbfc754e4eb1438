import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  ensureStateIgnoreFile
} from "./chunk-UXYV742O.mjs";
import {
  findWorkTree
} from "./chunk-2BJZUZ65.mjs";
import {
  engineWorktreeProject
} from "./chunk-2JM6FW5P.mjs";
import {
  readSmallFile,
  realRootOf
} from "./chunk-6MSOW3YD.mjs";
import {
  writeFileAtomic
} from "./chunk-T7SK64FE.mjs";
import {
  JOURNAL_FILE,
  LOCK_FILE,
  MERGE_LOCK_FILE,
  ORCHESTRATION_FILE,
  STATE_DIR,
  storyFileName,
  storyIdOfFileName
} from "./chunk-DJAYH52C.mjs";
import {
  idKey
} from "./chunk-KNNDJYLI.mjs";
import {
  diag,
  err,
  ok
} from "./chunk-EFR3LY5V.mjs";

// lib/adapters/state-store/lock.ts
import { open, rename, stat, unlink, link } from "node:fs/promises";
import { hostname } from "node:os";
import { dirname } from "node:path";
import { randomBytes } from "node:crypto";
function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}
var MAX_LOCK_BYTES = 64 * 1024;
async function readLockInfo(path) {
  const read = readSmallFile(path, { maxBytes: MAX_LOCK_BYTES, root: dirname(path) });
  if (!("text" in read) || read.text === null) return null;
  try {
    const parsed = JSON.parse(read.text);
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
import { appendFile, mkdir, readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
var stateDir = (root) => join(root, STATE_DIR);
var relState = (name) => `${STATE_DIR}/${name}`;
var schemas;
var loadSchemas = () => schemas ??= import("./schemas-W4EUVOMR.mjs");
var MAX_STATE_BYTES = 16 * 1024 * 1024;
var MAX_ISSUES = 10;
function excerpt(s, max) {
  return s.length <= max ? s : `${s.slice(0, max).replace(/[\uD800-\uDBFF]$/, "")}\u2026`;
}
async function readValidated(root, name, pick, realRoot) {
  const read = readSmallFile(join(stateDir(root), name), { maxBytes: MAX_STATE_BYTES, root, realRoot });
  if ("problem" in read) return err([diag("invalid-state", `cannot read ${relState(name)} (${read.problem})`, relState(name))]);
  if (read.text === null) return ok(null);
  let json;
  try {
    json = JSON.parse(read.text);
  } catch (e) {
    return err([diag("invalid-state", `${relState(name)} is not valid JSON (${excerpt(e.message, 200)}); fix or remove it, it is not rewritten automatically`, relState(name))]);
  }
  const parsed = pick(await loadSchemas()).safeParse(json);
  if (!parsed.success) {
    const all = parsed.error.issues;
    const shown = all.slice(0, MAX_ISSUES).map((i) => `${i.path.map((k) => excerpt(String(k), 40)).join(".") || "(root)"}: ${excerpt(i.message, 200)}`);
    if (all.length > MAX_ISSUES) shown.push(`and ${all.length - MAX_ISSUES} more`);
    return err([diag("invalid-state", `${relState(name)} does not match its schema (${shown.join("; ")}); fix or remove it, it is not rewritten automatically`, relState(name))]);
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
  let realRoot;
  try {
    names = await readdir(stateDir(root));
    realRoot = realRootOf(root);
  } catch (e) {
    const code = e.code;
    if (code === "ENOENT") return ok(/* @__PURE__ */ new Map());
    const why = code === "ENOTDIR" ? "it is not a folder (ENOTDIR); move or remove it" : `cannot read it (${code ?? "read error"})`;
    return err([diag("invalid-state", `${STATE_DIR}: ${why}`, STATE_DIR)]);
  }
  const out = /* @__PURE__ */ new Map();
  const problems = [];
  for (const name of names.sort()) {
    const fileId = storyIdOfFileName(name);
    if (fileId === null) continue;
    const r = await readValidated(root, name, (s) => s.StoryStateSchema, realRoot);
    if (!r.ok) problems.push(...r.error);
    else if (r.value) {
      if (idKey(r.value.storyId) !== idKey(fileId)) {
        problems.push(diag("invalid-state", `${relState(name)} holds story ${excerpt(r.value.storyId, 40)}, not ${fileId}`, relState(name)));
      } else out.set(idKey(r.value.storyId), r.value);
    }
  }
  return problems.length ? err(problems) : ok(out);
}
var preparedRoots = /* @__PURE__ */ new Set();
async function ensureStateDir(root) {
  const first = !preparedRoots.has(root);
  if (first) {
    const tree = findWorkTree(root);
    const owner = tree ? engineWorktreeProject(tree) : null;
    if (owner !== null) {
      throw new Error(`Internal error: refusing to create ${STATE_DIR}/ inside the engine's worktree ${root}; its project is ${owner}`);
    }
    preparedRoots.add(root);
  }
  await mkdir(stateDir(root), { recursive: true });
  ensureStateIgnoreFile(stateDir(root));
  if (first) {
    try {
      const { ensureExcluded } = await import("./git-56YTPOIO.mjs");
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
async function readJournal(root) {
  let text;
  try {
    text = await readFile(join(stateDir(root), JOURNAL_FILE), "utf8");
  } catch {
    return [];
  }
  const { JournalEventSchema } = await loadSchemas();
  const out = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      const parsed = JournalEventSchema.safeParse(JSON.parse(line));
      if (parsed.success) out.push(parsed.data);
    } catch {
    }
  }
  return out;
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
  pidAlive,
  readLockInfo,
  lockStaleness,
  breakStaleLock,
  acquireLock,
  stateDir,
  relState,
  readStoryState,
  readOrchestrationState,
  readAllStoryStates,
  ensureStateDir,
  writeStoryState,
  writeOrchestrationState,
  appendJournal,
  readJournal,
  stateLockPath,
  mergeLockPath,
  withStateLock,
  withMergeLock
};
