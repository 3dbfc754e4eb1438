// The safety rules every story agent works under (config `safety`), as plain data: the hook's
// hot path reads them without the schema library. Three built-in rules, each on by default
// and each one a user can turn off, plus the user's own denied command patterns.
import type { Config } from "../config/schema.js";

/** The built-in rules, by the id used in denials, the journal and the counts: their config key. */
export type BuiltInRule = "gitPush" | "migrations" | "deleteOutsideWorktree";

export interface DeniedPattern {
  /** The pattern's words: the program, then words that must follow it in that order. */
  words: string[];
  /** Why it is denied, in the user's words (shown to the agent). */
  reason: string | null;
}

export interface SafetyRules {
  gitPush: boolean;
  migrations: boolean;
  deleteOutsideWorktree: boolean;
  deny: DeniedPattern[];
}

/** Bump when the meaning of a config changes, so kept rules (cache/safety.json) are computed again. */
export const SAFETY_RULES_VERSION = 1;

export const DEFAULT_SAFETY_RULES: SafetyRules = { gitPush: true, migrations: true, deleteOutsideWorktree: true, deny: [] };

/** The rule id of a user pattern (`deny: terraform apply`). */
export function patternRuleId(p: DeniedPattern): string {
  return `deny: ${p.words.join(" ")}`;
}

/** A denied pattern's words: split on white space (the schema refuses shell operators). */
export function patternWords(command: string): string[] {
  return command.trim().split(/\s+/).filter((w) => w !== "");
}

/** The validated config section → the rules the gate applies. */
export function safetyRulesOf(safety: Config["safety"]): SafetyRules {
  return {
    gitPush: safety.gitPush === "deny",
    migrations: safety.migrations === "deny",
    deleteOutsideWorktree: safety.deleteOutsideWorktree === "deny",
    deny: safety.deny.map((d) => (typeof d === "string" ? { words: patternWords(d), reason: null } : { words: patternWords(d.command), reason: d.reason ?? null })),
  };
}
