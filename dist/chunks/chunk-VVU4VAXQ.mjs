import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  keyOf
} from "./chunk-JHRD7746.mjs";
import {
  compareIds,
  idKey,
  isStoryId
} from "./chunk-KNNDJYLI.mjs";
import {
  diag,
  err,
  ok
} from "./chunk-EFR3LY5V.mjs";

// lib/core/scope.ts
var EXAMPLES = "valid forms: 1.1, 1.1-1.5, 1.*, epic:auth, 1.1 1.3";
function epicSlug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
}
function epicNames(stories) {
  const sets = /* @__PURE__ */ new Map();
  const seen = /* @__PURE__ */ new Set();
  const list = Array.isArray(stories) ? stories : [...stories];
  for (let i = 0; i < list.length; i++) {
    const epic = list[i].epic;
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
function invalid(raw, why) {
  return diag("invalid-scope", `Invalid scope "${raw}": ${why} (${EXAMPLES}).`);
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
  if (isStoryId(raw)) return { kind: "id", raw, id: raw };
  if (raw.includes("-")) {
    const dashes = [...raw.matchAll(/-/g)].map((m) => m.index);
    const at = dashes.find((i) => isStoryId(raw.slice(0, i)) && isStoryId(raw.slice(i + 1)));
    if (at === void 0) {
      const parts = raw.split("-");
      if (parts.length !== 2 || parts[0] === "" || parts[1] === "")
        return invalid(raw, 'a range needs one story id on each side of "-", e.g. 1.1-1.5');
    }
    const [from, to] = at === void 0 ? raw.split("-") : [raw.slice(0, at), raw.slice(at + 1)];
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
function termMatches(term, story, names, key) {
  switch (term.kind) {
    case "all":
      return true;
    case "id":
      return keyOf(term.id) === (key ?? keyOf(story.id));
    case "range":
      return compareIds(term.from, story.id) <= 0 && compareIds(story.id, term.to) <= 0;
    case "glob": {
      const k = key ?? keyOf(story.id);
      return k.length > term.prefix.length && k.charCodeAt(term.prefix.length) === 46 && k.startsWith(term.prefix);
    }
    case "epic":
      return epicMatches(term.name, story.epic, names);
  }
}
function compileScopePattern(pattern, epicNamesOf) {
  const parsed = parseScope([pattern]);
  if (!parsed.ok) return parsed;
  const terms = parsed.value;
  const names = typeof epicNamesOf === "function" ? terms.some((t) => t.kind === "epic") ? epicNamesOf() : void 0 : epicNamesOf;
  return ok((story, key) => {
    if (terms.length === 0) return true;
    for (let i = 0; i < terms.length; i++) if (termMatches(terms[i], story, names, key)) return true;
    return false;
  });
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
  const names = /* @__PURE__ */ new Set();
  for (const s of stories) {
    if (s.epic.number === "") {
      if (s.epic.name) names.add(s.epic.name);
    } else if (!seen.has(s.epic.number)) seen.set(s.epic.number, s.epic.name ? `${s.epic.number} (${s.epic.name})` : s.epic.number);
  }
  const all = [...[...seen.keys()].sort(compareIds).map((k) => seen.get(k) ?? k), ...[...names].sort()];
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
  const resolved = resolveScopeOrAll(args, stories);
  if (!resolved.ok) return resolved;
  return ok(resolved.value ?? new Set(stories.map((s) => keyOf(s.id))));
}
function resolveScopeOrAll(args, stories) {
  const parsed = parseScope(args);
  if (!parsed.ok) return parsed;
  const terms = parsed.value;
  if (terms.length === 0 || terms.some((t) => t.kind === "all")) return ok(null);
  const selected = /* @__PURE__ */ new Set();
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

export {
  epicSlug,
  epicNames,
  compileScopePattern,
  suggestIds,
  resolveScope,
  resolveScopeOrAll
};
