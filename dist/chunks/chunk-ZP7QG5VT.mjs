import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  BMAD_OUTPUT_DIR,
  CCPM_EPICS_DIR,
  DEFAULT_STORY_DIRS
} from "./chunk-R2CKZ2VR.mjs";
import {
  loadConfig
} from "./chunk-P7BITJDN.mjs";
import {
  isInside,
  readBounded,
  readSmallFile,
  realRootOf
} from "./chunk-6MSOW3YD.mjs";
import {
  CACHE_DIR,
  buildIdentity,
  cacheJson,
  jsonSafe,
  readCacheFile,
  writeCacheFile
} from "./chunk-R7PRS5ZI.mjs";
import {
  writeFileAtomic
} from "./chunk-T7SK64FE.mjs";
import {
  relativeStaysInside
} from "./chunk-IWUPKGEU.mjs";
import {
  CONFIG_FILE
} from "./chunk-DJAYH52C.mjs";
import {
  ccpmEpicFolder
} from "./chunk-KS6NXHCE.mjs";
import {
  keyOf,
  sortById
} from "./chunk-JHRD7746.mjs";
import {
  baseName,
  idFromFileName,
  isBackupName,
  isPlainStoryName,
  looksLikeCompanion
} from "./chunk-YFTCM4W6.mjs";
import {
  MAX_ID_LENGTH,
  epicOf,
  idKey,
  namespaceOf,
  normalizeId,
  withNamespace
} from "./chunk-KNNDJYLI.mjs";
import {
  diag,
  sortDiags
} from "./chunk-EFR3LY5V.mjs";

// lib/adapters/fs/story-cache.ts
import { statSync as statSync3 } from "node:fs";

// lib/core/stories/ccpm-refs.ts
function namespaceFromFolder(folder) {
  const words = folder.split(/[^A-Za-z0-9]+/).filter((w) => w !== "");
  const joined = [];
  for (const w of words) {
    if (/^\d/.test(w) && joined.length > 0) joined[joined.length - 1] += w;
    else joined.push(w);
  }
  let ns = joined.join("-");
  if (!/^[A-Za-z]/.test(ns)) ns = `epic${ns}`;
  return ns.slice(0, MAX_ID_LENGTH - 24).replace(/-+$/, "");
}
function isSynced(e) {
  return e.mapping !== void 0 || !e.padded;
}
function localNumbers(e) {
  const stated = /* @__PURE__ */ new Map();
  for (const [local, issue] of e.mapping?.explicit ?? []) stated.set(idKey(local), normalizeId(issue));
  for (const t of e.tasks) if (t.localId !== void 0 && !stated.has(idKey(t.localId))) stated.set(idKey(t.localId), t.story.id);
  const byOrder = /* @__PURE__ */ new Map();
  if (e.mapping && e.mapping.explicit.length === 0) {
    const sorted = [...new Set(e.mapping.issues.map((n) => normalizeId(n)))].sort((a, b) => Number(a) - Number(b));
    sorted.forEach((issue, k) => byOrder.set(String(k + 1), issue));
  }
  return { stated, byOrder };
}
function writtenPadded(raw) {
  return /(?:^|[^\d.])0\d/.test(raw);
}
function remap(ref, id) {
  return { ...ref, target: { kind: "story", id } };
}
function settleCcpmIds(stories, mappings) {
  const epics = /* @__PURE__ */ new Map();
  for (const t of stories) {
    const folder = ccpmEpicFolder(t.story.path);
    if (!folder || namespaceOf(t.story.id) !== "" || t.story.id.includes(".")) continue;
    let e = epics.get(folder.dir);
    if (!e) {
      e = { dir: folder.dir, tasks: [], padded: false };
      const mapping = mappings.get(folder.dir);
      if (mapping) e.mapping = mapping;
      epics.set(folder.dir, e);
    }
    e.tasks.push(t);
    if (/\/0\d+\.md$/i.test(t.story.path)) e.padded = true;
  }
  if (epics.size === 0) return stories.map((t) => t.story);
  const replaced = /* @__PURE__ */ new Map();
  const namespaced = collidingEpics([...epics.values()]);
  for (const e of epics.values()) {
    const ns = namespaced.has(e) ? namespaceFromFolder(e.dir.slice(e.dir.lastIndexOf("/") + 1)) : "";
    const own = new Set(e.tasks.map((t) => idKey(t.story.id)));
    const { stated, byOrder } = localNumbers(e);
    for (const t of e.tasks) {
      const resolve = (ref) => {
        if (ref.target.kind !== "story" || namespaceOf(ref.target.id) !== "") return ref;
        const key = idKey(ref.target.id);
        const local = e.padded ? void 0 : writtenPadded(ref.raw) ? stated.get(key) ?? byOrder.get(key) : own.has(key) ? void 0 : stated.get(key);
        const id2 = local ?? ref.target.id;
        return ns !== "" && own.has(idKey(id2)) ? remap(ref, withNamespace(ns, id2)) : local !== void 0 ? remap(ref, local) : ref;
      };
      const refs = t.story.dependencies.refs.map(resolve);
      const blocks = t.story.blocks.map(resolve);
      const changed = ns !== "" || refs.some((r, i) => r !== t.story.dependencies.refs[i]) || blocks.some((r, i) => r !== t.story.blocks[i]);
      if (!changed) continue;
      const id = ns === "" ? t.story.id : withNamespace(ns, t.story.id);
      const epic = ns === "" ? t.story.epic : { ...t.story.epic, number: epicOf(id) };
      replaced.set(t.story, { ...t.story, id, epic, dependencies: { ...t.story.dependencies, refs }, blocks });
    }
  }
  return stories.map((t) => replaced.get(t.story) ?? t.story);
}
function collidingEpics(epics) {
  const holders = /* @__PURE__ */ new Map();
  for (const e of epics) {
    for (const t of e.tasks) {
      const key = idKey(t.story.id);
      const list = holders.get(key);
      if (!list) holders.set(key, [e]);
      else if (!list.includes(e)) list.push(e);
    }
  }
  const out = /* @__PURE__ */ new Set();
  for (const list of holders.values()) {
    if (list.length < 2) continue;
    const local = list.filter((e) => !isSynced(e));
    for (const e of local.length > 0 && local.length < list.length ? local : list) out.add(e);
  }
  return out;
}

// lib/core/stories/folder-namespaces.ts
var EPIC_FOLDER_RE = /^epic[-_.]?\d+(?:$|[-_.])/i;
var dirOf = (path5) => path5.slice(0, Math.max(0, path5.lastIndexOf("/")));
var segments = (dir) => dir === "" ? [] : dir.split("/");
function commonAncestor(dirs) {
  const all = dirs.map(segments);
  const first = all[0];
  let n = 0;
  while (n < first.length && all.every((s) => s[n] === first[n])) n++;
  return first.slice(0, n);
}
function differ(a, b) {
  return {
    copy: baseName(a.path).toLowerCase() === baseName(b.path).toLowerCase(),
    sameTitle: a.title.trim().toLowerCase() === b.title.trim().toLowerCase()
  };
}
function restarts(a, b) {
  let shared = 0;
  let sameTitles = 0;
  for (const [key, story] of a) {
    const other = b.get(key);
    if (other === void 0) continue;
    const d = differ(story, other);
    if (d.copy) return false;
    shared++;
    if (d.sameTitle) sameTitles++;
  }
  return shared >= 2 && sameTitles * 2 < shared;
}
function groups(dirs, pairs) {
  const parent = new Map(dirs.map((d) => [d, d]));
  const find = (d) => {
    let r = d;
    while (parent.get(r) !== r) r = parent.get(r);
    parent.set(d, r);
    return r;
  };
  for (const [a, b] of pairs) parent.set(find(a), find(b));
  const out = /* @__PURE__ */ new Map();
  for (const d of dirs) {
    const r = find(d);
    if (pairs.some(([a, b]) => a === d || b === d)) out.set(r, [...out.get(r) ?? [], d]);
  }
  return [...out.values()];
}
function namespacesOf(group) {
  const top = commonAncestor(group);
  const below = (d) => segments(d).slice(top.length);
  const epicNamed = group.filter((d) => below(d).some((s) => EPIC_FOLDER_RE.test(s)));
  let chosen;
  if (epicNamed.length > 0 && epicNamed.length < group.length) chosen = epicNamed;
  else {
    const depth = (d) => below(d).length;
    const least = Math.min(...group.map(depth));
    const nearest = group.filter((d) => depth(d) === least);
    chosen = nearest.length === 1 ? group.filter((d) => d !== nearest[0]) : [...group];
  }
  const name = (d) => {
    const rest = below(d);
    const epic = rest.find((s) => EPIC_FOLDER_RE.test(s));
    return namespaceFromFolder(epic ?? rest[0] ?? segments(d).pop() ?? "stories");
  };
  const out = new Map(chosen.map((d) => [d, name(d)]));
  const names = [...out.values()];
  if (new Set(names.map((n) => n.toLowerCase())).size < names.length) {
    for (const d of chosen) out.set(d, namespaceFromFolder(below(d).join("-") || d));
  }
  return out;
}
function namespaceRestartedFolders(stories) {
  const byFolder = /* @__PURE__ */ new Map();
  const holders = /* @__PURE__ */ new Map();
  for (const s of stories) {
    if (s.id.includes(".") || namespaceOf(s.id) !== "" || ccpmEpicFolder(s.path) !== void 0) continue;
    const dir = dirOf(s.path);
    const key = idKey(s.id);
    let ids = byFolder.get(dir);
    if (!ids) byFolder.set(dir, ids = /* @__PURE__ */ new Map());
    if (ids.has(key)) continue;
    ids.set(key, s);
    const list = holders.get(key);
    if (!list) holders.set(key, [dir]);
    else list.push(dir);
  }
  const candidates = /* @__PURE__ */ new Set();
  for (const list of holders.values()) if (list.length > 1) for (const d of list) candidates.add(d);
  if (candidates.size === 0) return stories;
  const dirs = [...candidates].sort();
  const pairs = [];
  for (let i = 0; i < dirs.length; i++)
    for (let j = i + 1; j < dirs.length; j++) if (restarts(byFolder.get(dirs[i]), byFolder.get(dirs[j]))) pairs.push([dirs[i], dirs[j]]);
  if (pairs.length === 0) return stories;
  const namespaceOfDir = /* @__PURE__ */ new Map();
  for (const group of groups(dirs, pairs)) for (const [d, ns] of namespacesOf(group)) namespaceOfDir.set(d, ns);
  return stories.map((s) => {
    const ns = namespaceOfDir.get(dirOf(s.path));
    if (ns === void 0 || s.id.includes(".") || namespaceOf(s.id) !== "" || ccpmEpicFolder(s.path) !== void 0) return s;
    const id = withNamespace(ns, s.id);
    const epic = s.epic.number === epicOf(s.id) ? { ...s.epic, number: epicOf(id) } : s.epic;
    return { ...s, id, epic };
  });
}

// lib/core/stories/namespace-refs.ts
function resolveInNamespaces(stories) {
  if (!stories.some((s) => s.id.includes("-"))) return stories;
  const ids = /* @__PURE__ */ new Set();
  const epics = /* @__PURE__ */ new Set();
  for (const s of stories) {
    ids.add(idKey(s.id));
    if (s.epic.number !== "") epics.add(idKey(s.epic.number));
    const e = epicOf(s.id);
    if (e !== "") epics.add(idKey(e));
  }
  return stories.map((s) => {
    const ns = namespaceOf(s.id);
    if (ns === "") return s;
    const within = (id, known) => {
      if (namespaceOf(id) !== "" || id.includes("-")) return null;
      const scoped2 = withNamespace(ns, id);
      return known.has(idKey(scoped2)) ? scoped2 : null;
    };
    const target = (t) => {
      switch (t.kind) {
        case "story": {
          const id = within(t.id, ids);
          return id === null ? null : { kind: "story", id };
        }
        case "range": {
          const from = within(t.from, ids);
          const to = within(t.to, ids);
          return from !== null || to !== null ? { kind: "range", from: withNamespace(ns, t.from), to: withNamespace(ns, t.to) } : null;
        }
        case "epic": {
          const epic = within(t.epic, epics);
          return epic === null ? null : { kind: "epic", epic };
        }
        case "file":
          return null;
      }
    };
    let changed = false;
    const scoped = (refs2) => refs2.map((r) => {
      const t = target(r.target);
      if (t === null) return r;
      changed = true;
      return { ...r, target: t };
    });
    const refs = scoped(s.dependencies.refs);
    const blocks = scoped(s.blocks);
    return changed ? { ...s, dependencies: { ...s.dependencies, refs }, blocks } : s;
  });
}

// lib/core/stories/combine-parses.ts
var PARSER_VERSION = 13;
var byPath = (a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
function inPathOrder(parses) {
  for (let i = 1; i < parses.length; i++) if (parses[i - 1].path > parses[i].path) return false;
  return true;
}
function roughlyById(stories) {
  const keys = new Float64Array(stories.length);
  const order = new Uint32Array(stories.length);
  for (let i = 0; i < stories.length; i++) {
    keys[i] = roughIdNumber(stories[i].id);
    order[i] = i;
  }
  order.sort((a, b) => keys[a] - keys[b]);
  return Array.from(order, (i) => stories[i]);
}
function roughIdNumber(id) {
  let key = 0;
  let scale = 1e10;
  let part = 0;
  for (let i = 0; i <= id.length && scale >= 1; i++) {
    const c = i < id.length ? id.charCodeAt(i) : 46;
    if (c >= 48 && c <= 57) part = part * 10 + (c - 48);
    else if (c === 46) {
      key += Math.min(part, 99999) * scale;
      scale /= 1e5;
      part = 0;
    }
  }
  return key;
}
function combineParses(parses) {
  const ordered = inPathOrder(parses) ? parses : [...parses].sort(byPath);
  const byKey = /* @__PURE__ */ new Map();
  const stories = [];
  const skipped = [];
  const errors = [];
  const warnings = [];
  const parsed = [];
  const mappings = /* @__PURE__ */ new Map();
  let ccpm = false;
  const held = /* @__PURE__ */ new Set();
  for (const { parse: r } of ordered) {
    if (r.kind === "story" && r.companion === void 0) held.add(keyOf(r.story.id));
    else if (r.kind === "failed" && r.id !== void 0) held.add(keyOf(r.id));
  }
  for (const file of ordered) {
    const r = file.parse;
    switch (r.kind) {
      case "skipped":
        skipped.push(r.skipped);
        if (r.ccpmMapping) mappings.set(file.path.slice(0, file.path.lastIndexOf("/")), r.ccpmMapping);
        break;
      case "failed":
        errors.push(...r.errors);
        warnings.push(...r.warnings);
        if (r.id !== void 0 && r.errors[0]) parsed.push({ file, story: stubStory(file.path, r.id, problemOf(r.errors[0], file.path)), idLine: void 0 });
        break;
      case "story": {
        if (r.companion !== void 0 && held.has(keyOf(r.story.id))) {
          skipped.push({ path: file.path, reason: r.companion });
          break;
        }
        if (r.warnings.length > 0) warnings.push(...r.warnings);
        if (r.errors.length > 0) errors.push(...r.errors);
        const story = r.errors[0] ? { ...r.story, problem: problemOf(r.errors[0], file.path) } : r.story;
        const entry = { file, story, idLine: r.idLine };
        if (r.localId !== void 0) entry.localId = r.localId;
        parsed.push(entry);
        if (!ccpm && r.story.path.includes(".claude/epics/")) ccpm = true;
        break;
      }
    }
  }
  if (ccpm) settleCcpmIds(parsed, mappings).forEach((story, i) => parsed[i].story = story);
  const folders = namespaceRestartedFolders(parsed.map((p) => p.story));
  if (folders.some((s, i) => s !== parsed[i].story)) folders.forEach((story, i) => parsed[i].story = story);
  const claimed = new Set(parsed.map((p) => keyOf(p.story.id)));
  for (let i = 0; i < parsed.length; i++) {
    const entry = parsed[i];
    const { file, idLine } = entry;
    let story = entry.story;
    let key = keyOf(story.id);
    let at = byKey.get(key);
    if (at !== void 0) {
      const other = stories[at];
      const mine = yieldToFileName(story, claimed);
      const theirs = mine === null ? yieldToFileName(other, claimed) : null;
      const moved = mine ?? theirs;
      if (moved !== null) {
        const who = mine !== null ? story : other;
        const keep = mine !== null ? other : story;
        const said = warnings.findIndex((w) => w.code === "id-mismatch" && w.file === who.path);
        const line = said === -1 ? mine !== null ? idLine : void 0 : warnings.splice(said, 1)[0].line;
        warnings.push(
          diag(
            "id-mismatch",
            `The heading says ${who.id}, which is also ${keep.path}'s id; using the file name's ${moved.id}`,
            who.path,
            line
          )
        );
        claimed.add(keyOf(moved.id));
        if (mine !== null) {
          story = moved;
          key = keyOf(story.id);
          at = byKey.get(key);
        } else {
          stories[at] = story;
          byKey.set(keyOf(moved.id), stories.length);
          stories.push(moved);
          continue;
        }
      }
    }
    if (at === void 0) {
      byKey.set(key, stories.length);
      stories.push(story);
      continue;
    }
    const first = stories[at];
    const copy = isBackupName(file.path) ? file.path : isBackupName(first.path) ? first.path : null;
    if (copy !== null) {
      skipped.push({ path: copy, reason: `backup copy of story ${story.id} (same id as ${copy === file.path ? first.path : file.path}), not a story` });
      if (copy === first.path) stories[at] = story;
      continue;
    }
    const companion = companionOf(first, story);
    if (companion !== null) {
      const other = companion === first ? story : first;
      skipped.push({ path: companion.path, reason: `companion document of story ${other.id} (same id as ${other.path}; its name or title says so), not a story` });
      if (companion === first) stories[at] = story;
      continue;
    }
    const d = diag(
      "duplicate-id",
      `Story ${story.id} is defined twice: ${first.path} and ${file.path}. Give one of them another id, or move the one that is not a story out of the stories folder`,
      file.path,
      idLine
    );
    errors.push(d);
    if (first.problem?.code !== "duplicate-id") stories[at] = { ...first, problem: problemOf(d, file.path) };
  }
  const resolved = resolveInNamespaces(stories);
  const sorted = sortById(roughlyById(resolved), (s) => s.id, (a, b) => a.path < b.path ? -1 : 1);
  return { stories: sorted, skipped, errors: sortDiags(errors), warnings: sortDiags(warnings) };
}
function yieldToFileName(story, claimed) {
  if (story.idSource !== "heading") return null;
  const name = idFromFileName(story.path)?.id;
  if (name === void 0 || claimed.has(keyOf(name))) return null;
  const epic = story.epic.number === epicOf(story.id) ? { ...story.epic, number: epicOf(name) } : story.epic;
  return { ...story, id: name, idSource: "file-name", epic };
}
function companionOf(a, b) {
  if (isPlainStoryName(a.path) && looksLikeCompanion(b.path, b.title)) return b;
  if (isPlainStoryName(b.path) && looksLikeCompanion(a.path, a.title)) return a;
  return null;
}
function problemOf(d, path5) {
  const p = { code: d.code, message: d.message, file: d.file ?? path5 };
  if (d.line !== void 0) p.line = d.line;
  return p;
}
function stubStory(path5, id, problem) {
  const name = path5.slice(path5.lastIndexOf("/") + 1).replace(/\.md$/i, "");
  return {
    id,
    idSource: "file-name",
    title: name,
    path: path5,
    status: { raw: null, normalized: "Not Started" },
    epic: { number: epicOf(id) },
    dependencies: { declared: true, refs: [] },
    blocks: [],
    acceptanceCriteria: [],
    tasks: [],
    technologies: [],
    overrides: {},
    problem
  };
}

// lib/adapters/fs/story-cache-codec.ts
var STORY = 0;
var PLAIN = 1;
var POOL_AT = 14;
function poolRange(f, poolLength) {
  const [start, mid, end] = [f[POOL_AT], f[POOL_AT + 1], f[POOL_AT + 2]];
  const ok = typeof start === "number" && typeof mid === "number" && typeof end === "number" && 0 <= start && start <= mid && mid <= end && end <= poolLength;
  return ok ? [start, mid, end] : null;
}
var STORY_KEYS = 12;
var OVERRIDE_KEYS = /* @__PURE__ */ new Set(["agent", "priority", "parallel", "conflictsWith"]);
var ID_SOURCES = ["front-matter", "heading", "file-name"];
var TextPool = class {
  parts = [];
  length = 0;
  add(text) {
    this.parts.push(text);
    this.length += text.length;
  }
  text() {
    return this.parts.join("");
  }
};
var NotEncodable = class extends Error {
};
var fail = () => {
  throw new NotEncodable();
};
var str = (v) => typeof v === "string" ? v : fail();
var int = (v) => Number.isSafeInteger(v) && !Object.is(v, -0) ? v : fail();
var optInt = (v) => v === void 0 ? null : int(v);
var optStr = (v) => v === void 0 ? null : str(v);
function encodeOutcome(outcome, pool) {
  try {
    if (outcome.kind === "parse" && outcome.parse.kind === "story") return encodeStory(outcome.parse, pool);
    return jsonSafe(outcome) ? [PLAIN, outcome] : null;
  } catch (e) {
    if (e instanceof NotEncodable) return null;
    throw e;
  }
}
function encodeStory(p, pool) {
  const s = p.story;
  if (Object.keys(s).length !== STORY_KEYS || Object.keys(s.overrides).some((k) => !OVERRIDE_KEYS.has(k))) fail();
  const plainDiags = (ds) => ds.length === 0 || jsonSafe(ds) ? ds : fail();
  return [
    STORY,
    str(s.id),
    ID_SOURCES.indexOf(s.idSource),
    str(s.title),
    str(s.path),
    s.status.raw === null ? null : str(s.status.raw),
    str(s.status.normalized),
    optInt(s.status.line),
    str(s.epic.number),
    optStr(s.epic.name),
    s.dependencies.declared ? 1 : 0,
    optInt(s.dependencies.line),
    s.dependencies.refs.map(encodeRef),
    s.blocks.map(encodeRef),
    ...encodeChecklists(s, pool),
    s.technologies.map(str),
    optStr(s.overrides.agent),
    s.overrides.priority === void 0 ? null : Number.isFinite(s.overrides.priority) ? s.overrides.priority : fail(),
    optInt(p.idLine),
    plainDiags(p.warnings),
    plainDiags(p.errors),
    ...encodeTail(p)
  ];
}
function encodeTail(p) {
  const s = p.story;
  const slots = [
    p.localId === void 0 ? null : str(p.localId),
    hasHints(s) ? [s.overrides.parallel === false ? 1 : 0, s.overrides.conflictsWith?.map(encodeRef) ?? null] : null,
    p.companion === void 0 ? null : str(p.companion)
  ];
  while (slots.length > 0 && slots[slots.length - 1] === null) slots.pop();
  return slots;
}
function hasHints(s) {
  return s.overrides.parallel === false || s.overrides.conflictsWith !== void 0;
}
function encodeRef(r) {
  const t = r.target;
  const target = t.kind === "story" ? ["s", str(t.id)] : t.kind === "range" ? t.alt === void 0 ? ["r", str(t.from), str(t.to)] : ["a", str(t.from), str(t.to), str(t.alt)] : t.kind === "epic" ? ["e", str(t.epic)] : ["f", str(t.name)];
  const out = [str(r.raw), int(r.line), ...target];
  if (r.source !== void 0) out.push(r.source);
  return out;
}
function itemsText(items) {
  return items.map((c) => str(c.text).includes("\n") ? fail() : `${int(c.line)}${c.done ? "x" : "-"}${c.text}`).join("\n");
}
function encodeChecklists(s, pool) {
  const ac = itemsText(s.acceptanceCriteria);
  const tasks = itemsText(s.tasks);
  const start = pool.length;
  pool.add(ac);
  pool.add(tasks);
  return [start, start + ac.length, pool.length];
}
function movePooled(packed, from, to) {
  const range = packed[0] === STORY ? poolRange(packed, from.length) : null;
  if (!range) return packed;
  const [start, mid, end] = range;
  const at = to.length;
  to.add(from.slice(start, end));
  const moved = packed.slice();
  moved.splice(POOL_AT, 3, at, at + (mid - start), at + (end - start));
  return moved;
}
function decodeOutcome(packed, pool) {
  if (!Array.isArray(packed)) return null;
  if (packed[0] === PLAIN) {
    const o = packed[1];
    const ok = o !== null && typeof o === "object" && (o.kind === "skip" && typeof o.warning === "object" || o.kind === "parse" && typeof o.parse === "object");
    return ok ? o : null;
  }
  const localOk = packed.length === 23 || typeof packed[23] === "string" || packed[23] === null;
  const hintsOk = packed.length <= 24 || Array.isArray(packed[24]) || packed[24] === null && packed.length === 26;
  const companionOk = packed.length <= 25 || typeof packed[25] === "string";
  if (packed[0] !== STORY || packed.length < 23 || packed.length > 26 || !localOk || !hintsOk || !companionOk) return null;
  const range = poolRange(packed, pool.length);
  return range ? { kind: "parse", parse: decodeStory(packed, pool, range) } : null;
}
function decodeStory(f, pool, [start, mid, end]) {
  const status = { raw: f[5], normalized: f[6] };
  if (f[7] !== null) status.line = f[7];
  const epic = { number: f[8] };
  if (f[9] !== null) epic.name = f[9];
  const dependencies = { declared: f[10] === 1, refs: f[12].map(decodeRef) };
  if (f[11] !== null) dependencies.line = f[11];
  const overrides = {};
  if (f[18] !== null) overrides.agent = f[18];
  if (f[19] !== null) overrides.priority = f[19];
  const hints = f[24];
  if (hints?.[0] === 1) overrides.parallel = false;
  if (hints?.[1]) overrides.conflictsWith = hints[1].map(decodeRef);
  let acceptanceCriteria;
  let tasks;
  const story = {
    id: f[1],
    idSource: ID_SOURCES[f[2]] ?? "file-name",
    title: f[3],
    path: f[4],
    status,
    epic,
    dependencies,
    blocks: f[13].map(decodeRef),
    get acceptanceCriteria() {
      return acceptanceCriteria ??= decodeItems(pool, start, mid);
    },
    set acceptanceCriteria(v) {
      acceptanceCriteria = v;
    },
    get tasks() {
      return tasks ??= decodeItems(pool, mid, end);
    },
    set tasks(v) {
      tasks = v;
    },
    technologies: f[17],
    overrides
  };
  const out = { kind: "story", story, idLine: f[20] ?? void 0, warnings: f[21], errors: f[22] };
  if (typeof f[23] === "string") out.localId = f[23];
  if (typeof f[25] === "string") out.companion = f[25];
  return out;
}
function decodeRef(r) {
  const kind = r[2];
  const target = kind === "s" ? { kind: "story", id: r[3] } : kind === "r" ? { kind: "range", from: r[3], to: r[4] } : kind === "a" ? { kind: "range", from: r[3], to: r[4], alt: r[5] } : kind === "e" ? { kind: "epic", epic: r[3] } : { kind: "file", name: r[3] };
  const ref = { target, raw: r[0], line: r[1] };
  const source = r[kind === "a" ? 6 : kind === "r" ? 5 : 4];
  if (source !== void 0) ref.source = source;
  return ref;
}
function decodeItems(s, from, to) {
  const items = [];
  for (let at = from; at < to; ) {
    let end = s.indexOf("\n", at);
    if (end < 0 || end > to) end = to;
    let i = at;
    let line = 0;
    for (let c = s.charCodeAt(i); c >= 48 && c <= 57; c = s.charCodeAt(++i)) line = line * 10 + (c - 48);
    items.push({ text: s.slice(i + 1, end), done: s.charCodeAt(i) === 120, line });
    at = end + 1;
  }
  return items;
}

// lib/adapters/fs/read-story-files.ts
import { readdirSync as readdirSync2, realpathSync as realpathSync2, statSync as statSync2 } from "node:fs";
import path3 from "node:path";

// lib/core/stories/discovery-rules.ts
var MAX_FOLDER_DEPTH = 3;
var NOT_STORIES = [
  [/^(?:code-?|tech-?)?reviews?$/, "reviews of stories, not stories"],
  [/^retro(?:spective)?s?$/, "retrospectives, not stories"],
  [/^tech-?specs?$/, "technical specifications, not stories"],
  [/^context-?xml$/, "BMAD story-context files, not stories"],
  [/^updates$/, "progress notes (ccpm updates/), not stories"],
  [/^planning-artifacts$/, "planning documents (PRD, epics, architecture), not stories"],
  [/^quick-dev$/, "BMAD quick-dev specs, not stories"],
  [/^templates?$/, "templates, not stories"],
  [/^(?:archives?|archived|old|backups?|obsolete|deprecated)$|[-_.](?:archives?|archived)$/, "archived or superseded copies of stories (read elsewhere); not read, to avoid duplicates"],
  [/^(?:node_modules|bower_components|vendor)$/, "third-party dependencies"],
  [/^(?:assets|images?|img|attachments|diagrams|screenshots)$/, "images and other assets"]
];
var DONE_FOLDERS = /* @__PURE__ */ new Set([".done", ".completed"]);
var CCPM_ARCHIVE = /(?:^|\/)\.claude\/epics\/archived$/;
function folderSkipReason(rel, name, depth) {
  const lower = name.toLowerCase();
  if (lower.startsWith(".")) {
    if (DONE_FOLDERS.has(lower)) return null;
    return "hidden folder (tool state, not stories)";
  }
  if (CCPM_ARCHIVE.test(rel)) return null;
  for (const [re, reason] of NOT_STORIES) if (re.test(lower)) return reason;
  if (depth > MAX_FOLDER_DEPTH) return `more than ${MAX_FOLDER_DEPTH} levels below the story folder`;
  return null;
}
var FALLBACK_MAX_DEPTH = 4;
var FALLBACK_MAX_FOLDERS = 2e3;
var FALLBACK_MIN_FILES = 2;
var FALLBACK_NAMES = /^(?:stories|story|user[-_]?stories|tasks|backlog)$/i;
var NEVER_SEARCHED = /^(?:node_modules|bower_components|vendor|dist|build|out|target|coverage|__pycache__|venv|site-packages)$/i;
var isFallbackFolderName = (name) => FALLBACK_NAMES.test(name);
var fallbackEnters = (name) => !name.startsWith(".") && !NEVER_SEARCHED.test(name) && folderSkipReason(name, name, 1) === null;
var looksLikeStoryFileName = (name) => /^(?:[a-z]{1,12}[-_.])?\d[^/]*\.md$/i.test(name);
function noStoriesFolderMessage(tried) {
  return `No stories folder found (looked in ${tried.join(", ")}, and up to ${FALLBACK_MAX_DEPTH} levels down for folders named stories, tasks, user-stories or backlog holding files named like 1.1.slug.md). Set storiesDir in .agent-orchestration/config.yaml to the folder that holds your story files (storiesDir: path/to/stories, or a list of folders)`;
}

// lib/adapters/fs/discover-story-folders.ts
import { readdirSync, realpathSync, statSync } from "node:fs";
import path2 from "node:path";

// lib/core/stories/story-location.ts
import path from "node:path";
function storyLocationOf(text) {
  const m = /^story_location:[ \t]*(.*)$/m.exec(text);
  if (!m) return null;
  let value = m[1].replace(/\r$/, "");
  const quoted = /^(["'])(.*)\1/.exec(value);
  value = quoted ? quoted[2] : value.replace(/\s+#.*$/, "");
  value = value.trim();
  if (value === "") return null;
  const line = text.slice(0, m.index).split("\n").length;
  return { value, line };
}
function storyLocationCandidates(value, fileDir) {
  let v = value.replace(/\\/g, "/").replace(/^\{project-root\}(?=\/|$)/, "");
  if (/[{}]/.test(v)) return { kind: "unresolvable" };
  const absolute = /^[A-Za-z]:/.test(v) || v.startsWith("/") && !value.startsWith("{project-root}");
  if (absolute) {
    const segments2 = v.replace(/^[A-Za-z]:/, "").split("/").filter((s) => s !== "" && s !== ".");
    if (segments2.includes("..")) return { kind: "unresolvable" };
    const candidates = [];
    for (let i = 0; i < segments2.length; i++) candidates.push(segments2.slice(i).join("/"));
    return { kind: "foreign-absolute", candidates };
  }
  v = v.replace(/^\/+/, "");
  const fromRoot = path.posix.normalize(v === "" ? "." : v).replace(/\/$/, "");
  const fromFile = path.posix.normalize(path.posix.join(fileDir, v)).replace(/\/$/, "");
  const rooted = /^\{project-root\}/.test(value);
  return { kind: "relative", candidates: rooted || fromRoot === fromFile ? [fromRoot] : [fromRoot, fromFile] };
}

// lib/adapters/fs/discover-story-folders.ts
var toPosix = (p) => p.split(path2.sep).join("/");
function isDir(p) {
  try {
    return statSync(p, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
}
function resolvesInside(realRoot, abs) {
  try {
    return isInside(realRoot, realpathSync(abs));
  } catch {
    return false;
  }
}
var DEFAULT_REASONS = {
  "docs/stories": "the default story folder (BMAD v4 and most projects)",
  "_bmad-output/implementation-artifacts": "BMAD v6's output folder",
  "docs/sprint-artifacts": "BMAD v6 (alpha) sprint folder",
  [CCPM_EPICS_DIR]: "ccpm epics (a folder per epic; archived/ epics count as done)"
};
function discoverStoryFolders(absRoot, realRoot, storiesDir) {
  if (storiesDir !== void 0) return configuredRoots(absRoot, realRoot, typeof storiesDir === "string" ? [storiesDir] : storiesDir);
  const out = { roots: [], errors: [], warnings: [] };
  const add = (root) => {
    if (!out.roots.some((r) => r.rel === root.rel)) out.roots.push(root);
  };
  const located = sprintStatusLocations(absRoot, realRoot, out.warnings);
  for (const d of DEFAULT_STORY_DIRS) {
    const abs = path2.join(absRoot, d);
    const loc = located.get(d);
    if (loc) add(loc);
    else if (isDir(abs) && resolvesInside(realRoot(), abs)) add({ abs, rel: d, reason: DEFAULT_REASONS[d] });
  }
  const epics = path2.join(absRoot, CCPM_EPICS_DIR);
  if (hasSubfolder(epics) && resolvesInside(realRoot(), epics)) add({ abs: epics, rel: CCPM_EPICS_DIR, reason: DEFAULT_REASONS[CCPM_EPICS_DIR] });
  if (out.roots.length === 0) out.roots = fallbackSearch(absRoot, realRoot);
  if (out.roots.length === 0) out.errors.push(diag("no-stories", noStoriesFolderMessage([...DEFAULT_STORY_DIRS, `${CCPM_EPICS_DIR}/*/`])));
  return out;
}
function hasSubfolder(dir) {
  try {
    return readdirSync(dir, { withFileTypes: true }).some((e) => e.isDirectory());
  } catch {
    return false;
  }
}
function configuredRoots(absRoot, realRoot, dirs) {
  const out = { roots: [], errors: [], warnings: [] };
  for (const shown of dirs) {
    const bad = (code, message) => void out.errors.push(diag(code, message));
    if (path2.isAbsolute(shown) || /^[A-Za-z]:/.test(shown)) {
      bad("unsafe-path", `storiesDir "${shown}" must be a path inside the project, relative to its root`);
      continue;
    }
    const abs = path2.resolve(absRoot, shown);
    if (!isInside(absRoot, abs)) {
      bad("unsafe-path", `storiesDir "${shown}" points outside the project`);
      continue;
    }
    if (!isDir(abs)) {
      bad("no-stories", `storiesDir "${shown}" does not exist or is not a folder. Create it or set storiesDir in .agent-orchestration/config.yaml`);
      continue;
    }
    if (!resolvesInside(realRoot(), abs)) {
      bad("unsafe-path", `storiesDir "${shown}" is a link to a folder outside the project`);
      continue;
    }
    const rel = toPosix(path2.relative(absRoot, abs)) || ".";
    if (!out.roots.some((r) => r.rel === rel)) out.roots.push({ abs, rel, reason: "storiesDir in .agent-orchestration/config.yaml" });
  }
  return out;
}
function sprintStatusLocations(absRoot, realRoot, warnings) {
  const places = [];
  for (const d of DEFAULT_STORY_DIRS) places.push([`${d}/sprint-status.yaml`, d], [`${d}/stories/sprint-status.yaml`, d]);
  places.push([`${BMAD_OUTPUT_DIR}/sprint-status.yaml`, "_bmad-output/implementation-artifacts"]);
  const found = /* @__PURE__ */ new Map();
  for (const [file, home] of places) {
    if (found.has(home)) continue;
    const got = readSmallFile(path2.join(absRoot, file), { maxBytes: 1024 * 1024, root: absRoot, realRoot: realRoot() });
    if (!("text" in got) || got.text === null) continue;
    const loc = storyLocationOf(got.text);
    if (!loc) continue;
    const root = followLocation(absRoot, realRoot(), loc, file, home, warnings);
    if (root) found.set(home, root);
  }
  return found;
}
function followLocation(absRoot, realRoot, loc, file, home, warnings) {
  const where = `story_location in ${file}:${loc.line}`;
  const warn = (why) => {
    warnings.push(diag("story-location", `story_location "${loc.value}" ${why}; read ${home} instead`, file, loc.line));
    return null;
  };
  const inside = (abs) => {
    if (!isInside(absRoot, abs) || !isDir(abs) || !resolvesInside(realRoot, abs)) return null;
    const rel = toPosix(path2.relative(absRoot, abs)) || ".";
    return { abs, rel, reason: where };
  };
  const c = storyLocationCandidates(loc.value, path2.posix.dirname(file));
  if (c.kind === "unresolvable") return warn("holds a placeholder or a '..' that cannot be resolved here");
  if (c.kind === "foreign-absolute") {
    if (path2.isAbsolute(loc.value)) {
      const own = inside(path2.resolve(loc.value));
      if (own) return own;
    }
    for (const cand of c.candidates) {
      const r = inside(path2.resolve(absRoot, cand));
      if (r) return { ...r, reason: `${where} (written as ${loc.value}; its end ${r.rel} is this project's folder)` };
    }
    return warn("is a path on another machine, and no end of it is a folder of this project");
  }
  for (const cand of c.candidates) {
    const abs = path2.resolve(absRoot, cand);
    if (!isInside(absRoot, abs)) return warn("points outside the project");
    const r = inside(abs);
    if (r) return r;
  }
  return warn("is not a folder of this project");
}
function fallbackSearch(absRoot, realRoot) {
  const found = [];
  let queue = [absRoot];
  let visited = 0;
  for (let depth = 0; depth <= FALLBACK_MAX_DEPTH && queue.length > 0; depth++) {
    const next = [];
    for (const dir of queue) {
      if (++visited > FALLBACK_MAX_FOLDERS) return found;
      let entries;
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      if (dir !== absRoot && isFallbackFolderName(path2.basename(dir))) {
        const named = entries.filter((e) => !e.isDirectory() && looksLikeStoryFileName(e.name)).length;
        if (named >= FALLBACK_MIN_FILES && resolvesInside(realRoot(), dir)) {
          const rel = toPosix(path2.relative(absRoot, dir));
          found.push({
            abs: dir,
            rel,
            reason: `no known story folder; found by search: a folder named "${path2.basename(dir)}" holding ${named} markdown files named like story ids (set storiesDir to choose the folder)`
          });
          continue;
        }
      }
      const subs = entries.filter((e) => e.isDirectory() && fallbackEnters(e.name)).map((e) => e.name).sort();
      for (const name of subs) next.push(path2.join(dir, name));
    }
    queue = next;
  }
  return found;
}

// lib/adapters/fs/read-story-files.ts
var MAX_STORY_BYTES = 1024 * 1024;
var toPosix2 = (p) => p.split(path3.sep).join("/");
function joinName(dir, name) {
  return dir.endsWith(path3.sep) ? dir + name : dir + path3.sep + name;
}
function mdFiles(root, dir, realRoot) {
  const entries = readdirSync2(dir, { withFileTypes: true });
  let realDir;
  let dirInside;
  try {
    realDir = realpathSync2(dir);
    dirInside = isInside(realRoot(), realDir);
  } catch {
    realDir = null;
    dirInside = null;
  }
  const relDir = toPosix2(path3.relative(root, dir));
  const links = /* @__PURE__ */ new Set();
  const names = [];
  const subfolders = [];
  for (const e of entries) {
    if (e.isDirectory()) subfolders.push(e.name);
    else if (/\.md$/i.test(e.name)) {
      names.push(e.name);
      if (e.isSymbolicLink()) links.add(e.name);
    } else if (e.isSymbolicLink() && isDirectory(joinName(dir, e.name))) {
      subfolders.push(e.name);
    }
  }
  const files = names.sort().map((name) => {
    const plain = realDir !== null && !links.has(name);
    return {
      abs: joinName(dir, name),
      rel: relDir === "" ? name : `${relDir}/${name}`,
      inside: plain ? dirInside : null,
      real: plain && realDir !== null ? joinName(realDir, name) : ""
    };
  });
  return { files, subfolders: subfolders.sort(), realDir };
}
function isDirectory(p) {
  try {
    return statSync2(p, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
}
function resolvesInside2(realRoot, abs) {
  try {
    return isInside(realRoot(), realpathSync2(abs));
  } catch {
    return false;
  }
}
function readOne(realRoot, file, stat = null) {
  const { abs, rel } = file;
  try {
    const real = file.inside === null ? realpathSync2(abs) : file.real;
    if (!(file.inside ?? isInside(realRoot(), real))) {
      return { kind: "error", error: diag("unsafe-path", `${rel} is a link to a file outside the project; not read`, rel) };
    }
    const got = readBounded(real, stat, MAX_STORY_BYTES);
    if (typeof got === "object" && "notFile" in got) {
      return { kind: "error", error: diag("unreadable-file", `Cannot read ${rel} (not a regular file)`, rel) };
    }
    if (typeof got === "number") {
      const mib = (got / (1024 * 1024)).toFixed(1);
      return {
        kind: "skip",
        warning: diag("file-too-large", `${rel} is ${mib} MiB (${got} bytes), over the 1 MiB limit for a story file; skipped`, rel)
      };
    }
    const text = typeof got === "string" ? got : null;
    if (text !== null && text.trim() === "") {
      return { kind: "skip", warning: diag("empty-file", `${rel} is empty; skipped`, rel) };
    }
    if (text === null ? got.invalid.includes(0) : text.includes("\0")) {
      return { kind: "skip", warning: diag("binary-file", `${rel} looks binary (it contains NUL bytes); skipped`, rel) };
    }
    if (text === null) {
      return { kind: "skip", warning: diag("binary-file", `${rel} is not valid UTF-8 text; skipped`, rel) };
    }
    return { kind: "file", file: { path: rel, text } };
  } catch (e) {
    const code = e.code ?? "error";
    return { kind: "error", error: diag("unreadable-file", `Cannot read ${rel} (${code})`, rel) };
  }
}
async function listStoryFiles(root, storiesDir) {
  const absRoot = path3.resolve(root);
  let realRoot;
  const getRealRoot = () => realRoot ??= realpathSync2(absRoot);
  const listing = { absRoot, dirs: [], folders: [], skippedFolders: [], listed: [], realRoot: getRealRoot, errors: [], warnings: [] };
  let found;
  try {
    found = discoverStoryFolders(absRoot, getRealRoot, storiesDir);
  } catch (e) {
    const code = e.code ?? "error";
    listing.errors.push(diag("unreadable-file", `Cannot read the project folder (${code})`));
    return listing;
  }
  listing.errors.push(...found.errors);
  listing.warnings.push(...found.warnings);
  listing.folders = found.roots.map(({ rel, reason }) => ({ path: rel, reason }));
  listing.dirs = found.roots.map((r) => r.rel);
  const seen = /* @__PURE__ */ new Set();
  for (const r of found.roots) walk(absRoot, r.abs, 0, getRealRoot, seen, listing);
  return listing;
}
function walk(absRoot, dir, depth, realRoot, seen, listing) {
  let got;
  try {
    got = mdFiles(absRoot, dir, realRoot);
  } catch (e) {
    const rel = toPosix2(path3.relative(absRoot, dir));
    const code = e.code ?? "error";
    listing.errors.push(diag("unreadable-file", `Cannot list ${rel} (${code})`, rel));
    return;
  }
  if (got.realDir !== null) {
    if (seen.has(got.realDir)) return;
    seen.add(got.realDir);
  }
  for (const f of got.files) listing.listed.push(f);
  for (const name of got.subfolders) {
    const abs = joinName(dir, name);
    const rel = toPosix2(path3.relative(absRoot, abs));
    const why = folderSkipReason(rel, name, depth + 1);
    if (why !== null) {
      listing.skippedFolders.push({ path: `${rel}/`, reason: why });
    } else if (!resolvesInside2(realRoot, abs)) {
      listing.errors.push(diag("unsafe-path", `${rel} is a link to a folder outside the project; not read`, rel));
    } else {
      walk(absRoot, abs, depth + 1, realRoot, seen, listing);
    }
  }
}

// lib/adapters/fs/story-cache.ts
var CACHE_NAME = "stories.json";
var STORY_CACHE_FILE = `${CACHE_DIR}/${CACHE_NAME}`;
var FORMAT = 2;
var RACY_MS = 2e3;
var keyOf2 = (st) => [st.size, st.mtimeMs, st.ctimeMs, st.ino];
var sameKey = (st, k) => st.size === k[0] && st.mtimeMs === k[1] && st.ctimeMs === k[2] && st.ino === k[3];
async function loadStories(root, storiesDir, options = {}) {
  const started = Date.now();
  const listing = await listStoryFiles(root, storiesDir);
  const engine = options.cache !== false && listing.listed.length > 0 ? options.engine ?? engineIdentity() : null;
  const useCache = engine !== null;
  const old = engine !== null ? readCache(listing.absRoot, engine) : null;
  const next = [];
  const fresh = new TextPool();
  let parse;
  let misses = 0;
  let hits = 0;
  const out = {
    dirs: listing.dirs,
    folders: listing.folders,
    skippedFolders: listing.skippedFolders,
    fileCount: 0,
    skipped: [],
    errors: listing.errors,
    warnings: [...listing.warnings],
    parsed: combineParses([]),
    cacheHits: 0
  };
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
  for (const item of listing.listed) {
    const cacheable = useCache && item.inside === true;
    const entry = cacheable ? old?.entries.get(item.rel) : void 0;
    if (entry && old) {
      const hit = cachedOutcome(item.real, entry, old);
      if (hit) {
        hits++;
        next.push({ entry, kept: true });
        take(item.rel, hit);
        continue;
      }
    }
    const stat = { value: null };
    const r = readOne(listing.realRoot, item, cacheable ? stat : null);
    if (r.kind === "error") {
      out.errors.push(r.error);
      continue;
    }
    const outcome = r.kind === "file" ? { kind: "parse", parse: (parse ??= await loadParser())(r.file) } : { kind: "skip", warning: r.warning };
    take(item.rel, outcome);
    const st = stat.value;
    const packed = cacheable && st ? encodeOutcome(outcome, fresh) : null;
    if (packed && st) {
      misses++;
      next.push({ entry: [item.rel, keyOf2(st), packed], kept: false });
    }
  }
  out.warnings = sortDiags(out.warnings);
  out.errors = sortDiags(out.errors);
  out.parsed = combineParses(parses);
  out.cacheHits = hits;
  if (useCache && options.cache !== "read-only" && (misses > 0 || (old?.entries.size ?? 0) !== hits)) {
    const [oldPool, freshPool, pool] = [old?.checklists ?? "", fresh.text(), new TextPool()];
    const entries = next.map(({ entry, kept }) => [entry[0], entry[1], movePooled(entry[2], kept ? oldPool : freshPool, pool)]);
    const data = { format: FORMAT, engine: engine ?? "", started, entries, checklists: pool.text() };
    await writeCacheFile(listing.absRoot, CACHE_NAME, cacheJson(data));
  }
  return out;
}
async function loadParser() {
  return (await import("./parse-story-2GLU5HVT.mjs")).parseStory;
}
function cachedOutcome(real, entry, { writtenMs, checklists }) {
  let st;
  try {
    st = statSync3(real, { throwIfNoEntry: false });
  } catch {
    return null;
  }
  if (!st || !st.isFile() || !sameKey(st, entry[1]) || Math.max(st.mtimeMs, st.ctimeMs) + RACY_MS >= writtenMs) return null;
  try {
    return decodeOutcome(entry[2], checklists);
  } catch {
    return null;
  }
}
function readCache(absRoot, engine) {
  const file = readCacheFile(absRoot, CACHE_NAME);
  if (!file) return null;
  try {
    const data = JSON.parse(file.text);
    if (!isCacheFile(data) || data.format !== FORMAT || data.engine !== engine) return null;
    const entries = /* @__PURE__ */ new Map();
    for (const e of data.entries) {
      if (!isEntry(e)) return null;
      entries.set(e[0], e);
    }
    return { entries, writtenMs: Math.min(data.started, file.mtimeMs), checklists: data.checklists };
  } catch {
    return null;
  }
}
function isCacheFile(v) {
  if (v === null || typeof v !== "object") return false;
  const c = v;
  return typeof c.format === "number" && typeof c.engine === "string" && typeof c.started === "number" && typeof c.checklists === "string" && Array.isArray(c.entries);
}
function isEntry(v) {
  if (!Array.isArray(v) || v.length !== 3 || typeof v[0] !== "string" || !Array.isArray(v[1]) || !Array.isArray(v[2])) return false;
  const k = v[1];
  return k.length === 4 && k.every((n) => typeof n === "number");
}
function engineIdentity() {
  const build = buildIdentity();
  return build === null ? null : `${FORMAT}:${PARSER_VERSION}:${build}`;
}

// lib/adapters/fs/sprint-status-file.ts
import { existsSync, realpathSync as realpathSync3, statSync as statSync4 } from "node:fs";
import path4 from "node:path";
var SPRINT_STATUS_NAMES = ["sprint-status.yaml", "sprint-status.yml"];
var SPRINT_STATUS_DIRS = ["_bmad-output/implementation-artifacts", "docs/sprint-artifacts"];
var MAX_SPRINT_STATUS_BYTES = 4 * 1024 * 1024;
var toPosix3 = (p) => p.split(path4.sep).join("/");
function sprintStatusCandidates(storyDirs) {
  const out = [];
  const add = (dir) => {
    const d = path4.posix.normalize(dir === "" ? "." : dir);
    if (!relativeStaysInside(d === "." ? "" : d) || out.includes(d)) return;
    out.push(d);
  };
  for (const dir of storyDirs) {
    let d = path4.posix.normalize(dir);
    for (let up = 0; up < 3 && d !== "." && d !== ".." && !d.startsWith("../"); up++) {
      add(d);
      d = path4.posix.dirname(d);
    }
  }
  for (const d of SPRINT_STATUS_DIRS) add(d);
  return out;
}
function locateSprintStatus(root, storyDirs) {
  let realRoot = null;
  for (const dir of sprintStatusCandidates(storyDirs)) {
    for (const name of SPRINT_STATUS_NAMES) {
      const rel = dir === "." ? name : `${dir}/${name}`;
      const abs = path4.join(root, rel);
      if (!existsSync(abs)) continue;
      try {
        realRoot ??= realRootOf(root);
        if (statSync4(abs).isFile() && isInside(realRoot, realpathSync3(abs))) return toPosix3(rel);
      } catch {
      }
    }
  }
  return null;
}
function defaultStoryDirs(storiesDir) {
  if (storiesDir === void 0) return [...DEFAULT_STORY_DIRS];
  return typeof storiesDir === "string" ? [storiesDir] : [...storiesDir];
}
function readSprintStatus(root, rel) {
  const r = readSmallFile(path4.join(root, rel), { maxBytes: MAX_SPRINT_STATUS_BYTES, root });
  if ("problem" in r) return { problem: r.problem };
  return r.text === null ? null : { text: r.text };
}
async function writeSprintStatus(root, rel, text) {
  const abs = path4.resolve(root, rel);
  if (!isInside(path4.resolve(root), abs)) throw new Error(`Internal error: sprint status path ${rel} is outside the project`);
  const real = realpathSync3(abs);
  if (!isInside(realRootOf(root), real)) throw new Error(`Internal error: sprint status ${rel} resolves outside the project`);
  await writeFileAtomic(real, text);
}

// lib/engine/sprint-status.ts
async function governBySprintStatus(root, dirs, stories) {
  const path5 = locateSprintStatus(root, dirs);
  if (path5 === null) return { stories, sprint: null, warnings: [] };
  const read = readSprintStatus(root, path5);
  if (read === null) return { stories, sprint: null, warnings: [] };
  if ("problem" in read) {
    return { stories, sprint: null, warnings: [diag("invalid-sprint-status", `cannot read ${path5} (${read.problem}); story statuses are read from the story files instead`, path5)] };
  }
  const core = await import("./sprint-status-VOPDL46S.mjs");
  const parsed = core.parseSprintStatus(read.text, path5);
  if (!parsed.ok) return { stories, sprint: null, warnings: [parsed.error] };
  const match = core.matchSprintEntries(parsed.value, stories);
  const warnings = [...parsed.warnings, ...match.warnings];
  const out = stories.map((s) => {
    const entry = match.byStory.get(idKey(s.id));
    if (!entry) return s;
    const g = core.governedStory(s, entry, path5);
    if (g.warning) warnings.push(g.warning);
    return g.story;
  });
  const placeholders = match.placeholders.map((e) => core.placeholderStory(e, path5));
  return {
    stories: placeholders.length ? sortById([...out, ...placeholders], (s) => s.id) : out,
    sprint: { path: path5, byStory: match.byStory },
    warnings
  };
}
async function writeBackSprintStatus(root, storyId, status, sprint) {
  const binding = sprint === void 0 ? await findBinding(root) : sprint;
  const entry = binding?.byStory.get(idKey(storyId));
  if (!binding || !entry) return null;
  const { bmadStatusFor, setSprintStatus } = await import("./sprint-status-VOPDL46S.mjs");
  const value = bmadStatusFor(status);
  if (value === null) return null;
  const fail2 = (why) => diag("sprint-status-write", `story ${storyId} is ${status}, but ${binding.path} could not be updated (${why}); set ${entry.key}: ${value} there by hand`, binding.path, entry.line);
  try {
    const read = readSprintStatus(root, binding.path);
    if (read === null) return fail2("it is gone");
    if ("problem" in read) return fail2(read.problem);
    const updated = setSprintStatus(read.text, entry.key, value);
    if (updated === null) return fail2(`no plain "${entry.key}:" value under development_status`);
    if (updated !== read.text) await writeSprintStatus(root, binding.path, updated);
    return null;
  } catch (e) {
    return fail2(e.code ?? e.message);
  }
}
async function findBinding(root) {
  const { loadConfig: loadConfig2 } = await import("./load-config-RBGB6MWO.mjs");
  const { config } = await loadConfig2(root);
  if (locateSprintStatus(root, defaultStoryDirs(config.storiesDir)) === null) return null;
  const { loadProject: loadProject2 } = await import("./load-project-Z57YOY2I.mjs");
  return (await loadProject2(root)).sprint;
}

// lib/engine/load-project.ts
async function loadProject(root, cache = {}) {
  const { config, errors: configErrors, storiesDirLine } = await loadConfig(root, cache);
  const read = await loadStories(root, config.storiesDir, cache);
  const parsed = read.parsed;
  const skipped = [...read.skipped, ...parsed.skipped].sort((a, b) => a.path.localeCompare(b.path));
  const readErrors = config.storiesDir !== void 0 ? read.errors.map((d) => d.file === void 0 ? diag(d.code, d.message, CONFIG_FILE, storiesDirLine) : d) : read.errors;
  const errors = mergeDiags(configErrors, readErrors, parsed.errors);
  const governed = await governBySprintStatus(root, read.dirs.length > 0 ? read.dirs : defaultStoryDirs(config.storiesDir), parsed.stories);
  if (read.dirs.length > 0 && parsed.stories.length === 0 && !errors.some((d) => d.code === "no-stories")) {
    const where = read.dirs.join(", ");
    const seen = read.fileCount + read.skipped.length;
    errors.push(
      diag(
        "no-stories",
        `No stories found in ${where} (${seen} markdown file${seen === 1 ? "" : "s"} looked at, none is a story). A story file is named like 1.1.slug.md or starts with a heading like "# Story 1.1: Title"` + (config.storiesDir === void 0 ? `. If your stories are elsewhere, set storiesDir in ${CONFIG_FILE}` : "")
      )
    );
  }
  return {
    root,
    config,
    dirs: read.dirs,
    folders: read.folders,
    skippedFolders: read.skippedFolders,
    fileCount: read.fileCount,
    stories: governed.stories,
    skipped,
    errors: sortDiags(errors),
    warnings: mergeDiags(read.warnings, parsed.warnings, governed.warnings),
    sprint: governed.sprint
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

export {
  writeBackSprintStatus,
  loadProject,
  mergeDiags
};
