// Reads `.agent-orchestration/config.yaml` from the project root. An absent file is the
// default config; everything else (read failures included) is decided by parseConfig.
// parseConfig needs the yaml package and zod, about 30 ms of module loading on every call, so
// its result is kept in the cache folder with the exact text it came from: an unchanged config
// (the usual case: every engine verb and hook reads it) is neither parsed nor validated again.
import { join } from "node:path";
import { diag } from "../../core/diagnostics.js";
import type { Diag } from "../../core/diagnostics.js";
import type { Config } from "../../core/config/schema.js";
import { CONFIG_FILE } from "../../core/state/state-files.js";
import { buildIdentity, cacheJson, jsonSafe, readCacheFile, writeCacheFile } from "./cache-dir.js";
import { readSmallFile } from "./bounded-read.js";

const MEMO_NAME = "config.json";
/** A config is a few hundred bytes; this only keeps a wrong file from being loaded whole. */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export interface LoadedConfig {
  config: Config;
  errors: Diag[];
  /** The line of `storiesDir:` when the config sets it (parseConfig's ConfigResult). */
  storiesDirLine?: number;
}

/** The memo file: the config text (null: no file) and what parseConfig made of it. */
interface Memo {
  engine: string;
  text: string | null;
  result: LoadedConfig;
}

/** `cache: false` parses every time and writes no memo; "read-only" uses a memo but never writes one (the result is the same). */
export async function loadConfig(root: string, options: { cache?: boolean | "read-only" } = {}): Promise<LoadedConfig> {
  // Read like a story file: a FIFO, a device, a link out of the project or a huge file is
  // refused, not waited on, followed or loaded.
  const read = readSmallFile(join(root, CONFIG_FILE), { maxBytes: MAX_CONFIG_BYTES, root });
  if ("problem" in read) {
    // A directory in its place, no permission, ...: the user can fix it, so it is a Diag.
    return { config: await defaults(), errors: [diag("invalid-config", `cannot read the config file (${read.problem})`, CONFIG_FILE)] };
  }
  const text = read.text;
  const engine = options.cache === false ? null : buildIdentity();
  const memo = engine === null ? null : readMemo(root);
  if (memo && memo.engine === engine && memo.text === text) return memo.result;

  const result = text === null ? { config: await defaults(), errors: [] } : (await import("../../core/config/parse-config.js")).parseConfig(text, CONFIG_FILE);
  if (engine !== null && options.cache !== "read-only" && jsonSafe(result)) await writeCacheFile(root, MEMO_NAME, cacheJson({ engine, text, result } satisfies Memo));
  return result;
}

/** The default config (the schema, and zod with it, loaded only when it is needed). */
async function defaults(): Promise<Config> {
  return (await import("../../core/config/schema.js")).DEFAULT_CONFIG;
}

function readMemo(root: string): Memo | null {
  const file = readCacheFile(root, MEMO_NAME);
  if (!file) return null;
  try {
    const m = JSON.parse(file.text) as Partial<Memo> | null;
    const ok = m !== null && typeof m === "object" && typeof m.engine === "string" && (m.text === null || typeof m.text === "string") && typeof m.result?.config === "object" && Array.isArray(m.result.errors);
    return ok ? (m as Memo) : null;
  } catch {
    return null;
  }
}
