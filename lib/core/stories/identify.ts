// Which markdown files are stories, and what id their file name gives. Names people use:
//   1.1.slug.md · 1.11b.slug.story.md · 4.1.story.md · 1-2-slug.md · story-1-2-slug.md
//   19a-2-slug.md (= 19a.2) · 0-5-3-slug.md (= 0.5.3) · ccpm 001.md / 13.md (single-part ids)
//   namespaced: story-UGM-1.2.md (= UGM-1.2) · US-021.md (= US-21) · STORY-064-slug.md (= 64:
//   the word Story is what it is, not a namespace; ids.ts)
//   a dotted epic, then the story's number: 7.6-3-slug.md (= 7.6.3, BMAD v6's {epic}-{story}-{slug}
//   with a sub-epic, as its sprint-status keys spell it)
//   a part of a story after the number (ids.ts): 6.2-p10-slug.md (= 6.2-P10), 6-2-p1-slug.md
//   (= 6.2-P1), 1.2-part2.md; the id without it stays a reading the heading may choose
//   (`6-4-1-p4-customer-name.md` headed `# Story 6.4.1: P4 Customer Name ...` is 6.4.1)
// A namespace in a file name is written in capitals (`UGM-`, `US-`): lower-case words before a
// number are a slug (`tech-spec-epic-1.md`, `phase-2-notes.md`), and `EPIC-` names an epic.
// Not stories: README.md, epic documents, companion documents that share a story's id
// (`5.1.implementation-guide.md`, `5.1.DELIVERY-SUMMARY.md`, `4.5-review-summary.md`,
// `STORY-027-context.md`), told apart by name AND content: a companion has no story body (no
// `## Story` section, no "As a ... I want", no Acceptance Criteria section). Files beside the
// stories that say by name what they are (tech specs, retrospectives, templates, BMAD's
// `bmad-*.md` tool files, ccpm's github-mapping.md and execution-status.md, backups named
// `*.old.md`/`*.bak.md`) are skipped with that reason.
import { ID_SUFFIX_SRC } from "../ids.js";
import { headingKey, leadingChars, plainText, scanLines, ScannedLines } from "./markdown.js";
import { normalId } from "./normal-id.js";

export interface NameId {
  /** The id the name gives on its own reading (for dashed names: every leading number part). */
  id: string;
  /**
   * Every id the name can be read as. `0-5-7-72-hour-alerts` can be 0.5 · 0.5.7 · 0.5.7.72;
   * the heading or front matter decides among them.
   */
  candidates: string[];
  /** The rest of the name ("user-authentication"), "" when none. */
  slug: string;
  /** Whether the id has a namespace (`story-UGM-1.2.md`): then the content must confirm it is a story. */
  namespaced: boolean;
}

export type Identification =
  | { kind: "story"; name: NameId | null }
  | {
      kind: "skipped";
      reason: string;
      /**
       * Set when only the name's slug calls the file a companion (`STORY-13.57-DOCS-USER-GUIDE.md`):
       * a companion accompanies a story, so with no other file for its id the file may be the
       * story itself (parse-story.ts, combine-parses.ts decide).
       */
      companionByName?: NameId;
    };

/** Whether `text` ends with `suffix` (lower-case), as `/suffix$/i` says: letters in either case. */
function endsWithNoCase(text: string, suffix: string): boolean {
  const from = text.length - suffix.length;
  if (from < 0) return false;
  for (let i = 0; i < suffix.length; i++) {
    const c = text.charCodeAt(from + i);
    const s = suffix.charCodeAt(i);
    // `| 0x20` lower-cases an ASCII capital; it maps no other character onto a letter.
    if (c !== s && !(s >= 97 && s <= 122 && (c | 0x20) === s)) return false;
  }
  return true;
}

/** The file name without its directory and `.md` (any case). */
export function baseName(path: string): string {
  const b = path.slice(path.lastIndexOf("/") + 1);
  return endsWithNoCase(b, ".md") ? b.slice(0, -3) : b;
}

/** Whether `text` starts with `letter` (lower-case) in either case: a pre-check for `^letter…/i`. */
function startsWithLetter(text: string, letter: string): boolean {
  return text.length > 0 && (text.charCodeAt(0) | 0x20) === letter.charCodeAt(0);
}

/**
 * Dotted parts, then maybe the story's number after a "-" (`7.6-3`; not `04.07-04.08`, a range)
 * and a part of the story (`-p10`), then the slug.
 */
const DOTTED_NAME_RE = new RegExp(
  String.raw`^(\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)+)(?:-(\d+[A-Za-z]?)(?=[-_]|$))?(?:[-_](${ID_SUFFIX_SRC})(?=[-_.]|$))?(?:[._-](.*))?$`,
);
/** A part of a story in a dashed name (`p1` in 6-2-p1-slug). */
const NAME_SUFFIX_RE = new RegExp(String.raw`^${ID_SUFFIX_SRC}$`);
const SINGLE_NAME_RE = /^(\d+[A-Za-z]?)$/;
const DASH_PART_RE = /^\d+[A-Za-z]?$/;
/** `story-`, `Story_`, `STORY-`, `task-`, `issue.` before an id: what the file is, not part of its id. */
const KIND_WORD_RE = /^(?:story|task|issue)[-_.]?(?=\d|[A-Z][A-Z0-9]{0,15}[-_]\d)/i;
/** A namespace in a file name: capitals (and digits), then "-" or "_" and a digit. */
const NAME_NAMESPACE_RE = /^([A-Z][A-Z0-9]{0,15})[-_](?=\d)/;

/** The id in a story file name, or null when the name carries none. */
export function idFromFileName(path: string): NameId | null {
  return idFromBaseName(baseName(path));
}

export function idFromBaseName(base: string): NameId | null {
  let name = endsWithNoCase(base, ".story") ? base.slice(0, -6) : base;
  const kind = KIND_WORD_RE.exec(name);
  if (kind) name = name.slice(kind[0].length);
  const ns = NAME_NAMESPACE_RE.exec(name);
  // `EPIC-008-habits.md` is an epic's document (the caller skips it); no story is in epic "EPIC".
  if (ns && ns[1] !== "EPIC") {
    const inner = numberedName(name.slice(ns[0].length));
    if (!inner) return null;
    const namespaced = (id: string): string => normalId(`${ns[1]!}-${id}`);
    return { id: namespaced(inner.id), candidates: inner.candidates.map(namespaced), slug: inner.slug, namespaced: true };
  }
  return numberedName(name);
}

/** The id of a name that starts with its number parts ("1.2.slug", "1-2-slug", "13"). */
function numberedName(name: string): NameId | null {
  const dotted = DOTTED_NAME_RE.exec(name);
  if (dotted) {
    const whole = normalId(dotted[2] === undefined ? dotted[1]! : `${dotted[1]!}.${dotted[2]}`);
    const slug = dotted[4] ?? "";
    if (dotted[3] === undefined) return { id: whole, candidates: [whole], slug, namespaced: false };
    const id = withPart(whole, dotted[3]);
    return { id, candidates: [whole, id], slug: `${dotted[3]}${slug === "" ? "" : `-${slug}`}`, namespaced: false };
  }
  if (SINGLE_NAME_RE.test(name)) {
    const id = normalId(name);
    return { id, candidates: [id], slug: "", namespaced: false };
  }
  const parts = name.split(/[-_]/);
  let n = 0;
  while (n < parts.length && DASH_PART_RE.test(parts[n]!)) n++;
  if (n === 0) return null;
  const slug = parts.slice(n).join("-");
  const candidates: string[] = [];
  // Single-part dashed ids ("13-analysis") only when nothing else is possible.
  for (let k = Math.min(n, 2) === 1 ? 1 : 2; k <= n; k++) candidates.push(normalId(parts.slice(0, k).join(".")));
  if (n < parts.length && NAME_SUFFIX_RE.test(parts[n]!)) candidates.push(withPart(candidates[candidates.length - 1]!, parts[n]!));
  return { id: candidates[candidates.length - 1]!, candidates, slug, namespaced: false };
}

/** `6.2` and `p10` → `6.2-P10`: names are written in lower case, headings and references capitalised. */
function withPart(id: string, part: string): string {
  return normalId(`${id}-${part.charAt(0).toUpperCase()}${part.slice(1).toLowerCase()}`);
}

/**
 * Files that say by their name what they are, whatever they hold: the reason, or null. Checked
 * before anything else. A backup must say so as a dotted suffix (`1.2.story.old.md`,
 * `US-014.bak.md`): a dashed word (`1.3-database-backup.md`) may be a story about backups, and a
 * dashed backup of a story is found as a duplicate of it instead (combine-parses.ts).
 */
function skippedByName(base: string): string | null {
  const c = base.length > 0 ? base.charCodeAt(0) | 0x20 : 0;
  if (c === 114 && /^readme$/i.test(base)) return "README, not a story";
  if (/\.(?:bak|old|orig|backup|copy)(?=$|\.)/i.test(base)) return "backup copy (its name ends in .bak, .old, .orig, .backup or .copy), not a story";
  if (c === 98 && /^bmad[-_]/i.test(base)) return "BMAD tool file (bmad-*), not a story";
  if (c === 103 && /^github[-_]mapping$/i.test(base)) return "ccpm GitHub issue mapping (read for the tasks' local numbers), not a story";
  if (c === 101 && /^execution[-_]status$/i.test(base)) return "ccpm execution status, not a story";
  if (c === 116 && /^tech[-_]?spec(?:$|[-_.])/i.test(base)) return "tech spec, not a story";
  return null;
}

/**
 * Whether a story file's name ends in a backup word (`1.2-backup.md`, `1.2_old.md`,
 * `1.2-backup-2.md`, `1.2.story.bak.md`): asked only of a second file with a story's id.
 */
export function isBackupName(path: string): boolean {
  return /[-_.](?:bak|backup|old|orig|copy)(?:[-_.]?\d+)?$/i.test(baseName(path).replace(/\.story$/i, ""));
}

/**
 * Files in folders that hold no current stories: ccpm's `tasks_archive/` (task drafts a sync
 * superseded; `.claude/epics/archived/<epic>/` is different: finished epics, read as done) and
 * an epic's `updates/<N>/` progress notes (`251020_1351_implementation_complete.md`).
 */
function skippedByFolder(path: string): string | null {
  if (/(?:^|\/)(?:tasks?[-_]?archive|archive)\//i.test(path)) return "in an archive folder (superseded drafts), not a current story";
  if (/(?:^|\/)\.claude\/epics\/(?:archived\/)?[^/]+\/updates\//.test(path)) return "ccpm progress update (updates/), not a task";
  return null;
}

/**
 * Documents beside the stories that carry no story id of their own but name what they are: the
 * reason to give instead of "no story id". Order matters: `epic-3-retrospective` is a retrospective.
 */
const DOCUMENT_KINDS: [RegExp, string][] = [
  [/\bretro(?:spective)?s?\b/i, "retrospective"],
  [/\btemplates?\b/i, "template"],
  [/\btech[-_ ]?spec/i, "tech spec"],
  [/\breviews?\b/i, "review"],
  [/\b(?:context|summary|report|analysis|guide|notes|checklist|status)\b/i, "document about the stories"],
];

/** Words in a file name or heading that mark a document about a story rather than the story. */
const COMPANION_RE =
  /\b(summary|review|reviews|guide|delivery|qa|notes|checklist|report|analysis|handoff|retro|retrospective|changelog|context|completion)\b/i;

/** A title that ends by naming a kind of document, not a feature ("... Validation Report"). */
const DOCUMENT_TITLE_END_RE = /\b(?:summary|review|guide|notes|checklist|report|analysis|handoff|retrospective|changelog)\s*$/i;

/**
 * Whether a story file that shares its id with the story's own file (`12.1.story.md`) reads as
 * its companion: a name with a slug, and the slug's or the title's last word names a document
 * ("12.1-dod-validation.md", "# Story 12.1 - Definition of Done Validation Report").
 */
export function looksLikeCompanion(path: string, title: string): boolean {
  const slug = idFromBaseName(baseName(path))?.slug ?? "";
  return slug !== "" && (DOCUMENT_TITLE_END_RE.test(slug.replace(/[._-]/g, " ")) || DOCUMENT_TITLE_END_RE.test(title));
}

/**
 * Whether a heading's title (after its story id) names no kind of document: "Phase 7 - 用户指南"
 * does not, "Code Review Fixes Summary" and "Analysis: ..." do.
 */
export function titleNamesNoDocument(title: string): boolean {
  return !COMPANION_RE.test(title);
}

/** Whether the file has the story's own name: its id alone (`12.1.md`, `12.1.story.md`). */
export function isPlainStoryName(path: string): boolean {
  const name = idFromBaseName(baseName(path));
  return name !== null && (name.slug === "" || name.slug.toLowerCase() === "story");
}

/** A heading naming a range of stories with the plural: `Stories 13.23-13.28`, `Stories 4.1 to 4.5`. */
const STORIES_RANGE_TITLE_RE = /^stories\s+#?(\d+(?:\.\d+)*[a-z]?)\s*(?:-|–|—|~|to|through)\s*#?(\d+(?:\.\d+)*[a-z]?)(?![\w.])/i;

/** Words that make a name spanning several stories a document about them, not one of them. */
// Not "index" (`7.6-9-index-trigger-optimization.md` is story 7.6.9 about a database index) nor a
// bare "phase" (a story may be about one): a phase with its number (PHASE3) names a group.
const RANGE_DOCUMENT_RE = /(?:^|[-_. ])(?:summary|summaries|remaining|report|overview|phase\d+)(?=$|[-_. ])/i;
/** The slug's leading number: the end of a range (`28` in 13.23-28-..., `1.5` in 1.1-1.5-...). */
const RANGE_END_RE = /^(\d+(?:\.\d+)*)(?=$|[-_.](?!\d))/;

/**
 * `13.23-28-PHASE3-REMAINING.md`, `1.1-1.5-summary.md`: a dotted id, then a higher number that
 * ends a range of stories, then a word saying what the file is (summary, remaining, report,
 * overview, PHASE3), or a heading that names the range (`# Stories 13.23-13.28: ...`). Such a
 * file summarises several stories, which have files of their own: the range ("13.23-13.28"), or
 * null. The word or the heading is needed: the same shape is a dashed id too
 * (`7.1-17-reduce-complexity.md` is story 7.1.17).
 */
function rangeSummary(name: NameId, title: string): string | null {
  if (!name.id.includes(".") || name.namespaced) return null;
  const end = RANGE_END_RE.exec(name.slug);
  if (!end) return null;
  const from = name.id.split(".");
  const written = end[1]!.split(".");
  // `28` ends 13.23's range as 13.28; `1.5` ends 1.1's as itself.
  const to = written.length === 1 ? [...from.slice(0, -1), written[0]!] : written;
  if (to.length !== from.length || to.slice(0, -1).join(".") !== from.slice(0, -1).join(".")) return null;
  if (!(Number(to[to.length - 1]) > Number.parseInt(from[from.length - 1]!, 10))) return null;
  const rest = name.slug.slice(end[0].length);
  if (!RANGE_DOCUMENT_RE.test(rest) && !/^stories\s+\d/i.test(title)) return null;
  return `${name.id}-${normalId(to.join("."))}`;
}

export interface ContentMarks {
  /** `## Story`, `**Story:**`, "As a ... I want", or an Acceptance Criteria section. */
  storyBody: boolean;
  /** First `# ` heading, if any. */
  title: string | null;
}

const STORY_SECTION_KEYS = new Set(["story", "user story", "story description", "story statement", "description"]);
const AC_KEYS = new Set(["acceptance criteria", "acceptance criteria (acs)", "acs"]);

// First characters the two line patterns below can start with (cheap pre-checks).
const STAR = leadingChars("*");
const AS_A_START = leadingChars("-*Aa");

/** Looks for the marks of a story body (its lines, or their scan); stops early once found. */
export function contentMarks(body: readonly string[] | ScannedLines): ContentMarks {
  let title: string | null = null;
  let storyBody = false;
  const scan = body instanceof ScannedLines ? body : scanLines(body);
  const { fenced, headings, count } = scan;
  for (let i = 0; i < count; i++) {
    if (fenced[i]) continue;
    const h = headings[i];
    if (h) {
      if (h.level === 1 && title === null) title = h.text;
      if (STORY_SECTION_KEYS.has(h.key) || AC_KEYS.has(h.key)) storyBody = true;
    } else {
      const bold = scan.leadingCharIn(i, STAR) && scan.endsBold(i) ? /^\s*\*\*([^*]+?):?\*\*:?\s*$/.exec(scan.line(i)) : null;
      if (bold) {
        const key = headingKey(bold[1]!);
        if (key === "story" || AC_KEYS.has(key)) storyBody = true;
      }
      if (scan.leadingCharIn(i, AS_A_START) && /^\s*(?:[-*]\s+)?\**As an?\**\s/i.test(scan.line(i))) {
        for (let j = i; j < Math.min(count, i + 4); j++) {
          if (/\bI want\b/i.test(scan.line(j))) storyBody = true;
        }
      }
    }
    if (storyBody && title !== null) break;
  }
  return { storyBody, title };
}

/**
 * Decides whether a file is a story. `body`: the body's lines (front matter removed), or their
 * scan; `hasOtherId`: the front matter (`id:`) or the heading gives an id, so the file may be a
 * story whatever its name, and a namespaced file-name id is confirmed by it.
 */
export function identifyFile(path: string, body: readonly string[] | ScannedLines, hasOtherId = false): Identification {
  const base = baseName(path);
  const byPath = skippedByFolder(path);
  if (byPath !== null) return { kind: "skipped", reason: byPath };
  const byName = skippedByName(base);
  if (byName !== null) return { kind: "skipped", reason: byName };
  if (startsWithLetter(base, "e") && /^epics?(?:$|[-_.])/i.test(base)) {
    return { kind: "skipped", reason: "epic document, not a story" };
  }
  const marks = contentMarks(body);
  const title = marks.title === null ? "" : plainText(marks.title);
  if (/^epic\b/i.test(title) && !marks.storyBody) {
    return { kind: "skipped", reason: `epic document (heading "${title}"), not a story` };
  }
  const name = idFromBaseName(base);
  const span = name ? rangeSummary(name, title) : null;
  if (span !== null) return { kind: "skipped", reason: `summary of stories ${span} (its name spans a range of stories), not a story` };
  // `# Stories 13.29-13.38: Phase 4` names several stories: an index of them, whatever its body
  // holds (each story's section, with its criteria) and whatever id its name seems to give.
  const range = STORIES_RANGE_TITLE_RE.exec(title);
  if (range) return { kind: "skipped", reason: `index of stories ${range[1]!} to ${range[2]!} (heading "${title}"), not a story` };
  if (!marks.storyBody) {
    if (name && COMPANION_RE.test(name.slug.replace(/[._-]/g, " "))) {
      return {
        kind: "skipped",
        reason: `companion document of story ${name.id} ("${name.slug}"): no story section, "As a ... I want" or acceptance criteria`,
        companionByName: name,
      };
    }
    const afterId = title.replace(/^(?:story\s+)?[\d.A-Za-z]*\d[\d.A-Za-z]*\s*[:.–—-]?\s*/i, "");
    // Anchored: unanchored, `.*` was tried from every position of a title with no " - " (quadratic).
    // The same match: plainText leaves no line terminator, so `.` reaches any " - " from the start.
    if (COMPANION_RE.test(afterId.replace(/^.*\s[-–—]\s/, "")) && /\s[-–—]\s/.test(afterId)) {
      return { kind: "skipped", reason: `companion document ("${title}"): no story section or acceptance criteria` };
    }
    // `ADR-001-use-postgres.md`, `RFC-12.md`: capitals before a number are a namespace only
    // when the file reads as a story or its heading or front matter gives an id too.
    if (name?.namespaced && !hasOtherId) {
      return { kind: "skipped", reason: `no story body, and neither heading nor front matter confirms the file name's id ${name.id}` };
    }
  }
  if (!name && !hasOtherId && !/^(?:story\s+)?#?\d/i.test(title)) {
    const words = base.replace(/[-_.]+/g, " ");
    const kind = DOCUMENT_KINDS.find(([re]) => re.test(words));
    return { kind: "skipped", reason: kind ? `${kind[1]}, not a story (no story id in the file name, heading or front matter)` : "no story id in the file name, heading or front matter" };
  }
  return { kind: "story", name };
}
