import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  parseBounded
} from "./chunk-NNPRUYL3.mjs";
import {
  AGENT_NAME_RE
} from "./chunk-WXMZ5N7V.mjs";
import {
  require_dist
} from "./chunk-N63WPBBS.mjs";
import {
  ccpmEpicFolder,
  isGithubMapping,
  readCcpmMapping
} from "./chunk-KS6NXHCE.mjs";
import {
  keyOf
} from "./chunk-JHRD7746.mjs";
import {
  BULLET_RE,
  LINE_TERMINATOR_RE,
  ScannedLines,
  baseName,
  boldLabel,
  headingKey,
  idFromBaseName,
  idFromFileName,
  identifyFile,
  isSpace,
  labelValue,
  leadingChars,
  normalId,
  plainText,
  scanBody,
  scanLines,
  titleNamesNoDocument,
  unlink,
  withoutParens
} from "./chunk-YFTCM4W6.mjs";
import {
  memoize
} from "./chunk-WOOHVJRX.mjs";
import {
  DOTTED_ID_TOKEN_SRC,
  ID_SUFFIX_SRC,
  MAX_EPIC_SPAN,
  NAMESPACE_PREFIX_SRC,
  epicOf,
  isStoryId
} from "./chunk-KNNDJYLI.mjs";
import {
  diag
} from "./chunk-EFR3LY5V.mjs";
import {
  __toESM
} from "./chunk-EGEKWWZA.mjs";

// lib/core/stories/parse-story.ts
var import_yaml = __toESM(require_dist(), 1);

// lib/core/stories/dep-tokens.ts
var PART_SRC = String.raw`\d+[A-Za-z]?`;
var SUFFIX_SRC = String.raw`-${ID_SUFFIX_SRC}(?![A-Za-z0-9])`;
var ID_TOKEN_SRC = String.raw`${NAMESPACE_PREFIX_SRC}${PART_SRC}(?:\.${PART_SRC})*(?:-${PART_SRC}(?=${SUFFIX_SRC}|(?![.-]?[A-Za-z0-9])))?(?:${SUFFIX_SRC})?(?![A-Za-z0-9])`;
var SLUG_SRC = String.raw`${PART_SRC}(?:[.-]${PART_SRC})*-[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*(?![A-Za-z0-9])`;
var RANGE_SEP_SRC = String.raw`\s*(?:-|–|—|~|\bto\b|\bthrough\b)\s*`;
var ITEM_SRC = String.raw`#?(?:${SLUG_SRC}|${ID_TOKEN_SRC}(?:${RANGE_SEP_SRC}#?${ID_TOKEN_SRC})?)`;
var SLUG_RE = new RegExp(String.raw`^${SLUG_SRC}$`);
var RANGE_RE = new RegExp(String.raw`^(${ID_TOKEN_SRC})${RANGE_SEP_SRC}#?(${ID_TOKEN_SRC})$`, "i");
var DASHED_RE = new RegExp(String.raw`^(${PART_SRC}(?:\.${PART_SRC})*)-(${PART_SRC})(${SUFFIX_SRC})?$`);
function dotted(token) {
  const ns = /^[A-Za-z]/.test(token) ? token.indexOf("-") + 1 : 0;
  return normalId(`${token.slice(0, ns)}${token.slice(ns).replace(/-(?=\d)/, ".")}`);
}
function storyRef(id, raw, line) {
  return { target: { kind: "story", id: normalId(id) }, raw, line };
}
function itemRefs(item, kind, line, raw = item.trim()) {
  const text = item.trim().replace(/^#/, "");
  const epic = kind === "epic";
  if (SLUG_RE.test(text)) return [epic ? { target: { kind: "epic", epic: text }, raw, line } : { target: { kind: "file", name: text }, raw, line }];
  const dashed = epic ? null : DASHED_RE.exec(text);
  if (dashed) {
    if (dashed[1].includes(".") || dashed[3] !== void 0) return [storyRef(dotted(text), raw, line)];
    const from = normalId(dashed[1]);
    const to = normalId(dashed[2]);
    if (kind === "task") return [{ target: { kind: "range", from, to }, raw, line }];
    return [{ target: { kind: "range", from, to, alt: dotted(text) }, raw, line }];
  }
  const range = RANGE_RE.exec(text);
  if (range) {
    const from = dotted(range[1]);
    const to = dotted(range[2]);
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
      const written = `${raw.slice(0, raw.length - item.trim().length)}${item.trim().startsWith("#") ? "#" : ""}${range[1]}`;
      return [storyRef(from, written, line)];
    }
    return [{ target: { kind: "range", from, to }, raw, line }];
  }
  const id = DASHED_RE.test(text) ? dotted(text) : normalId(text);
  if (epic) return [{ target: { kind: "epic", epic: id }, raw, line }];
  return [storyRef(id, raw, line)];
}
var FILE_MARK = "";
var FILE_RE = /\[([^\]]*)\]\(([^)\s]*)\)|(?<![\w./-])(?:\.{0,2}\/)?[\w./-]*\.md(?![\w.])/g;
var MAX_FILE_SCAN = 4e3;
function storyFileName(path) {
  const clean = path.replace(/[#?].*$/, "");
  if (!/\.md$/i.test(clean)) return null;
  return idFromFileName(clean) ? clean : null;
}
function markFiles(text, line) {
  const files = [];
  if (!text.includes(".md") || text.length > MAX_FILE_SCAN) return { text: unlink(text), files };
  const marked = text.replace(FILE_RE, (whole, label, target) => {
    const name = storyFileName(target ?? whole);
    if (!name) return label ?? whole;
    files.push({ target: { kind: "file", name }, raw: whole, line });
    return FILE_MARK;
  });
  return { text: marked, files };
}
function splitParens(text) {
  if (!text.includes("(") && !text.includes(")")) return [{ text, inParens: false }];
  const out = [];
  let current = "";
  let depth = 0;
  const flush = (inParens) => {
    if (current !== "") out.push({ text: current, inParens });
    current = "";
  };
  for (const ch of text) {
    if (ch === "(") {
      if (depth === 0) flush(false);
      else current += ch;
      depth++;
    } else if (ch === ")") {
      if (depth === 0) continue;
      depth--;
      if (depth === 0) flush(true);
      else current += ch;
    } else current += ch;
  }
  flush(depth > 0);
  return out;
}
var UNREAD_RE = new RegExp(String.raw`(?<![\w.@=<>^~/+#])(?!\d{4}-)${PART_SRC}(?:[.-]${PART_SRC})+(?:${SUFFIX_SRC})?(?![\w.%-])`, "g");
var NAMESPACE_BEFORE_RE = /(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]{0,15}-$/;
var WORD_BEFORE_RE = /([A-Za-z][\w.+-]*)\s+$/;
var ID_WORD_RE = /^(?:stor(?:y|ies)|epics?|tasks?)$/i;
function isVersionOf(text, at) {
  const word = WORD_BEFORE_RE.exec(text.slice(Math.max(0, at - 40), at))?.[1];
  return word !== void 0 && /[A-Z]/.test(word) && !ID_WORD_RE.test(word);
}
function namedIds(refs, into) {
  for (const r of refs) {
    const t = r.target;
    if (t.kind === "story") into.add(keyOf(t.id));
    else if (t.kind === "epic") into.add(keyOf(t.epic));
    else if (t.kind === "range") {
      into.add(keyOf(t.from));
      into.add(keyOf(t.to));
      if (t.alt !== void 0) into.add(keyOf(t.alt));
    }
  }
}
function tokenKeys(token) {
  const ids = token.includes("-") && token.includes(".") && token.indexOf("-") < token.lastIndexOf(".") ? token.split("-") : [token];
  return ids.flatMap((id) => [keyOf(dotted(id)), keyOf(normalId(id))]);
}
function unreadTokens(text, refs) {
  if (!/\d[.-]\d/.test(text)) return [];
  const named = /* @__PURE__ */ new Set();
  namedIds(refs, named);
  const out = [];
  for (const m of text.matchAll(UNREAD_RE)) {
    const token = m[0];
    if (isVersionOf(text, m.index)) continue;
    const ns = NAMESPACE_BEFORE_RE.exec(text.slice(Math.max(0, m.index - 17), m.index))?.[0];
    if (ns !== void 0) {
      if (!named.has(keyOf(normalId(ns + token)))) out.push(ns + token);
      continue;
    }
    const parts = token.split(/[.-]/);
    const ids = token.includes("-") && token.includes(".") && token.indexOf("-") < token.lastIndexOf(".") ? token.split("-") : [token];
    if (parts.length > 6) continue;
    if (!ids.every((id) => named.has(keyOf(dotted(id))) || named.has(keyOf(normalId(id))))) out.push(token);
  }
  return out;
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
  "required stories",
  // `Builds on: Story 8.9`: what this story extends comes first. `Upstream:` beside `Downstream:`.
  "builds on",
  "build on",
  "built on",
  "upstream",
  "upstream dependencies",
  "upstream dependency",
  // French
  "d\xE9pendances",
  "d\xE9pendance",
  "d\xE9pend de",
  "d\xE9pendances stories",
  "pr\xE9requis",
  "pr\xE9-requis",
  // Dutch
  "afhankelijkheden",
  "afhankelijkheid",
  "afhankelijk van",
  // Chinese: dependencies, prerequisite dependencies, prerequisite stories, prerequisites
  "\u4F9D\u8D56",
  "\u524D\u7F6E\u4F9D\u8D56",
  "\u524D\u7F6E\u6545\u4E8B",
  "\u524D\u7F6E",
  "\u524D\u7F6E\u6761\u4EF6",
  "\u4F9D\u8D56\u5173\u7CFB",
  // German, Spanish
  "abh\xE4ngigkeiten",
  "abh\xE4ngig von",
  "voraussetzungen",
  "dependencias",
  "depende de",
  "requisitos previos"
]);
var REVERSE_LABELS = /* @__PURE__ */ new Set([
  "blocks",
  "blocking",
  "enables",
  "unblocks",
  "dependencies on future stories",
  // `**Downstream:** Stories 29.2 through 29.8 depend on ...`: the later stories that wait.
  "downstream",
  "downstream dependencies",
  "downstream dependency",
  "downstream impact",
  // Chinese: depended on by, later dependencies, later stories
  "\u88AB\u4F9D\u8D56",
  "\u540E\u7EED\u4F9D\u8D56",
  "\u540E\u7EED\u6545\u4E8B",
  // French, Dutch, German
  "bloque",
  "d\xE9bloque",
  "blokkeert",
  "blockiert"
]);
var MET_SUFFIX_RE = / (?:satisfied|met|resolved|fulfill?ed|complete|completed|done|cleared|in place)$/;
function keyDirection(key) {
  if (FORWARD_LABELS.has(key)) return "forward";
  if (REVERSE_LABELS.has(key)) return "reverse";
  const bare = key.replace(MET_SUFFIX_RE, "");
  if (bare !== key && FORWARD_LABELS.has(bare)) return "forward";
  return null;
}
function direction(label) {
  return keyDirection(headingKey(label));
}
var RELATION_LABEL_RE = /^(?:related(?: stor(?:y|ies)| work| to| tasks?)?|see also|follow[- ]?ups?|next(?: stor(?:y|ies)| steps?)?|references?)$/;
var LEADING_BOLD_RE = /^\s*(?:[-*+]\s+)?\*\*([^*]{1,60})\*\*/;
var THEMATIC_BREAK_RE = /^\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$/;
var META_LABEL_RE = /^(?:epic|priority|story created|created|estimated effort|effort|estimate|story points|author|owner)$/;
var BOLD_LABEL_VALUE_RE = /^\s*(?:[-*+]\s+)?\*\*([^*]{1,60}?)\s*(?::\s*\*\*|\*\*\s*:)\s*\S/;
function storyCardEnd(scan, i) {
  let j = i + 1;
  while (j < scan.count && scan.firstNonSpace(j) < 0) j++;
  let meta = false;
  let dep = false;
  const first = j;
  for (; j < scan.count && scan.firstNonSpace(j) >= 0 && !scan.headings[j]; j++) {
    const m = BOLD_LABEL_VALUE_RE.exec(scan.line(j));
    if (!m) return -1;
    const key = headingKey(m[1]);
    if (META_LABEL_RE.test(key)) meta = true;
    else if (keyDirection(key) !== null) dep = true;
  }
  return j > first && meta && dep ? j : -1;
}
function relationLine(line) {
  const m = LEADING_BOLD_RE.exec(line);
  return m !== null && RELATION_LABEL_RE.test(headingKey(m[1]));
}
var IGNORED_SECTION_RE = /\b(qa|review|reviews|reviewed|validation|assessment|change ?log|checklist|definition of done|gate)\b/i;
var ignoredSection = memoize((text) => IGNORED_SECTION_RE.test(plainText(text)), 1e4);
var LABEL_RE = new RegExp("^(\\p{L}[\\p{L} -]{1,40}?)\\s*[:\uFF1A]\\s*(.*)$", "u");
var NO_COLON_RE = /^(depends on|requires|blocked by|builds on|built on)\s+((?:completion of\s+)?(?:stor(?:y|ies)|epics?)\s.*)$/i;
var NONE_RE = /^(?:none|n\/a|nil|no dependencies|no story dependencies|aucune?|geen|keine|ningun[ao]|无|無|暂无)(?![\p{L}])|^[-–—]+\s*\.?$/iu;
var SEP_SRC = String.raw`\s*(?:,|;|&|/|\band\b|\bet\b|\ben\b|\bund\b|\by\b|、|，|和)\s*(?:and\s+)?`;
var KEYWORD_LIST_RE = new RegExp(
  String.raw`\b(stor(?:y|ies)|epics?|tasks?)\s+(${ITEM_SRC}(?:${SEP_SRC}${ITEM_SRC})*)`,
  "gi"
);
var BARE_LIST_RE = new RegExp(String.raw`^(${ITEM_SRC}(?:(?:${SEP_SRC}|\s+)${ITEM_SRC})*)\s*\.?$`, "i");
var SPLIT_RE = new RegExp(String.raw`(?:${SEP_SRC}|(?<!\b(?:to|through)|[-–—~])\s+(?=#?\d))`, "i");
var SEP_RE = new RegExp(SEP_SRC, "i");
var STORY_WORD_RE = /\b(?:stor(?:y|ies)|tasks?)\s+(?=#?\d)/i;
var STORY_WORDS_RE = /\b(?:stor(?:y|ies)|tasks?)\s+(?=#?\d)/gi;
var STORY_WORD_AT_START_RE = /^(?:stor(?:y|ies)|tasks?)\s+(?=#?\d)/i;
var LEAD_ID_RE = new RegExp(String.raw`^#?(${DOTTED_ID_TOKEN_SRC})(?=$|\s|:|-|–|—)`);
var STATUS_WORDS_RE = / ?(?:[-–—:] ?)?(?:\b(?:done|completed?|finished|merged|closed|complétée?s?|terminée?s?|afgerond|voltooid|erledigt|abgeschlossen|completad[ao]s?|terminad[ao]s?)\b|已完成|完成)/gi;
var TASK_LIST_RE = new RegExp(String.raw`\btasks?\s+(?:${ITEM_SRC}(?:${SEP_SRC}${ITEM_SRC})*)`, "gi");
var MARKS_RE = new RegExp(String.raw`${FILE_MARK}(?:${SEP_SRC})?`, "g");
function pushAll(out, items) {
  for (const item of items) out.push(item);
}
function wordKind(word) {
  const w = word.toLowerCase();
  return w.startsWith("epic") ? "epic" : w.startsWith("task") ? "task" : "story";
}
function listRefs(clean, line) {
  const refs = [];
  if (BARE_LIST_RE.test(clean)) {
    for (const item of clean.split(SPLIT_RE)) if (item.trim()) pushAll(refs, itemRefs(item, "story", line));
    return refs;
  }
  if (STORY_WORD_RE.test(clean) && BARE_LIST_RE.test(clean.replace(STORY_WORDS_RE, ""))) {
    for (const piece of clean.replace(/\s*\.$/, "").split(SEP_RE)) {
      const p = piece.trim();
      const word = STORY_WORD_AT_START_RE.exec(p)?.[0] ?? "";
      const kind = word ? wordKind(word) : "story";
      let first = true;
      for (const item of p.slice(word.length).split(SPLIT_RE)) {
        if (!item.trim()) continue;
        pushAll(refs, itemRefs(item, kind, line, first && word ? `${word}${item.trim()}` : item.trim()));
        first = false;
      }
    }
    return refs;
  }
  return null;
}
var THIS_BLOCKS_RE = /\b(?:this story|this|it)\s+(?:also\s+)?(?:blocks|enables|unblocks|is (?:a )?(?:prerequisite|required|needed) (?:for|by))\b/i;
var SUBJECT_WAITS_RE = /^([^a-z0-9]*(?:epics?|stor(?:y|ies))\s+#?\d.*?)\s(?:(?:is|are)\s+(?:blocked by|waiting (?:for|on)|dependent on)|depends? on|requires?|waits? for)\b(.*)$/i;
var LATER_NOTE_RE = /^\+?(?: and (?:later|after|beyond)| onwards?)? (?:(?:will|can|could|may|shall|would) (?!be\b|have\b|not\b|only\b)[a-z]|(?:all )?(?:depends? on|rel(?:y|ies) on|builds? (?:on|upon)|benefits? from|waits? for|needs? (?:this|it)\b))/i;
var EPIC_OF_STORY_RE = /\bepic (\d+)(?: ?[,:–—-])? ?(?=stor(?:y|ies) \1\.\d)/gi;
var EPIC_WILDCARD_RE = /\bstor(?:y|ies) (\d+)\.[x*](?![\w.])/gi;
function refsIn(text, line, mode, tasks = true) {
  const plain = plainText(text);
  if (THIS_BLOCKS_RE.test(plain)) return { ...forwardRefsIn(text, line, "value", tasks), reverse: true };
  const subject = SUBJECT_WAITS_RE.exec(plain);
  if (subject && !/\bthis story\b/i.test(subject[1])) {
    const object = forwardRefsIn(subject[2], line, "prose", tasks);
    if (object.refs.some((r) => r.target.kind !== "epic")) return { refs: [], later: [], none: false, unread: [] };
    return { ...forwardRefsIn(subject[1], line, "prose", tasks), unread: [], reverse: true };
  }
  return forwardRefsIn(text, line, mode, tasks);
}
function forwardRefsIn(text, line, mode, tasks) {
  const { text: marked, files } = markFiles(tasks ? text : text.replace(TASK_LIST_RE, ""), line);
  const refs = [];
  const located = [];
  let outside = "";
  let mark = 0;
  for (const seg of splitParens(marked)) {
    const marks = seg.text.split(FILE_MARK).length - 1;
    if (!seg.inParens) {
      outside += seg.text;
      for (let k = 0; k < marks; k++) refs.push(files[mark++]);
      continue;
    }
    const rest = mode === "value" ? plainText(plainText(seg.text.replace(MARKS_RE, "")).replace(STATUS_WORDS_RE, "")) : "x";
    const list2 = rest === "" ? [] : listRefs(rest, line);
    if (list2 && (marks > 0 || list2.length > 0)) {
      for (let k = 0; k < marks; k++) refs.push(files[mark++]);
      pushAll(refs, list2);
    } else mark += marks;
  }
  const clean = plainText(plainText(outside.replace(MARKS_RE, " ")).replace(STATUS_WORDS_RE, "")).replace(/ ?[,;&]$/, "").replace(EPIC_OF_STORY_RE, "").replace(EPIC_WILDCARD_RE, "Epic $1");
  if (NONE_RE.test(clean)) return { refs: [], later: [], none: true, unread: [] };
  const list = mode === "value" ? listRefs(clean, line) : null;
  const later = [];
  if (list) pushAll(refs, list);
  else {
    if (mode === "bullet") {
      const lead = LEAD_ID_RE.exec(clean);
      if (lead) {
        const ref = { target: { kind: "story", id: normalId(lead[1]) }, raw: lead[0], line };
        (LATER_NOTE_RE.test(clean.slice(lead[0].length)) ? later : refs).push(ref);
      }
    }
    const whole = plainText(marked);
    for (const m of clean.matchAll(KEYWORD_LIST_RE)) {
      const kind = wordKind(m[1]);
      if (kind === "epic" && locatesStories(m[2], whole)) {
        pushAll(located, itemRefs(m[2], "epic", line, `${m[1]} ${m[2].trim()}`));
        continue;
      }
      const into = LATER_NOTE_RE.test(clean.slice(m.index + m[0].length)) ? later : refs;
      let first = true;
      for (const item of m[2].split(SEP_RE)) {
        if (!item.trim()) continue;
        pushAll(into, itemRefs(item, kind, line, first ? `${m[1]} ${item.trim()}` : item.trim()));
        first = false;
      }
    }
  }
  for (const e of located) if (!refs.some((r) => insideEpic(r.target, e.target))) refs.push(e);
  const named = [...refs, ...later, ...located];
  return { refs, later, none: false, unread: unreadTokens(clean, named.length === refs.length ? refs : named) };
}
function insideEpic(t, epic) {
  if (epic.kind !== "epic") return false;
  const prefix = `${keyOf(epic.epic)}.`;
  return t.kind === "story" && keyOf(t.id).startsWith(prefix) || t.kind === "range" && keyOf(t.from).startsWith(prefix);
}
function locatesStories(epicItems, text) {
  const epic = epicItems.trim();
  if (!/^\d+(?:\.\d+)*$/.test(epic)) return false;
  const after = new RegExp(String.raw`\bepics?\s+${epic.replace(/\./g, "\\.")}\s*[:,-]?\s*stor(?:y|ies)\s*\(?\s*#?(\d+(?:[.-]\d+)+)`, "i").exec(text);
  return after !== null && keyOf(normalId(after[1].replace(/-/g, "."))).startsWith(`${keyOf(normalId(epic))}.`);
}
function targetKey(t) {
  switch (t.kind) {
    case "story":
      return `s:${keyOf(t.id)}`;
    case "range":
      return `r:${keyOf(t.from)}-${keyOf(t.to)}`;
    case "epic":
      return `e:${keyOf(t.epic)}`;
    case "file":
      return `f:${t.name}`;
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
for (const label of [...FORWARD_LABELS, ...REVERSE_LABELS, "depends on", "requires", "blocked by", "builds on", "built on"]) {
  const opening = openingOf(label, 0, label.length);
  if (opening >= 0) LABEL_OPENINGS[opening] = 1;
}
function isIdeograph(c) {
  return c >= 19968 && c <= 40959;
}
function openingOf(text, start, end) {
  let first = -1;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 128) {
      if (first < 0 && isIdeograph(c)) return -2;
      continue;
    }
    if (LABEL_SKIP[c] === 1) continue;
    if (first < 0) first = c | 32;
    else return first * 128 + (c | 32);
  }
  return -1;
}
function mayBeLabel(text, start, end) {
  const opening = openingOf(text, start, end);
  return opening === -2 || opening >= 0 && LABEL_OPENINGS[opening] === 1;
}
function tableRow(line) {
  const cells = line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|");
  if (cells.length !== 2) return null;
  const dir = direction(cells[0]);
  return dir && plainText(cells[1]) !== "" ? { dir, value: cells[1] } : null;
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
function namedElsewhere(unread, refs, blocks) {
  if (unread.length === 0) return unread;
  const named = /* @__PURE__ */ new Set();
  namedIds(refs, named);
  namedIds(blocks, named);
  return unread.filter((u) => !tokenKeys(u.token).some((k) => named.has(k)));
}
function extractDependencies(body, lineOffset = 0, tasksAreStories = false) {
  const scan = body instanceof ScannedLines ? body : scanLines(body);
  const { fenced, headings, count } = scan;
  const refs = [];
  const blocks = [];
  const unread = [];
  let declaredLine;
  const stack = [];
  let ignored = false;
  let section = null;
  let sub = null;
  let block = null;
  let cardEnd = -1;
  const record = (dir, found, line) => {
    for (const token of found.unread) unread.push({ token, line });
    pushAll(blocks, found.later);
    if (found.reverse) {
      pushAll(blocks, found.refs);
      return;
    }
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
    if (ignored) {
      if (i >= cardEnd && !THEMATIC_BREAK_RE.test(scan.line(i))) continue;
      if (i >= cardEnd) {
        cardEnd = storyCardEnd(scan, i);
        continue;
      }
    }
    const first = scan.firstNonSpace(i);
    if (first === 124) {
      const row = tableRow(scan.line(i));
      if (row) record(row.dir, refsIn(row.value, lineNo, "value", tasksAreStories), lineNo);
      continue;
    }
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
        record(label.dir, refsIn(label.value, lineNo, "value", tasksAreStories), lineNo);
        block = null;
      }
      continue;
    }
    if (!block && !sub && !section) continue;
    const raw = scan.line(i);
    if (relationLine(raw)) {
      if (section && boldLabel(raw) !== null) sub = "none";
      continue;
    }
    if (section && boldLabel(raw) !== null) {
      sub = "none";
      continue;
    }
    const isBullet = BULLET_RE.test(raw) || /^\s{2,}\S/.test(raw);
    if (block) {
      if (isBullet) {
        block.seenBullet = true;
        record(block.dir, refsIn(raw.replace(BULLET_RE, ""), lineNo, "bullet", tasksAreStories), lineNo);
        continue;
      }
      block = null;
    }
    const dir = sub ?? section;
    if (dir && dir !== "none") {
      const text = raw.replace(BULLET_RE, "").replace(/^\[[ xX]\]\s*/, "");
      record(dir, refsIn(text, lineNo, isBullet ? "bullet" : "prose", tasksAreStories), lineNo);
    }
  }
  const info = {
    declared: declaredLine !== void 0,
    refs: dedupeRefs(refs),
    blocks: dedupeRefs(blocks),
    unread: namedElsewhere(unread, refs, blocks)
  };
  if (declaredLine !== void 0) info.line = declaredLine;
  return info;
}

// lib/core/stories/lenient-front-matter.ts
var TOP_LEVEL_PLAIN_RE = /^([A-Za-z_][\w-]*):[ \t]+([^\s"'[{|>&*!#%@`].*)$/;
function quoteColonValues(lines) {
  const out = [...lines];
  const quoted = [];
  lines.forEach((line, i) => {
    const m = TOP_LEVEL_PLAIN_RE.exec(line);
    if (!m) return;
    const value = m[2].replace(/[ \t]#.*$/, "").trimEnd();
    if (!value.includes(": ") && !value.endsWith(":")) return;
    const next = lines[i + 1];
    if (next !== void 0 && /^[ \t]+\S/.test(next)) return;
    out[i] = `${m[1]}: ${JSON.stringify(value)}`;
    quoted.push({ line: i + 1, key: m[1], value });
  });
  return quoted.length > 0 ? { lines: out, quoted } : null;
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

// lib/core/stories/toml-front-matter.ts
var TOML_FRONT_MATTER_START_RE = /^\+\+\+[ \t]*\r?\n/;
var TomlFrontMatterError = class extends Error {
  constructor(message, line) {
    super(message);
    this.line = line;
  }
};
var KEY_RE = /^([A-Za-z0-9_-]+|"[^"]*")\s*=\s*/;
function readValue(text, line) {
  if (text.startsWith('"')) {
    const m2 = /^"((?:[^"\\]|\\.)*)"/.exec(text);
    if (!m2) throw new TomlFrontMatterError(`unterminated string`, line);
    return { value: m2[1].replace(/\\(["\\])/g, "$1").replace(/\\n/g, "\n").replace(/\\t/g, "	"), rest: text.slice(m2[0].length) };
  }
  if (text.startsWith("'")) {
    const end = text.indexOf("'", 1);
    if (end === -1) throw new TomlFrontMatterError(`unterminated string`, line);
    return { value: text.slice(1, end), rest: text.slice(end + 1) };
  }
  if (text.startsWith("[")) {
    const items = [];
    let rest = text.slice(1).trimStart();
    while (!rest.startsWith("]")) {
      if (rest === "") throw new TomlFrontMatterError(`an array must close on its own line (multi-line arrays are not read)`, line);
      const item = readValue(rest, line);
      if (Array.isArray(item.value)) throw new TomlFrontMatterError(`nested arrays are not read`, line);
      items.push(item.value);
      rest = item.rest.trimStart();
      if (rest.startsWith(",")) rest = rest.slice(1).trimStart();
      else if (!rest.startsWith("]")) throw new TomlFrontMatterError(`expected "," or "]" in the array`, line);
    }
    return { value: items, rest: rest.slice(1) };
  }
  const m = /^[^\s#,\]]+/.exec(text);
  if (!m) throw new TomlFrontMatterError(`expected a value after "="`, line);
  return { value: m[0], rest: text.slice(m[0].length) };
}
function splitTomlFrontMatter(text) {
  const all = text.replace(/\r\n?/g, "\n").split("\n");
  const close = all.findIndex((l, i) => i > 0 && /^\+\+\+[ \t]*$/.test(l));
  if (close === -1) return null;
  const lines = all.slice(1, close);
  const data = {};
  lines.forEach((raw, i) => {
    const line = i + 2;
    const l = raw.trim();
    if (l === "" || l.startsWith("#")) return;
    const key = KEY_RE.exec(l);
    if (!key) throw new TomlFrontMatterError(`expected \`key = value\` (tables and dotted keys are not read in front matter)`, line);
    const { value, rest } = readValue(l.slice(key[0].length), line);
    const tail = rest.trim();
    if (tail !== "" && !tail.startsWith("#")) throw new TomlFrontMatterError(`unexpected text after the value: ${tail.slice(0, 30)}`, line);
    data[key[1].replace(/^"|"$/g, "")] = value;
  });
  return { data, lines, content: all.slice(close + 1).join("\n") };
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

// lib/core/stories/story-status.ts
var STATUS_RULES = [
  // "Ready for Dev" is BMAD's ready-for-dev: written, not started ("dev" alone is in progress).
  [/\b(not started|not yet started|not done|incomplete|todo|to do|backlog|not implemented|ready for dev|ready-for-dev|ready for development)\b/, "Not Started"],
  [/\b(skipped|cancell?ed|won ?t do|wont ?fix|wontfix|obsolete)\b/, "Skipped"],
  // "Partially complete" is not complete.
  [/\b(partial|partially)\b/, "In Progress"],
  // Dutch as Definitie-app writes it (GEREED, IN_UITVOERING); ccpm writes closed/completed.
  [/\b(done|complete|completed|implemented|merged|closed|finished|qa approved|qa passed|gereed|voltooid|afgerond)\b/, "Done"],
  [/\bblocked\b/, "Blocked"],
  [/\b(in progress|inprogress|in-progress|wip|dev|in development|doing|in uitvoering)\b/, "In Progress"],
  [/\b(review|in review|ready for review|qa)\b/, "Ready for Review"]
];
var CJK_RULES = [
  [/未完成|未开始|未開始|待开始|待開始|待处理|待處理|待办|待辦/, "Not Started"],
  [/已取消|取消/, "Skipped"],
  [/阻塞|受阻/, "Blocked"],
  [/进行中|進行中|开发中|開發中/, "In Progress"],
  [/待审核|待審核|审核中|審核中|待评审|评审中/, "Ready for Review"],
  [/完成|已合并|已合併|已关闭|已關閉/, "Done"]
];
var ARROW_RE = /→|⟶|➔|➜|⇒|->|=>/;
function statesOf(raw) {
  if (!ARROW_RE.test(raw)) return [raw];
  return raw.split(ARROW_RE).map((s) => s.trim()).filter((s) => s !== "");
}
function isStatusChain(raw) {
  return statesOf(raw).length > 1;
}
function statusWord(raw) {
  const states = statesOf(raw);
  const last = states[states.length - 1] ?? raw;
  const s = withoutParens(last).toLowerCase().replace(/[^a-z0-9' -]+/g, " ").replace(/'/g, " ").replace(/\s+/g, " ").trim();
  for (const [re, status] of STATUS_RULES) if (re.test(s)) return status;
  if (/[\u3400-\u9fff]/.test(last)) {
    for (const [re, status] of CJK_RULES) if (re.test(last)) return status;
  }
  return null;
}
function normalizeStatus(raw) {
  return statusWord(raw) ?? "Not Started";
}
var LABEL_SRC = "(?:status|statut|estado|stato|\u72B6\u6001|\u72C0\u614B)";
var STATUS_KEY_RE = new RegExp(`^${LABEL_SRC}$`, "i");
var STATUS_LABEL_RE = new RegExp(`^\\s*(?:(?:[-*]\\s+)?\\**(?:status|statut|estado|stato)\\**|\\**(?:\u72B6\u6001|\u72C0\u614B)\\**)\\s*[:\uFF1A]`, "i");
var STATUS_HEADING_RE = new RegExp(`^${LABEL_SRC}\\s*[:\uFF1A\\-\u2013\u2014]\\s*(\\S.*)$`, "i");
var STATUS_ROW_RE = new RegExp(`^\\s*\\|\\s*(?:\\*+\\s*)?${LABEL_SRC}(?:\\s*\\*+)?\\s*(?:[:\uFF1A]\\s*)?\\|([^|]*)\\|`, "i");
var TABLE_SEPARATOR_RE = /^\s*(?:\|\s*)?:?-{2,}/;
var OTHER_LABEL_RE = /^(?:[-*+]\s+\**|\*\*)([^*:：]{1,40}?)\**\s*[:：]/;
var ASIDE_SECTION_RE = /\b(?:reviews?|validation|verification|tests?|testing|qa|results?|record|change ?log|history|findings|outcome|retrospective)\b|审查|评审|测试|验证|记录|历史/;
var cleanStatus = memoize(
  (text) => plainText(unlink(text)).replace(/^status\s*:\s*/i, "").replace(/^[-–—:\s]+/, "").trim(),
  1e4
);
function findStatus(scan, offset) {
  const { fenced, headings, count } = scan;
  const mayHaveCjkLabel = scan.text.includes("\u72B6\u6001") || scan.text.includes("\u72C0\u614B");
  const open = [];
  let aside = false;
  let inStatusSection = false;
  let seenHeading = false;
  let chain = null;
  const take = (raw, i) => {
    const found = { raw, line: offset + i + 1 };
    if (!isStatusChain(raw)) return found;
    chain ??= found;
    return null;
  };
  for (let i = 0; i < count; i++) {
    if (fenced[i]) continue;
    const h = headings[i];
    if (h) {
      while (open.length > 0 && open[open.length - 1].level >= h.level) open.pop();
      open.push({ level: h.level, aside: seenHeading && h.level > 1 && ASIDE_SECTION_RE.test(h.key) });
      seenHeading = true;
      aside = open.some((o) => o.aside);
      inStatusSection = !aside && STATUS_KEY_RE.test(h.key);
      if (!aside && !inStatusSection) {
        const m = STATUS_HEADING_RE.exec(plainText(h.text));
        const raw = m ? cleanStatus(m[1]) : "";
        const found = raw !== "" && statusWord(raw) !== null ? take(raw, i) : null;
        if (found) return found;
      }
      continue;
    }
    if (aside) continue;
    if (inStatusSection) {
      const trimmed = scan.line(i).trim();
      if (trimmed === "" || /^[-*_]{3,}$/.test(trimmed)) continue;
      const label = OTHER_LABEL_RE.exec(trimmed);
      if (label && !/status|statut|estado|stato|状态|狀態/i.test(label[1])) continue;
      const raw = cleanStatus(trimmed);
      if (raw === "") continue;
      inStatusSection = false;
      const found = take(raw, i);
      if (found) return found;
      continue;
    }
    const first = scan.firstNonSpace(i);
    if (first === 124) {
      const found = tableRowStatus(scan, i);
      if (found !== null) {
        const f = take(found, i);
        if (f) return f;
      }
      continue;
    }
    if (!scan.startsWithLabel(i, "stat") && !scan.startsWithLabel(i, "estado") && !mayHaveCjkLabel) continue;
    const value = labelValue(scan.line(i), STATUS_LABEL_RE);
    if (value !== null) {
      const raw = cleanStatus(value);
      const found = raw !== "" ? take(raw, i) : null;
      if (found) return found;
    }
  }
  return chain;
}
function tableRowStatus(scan, i) {
  const m = STATUS_ROW_RE.exec(scan.line(i));
  if (!m) return null;
  if (i + 1 < scan.count && TABLE_SEPARATOR_RE.test(scan.line(i + 1))) return null;
  const raw = cleanStatus(m[1]);
  return raw !== "" && statusWord(raw) !== null ? raw : null;
}

// lib/core/stories/parse-story.ts
function readFrontMatter(path, text) {
  if (TOML_FRONT_MATTER_START_RE.test(text)) return readTomlFrontMatter(path, text);
  if (!FRONT_MATTER_START_RE.test(text)) return { ok: true, fm: null, body: text, bodyOffset: 0 };
  if (!frontMatterClosed(text)) {
    return {
      ok: false,
      error: diag("invalid-front-matter", "Front matter opened by `---` on line 1 is never closed: add a `---` line after it (or remove line 1 if it is not front matter)", path, 1)
    };
  }
  let file;
  let warnings = [];
  try {
    file = splitFrontMatter(text);
  } catch (e) {
    const lenient = e instanceof import_yaml.YAMLParseError ? readWithQuotedValues(path, text) : null;
    if (!lenient) return { ok: false, error: yamlError(path, text, e) };
    ({ file, warnings } = lenient);
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
  const fm = { data, keyLines, lines };
  if (warnings.length > 0) fm.warnings = warnings;
  return { ok: true, fm, body, bodyOffset };
}
function yamlError(path, text, e) {
  const line = e instanceof import_yaml.YAMLParseError ? e.linePos?.[0]?.line : void 0;
  let why = e instanceof Error ? e.message.split("\n")[0] : String(e);
  const at = / at line \d+, column (\d+):?$/.exec(why);
  const written = line === void 0 ? void 0 : text.split("\n")[line - 1]?.replace(/\r$/, "");
  if (at && written !== void 0 && written.trim() !== "") {
    const shown = written.length > 120 ? `${written.slice(0, 117)}...` : written;
    why = `${why.slice(0, at.index)}, at column ${at[1]} of "${shown}"`;
  }
  return diag("invalid-front-matter", `Front matter is not valid YAML: ${why}`, path, line);
}
function readWithQuotedValues(path, text) {
  const all = text.split("\n");
  const close = all.findIndex((l, i) => i > 0 && l.startsWith("---"));
  if (close < 0) return null;
  const fixed = quoteColonValues(all.slice(1, close).map((l) => l.replace(/\r$/, "")));
  if (!fixed) return null;
  let file;
  try {
    file = splitFrontMatter([all[0], ...fixed.lines, ...all.slice(close)].join("\n"));
  } catch {
    return null;
  }
  const warnings = fixed.quoted.map(
    (q) => diag(
      "invalid-front-matter",
      `Front matter line ${q.line + 1}: the value of "${q.key}" holds ": ", which YAML does not allow unquoted; read as the text "${q.value.length > 80 ? `${q.value.slice(0, 77)}...` : q.value}". Put it in quotes, or if two lines were joined, put the second key on its own line`,
      path,
      q.line + 1
    )
  );
  return { file, warnings };
}
function readTomlFrontMatter(path, text) {
  let split;
  try {
    split = splitTomlFrontMatter(text);
  } catch (e) {
    if (!(e instanceof TomlFrontMatterError)) throw e;
    return { ok: false, error: diag("invalid-front-matter", `Front matter (TOML, between +++ lines) line ${e.line}: ${e.message}`, path, e.line) };
  }
  if (split === null) {
    return {
      ok: false,
      error: diag("invalid-front-matter", "Front matter opened by `+++` on line 1 is never closed: add a `+++` line after it", path, 1)
    };
  }
  const keyLines = /* @__PURE__ */ new Map();
  split.lines.forEach((l, i) => {
    const m = /^\s*([A-Za-z0-9_-]+)\s*=/.exec(l);
    if (m && !keyLines.has(m[1])) keyLines.set(m[1], i + 2);
  });
  return { ok: true, fm: { data: split.data, keyLines, lines: split.lines }, body: split.content, bodyOffset: split.lines.length + 2 };
}
function fmString(fm, key) {
  const v = fm?.data[key];
  return typeof v === "string" && v.trim() !== "" ? v.trim() : void 0;
}
var statusOf = memoize(normalizeStatus, 1e4);
function headingIsNamePrefix(headingId, name) {
  const a = keyOf(headingId).split(".");
  const b = keyOf(name.id).split(".");
  return a.length < b.length && a.every((p, i) => p === b[i]) && !name.candidates.some((c) => keyOf(c) === keyOf(headingId));
}
var HEADING_ID_RE = new RegExp(
  String.raw`^(?:story|task|issue)(?:\s*#?\s*|-)((?:[A-Za-z][A-Za-z0-9]{0,15}-(?=\d))?\d+[A-Za-z]?(?:(?:\.|-(?=\d))\d+[A-Za-z]?)*(?:-${ID_SUFFIX_SRC})?)(?![A-Za-z0-9])\s*[:.\-–—]?\s*(.*)$`,
  "i"
);
var BARE_HEADING_ID_RE = new RegExp(
  String.raw`^((?:[A-Z][A-Z0-9]{0,15}-(?=\d))?\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)+(?:-${ID_SUFFIX_SRC})?|[A-Z][A-Z0-9]{0,15}-\d+[A-Za-z]?)(?![A-Za-z0-9])\s*[:.\-–—]?\s*(.*)$`
);
function dashedToDotted(id) {
  return id.replace(/(\d[A-Za-z]?)-(?=\d)/g, "$1.");
}
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
        info.id = dashedToDotted(m[1]);
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
var FM_DEPENDENCY_KEYS = /* @__PURE__ */ new Set(["dependencies", "depends_on", "dependson", "depends-on", "afhankelijkheden", "d\xE9pendances", "\u4F9D\u8D56", "\u524D\u7F6E\u4F9D\u8D56"]);
function frontMatterDeps(fm) {
  for (const key of Object.keys(fm.data)) {
    if (!FM_DEPENDENCY_KEYS.has(key.toLowerCase())) continue;
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
    const unread = [];
    for (const item of items) {
      const t = item.text.trim();
      if (t === "" || /^(none|n\/a|-)$/i.test(t)) continue;
      const found = refsIn(t, item.line, "value");
      if (found.refs.length > 0) {
        pushAll(refs, found.refs);
        for (const token of found.unread) unread.push({ token, line: item.line });
        continue;
      }
      const prose = refsIn(`Story ${t}`, item.line, "prose");
      for (const r of [...prose.refs, ...prose.later]) refs.push({ ...r, raw: t });
      for (const token of prose.unread) unread.push({ token, line: item.line });
    }
    return { refs: dedupeRefs(refs), line: keyLine, unread };
  }
  return null;
}
var PRIORITY_WORDS = {
  critical: 0,
  highest: 0,
  high: 1,
  medium: 2,
  normal: 2,
  low: 3,
  lowest: 4,
  kritiek: 0,
  hoog: 1,
  gemiddeld: 2,
  normaal: 2,
  laag: 3
};
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
  return ccpmEpicFolder(path)?.epic;
}
function normalizeLoneCr(text) {
  for (let cr = text.indexOf("\r"); cr >= 0; cr = text.indexOf("\r", cr + 1)) {
    if (text.charCodeAt(cr + 1) !== 10) return text.replace(/\r\n?/g, "\n");
  }
  return text;
}
function failed(path, errors, warnings) {
  const id = idFromFileName(path)?.id;
  return id === void 0 ? { kind: "failed", errors, warnings } : { kind: "failed", errors, warnings, id };
}
function readSchedulingHints(fm, overrides) {
  if (fmString(fm, "parallel")?.toLowerCase() === "false") overrides.parallel = false;
  for (const key of ["conflicts_with", "conflicts-with", "conflictsWith"]) {
    if (!(key in fm.data)) continue;
    const v = fm.data[key];
    const line = fm.keyLines.get(key) ?? 1;
    const items = Array.isArray(v) ? v.filter((x) => typeof x === "string") : typeof v === "string" ? v.split(",") : [];
    const refs = [];
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
function parseStory(file) {
  const { path } = file;
  const text = normalizeLoneCr(file.text.startsWith("\uFEFF") ? file.text.slice(1) : file.text);
  const base = baseName(path);
  if (TEMPLATE_NAME_RE.test(base) && idFromBaseName(base) === null) return { kind: "skipped", skipped: { path, reason: "template (by its name), not a story" } };
  const fmResult = readFrontMatter(path, text);
  if (!fmResult.ok) return failed(path, [fmResult.error], []);
  const { fm, bodyOffset } = fmResult;
  const scan = scanBody(fmResult.body);
  const fmId = fmString(fm, "id");
  const heading = firstH1(scan, bodyOffset);
  const ident = identifyFile(path, scan, fmId !== void 0 || heading?.id !== void 0 && isStoryId(heading.id));
  if (ident.kind === "skipped") {
    const name2 = ident.companionByName;
    if (name2 && !ccpmEpicFolder(path) && heading?.id !== void 0 && isStoryId(heading.id) && keyOf(heading.id) === keyOf(name2.id) && titleNamesNoDocument(heading.title ?? "")) {
      const parsed2 = parseStoryAs(path, fmResult.body, fm, fmId, scan, bodyOffset, heading, name2, void 0);
      if (parsed2.kind === "story") return { ...parsed2, companion: ident.reason };
    }
    const skipped = { path, reason: ident.reason };
    return isGithubMapping(path) ? { kind: "skipped", skipped, ccpmMapping: readCcpmMapping(scan) } : { kind: "skipped", skipped };
  }
  const name = ident.name;
  const ccpm = ccpmEpicFolder(path);
  if (ccpm && name && !name.namespaced && name.slug !== "") {
    return { kind: "skipped", skipped: { path, reason: `ccpm companion of task ${name.id} ("${name.slug}"): ccpm names its tasks <N>.md` } };
  }
  const asTask = ccpm && name && !name.namespaced && name.slug === "" && name.candidates.length === 1;
  const parsed = parseStoryAs(path, fmResult.body, fm, fmId, scan, bodyOffset, heading, name, asTask ? ccpm : void 0);
  return parsed;
}
function parseStoryAs(path, bodyText, fm, fmId, scan, bodyOffset, heading, name, ccpm) {
  const errors = [];
  const warnings = fm?.warnings ? [...fm.warnings] : [];
  let id;
  let idSource;
  let idLine;
  let localId;
  if (ccpm && name) {
    id = name.id;
    idSource = "file-name";
    const other = fmId !== void 0 && isStoryId(fmId) ? fmId : heading?.id;
    if (other !== void 0 && isStoryId(other) && keyOf(other) !== keyOf(id)) localId = normalId(other);
  } else if (fm && "id" in fm.data) {
    const idLineNo = fm.keyLines.get("id");
    const slugId = fmId !== void 0 && !isStoryId(fmId) ? idOfSlugValue(fmId, name, heading?.id) : null;
    if ((fmId === void 0 || !isStoryId(fmId)) && slugId === null) {
      const shown = typeof fm.data.id === "string" ? fm.data.id : JSON.stringify(fm.data.id);
      errors.push(
        diag("invalid-id", `Front matter id ${shown} is not a story id (expected e.g. 1.2, 1.11b, 13)`, path, idLineNo)
      );
      return failed(path, errors, warnings);
    }
    id = slugId ?? normalId(fmId);
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
  if (!ccpm && idSource === "file-name" && heading?.id !== void 0 && name && headingIsNamePrefix(heading.id, name)) {
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
  if (!ccpm && idSource === "front-matter" && heading?.id !== void 0 && isStoryId(heading.id) && keyOf(heading.id) !== keyOf(id) && !(name && name.candidates.some((c) => keyOf(c) === keyOf(heading.id)))) {
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
      warnings.push(
        diag(
          "invalid-front-matter",
          `Front matter key "priority" is not a number or high/medium/low; the story keeps the default priority`,
          path,
          fm.keyLines.get("priority")
        )
      );
    } else overrides.priority = p;
  }
  if (fm) readSchedulingHints(fm, overrides);
  const title = fmString(fm, "title") ?? fmString(fm, "name") ?? heading?.title ?? heading?.text ?? slugTitle(path, name);
  const bodyStatus = findStatus(scan, bodyOffset);
  const fmStatus = fmString(fm, "status");
  let status;
  if (bodyStatus && !(ccpm && fmStatus !== void 0)) status = { raw: bodyStatus.raw, normalized: statusOf(bodyStatus.raw), line: bodyStatus.line };
  else if (fmStatus !== void 0) {
    status = { raw: fmStatus, normalized: statusOf(fmStatus) };
    const l = fm?.keyLines.get("status");
    if (l !== void 0) status.line = l;
  } else status = { raw: null, normalized: "Not Started" };
  if (ccpm?.archived) status = { ...status, normalized: "Done" };
  const epic = { number: epicOf(id) };
  const fmEpic = fmString(fm, "epic");
  const fmEpicNumber = fmEpic === void 0 ? null : /^(\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)*)$/.exec(fmEpic) ?? /^epic[-_ ]?#?(\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)*)(?=$|[-_ :])/i.exec(fmEpic);
  if (fmEpicNumber) epic.number = normalId(fmEpicNumber[1]);
  const epicName = (fmEpic !== void 0 && !/^\d/.test(fmEpic) ? fmEpic : void 0) ?? findEpicName(scan) ?? ccpmEpic(path);
  if (epicName !== void 0) epic.name = epicName;
  const body = extractDependencies(scan, bodyOffset, ccpmEpic(path) !== void 0);
  const fmDeps = fm ? frontMatterDeps(fm) : null;
  const dependencies = fmDeps ? { declared: true, refs: fmDeps.refs, line: fmDeps.line } : { declared: body.declared, refs: body.refs };
  if (!fmDeps && body.line !== void 0) dependencies.line = body.line;
  for (const u of fmDeps ? fmDeps.unread : body.unread) {
    warnings.push(
      diag(
        "unread-dependency",
        `"${u.token}" in a dependency statement is not read as a story reference (not in a list of ids, nor after "Story"/"Epic"); write it as "Story ${u.token}" if it is one`,
        path,
        u.line
      )
    );
  }
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
    technologies: detectTechnologies(bodyText),
    overrides
  };
  const parsed = { kind: "story", story, idLine, warnings, errors };
  if (localId !== void 0) parsed.localId = localId;
  return parsed;
}
var TEMPLATE_NAME_RE = /(?:^|[-_. ])templates?$/i;
function idOfSlugValue(value, name, headingId) {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/.test(value)) return null;
  const n = idFromBaseName(value);
  if (!n || !isStoryId(n.id)) return null;
  const agreeing = n.candidates.find((c) => keyOf(c) === keyOf(name?.id ?? "") || headingId !== void 0 && keyOf(c) === keyOf(headingId));
  return agreeing ?? n.id;
}
export {
  normalizeStatus,
  parseStory
};
