import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  memoize
} from "./chunk-WOOHVJRX.mjs";
import {
  ID_SUFFIX_SRC,
  normalizeId
} from "./chunk-KNNDJYLI.mjs";

// lib/core/stories/markdown.ts
var EMOJI_RE = new RegExp("\\p{Extended_Pictographic}|\\u{FE0F}|\\u{200D}|\\u{20E3}", "gu");
var PLAIN_WORK_RE = /[^ -)+-^a-~]| {2}/;
var MARKERS_RE = /[*_`]/;
var SPACING_RE = /[^\S ]| {2}/;
var SINGLE_MARKERS_RE = /(^|\s)[*_]+|(?<![*_])[*_]+(?=\s|$|[:.,;])/g;
function plainText(text) {
  if (!PLAIN_WORK_RE.test(text)) return text.trim();
  let s = text;
  if (/[\u0080-\uffff]/.test(s)) s = s.replace(EMOJI_RE, "");
  if (MARKERS_RE.test(s)) {
    s = s.replace(/\*\*|__|`/g, "");
    if (/[*_]/.test(s)) s = s.replace(SINGLE_MARKERS_RE, "$1");
  }
  if (SPACING_RE.test(s)) s = s.replace(/\s+/g, " ");
  return s.trim();
}
function unlink(text) {
  if (!text.includes("](")) return text;
  let out = "";
  let copied = 0;
  let close = -1;
  for (let open = text.indexOf("["); open >= 0; ) {
    if (close <= open) close = text.indexOf("]", open + 1);
    if (close < 0) break;
    if (text.charCodeAt(close + 1) !== 40) {
      open = text.indexOf("[", open + 1);
      continue;
    }
    const end = text.indexOf(")", close + 2);
    if (end < 0) break;
    out += text.slice(copied, open) + text.slice(open + 1, close);
    copied = end + 1;
    open = text.indexOf("[", copied);
  }
  return copied === 0 ? text : out + text.slice(copied);
}
function withoutParens(text) {
  if (!text.includes("(") && !text.includes(")")) return text;
  let out = "";
  let depth = 0;
  for (const ch of text) {
    if (ch === "(") depth++;
    else if (ch === ")") depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out;
}
function isSpace(c) {
  if (c < 128) return c === 32 || c >= 9 && c <= 13;
  return c === 160 || c === 5760 || c >= 8192 && c <= 8202 || c === 8232 || c === 8233 || c === 8239 || c === 8287 || c === 12288 || c === 65279;
}
var LINE_TERMINATOR_RE = /[\n\r\u2028\u2029]/;
function hasInLineTerminator(text) {
  return text.includes("\r") || text.includes("\u2028") || text.includes("\u2029");
}
function parseHeading(line, mayHaveTerminator = true) {
  const n = line.length;
  let i = 0;
  while (i < 3 && i < n && line.charCodeAt(i) === 32) i++;
  const hashes = i;
  while (i < n && line.charCodeAt(i) === 35) i++;
  const level = i - hashes;
  if (level === 0 || level > 6 || i === n || !isSpace(line.charCodeAt(i))) return null;
  while (i < n && isSpace(line.charCodeAt(i))) i++;
  let end = n;
  while (end > i && isSpace(line.charCodeAt(end - 1))) end--;
  while (end > i && line.charCodeAt(end - 1) === 35) end--;
  while (end > i && isSpace(line.charCodeAt(end - 1))) end--;
  const text = line.slice(i, end);
  if (mayHaveTerminator && LINE_TERMINATOR_RE.test(text)) return null;
  return { level, text, key: level === 1 ? computeHeadingKey(text) : headingKey(text) };
}
function leadingChars(chars) {
  const set = new Uint8Array(128);
  for (const ch of chars + " 	\n\v\f\r") set[ch.charCodeAt(0)] = 1;
  return set;
}
var headingKey = memoize(computeHeadingKey, 1e4);
var TRAILING_COLONS_RE = /(?<![:\s])[:\s]+$/;
function computeHeadingKey(text) {
  return plainText(withoutParens(text)).replace(/^\d+(\.\d+)*[.)]?\s+/, "").replace(TRAILING_COLONS_RE, "").toLowerCase();
}
function boldLabel(line) {
  if (!line.includes("**")) return null;
  const m = /^\s*(?:[-*+]\s+)?\*\*([^*]+?)\*\*\s*(?::\s*)?$/.exec(line);
  return m ? m[1] : null;
}
function labelValue(line, label) {
  const m = label.exec(line);
  if (!m) return null;
  const colon = m.index + m[0].length;
  const n = line.length;
  let k = colon;
  while (k < n && isSpace(line.charCodeAt(k))) k++;
  while (k < n && line.charCodeAt(k) === 42) k++;
  while (k < n && isSpace(line.charCodeAt(k))) k++;
  if (k < n) {
    const value = line.slice(k);
    return LINE_TERMINATOR_RE.test(value) ? null : value;
  }
  return k > colon && !LINE_TERMINATOR_RE.test(line[n - 1]) ? line.slice(n - 1) : null;
}
var BULLET_RE = /^(\s*)(?:[-*+]|\d+[.)])\s+/;
var ScannedLines = class {
  /** `bounds`: the start and end offset in `text` of each line, in turn. */
  constructor(text, bounds) {
    this.text = text;
    this.bounds = bounds;
    this.terminatorsInLines = hasInLineTerminator(text);
    const found = findBlocks(this);
    this.fenced = found.fenced;
    this.headings = found.headings;
  }
  /** Whether each line is part of a fenced code block (the fence lines included). */
  fenced;
  /** Each line's heading; null for any other line and inside a fence. */
  headings;
  /**
   * Whether a line may hold a line terminator ("\r", "\u2028", "\u2029"), which a line regex's
   * `.` does not match: false for most bodies, so hand-written readers skip that check.
   */
  terminatorsInLines;
  get count() {
    return this.bounds.length >> 1;
  }
  /** Offset in `text` where line i starts. */
  start(i) {
    return this.bounds[2 * i];
  }
  /** Offset in `text` just past line i's last character. */
  end(i) {
    return this.bounds[2 * i + 1];
  }
  line(i) {
    return this.text.slice(this.bounds[2 * i], this.bounds[2 * i + 1]);
  }
  /**
   * A pre-check for a line regex anchored as `^\s*X`, where X must begin with a character of
   * `set` (made by leadingChars): false when line i cannot match because its first character is
   * ASCII, not whitespace and not in the set. A non-ASCII first character may be a Unicode space,
   * so it passes; an empty line does not. Most lines are turned down without running the regex.
   */
  leadingCharIn(i, set) {
    const start = this.bounds[2 * i];
    if (start === this.bounds[2 * i + 1]) return false;
    const c = this.text.charCodeAt(start);
    return c < 128 ? set[c] === 1 : true;
  }
  /**
   * Whether line i, without trailing whitespace, an optional ":" and whitespace again, ends with
   * "**": what every bold-label pattern (`**Tasks:**`, `**Blocks**:`) needs at its end.
   */
  endsBold(i) {
    const start = this.bounds[2 * i];
    let k = this.bounds[2 * i + 1];
    while (k > start && isSpace(this.text.charCodeAt(k - 1))) k--;
    if (k > start && this.text.charCodeAt(k - 1) === 58) k--;
    while (k > start && isSpace(this.text.charCodeAt(k - 1))) k--;
    return k - start >= 2 && this.text.charCodeAt(k - 1) === 42 && this.text.charCodeAt(k - 2) === 42;
  }
  /**
   * Whether line i starts like `^\s*(?:[-*]\s+)?\**<word>` (`word` lower-case, matched without
   * case): what a `- **Status:** Done` pattern needs before its own regex is worth running.
   */
  startsWithLabel(i, word) {
    const { text } = this;
    const end = this.bounds[2 * i + 1];
    let k = this.bounds[2 * i];
    while (k < end && isSpace(text.charCodeAt(k))) k++;
    if (k + 1 < end && (text.charCodeAt(k) === 45 || text.charCodeAt(k) === 42) && isSpace(text.charCodeAt(k + 1))) {
      k++;
      while (k < end && isSpace(text.charCodeAt(k))) k++;
    }
    while (k < end && text.charCodeAt(k) === 42) k++;
    if (end - k < word.length) return false;
    for (let j = 0; j < word.length; j++) {
      const c = text.charCodeAt(k + j);
      const w = word.charCodeAt(j);
      if (c !== w && (c | 32) !== w) return false;
    }
    return true;
  }
  /** The first character of line i that is not whitespace (as trim() sees it); -1: a blank line. */
  firstNonSpace(i) {
    const end = this.bounds[2 * i + 1];
    for (let k = this.bounds[2 * i]; k < end; k++) {
      const c = this.text.charCodeAt(k);
      if (!isSpace(c)) return c;
    }
    return -1;
  }
};
function scanBody(text) {
  let count = 1;
  for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", nl + 1)) count++;
  const bounds = new Array(2 * count);
  let start = 0;
  for (let i = 0; i < count - 1; i++) {
    const nl = text.indexOf("\n", start);
    bounds[2 * i] = start;
    bounds[2 * i + 1] = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    start = nl + 1;
  }
  bounds[2 * count - 2] = start;
  bounds[2 * count - 1] = text.length;
  return new ScannedLines(text, bounds);
}
function scanLines(lines) {
  const bounds = [];
  let start = 0;
  for (const line of lines) {
    bounds.push(start, start + line.length);
    start += line.length + 1;
  }
  return new ScannedLines(lines.join("\n"), bounds);
}
var FENCE_START = leadingChars("`~");
var FENCE_RE = /^\s*(`{3,}|~{3,})/;
var HEADING_START = leadingChars("#");
function findBlocks(scan) {
  const n = scan.count;
  const fenced = new Array(n);
  const headings = new Array(n);
  let fence = null;
  for (let i = 0; i < n; i++) {
    const mayFence = scan.leadingCharIn(i, FENCE_START);
    const mayHead = scan.leadingCharIn(i, HEADING_START);
    const line = mayFence || mayHead ? scan.line(i) : "";
    const m = mayFence ? FENCE_RE.exec(line) : null;
    if (fence === null) {
      fenced[i] = m !== null;
      if (m) fence = m[1];
    } else {
      fenced[i] = true;
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && /^\s*[`~]+\s*$/.test(line)) fence = null;
    }
    headings[i] = !fenced[i] && mayHead ? parseHeading(line, scan.terminatorsInLines) : null;
  }
  return { fenced, headings };
}

// lib/core/stories/normal-id.ts
function normalId(id) {
  let start = 0;
  for (let i = 0; i <= id.length; i++) {
    const c = i < id.length ? id.charCodeAt(i) : 46;
    if (c === 45) return normalizeId(id);
    if (c !== 46) continue;
    const length = i - start;
    if (length > 15 || length > 1 && id.charCodeAt(start) === 48) return normalizeId(id);
    start = i + 1;
  }
  return id;
}

// lib/core/stories/identify.ts
function endsWithNoCase(text, suffix) {
  const from = text.length - suffix.length;
  if (from < 0) return false;
  for (let i = 0; i < suffix.length; i++) {
    const c = text.charCodeAt(from + i);
    const s = suffix.charCodeAt(i);
    if (c !== s && !(s >= 97 && s <= 122 && (c | 32) === s)) return false;
  }
  return true;
}
function baseName(path) {
  const b = path.slice(path.lastIndexOf("/") + 1);
  return endsWithNoCase(b, ".md") ? b.slice(0, -3) : b;
}
function startsWithLetter(text, letter) {
  return text.length > 0 && (text.charCodeAt(0) | 32) === letter.charCodeAt(0);
}
var DOTTED_NAME_RE = new RegExp(
  String.raw`^(\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)+)(?:-(\d+[A-Za-z]?)(?=[-_]|$))?(?:[-_](${ID_SUFFIX_SRC})(?=[-_.]|$))?(?:[._-](.*))?$`
);
var NAME_SUFFIX_RE = new RegExp(String.raw`^${ID_SUFFIX_SRC}$`);
var SINGLE_NAME_RE = /^(\d+[A-Za-z]?)$/;
var DASH_PART_RE = /^\d+[A-Za-z]?$/;
var KIND_WORD_RE = /^(?:story|task|issue)[-_.]?(?=\d|[A-Z][A-Z0-9]{0,15}[-_]\d)/i;
var NAME_NAMESPACE_RE = /^([A-Z][A-Z0-9]{0,15})[-_](?=\d)/;
function idFromFileName(path) {
  return idFromBaseName(baseName(path));
}
function idFromBaseName(base) {
  let name = endsWithNoCase(base, ".story") ? base.slice(0, -6) : base;
  const kind = KIND_WORD_RE.exec(name);
  if (kind) name = name.slice(kind[0].length);
  const ns = NAME_NAMESPACE_RE.exec(name);
  if (ns && ns[1] !== "EPIC") {
    const inner = numberedName(name.slice(ns[0].length));
    if (!inner) return null;
    const namespaced = (id) => normalId(`${ns[1]}-${id}`);
    return { id: namespaced(inner.id), candidates: inner.candidates.map(namespaced), slug: inner.slug, namespaced: true };
  }
  return numberedName(name);
}
function numberedName(name) {
  const dotted = DOTTED_NAME_RE.exec(name);
  if (dotted) {
    const whole = normalId(dotted[2] === void 0 ? dotted[1] : `${dotted[1]}.${dotted[2]}`);
    const slug2 = dotted[4] ?? "";
    if (dotted[3] === void 0) return { id: whole, candidates: [whole], slug: slug2, namespaced: false };
    const id = withPart(whole, dotted[3]);
    return { id, candidates: [whole, id], slug: `${dotted[3]}${slug2 === "" ? "" : `-${slug2}`}`, namespaced: false };
  }
  if (SINGLE_NAME_RE.test(name)) {
    const id = normalId(name);
    return { id, candidates: [id], slug: "", namespaced: false };
  }
  const parts = name.split(/[-_]/);
  let n = 0;
  while (n < parts.length && DASH_PART_RE.test(parts[n])) n++;
  if (n === 0) return null;
  const slug = parts.slice(n).join("-");
  const candidates = [];
  for (let k = Math.min(n, 2) === 1 ? 1 : 2; k <= n; k++) candidates.push(normalId(parts.slice(0, k).join(".")));
  if (n < parts.length && NAME_SUFFIX_RE.test(parts[n])) candidates.push(withPart(candidates[candidates.length - 1], parts[n]));
  return { id: candidates[candidates.length - 1], candidates, slug, namespaced: false };
}
function withPart(id, part) {
  return normalId(`${id}-${part.charAt(0).toUpperCase()}${part.slice(1).toLowerCase()}`);
}
function skippedByName(base) {
  const c = base.length > 0 ? base.charCodeAt(0) | 32 : 0;
  if (c === 114 && /^readme$/i.test(base)) return "README, not a story";
  if (/\.(?:bak|old|orig|backup|copy)(?=$|\.)/i.test(base)) return "backup copy (its name ends in .bak, .old, .orig, .backup or .copy), not a story";
  if (c === 98 && /^bmad[-_]/i.test(base)) return "BMAD tool file (bmad-*), not a story";
  if (c === 103 && /^github[-_]mapping$/i.test(base)) return "ccpm GitHub issue mapping (read for the tasks' local numbers), not a story";
  if (c === 101 && /^execution[-_]status$/i.test(base)) return "ccpm execution status, not a story";
  if (c === 116 && /^tech[-_]?spec(?:$|[-_.])/i.test(base)) return "tech spec, not a story";
  return null;
}
function isBackupName(path) {
  return /[-_.](?:bak|backup|old|orig|copy)(?:[-_.]?\d+)?$/i.test(baseName(path).replace(/\.story$/i, ""));
}
function skippedByFolder(path) {
  if (/(?:^|\/)(?:tasks?[-_]?archive|archive)\//i.test(path)) return "in an archive folder (superseded drafts), not a current story";
  if (/(?:^|\/)\.claude\/epics\/(?:archived\/)?[^/]+\/updates\//.test(path)) return "ccpm progress update (updates/), not a task";
  return null;
}
var DOCUMENT_KINDS = [
  [/\bretro(?:spective)?s?\b/i, "retrospective"],
  [/\btemplates?\b/i, "template"],
  [/\btech[-_ ]?spec/i, "tech spec"],
  [/\breviews?\b/i, "review"],
  [/\b(?:context|summary|report|analysis|guide|notes|checklist|status)\b/i, "document about the stories"]
];
var COMPANION_RE = /\b(summary|review|reviews|guide|delivery|qa|notes|checklist|report|analysis|handoff|retro|retrospective|changelog|context|completion)\b/i;
var DOCUMENT_TITLE_END_RE = /\b(?:summary|review|guide|notes|checklist|report|analysis|handoff|retrospective|changelog)\s*$/i;
function looksLikeCompanion(path, title) {
  const slug = idFromBaseName(baseName(path))?.slug ?? "";
  return slug !== "" && (DOCUMENT_TITLE_END_RE.test(slug.replace(/[._-]/g, " ")) || DOCUMENT_TITLE_END_RE.test(title));
}
function titleNamesNoDocument(title) {
  return !COMPANION_RE.test(title);
}
function isPlainStoryName(path) {
  const name = idFromBaseName(baseName(path));
  return name !== null && (name.slug === "" || name.slug.toLowerCase() === "story");
}
var STORIES_RANGE_TITLE_RE = /^stories\s+#?(\d+(?:\.\d+)*[a-z]?)\s*(?:-|–|—|~|to|through)\s*#?(\d+(?:\.\d+)*[a-z]?)(?![\w.])/i;
var RANGE_DOCUMENT_RE = /(?:^|[-_. ])(?:summary|summaries|remaining|report|overview|phase\d+)(?=$|[-_. ])/i;
var RANGE_END_RE = /^(\d+(?:\.\d+)*)(?=$|[-_.](?!\d))/;
function rangeSummary(name, title) {
  if (!name.id.includes(".") || name.namespaced) return null;
  const end = RANGE_END_RE.exec(name.slug);
  if (!end) return null;
  const from = name.id.split(".");
  const written = end[1].split(".");
  const to = written.length === 1 ? [...from.slice(0, -1), written[0]] : written;
  if (to.length !== from.length || to.slice(0, -1).join(".") !== from.slice(0, -1).join(".")) return null;
  if (!(Number(to[to.length - 1]) > Number.parseInt(from[from.length - 1], 10))) return null;
  const rest = name.slug.slice(end[0].length);
  if (!RANGE_DOCUMENT_RE.test(rest) && !/^stories\s+\d/i.test(title)) return null;
  return `${name.id}-${normalId(to.join("."))}`;
}
var STORY_SECTION_KEYS = /* @__PURE__ */ new Set(["story", "user story", "story description", "story statement", "description"]);
var AC_KEYS = /* @__PURE__ */ new Set(["acceptance criteria", "acceptance criteria (acs)", "acs"]);
var STAR = leadingChars("*");
var AS_A_START = leadingChars("-*Aa");
function contentMarks(body) {
  let title = null;
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
        const key = headingKey(bold[1]);
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
function identifyFile(path, body, hasOtherId = false) {
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
  const range = STORIES_RANGE_TITLE_RE.exec(title);
  if (range) return { kind: "skipped", reason: `index of stories ${range[1]} to ${range[2]} (heading "${title}"), not a story` };
  if (!marks.storyBody) {
    if (name && COMPANION_RE.test(name.slug.replace(/[._-]/g, " "))) {
      return {
        kind: "skipped",
        reason: `companion document of story ${name.id} ("${name.slug}"): no story section, "As a ... I want" or acceptance criteria`,
        companionByName: name
      };
    }
    const afterId = title.replace(/^(?:story\s+)?[\d.A-Za-z]*\d[\d.A-Za-z]*\s*[:.–—-]?\s*/i, "");
    if (COMPANION_RE.test(afterId.replace(/^.*\s[-–—]\s/, "")) && /\s[-–—]\s/.test(afterId)) {
      return { kind: "skipped", reason: `companion document ("${title}"): no story section or acceptance criteria` };
    }
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

export {
  plainText,
  unlink,
  withoutParens,
  isSpace,
  LINE_TERMINATOR_RE,
  leadingChars,
  headingKey,
  boldLabel,
  labelValue,
  BULLET_RE,
  ScannedLines,
  scanBody,
  scanLines,
  normalId,
  baseName,
  idFromFileName,
  idFromBaseName,
  isBackupName,
  looksLikeCompanion,
  titleNamesNoDocument,
  isPlainStoryName,
  identifyFile
};
