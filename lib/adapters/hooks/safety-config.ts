// The safety rules on the hooks' hot path. Most projects set no `safety:` key: then the rules
// are the defaults and nothing is parsed. A project that sets one has its rules computed once
// by the hook engine (YAML parser and schema, ~90 ms to load) and kept in
// `.agent-orchestration/cache/safety.json` with the exact config text they came from; every
// later call with an unchanged config reads that small file instead.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_SAFETY_RULES, SAFETY_RULES_VERSION, type SafetyRules } from "../../core/hooks/safety-rules.js";
import { CONFIG_FILE_NAME, STATE_DIR } from "../../core/state/state-files.js";
import { cacheJson, readCacheFile, writeCacheFile } from "../fs/cache-dir.js";

export const SAFETY_MEMO = "safety.json";

interface Memo {
  version: number;
  text: string;
  rules: SafetyRules;
}

/** The config file's text, or null when there is none (or it cannot be read: the engine reports that). */
export function readConfigText(root: string): string | null {
  try {
    return readFileSync(join(root, STATE_DIR, CONFIG_FILE_NAME), "utf8");
  } catch {
    return null;
  }
}

/** Whether the config has a top-level `safety` key at all (a comment or a nested key is not one). */
export function mentionsSafety(text: string | null): text is string {
  return text !== null && /^["']?safety["']?\s*:/m.test(text);
}

/** The rules kept for exactly this config text, if any. */
export function readSafetyMemo(root: string, text: string): SafetyRules | null {
  const file = readCacheFile(root, SAFETY_MEMO);
  if (!file) return null;
  try {
    const m = JSON.parse(file.text) as Partial<Memo> | null;
    return m && m.version === SAFETY_RULES_VERSION && m.text === text && m.rules && Array.isArray(m.rules.deny) ? m.rules : null;
  } catch {
    return null;
  }
}

export async function writeSafetyMemo(root: string, text: string, rules: SafetyRules): Promise<void> {
  await writeCacheFile(root, SAFETY_MEMO, cacheJson({ version: SAFETY_RULES_VERSION, text, rules } satisfies Memo));
}

/** The project's rules: the defaults, the memo, or else `compute` (the hook engine's parse). */
export async function readSafetyRules(root: string, compute: (text: string) => Promise<SafetyRules>): Promise<SafetyRules> {
  const text = readConfigText(root);
  if (!mentionsSafety(text)) return DEFAULT_SAFETY_RULES;
  return readSafetyMemo(root, text) ?? (await compute(text));
}
