// One story file's text → ParsedStory. Pure: the fs adapter has already read the file.
// Id: front matter `id:` > `# Story 1.2: Title` heading > file name; a disagreement with the
// name is an `id-mismatch` warning (the name is the weakest source: `0-5-7-72-hour-alerts.md`).
import { YAMLParseError } from "yaml";
import { AGENT_NAME_RE } from "../config/schema.js";
import { diag, type Diag } from "../diagnostics.js";
import { epicOf, isStoryId, normalizeId } from "../ids.js";
// Memoised idKey: ids repeat across a project (fast path, same results).
import { keyOf } from "../graph/id-order.js";
import type { ChecklistItem, DepRef, ParsedStory, SkippedFile, SourceFile, StoryStatus } from "../model.js";
import { dedupeRefs, extractDependencies, refsIn } from "./dependencies.js";
import { identifyFile, type NameId } from "./identify.js";
import { FRONT_MATTER_START_RE, splitFrontMatter, type FrontMatterSplit } from "./front-matter.js";
import { headingKey, plainText, scanLines, unlink, withoutParens, type ScannedLines } from "./markdown.js";
import { detectTechnologies } from "./technologies.js";

export type StoryParse =
  | {
      kind: "story";
      story: ParsedStory;
      /** File line the id came from (front matter key or heading); undefined for a file-name id. */
      idLine: number | undefined;
      warnings: Diag[];
      errors: Diag[];
    }
  | { kind: "skipped"; skipped: SkippedFile }
  | { kind: "failed"; errors: Diag[]; warnings: Diag[] };

// Front matter is parsed by the `yaml` package with the failsafe schema (./front-matter.ts):
// every scalar stays the string the author wrote, so `id: 1.10` is "1.10" (not the number 1.1)
// and `depends_on: [013]` keeps its digits.

interface FrontMatter {
  data: Record<string, unknown>;
  /** 1-based file line of each top-level key. */
  keyLines: Map<string, number>;
  /** Lines of the raw front matter block (index i = file line i + 1). */
  lines: string[];
}

type MatterResult = { ok: true; fm: FrontMatter | null; body: string; bodyOffset: number } | { ok: false; error: Diag };

function readFrontMatter(path: string, text: string): MatterResult {
  if (!FRONT_MATTER_START_RE.test(text)) return { ok: true, fm: null, body: text, bodyOffset: 0 };
  let file: FrontMatterSplit;
  try {
    file = splitFrontMatter(text);
  } catch (e) {
    const line = e instanceof YAMLParseError ? e.linePos?.[0]?.line : undefined;
    const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
    return { ok: false, error: diag("invalid-front-matter", `Front matter is not valid YAML: ${why}`, path, line) };
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
  return { ok: true, fm: { data: data as Record<string, unknown>, keyLines, lines }, body, bodyOffset };
}

function fmString(fm: FrontMatter | null, key: string): string | undefined {
  const v = fm?.data[key];
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}

// ---- status ----

const STATUS_RULES: [RegExp, StoryStatus][] = [
  [/\b(not started|not yet started|not done|incomplete|todo|to do|backlog)\b/, "Not Started"],
  [/\b(skipped|cancell?ed|won ?t do|wont ?fix|wontfix|obsolete)\b/, "Skipped"],
  [/\b(done|complete|completed|merged|closed|finished|qa approved|qa passed)\b/, "Done"],
  [/\bblocked\b/, "Blocked"],
  [/\b(in progress|inprogress|in-progress|wip|dev|in development|doing)\b/, "In Progress"],
  [/\b(review|in review|ready for review|qa)\b/, "Ready for Review"],
];

/** Maps what authors write to the engine's lifecycle. BMAD "Approved" = approved for development. */
export function normalizeStatus(raw: string): StoryStatus {
  const s = withoutParens(raw)
    .toLowerCase()
    .replace(/[^a-z0-9' -]+/g, " ")
    .replace(/'/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  for (const [re, status] of STATUS_RULES) if (re.test(s)) return status;
  return "Not Started";
}

function cleanStatus(text: string): string {
  return plainText(unlink(text))
    .replace(/^status\s*:\s*/i, "")
    .replace(/^[-–—:\s]+/, "")
    .trim();
}

function findStatus(scan: ScannedLines, offset: number): { raw: string; line: number } | null {
  const { lines, fenced, headings } = scan;
  let inStatusSection = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fenced[i]) continue;
    const h = headings[i];
    if (h) {
      inStatusSection = headingKey(h.text) === "status";
      continue;
    }
    const trimmed = line.trim();
    if (inStatusSection) {
      if (trimmed === "" || /^[-*_]{3,}$/.test(trimmed)) continue;
      const raw = cleanStatus(trimmed);
      if (raw !== "") return { raw, line: offset + i + 1 };
      continue;
    }
    const m = /^\s*(?:[-*]\s+)?\**Status\**\s*:\s*\**\s*(.+)$/i.exec(line);
    if (m) {
      const raw = cleanStatus(m[1]!);
      if (raw !== "") return { raw, line: offset + i + 1 };
    }
  }
  return null;
}

// ---- heading, title, epic ----

const HEADING_ID_RE = /^(?:story|task|issue)\s*#?\s*(\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)*)(?![A-Za-z0-9])\s*[:.\-–—]?\s*(.*)$/i;
const BARE_HEADING_ID_RE = /^(\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)+)(?![A-Za-z0-9])\s*[:.\-–—]?\s*(.*)$/;

interface HeadingInfo {
  text: string;
  line: number;
  id?: string;
  title?: string;
}

function firstH1(scan: ScannedLines, offset: number): HeadingInfo | null {
  const { lines, fenced, headings } = scan;
  for (let i = 0; i < lines.length; i++) {
    if (fenced[i]) continue;
    const h = headings[i];
    if (h && h.level === 1) {
      const text = plainText(unlink(h.text));
      const m = HEADING_ID_RE.exec(text) ?? BARE_HEADING_ID_RE.exec(text);
      const info: HeadingInfo = { text, line: offset + i + 1 };
      if (m) {
        info.id = m[1]!;
        if (m[2]!.trim() !== "") info.title = m[2]!.trim();
      }
      return info;
    }
  }
  return null;
}

function findEpicName(scan: ScannedLines): string | undefined {
  const { lines, fenced } = scan;
  for (let i = 0; i < lines.length; i++) {
    if (fenced[i]) continue;
    const line = lines[i]!;
    const m = /^\s*(?:[-*]\s+)?\**Epic\**\s*:\s*\**\s*(.+)$/i.exec(line);
    if (m) {
      const text = plainText(unlink(m[1]!));
      // "Epic 5 - Web Dashboard", "4 - End-to-End Testing", "Authentication"
      const name = text.replace(/^(?:epic\s*)?#?\d+[A-Za-z]?(?:\.\d+)*\s*(?:[-–—:]\s*)?/i, "").trim();
      return name === "" ? undefined : name;
    }
  }
  return undefined;
}

// ---- acceptance criteria, tasks ----

function checklists(scan: ScannedLines, offset: number): { ac: ChecklistItem[]; tasks: ChecklistItem[] } {
  const { lines, fenced, headings } = scan;
  const ac: ChecklistItem[] = [];
  const tasks: ChecklistItem[] = [];
  let kind: "ac" | "tasks" | null = null;
  let level = 0; // heading level of the current section; 7 for a bold pseudo-heading
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fenced[i]) continue;
    const h = headings[i] ?? null;
    const bold = h || !line.includes("**") ? null : /^\*\*([^*]+?)\*\*:?\s*$/.exec(line.trim());
    if (h || bold) {
      const key = headingKey(h ? h.text : bold![1]!);
      const lvl = h ? h.level : 7;
      if (kind !== null && lvl > level) {
        // A sub-heading ("### AC1: WebSocket Connection") or bold label inside the section stays
        // in it; in Acceptance Criteria a sub-heading is itself a criterion.
        if (h && kind === "ac") ac.push({ text: plainText(h.text), done: false, line: offset + i + 1 });
        continue;
      }
      if (/^acceptance criteria\b/.test(key) && !/\b(review|validation|verification|assessment|summary)\b/.test(key)) {
        kind = "ac";
        level = lvl;
      } else if (/^(tasks?|subtasks|tasks ?\/ ?subtasks|implementation tasks|dev tasks|task list)\b/.test(key)) {
        kind = "tasks";
        level = lvl;
      } else if (h || kind !== null) {
        kind = null;
      }
      continue;
    }
    if (kind === null) continue;
    const box = /^\s*(?:[-*+]|\d+[.)])\s+\[([ xX])\]\s+(.*)$/.exec(line);
    if (box) {
      const item = { text: plainText(box[2]!), done: box[1] !== " ", line: offset + i + 1 };
      (kind === "ac" ? ac : tasks).push(item);
      continue;
    }
    if (kind === "ac") {
      const num = /^ ?(\d+)[.)]\s+(.*)$/.exec(line);
      if (num) ac.push({ text: plainText(num[2]!), done: false, line: offset + i + 1 });
    }
  }
  return { ac, tasks };
}

// ---- front-matter dependencies ----

function frontMatterDeps(fm: FrontMatter): { refs: DepRef[]; line: number } | null {
  for (const key of ["dependencies", "depends_on", "dependsOn", "depends-on"]) {
    if (!(key in fm.data)) continue;
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
    for (const item of items) {
      const t = item.text.trim();
      if (t === "" || /^(none|n\/a|-)$/i.test(t)) continue;
      const found = refsIn(t, item.line, "value");
      if (found.refs.length > 0) refs.push(...found.refs);
      // A non-list value ("auth 1.2") is read as prose; quote it as written, not as "Story ...".
      else for (const r of refsIn(`Story ${t}`, item.line, "prose").refs) refs.push({ ...r, raw: t });
    }
    return { refs: dedupeRefs(refs), line: keyLine };
  }
  return null;
}

const PRIORITY_WORDS: Record<string, number> = { critical: 0, highest: 0, high: 1, medium: 2, normal: 2, low: 3, lowest: 4 };

function parsePriority(v: string): number | null {
  const t = v.trim().toLowerCase();
  if (/^\d+$/.test(t)) return Number(t);
  const p = /^p(\d)$/.exec(t);
  if (p) return Number(p[1]);
  return PRIORITY_WORDS[t] ?? null;
}

function slugTitle(path: string, name: NameId | null): string {
  const base = path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/i, "").replace(/\.story$/i, "");
  const slug = name?.slug || base;
  return slug.replace(/[-_.]+/g, " ").trim();
}

function ccpmEpic(path: string): string | undefined {
  const m = /(?:^|\/)\.claude\/epics\/([^/]+)\/[^/]+$/.exec(path);
  return m ? m[1] : undefined;
}

/** Parses one story file. Never throws for anything the file's author can write. */
export function parseStory(file: SourceFile): StoryParse {
  const { path } = file;
  const text = file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text;
  const errors: Diag[] = [];
  const warnings: Diag[] = [];

  const fmResult = readFrontMatter(path, text);
  if (!fmResult.ok) return { kind: "failed", errors: [fmResult.error], warnings };
  const { fm, bodyOffset } = fmResult;
  // Splitting on one character is much faster than on a pattern; "\r\n" files take the pattern.
  const crlf = fmResult.body.includes("\r");
  const lines = crlf ? fmResult.body.split(/\r?\n/) : fmResult.body.split("\n");
  // Fences and headings found once; every pass below reads them. Without "\r" the body is
  // exactly the lines joined with "\n".
  const scan = crlf ? scanLines(lines) : scanLines(lines, fmResult.body);

  const fmId = fmString(fm, "id");
  const ident = identifyFile(path, lines, fmId !== undefined, scan);
  if (ident.kind === "skipped") return { kind: "skipped", skipped: { path, reason: ident.reason } };
  const name = ident.name;
  const heading = firstH1(scan, bodyOffset);

  // ---- id ----
  let id: string;
  let idSource: ParsedStory["idSource"];
  let idLine: number | undefined;
  if (fm && "id" in fm.data) {
    const idLineNo = fm.keyLines.get("id");
    if (fmId === undefined || !isStoryId(fmId)) {
      const shown = typeof fm.data.id === "string" ? fm.data.id : JSON.stringify(fm.data.id);
      errors.push(
        diag("invalid-id", `Front matter id ${shown} is not a story id (expected e.g. 1.2, 1.11b, 13)`, path, idLineNo),
      );
      return { kind: "failed", errors, warnings };
    }
    id = normalizeId(fmId);
    idSource = "front-matter";
    idLine = idLineNo;
  } else if (heading?.id !== undefined && isStoryId(heading.id)) {
    id = normalizeId(heading.id);
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
  if (idSource !== "file-name" && name && !name.candidates.some((c) => keyOf(c) === keyOf(id))) {
    const by = idSource === "front-matter" ? "front matter id" : "heading";
    warnings.push(
      diag("id-mismatch", `The ${by} says ${id} but the file name says ${name.id}; using ${id}`, path, idLine),
    );
  }
  if (
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
    if (p === null) {
      errors.push(
        diag(
          "invalid-front-matter",
          `Front matter key "priority" must be a number or high/medium/low`,
          path,
          fm.keyLines.get("priority"),
        ),
      );
    } else overrides.priority = p;
  }

  // ---- title, status, epic ----
  const title =
    fmString(fm, "title") ?? fmString(fm, "name") ?? heading?.title ?? heading?.text ?? slugTitle(path, name);

  const bodyStatus = findStatus(scan, bodyOffset);
  const fmStatus = fmString(fm, "status");
  let status: ParsedStory["status"];
  if (bodyStatus) status = { raw: bodyStatus.raw, normalized: normalizeStatus(bodyStatus.raw), line: bodyStatus.line };
  else if (fmStatus !== undefined) {
    status = { raw: fmStatus, normalized: normalizeStatus(fmStatus) };
    const l = fm?.keyLines.get("status");
    if (l !== undefined) status.line = l;
  } else status = { raw: null, normalized: "Not Started" };

  const epic: ParsedStory["epic"] = { number: epicOf(id) };
  const fmEpic = fmString(fm, "epic");
  if (fmEpic !== undefined && /^\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)*$/.test(fmEpic)) epic.number = normalizeId(fmEpic);
  const epicName =
    (fmEpic !== undefined && !/^\d/.test(fmEpic) ? fmEpic : undefined) ?? findEpicName(scan) ?? ccpmEpic(path);
  if (epicName !== undefined) epic.name = epicName;

  // ---- dependencies ----
  const body = extractDependencies(lines, bodyOffset, scan);
  const fmDeps = fm ? frontMatterDeps(fm) : null;
  const dependencies: ParsedStory["dependencies"] = fmDeps
    ? { declared: true, refs: fmDeps.refs, line: fmDeps.line }
    : { declared: body.declared, refs: body.refs };
  if (!fmDeps && body.line !== undefined) dependencies.line = body.line;

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
    technologies: detectTechnologies(fmResult.body),
    overrides,
  };
  return { kind: "story", story, idLine, warnings, errors };
}
