// Which markdown files are stories, and what id their file name gives. Names people use:
//   1.1.slug.md · 1.11b.slug.story.md · 4.1.story.md · 1-2-slug.md · story-1-2-slug.md
//   19a-2-slug.md (= 19a.2) · 0-5-3-slug.md (= 0.5.3) · ccpm 001.md / 13.md (single-part ids)
// Not stories: README.md, epic documents, companion documents that share a story's id
// (`5.1.implementation-guide.md`, `5.1.DELIVERY-SUMMARY.md`, `4.5-review-summary.md`), told
// apart by name AND content: a companion has no story body (no `## Story` section, no
// "As a ... I want", no Acceptance Criteria section).
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
}

export type Identification = { kind: "story"; name: NameId | null } | { kind: "skipped"; reason: string };

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

const DOTTED_NAME_RE = /^(\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)+)(?:[._-](.*))?$/;
const SINGLE_NAME_RE = /^(\d+[A-Za-z]?)$/;
const DASH_PART_RE = /^\d+[A-Za-z]?$/;

/** The id in a story file name, or null when the name carries none. */
export function idFromFileName(path: string): NameId | null {
  return idFromBaseName(baseName(path));
}

function idFromBaseName(base: string): NameId | null {
  let name = endsWithNoCase(base, ".story") ? base.slice(0, -6) : base;
  if (startsWithLetter(name, "s")) name = name.replace(/^story[-_.]?(?=\d)/i, "");
  const dotted = DOTTED_NAME_RE.exec(name);
  if (dotted) {
    const id = normalId(dotted[1]!);
    return { id, candidates: [id], slug: dotted[2] ?? "" };
  }
  if (SINGLE_NAME_RE.test(name)) {
    const id = normalId(name);
    return { id, candidates: [id], slug: "" };
  }
  const parts = name.split(/[-_]/);
  let n = 0;
  while (n < parts.length && DASH_PART_RE.test(parts[n]!)) n++;
  if (n === 0) return null;
  const slug = parts.slice(n).join("-");
  const candidates: string[] = [];
  // Single-part dashed ids ("13-analysis") only when nothing else is possible.
  for (let k = Math.min(n, 2) === 1 ? 1 : 2; k <= n; k++) candidates.push(normalId(parts.slice(0, k).join(".")));
  return { id: candidates[candidates.length - 1]!, candidates, slug };
}

/** Words in a file name or heading that mark a document about a story rather than the story. */
const COMPANION_RE =
  /\b(summary|review|reviews|guide|delivery|qa|notes|checklist|report|analysis|handoff|retro|retrospective|changelog)\b/i;

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
 * scan; `hasFrontMatterId` lets a file with an `id:` key be a story whatever its name.
 */
export function identifyFile(path: string, body: readonly string[] | ScannedLines, hasFrontMatterId = false): Identification {
  const base = baseName(path);
  if (startsWithLetter(base, "r") && /^readme$/i.test(base)) return { kind: "skipped", reason: "README, not a story" };
  if (startsWithLetter(base, "e") && /^epics?(?:$|[-_.])/i.test(base)) {
    return { kind: "skipped", reason: "epic document, not a story" };
  }
  const marks = contentMarks(body);
  const title = marks.title === null ? "" : plainText(marks.title);
  if (/^epic\b/i.test(title) && !marks.storyBody) {
    return { kind: "skipped", reason: `epic document (heading "${title}"), not a story` };
  }
  const name = idFromBaseName(base);
  if (!marks.storyBody) {
    if (name && COMPANION_RE.test(name.slug.replace(/[._-]/g, " "))) {
      return {
        kind: "skipped",
        reason: `companion document of story ${name.id} ("${name.slug}"): no story section, "As a ... I want" or acceptance criteria`,
      };
    }
    const afterId = title.replace(/^(?:story\s+)?[\d.A-Za-z]*\d[\d.A-Za-z]*\s*[:.–—-]?\s*/i, "");
    // Anchored: unanchored, `.*` was tried from every position of a title with no " - " (quadratic).
    // The same match: plainText leaves no line terminator, so `.` reaches any " - " from the start.
    if (COMPANION_RE.test(afterId.replace(/^.*\s[-–—]\s/, "")) && /\s[-–—]\s/.test(afterId)) {
      return { kind: "skipped", reason: `companion document ("${title}"): no story section or acceptance criteria` };
    }
  }
  if (!name && !hasFrontMatterId && !/^(?:story\s+)?#?\d/i.test(title)) {
    return { kind: "skipped", reason: "no story id in the file name, heading or front matter" };
  }
  return { kind: "story", name };
}
