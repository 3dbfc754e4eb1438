import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  parseBounded,
  require_dist
} from "./chunk-FXAY26PB.mjs";
import {
  keyOf,
  memoize
} from "./chunk-SDYTFI6O.mjs";
import {
  MAX_EPIC_SPAN,
  epicOf,
  isStoryId,
  normalizeId
} from "./chunk-L6YY6IB4.mjs";
import {
  AGENT_NAME_RE
} from "./chunk-WXMZ5N7V.mjs";
import {
  diag
} from "./chunk-43TV4QD6.mjs";
import {
  __toESM
} from "./chunk-EGEKWWZA.mjs";

// lib/core/stories/parse-story.ts
var import_yaml = __toESM(require_dist(), 1);

// lib/core/stories/markdown.ts
var ID_SRC = String.raw`\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)*(?![A-Za-z0-9])`;
var DOTTED_ID_SRC = String.raw`\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)+(?![A-Za-z0-9])`;
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
    for (let j = 0; j < word.length; j++) if ((text.charCodeAt(k + j) | 32) !== word.charCodeAt(j)) return false;
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
    if (i < id.length && id.charCodeAt(i) !== 46) continue;
    const length = i - start;
    if (length > 15 || length > 1 && id.charCodeAt(start) === 48) return normalizeId(id);
    start = i + 1;
  }
  return id;
}

// lib/core/stories/dependencies.ts
var FORWARD_LABELS = /* @__PURE__ */ new Set([
  "dependencies",
  "dependency",
  "story dependencies",
  "depends on",
  "depend on",
  "dependent on",
  "prerequisites",
  "prerequisite",
  "pre-requisites",
  "blocked by",
  "requires",
  "required stories"
]);
var REVERSE_LABELS = /* @__PURE__ */ new Set(["blocks", "blocking", "enables", "unblocks"]);
function keyDirection(key) {
  if (FORWARD_LABELS.has(key)) return "forward";
  if (REVERSE_LABELS.has(key)) return "reverse";
  return null;
}
function direction(label) {
  return keyDirection(headingKey(label));
}
var IGNORED_SECTION_RE = /\b(qa|review|reviews|reviewed|validation|assessment|change ?log|checklist|definition of done|gate)\b/i;
var ignoredSection = memoize((text) => IGNORED_SECTION_RE.test(plainText(text)), 1e4);
var LABEL_RE = /^([A-Za-z][A-Za-z -]{2,30}?)\s*:\s*(.*)$/;
var NO_COLON_RE = /^(depends on|requires|blocked by)\s+((?:completion of\s+)?(?:stor(?:y|ies)|epics?)\s.*)$/i;
var NONE_RE = /^(?:none|n\/a|nil|no dependencies|no story dependencies)(?![A-Za-z])|^[-–—]+\s*\.?$/i;
var ITEM_SRC = String.raw`#?${ID_SRC}(?:\s*(?:-|–|—|\bto\b|\bthrough\b)\s*#?${ID_SRC})?`;
var SEP_SRC = String.raw`\s*(?:,|;|&|/|\band\b)\s*(?:and\s+)?`;
var KEYWORD_LIST_RE = new RegExp(
  String.raw`\b(stor(?:y|ies)|epics?)\s+(${ITEM_SRC}(?:${SEP_SRC}${ITEM_SRC})*)`,
  "gi"
);
var BARE_LIST_RE = new RegExp(String.raw`^(${ITEM_SRC}(?:(?:${SEP_SRC}|\s+)${ITEM_SRC})*)\s*\.?$`, "i");
var SPLIT_RE = new RegExp(String.raw`(?:${SEP_SRC}|\s+(?=#?\d))`, "i");
var SEP_RE = new RegExp(SEP_SRC, "i");
var STORY_WORD_RE = /\bstor(?:y|ies)\s+(?=#?\d)/i;
var STORY_WORDS_RE = /\bstor(?:y|ies)\s+(?=#?\d)/gi;
var STORY_WORD_AT_START_RE = /^stor(?:y|ies)\s+(?=#?\d)/i;
var RANGE_RE = new RegExp(String.raw`^#?(${ID_SRC})\s*(?:-|–|—|to|through)\s*#?(${ID_SRC})$`, "i");
var LEAD_ID_RE = new RegExp(String.raw`^#?(${DOTTED_ID_SRC})(?=$|\s|:|-|–|—)`);
function pushAll(out, items) {
  for (const item of items) out.push(item);
}
function storyRef(id, raw, line) {
  return { target: { kind: "story", id: normalId(id) }, raw, line };
}
function itemRefs(item, epic, line, raw = item.trim()) {
  const text = item.trim();
  const range = RANGE_RE.exec(text);
  if (range) {
    const from = normalId(range[1]);
    const to = normalId(range[2]);
    const sameShape = from.split(".").length === to.split(".").length;
    if (epic) {
      const [a, b] = [Number(from), Number(to)];
      if (sameShape && Number.isInteger(a) && Number.isInteger(b) && (b < a || b - a > MAX_EPIC_SPAN)) {
        return [{ target: { kind: "epic", epic: `${from}-${to}` }, raw, line }];
      }
      if (!sameShape || !Number.isInteger(a) || !Number.isInteger(b)) {
        return [{ target: { kind: "epic", epic: from }, raw, line }];
      }
      const out = [];
      for (let e = a; e <= b; e++) out.push({ target: { kind: "epic", epic: String(e) }, raw, line });
      return out;
    }
    if (!sameShape) {
      const written = `${raw.slice(0, raw.length - text.length)}${text.startsWith("#") ? "#" : ""}${range[1]}`;
      return [storyRef(from, written, line)];
    }
    return [{ target: { kind: "range", from, to }, raw, line }];
  }
  const id = normalId(text.charCodeAt(0) === 35 ? text.slice(1) : text);
  if (epic) return [{ target: { kind: "epic", epic: id }, raw, line }];
  return [storyRef(id, raw, line)];
}
function refsIn(text, line, mode) {
  const clean = plainText(withoutParens(unlink(text)));
  if (NONE_RE.test(clean)) return { refs: [], none: true };
  const refs = [];
  if (mode === "value") {
    const bare = BARE_LIST_RE.exec(clean);
    if (bare) {
      for (const item of bare[1].split(SPLIT_RE)) if (item.trim()) pushAll(refs, itemRefs(item, false, line));
      return { refs, none: false };
    }
    if (STORY_WORD_RE.test(clean) && BARE_LIST_RE.test(clean.replace(STORY_WORDS_RE, ""))) {
      for (const piece of clean.replace(/\s*\.$/, "").split(SEP_RE)) {
        const p = piece.trim();
        const word = STORY_WORD_AT_START_RE.exec(p)?.[0] ?? "";
        let first = true;
        for (const item of p.slice(word.length).split(SPLIT_RE)) {
          if (!item.trim()) continue;
          pushAll(refs, itemRefs(item, false, line, first && word ? `${word}${item.trim()}` : item.trim()));
          first = false;
        }
      }
      return { refs, none: false };
    }
  }
  if (mode === "bullet") {
    const lead = LEAD_ID_RE.exec(clean);
    if (lead) refs.push(storyRef(lead[1], lead[0], line));
  }
  for (const m of clean.matchAll(KEYWORD_LIST_RE)) {
    const epic = m[1].toLowerCase().startsWith("epic");
    let first = true;
    for (const item of m[2].split(new RegExp(SEP_SRC, "i"))) {
      if (!item.trim()) continue;
      pushAll(refs, itemRefs(item, epic, line, first ? `${m[1]} ${item.trim()}` : item.trim()));
      first = false;
    }
  }
  return { refs, none: false };
}
function targetKey(t) {
  switch (t.kind) {
    case "story":
      return `s:${keyOf(t.id)}`;
    case "range":
      return `r:${keyOf(t.from)}-${keyOf(t.to)}`;
    case "epic":
      return `e:${keyOf(t.epic)}`;
  }
}
function dedupeRefs(refs) {
  if (refs.length < 2) return [...refs];
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const r of refs) {
    const k = targetKey(r.target);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(r);
    }
  }
  return out;
}
var LABEL_SKIP = new Uint8Array(128);
for (const ch of " 	\n\v\f\r-*+0123456789.)>[]xX_`") LABEL_SKIP[ch.charCodeAt(0)] = 1;
var LABEL_OPENINGS = new Uint8Array(128 * 128);
for (const label of [...FORWARD_LABELS, ...REVERSE_LABELS, "depends on", "requires", "blocked by"]) {
  LABEL_OPENINGS[label.charCodeAt(0) * 128 + label.charCodeAt(1)] = 1;
}
function mayBeLabel(text, start, end) {
  let first = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128 || LABEL_SKIP[c] === 1) continue;
    if (first < 0) first = c | 32;
    else return LABEL_OPENINGS[first * 128 + (c | 32)] === 1;
  }
  return false;
}
function labelLine(line) {
  const body = plainText(line.replace(BULLET_RE, "").replace(/^\s*>\s*/, "").replace(/^\[[ xX]\]\s*/, ""));
  const m = LABEL_RE.exec(body);
  if (m) {
    const dir = direction(m[1]);
    if (dir) return { dir, value: m[2] };
  }
  const n = NO_COLON_RE.exec(body);
  if (n) return { dir: "forward", value: n[2] };
  return null;
}
function extractDependencies(body, lineOffset = 0) {
  const scan = body instanceof ScannedLines ? body : scanLines(body);
  const { fenced, headings, count } = scan;
  const refs = [];
  const blocks = [];
  let declaredLine;
  const stack = [];
  let ignored = false;
  let section = null;
  let sub = null;
  let block = null;
  const record = (dir, found, line) => {
    if (dir === "reverse") {
      pushAll(blocks, found.refs);
      return;
    }
    pushAll(refs, found.refs);
    if ((found.none || found.refs.length > 0) && declaredLine === void 0) declaredLine = line;
  };
  for (let i = 0; i < count; i++) {
    const lineNo = lineOffset + i + 1;
    if (fenced[i]) continue;
    const heading = headings[i];
    if (heading) {
      while (stack.length > 0 && stack[stack.length - 1].level >= heading.level) stack.pop();
      const ignoredHere = heading.level > 1 && ignoredSection(heading.text);
      stack.push({ level: heading.level, ignored: ignoredHere });
      ignored = stack.some((h) => h.ignored);
      section = keyDirection(heading.key);
      sub = null;
      block = null;
      continue;
    }
    if (ignored) continue;
    const first = scan.firstNonSpace(i);
    if (first === 124) continue;
    if (first < 0) {
      if (block?.seenBullet) block = null;
      continue;
    }
    const label = mayBeLabel(scan.text, scan.start(i), scan.end(i)) ? labelLine(scan.line(i)) : null;
    if (label) {
      if (plainText(label.value) === "") {
        if (section) sub = label.dir;
        else block = { dir: label.dir, seenBullet: false };
      } else {
        record(label.dir, refsIn(label.value, lineNo, "value"), lineNo);
        block = null;
      }
      continue;
    }
    if (!block && !sub && !section) continue;
    const raw = scan.line(i);
    if (section && boldLabel(raw) !== null) {
      sub = "none";
      continue;
    }
    const isBullet = BULLET_RE.test(raw) || /^\s{2,}\S/.test(raw);
    if (block) {
      if (isBullet) {
        block.seenBullet = true;
        record(block.dir, refsIn(raw.replace(BULLET_RE, ""), lineNo, "bullet"), lineNo);
        continue;
      }
      block = null;
    }
    const dir = sub ?? section;
    if (dir && dir !== "none") {
      const text = raw.replace(BULLET_RE, "").replace(/^\[[ xX]\]\s*/, "");
      record(dir, refsIn(text, lineNo, isBullet ? "bullet" : "prose"), lineNo);
    }
  }
  const info = {
    declared: declaredLine !== void 0,
    refs: dedupeRefs(refs),
    blocks: dedupeRefs(blocks)
  };
  if (declaredLine !== void 0) info.line = declaredLine;
  return info;
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
var DOTTED_NAME_RE = /^(\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)+)(?:[._-](.*))?$/;
var SINGLE_NAME_RE = /^(\d+[A-Za-z]?)$/;
var DASH_PART_RE = /^\d+[A-Za-z]?$/;
function idFromBaseName(base) {
  let name = endsWithNoCase(base, ".story") ? base.slice(0, -6) : base;
  if (startsWithLetter(name, "s")) name = name.replace(/^story[-_.]?(?=\d)/i, "");
  const dotted = DOTTED_NAME_RE.exec(name);
  if (dotted) {
    const id = normalId(dotted[1]);
    return { id, candidates: [id], slug: dotted[2] ?? "" };
  }
  if (SINGLE_NAME_RE.test(name)) {
    const id = normalId(name);
    return { id, candidates: [id], slug: "" };
  }
  const parts = name.split(/[-_]/);
  let n = 0;
  while (n < parts.length && DASH_PART_RE.test(parts[n])) n++;
  if (n === 0) return null;
  const slug = parts.slice(n).join("-");
  const candidates = [];
  for (let k = Math.min(n, 2) === 1 ? 1 : 2; k <= n; k++) candidates.push(normalId(parts.slice(0, k).join(".")));
  return { id: candidates[candidates.length - 1], candidates, slug };
}
var COMPANION_RE = /\b(summary|review|reviews|guide|delivery|qa|notes|checklist|report|analysis|handoff|retro|retrospective|changelog)\b/i;
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
function identifyFile(path, body, hasFrontMatterId = false) {
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
        reason: `companion document of story ${name.id} ("${name.slug}"): no story section, "As a ... I want" or acceptance criteria`
      };
    }
    const afterId = title.replace(/^(?:story\s+)?[\d.A-Za-z]*\d[\d.A-Za-z]*\s*[:.–—-]?\s*/i, "");
    if (COMPANION_RE.test(afterId.replace(/^.*\s[-–—]\s/, "")) && /\s[-–—]\s/.test(afterId)) {
      return { kind: "skipped", reason: `companion document ("${title}"): no story section or acceptance criteria` };
    }
  }
  if (!name && !hasFrontMatterId && !/^(?:story\s+)?#?\d/i.test(title)) {
    return { kind: "skipped", reason: "no story id in the file name, heading or front matter" };
  }
  return { kind: "story", name };
}

// lib/core/stories/front-matter.ts
import { createRequire } from "node:module";
var FRONT_MATTER_START_RE = /^---[ \t]*\r?\n/;
var grayMatter;
var localRequire = createRequire(import.meta.url);
var engines = {
  yaml: (s) => parseBounded(s.replace(/\r\n?/g, "\n"), { schema: "failsafe" }) ?? {}
};
function frontMatterClosed(text) {
  return text.indexOf("\n---", 3) !== -1;
}
function splitFrontMatter(text) {
  grayMatter ??= localRequire("gray-matter");
  const { matter, data, content } = grayMatter(text, { engines });
  return { matter, data: data ?? {}, content };
}

// lib/core/stories/technologies.ts
var TECHNOLOGIES = [
  "python",
  "django",
  "fastapi",
  "flask",
  "pytest",
  "go",
  "rust",
  "java",
  "kotlin",
  "swift",
  "react",
  "nextjs",
  "vue",
  "svelte",
  "angular",
  "typescript",
  "javascript",
  "node",
  "html",
  "css",
  "tailwind",
  "figma",
  "docs"
];
var EVIDENCE = {
  python: [
    ["python", /\bpython\d?(?:\.\d+)?\b/i],
    [".py", /[\w-]\.py\b/],
    ["requirements", /\brequirements(?:-\w+)?\.txt\b/],
    ["pyproject", /\bpyproject\.toml\b/]
  ],
  django: [["django", /\bdjango\b/i]],
  fastapi: [["fastapi", /\bfastapi\b/i]],
  flask: [["flask", /\bflask\b/i]],
  pytest: [["pytest", /\bpytest\b/i]],
  // Never the bare word: only Go as a language name in context, golang, go.mod, *.go, go tooling.
  go: [
    ["golang", /\bgolang\b/i],
    ["go$", /\bgo\.(?:mod|sum)\b/],
    [".go$", /[\w-]\.go\b(?!\w)/],
    ["go$", /\bgo (?:test|build|run|mod|get|vet|fmt|install|generate)\b/],
    [
      "go$",
      /\bGo (?:\d+\.\d+|module|modules|code|service|services|backend|binary|binaries|package|packages|project|developer|developers|program|programs|library|libraries|version|toolchain|routine|routines|struct|structs|interface|interfaces|handler|handlers|server|CLI|API)\b/
    ],
    ["go$", /\b(?:in|using|with|written in|rewrite in|port to) Go\b(?![\w-])/],
    ["goroutine", /\bgoroutines?\b/i]
  ],
  rust: [
    ["rust", /\bRust\b/],
    ["cargo", /\bCargo\.toml\b/],
    ["cargo", /\bcargo (?:build|test|run)\b/],
    [".rs", /[\w-]\.rs\b/]
  ],
  java: [
    ["java", /\bjava\b(?!script)/i],
    ["spring", /\bspring boot\b/i],
    ["maven", /\bmaven\b/i],
    ["gradle", /\bgradle\b/i]
  ],
  kotlin: [["kotlin", /\bkotlin\b/i]],
  swift: [["swift", /\bswift(?:ui)?\b/i]],
  react: [
    ["react", /\bReact\b/],
    ["react", /\breact-dom\b/],
    ["react", /\breact(?:js|\.js)\b/i],
    [".jsx .tsx", /[\w-]\.(?:jsx|tsx)\b/],
    ["usestate useeffect", /\buse(?:State|Effect)\b/]
  ],
  nextjs: [
    ["next", /\bnext\.?js\b/i],
    ["next", /\bnext\.config\.(?:js|mjs|ts)\b/]
  ],
  vue: [
    ["vue", /\bvue(?:\.?js)?\b/i],
    [".vue", /[\w-]\.vue\b/]
  ],
  svelte: [["svelte", /\bsvelte(?:kit)?\b/i]],
  angular: [["angular", /\bangular\b/i]],
  typescript: [
    ["typescript", /\btypescript\b/i],
    ["tsconfig", /\btsconfig(?:\.\w+)?\.json\b/],
    [".ts", /[\w-]\.tsx?\b/]
  ],
  javascript: [
    ["javascript", /\bjavascript\b/i],
    ["es6", /\bES6\b/],
    // `\b(?!next\.|node\.|vue\.)[\w-]+\.m?jsx?\b`, read from the ".": that regex scanned from
    // every word start of a long `a-a-a-…` run to its end (quadratic); the look-behind reads each
    // run once, back from the "." after it.
    [".js .mjs", /\.(?<=\b(?!next\.|node\.|vue\.)[\w-]+\.)m?jsx?\b/i]
  ],
  node: [
    ["node", /\bnode\.?js\b/i],
    ["node", /\bNode (?:\d+|LTS)\b/],
    ["package", /\bpackage\.json\b/],
    ["npm$", /\bnpm (?:install|run|test|i)\b/]
  ],
  html: [["html", /\bhtml5?\b/i]],
  css: [
    ["css", /\bcss3?\b/i],
    [".css .scss", /[\w-]\.s?css\b/]
  ],
  tailwind: [["tailwind", /\btailwind(?:css)?\b/i]],
  figma: [["figma", /\bfigma\b/i]],
  docs: [
    ["documentation", /\bdocumentation\b/i],
    ["docs$", /\bdocs\b/i],
    ["readme", /\bREADME\b/]
  ]
};
var NEEDLES = /* @__PURE__ */ new Map();
var NEEDLES_BY_FIRST = /* @__PURE__ */ new Map();
var BY_TECHNOLOGY = [];
for (const t of TECHNOLOGIES) {
  const evidence = [];
  for (const [spellings, pattern] of EVIDENCE[t]) {
    const needles = [];
    for (const spec of spellings.split(" ")) {
      let needle = NEEDLES.get(spec);
      if (!needle) {
        const afterDot = spec.startsWith(".");
        const wholeWord = spec.endsWith("$");
        const word = spec.slice(afterDot ? 1 : 0, wholeWord ? -1 : void 0);
        if (!/^[a-z][a-z0-9]*$/.test(word)) throw new Error(`technology needle ${spec}: letters and digits only`);
        needle = { word, afterDot, wholeWord, index: NEEDLES.size };
        NEEDLES.set(spec, needle);
        const list = NEEDLES_BY_FIRST.get(word.charCodeAt(0)) ?? [];
        list.push(needle);
        NEEDLES_BY_FIRST.set(word.charCodeAt(0), list);
      }
      needles.push(needle.index);
    }
    evidence.push({ needles, pattern });
  }
  BY_TECHNOLOGY.push({ technology: t, needles: [...new Set(evidence.flatMap((e) => e.needles))], evidence });
}
var NEEDLE_RE = new RegExp(
  String.raw`\b(?:${[...new Set([...NEEDLES.values()].map((n) => n.word + (n.wholeWord ? String.raw`\b` : "")))].join("|")})`,
  "gi"
);
function isWordChar(c) {
  return c >= 97 && c <= 122 || c >= 65 && c <= 90 || c >= 48 && c <= 57 || c === 95;
}
function needleAt(text, at, n) {
  const { word } = n;
  if (n.afterDot && (at === 0 || text.charCodeAt(at - 1) !== 46)) return false;
  if (at + word.length > text.length) return false;
  for (let k = 0; k < word.length; k++) {
    const c = text.charCodeAt(at + k);
    const w = word.charCodeAt(k);
    if (c !== w && !(w >= 97 && w <= 122 && (c | 32) === w)) return false;
  }
  const after = at + word.length;
  return !n.wholeWord || after === text.length || !isWordChar(text.charCodeAt(after));
}
function needlesIn(text) {
  let found = null;
  const re = NEEDLE_RE;
  re.lastIndex = 0;
  while (re.test(text)) {
    let at = re.lastIndex - 1;
    while (at > 0 && isWordChar(text.charCodeAt(at - 1))) at--;
    for (const n of NEEDLES_BY_FIRST.get(text.charCodeAt(at) | 32) ?? []) {
      if (needleAt(text, at, n)) (found ??= new Uint8Array(NEEDLES.size))[n.index] = 1;
    }
  }
  return found;
}
function anyFound(found, needles) {
  for (const n of needles) if (found[n] === 1) return true;
  return false;
}
function detectTechnologies(text) {
  const out = [];
  const found = needlesIn(text);
  if (found === null) return out;
  for (const { technology, needles, evidence } of BY_TECHNOLOGY) {
    if (!anyFound(found, needles)) continue;
    for (const e of evidence) {
      if (anyFound(found, e.needles) && e.pattern.test(text)) {
        out.push(technology);
        break;
      }
    }
  }
  return out;
}

// lib/core/stories/parse-story.ts
function readFrontMatter(path, text) {
  if (!FRONT_MATTER_START_RE.test(text)) return { ok: true, fm: null, body: text, bodyOffset: 0 };
  if (!frontMatterClosed(text)) {
    return {
      ok: false,
      error: diag("invalid-front-matter", "Front matter opened by `---` on line 1 is never closed: add a `---` line after it (or remove line 1 if it is not front matter)", path, 1)
    };
  }
  let file;
  try {
    file = splitFrontMatter(text);
  } catch (e) {
    const line = e instanceof import_yaml.YAMLParseError ? e.linePos?.[0]?.line : void 0;
    const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
    return { ok: false, error: diag("invalid-front-matter", `Front matter is not valid YAML: ${why}`, path, line) };
  }
  const data = file.data;
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return {
      ok: false,
      error: diag("invalid-front-matter", "Front matter must be a mapping of keys (e.g. `id: 1.2`)", path, 2)
    };
  }
  const lines = file.matter.split("\n");
  const keyLines = /* @__PURE__ */ new Map();
  lines.forEach((l, i) => {
    const m = /^([A-Za-z_][\w-]*)\s*:/.exec(l);
    if (m && !keyLines.has(m[1])) keyLines.set(m[1], i + 1);
  });
  const body = file.content;
  const prefix = text.slice(0, text.length - body.length);
  const bodyOffset = body === "" ? text.split("\n").length : prefix.split("\n").length - 1;
  return { ok: true, fm: { data, keyLines, lines }, body, bodyOffset };
}
function fmString(fm, key) {
  const v = fm?.data[key];
  return typeof v === "string" && v.trim() !== "" ? v.trim() : void 0;
}
var STATUS_RULES = [
  [/\b(not started|not yet started|not done|incomplete|todo|to do|backlog)\b/, "Not Started"],
  [/\b(skipped|cancell?ed|won ?t do|wont ?fix|wontfix|obsolete)\b/, "Skipped"],
  [/\b(done|complete|completed|merged|closed|finished|qa approved|qa passed)\b/, "Done"],
  [/\bblocked\b/, "Blocked"],
  [/\b(in progress|inprogress|in-progress|wip|dev|in development|doing)\b/, "In Progress"],
  [/\b(review|in review|ready for review|qa)\b/, "Ready for Review"]
];
function normalizeStatus(raw) {
  const s = withoutParens(raw).toLowerCase().replace(/[^a-z0-9' -]+/g, " ").replace(/'/g, " ").replace(/\s+/g, " ").trim();
  for (const [re, status] of STATUS_RULES) if (re.test(s)) return status;
  return "Not Started";
}
var statusOf = memoize(normalizeStatus, 1e4);
var cleanStatus = memoize(
  (text) => plainText(unlink(text)).replace(/^status\s*:\s*/i, "").replace(/^[-–—:\s]+/, "").trim(),
  1e4
);
var STATUS_LABEL_RE = /^\s*(?:[-*]\s+)?\**Status\**\s*:/i;
function findStatus(scan, offset) {
  const { fenced, headings, count } = scan;
  let inStatusSection = false;
  for (let i = 0; i < count; i++) {
    if (fenced[i]) continue;
    const h = headings[i];
    if (h) {
      inStatusSection = h.key === "status";
      continue;
    }
    if (inStatusSection) {
      const trimmed = scan.line(i).trim();
      if (trimmed === "" || /^[-*_]{3,}$/.test(trimmed)) continue;
      const raw = cleanStatus(trimmed);
      if (raw !== "") return { raw, line: offset + i + 1 };
      continue;
    }
    if (!scan.startsWithLabel(i, "status")) continue;
    const value = labelValue(scan.line(i), STATUS_LABEL_RE);
    if (value !== null) {
      const raw = cleanStatus(value);
      if (raw !== "") return { raw, line: offset + i + 1 };
    }
  }
  return null;
}
function headingIsNamePrefix(headingId, name) {
  const a = keyOf(headingId).split(".");
  const b = keyOf(name.id).split(".");
  return a.length < b.length && a.every((p, i) => p === b[i]) && !name.candidates.some((c) => keyOf(c) === keyOf(headingId));
}
var HEADING_ID_RE = /^(?:story|task|issue)\s*#?\s*(\d+[A-Za-z]?(?:(?:\.|-(?=\d))\d+[A-Za-z]?)*)(?![A-Za-z0-9])\s*[:.\-–—]?\s*(.*)$/i;
var BARE_HEADING_ID_RE = /^(\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)+)(?![A-Za-z0-9])\s*[:.\-–—]?\s*(.*)$/;
function firstH1(scan, offset) {
  const { fenced, headings, count } = scan;
  for (let i = 0; i < count; i++) {
    if (fenced[i]) continue;
    const h = headings[i];
    if (h && h.level === 1) {
      const text = plainText(unlink(h.text));
      const m = HEADING_ID_RE.exec(text) ?? BARE_HEADING_ID_RE.exec(text);
      const info = { text, line: offset + i + 1 };
      if (m) {
        info.id = m[1].replace(/-/g, ".");
        if (m[2].trim() !== "") info.title = m[2].trim();
      }
      return info;
    }
  }
  return null;
}
var epicNameOf = memoize(
  // Memoised: the stories of an epic all give the same value.
  (value) => plainText(unlink(value)).replace(/^(?:epic\s*)?#?\d+[A-Za-z]?(?:\.\d+)*\s*(?:[-–—:]\s*)?/i, "").trim(),
  1e4
);
var EPIC_LABEL_RE = /^\s*(?:[-*]\s+)?\**Epic\**\s*:/i;
function findEpicName(scan) {
  const { fenced, count } = scan;
  for (let i = 0; i < count; i++) {
    if (fenced[i] || !scan.startsWithLabel(i, "epic")) continue;
    const value = labelValue(scan.line(i), EPIC_LABEL_RE);
    if (value !== null) {
      const name = epicNameOf(value);
      return name === "" ? void 0 : name;
    }
  }
  return void 0;
}
function checklistKind(key) {
  if (key.startsWith("acceptance criteria")) {
    return /^acceptance criteria\b/.test(key) && !/\b(review|validation|verification|assessment|summary)\b/.test(key) ? "ac" : null;
  }
  const c = key.length > 0 ? key.charCodeAt(0) : 0;
  if (c !== 116 && c !== 115 && c !== 105 && c !== 100) return null;
  return /^(tasks?|subtasks|tasks ?\/ ?subtasks|implementation tasks|dev tasks|task list)\b/.test(key) ? "tasks" : null;
}
function checkboxAt(scan, i) {
  const { text } = scan;
  const end = scan.end(i);
  let k = scan.start(i);
  while (k < end && isSpace(text.charCodeAt(k))) k++;
  if (k === end) return -1;
  const c = text.charCodeAt(k);
  if (c === 45 || c === 42 || c === 43) k++;
  else if (c >= 48 && c <= 57) {
    while (k < end && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
    if (k === end || text.charCodeAt(k) !== 46 && text.charCodeAt(k) !== 41) return -1;
    k++;
  } else return -1;
  const bullet = k;
  while (k < end && isSpace(text.charCodeAt(k))) k++;
  if (k === bullet || end - k < 4) return -1;
  const mark = text.charCodeAt(k + 1);
  if (text.charCodeAt(k) !== 91 || text.charCodeAt(k + 2) !== 93 || !isSpace(text.charCodeAt(k + 3))) return -1;
  return mark === 32 || mark === 120 || mark === 88 ? k : -1;
}
var NUMBERED_ITEM_RE = /^ ?(\d+)[.)](?=(\s+))\2(.*)$/;
var BOLD_START = leadingChars("*");
var BOX_START = leadingChars("-*+0123456789");
var NUMBER_START = leadingChars("0123456789");
function checklists(scan, offset) {
  const { fenced, headings, count } = scan;
  const ac = [];
  const tasks = [];
  let kind = null;
  let level = 0;
  for (let i = 0; i < count; i++) {
    if (fenced[i]) continue;
    const h = headings[i] ?? null;
    const bold = h || !scan.leadingCharIn(i, BOLD_START) || !scan.endsBold(i) ? null : /^\*\*([^*]+?)\*\*:?\s*$/.exec(scan.line(i).trim());
    if (h || bold) {
      const lvl = h ? h.level : 7;
      if (kind !== null && lvl > level) {
        if (h && kind === "ac") ac.push({ text: plainText(h.text), done: false, line: offset + i + 1 });
        continue;
      }
      const opens = checklistKind(h ? h.key : headingKey(bold[1]));
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
      if (num) ac.push({ text: plainText(num[3]), done: false, line: offset + i + 1 });
    }
  }
  return { ac, tasks };
}
function frontMatterDeps(fm) {
  for (const key of ["dependencies", "depends_on", "dependsOn", "depends-on"]) {
    if (!(key in fm.data)) continue;
    const keyLine = fm.keyLines.get(key) ?? 1;
    const v = fm.data[key];
    const items = [];
    if (Array.isArray(v)) {
      let cursor = keyLine;
      for (const item of v) {
        const text = typeof item === "string" ? item : "";
        let line = keyLine;
        for (let j = cursor; j < fm.lines.length; j++) {
          if (/^\s*-\s/.test(fm.lines[j]) && fm.lines[j].includes(text)) {
            line = j + 1;
            cursor = j + 1;
            break;
          }
          if (/^\S/.test(fm.lines[j])) break;
        }
        items.push({ text, line });
      }
    } else if (typeof v === "string") {
      for (const part of v.split(",")) items.push({ text: part, line: keyLine });
    }
    const refs = [];
    for (const item of items) {
      const t = item.text.trim();
      if (t === "" || /^(none|n\/a|-)$/i.test(t)) continue;
      const found = refsIn(t, item.line, "value");
      if (found.refs.length > 0) pushAll(refs, found.refs);
      else for (const r of refsIn(`Story ${t}`, item.line, "prose").refs) refs.push({ ...r, raw: t });
    }
    return { refs: dedupeRefs(refs), line: keyLine };
  }
  return null;
}
var PRIORITY_WORDS = { critical: 0, highest: 0, high: 1, medium: 2, normal: 2, low: 3, lowest: 4 };
function parsePriority(v) {
  const t = v.trim().toLowerCase();
  if (/^\d+$/.test(t)) return Number(t);
  const p = /^p(\d)$/.exec(t);
  if (p) return Number(p[1]);
  return PRIORITY_WORDS[t] ?? null;
}
function slugTitle(path, name) {
  const base = baseName(path).replace(/\.story$/i, "");
  const slug = name?.slug || base;
  return slug.replace(/[-_.]+/g, " ").trim();
}
function ccpmEpic(path) {
  const m = /(?:^|\/)\.claude\/epics\/([^/]+)\/[^/]+$/.exec(path);
  return m ? m[1] : void 0;
}
function normalizeLoneCr(text) {
  for (let cr = text.indexOf("\r"); cr >= 0; cr = text.indexOf("\r", cr + 1)) {
    if (text.charCodeAt(cr + 1) !== 10) return text.replace(/\r\n?/g, "\n");
  }
  return text;
}
function parseStory(file) {
  const { path } = file;
  const text = normalizeLoneCr(file.text.startsWith("\uFEFF") ? file.text.slice(1) : file.text);
  const errors = [];
  const warnings = [];
  const fmResult = readFrontMatter(path, text);
  if (!fmResult.ok) return { kind: "failed", errors: [fmResult.error], warnings };
  const { fm, bodyOffset } = fmResult;
  const scan = scanBody(fmResult.body);
  const fmId = fmString(fm, "id");
  const ident = identifyFile(path, scan, fmId !== void 0);
  if (ident.kind === "skipped") return { kind: "skipped", skipped: { path, reason: ident.reason } };
  const name = ident.name;
  const heading = firstH1(scan, bodyOffset);
  let id;
  let idSource;
  let idLine;
  if (fm && "id" in fm.data) {
    const idLineNo = fm.keyLines.get("id");
    if (fmId === void 0 || !isStoryId(fmId)) {
      const shown = typeof fm.data.id === "string" ? fm.data.id : JSON.stringify(fm.data.id);
      errors.push(
        diag("invalid-id", `Front matter id ${shown} is not a story id (expected e.g. 1.2, 1.11b, 13)`, path, idLineNo)
      );
      return { kind: "failed", errors, warnings };
    }
    id = normalId(fmId);
    idSource = "front-matter";
    idLine = idLineNo;
  } else if (heading?.id !== void 0 && isStoryId(heading.id) && !(name && headingIsNamePrefix(heading.id, name))) {
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
          path
        )
      );
    }
  } else {
    return { kind: "skipped", skipped: { path, reason: "no story id in the file name, heading or front matter" } };
  }
  if (idSource === "file-name" && heading?.id !== void 0 && name && headingIsNamePrefix(heading.id, name)) {
    warnings.push(
      diag("id-mismatch", `The heading says ${heading.id}, which is only the start of the file name's ${name.id}; using ${name.id}`, path, heading.line)
    );
  }
  if (idSource !== "file-name" && name && !name.candidates.some((c) => keyOf(c) === keyOf(id))) {
    const by = idSource === "front-matter" ? "front matter id" : "heading";
    warnings.push(
      diag("id-mismatch", `The ${by} says ${id} but the file name says ${name.id}; using ${id}`, path, idLine)
    );
  }
  if (idSource === "front-matter" && heading?.id !== void 0 && isStoryId(heading.id) && keyOf(heading.id) !== keyOf(id) && !(name && name.candidates.some((c) => keyOf(c) === keyOf(heading.id)))) {
    warnings.push(
      diag("id-mismatch", `The heading says ${heading.id} but the front matter id is ${id}; using ${id}`, path, heading.line)
    );
  }
  const overrides = {};
  if (fm && "agent" in fm.data) {
    const agent = fmString(fm, "agent");
    if (agent === void 0 || !AGENT_NAME_RE.test(agent)) {
      errors.push(
        diag(
          "invalid-front-matter",
          `Front matter key "agent" must be an agent name (lower-case letters, digits and '-', e.g. python-developer)`,
          path,
          fm.keyLines.get("agent")
        )
      );
    } else overrides.agent = agent;
  }
  if (fm && "priority" in fm.data) {
    const raw = fmString(fm, "priority");
    const p = raw === void 0 ? null : parsePriority(raw);
    if (p === null) {
      errors.push(
        diag(
          "invalid-front-matter",
          `Front matter key "priority" must be a number or high/medium/low`,
          path,
          fm.keyLines.get("priority")
        )
      );
    } else overrides.priority = p;
  }
  const title = fmString(fm, "title") ?? fmString(fm, "name") ?? heading?.title ?? heading?.text ?? slugTitle(path, name);
  const bodyStatus = findStatus(scan, bodyOffset);
  const fmStatus = fmString(fm, "status");
  let status;
  if (bodyStatus) status = { raw: bodyStatus.raw, normalized: statusOf(bodyStatus.raw), line: bodyStatus.line };
  else if (fmStatus !== void 0) {
    status = { raw: fmStatus, normalized: statusOf(fmStatus) };
    const l = fm?.keyLines.get("status");
    if (l !== void 0) status.line = l;
  } else status = { raw: null, normalized: "Not Started" };
  const epic = { number: epicOf(id) };
  const fmEpic = fmString(fm, "epic");
  if (fmEpic !== void 0 && /^\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)*$/.test(fmEpic)) epic.number = normalId(fmEpic);
  const epicName = (fmEpic !== void 0 && !/^\d/.test(fmEpic) ? fmEpic : void 0) ?? findEpicName(scan) ?? ccpmEpic(path);
  if (epicName !== void 0) epic.name = epicName;
  const body = extractDependencies(scan, bodyOffset);
  const fmDeps = fm ? frontMatterDeps(fm) : null;
  const dependencies = fmDeps ? { declared: true, refs: fmDeps.refs, line: fmDeps.line } : { declared: body.declared, refs: body.refs };
  if (!fmDeps && body.line !== void 0) dependencies.line = body.line;
  const { ac, tasks } = checklists(scan, bodyOffset);
  const story = {
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
    overrides
  };
  return { kind: "story", story, idLine, warnings, errors };
}
export {
  normalizeStatus,
  parseStory
};
