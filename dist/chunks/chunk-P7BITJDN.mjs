import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  readSmallFile
} from "./chunk-6MSOW3YD.mjs";
import {
  buildIdentity,
  cacheJson,
  jsonSafe,
  readCacheFile,
  writeCacheFile
} from "./chunk-R7PRS5ZI.mjs";
import {
  CONFIG_FILE
} from "./chunk-DJAYH52C.mjs";
import {
  diag
} from "./chunk-EFR3LY5V.mjs";

// lib/adapters/fs/load-config.ts
import { join } from "node:path";
var MEMO_NAME = "config.json";
var MAX_CONFIG_BYTES = 1024 * 1024;
async function loadConfig(root, options = {}) {
  const read = readSmallFile(join(root, CONFIG_FILE), { maxBytes: MAX_CONFIG_BYTES, root });
  if ("problem" in read) {
    return { config: await defaults(), errors: [diag("invalid-config", `cannot read the config file (${read.problem})`, CONFIG_FILE)] };
  }
  const text = read.text;
  const engine = options.cache === false ? null : buildIdentity();
  const memo = engine === null ? null : readMemo(root);
  if (memo && memo.engine === engine && memo.text === text) return memo.result;
  const result = text === null ? { config: await defaults(), errors: [] } : (await import("./parse-config-R5OARSUM.mjs")).parseConfig(text, CONFIG_FILE);
  if (engine !== null && options.cache !== "read-only" && jsonSafe(result)) await writeCacheFile(root, MEMO_NAME, cacheJson({ engine, text, result }));
  return result;
}
async function defaults() {
  return (await import("./schema-WXULMLTQ.mjs")).DEFAULT_CONFIG;
}
function readMemo(root) {
  const file = readCacheFile(root, MEMO_NAME);
  if (!file) return null;
  try {
    const m = JSON.parse(file.text);
    const ok = m !== null && typeof m === "object" && typeof m.engine === "string" && (m.text === null || typeof m.text === "string") && typeof m.result?.config === "object" && Array.isArray(m.result.errors);
    return ok ? m : null;
  } catch {
    return null;
  }
}

export {
  MAX_CONFIG_BYTES,
  loadConfig
};
