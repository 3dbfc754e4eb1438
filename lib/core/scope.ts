// SCOPE arguments (`plan 1.1-1.5`, `1.*`, `epic:auth`, `1.1 1.3`, nothing = all) and the same
// matcher for config patterns (`foundation: ["0.*"]`, agent rules `stories:`), so a pattern
// means one thing everywhere. Parsing is separate from resolving: config patterns are matched
// story by story, CLI scopes are resolved against the whole set (and must match something).
import { diag, err, ok, type Diag, type Result } from "./diagnostics.js";
import { compareIds, idKey, isStoryId, type StoryId } from "./ids.js";
import type { ParsedStory } from "./model.js";
import { keyOf } from "./graph/id-order.js";

export type ScopeTerm =
  | { kind: "all"; raw: string }
  | { kind: "id"; raw: string; id: StoryId }
  | { kind: "range"; raw: string; from: StoryId; to: StoryId }
  /** `1.*`, `1.2.*`: every id under the prefix (key form, without the trailing "."). */
  | { kind: "glob"; raw: string; prefix: string }
  | { kind: "epic"; raw: string; name: string };

const EXAMPLES = "valid forms: 1.1, 1.1-1.5, 1.*, epic:auth, 1.1 1.3";

/** Lower-case, runs of anything but letters and digits become "-": "User Auth" → "user-auth". */
export function epicSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/**
 * Epic name slug → the keys of the epic numbers whose stories declare that name (sorted by id).
 * Files name their epic unevenly (1.1 says `**Epic:** Core`, 1.5 says nothing), so a name,
 * once any story of epic N declares it, names the whole epic N: `epic:core` = `epic:1`. When
 * two numbers claim one name, the name names both. Stories without an epic number (ccpm) are
 * matched by their own name only. Scopes, config patterns and `Epic X` references all use this.
 */
export type EpicNames = ReadonlyMap<string, readonly string[]>;

export function epicNames(stories: Iterable<Pick<ParsedStory, "epic">>): EpicNames {
  const sets = new Map<string, Set<string>>();
  const seen = new Set<string>(); // "number\0name" pairs: a few dozen, not one per story
  // An indexed loop over 10,000 stories: most have no epic name, and the check is all they cost.
  const list = Array.isArray(stories) ? (stories as readonly Pick<ParsedStory, "epic">[]) : [...stories];
  for (let i = 0; i < list.length; i++) {
    const epic = list[i]!.epic;
    if (epic.name === undefined || !isStoryId(epic.number)) continue;
    const pair = `${epic.number}\0${epic.name}`;
    if (seen.has(pair)) continue;
    seen.add(pair);
    const slug = epicSlug(epic.name);
    if (slug === "") continue;
    let set = sets.get(slug);
    if (!set) sets.set(slug, (set = new Set()));
    set.add(idKey(epic.number));
  }
  const out = new Map<string, string[]>();
  for (const [slug, set] of sets) out.set(slug, [...set].sort(compareIds));
  return out;
}

/**
 * Does `query` (an epic number, name or slug, any case) name this epic? With `names`, a name
 * also selects every story of the epic numbers that declare it (see EpicNames).
 */
export function epicMatches(query: string, epic: ParsedStory["epic"], names?: EpicNames): boolean {
  const q = query.trim();
  if (isStoryId(q) && isStoryId(epic.number) && idKey(q) === idKey(epic.number)) return true;
  const slug = epicSlug(q);
  if (slug === "") return false;
  if (epicSlug(epic.number) === slug || (epic.name !== undefined && epicSlug(epic.name) === slug)) return true;
  const numbers = names?.get(slug);
  return numbers !== undefined && isStoryId(epic.number) && numbers.includes(idKey(epic.number));
}

/** Splits arguments into terms: commas and spaces separate, but `epic:` keeps its whole arg. */
function tokenize(args: readonly string[]): string[] {
  const tokens: string[] = [];
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

function invalid(raw: string, why: string): Diag {
  return diag("invalid-scope", `Invalid scope "${raw}": ${why} (${EXAMPLES}).`);
}

function parseTerm(raw: string): ScopeTerm | Diag {
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
  // `UGM-1.2` is an id (a namespace); `1.1-1.5` and `UGM-1.1-UGM-1.5` are ranges.
  if (isStoryId(raw)) return { kind: "id", raw, id: raw };
  if (raw.includes("-")) {
    const dashes = [...raw.matchAll(/-/g)].map((m) => m.index);
    const at = dashes.find((i) => isStoryId(raw.slice(0, i)) && isStoryId(raw.slice(i + 1)));
    if (at === undefined) {
      const parts = raw.split("-");
      if (parts.length !== 2 || parts[0] === "" || parts[1] === "")
        return invalid(raw, 'a range needs one story id on each side of "-", e.g. 1.1-1.5');
    }
    const [from, to] = at === undefined ? (raw.split("-") as [string, string]) : [raw.slice(0, at), raw.slice(at + 1)];
    for (const end of [from, to]) if (!isStoryId(end)) return invalid(raw, `"${end}" is not a story id`);
    if (compareIds(from, to) > 0) return invalid(raw, `the range runs backwards; write ${to}-${from}`);
    return { kind: "range", raw, from, to };
  }
  if (isStoryId(raw)) return { kind: "id", raw, id: raw };
  return invalid(raw, "not a story id, range, glob or epic");
}

/** Parses SCOPE arguments or a config pattern. No terms at all means "everything". */
export function parseScope(args: readonly string[]): Result<ScopeTerm[], Diag[]> {
  const terms: ScopeTerm[] = [];
  const errors: Diag[] = [];
  for (const token of tokenize(args)) {
    const t = parseTerm(token);
    if ("code" in t) errors.push(t);
    else terms.push(t);
  }
  return errors.length > 0 ? err(errors) : ok(terms);
}

/** `key`: the story's idKey, when the caller has it at hand. */
export function termMatches(term: ScopeTerm, story: Pick<ParsedStory, "id" | "epic">, names?: EpicNames, key?: string): boolean {
  switch (term.kind) {
    case "all":
      return true;
    case "id":
      return keyOf(term.id) === (key ?? keyOf(story.id));
    case "range":
      return compareIds(term.from, story.id) <= 0 && compareIds(story.id, term.to) <= 0;
    case "glob": {
      // keyOf(story.id).startsWith(`${term.prefix}.`), without building that string per story.
      const k = key ?? keyOf(story.id);
      return k.length > term.prefix.length && k.charCodeAt(term.prefix.length) === 46 && k.startsWith(term.prefix);
    }
    case "epic":
      return epicMatches(term.name, story.epic, names);
  }
}

/**
 * A compiled pattern for matching many stories; an empty pattern matches every story. Pass the
 * project's epic names (or how to get them) so `epic:NAME` selects what `epic:N` selects (see
 * EpicNames), and the story's idKey as `key` when it is at hand (it is not computed again).
 */
export function compileScopePattern(
  pattern: string,
  epicNamesOf?: EpicNames | (() => EpicNames),
): Result<(story: Pick<ParsedStory, "id" | "epic">, key?: string) => boolean, Diag[]> {
  const parsed = parseScope([pattern]);
  if (!parsed.ok) return parsed;
  const terms = parsed.value;
  // A function: the names are worked out (a pass over every story) only for an `epic:` term.
  const names = typeof epicNamesOf === "function" ? (terms.some((t) => t.kind === "epic") ? epicNamesOf() : undefined) : epicNamesOf;
  return ok((story, key) => {
    if (terms.length === 0) return true;
    for (let i = 0; i < terms.length; i++) if (termMatches(terms[i]!, story, names, key)) return true;
    return false;
  });
}

/** For config patterns (`foundation`, agent rules). An invalid pattern matches nothing. */
export function matchesScopePattern(pattern: string, story: Pick<ParsedStory, "id" | "epic">, names?: EpicNames): boolean {
  const compiled = compileScopePattern(pattern, names);
  return compiled.ok && compiled.value(story);
}

/** Edit distance with adjacent transpositions counted as one edit ("1.01" ↔ "1.10"). */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row[j] = j;
        continue;
      }
      let d = Math.min((rows[i - 1]![j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (rows[i - 1]![j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (rows[i - 2]![j - 2] ?? 0) + 1);
      row[j] = d;
    }
    rows.push(row);
  }
  return rows[a.length]![b.length] ?? 0;
}

function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;
}

/**
 * Up to three ids near `id`, deterministic: the nearest id below and above it in id order
 * first (9.9 → 3.3 when 3.3 is the last story), then one-edit typos (1.1O or 1.01 → 1.10,
 * nearest in id order first), then further neighbours, nearest first (3.2, 3.1).
 * `sortedIds` is in compareIds order.
 */
export function suggestIds(id: StoryId, sortedIds: readonly StoryId[]): StoryId[] {
  let lo = 0;
  let hi = sortedIds.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareIds(sortedIds[mid] ?? "", id) < 0) lo = mid + 1;
    else hi = mid;
  }
  const picks: StoryId[] = [];
  const add = (s: StoryId | undefined): void => {
    if (s !== undefined && !picks.includes(s) && picks.length < 3) picks.push(s);
  };
  // Below: lo-1, lo-2, ...; above: lo, lo+1, ... (an exact match, if any, sits at lo).
  add(sortedIds[lo - 1]);
  add(sortedIds[lo]);
  const typed = id.toLowerCase();
  const key = idKey(id);
  const distanceFromQuery = (i: number): number => (i < lo ? lo - 1 - i : i - lo);
  const typos = sortedIds
    .map((s, i) => ({ s, i, d: Math.min(editDistance(typed, s.toLowerCase()), editDistance(key, idKey(s))) }))
    .filter((c) => c.d <= 1)
    .sort((a, b) => a.d - b.d || distanceFromQuery(a.i) - distanceFromQuery(b.i) || a.i - b.i);
  for (const c of typos) add(c.s);
  for (let step = 1; picks.length < 3 && (lo - 1 - step >= 0 || lo + step < sortedIds.length); step++) {
    add(sortedIds[lo - 1 - step]);
    add(sortedIds[lo + step]);
  }
  return picks;
}

function listEpics(stories: readonly ParsedStory[]): string {
  const seen = new Map<string, string>();
  const names = new Set<string>(); // epics with a name and no number (ccpm folders)
  for (const s of stories) {
    if (s.epic.number === "") {
      if (s.epic.name) names.add(s.epic.name);
    } else if (!seen.has(s.epic.number)) seen.set(s.epic.number, s.epic.name ? `${s.epic.number} (${s.epic.name})` : s.epic.number);
  }
  const all = [...[...seen.keys()].sort(compareIds).map((k) => seen.get(k) ?? k), ...[...names].sort()];
  return all.length > 10 ? `${all.slice(0, 10).join(", ")}, ...` : all.join(", ");
}

function noMatch(term: ScopeTerm, stories: readonly ParsedStory[], sortedIds: readonly StoryId[]): Diag {
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

/**
 * Resolves SCOPE arguments to the idKeys of the stories they name. Every term must match at
 * least one story: a typo is an error with suggestions, not an empty plan.
 */
export function resolveScope(args: readonly string[], stories: readonly ParsedStory[]): Result<Set<string>, Diag[]> {
  const resolved = resolveScopeOrAll(args, stories);
  if (!resolved.ok) return resolved;
  return ok(resolved.value ?? new Set(stories.map((s) => keyOf(s.id))));
}

/** resolveScope, with null for "every story" (no terms, or `*`): no set of every key is built. */
export function resolveScopeOrAll(args: readonly string[], stories: readonly ParsedStory[]): Result<Set<string> | null, Diag[]> {
  const parsed = parseScope(args);
  if (!parsed.ok) return parsed;
  const terms = parsed.value;
  if (terms.length === 0 || terms.some((t) => t.kind === "all")) return ok(null);
  const selected = new Set<string>();
  const byKey = new Map<string, ParsedStory>();
  for (const s of stories) byKey.set(keyOf(s.id), s);
  const names = terms.some((t) => t.kind === "epic") ? epicNames(stories) : undefined;
  const errors: Diag[] = [];
  let sortedIds: StoryId[] | undefined;
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
