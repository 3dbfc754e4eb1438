import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  loadConfig,
  writeFileAtomic
} from "./chunk-NZ3JHMEY.mjs";
import {
  compareIdsFast,
  keyOf,
  listStoryFiles,
  readAndParseAll,
  sortById,
  statKey
} from "./chunk-Q2C3YXUZ.mjs";
import {
  AGENT_NAME_RE
} from "./chunk-NFATYNPN.mjs";
import {
  compareIds,
  idKey,
  isStoryId
} from "./chunk-HFBBZ43P.mjs";
import {
  diag,
  err,
  internalError,
  ok,
  sortDiags
} from "./chunk-43TV4QD6.mjs";

// lib/adapters/fs/story-cache.ts
import { lstatSync, mkdirSync, readFileSync, readdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";

// lib/core/stories/parse-stories.ts
var PARSER_VERSION = 2;
function combineParses(parses) {
  const ordered = [...parses].sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const byKey = /* @__PURE__ */ new Map();
  const stories = [];
  const skipped = [];
  const errors = [];
  const warnings = [];
  for (const file of ordered) {
    const r = file.parse;
    switch (r.kind) {
      case "skipped":
        skipped.push(r.skipped);
        break;
      case "failed":
        errors.push(...r.errors);
        warnings.push(...r.warnings);
        break;
      case "story": {
        errors.push(...r.errors);
        warnings.push(...r.warnings);
        const key = keyOf(r.story.id);
        const line = r.idLine;
        const first = byKey.get(key);
        if (first) {
          errors.push(
            diag(
              "duplicate-id",
              `Story ${r.story.id} is defined twice: ${first.story.path} and ${file.path}. Give one of them another id, or move the one that is not a story out of the stories folder`,
              file.path,
              line
            )
          );
          break;
        }
        byKey.set(key, { story: r.story, line });
        stories.push(r.story);
        break;
      }
    }
  }
  const sorted = sortById(stories, (s) => s.id, (a, b) => a.path < b.path ? -1 : 1);
  return { stories: sorted, skipped, errors: sortDiags(errors), warnings: sortDiags(warnings) };
}

// lib/adapters/fs/story-cache.ts
var STORY_CACHE_DIR = ".agent-orchestration/cache";
var STORY_CACHE_FILE = `${STORY_CACHE_DIR}/stories-v1.json`;
var FORMAT = 1;
var RACY_NS = 2000000000n;
async function loadStories(root, storiesDir, options = {}) {
  const started = BigInt(Date.now()) * 1000000n;
  const listing = await listStoryFiles(root, storiesDir);
  const engine = options.cache !== false && listing.listed.length > 0 ? options.engine ?? engineIdentity() : null;
  const useCache = engine !== null;
  const cachePath = path.join(listing.absRoot, STORY_CACHE_FILE);
  const old = engine !== null ? readCache(cachePath, engine) : null;
  const next = /* @__PURE__ */ new Map();
  let misses = 0;
  let hits2 = 0;
  const out = { dirs: listing.dirs, fileCount: 0, skipped: [], errors: listing.errors, warnings: [], parsed: combineParses([]), cacheHits: 0 };
  const parses = [];
  const take = (rel, o) => {
    if (o.kind === "parse") {
      out.fileCount++;
      parses.push({ path: rel, parse: o.parse });
    } else {
      out.warnings.push(o.warning);
      out.skipped.push({ path: o.warning.file ?? "", reason: o.warning.message });
    }
  };
  const results = new Array(listing.listed.length);
  const tasks = [];
  const taskAt = [];
  listing.listed.forEach((item, i) => {
    const cacheable = useCache && item.inside === true;
    const entry = cacheable ? old?.entries.get(item.rel) : void 0;
    if (entry && old) {
      let st;
      try {
        st = statSync(item.real, { bigint: true, throwIfNoEntry: false });
      } catch {
        st = void 0;
      }
      if (st && st.isFile() && statKey(st) === entry.key && BigInt(entry.changed) + RACY_NS < old.writtenNs) {
        hits2++;
        next.set(item.rel, JSON.stringify(entry));
        results[i] = { kind: "outcome", outcome: entry.outcome };
        return;
      }
    }
    tasks.push({ item, stat: cacheable });
    taskAt.push(i);
  });
  const fresh = await readAndParseAll(listing.realRoot, tasks);
  fresh.forEach((r, j) => {
    const i = taskAt[j];
    results[i] = r;
    const rel = listing.listed[i]?.rel ?? "";
    if (r.kind === "outcome" && r.key !== void 0 && r.changed !== void 0 && r.json !== void 0) {
      misses++;
      next.set(rel, `{"key":${JSON.stringify(r.key)},"changed":${JSON.stringify(r.changed)},"outcome":${r.json}}`);
    }
  });
  results.forEach((r, i) => {
    if (r.kind === "error") out.errors.push(r.error);
    else take(listing.listed[i]?.rel ?? "", r.outcome);
  });
  out.warnings = sortDiags(out.warnings);
  out.errors = sortDiags(out.errors);
  out.parsed = combineParses(parses);
  out.cacheHits = hits2;
  if (useCache && (misses > 0 || (old?.entries.size ?? 0) !== hits2)) {
    await writeCache(listing.absRoot, cachePath, cacheText({ format: FORMAT, engine: engine ?? "", started: String(started) }, next));
  }
  return out;
}
function readCache(file, engine) {
  try {
    for (const d of [path.dirname(path.dirname(file)), path.dirname(file)]) {
      if (!lstatSync(d, { throwIfNoEntry: false })?.isDirectory()) return null;
    }
    const st = lstatSync(file, { bigint: true, throwIfNoEntry: false });
    if (!st || !st.isFile()) return null;
    const data = JSON.parse(readFileSync(file, "utf8"));
    if (!isCacheFile(data) || data.format !== FORMAT || data.engine !== engine) return null;
    const entries = /* @__PURE__ */ new Map();
    for (const [rel, e] of Object.entries(data.entries)) {
      if (!isEntry(e)) return null;
      entries.set(rel, e);
    }
    const started = BigInt(data.started);
    return { entries, writtenNs: started < st.mtimeNs ? started : st.mtimeNs };
  } catch {
    return null;
  }
}
function isCacheFile(v) {
  if (v === null || typeof v !== "object") return false;
  const c = v;
  return typeof c.format === "number" && typeof c.engine === "string" && typeof c.started === "string" && /^\d+$/.test(c.started) && c.entries !== null && typeof c.entries === "object" && !Array.isArray(c.entries);
}
function isEntry(v) {
  if (v === null || typeof v !== "object") return false;
  const e = v;
  const o = e.outcome;
  return typeof e.key === "string" && typeof e.changed === "string" && /^\d+$/.test(e.changed) && o !== null && typeof o === "object" && (o.kind === "skip" && typeof o.warning === "object" || o.kind === "parse" && typeof o.parse === "object");
}
function cacheText(head, entries) {
  const parts = [];
  for (const [rel, entry] of entries) parts.push(`${JSON.stringify(rel)}:${entry}`);
  return `${JSON.stringify(head).slice(0, -1)},"entries":{${parts.join(",")}}}`;
}
async function writeCache(absRoot, file, text) {
  try {
    if (!lstatSync(path.join(absRoot, ".agent-orchestration"), { throwIfNoEntry: false })?.isDirectory()) return;
    const dir = path.dirname(file);
    if (!lstatSync(dir, { throwIfNoEntry: false })) mkdirSync(dir, { mode: 493 });
    if (!lstatSync(dir).isDirectory()) return;
    const ignore = path.join(dir, ".gitignore");
    if (!lstatSync(ignore, { throwIfNoEntry: false })) {
      try {
        writeFileSync(ignore, "# story-orchestrator parse cache\n*\n", { flag: "wx" });
      } catch (e) {
        if (e.code !== "EEXIST") throw e;
      }
    }
    removeStaleTemps(dir, path.basename(file));
    await writeFileAtomic(file, text);
  } catch {
  }
}
function removeStaleTemps(dir, base) {
  const prefix = `.${base}.tmp-`;
  const before = Date.now() - 6e4;
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    const p = path.join(dir, name);
    try {
      if (lstatSync(p).mtimeMs < before) unlinkSync(p);
    } catch {
    }
  }
}
var identity;
function engineIdentity() {
  if (identity !== void 0) return identity;
  const self = fileURLToPath(import.meta.url);
  const bundled = !self.endsWith(".ts");
  const dir = bundled ? path.dirname(self) : path.resolve(path.dirname(self), "..", "..");
  const hash = createHash("sha256");
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name < b.name ? -1 : 1)) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!bundled) walk(p);
      } else if (bundled ? e.name.endsWith(".mjs") : e.name.endsWith(".ts")) {
        hash.update(`${p}\0${statKey(statSync(p, { bigint: true }))}
`);
      }
    }
  };
  try {
    walk(dir);
  } catch {
    identity = null;
    return identity;
  }
  identity = `${FORMAT}:${PARSER_VERSION}:${bundled ? "bundle" : "source"}:${hash.digest("hex").slice(0, 32)}`;
  return identity;
}

// lib/engine/load-project.ts
async function loadProject(root, cache = {}) {
  const { config, errors: configErrors } = await loadConfig(root);
  const read = await loadStories(root, config.storiesDir, cache);
  const parsed = read.parsed;
  const skipped = [...read.skipped, ...parsed.skipped].sort((a, b) => a.path.localeCompare(b.path));
  const errors = mergeDiags(configErrors, read.errors, parsed.errors);
  if (parsed.stories.length === 0 && !errors.some((d) => d.code === "no-stories")) {
    const where = read.dirs.join(", ");
    const seen = read.fileCount + read.skipped.length;
    errors.push(
      diag(
        "no-stories",
        `No stories found in ${where} (${seen} markdown file${seen === 1 ? "" : "s"} looked at, none is a story). A story file is named like 1.1.slug.md or starts with a heading like "# Story 1.1: Title"`
      )
    );
  }
  return {
    root,
    config,
    dirs: read.dirs,
    fileCount: read.fileCount,
    stories: parsed.stories,
    skipped,
    errors: sortDiags(errors),
    warnings: mergeDiags(read.warnings, parsed.warnings)
  };
}
function mergeDiags(...lists) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const list of lists) {
    for (const d of list) {
      const key = `${d.code}\0${d.file ?? ""}\0${d.line ?? ""}\0${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(d);
    }
  }
  return sortDiags(out);
}

// lib/core/scope.ts
var EXAMPLES = "valid forms: 1.1, 1.1-1.5, 1.*, epic:auth, 1.1 1.3";
function epicSlug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}
function epicNames(stories) {
  const sets = /* @__PURE__ */ new Map();
  const seen = /* @__PURE__ */ new Set();
  for (const { epic } of stories) {
    if (epic.name === void 0 || !isStoryId(epic.number)) continue;
    const pair = `${epic.number}\0${epic.name}`;
    if (seen.has(pair)) continue;
    seen.add(pair);
    const slug = epicSlug(epic.name);
    if (slug === "") continue;
    let set = sets.get(slug);
    if (!set) sets.set(slug, set = /* @__PURE__ */ new Set());
    set.add(idKey(epic.number));
  }
  const out = /* @__PURE__ */ new Map();
  for (const [slug, set] of sets) out.set(slug, [...set].sort(compareIds));
  return out;
}
function epicMatches(query, epic, names) {
  const q = query.trim();
  if (isStoryId(q) && isStoryId(epic.number) && idKey(q) === idKey(epic.number)) return true;
  const slug = epicSlug(q);
  if (slug === "") return false;
  if (epicSlug(epic.number) === slug || epic.name !== void 0 && epicSlug(epic.name) === slug) return true;
  const numbers = names?.get(slug);
  return numbers !== void 0 && isStoryId(epic.number) && numbers.includes(idKey(epic.number));
}
function tokenize(args) {
  const tokens = [];
  for (const arg of args) {
    const trimmed = arg.trim();
    if (/^epic:/i.test(trimmed) && !trimmed.includes(",")) {
      tokens.push(trimmed);
      continue;
    }
    for (const t of trimmed.split(/[\s,]+/)) if (t !== "") tokens.push(t);
  }
  return tokens;
}
function invalid(raw, why2) {
  return diag("invalid-scope", `Invalid scope "${raw}": ${why2} (${EXAMPLES}).`);
}
function parseTerm(raw) {
  if (raw === "*") return { kind: "all", raw };
  if (/^epic:/i.test(raw)) {
    const name = raw.slice(5).trim();
    if (name === "" || epicSlug(name) === "") return invalid(raw, 'name an epic after "epic:", e.g. epic:2 or epic:auth');
    return { kind: "epic", raw, name };
  }
  if (raw.includes("*")) {
    const m = /^(.+)\.\*$/.exec(raw);
    if (!m || !isStoryId(m[1] ?? "")) return invalid(raw, 'a glob is whole id parts followed by ".*", e.g. 1.* or 1.2.*');
    return { kind: "glob", raw, prefix: idKey(m[1] ?? "") };
  }
  if (raw.includes("-")) {
    const parts = raw.split("-");
    if (parts.length !== 2 || parts[0] === "" || parts[1] === "")
      return invalid(raw, 'a range needs one story id on each side of "-", e.g. 1.1-1.5');
    const [from, to] = parts;
    for (const end of [from, to]) if (!isStoryId(end)) return invalid(raw, `"${end}" is not a story id`);
    if (compareIds(from, to) > 0) return invalid(raw, `the range runs backwards; write ${to}-${from}`);
    return { kind: "range", raw, from, to };
  }
  if (isStoryId(raw)) return { kind: "id", raw, id: raw };
  return invalid(raw, "not a story id, range, glob or epic");
}
function parseScope(args) {
  const terms = [];
  const errors = [];
  for (const token of tokenize(args)) {
    const t = parseTerm(token);
    if ("code" in t) errors.push(t);
    else terms.push(t);
  }
  return errors.length > 0 ? err(errors) : ok(terms);
}
function termMatches(term, story, names) {
  switch (term.kind) {
    case "all":
      return true;
    case "id":
      return keyOf(term.id) === keyOf(story.id);
    case "range":
      return compareIds(term.from, story.id) <= 0 && compareIds(story.id, term.to) <= 0;
    case "glob":
      return keyOf(story.id).startsWith(`${term.prefix}.`);
    case "epic":
      return epicMatches(term.name, story.epic, names);
  }
}
function compileScopePattern(pattern, names) {
  const parsed = parseScope([pattern]);
  if (!parsed.ok) return parsed;
  const terms = parsed.value;
  return ok((story) => terms.length === 0 || terms.some((t) => termMatches(t, story, names)));
}
function editDistance(a, b) {
  const rows = [];
  for (let i = 0; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row[j] = j;
        continue;
      }
      let d = Math.min((rows[i - 1][j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (rows[i - 1][j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (rows[i - 2][j - 2] ?? 0) + 1);
      row[j] = d;
    }
    rows.push(row);
  }
  return rows[a.length][b.length] ?? 0;
}
function orList(items) {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}
function suggestIds(id, sortedIds) {
  let lo = 0;
  let hi = sortedIds.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (compareIds(sortedIds[mid] ?? "", id) < 0) lo = mid + 1;
    else hi = mid;
  }
  const picks = [];
  const add = (s) => {
    if (s !== void 0 && !picks.includes(s) && picks.length < 3) picks.push(s);
  };
  add(sortedIds[lo - 1]);
  add(sortedIds[lo]);
  const typed = id.toLowerCase();
  const key = idKey(id);
  const distanceFromQuery = (i) => i < lo ? lo - 1 - i : i - lo;
  const typos = sortedIds.map((s, i) => ({ s, i, d: Math.min(editDistance(typed, s.toLowerCase()), editDistance(key, idKey(s))) })).filter((c) => c.d <= 1).sort((a, b) => a.d - b.d || distanceFromQuery(a.i) - distanceFromQuery(b.i) || a.i - b.i);
  for (const c of typos) add(c.s);
  for (let step = 1; picks.length < 3 && (lo - 1 - step >= 0 || lo + step < sortedIds.length); step++) {
    add(sortedIds[lo - 1 - step]);
    add(sortedIds[lo + step]);
  }
  return picks;
}
function listEpics(stories) {
  const seen = /* @__PURE__ */ new Map();
  for (const s of stories) {
    if (!seen.has(s.epic.number)) seen.set(s.epic.number, s.epic.name ? `${s.epic.number} (${s.epic.name})` : s.epic.number);
  }
  const all = [...seen.keys()].sort(compareIds).map((k) => seen.get(k) ?? k);
  return all.length > 10 ? `${all.slice(0, 10).join(", ")}, ...` : all.join(", ");
}
function noMatch(term, stories, sortedIds) {
  const base = `Scope "${term.raw}" matches no story`;
  if (stories.length === 0) return diag("unknown-story", `${base}: no stories were found.`);
  switch (term.kind) {
    case "id": {
      const near = suggestIds(term.id, sortedIds);
      return diag("unknown-story", near.length > 0 ? `${base}; did you mean ${orList(near)}?` : `${base}.`);
    }
    case "range":
    case "glob":
      return diag("unknown-story", `${base}; story ids run from ${sortedIds[0]} to ${sortedIds[sortedIds.length - 1]}.`);
    case "epic":
      return diag("unknown-story", `${base}; epics are: ${listEpics(stories)}.`);
    case "all":
      return diag("unknown-story", `${base}.`);
  }
}
function resolveScope(args, stories) {
  const parsed = parseScope(args);
  if (!parsed.ok) return parsed;
  const terms = parsed.value;
  const selected = /* @__PURE__ */ new Set();
  if (terms.length === 0 || terms.some((t) => t.kind === "all")) {
    for (const s of stories) selected.add(keyOf(s.id));
    return ok(selected);
  }
  const byKey = /* @__PURE__ */ new Map();
  for (const s of stories) byKey.set(keyOf(s.id), s);
  const names = terms.some((t) => t.kind === "epic") ? epicNames(stories) : void 0;
  const errors = [];
  let sortedIds;
  for (const term of terms) {
    let matched = 0;
    if (term.kind === "id") {
      const key = idKey(term.id);
      if (byKey.has(key)) {
        selected.add(key);
        matched = 1;
      }
    } else {
      for (const s of stories) {
        if (termMatches(term, s, names)) {
          selected.add(keyOf(s.id));
          matched++;
        }
      }
    }
    if (matched === 0) {
      sortedIds ??= stories.map((s) => s.id).sort(compareIds);
      errors.push(noMatch(term, stories, sortedIds));
    }
  }
  return errors.length > 0 ? err(errors) : ok(selected);
}

// lib/core/agents/select-agent.ts
var DEFAULT_AGENT = "general-developer";
var CODE_DETECTORS = [
  { agent: "nextjs-developer", label: "Next.js", words: ["next.js", "nextjs", "next", "app router"] },
  { agent: "react-developer", label: "React", words: ["react", "jsx", "tsx", "react native", "redux", "react-query"] },
  { agent: "python-developer", label: "Python", words: ["python", "django", "fastapi", "flask", "pytest", "pydantic", "sqlalchemy", "celery", "pandas", "numpy", "opencv"] },
  { agent: "golang-developer", label: "Go", words: ["go", "golang", "goroutine", "gin"] }
];
var DESIGN = {
  agent: "frontend-design",
  label: "UI design",
  words: ["figma", "design system", "ui design", "ux", "css", "tailwind", "scss", "sass", "wireframe", "mockup", "styling"]
};
var DOC_WORDS = ["documentation", "docs", "readme", "guide", "runbook", "changelog"];
var NOT_CODE = /* @__PURE__ */ new Set([...DESIGN.words, ...DOC_WORDS, "html"]);
var TITLE_AMBIGUOUS = /* @__PURE__ */ new Set(["go", "next", "gin", "guide"]);
function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
var wordRes = /* @__PURE__ */ new Map();
function containsWord(text, word) {
  if (!text.includes(word)) return false;
  let re = wordRes.get(word);
  if (!re) wordRes.set(word, re = new RegExp(`(?<![a-z0-9])${escapeRe(word)}(?![a-z0-9])`));
  return re.test(text);
}
function hits(words, techs, title) {
  return words.filter((w) => techs.has(w) || !TITLE_AMBIGUOUS.has(w) && containsWord(title, w));
}
function detect(story) {
  const techs = new Set(story.technologies.map((t) => t.trim().toLowerCase()));
  const title = story.title.toLowerCase();
  const found = CODE_DETECTORS.map((d) => ({ d, words: hits(d.words, techs, title) })).filter((f) => f.words.length > 0);
  if (found.some((f) => f.d.agent === "nextjs-developer")) {
    const next = found.find((f) => f.d.agent === "nextjs-developer");
    const react = found.find((f) => f.d.agent === "react-developer");
    if (next && react) next.words.push(...react.words);
    found.splice(0, found.length, ...found.filter((f) => f.d.agent !== "react-developer"));
  }
  if (found.length > 0) {
    const top = Math.max(...found.map((f) => f.words.length));
    const winner = found.find((f) => f.words.length === top) ?? found[0];
    if (!winner) return { agent: DEFAULT_AGENT, reason: "no technology detected" };
    const tied = found.filter((f) => f !== winner && f.words.length === top).map((f) => f.d.label);
    const others = found.filter((f) => f !== winner && f.words.length < top).map((f) => f.d.label);
    let reason = `detected ${winner.d.label} (${winner.words.join(", ")})`;
    if (tied.length > 0) reason += `; tie with ${tied.join(", ")}, ${winner.d.label} comes first`;
    else if (others.length > 0) reason += `; fewer hints for ${others.join(", ")}`;
    return { agent: winner.d.agent, reason };
  }
  const code = [...techs].filter((t) => !NOT_CODE.has(t)).sort();
  const design = hits(DESIGN.words, techs, title);
  if (design.length > 0 && code.length === 0) {
    return { agent: DESIGN.agent, reason: `detected ${DESIGN.label} (${design.join(", ")}), no code technology` };
  }
  if (code.length > 0) return { agent: DEFAULT_AGENT, reason: `detected ${code.join(", ")}, no specialist agent for it` };
  const docs = DOC_WORDS.filter((w) => techs.has(w) || containsWord(title, w));
  if (docs.length > 0) return { agent: DEFAULT_AGENT, reason: `docs-only (${docs.join(", ")})` };
  return { agent: DEFAULT_AGENT, reason: "no technology detected" };
}
function storyText(story) {
  return [story.title, story.technologies.join(" "), ...story.acceptanceCriteria.map((c) => c.text), ...story.tasks.map((t) => t.text)].join("\n").toLowerCase();
}
function createAgentSelector(rules, names) {
  const compiled = rules.map((rule, i) => {
    const scope = rule.stories === void 0 ? void 0 : compileScopePattern(rule.stories, names);
    const keywords = (rule.keywords ?? []).map((k) => k.toLowerCase());
    const what = [rule.stories !== void 0 ? `stories: ${rule.stories}` : "", keywords.length > 0 ? `keywords: ${keywords.join(", ")}` : ""].filter((s) => s !== "").join("; ");
    return { rule, n: i + 1, scope, keywords, what };
  });
  return (story) => {
    const own = story.overrides.agent?.trim();
    if (own !== void 0 && AGENT_NAME_RE.test(own)) return { agent: own, reason: "front matter agent:" };
    let text;
    for (const c of compiled) {
      if (c.scope !== void 0 && !(c.scope.ok && c.scope.value(story))) continue;
      if (c.keywords.length > 0) {
        text ??= storyText(story);
        const t = text;
        if (!c.keywords.some((k) => containsWord(t, k))) continue;
      }
      return { agent: c.rule.agent, reason: c.what === "" ? `config rule ${c.n}` : `config rule ${c.n} (${c.what})` };
    }
    return detect(story);
  };
}

// lib/core/graph/waves.ts
function longestPathTo(graph, runnable, weight, next = (k) => graph.deps.get(k) ?? []) {
  const memo = /* @__PURE__ */ new Map();
  const { virtual } = graph;
  const onStack = /* @__PURE__ */ new Set();
  const stack = [];
  const expanded = [];
  for (const root of graph.nodes) {
    if (!runnable.has(root) || memo.has(root)) continue;
    stack.push(root);
    expanded.push(false);
    while (stack.length > 0) {
      const n = stack.pop();
      if (expanded.pop()) {
        let best = 0;
        for (const d of next(n)) {
          if (runnable.has(d) || virtual.has(d)) {
            const v = memo.get(d) ?? 0;
            if (v > best) best = v;
          }
        }
        memo.set(n, best + (virtual.has(n) ? 0 : weight(n)));
        onStack.delete(n);
        continue;
      }
      if (memo.has(n)) continue;
      if (onStack.has(n)) internalError(`cycle through ${n} reached the wave computation`);
      onStack.add(n);
      stack.push(n);
      expanded.push(true);
      for (const d of next(n)) {
        if ((runnable.has(d) || virtual.has(d)) && !memo.has(d)) {
          stack.push(d);
          expanded.push(false);
        }
      }
    }
  }
  return memo;
}
function computeWaves(graph, runnable) {
  const end = longestPathTo(graph, runnable, () => 1);
  const waveOf = /* @__PURE__ */ new Map();
  const waves = [];
  for (const n of graph.nodes) {
    if (!runnable.has(n)) continue;
    const w = (end.get(n) ?? 1) - 1;
    waveOf.set(n, w);
    while (waves.length <= w) waves.push([]);
    waves[w]?.push(n);
  }
  return { waveOf, waves };
}

// lib/core/graph/critical-path.ts
function remainingPathLengths(graph, runnable, weight = () => 1) {
  const all = longestPathTo(graph, runnable, weight, (k) => graph.dependents.get(k) ?? []);
  const out = /* @__PURE__ */ new Map();
  for (const [k, v] of all) if (runnable.has(k)) out.set(k, v);
  return out;
}
function criticalPath(graph, runnable, weight = () => 1, known) {
  const all = known ?? longestPathTo(graph, runnable, weight, (k) => graph.dependents.get(k) ?? []);
  const active = (n) => runnable.has(n) || graph.virtual.has(n);
  const best = (candidates) => {
    let pick;
    for (const n of candidates) {
      if (!active(n)) continue;
      if (pick === void 0 || (all.get(n) ?? 0) > (all.get(pick) ?? 0) || (all.get(n) ?? 0) === (all.get(pick) ?? 0) && (graph.order.get(n) ?? 0) < (graph.order.get(pick) ?? 0)) pick = n;
    }
    return pick;
  };
  const path2 = [];
  let cur = best(graph.nodes.filter((n) => runnable.has(n)));
  while (cur !== void 0) {
    if (!graph.virtual.has(cur)) path2.push(cur);
    cur = best(graph.dependents.get(cur) ?? []);
  }
  const remaining = /* @__PURE__ */ new Map();
  for (const [k, v] of all) if (runnable.has(k)) remaining.set(k, v);
  return { path: path2, remaining };
}

// lib/core/graph/cycles.ts
function tangled(graph) {
  const alive = new Set(graph.nodes);
  const peel = (forward) => {
    const degree = /* @__PURE__ */ new Map();
    const queue = [];
    for (const n of alive) {
      const out = forward ? graph.deps.get(n) : graph.dependents.get(n);
      let d = 0;
      for (const m of out ?? []) if (alive.has(m)) d++;
      degree.set(n, d);
      if (d === 0) queue.push(n);
    }
    while (queue.length > 0) {
      const n = queue.pop() ?? "";
      alive.delete(n);
      for (const m of (forward ? graph.dependents.get(n) : graph.deps.get(n)) ?? []) {
        if (!alive.has(m)) continue;
        const d = (degree.get(m) ?? 0) - 1;
        degree.set(m, d);
        if (d === 0) queue.push(m);
      }
    }
  };
  peel(true);
  peel(false);
  return alive;
}
function cycleThrough(graph, start, component) {
  const parent = /* @__PURE__ */ new Map();
  const queue = [start];
  const ordered = (ns) => [...ns].sort((a, b) => (graph.order.get(a) ?? 0) - (graph.order.get(b) ?? 0));
  for (let i = 0; i < queue.length; i++) {
    const n = queue[i] ?? "";
    for (const d of ordered(graph.deps.get(n) ?? [])) {
      if (!component.has(d)) continue;
      if (d === start) {
        const path2 = [n];
        for (let p = n; p !== start; ) {
          p = parent.get(p) ?? start;
          path2.push(p);
        }
        return path2.reverse();
      }
      if (!parent.has(d) && d !== start) {
        parent.set(d, n);
        queue.push(d);
      }
    }
  }
  return [start];
}
function components(nodes, next) {
  const index = /* @__PURE__ */ new Map();
  const low = /* @__PURE__ */ new Map();
  const onStack = /* @__PURE__ */ new Set();
  const stack = [];
  const out = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work = [{ n: root, i: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const top = work[work.length - 1];
      if (!top) break;
      const succ = next(top.n);
      if (top.i < succ.length) {
        const m = succ[top.i++] ?? "";
        if (!index.has(m)) {
          index.set(m, counter);
          low.set(m, counter++);
          stack.push(m);
          onStack.add(m);
          work.push({ n: m, i: 0 });
        } else if (onStack.has(m)) {
          low.set(top.n, Math.min(low.get(top.n) ?? 0, index.get(m) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.n, Math.min(low.get(parent.n) ?? 0, low.get(top.n) ?? 0));
      if (low.get(top.n) === index.get(top.n)) {
        const comp = [];
        let m;
        do {
          m = stack.pop();
          if (m === void 0) break;
          onStack.delete(m);
          comp.push(m);
        } while (m !== top.n);
        if (comp.length > 1) out.push(comp);
      }
    }
  }
  return out;
}
function findDependencyCycles(graph) {
  const rest = tangled(graph);
  if (rest.size === 0) return [];
  const pos = (n) => graph.order.get(n) ?? 0;
  const restNodes = graph.nodes.filter((n) => rest.has(n));
  const inRest = /* @__PURE__ */ new Map();
  for (const n of restNodes) inRest.set(n, (graph.deps.get(n) ?? []).filter((d) => rest.has(d)));
  const cycles = components(restNodes, (n) => inRest.get(n) ?? []).map((component) => {
    const start = [...component].sort((a, b) => pos(a) - pos(b))[0] ?? "";
    return cycleThrough(graph, start, new Set(component));
  });
  return cycles.sort((a, b) => pos(a[0] ?? "") - pos(b[0] ?? ""));
}
function why(e, naming) {
  if (!e) return "foundation rule";
  const at = e.file !== void 0 && e.line !== void 0 ? `${e.file}:${e.line}` : e.file;
  switch (e.origin) {
    case "declared":
    case "front-matter":
      return at ?? "declared";
    case "reverse":
      return `${naming.display(e.to)} blocks ${naming.display(e.from)}: ${at ?? "declared"}`;
    case "implicit":
      return "implicit: nearest lower story of the same epic";
    case "foundation":
      return "foundation rule";
  }
}
function cycleDiagnostic(cycle, naming) {
  const stories = cycle.filter((n) => naming.pathOf(n) !== void 0);
  const names = cycle.map((n) => naming.pathOf(n) !== void 0 ? naming.display(n) : "foundation");
  const steps = [];
  let where;
  cycle.forEach((from, i) => {
    const to = cycle[(i + 1) % cycle.length] ?? "";
    const e = naming.edge(from, to);
    if (!where && e?.file !== void 0) where = { file: e.file, line: e.line };
    steps.push(`${names[i]} depends on ${names[(i + 1) % cycle.length]} (${why(e, naming)})`);
  });
  where ??= { file: naming.pathOf(stories[0] ?? "") };
  const message = `Dependency cycle: ${[...names, names[0]].join(" \u2192 ")}. ${steps.join("; ")}.`;
  return { diag: diag("dependency-cycle", message, where.file, where.line), stories, severity: "error" };
}

// lib/core/graph/dep-graph.ts
var FOUNDATION_GATE = "@foundation";
function makeDepGraph(nodes, deps, virtual) {
  const order = /* @__PURE__ */ new Map();
  nodes.forEach((n, i) => order.set(n, i));
  const dependents = /* @__PURE__ */ new Map();
  for (const n of nodes) dependents.set(n, []);
  for (const n of nodes) {
    for (const d of deps.get(n) ?? []) dependents.get(d)?.push(n);
  }
  return { nodes: [...nodes], deps, dependents, virtual, order };
}
function epicNumberKey(n) {
  return `#${keyOf(n)}`;
}
function storiesOfEpic(index, query) {
  const q = query.trim();
  const byNumber = index.byEpic.get(epicNumberKey(q));
  if (byNumber) return byNumber;
  return index.byEpic.get(epicSlug(q)) ?? [];
}
function indexStories(stories) {
  let byKey = /* @__PURE__ */ new Map();
  for (const s of stories) byKey.set(keyOf(s.id), s);
  if (byKey.size < stories.length) {
    byKey = /* @__PURE__ */ new Map();
    const byPath = [...stories].sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
    for (const s of byPath) {
      const key = keyOf(s.id);
      if (!byKey.has(key)) byKey.set(key, s);
    }
  }
  const sorted = sortById([...byKey.values()], (s) => s.id);
  const keys = sorted.map((s) => keyOf(s.id));
  const position = /* @__PURE__ */ new Map();
  keys.forEach((k, i) => position.set(k, i));
  const byEpic = /* @__PURE__ */ new Map();
  const add = (k, story) => {
    const list = byEpic.get(k);
    if (list) {
      if (list[list.length - 1] !== story) list.push(story);
    } else byEpic.set(k, [story]);
  };
  const slugs = /* @__PURE__ */ new Map();
  const slugOf = (text) => {
    let slug = slugs.get(text);
    if (slug === void 0) slugs.set(text, slug = epicSlug(text));
    return slug;
  };
  const numberKeys = /* @__PURE__ */ new Map();
  sorted.forEach((s, i) => {
    const key = keys[i] ?? "";
    let numberKey = numberKeys.get(s.epic.number);
    if (numberKey === void 0) numberKeys.set(s.epic.number, numberKey = epicNumberKey(s.epic.number));
    add(numberKey, key);
    const numSlug = slugOf(s.epic.number);
    if (numSlug !== "") add(numSlug, key);
    if (s.epic.name !== void 0 && slugOf(s.epic.name) !== "") add(slugOf(s.epic.name), key);
  });
  const names = epicNames(sorted);
  for (const [slug, numbers] of names) {
    const members = new Set(byEpic.get(slug) ?? []);
    for (const n of numbers) for (const k of byEpic.get(epicNumberKey(n)) ?? []) members.add(k);
    byEpic.set(slug, [...members].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0)));
  }
  return { sorted, keys, byKey, position, byEpic, epicNames: names };
}
function storiesInRange(index, from, to) {
  let lo = 0;
  let hi = index.sorted.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (compareIdsFast(index.sorted[mid]?.id ?? "", from) < 0) lo = mid + 1;
    else hi = mid;
  }
  const out = [];
  for (let i = lo; i < index.sorted.length; i++) {
    const s = index.sorted[i];
    if (!s || compareIdsFast(s.id, to) > 0) break;
    out.push(index.keys[i] ?? "");
  }
  return out;
}

// lib/core/graph/effective-dependencies.ts
var ORIGIN_RANK = { "front-matter": 0, declared: 0, reverse: 1, implicit: 2, foundation: 3 };
function resolveRef(index, ref) {
  const t = ref.target;
  switch (t.kind) {
    case "story": {
      const key = keyOf(t.id);
      return index.byKey.has(key) ? [key] : [];
    }
    case "range":
      return storiesInRange(index, t.from, t.to);
    case "epic":
      return [...storiesOfEpic(index, t.epic)];
  }
}
function describeTarget(ref) {
  const t = ref.target;
  switch (t.kind) {
    case "story":
      return `${t.id}, which is not a story`;
    case "range":
      return `stories ${t.from}-${t.to}, but no story is in that range`;
    case "epic":
      return `epic ${t.epic}, but no story belongs to that epic`;
  }
}
var EdgeSet = class {
  edges = /* @__PURE__ */ new Map();
  add(e) {
    let m = this.edges.get(e.from);
    if (!m) this.edges.set(e.from, m = /* @__PURE__ */ new Map());
    const old = m.get(e.to);
    if (!old || ORIGIN_RANK[e.origin] < ORIGIN_RANK[old.origin]) m.set(e.to, e);
  }
  has(from, to) {
    return this.edges.get(from)?.has(to) ?? false;
  }
  targets(from) {
    return this.edges.get(from)?.keys() ?? [];
  }
};
function addStatedEdges(index, set, diags) {
  index.sorted.forEach((story, i) => {
    const key = index.keys[i] ?? "";
    for (const ref of story.dependencies.refs) {
      const targets = resolveRef(index, ref);
      const origin = ref.source === "front-matter" ? "front-matter" : "declared";
      if (targets.length === 0) {
        diags.push({
          diag: diag("unknown-dependency", `${story.id} depends on ${describeTarget(ref)} ("${ref.raw}"); the reference is ignored.`, story.path, ref.line),
          stories: [key],
          severity: "warning"
        });
      }
      for (const to of targets) {
        if (to === key) {
          if (ref.target.kind === "story") {
            diags.push({ diag: diag("self-dependency", `${story.id} depends on itself ("${ref.raw}").`, story.path, ref.line), stories: [key], severity: "error" });
          }
          continue;
        }
        set.add({ from: key, to, origin, file: story.path, line: ref.line, raw: ref.raw });
      }
    }
    for (const ref of story.blocks) {
      const targets = resolveRef(index, ref);
      if (targets.length === 0) {
        diags.push({
          diag: diag("unknown-dependency", `${story.id} blocks ${describeTarget(ref)} ("${ref.raw}"); the reference is ignored.`, story.path, ref.line),
          stories: [key],
          severity: "warning"
        });
      }
      for (const from of targets) {
        if (from === key) {
          if (ref.target.kind === "story") {
            diags.push({ diag: diag("self-dependency", `${story.id} blocks itself ("${ref.raw}").`, story.path, ref.line), stories: [key], severity: "error" });
          }
          continue;
        }
        set.add({ from, to: key, origin: "reverse", file: story.path, line: ref.line, raw: ref.raw });
      }
    }
  });
}
function addImplicitEdges(index, set, mode) {
  if (mode === "never") return;
  for (const [group, members] of index.byEpic) {
    if (!group.startsWith("#")) continue;
    for (let i = 1; i < members.length; i++) {
      const key = members[i] ?? "";
      const prev = members[i - 1] ?? "";
      const story = index.byKey.get(key);
      if (!story) continue;
      if (mode === "when-undeclared" && story.dependencies.declared) continue;
      if (set.has(prev, key)) continue;
      set.add({ from: key, to: prev, origin: "implicit" });
    }
  }
}
function foundationAncestors(set, foundation) {
  const seen = new Set(foundation);
  const stack = [...foundation];
  const out = /* @__PURE__ */ new Set();
  while (stack.length > 0) {
    const n = stack.pop() ?? "";
    for (const d of set.targets(n)) {
      if (seen.has(d)) continue;
      seen.add(d);
      out.add(d);
      stack.push(d);
    }
  }
  return out;
}
function effectiveDependencies(index, config) {
  const diags = [];
  const set = new EdgeSet();
  addStatedEdges(index, set, diags);
  addImplicitEdges(index, set, config.implicitDependencies);
  const foundation = /* @__PURE__ */ new Set();
  for (const pattern of config.foundation) {
    const m = compileScopePattern(pattern, index.epicNames);
    if (!m.ok) {
      for (const d of m.error) diags.push({ diag: diag("invalid-config", `foundation: ${d.message}`), stories: [], severity: "error" });
      continue;
    }
    index.sorted.forEach((s, i) => {
      if (m.value(s)) foundation.add(index.keys[i] ?? "");
    });
  }
  const hasFoundationDependent = /* @__PURE__ */ new Set();
  for (const f of foundation) for (const d of set.targets(f)) if (foundation.has(d)) hasFoundationDependent.add(d);
  const foundationSinks = index.keys.filter((k) => foundation.has(k) && !hasFoundationDependent.has(k));
  const exempt = foundationAncestors(set, foundation);
  const gated = /* @__PURE__ */ new Set();
  if (foundationSinks.length > 0) {
    for (const k of index.keys) if (!foundation.has(k) && !exempt.has(k)) gated.add(k);
  }
  const edges = /* @__PURE__ */ new Map();
  const deps = /* @__PURE__ */ new Map();
  for (const k of index.keys) {
    const list = [...set.edges.get(k)?.values() ?? []].sort((a, b) => (index.position.get(a.to) ?? 0) - (index.position.get(b.to) ?? 0));
    edges.set(k, list);
    const targets = list.map((e) => e.to);
    if (gated.has(k)) targets.push(FOUNDATION_GATE);
    deps.set(k, targets);
  }
  const nodes = [...index.keys];
  const virtual = /* @__PURE__ */ new Set();
  if (gated.size > 0) {
    nodes.push(FOUNDATION_GATE);
    virtual.add(FOUNDATION_GATE);
    deps.set(FOUNDATION_GATE, foundationSinks);
  }
  return { graph: makeDepGraph(nodes, deps, virtual), edges, gated, foundationSinks, foundation, diagnostics: diags };
}
function effectiveEdgesOf(eff, index, key) {
  const own = eff.edges.get(key) ?? [];
  if (!eff.gated.has(key)) return [...own];
  const extra = [];
  for (const to of eff.foundationSinks) if (!own.some((e) => e.to === to)) extra.push({ from: key, to, origin: "foundation" });
  if (extra.length === 0) return [...own];
  const pos = (e) => index.position.get(e.to) ?? 0;
  const out = [];
  let i = 0;
  let j = 0;
  while (i < own.length || j < extra.length) {
    if (j >= extra.length || i < own.length && pos(own[i]) <= pos(extra[j])) out.push(own[i++]);
    else out.push(extra[j++]);
  }
  return out;
}

// lib/core/plan.ts
function blockedBy(cycles, dependents) {
  const out = /* @__PURE__ */ new Map();
  cycles.forEach((cycle, i) => {
    const seen = new Set(cycle);
    const stack = [...cycle];
    while (stack.length > 0) {
      const n = stack.pop() ?? "";
      const list = out.get(n);
      if (list) list.push(i);
      else out.set(n, [i]);
      for (const d of dependents.get(n) ?? []) {
        if (!seen.has(d)) {
          seen.add(d);
          stack.push(d);
        }
      }
    }
  });
  return out;
}
function analyzeProject(stories, config, statuses) {
  const index = indexStories(stories);
  const override = /* @__PURE__ */ new Map();
  for (const [k, v] of statuses ?? []) override.set(idKey(k), v);
  const status = /* @__PURE__ */ new Map();
  index.sorted.forEach((s, i) => {
    const key = index.keys[i] ?? "";
    status.set(key, override.get(key) ?? s.status.normalized);
  });
  const isDone = (key) => status.get(key) === "Done";
  const effective = effectiveDependencies(index, config);
  const graph = effective.graph;
  const edgesOf = (key) => effectiveEdgesOf(effective, index, key);
  const cycles = findDependencyCycles(graph);
  const cycleDiagnostics = cycles.map(
    (c) => cycleDiagnostic(c, {
      display: (k) => index.byKey.get(k)?.id ?? k,
      edge: (from, to) => effective.edges.get(from)?.find((e) => e.to === to),
      pathOf: (k) => index.byKey.get(k)?.path
    })
  );
  const blockedByCycle = blockedBy(cycles, graph.dependents);
  const select = createAgentSelector(config.agents, index.epicNames);
  const agents = /* @__PURE__ */ new Map();
  const diagnostics = [...effective.diagnostics, ...cycleDiagnostics];
  index.sorted.forEach((s, i) => {
    const key = index.keys[i] ?? "";
    agents.set(key, select(s));
    const own = s.overrides.agent?.trim();
    if (own !== void 0 && !AGENT_NAME_RE.test(own)) {
      diagnostics.push({
        diag: diag("invalid-front-matter", `agent: "${own}" is not an agent name (lower-case letters, digits and '-'); it is ignored.`, s.path),
        stories: [key],
        severity: "warning"
      });
    }
  });
  const runnable = new Set(index.keys.filter((k) => !isDone(k) && !blockedByCycle.has(k)));
  const priority = remainingPathLengths(graph, runnable);
  const errors = sortDiags(diagnostics.filter((d) => d.severity === "error").map((d) => d.diag));
  const warnings = sortDiags(diagnostics.filter((d) => d.severity === "warning").map((d) => d.diag));
  return { index, status, effective, cycles, blockedByCycle, agents, priority, diagnostics, cycleDiagnostics, errors, warnings, isDone, edgesOf };
}
var EXPAND_PREFIX = "expand the scope to include ";
function expansionOf(first, analysis, scope) {
  const seen = new Set(first);
  const stack = [...first];
  while (stack.length > 0) {
    const k = stack.pop() ?? "";
    for (const e of analysis.edgesOf(k)) {
      if (seen.has(e.to) || scope.has(e.to) || analysis.isDone(e.to)) continue;
      seen.add(e.to);
      stack.push(e.to);
    }
  }
  const pos = analysis.index.position;
  return [...seen].sort((a, b) => (pos.get(a) ?? 0) - (pos.get(b) ?? 0));
}
function outOfScopeWarning(id, path2, open, expand, display) {
  const plain = open.filter((e) => e.origin !== "foundation" && e.origin !== "implicit").map((e) => display(e.to));
  const implicit = open.filter((e) => e.origin === "implicit").map((e) => `${display(e.to)} (implicit: nearest lower story of the same epic)`);
  const foundation = open.filter((e) => e.origin === "foundation").map((e) => display(e.to));
  const parts = plain.length > 0 ? [plain.join(", "), ...implicit] : implicit;
  if (foundation.length > 0) parts.push(`${foundation.join(", ")} (foundation ${foundation.length === 1 ? "story" : "stories"})`);
  const all = open.map((e) => display(e.to));
  const written = open.filter((e) => e.line !== void 0 && (e.origin === "declared" || e.origin === "front-matter" || e.origin === "reverse"));
  const at = written.find((e) => (e.file ?? path2) === path2) ?? written[0];
  return diag(
    "out-of-scope-dependency",
    `${id} depends on ${parts.join("; ")}, which ${all.length === 1 ? "is" : "are"} outside the scope and not done. Choose: ${EXPAND_PREFIX}${expand.map(display).join(", ")}, skip ${id}, or cancel.`,
    at?.file ?? path2,
    at?.line
  );
}
function buildPlan(input) {
  const analysis = analyzeProject(input.stories, input.config, input.statuses);
  return planFromAnalysis(analysis, input.scope);
}
function planFromAnalysis(analysis, scopeArgs) {
  const { index } = analysis;
  const resolved = resolveScope(scopeArgs, index.sorted);
  if (!resolved.ok) return { stories: [], waves: [], criticalPath: [], warnings: [], errors: sortDiags(resolved.error), outOfScope: [] };
  const scope = resolved.value;
  const display = (k) => index.byKey.get(k)?.id ?? k;
  const inScope = index.keys.filter((k) => scope.has(k));
  const runnable = new Set(inScope.filter((k) => !analysis.isDone(k) && !analysis.blockedByCycle.has(k)));
  const graph = analysis.effective.graph;
  const { waveOf, waves } = computeWaves(graph, runnable);
  const critical = criticalPath(graph, runnable, void 0, runnable.size === analysis.priority.size ? analysis.priority : void 0);
  const relevantCycles = /* @__PURE__ */ new Set();
  for (const k of inScope) for (const c of analysis.blockedByCycle.get(k) ?? []) relevantCycles.add(c);
  const warnings = [];
  const errors = [];
  const keep = (rd) => void (rd.severity === "error" ? errors : warnings).push(rd.diag);
  for (const rd of analysis.diagnostics) {
    if (rd.diag.code === "dependency-cycle") continue;
    if (rd.stories.length === 0 || rd.stories.some((k) => scope.has(k))) keep(rd);
  }
  for (const c of [...relevantCycles].sort((a, b) => a - b)) {
    const rd = analysis.cycleDiagnostics[c];
    if (rd) keep(rd);
  }
  const outOfScope = [];
  const stories = inScope.map((k) => {
    const s = index.byKey.get(k);
    if (!s) return internalError(`story ${k} missing from its own index`);
    const edges = analysis.edgesOf(k);
    const done = analysis.isDone(k);
    if (!done) {
      const open = edges.filter((e) => !scope.has(e.to) && !analysis.isDone(e.to));
      for (const e of open) outOfScope.push({ story: s.id, dependsOn: display(e.to) });
      if (open.length > 0) {
        const expand = expansionOf(open.map((e) => e.to), analysis, scope);
        warnings.push(outOfScopeWarning(s.id, s.path, open, expand, display));
      }
    }
    const agent = analysis.agents.get(k) ?? { agent: "general-developer", reason: "no technology detected" };
    return {
      id: s.id,
      title: s.title,
      path: s.path,
      status: analysis.status.get(k) ?? s.status.normalized,
      // ccpm epics have a name (the folder) and no number.
      epic: s.epic.number || (s.epic.name ?? ""),
      agent: agent.agent,
      agentReason: agent.reason,
      dependencies: edges.map((e) => display(e.to)),
      wave: waveOf.get(k) ?? null
    };
  });
  return {
    stories,
    waves: waves.map((w) => w.map(display)),
    criticalPath: critical.path.map(display),
    warnings: sortDiags(warnings),
    errors: sortDiags(errors),
    outOfScope
  };
}

export {
  loadProject,
  mergeDiags,
  suggestIds,
  resolveScope,
  computeWaves,
  analyzeProject,
  EXPAND_PREFIX,
  buildPlan
};
