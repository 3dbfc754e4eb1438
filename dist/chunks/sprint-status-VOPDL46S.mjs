import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-N63WPBBS.mjs";
import {
  baseName
} from "./chunk-YFTCM4W6.mjs";
import "./chunk-WOOHVJRX.mjs";
import {
  ID_SUFFIX_SRC,
  epicOf,
  idKey,
  isStoryId,
  normalizeId
} from "./chunk-KNNDJYLI.mjs";
import {
  diag
} from "./chunk-EFR3LY5V.mjs";
import {
  __toESM
} from "./chunk-EGEKWWZA.mjs";

// lib/core/stories/sprint-status.ts
var import_yaml = __toESM(require_dist(), 1);
var EPIC_RE = /^epic-(\d+[a-z]?(?:\.\d+[a-z]?)*)$/i;
var RETRO_RE = /^epic-(\d+[a-z]?(?:\.\d+[a-z]?)*)-retro(?:spective)?$/i;
var STORY_KEY_RE = new RegExp(String.raw`^(\d+[a-z]?(?:\.\d+[a-z]?)*)(?:-(\d+[a-z]?))?(?:-(${ID_SUFFIX_SRC}))?(?:-|$)`, "i");
function idFromSprintKey(key) {
  const m = STORY_KEY_RE.exec(key);
  if (!m || m[2] === void 0 && m[3] === void 0) return null;
  const whole = m[2] === void 0 ? m[1] : `${m[1]}.${m[2]}`;
  const part = m[3] === void 0 ? "" : `-${m[3].charAt(0).toUpperCase()}${m[3].slice(1).toLowerCase()}`;
  const id = normalizeId(`${whole}${part}`);
  return isStoryId(id) ? id : null;
}
function entryKind(key) {
  if (EPIC_RE.test(key)) return "epic";
  if (RETRO_RE.test(key)) return "retrospective";
  return /^\d/.test(key) ? "story" : null;
}
function parseSprintStatus(text, path) {
  const lineCounter = new import_yaml.LineCounter();
  const doc = (0, import_yaml.parseDocument)(text, { lineCounter, prettyErrors: false, uniqueKeys: false, logLevel: "error" });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = lineCounter.linePos(e.pos[0]).line;
    return { ok: false, error: diag("invalid-sprint-status", `${path} is not valid YAML (${e.message.split("\n")[0]}); story statuses are read from the story files instead`, path, line) };
  }
  const contents = doc.contents;
  const status = (0, import_yaml.isMap)(contents) ? contents.get("development_status", true) : void 0;
  if (!(0, import_yaml.isMap)(status)) {
    return {
      ok: false,
      error: diag("invalid-sprint-status", `${path} has no development_status map (expected "development_status:" with one "key: status" line per epic and story); story statuses are read from the story files instead`, path, 1)
    };
  }
  const warnings = [];
  const entries = [];
  for (const pair of status.items) {
    const keyNode = pair.key;
    if (!(0, import_yaml.isScalar)(keyNode)) continue;
    const key = String(keyNode.source ?? keyNode.value).trim();
    const line = lineCounter.linePos(keyNode.range?.[0] ?? 0).line;
    const kind = entryKind(key);
    if (kind === null) continue;
    const v = pair.value;
    if (v !== null && !(0, import_yaml.isScalar)(v)) {
      warnings.push(diag("invalid-sprint-status", `${path}: "${key}" should have one status (backlog, ready-for-dev, in-progress, review, done); it is ignored`, path, line));
      continue;
    }
    const value = v === null || v.value === null ? "" : String(v.value).trim();
    entries.push({ key, value, line, kind, id: kind === "story" ? idFromSprintKey(key) : null });
  }
  const out = { path, entries };
  const loc = (0, import_yaml.isMap)(contents) ? contents.get("story_location") : void 0;
  if (typeof loc === "string") out.storyLocation = loc;
  return { ok: true, value: out, warnings };
}
var FROM_BMAD = /* @__PURE__ */ new Map([
  ["backlog", "Not Started"],
  ["drafted", "Not Started"],
  ["draft", "Not Started"],
  ["contexted", "Not Started"],
  ["ready-for-dev", "Not Started"],
  ["ready", "Not Started"],
  ["todo", "Not Started"],
  ["approved", "Not Started"],
  ["in-progress", "In Progress"],
  ["review", "Ready for Review"],
  ["in-review", "Ready for Review"],
  ["ready-for-review", "Ready for Review"],
  ["done", "Done"],
  ["completed", "Done"],
  ["complete", "Done"],
  ["blocked", "Blocked"],
  ["skipped", "Skipped"],
  ["cancelled", "Skipped"],
  ["canceled", "Skipped"]
]);
function statusFromBmad(value) {
  return FROM_BMAD.get(value.trim().toLowerCase().replace(/[\s_]+/g, "-")) ?? null;
}
function bmadStatusFor(status) {
  switch (status) {
    case "In Progress":
    case "Changes Requested":
      return "in-progress";
    case "Ready for Review":
    case "Approved":
      return "review";
    case "Done":
      return "done";
    case "Not Started":
    case "Failed":
    case "Blocked":
    case "Skipped":
      return null;
  }
}
function sprintKeyOfPath(path) {
  return baseName(path).replace(/\.story$/i, "").replace(/^story[-_.]?(?=\d)/i, "").toLowerCase();
}
function matchSprintEntries(sprint, stories) {
  const byName = /* @__PURE__ */ new Map();
  for (const e of sprint.entries) if (e.kind === "story" && !byName.has(e.key.toLowerCase())) byName.set(e.key.toLowerCase(), e);
  const byStory = /* @__PURE__ */ new Map();
  const taken = /* @__PURE__ */ new Set();
  const storyIds = /* @__PURE__ */ new Set();
  for (const s of stories) {
    const k = idKey(s.id);
    storyIds.add(k);
    const e = byName.get(sprintKeyOfPath(s.path));
    if (e && !taken.has(e) && !byStory.has(k)) {
      byStory.set(k, e);
      taken.add(e);
    }
  }
  const placeholders = [];
  const placeholderIds = /* @__PURE__ */ new Set();
  const warnings = [];
  for (const e of sprint.entries) {
    if (e.kind !== "story" || taken.has(e)) continue;
    if (e.id === null) {
      warnings.push(diag("sprint-status-entry", `${e.key} is the name of no story that was read, and spells no story id (expected {epic}-{story}-{title}, like 1-2-user-login); it is not planned`, sprint.path, e.line));
      continue;
    }
    const k = idKey(e.id);
    if (storyIds.has(k)) {
      if (!byStory.has(k)) {
        byStory.set(k, e);
        taken.add(e);
      } else {
        const other = byStory.get(k);
        warnings.push(diag("sprint-status-entry", `${e.key} and ${other.key} (line ${other.line}) both name story ${e.id}; ${other.key} governs it and this one is ignored`, sprint.path, e.line));
      }
      continue;
    }
    if (placeholderIds.has(k)) {
      warnings.push(diag("sprint-status-entry", `${e.key} names story ${e.id} again (with no story file); the first entry is kept`, sprint.path, e.line));
      continue;
    }
    placeholderIds.add(k);
    placeholders.push(e);
  }
  return { byStory, placeholders, warnings };
}
function titleOfKey(key) {
  const slug = key.replace(STORY_KEY_RE, "").replace(/[-_]+/g, " ").trim();
  return slug ? slug[0].toUpperCase() + slug.slice(1) : key;
}
function placeholderStory(entry, sprintPath) {
  const id = entry.id;
  return {
    id,
    idSource: "file-name",
    title: titleOfKey(entry.key),
    path: sprintPath,
    status: { raw: entry.value || null, normalized: statusFromBmad(entry.value) ?? "Not Started", line: entry.line },
    epic: { number: epicOf(id) },
    dependencies: { declared: false, refs: [] },
    blocks: [],
    acceptanceCriteria: [],
    tasks: [],
    technologies: [],
    overrides: {},
    placeholder: { line: entry.line }
  };
}
function governedStory(story, entry, sprintPath) {
  const sprint = statusFromBmad(entry.value);
  if (sprint === null) {
    const warning2 = diag(
      "sprint-status-entry",
      `${entry.key}: "${entry.value}" is not a status (expected backlog, ready-for-dev, in-progress, review or done); story ${story.id} keeps its file's status`,
      sprintPath,
      entry.line
    );
    return { story, warning: warning2 };
  }
  const governed = { ...story, status: { raw: entry.value, normalized: sprint } };
  const raw = story.status.raw;
  if (raw === null) return { story: governed, warning: null };
  const own = statusFromBmad(raw) ?? story.status.normalized;
  if (own === sprint) return { story: governed, warning: null };
  const where = story.status.line === void 0 ? story.path : `${story.path}:${story.status.line}`;
  const warning = diag(
    "status-mismatch",
    `story ${story.id}: ${where} says "${raw}" (${own}) but ${sprintPath}:${entry.line} says "${entry.value}" (${sprint}); the sprint status governs, so the plan uses ${sprint}. Update the story file, or the sprint status`,
    story.path,
    story.status.line
  );
  return { story: governed, warning };
}
function setSprintStatus(text, key, value) {
  const doc = (0, import_yaml.parseDocument)(text, { uniqueKeys: false, logLevel: "error" });
  if (doc.errors.length > 0 || !(0, import_yaml.isMap)(doc.contents)) return null;
  const status = doc.contents.get("development_status", true);
  if (!(0, import_yaml.isMap)(status)) return null;
  const pair = status.items.find((p) => (0, import_yaml.isScalar)(p.key) && String(p.key.source ?? p.key.value).trim() === key);
  const v = pair?.value;
  if (!pair || !(0, import_yaml.isScalar)(v) || !v.range) return null;
  const [start, end] = v.range;
  const old = text.slice(start, end);
  const quote = old.startsWith("'") || old.startsWith('"') ? old[0] : "";
  if (old.includes("\n")) return null;
  return text.slice(0, start) + quote + value + quote + text.slice(end);
}
export {
  bmadStatusFor,
  governedStory,
  idFromSprintKey,
  matchSprintEntries,
  parseSprintStatus,
  placeholderStory,
  setSprintStatus,
  sprintKeyOfPath,
  statusFromBmad
};
