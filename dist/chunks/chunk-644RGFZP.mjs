import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  pidAlive,
  readLockInfo,
  stateDir
} from "./chunk-A73OOLFP.mjs";
import {
  AGENT_NAME_RE
} from "./chunk-WXMZ5N7V.mjs";
import {
  relativeStaysInside
} from "./chunk-IWUPKGEU.mjs";
import {
  idKey,
  isStoryId
} from "./chunk-KNNDJYLI.mjs";

// lib/adapters/state-store/run-paths.ts
import { hostname } from "node:os";
import { join, relative } from "node:path";
var QUESTIONS_DIR = "questions";
var ANSWERED_DIR = "answered";
var LOGS_DIR = "logs";
var RUN_LOCK_FILE = ".run.lock";
function storyKeyOf(id) {
  if (!isStoryId(id)) throw new Error(`Internal error: not a story id: ${JSON.stringify(id)}`);
  return idKey(id);
}
function inState(root, ...parts) {
  const path = join(stateDir(root), ...parts);
  const rel = relative(stateDir(root), path);
  if (rel === "" || !relativeStaysInside(rel)) throw new Error(`Internal error: ${JSON.stringify(parts.join("/"))} is not inside the state folder`);
  return path;
}
var questionsDir = (root) => inState(root, QUESTIONS_DIR);
var answeredDir = (root) => inState(root, QUESTIONS_DIR, ANSWERED_DIR);
var questionPath = (root, id) => inState(root, QUESTIONS_DIR, `${storyKeyOf(id)}.md`);
var answerPath = (root, id) => inState(root, QUESTIONS_DIR, `${storyKeyOf(id)}.answer.md`);
var logsDir = (root, id) => inState(root, LOGS_DIR, storyKeyOf(id));
function workerLogName(role, n) {
  if (!AGENT_NAME_RE.test(role)) throw new Error(`Internal error: not a role name: ${JSON.stringify(role)}`);
  if (!Number.isInteger(n) || n < 1) throw new Error(`Internal error: not a worker number: ${String(n)}`);
  return `${role}-${n}.jsonl`;
}
var workerLogPath = (root, id, role, n) => join(logsDir(root, id), workerLogName(role, n));
var WORKER_LOG_RE = /^([a-z0-9][a-z0-9-]*)-(\d+)\.jsonl$/;
function parseWorkerLogName(name) {
  const m = WORKER_LOG_RE.exec(name);
  if (!m || !AGENT_NAME_RE.test(m[1])) return null;
  const n = Number(m[2]);
  return Number.isSafeInteger(n) && n >= 1 ? { role: m[1], n } : null;
}
var runLockPath = (root) => inState(root, RUN_LOCK_FILE);
async function runningRunner(root) {
  const info = await readLockInfo(runLockPath(root));
  if (info === null) return null;
  return info.hostname !== hostname() || pidAlive(info.pid) ? info.pid : null;
}

export {
  RUN_LOCK_FILE,
  storyKeyOf,
  questionsDir,
  answeredDir,
  questionPath,
  answerPath,
  logsDir,
  workerLogPath,
  parseWorkerLogName,
  runLockPath,
  runningRunner
};
