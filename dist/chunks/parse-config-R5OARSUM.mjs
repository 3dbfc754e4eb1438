import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  compileScopePattern
} from "./chunk-VVU4VAXQ.mjs";
import {
  AgentRuleSchema,
  ConfigSchema,
  DEFAULT_CONFIG,
  DeniedCommandSchema,
  NotifySchema,
  SafetySchema
} from "./chunk-HTIKKIIA.mjs";
import "./chunk-PZKJ7VLJ.mjs";
import "./chunk-OLZJQYTV.mjs";
import "./chunk-V3HTBSD2.mjs";
import {
  parseDocumentBounded
} from "./chunk-NNPRUYL3.mjs";
import "./chunk-WXMZ5N7V.mjs";
import {
  require_dist
} from "./chunk-N63WPBBS.mjs";
import {
  CONFIG_FILE
} from "./chunk-DJAYH52C.mjs";
import "./chunk-JHRD7746.mjs";
import "./chunk-WOOHVJRX.mjs";
import "./chunk-KNNDJYLI.mjs";
import {
  diag,
  sortDiags
} from "./chunk-EFR3LY5V.mjs";
import {
  __toESM
} from "./chunk-EGEKWWZA.mjs";

// lib/core/config/parse-config.ts
var import_yaml = __toESM(require_dist(), 1);

// lib/core/agents/known-agents.ts
var DEVELOPER_AGENTS = ["frontend-design", "general-developer", "golang-developer", "nextjs-developer", "python-developer", "react-developer"];
var REVIEWER_AGENTS = ["code-reviewer", "security-reviewer"];

// lib/core/config/parse-config.ts
var CONFIG_KEYS = Object.keys(ConfigSchema.shape);
var AGENT_RULE_KEYS = Object.keys(AgentRuleSchema.shape);
var NESTED_KEYS = { agents: AGENT_RULE_KEYS, notify: Object.keys(NotifySchema.shape), safety: Object.keys(SafetySchema.shape) };
var DENIED_COMMAND_KEYS = Object.keys(DeniedCommandSchema.shape);
function allowedKeysAt(path) {
  if (path.length === 0) return CONFIG_KEYS;
  if (path[0] === "safety" && path.length > 1) return DENIED_COMMAND_KEYS;
  return NESTED_KEYS[String(path[0])] ?? [];
}
function parseConfig(text, file = CONFIG_FILE) {
  const lineCounter = new import_yaml.LineCounter();
  const doc = parseDocumentBounded(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const errors2 = doc.errors.map(
      (e) => diag("invalid-config", `YAML syntax error: ${firstLine(e.message)}`, file, e.linePos?.[0]?.line ?? lineAt(lineCounter, e.pos[0]))
    );
    return { config: DEFAULT_CONFIG, errors: sortDiags(errors2) };
  }
  let raw;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { config: DEFAULT_CONFIG, errors: [diag("invalid-config", `YAML error: ${firstLine(e instanceof Error ? e.message : String(e))}`, file)] };
  }
  if (raw === null || raw === void 0) return { config: DEFAULT_CONFIG, errors: [] };
  if (typeof raw !== "object" || Array.isArray(raw)) {
    const msg = `the file must be a mapping of keys (${CONFIG_KEYS.join(", ")}); got ${describe(raw)}`;
    return { config: DEFAULT_CONFIG, errors: [diag("invalid-config", msg, file, lineOfPath(doc, lineCounter, []) ?? 1)] };
  }
  const parsed = ConfigSchema.safeParse(withUpperCaseSeverities(raw));
  const errors = [];
  let config;
  if (parsed.success) config = parsed.data;
  else {
    const badTopKeys = /* @__PURE__ */ new Set();
    for (const issue of parsed.error.issues) {
      for (const d of issueToDiags(issue, raw, doc, lineCounter, file)) errors.push(d);
      const top = issue.path[0];
      if (typeof top === "string") badTopKeys.add(top);
      if (issue.code === "unrecognized_keys" && issue.path.length === 0) for (const k of issue.keys) badTopKeys.add(k);
    }
    config = withoutKeys(raw, badTopKeys);
  }
  const patterns = checkPatterns(raw, doc, lineCounter, file);
  errors.push(...patterns.errors);
  const unknown = checkAgentNames(config, doc, lineCounter, file);
  if (unknown.length) {
    errors.push(...unknown.map((u) => u.diag));
    config = withoutKeys(config, new Set(unknown.map((u) => u.key)));
  }
  if (patterns.badFoundation.size > 0) config = { ...config, foundation: config.foundation.filter((p) => !patterns.badFoundation.has(p)) };
  const result = { config, errors: sortDiags(dedupe(errors)) };
  if (config.storiesDir !== void 0) result.storiesDirLine = lineOfPath(doc, lineCounter, ["storiesDir"]) ?? 1;
  return result;
}
function checkPatterns(raw, doc, lc, file) {
  const errors = [];
  const badFoundation = /* @__PURE__ */ new Set();
  const check = (pattern, path) => {
    if (typeof pattern !== "string") return true;
    const compiled = compileScopePattern(pattern);
    if (compiled.ok) return true;
    const line = lineOfPath(doc, lc, path) ?? 1;
    for (const d of compiled.error) errors.push(diag("invalid-config", `${pathText(path)}: ${d.message}`, file, line));
    return false;
  };
  const { foundation, agents } = raw;
  if (Array.isArray(foundation)) {
    for (const [i, p] of foundation.entries()) if (!check(p, ["foundation", i])) badFoundation.add(p);
  }
  if (Array.isArray(agents)) {
    for (const [i, rule] of agents.entries()) {
      if (rule !== null && typeof rule === "object" && "stories" in rule) check(rule.stories, ["agents", i, "stories"]);
    }
  }
  return { errors, badFoundation };
}
function withUpperCaseSeverities(raw) {
  const s = raw["blockingSeverities"];
  if (!Array.isArray(s)) return raw;
  return { ...raw, blockingSeverities: s.map((x) => typeof x === "string" ? x.toUpperCase() : x) };
}
function checkAgentNames(config, doc, lc, file) {
  const out = [];
  const check = (name, path, wanted, kind, other, otherKind) => {
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
function withoutKeys(raw, bad) {
  const kept = Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k)));
  const again = ConfigSchema.safeParse(kept);
  return again.success ? again.data : DEFAULT_CONFIG;
}
function issueToDiags(issue, raw, doc, lc, file) {
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
function expectation(issue) {
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
      return issue.message;
  }
}
function article(expected) {
  const names = { number: "a number", string: "a string", boolean: "true or false", array: "a list", object: "a mapping" };
  return names[expected] ?? expected;
}
function describe(v) {
  if (v === void 0 || v === null) return "nothing (remove the key to use the default)";
  if (Array.isArray(v)) return v.length === 0 ? "an empty list" : "a list";
  if (typeof v === "object") return "a mapping";
  return JSON.stringify(v);
}
function pathText(path) {
  let s = "";
  for (const p of path) s += typeof p === "number" ? `[${p}]` : s === "" ? String(p) : `.${String(p)}`;
  return s === "" ? "(top level)" : s;
}
function valueAt(raw, path) {
  let v = raw;
  for (const p of path) {
    if (v === null || typeof v !== "object") return void 0;
    v = v[p];
  }
  return v;
}
function lineOfPath(doc, lc, path) {
  let node = doc.contents;
  let offset = node?.range?.[0];
  for (const seg of path) {
    if ((0, import_yaml.isMap)(node)) {
      const pair = node.items.find((it) => (0, import_yaml.isPair)(it) && (0, import_yaml.isScalar)(it.key) && String(it.key.value) === String(seg));
      if (!pair) break;
      offset = pair.key.range?.[0] ?? offset;
      node = pair.value;
    } else if ((0, import_yaml.isSeq)(node) && typeof seg === "number") {
      const item = node.items[seg];
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return offset === void 0 ? void 0 : lineAt(lc, offset);
}
function lineAt(lc, offset) {
  return lc.linePos(offset).line;
}
function firstLine(s) {
  return (s.split("\n")[0] ?? s).replace(/ at line \d+, column \d+:?\s*$/, "").trim();
}
function dedupe(ds) {
  const seen = /* @__PURE__ */ new Set();
  return ds.filter((d) => {
    const k = `${d.line}\0${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
function closest(word, candidates) {
  let best;
  let bestDist = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDist) [best, bestDist] = [c, d];
  }
  return bestDist <= Math.max(1, Math.floor(word.length / 3)) ? best : void 0;
}
function editDistance(a, b) {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
export {
  closest,
  parseConfig
};
