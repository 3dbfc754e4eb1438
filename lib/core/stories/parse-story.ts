// One story file's text → ParsedStory. Pure: the fs adapter has already read the file.
// Id: front matter `id:` > `# Story 1.2: Title` heading > file name; a disagreement with the
// name is an `id-mismatch` warning (the name is the weakest source: `0-5-7-72-hour-alerts.md`).
// Except ccpm tasks (`.claude/epics/<epic>/<N>.md`): there the file name IS the id (the GitHub
// issue number after a sync), and a `# Task 004` heading or `id:` gives the task's local number
// from before the sync, kept as `localId` for github-mapping.md (ccpm-refs.ts).
import { YAMLParseError } from "yaml";
import { AGENT_NAME_RE } from "../config/vocabulary.js";
import { diag, type Diag } from "../diagnostics.js";
import { memoize } from "../memoize.js";
import { epicOf, ID_SUFFIX_SRC, isStoryId } from "../ids.js";
// Memoised idKey: ids repeat across a project (fast path, same results).
import { keyOf } from "../graph/id-order.js";
import type { ChecklistItem, DepRef, ParsedStory, SkippedFile, SourceFile, StoryStatus } from "../model.js";
import { dedupeRefs, extractDependencies, pushAll, refsIn } from "./dependencies.js";
import { baseName, identifyFile, idFromBaseName, idFromFileName, titleNamesNoDocument, type NameId } from "./identify.js";
import { quoteColonValues } from "./lenient-front-matter.js";
import { FRONT_MATTER_START_RE, frontMatterClosed, splitFrontMatter, type FrontMatterSplit } from "./front-matter.js";
import { TOML_FRONT_MATTER_START_RE, TomlFrontMatterError, splitTomlFrontMatter, type TomlSplit } from "./toml-front-matter.js";
import {
  headingKey,
  isSpace,
  labelValue,
  leadingChars,
  LINE_TERMINATOR_RE,
  plainText,
  scanBody,
  unlink,
  type ScannedLines,
} from "./markdown.js";
import { normalId } from "./normal-id.js";
import { detectTechnologies } from "./technologies.js";
import { findStatus, normalizeStatus } from "./story-status.js";

export { normalizeStatus };
import { ccpmEpicFolder, isGithubMapping, readCcpmMapping, type CcpmFolder, type CcpmMapping } from "./ccpm.js";

export type StoryParse =
  | {
      kind: "story";
      story: ParsedStory;
      /** File line the id came from (front matter key or heading); undefined for a file-name id. */
      idLine: number | undefined;
      /** ccpm: the number the heading or front matter gives when the file name says otherwise. */
      localId?: string;
      /**
       * Why the file is a companion document when another file has its id: its name says so
       * (`STORY-027-context.md`), but its heading names it the story (`# STORY-027: ...`).
       * combineParses skips it with this reason then, and keeps it as the story when it is alone.
       */
      companion?: string;
      warnings: Diag[];
      errors: Diag[];
    }
  | {
      kind: "skipped";
      skipped: SkippedFile;
      /** ccpm github-mapping.md: the epic's local task numbers and their GitHub issue numbers. */
      ccpmMapping?: CcpmMapping;
    }
  | {
      kind: "failed";
      errors: Diag[];
      warnings: Diag[];
      /** The id the file name gives, if any: the plan sets that story aside, with its dependents. */
      id?: string;
    };

// Front matter is parsed by the `yaml` package with the failsafe schema (./front-matter.ts):
// every scalar stays the string the author wrote, so `id: 1.10` is "1.10" (not the number 1.1)
// and `depends_on: [013]` keeps its digits.

interface FrontMatter {
  data: Record<string, unknown>;
  /** 1-based file line of each top-level key. */
  keyLines: Map<string, number>;
  /** Lines of the raw front matter block (index i = file line i + 1). */
  lines: string[];
  /** What was read leniently (a value with ": " quoted), said at its line. */
  warnings?: Diag[];
}

type MatterResult = { ok: true; fm: FrontMatter | null; body: string; bodyOffset: number } | { ok: false; error: Diag };

function readFrontMatter(path: string, text: string): MatterResult {
  if (TOML_FRONT_MATTER_START_RE.test(text)) return readTomlFrontMatter(path, text);
  if (!FRONT_MATTER_START_RE.test(text)) return { ok: true, fm: null, body: text, bodyOffset: 0 };
  // Unclosed, the story would lose its heading and dependencies to the YAML without a word.
  if (!frontMatterClosed(text)) {
    return {
      ok: false,
      error: diag("invalid-front-matter", "Front matter opened by `---` on line 1 is never closed: add a `---` line after it (or remove line 1 if it is not front matter)", path, 1),
    };
  }
  let file: FrontMatterSplit;
  let warnings: Diag[] = [];
  try {
    file = splitFrontMatter(text);
  } catch (e) {
    const lenient = e instanceof YAMLParseError ? readWithQuotedValues(path, text) : null;
    if (!lenient) return { ok: false, error: yamlError(path, text, e) };
    ({ file, warnings } = lenient);
  }
  const data: unknown = file.data;
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return {
      ok: false,
      error: diag("invalid-front-matter", "Front matter must be a mapping of keys (e.g. `id: 1.2`)", path, 2),
    };
  }
  const lines = file.matter.split("\n");
  const keyLines = new Map<string, number>();
  lines.forEach((l, i) => {
    const m = /^([A-Za-z_][\w-]*)\s*:/.exec(l);
    if (m && !keyLines.has(m[1]!)) keyLines.set(m[1]!, i + 1);
  });
  const body = file.content;
  const prefix = text.slice(0, text.length - body.length);
  const bodyOffset = body === "" ? text.split("\n").length : prefix.split("\n").length - 1;
  const fm: FrontMatter = { data: data as Record<string, unknown>, keyLines, lines };
  if (warnings.length > 0) fm.warnings = warnings;
  return { ok: true, fm, body, bodyOffset };
}

/**
 * The YAML error at its file line. The package's message ends with ` at line 6, column 12:` and
 * an excerpt on the lines after it; the line is the diagnostic's, so the message names the column
 * and quotes the line instead.
 */
function yamlError(path: string, text: string, e: unknown): Diag {
  const line = e instanceof YAMLParseError ? e.linePos?.[0]?.line : undefined;
  let why = e instanceof Error ? e.message.split("\n")[0]! : String(e);
  const at = / at line \d+, column (\d+):?$/.exec(why);
  const written = line === undefined ? undefined : text.split("\n")[line - 1]?.replace(/\r$/, "");
  if (at && written !== undefined && written.trim() !== "") {
    const shown = written.length > 120 ? `${written.slice(0, 117)}...` : written;
    why = `${why.slice(0, at.index)}, at column ${at[1]!} of "${shown}"`;
  }
  return diag("invalid-front-matter", `Front matter is not valid YAML: ${why}`, path, line);
}

/**
 * The front matter read with each top-level value that holds ": " quoted (./lenient-front-matter.ts),
 * when that makes it valid YAML; a warning at each line quoted. Null when it does not help.
 */
function readWithQuotedValues(path: string, text: string): { file: FrontMatterSplit; warnings: Diag[] } | null {
  const all = text.split("\n");
  const close = all.findIndex((l, i) => i > 0 && l.startsWith("---"));
  if (close < 0) return null;
  const fixed = quoteColonValues(all.slice(1, close).map((l) => l.replace(/\r$/, "")));
  if (!fixed) return null;
  let file: FrontMatterSplit;
  try {
    file = splitFrontMatter([all[0]!, ...fixed.lines, ...all.slice(close)].join("\n"));
  } catch {
    return null;
  }
  const warnings = fixed.quoted.map((q) =>
    diag(
      "invalid-front-matter",
      `Front matter line ${q.line + 1}: the value of "${q.key}" holds ": ", which YAML does not allow unquoted; read as the text "${q.value.length > 80 ? `${q.value.slice(0, 77)}...` : q.value}". Put it in quotes, or if two lines were joined, put the second key on its own line`,
      path,
      q.line + 1,
    ),
  );
  return { file, warnings };
}

/** `+++` front matter (./toml-front-matter.ts), handed on in the shape the YAML side gives. */
function readTomlFrontMatter(path: string, text: string): MatterResult {
  let split: TomlSplit | null;
  try {
    split = splitTomlFrontMatter(text);
  } catch (e) {
    if (!(e instanceof TomlFrontMatterError)) throw e;
    return { ok: false, error: diag("invalid-front-matter", `Front matter (TOML, between +++ lines) line ${e.line}: ${e.message}`, path, e.line) };
  }
  if (split === null) {
    return {
      ok: false,
      error: diag("invalid-front-matter", "Front matter opened by `+++` on line 1 is never closed: add a `+++` line after it", path, 1),
    };
  }
  const keyLines = new Map<string, number>();
  split.lines.forEach((l, i) => {
    const m = /^\s*([A-Za-z0-9_-]+)\s*=/.exec(l);
    if (m && !keyLines.has(m[1]!)) keyLines.set(m[1]!, i + 2);
  });
  return { ok: true, fm: { data: split.data, keyLines, lines: split.lines }, body: split.content, bodyOffset: split.lines.length + 2 };
}

function fmString(fm: FrontMatter | null, key: string): string | undefined {
  const v = fm?.data[key];
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

// ---- status (read by ./story-status.ts) ----

// Memoised: a project's stories share a handful of statuses ("Draft", "Done", ...).
const statusOf: (raw: string) => StoryStatus = memoize(normalizeStatus, 10_000);

// ---- heading, title, epic ----

/**
 * A heading id that is only the first parts of the file name's id (`7` in 7-1-arkit-video.md)
 * names the epic, not the story: the file name's id wins. Not when the heading picks one of an
 * ambiguous name's readings (`0.5.7` in 0-5-7-72-hour-alerts.md): then the heading decides.
 */
function headingIsNamePrefix(headingId: string, name: { id: string; candidates: readonly string[] }): boolean {
  const a = keyOf(headingId).split(".");
  const b = keyOf(name.id).split(".");
  return a.length < b.length && a.every((p, i) => p === b[i]) && !name.candidates.some((c) => keyOf(c) === keyOf(headingId));
}

// A heading id has the forms a file-name id has: dotted (`1.2`, `4.2.2a`) or dashed (`35-2`,
// `7-1-slug`: BMAD v6 writes the file name's key into the heading). A dash joins two parts only
// when a digit follows it, so `Story 4 - End-to-End` is story 4 titled "End-to-End".
// A namespace comes before the number (`# Story UGM-1.2: ...`, `# STORY-029: ...`); after the
// word Story it may be in any case, alone it must be in capitals (`# US-021: Export`), as in file
// names: `# Phase-2 plan` is no story.
// A part of the story may follow the number (`# Story 6.2-P10: ...`, `# Story 6-2-P1: ...`; ids.ts).
const HEADING_ID_RE = new RegExp(
  String.raw`^(?:story|task|issue)(?:\s*#?\s*|-)((?:[A-Za-z][A-Za-z0-9]{0,15}-(?=\d))?\d+[A-Za-z]?(?:(?:\.|-(?=\d))\d+[A-Za-z]?)*(?:-${ID_SUFFIX_SRC})?)(?![A-Za-z0-9])\s*[:.\-–—]?\s*(.*)$`,
  "i",
);
const BARE_HEADING_ID_RE = new RegExp(
  String.raw`^((?:[A-Z][A-Z0-9]{0,15}-(?=\d))?\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)+(?:-${ID_SUFFIX_SRC})?|[A-Z][A-Z0-9]{0,15}-\d+[A-Za-z]?)(?![A-Za-z0-9])\s*[:.\-–—]?\s*(.*)$`,
);

/** `35-2` → `35.2`, `UGM-1-2` → `UGM-1.2`: a dash between two numbers joins parts; the namespace's stays. */
function dashedToDotted(id: string): string {
  return id.replace(/(\d[A-Za-z]?)-(?=\d)/g, "$1.");
}

interface HeadingInfo {
  text: string;
  line: number;
  id?: string;
  title?: string;
}

function firstH1(scan: ScannedLines, offset: number): HeadingInfo | null {
  const { fenced, headings, count } = scan;
  for (let i = 0; i < count; i++) {
    if (fenced[i]) continue;
    const h = headings[i];
    if (h && h.level === 1) {
      const text = plainText(unlink(h.text));
      const m = HEADING_ID_RE.exec(text) ?? BARE_HEADING_ID_RE.exec(text);
      const info: HeadingInfo = { text, line: offset + i + 1 };
      if (m) {
        info.id = dashedToDotted(m[1]!);
        if (m[2]!.trim() !== "") info.title = m[2]!.trim();
      }
      return info;
    }
  }
  return null;
}

/** "Epic 5 - Web Dashboard", "4 - End-to-End Testing", "Authentication" → the name ("" if none). */
const epicNameOf: (value: string) => string = memoize(
  // Memoised: the stories of an epic all give the same value.
  (value) =>
    plainText(unlink(value))
      .replace(/^(?:epic\s*)?#?\d+[A-Za-z]?(?:\.\d+)*\s*(?:[-–—:]\s*)?/i, "")
      .trim(),
  10_000,
);

/** `**Epic:** 5 - Web Dashboard` up to its ":" (labelValue reads the value). */
const EPIC_LABEL_RE = /^\s*(?:[-*]\s+)?\**Epic\**\s*:/i;

function findEpicName(scan: ScannedLines): string | undefined {
  const { fenced, count } = scan;
  for (let i = 0; i < count; i++) {
    if (fenced[i] || !scan.startsWithLabel(i, "epic")) continue;
    const value = labelValue(scan.line(i), EPIC_LABEL_RE);
    if (value !== null) {
      const name = epicNameOf(value);
      return name === "" ? undefined : name;
    }
  }
  return undefined;
}

// ---- acceptance criteria, tasks ----

type ChecklistKind = "ac" | "tasks" | null;

/** Which checklist a section heading (by headingKey) opens; null for any other section. */
function checklistKind(key: string): ChecklistKind {
  if (key.startsWith("acceptance criteria")) {
    return /^acceptance criteria\b/.test(key) && !/\b(review|validation|verification|assessment|summary)\b/.test(key) ? "ac" : null;
  }
  // Tasks section names start with "t", "s", "i" or "d".
  const c = key.length > 0 ? key.charCodeAt(0) : 0;
  if (c !== 116 && c !== 115 && c !== 105 && c !== 100) return null;
  return /^(tasks?|subtasks|tasks ?\/ ?subtasks|implementation tasks|dev tasks|task list)\b/.test(key) ? "tasks" : null;
}

/**
 * Offset in the body of the `[` of a checkbox item line (`- [ ] text`, `1. [x] text`) that
 * `^\s*(?:[-*+]|\d+[.)])\s+\[([ xX])\]\s+` starts, or -1: read by hand, without a line string or
 * match object for every item. (The caller checks the `(.*)$` that follows.)
 */
function checkboxAt(scan: ScannedLines, i: number): number {
  const { text } = scan;
  const end = scan.end(i);
  let k = scan.start(i);
  while (k < end && isSpace(text.charCodeAt(k))) k++;
  if (k === end) return -1;
  const c = text.charCodeAt(k);
  if (c === 45 || c === 42 || c === 43) k++; // - * +
  else if (c >= 48 && c <= 57) {
    while (k < end && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
    if (k === end || (text.charCodeAt(k) !== 46 && text.charCodeAt(k) !== 41)) return -1; // . )
    k++;
  } else return -1;
  const bullet = k;
  while (k < end && isSpace(text.charCodeAt(k))) k++;
  if (k === bullet || end - k < 4) return -1; // whitespace, then "[", the mark, "]", whitespace
  const mark = text.charCodeAt(k + 1);
  if (text.charCodeAt(k) !== 91 || text.charCodeAt(k + 2) !== 93 || !isSpace(text.charCodeAt(k + 3))) return -1;
  return mark === 32 || mark === 120 || mark === 88 ? k : -1; // " ", x, X
}

/**
 * `^ ?(\d+)[.)]\s+(.*)$` with the `\s+` atomic (a look-ahead, then its text): giving spaces back
 * to `(.*)` cannot help it past a line terminator, and trying every share of a long run was
 * quadratic. The item text is group 3.
 */
const NUMBERED_ITEM_RE = /^ ?(\d+)[.)](?=(\s+))\2(.*)$/;

// First characters of a bold pseudo-heading, a checkbox item and a numbered item (pre-checks).
const BOLD_START = leadingChars("*");
const BOX_START = leadingChars("-*+0123456789");
const NUMBER_START = leadingChars("0123456789");

function checklists(scan: ScannedLines, offset: number): { ac: ChecklistItem[]; tasks: ChecklistItem[] } {
  const { fenced, headings, count } = scan;
  const ac: ChecklistItem[] = [];
  const tasks: ChecklistItem[] = [];
  let kind: ChecklistKind = null;
  let level = 0; // heading level of the current section; 7 for a bold pseudo-heading
  for (let i = 0; i < count; i++) {
    if (fenced[i]) continue;
    const h = headings[i] ?? null;
    const bold =
      h || !scan.leadingCharIn(i, BOLD_START) || !scan.endsBold(i) ? null : /^\*\*([^*]+?)\*\*:?\s*$/.exec(scan.line(i).trim());
    if (h || bold) {
      const lvl = h ? h.level : 7;
      if (kind !== null && lvl > level) {
        // A sub-heading ("### AC1: WebSocket Connection") or bold label inside the section stays
        // in it; in Acceptance Criteria a sub-heading is itself a criterion.
        if (h && kind === "ac") ac.push({ text: plainText(h.text), done: false, line: offset + i + 1 });
        continue;
      }
      const opens = checklistKind(h ? h.key : headingKey(bold![1]!));
      if (opens !== null) {
        kind = opens;
        level = lvl;
      } else if (h || kind !== null) {
        kind = null;
      }
      continue;
    }
    if (kind === null) continue;
    const box = scan.leadingCharIn(i, BOX_START) ? checkboxAt(scan, i) : -1;
    if (box >= 0) {
      // The text after the box and whitespace: `(.*)$`, so a line terminator in it is no item.
      let from = box + 4;
      while (from < scan.end(i) && isSpace(scan.text.charCodeAt(from))) from++;
      const rest = scan.text.slice(from, scan.end(i));
      if (!scan.terminatorsInLines || !LINE_TERMINATOR_RE.test(rest)) {
        const item = { text: plainText(rest), done: scan.text.charCodeAt(box + 1) !== 32, line: offset + i + 1 };
        (kind === "ac" ? ac : tasks).push(item);
        continue;
      }
    }
    if (kind === "ac") {
      const num = scan.leadingCharIn(i, NUMBER_START) ? NUMBERED_ITEM_RE.exec(scan.line(i)) : null;
      if (num) ac.push({ text: plainText(num[3]!), done: false, line: offset + i + 1 });
    }
  }
  return { ac, tasks };
}

// ---- front-matter dependencies ----

/** Front matter keys that list dependencies, lower-cased (Dutch `Afhankelijkheden: [US-009]`). */
const FM_DEPENDENCY_KEYS = new Set(["dependencies", "depends_on", "dependson", "depends-on", "afhankelijkheden", "dépendances", "依赖", "前置依赖"]);

function frontMatterDeps(fm: FrontMatter): { refs: DepRef[]; line: number; unread: { token: string; line: number }[] } | null {
  for (const key of Object.keys(fm.data)) {
    if (!FM_DEPENDENCY_KEYS.has(key.toLowerCase())) continue;
    const keyLine = fm.keyLines.get(key) ?? 1;
    const v = fm.data[key];
    const items: { text: string; line: number }[] = [];
    if (Array.isArray(v)) {
      // Block lists put one item per line; find each item's own line when we can.
      let cursor = keyLine; // keyLine is 1-based; fm.lines[keyLine] is the next line
      for (const item of v) {
        const text = typeof item === "string" ? item : "";
        let line = keyLine;
        for (let j = cursor; j < fm.lines.length; j++) {
          if (/^\s*-\s/.test(fm.lines[j]!) && fm.lines[j]!.includes(text)) {
            line = j + 1;
            cursor = j + 1;
            break;
          }
          if (/^\S/.test(fm.lines[j]!)) break;
        }
        items.push({ text, line });
      }
    } else if (typeof v === "string") {
      for (const part of v.split(",")) items.push({ text: part, line: keyLine });
    }
    const refs: DepRef[] = [];
    const unread: { token: string; line: number }[] = [];
    for (const item of items) {
      const t = item.text.trim();
      if (t === "" || /^(none|n\/a|-)$/i.test(t)) continue;
      const found = refsIn(t, item.line, "value");
      if (found.refs.length > 0) {
        pushAll(refs, found.refs);
        for (const token of found.unread) unread.push({ token, line: item.line });
        continue;
      }
      // A non-list value ("auth 1.2") is read as prose; quote it as written, not as "Story ...".
      const prose = refsIn(`Story ${t}`, item.line, "prose");
      // A front-matter dependency key lists dependencies: a note's subject is one too here.
      for (const r of [...prose.refs, ...prose.later]) refs.push({ ...r, raw: t });
      for (const token of prose.unread) unread.push({ token, line: item.line });
    }
    return { refs: dedupeRefs(refs), line: keyLine, unread };
  }
  return null;
}

// Dutch too, as Definitie-app writes them (`priority: GEMIDDELD`).
const PRIORITY_WORDS: Record<string, number> = {
  critical: 0, highest: 0, high: 1, medium: 2, normal: 2, low: 3, lowest: 4,
  kritiek: 0, hoog: 1, gemiddeld: 2, normaal: 2, laag: 3,
};

function parsePriority(v: string): number | null {
  const t = v.trim().toLowerCase();
  if (/^\d+$/.test(t)) return Number(t);
  const p = /^p(\d)$/.exec(t);
  if (p) return Number(p[1]);
  return PRIORITY_WORDS[t] ?? null;
}

function slugTitle(path: string, name: NameId | null): string {
  const base = baseName(path).replace(/\.story$/i, "");
  const slug = name?.slug || base;
  return slug.replace(/[-_.]+/g, " ").trim();
}

function ccpmEpic(path: string): string | undefined {
  return ccpmEpicFolder(path)?.epic;
}

/**
 * `text` with a "\r" that ends a line on its own made a "\n". CommonMark (and an editor numbering
 * lines) ends a line at "\r\n", "\r" or "\n"; the readers below end one at "\n" (taking a "\r"
 * before it with it), so a classic Mac file was one long line. Each lone "\r" becomes one "\n":
 * every line number stays the editor's. Files without one (nearly all, CRLF ones included) are
 * returned as they are: a replace on every CRLF file cost more than its lines save later.
 */
function normalizeLoneCr(text: string): string {
  for (let cr = text.indexOf("\r"); cr >= 0; cr = text.indexOf("\r", cr + 1)) {
    if (text.charCodeAt(cr + 1) !== 10) return text.replace(/\r\n?/g, "\n");
  }
  return text;
}

/** A file that is no usable story, with the id its name gives (its dependents wait for it). */
function failed(path: string, errors: Diag[], warnings: Diag[]): StoryParse {
  const id = idFromFileName(path)?.id;
  return id === undefined ? { kind: "failed", errors, warnings } : { kind: "failed", errors, warnings, id };
}

/**
 * ccpm's `parallel: false` and `conflicts_with: [12, 14]` (ids read as front-matter dependency
 * ids are): scheduling hints the ready queue honours. `parallel: true` and an empty list are the
 * defaults and are not kept.
 */
function readSchedulingHints(fm: FrontMatter, overrides: ParsedStory["overrides"]): void {
  if (fmString(fm, "parallel")?.toLowerCase() === "false") overrides.parallel = false;
  for (const key of ["conflicts_with", "conflicts-with", "conflictsWith"]) {
    if (!(key in fm.data)) continue;
    const v = fm.data[key];
    const line = fm.keyLines.get(key) ?? 1;
    const items = Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? v.split(",") : [];
    const refs: DepRef[] = [];
    for (const item of items) {
      const t = item.trim();
      if (t === "" || /^(none|n\/a|-)$/i.test(t)) continue;
      const found = refsIn(t, line, "value").refs;
      const prose = found.length > 0 ? null : refsIn(`Story ${t}`, line, "prose");
      pushAll(refs, prose ? [...prose.refs, ...prose.later].map((r) => ({ ...r, raw: t })) : found);
    }
    if (refs.length > 0) overrides.conflictsWith = dedupeRefs(refs);
    return;
  }
}

/** Parses one story file. Never throws for anything the file's author can write. */
export function parseStory(file: SourceFile): StoryParse {
  const { path } = file;
  const text = normalizeLoneCr(file.text.startsWith("\ufeff") ? file.text.slice(1) : file.text);
  // A template named as one, with no story id in its name (`task-template.md`, not
  // `3.2-email-template.md`): its placeholders (`id = "NN"`, `dependencies = [<ids>]`) make no story.
  const base = baseName(path);
  if (TEMPLATE_NAME_RE.test(base) && idFromBaseName(base) === null) return { kind: "skipped", skipped: { path, reason: "template (by its name), not a story" } };
  const fmResult = readFrontMatter(path, text);
  if (!fmResult.ok) return failed(path, [fmResult.error], []);
  const { fm, bodyOffset } = fmResult;
  // Lines, fences and headings found once; every pass below reads them.
  const scan = scanBody(fmResult.body);

  const fmId = fmString(fm, "id");
  const heading = firstH1(scan, bodyOffset);
  const ident = identifyFile(path, scan, fmId !== undefined || (heading?.id !== undefined && isStoryId(heading.id)));
  if (ident.kind === "skipped") {
    // A name that calls the file a document about its story, under a heading that calls it that
    // story ("# Story 13.57: Phase 7 - 用户指南" in STORY-13.57-DOCS-USER-GUIDE.md).
    const name = ident.companionByName;
    if (name && !ccpmEpicFolder(path) && heading?.id !== undefined && isStoryId(heading.id) && keyOf(heading.id) === keyOf(name.id) && titleNamesNoDocument(heading.title ?? "")) {
      const parsed = parseStoryAs(path, fmResult.body, fm, fmId, scan, bodyOffset, heading, name, undefined);
      if (parsed.kind === "story") return { ...parsed, companion: ident.reason };
    }
    const skipped: SkippedFile = { path, reason: ident.reason };
    return isGithubMapping(path) ? { kind: "skipped", skipped, ccpmMapping: readCcpmMapping(scan) } : { kind: "skipped", skipped };
  }
  const name = ident.name;
  const ccpm = ccpmEpicFolder(path);
  // In a ccpm epic folder the tasks are `<N>.md`; `13-analysis.md`, `30-test-results.md` are about task N.
  if (ccpm && name && !name.namespaced && name.slug !== "") {
    return { kind: "skipped", skipped: { path, reason: `ccpm companion of task ${name.id} ("${name.slug}"): ccpm names its tasks <N>.md` } };
  }
  // A ccpm task's name is its number (13.md, 001.md); any other name there reads as elsewhere.
  const asTask = ccpm && name && !name.namespaced && name.slug === "" && name.candidates.length === 1;
  const parsed = parseStoryAs(path, fmResult.body, fm, fmId, scan, bodyOffset, heading, name, asTask ? ccpm : undefined);
  return parsed;
}

/** The rest of parseStory, once the file is known to be a story (`ccpm`: a ccpm task, id from its name). */
function parseStoryAs(
  path: string,
  bodyText: string,
  fm: FrontMatter | null,
  fmId: string | undefined,
  scan: ScannedLines,
  bodyOffset: number,
  heading: HeadingInfo | null,
  name: NameId | null,
  ccpm: CcpmFolder | undefined,
): StoryParse {
  const errors: Diag[] = [];
  const warnings: Diag[] = fm?.warnings ? [...fm.warnings] : [];

  // ---- id ----
  let id: string;
  let idSource: ParsedStory["idSource"];
  let idLine: number | undefined;
  let localId: string | undefined;
  if (ccpm && name) {
    // The file name is the task's id; a different number in the heading or front matter is
    // its local number from before the sync (`# Task 009` in 27.md).
    id = name.id;
    idSource = "file-name";
    const other = fmId !== undefined && isStoryId(fmId) ? fmId : heading?.id;
    if (other !== undefined && isStoryId(other) && keyOf(other) !== keyOf(id)) localId = normalId(other);
  } else if (fm && "id" in fm.data) {
    const idLineNo = fm.keyLines.get("id");
    const slugId = fmId !== undefined && !isStoryId(fmId) ? idOfSlugValue(fmId, name, heading?.id) : null;
    if ((fmId === undefined || !isStoryId(fmId)) && slugId === null) {
      const shown = typeof fm.data.id === "string" ? fm.data.id : JSON.stringify(fm.data.id);
      errors.push(
        diag("invalid-id", `Front matter id ${shown} is not a story id (expected e.g. 1.2, 1.11b, 13)`, path, idLineNo),
      );
      return failed(path, errors, warnings);
    }
    id = slugId ?? normalId(fmId as string);
    idSource = "front-matter";
    idLine = idLineNo;
  } else if (heading?.id !== undefined && isStoryId(heading.id) && !(name && headingIsNamePrefix(heading.id, name))) {
    id = normalId(heading.id);
    idSource = "heading";
    idLine = heading.line;
  } else if (name) {
    id = name.id;
    idSource = "file-name";
    if (name.candidates.length > 1) {
      warnings.push(
        diag(
          "id-mismatch",
          `File name is ambiguous (${name.candidates.join(" or ")}); took ${name.id}. Add a "# Story ${name.id}: Title" heading or front matter id to say which`,
          path,
        ),
      );
    }
  } else {
    return { kind: "skipped", skipped: { path, reason: "no story id in the file name, heading or front matter" } };
  }
  if (!ccpm && idSource === "file-name" && heading?.id !== undefined && name && headingIsNamePrefix(heading.id, name)) {
    // `# Story 7: ...` in 7-1-arkit-video.md: the heading names the epic, not the story.
    warnings.push(
      diag("id-mismatch", `The heading says ${heading.id}, which is only the start of the file name's ${name.id}; using ${name.id}`, path, heading.line),
    );
  }
  if (idSource !== "file-name" && name && !name.candidates.some((c) => keyOf(c) === keyOf(id))) {
    const by = idSource === "front-matter" ? "front matter id" : "heading";
    warnings.push(
      diag("id-mismatch", `The ${by} says ${id} but the file name says ${name.id}; using ${id}`, path, idLine),
    );
  }
  if (
    !ccpm &&
    idSource === "front-matter" &&
    heading?.id !== undefined &&
    isStoryId(heading.id) &&
    keyOf(heading.id) !== keyOf(id) &&
    !(name && name.candidates.some((c) => keyOf(c) === keyOf(heading.id!)))
  ) {
    warnings.push(
      diag("id-mismatch", `The heading says ${heading.id} but the front matter id is ${id}; using ${id}`, path, heading.line),
    );
  }

  // ---- overrides ----
  const overrides: ParsedStory["overrides"] = {};
  if (fm && "agent" in fm.data) {
    const agent = fmString(fm, "agent");
    if (agent === undefined || !AGENT_NAME_RE.test(agent)) {
      errors.push(
        diag(
          "invalid-front-matter",
          `Front matter key "agent" must be an agent name (lower-case letters, digits and '-', e.g. python-developer)`,
          path,
          fm.keyLines.get("agent"),
        ),
      );
    } else overrides.agent = agent;
  }
  if (fm && "priority" in fm.data) {
    const raw = fmString(fm, "priority");
    const p = raw === undefined ? null : parsePriority(raw);
    // A warning, not an error: `priority: GEMIDDELD` (Dutch) is the project's own field, written
    // for people; setting the story aside for it would stop work nobody asked to stop.
    if (p === null) {
      warnings.push(
        diag(
          "invalid-front-matter",
          `Front matter key "priority" is not a number or high/medium/low; the story keeps the default priority`,
          path,
          fm.keyLines.get("priority"),
        ),
      );
    } else overrides.priority = p;
  }
  if (fm) readSchedulingHints(fm, overrides);

  // ---- title, status, epic ----
  const title =
    fmString(fm, "title") ?? fmString(fm, "name") ?? heading?.title ?? heading?.text ?? slugTitle(path, name);

  const bodyStatus = findStatus(scan, bodyOffset);
  const fmStatus = fmString(fm, "status");
  let status: ParsedStory["status"];
  // A ccpm task's status is its front matter's (`status: closed`); a `- status: active` line in
  // its body describes some data, not the task. Elsewhere the body's own status statement wins:
  // it is what BMAD's agents update, while front matter often keeps the template's first value.
  if (bodyStatus && !(ccpm && fmStatus !== undefined)) status = { raw: bodyStatus.raw, normalized: statusOf(bodyStatus.raw), line: bodyStatus.line };
  else if (fmStatus !== undefined) {
    status = { raw: fmStatus, normalized: statusOf(fmStatus) };
    const l = fm?.keyLines.get("status");
    if (l !== undefined) status.line = l;
  } else status = { raw: null, normalized: "Not Started" };
  // ccpm moves a finished epic, tasks and all, to .claude/epics/archived/.
  if (ccpm?.archived) status = { ...status, normalized: "Done" };

  const epic: ParsedStory["epic"] = { number: epicOf(id) };
  const fmEpic = fmString(fm, "epic");
  // `epic: 5`, or `epic: EPIC-005` (Definitie-app): the number; the latter stays the name too.
  const fmEpicNumber =
    fmEpic === undefined ? null : (/^(\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)*)$/.exec(fmEpic) ?? /^epic[-_ ]?#?(\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)*)(?=$|[-_ :])/i.exec(fmEpic));
  if (fmEpicNumber) epic.number = normalId(fmEpicNumber[1]!);
  const epicName =
    (fmEpic !== undefined && !/^\d/.test(fmEpic) ? fmEpic : undefined) ?? findEpicName(scan) ?? ccpmEpic(path);
  if (epicName !== undefined) epic.name = epicName;

  // ---- dependencies ----
  // In ccpm the stories are tasks (`Depends On: Task #38`); elsewhere a task is one of the
  // story's own (`Depends on: Tasks 2-5` in BMAD's task list).
  const body = extractDependencies(scan, bodyOffset, ccpmEpic(path) !== undefined);
  const fmDeps = fm ? frontMatterDeps(fm) : null;
  const dependencies: ParsedStory["dependencies"] = fmDeps
    ? { declared: true, refs: fmDeps.refs, line: fmDeps.line }
    : { declared: body.declared, refs: body.refs };
  if (!fmDeps && body.line !== undefined) dependencies.line = body.line;
  // Nothing in a dependency statement is dropped without a word: an id-shaped token that names
  // no story as written (`6.2.3+ 依赖本故事`, prose without the word Story) is said here.
  for (const u of fmDeps ? fmDeps.unread : body.unread) {
    warnings.push(
      diag(
        "unread-dependency",
        `"${u.token}" in a dependency statement is not read as a story reference (not in a list of ids, nor after "Story"/"Epic"); write it as "Story ${u.token}" if it is one`,
        path,
        u.line,
      ),
    );
  }

  const { ac, tasks } = checklists(scan, bodyOffset);

  const story: ParsedStory = {
    id,
    idSource,
    title,
    path,
    status,
    epic,
    dependencies,
    blocks: body.blocks,
    acceptanceCriteria: ac,
    tasks,
    technologies: detectTechnologies(bodyText),
    overrides,
  };
  const parsed: StoryParse = { kind: "story", story, idLine, warnings, errors };
  if (localId !== undefined) parsed.localId = localId;
  return parsed;
}

/** `task-template.md`, `story_template.md`, `template.md`. */
const TEMPLATE_NAME_RE = /(?:^|[-_. ])templates?$/i;

/**
 * A front-matter id written as a file-name slug (`id: 23-2-fix-multizoneselect-click-bug`, as
 * BMAD's tools write their story keys) names the id that slug gives, read with the file-name
 * grammar: of several readings, the one the file name or the heading gives. Null when the value
 * is no such slug (anything with a path separator or other punctuation stays an invalid id).
 */
function idOfSlugValue(value: string, name: NameId | null, headingId: string | undefined): string | null {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/.test(value)) return null;
  const n = idFromBaseName(value);
  if (!n || !isStoryId(n.id)) return null;
  const agreeing = n.candidates.find((c) => keyOf(c) === keyOf(name?.id ?? "") || (headingId !== undefined && keyOf(c) === keyOf(headingId)));
  return agreeing ?? n.id;
}
