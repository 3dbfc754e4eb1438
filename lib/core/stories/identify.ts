// Which markdown files are stories, and what id their file name gives. Names people use:
//   1.1.slug.md · 1.11b.slug.story.md · 4.1.story.md · 1-2-slug.md · story-1-2-slug.md
//   19a-2-slug.md (= 19a.2) · 0-5-3-slug.md (= 0.5.3) · ccpm 001.md / 13.md (single-part ids)
// Not stories: README.md, epic documents, companion documents that share a story's id
// (`5.1.implementation-guide.md`, `5.1.DELIVERY-SUMMARY.md`, `4.5-review-summary.md`), told
// apart by name AND content: a companion has no story body (no `## Story` section, no
// "As a ... I want", no Acceptance Criteria section).
import { normalizeId } from "../ids.js";
import { headingKey, plainText, scanLines, type ScannedLines } from "./markdown.js";

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

function baseName(path: string): string {
  const b = path.slice(path.lastIndexOf("/") + 1);
  return b.replace(/\.md$/i, "");
}

const DOTTED_NAME_RE = /^(\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)+)(?:[._-](.*))?$/;
const SINGLE_NAME_RE = /^(\d+[A-Za-z]?)$/;
const DASH_PART_RE = /^\d+[A-Za-z]?$/;

/** The id in a story file name, or null when the name carries none. */
export function idFromFileName(path: string): NameId | null {
  let name = baseName(path).replace(/\.story$/i, "");
  name = name.replace(/^story[-_.]?(?=\d)/i, "");
  const dotted = DOTTED_NAME_RE.exec(name);
  if (dotted) {
    const id = normalizeId(dotted[1]!);
    return { id, candidates: [id], slug: dotted[2] ?? "" };
  }
  if (SINGLE_NAME_RE.test(name)) {
    const id = normalizeId(name);
    return { id, candidates: [id], slug: "" };
  }
  const parts = name.split(/[-_]/);
  let n = 0;
  while (n < parts.length && DASH_PART_RE.test(parts[n]!)) n++;
  if (n === 0) return null;
  const slug = parts.slice(n).join("-");
  const candidates: string[] = [];
  // Single-part dashed ids ("13-analysis") only when nothing else is possible.
  for (let k = Math.min(n, 2) === 1 ? 1 : 2; k <= n; k++) candidates.push(normalizeId(parts.slice(0, k).join(".")));
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

/** Looks for the marks of a story body; stops early once found. */
export function contentMarks(lines: readonly string[], scanned?: ScannedLines): ContentMarks {
  let title: string | null = null;
  let storyBody = false;
  const { fenced, headings } = scanned ?? scanLines(lines);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fenced[i]) continue;
    const h = headings[i];
    if (h) {
      if (h.level === 1 && title === null) title = h.text;
      const key = headingKey(h.text);
      if (STORY_SECTION_KEYS.has(key) || AC_KEYS.has(key)) storyBody = true;
    } else {
      const bold = line.includes("**") ? /^\s*\*\*([^*]+?):?\*\*:?\s*$/.exec(line) : null;
      if (bold) {
        const key = headingKey(bold[1]!);
        if (key === "story" || AC_KEYS.has(key)) storyBody = true;
      }
      if (/^\s*(?:[-*]\s+)?\**As an?\**\s/i.test(line)) {
        for (let j = i; j < Math.min(lines.length, i + 4); j++) {
          if (/\bI want\b/i.test(lines[j]!)) storyBody = true;
        }
      }
    }
    if (storyBody && title !== null) break;
  }
  return { storyBody, title };
}

/**
 * Decides whether a file is a story. `lines` are the body lines (front matter removed);
 * `hasFrontMatterId` lets a file with an `id:` key be a story whatever its name.
 */
export function identifyFile(path: string, lines: readonly string[], hasFrontMatterId = false, scanned?: ScannedLines): Identification {
  const base = baseName(path);
  if (/^readme$/i.test(base)) return { kind: "skipped", reason: "README, not a story" };
  if (/^epics?(?:$|[-_.])/i.test(base)) return { kind: "skipped", reason: "epic document, not a story" };
  const marks = contentMarks(lines, scanned);
  const title = marks.title === null ? "" : plainText(marks.title);
  if (/^epic\b/i.test(title) && !marks.storyBody) {
    return { kind: "skipped", reason: `epic document (heading "${title}"), not a story` };
  }
  const name = idFromFileName(path);
  if (!marks.storyBody) {
    if (name && COMPANION_RE.test(name.slug.replace(/[._-]/g, " "))) {
      return {
        kind: "skipped",
        reason: `companion document of story ${name.id} ("${name.slug}"): no story section, "As a ... I want" or acceptance criteria`,
      };
    }
    const afterId = title.replace(/^(?:story\s+)?[\d.A-Za-z]*\d[\d.A-Za-z]*\s*[:.–—-]?\s*/i, "");
    if (COMPANION_RE.test(afterId.replace(/.*\s[-–—]\s/, "")) && /\s[-–—]\s/.test(afterId)) {
      return { kind: "skipped", reason: `companion document ("${title}"): no story section or acceptance criteria` };
    }
  }
  if (!name && !hasFrontMatterId && !/^(?:story\s+)?#?\d/i.test(title)) {
    return { kind: "skipped", reason: "no story id in the file name, heading or front matter" };
  }
  return { kind: "story", name };
}
