// YAML text of `.agent-orchestration/config.yaml` → a validated Config plus diagnostics.
// Pure: the fs adapter (lib/adapters/fs/load-config.ts) reads the file and calls this.
// Every problem is an `invalid-config` Diag that names the key, says what is allowed, and
// points at the line of that key (found through the YAML document's node ranges).
import { LineCounter, isMap, isPair, isScalar, isSeq } from "yaml";
import type { Document, Node } from "yaml";
import type { z } from "../zod.js";
import { diag, sortDiags } from "../diagnostics.js";
import type { Diag } from "../diagnostics.js";
import { compileScopePattern } from "../scope.js";
import { parseDocumentBounded } from "../yaml-depth.js";
import { AgentRuleSchema, ConfigSchema, DEFAULT_CONFIG, DeniedCommandSchema, NotifySchema, SafetySchema } from "./schema.js";
import type { Config } from "./schema.js";
import { CONFIG_FILE } from "../state/state-files.js";
import { DEVELOPER_AGENTS, REVIEWER_AGENTS } from "../agents/known-agents.js";

export interface ConfigResult {
  config: Config;
  errors: Diag[];
  /**
   * The line of `storiesDir:`, when the config sets it: a folder it names that is missing or
   * unsafe is found later (by the story reader), and the diagnostic points here, at the fix.
   */
  storiesDirLine?: number;
}

type Path = readonly PropertyKey[];

const CONFIG_KEYS = Object.keys(ConfigSchema.shape);
const AGENT_RULE_KEYS = Object.keys(AgentRuleSchema.shape);
/** The keys allowed inside each top-level key that is a mapping (or a list of mappings). */
const NESTED_KEYS: Record<string, string[]> = { agents: AGENT_RULE_KEYS, notify: Object.keys(NotifySchema.shape), safety: Object.keys(SafetySchema.shape) };
const DENIED_COMMAND_KEYS = Object.keys(DeniedCommandSchema.shape);

/** The keys allowed in the mapping at `path`: the top level, a nested key's, or a denied command's (`safety.deny[i]`). */
function allowedKeysAt(path: Path): string[] {
  if (path.length === 0) return CONFIG_KEYS;
  if (path[0] === "safety" && path.length > 1) return DENIED_COMMAND_KEYS;
  return NESTED_KEYS[String(path[0])] ?? [];
}

/**
 * Parses and validates config text. On errors the returned config is still usable: keys
 * with problems fall back to their defaults, so `plan` can show the rest of the picture
 * while exiting 1 on the errors.
 */
export function parseConfig(text: string, file: string = CONFIG_FILE): ConfigResult {
  const lineCounter = new LineCounter();
  // Bounded: a config nested thousands of levels deep is an error here, not a crashed process.
  const doc = parseDocumentBounded(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const errors = doc.errors.map((e) =>
      diag("invalid-config", `YAML syntax error: ${firstLine(e.message)}`, file, e.linePos?.[0]?.line ?? lineAt(lineCounter, e.pos[0])),
    );
    return { config: DEFAULT_CONFIG, errors: sortDiags(errors) };
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    // The yaml package throws for aliases that expand too much (a "billion laughs") or name no
    // anchor; which alias it was is not known, so the diagnostic has no line.
    return { config: DEFAULT_CONFIG, errors: [diag("invalid-config", `YAML error: ${firstLine(e instanceof Error ? e.message : String(e))}`, file)] };
  }
  // An empty file (or one with only comments) is an empty config.
  if (raw === null || raw === undefined) return { config: DEFAULT_CONFIG, errors: [] };
  if (typeof raw !== "object" || Array.isArray(raw)) {
    const msg = `the file must be a mapping of keys (${CONFIG_KEYS.join(", ")}); got ${describe(raw)}`;
    return { config: DEFAULT_CONFIG, errors: [diag("invalid-config", msg, file, lineOfPath(doc, lineCounter, []) ?? 1)] };
  }
  const parsed = ConfigSchema.safeParse(withUpperCaseSeverities(raw as Record<string, unknown>));
  const errors: Diag[] = [];
  let config: Config;
  if (parsed.success) config = parsed.data;
  else {
    const badTopKeys = new Set<string>();
    for (const issue of parsed.error.issues) {
      for (const d of issueToDiags(issue, raw, doc, lineCounter, file)) errors.push(d);
      const top = issue.path[0];
      if (typeof top === "string") badTopKeys.add(top);
      if (issue.code === "unrecognized_keys" && issue.path.length === 0) for (const k of issue.keys) badTopKeys.add(k);
    }
    config = withoutKeys(raw as Record<string, unknown>, badTopKeys);
  }
  const patterns = checkPatterns(raw as Record<string, unknown>, doc, lineCounter, file);
  errors.push(...patterns.errors);
  const unknown = checkAgentNames(config, doc, lineCounter, file);
  if (unknown.length) {
    errors.push(...unknown.map((u) => u.diag));
    // Like a schema error: the key falls back to its default, so plan still shows the rest.
    config = withoutKeys(config as unknown as Record<string, unknown>, new Set(unknown.map((u) => u.key)));
  }
  if (patterns.badFoundation.size > 0) config = { ...config, foundation: config.foundation.filter((p) => !patterns.badFoundation.has(p)) };
  const result: ConfigResult = { config, errors: sortDiags(dedupe(errors)) };
  if (config.storiesDir !== undefined) result.storiesDirLine = lineOfPath(doc, lineCounter, ["storiesDir"]) ?? 1;
  return result;
}

/**
 * Scope patterns (`foundation`, agent rules' `stories:`), checked here and not in the schema so
 * that a bad one costs only itself, as it did before it was reported: a foundation pattern is
 * left out, and a rule with a bad `stories:` stays and never matches (select-agent.ts), so the
 * rules keep their numbers. Checked on the raw value: reported even when the key has other
 * problems.
 */
function checkPatterns(raw: Record<string, unknown>, doc: Document, lc: LineCounter, file: string): { errors: Diag[]; badFoundation: Set<string> } {
  const errors: Diag[] = [];
  const badFoundation = new Set<string>();
  const check = (pattern: unknown, path: Path): boolean => {
    if (typeof pattern !== "string") return true; // the schema reports it
    const compiled = compileScopePattern(pattern);
    if (compiled.ok) return true;
    const line = lineOfPath(doc, lc, path) ?? 1;
    for (const d of compiled.error) errors.push(diag("invalid-config", `${pathText(path)}: ${d.message}`, file, line));
    return false;
  };
  const { foundation, agents } = raw;
  if (Array.isArray(foundation)) {
    for (const [i, p] of foundation.entries()) if (!check(p, ["foundation", i])) badFoundation.add(p as string);
  }
  if (Array.isArray(agents)) {
    for (const [i, rule] of agents.entries()) {
      if (rule !== null && typeof rule === "object" && "stories" in rule) check((rule as { stories: unknown }).stories, ["agents", i, "stories"]);
    }
  }
  return { errors, badFoundation };
}

/**
 * Severities are case-insensitive in config as in findings (`high` is HIGH): upper-cased before
 * the schema checks them against CRITICAL, HIGH, MEDIUM, LOW.
 */
function withUpperCaseSeverities(raw: Record<string, unknown>): Record<string, unknown> {
  const s = raw["blockingSeverities"];
  if (!Array.isArray(s)) return raw;
  return { ...raw, blockingSeverities: s.map((x: unknown) => (typeof x === "string" ? x.toUpperCase() : x)) };
}

/**
 * Names of agents must be agents the plugin ships, of the right kind: `reviewers` reviewer
 * agents, `agents[].agent` developer agents. A typo would otherwise surface only mid-run, as a
 * launch Claude Code cannot make or a reviewer that never comes. Checked after the schema, on
 * names that are well-formed.
 */
function checkAgentNames(config: Config, doc: Document, lc: LineCounter, file: string): { key: string; diag: Diag }[] {
  const out: { key: string; diag: Diag }[] = [];
  const check = (name: string, path: Path, wanted: readonly string[], kind: string, other: readonly string[], otherKind: string) => {
    if (wanted.includes(name)) return;
    const line = lineOfPath(doc, lc, path) ?? 1;
    const guess = closest(name, wanted);
    const why = other.includes(name) ? `"${name}" is a ${otherKind}, not a ${kind}` : `unknown ${kind} "${name}"`;
    const hint = guess ? ` (did you mean ${guess}?)` : ` (${kind}s: ${wanted.join(", ")})`;
    out.push({ key: String(path[0]), diag: diag("invalid-config", `${pathText(path)}: ${why}${hint}`, file, line) });
  };
  config.reviewers.forEach((r, i) => check(r, ["reviewers", i], REVIEWER_AGENTS, "reviewer agent", DEVELOPER_AGENTS, "developer agent"));
  config.agents.forEach((rule, i) => check(rule.agent, ["agents", i, "agent"], DEVELOPER_AGENTS, "developer agent", REVIEWER_AGENTS, "reviewer agent"));
  return out;
}

/** Re-validates with the offending top-level keys removed, so they take their defaults. */
function withoutKeys(raw: Record<string, unknown>, bad: ReadonlySet<string>): Config {
  const kept = Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k)));
  const again = ConfigSchema.safeParse(kept);
  return again.success ? again.data : DEFAULT_CONFIG;
}

function issueToDiags(issue: z.core.$ZodIssue, raw: unknown, doc: Document, lc: LineCounter, file: string): Diag[] {
  const path = issue.path;
  if (issue.code === "unrecognized_keys") {
    const allowed = allowedKeysAt(path);
    const where = path.length === 0 ? "" : ` in ${pathText(path)}`;
    return issue.keys.map((k) => {
      const guess = closest(k, allowed);
      const hint = guess ? ` (did you mean ${guess}?)` : ` (allowed: ${allowed.join(", ")})`;
      return diag("invalid-config", `unknown key "${k}"${where}${hint}`, file, lineOfPath(doc, lc, [...path, k]) ?? 1);
    });
  }
  const got = valueAt(raw, path);
  const line = lineOfPath(doc, lc, path) ?? 1;
  return [diag("invalid-config", `${pathText(path)}: ${expectation(issue)}; got ${describe(got)}`, file, line)];
}

/** What the schema allows at the issue's key, in words. */
function expectation(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_value":
      return `expected one of ${issue.values.map((v) => String(v)).join(", ")}`;
    case "invalid_type":
      return issue.expected === "int" ? "expected a whole number" : `expected ${article(issue.expected)}`;
    case "too_small":
      if (issue.origin === "array") return `expected at least ${String(issue.minimum)} item${issue.minimum === 1 ? "" : "s"}`;
      if (issue.origin === "string") return "expected a non-empty string";
      return `expected a number >= ${String(issue.minimum)}`;
    case "too_big":
      if (issue.origin === "array") return `expected at most ${String(issue.maximum)} items`;
      return `expected a number <= ${String(issue.maximum)}`;
    default:
      // Refinements and formats carry a message written for users in schema.ts.
      return issue.message;
  }
}

function article(expected: string): string {
  const names: Record<string, string> = { number: "a number", string: "a string", boolean: "true or false", array: "a list", object: "a mapping" };
  return names[expected] ?? expected;
}

function describe(v: unknown): string {
  if (v === undefined || v === null) return "nothing (remove the key to use the default)";
  if (Array.isArray(v)) return v.length === 0 ? "an empty list" : "a list";
  if (typeof v === "object") return "a mapping";
  return JSON.stringify(v);
}

/** `agents[0].agent` */
function pathText(path: Path): string {
  let s = "";
  for (const p of path) s += typeof p === "number" ? `[${p}]` : s === "" ? String(p) : `.${String(p)}`;
  return s === "" ? "(top level)" : s;
}

function valueAt(raw: unknown, path: Path): unknown {
  let v = raw;
  for (const p of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[p as string];
  }
  return v;
}

/**
 * The 1-based line of the key at `path` (for a list item, of the item). Walks the YAML
 * document's nodes, since the JS value has no positions.
 */
function lineOfPath(doc: Document, lc: LineCounter, path: Path): number | undefined {
  let node: unknown = doc.contents;
  let offset = (node as Node | null)?.range?.[0];
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === String(seg));
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === "number") {
      const item = node.items[seg];
      if (!item) break;
      offset = (item as Node).range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return offset === undefined ? undefined : lineAt(lc, offset);
}

function lineAt(lc: LineCounter, offset: number): number {
  return lc.linePos(offset).line;
}

/** The yaml library's first message line, without its "at line N, column M:" (the Diag has the line). */
function firstLine(s: string): string {
  return (s.split("\n")[0] ?? s).replace(/ at line \d+, column \d+:?\s*$/, "").trim();
}

function dedupe(ds: Diag[]): Diag[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.line}\u0000${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The allowed key nearest to a misspelt one, if it is close enough to be a typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDist = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDist) [best, bestDist] = [c, d];
  }
  return bestDist <= Math.max(1, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] as number;
}
