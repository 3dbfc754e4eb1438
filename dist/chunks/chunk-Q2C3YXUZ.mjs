import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  AGENT_NAME_RE,
  require_dist
} from "./chunk-NFATYNPN.mjs";
import {
  compareIdSortKeys,
  epicOf,
  idKey,
  idSortKey,
  isStoryId,
  normalizeId,
  relativeStaysInside
} from "./chunk-HFBBZ43P.mjs";
import {
  diag
} from "./chunk-43TV4QD6.mjs";
import {
  __toESM
} from "./chunk-EGEKWWZA.mjs";

// lib/adapters/fs/parse-files.ts
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

// lib/core/stories/parse-story.ts
var import_yaml2 = __toESM(require_dist(), 1);

// lib/core/memoize.ts
function memoize(fn, limit) {
  const cache = /* @__PURE__ */ new Map();
  return (input) => {
    let value = cache.get(input);
    if (value === void 0) {
      if (cache.size >= limit) cache.clear();
      value = fn(input);
      cache.set(input, value);
    }
    return value;
  };
}

// lib/core/graph/id-order.ts
var keyOf = memoize(idKey, 2e5);
var normalizeIdFast = memoize(normalizeId, 2e5);
var sortKeyOf = memoize(idSortKey, 2e5);
function compareIdsFast(a, b) {
  return compareIdSortKeys(sortKeyOf(a), sortKeyOf(b));
}
function sortById(items, idOf, tie) {
  return items.map((item) => ({ item, key: idSortKey(idOf(item)) })).sort((a, b) => compareIdSortKeys(a.key, b.key) || (tie ? tie(a.item, b.item) : 0)).map((d) => d.item);
}

// lib/core/stories/markdown.ts
var ID_SRC = String.raw`\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)*(?![A-Za-z0-9])`;
var DOTTED_ID_SRC = String.raw`\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)+(?![A-Za-z0-9])`;
var EMOJI_RE = new RegExp("\\p{Extended_Pictographic}|\\u{FE0F}|\\u{200D}|\\u{20E3}", "gu");
var PLAIN_WORK_RE = /[^\x20-\x7e]|[*_`]| {2}/;
var MARKERS_RE = /[*_`]/;
function plainText(text) {
  if (!PLAIN_WORK_RE.test(text)) return text.trim();
  let s = text;
  if (/[\u0080-\uffff]/.test(s)) s = s.replace(EMOJI_RE, "");
  if (MARKERS_RE.test(s)) {
    s = s.replace(/\*\*|__|`/g, "").replace(/(^|\s)[*_]+|[*_]+(?=\s|$|[:.,;])/g, "$1");
  }
  return s.replace(/\s+/g, " ").trim();
}
function unlink(text) {
  if (!text.includes("](")) return text;
  return text.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
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
var HEADING_RE = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
function parseHeading(line) {
  let i = 0;
  while (i < 3 && line.charCodeAt(i) === 32) i++;
  if (line.charCodeAt(i) !== 35) return null;
  const m = HEADING_RE.exec(line);
  return m ? { level: m[1].length, text: m[2] } : null;
}
var headingKey = memoize(computeHeadingKey, 1e4);
function computeHeadingKey(text) {
  return plainText(withoutParens(text)).replace(/^\d+(\.\d+)*[.)]?\s+/, "").replace(/[:\s]+$/, "").toLowerCase();
}
function boldLabel(line) {
  if (!line.includes("**")) return null;
  const m = /^\s*(?:[-*+]\s+)?\*\*([^*]+?)\*\*\s*:?\s*$/.exec(line);
  return m ? m[1] : null;
}
var FenceTracker = class {
  fence = null;
  /** Feeds one line; true when the line is part of a fence (the fence lines included). */
  inFence(line) {
    const m = line.includes("```") || line.includes("~~~") ? /^\s*(`{3,}|~{3,})/.exec(line) : null;
    if (this.fence === null) {
      if (m) {
        this.fence = m[1];
        return true;
      }
      return false;
    }
    if (m && m[1][0] === this.fence[0] && m[1].length >= this.fence.length && /^\s*[`~]+\s*$/.test(line)) {
      this.fence = null;
    }
    return true;
  }
};
var BULLET_RE = /^(\s*)(?:[-*+]|\d+[.)])\s+/;
function scanLines(lines, text) {
  const fence = new FenceTracker();
  const fenced = new Array(lines.length);
  const headings = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const f = fence.inFence(line);
    fenced[i] = f;
    headings[i] = f ? null : parseHeading(line);
  }
  const scanned = { lines, fenced, headings };
  if (text !== void 0) scanned.text = text;
  return scanned;
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
function direction(label) {
  const key = headingKey(label);
  if (FORWARD_LABELS.has(key)) return "forward";
  if (REVERSE_LABELS.has(key)) return "reverse";
  return null;
}
var IGNORED_SECTION_RE = /\b(qa|review|reviews|reviewed|validation|assessment|change ?log|checklist|definition of done|gate)\b/i;
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
var RANGE_RE = new RegExp(String.raw`^#?(${ID_SRC})\s*(?:-|–|—|to|through)\s*#?(${ID_SRC})$`, "i");
var LEAD_ID_RE = new RegExp(String.raw`^#?(${DOTTED_ID_SRC})(?=$|\s|:|-|–|—)`);
function storyRef(id, raw, line) {
  return { target: { kind: "story", id: normalizeIdFast(id) }, raw, line };
}
function itemRefs(item, epic, line, raw = item.trim()) {
  const text = item.trim();
  const range = RANGE_RE.exec(text);
  if (range) {
    const from = normalizeIdFast(range[1]);
    const to = normalizeIdFast(range[2]);
    const sameShape = from.split(".").length === to.split(".").length;
    if (epic) {
      const [a, b] = [Number(from), Number(to)];
      if (!sameShape || !Number.isInteger(a) || !Number.isInteger(b) || b < a || b - a > 50) {
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
  const id = normalizeIdFast(text.replace(/^#/, ""));
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
      for (const item of bare[1].split(SPLIT_RE)) if (item.trim()) refs.push(...itemRefs(item, false, line));
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
      refs.push(...itemRefs(item, epic, line, first ? `${m[1]} ${item.trim()}` : item.trim()));
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
var LABEL_STEM_SRC = "depend|pre-?requisite|block|require[sd]|enables";
var LABEL_STEM_RE = new RegExp(LABEL_STEM_SRC, "i");
var NOT_IN_STEM_SRC = "[*_`\\u0080-\\uffff]";
var NOT_IN_STEM_RE = new RegExp(`${NOT_IN_STEM_SRC}+`, "g");
var HAS_STEM = 1;
var HAS_NOT_IN_STEM = 2;
function markLines(text, lines, source, flags, flag) {
  const re = new RegExp(source, "gi");
  let line = 0;
  let start = 0;
  let m;
  while ((m = re.exec(text)) !== null) {
    while (m.index >= start + lines[line].length + 1) start += lines[line++].length + 1;
    flags[line] |= flag;
    re.lastIndex = start + lines[line].length + 1;
  }
}
function labelCandidates(lines, text) {
  const flags = new Uint8Array(lines.length);
  markLines(text, lines, LABEL_STEM_SRC, flags, HAS_STEM);
  markLines(text, lines, NOT_IN_STEM_SRC, flags, HAS_NOT_IN_STEM);
  const out = new Array(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const f = flags[i];
    out[i] = (f & HAS_STEM) !== 0 || (f & HAS_NOT_IN_STEM) !== 0 && LABEL_STEM_RE.test(lines[i].replace(NOT_IN_STEM_RE, ""));
  }
  return out;
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
function extractDependencies(lines, lineOffset = 0, scanned) {
  const scan = scanned ?? scanLines(lines);
  const { fenced, headings } = scan;
  const candidate = labelCandidates(lines, scan.text ?? lines.join("\n"));
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
      blocks.push(...found.refs);
      return;
    }
    refs.push(...found.refs);
    if ((found.none || found.refs.length > 0) && declaredLine === void 0) declaredLine = line;
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const lineNo = lineOffset + i + 1;
    if (fenced[i]) continue;
    const heading = headings[i];
    if (heading) {
      while (stack.length > 0 && stack[stack.length - 1].level >= heading.level) stack.pop();
      const ignoredHere = heading.level > 1 && IGNORED_SECTION_RE.test(plainText(heading.text));
      stack.push({ level: heading.level, ignored: ignoredHere });
      ignored = stack.some((h) => h.ignored);
      section = direction(heading.text);
      sub = null;
      block = null;
      continue;
    }
    if (ignored) continue;
    const trimmed = raw.trim();
    if (trimmed.startsWith("|")) continue;
    if (trimmed === "") {
      if (block?.seenBullet) block = null;
      continue;
    }
    const label = candidate[i] ? labelLine(raw) : null;
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
    if (section && boldLabel(raw) !== null) {
      sub = "none";
      continue;
    }
    if (!block && !sub && !section) continue;
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
function baseName(path2) {
  const b = path2.slice(path2.lastIndexOf("/") + 1);
  return b.replace(/\.md$/i, "");
}
var DOTTED_NAME_RE = /^(\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)+)(?:[._-](.*))?$/;
var SINGLE_NAME_RE = /^(\d+[A-Za-z]?)$/;
var DASH_PART_RE = /^\d+[A-Za-z]?$/;
function idFromFileName(path2) {
  let name = baseName(path2).replace(/\.story$/i, "");
  name = name.replace(/^story[-_.]?(?=\d)/i, "");
  const dotted = DOTTED_NAME_RE.exec(name);
  if (dotted) {
    const id = normalizeId(dotted[1]);
    return { id, candidates: [id], slug: dotted[2] ?? "" };
  }
  if (SINGLE_NAME_RE.test(name)) {
    const id = normalizeId(name);
    return { id, candidates: [id], slug: "" };
  }
  const parts = name.split(/[-_]/);
  let n = 0;
  while (n < parts.length && DASH_PART_RE.test(parts[n])) n++;
  if (n === 0) return null;
  const slug = parts.slice(n).join("-");
  const candidates = [];
  for (let k = Math.min(n, 2) === 1 ? 1 : 2; k <= n; k++) candidates.push(normalizeId(parts.slice(0, k).join(".")));
  return { id: candidates[candidates.length - 1], candidates, slug };
}
var COMPANION_RE = /\b(summary|review|reviews|guide|delivery|qa|notes|checklist|report|analysis|handoff|retro|retrospective|changelog)\b/i;
var STORY_SECTION_KEYS = /* @__PURE__ */ new Set(["story", "user story", "story description", "story statement", "description"]);
var AC_KEYS = /* @__PURE__ */ new Set(["acceptance criteria", "acceptance criteria (acs)", "acs"]);
function contentMarks(lines, scanned) {
  let title = null;
  let storyBody = false;
  const { fenced, headings } = scanned ?? scanLines(lines);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (fenced[i]) continue;
    const h = headings[i];
    if (h) {
      if (h.level === 1 && title === null) title = h.text;
      const key = headingKey(h.text);
      if (STORY_SECTION_KEYS.has(key) || AC_KEYS.has(key)) storyBody = true;
    } else {
      const bold = line.includes("**") ? /^\s*\*\*([^*]+?):?\*\*:?\s*$/.exec(line) : null;
      if (bold) {
        const key = headingKey(bold[1]);
        if (key === "story" || AC_KEYS.has(key)) storyBody = true;
      }
      if (/^\s*(?:[-*]\s+)?\**As an?\**\s/i.test(line)) {
        for (let j = i; j < Math.min(lines.length, i + 4); j++) {
          if (/\bI want\b/i.test(lines[j])) storyBody = true;
        }
      }
    }
    if (storyBody && title !== null) break;
  }
  return { storyBody, title };
}
function identifyFile(path2, lines, hasFrontMatterId = false, scanned) {
  const base = baseName(path2);
  if (/^readme$/i.test(base)) return { kind: "skipped", reason: "README, not a story" };
  if (/^epics?(?:$|[-_.])/i.test(base)) return { kind: "skipped", reason: "epic document, not a story" };
  const marks = contentMarks(lines, scanned);
  const title = marks.title === null ? "" : plainText(marks.title);
  if (/^epic\b/i.test(title) && !marks.storyBody) {
    return { kind: "skipped", reason: `epic document (heading "${title}"), not a story` };
  }
  const name = idFromFileName(path2);
  if (!marks.storyBody) {
    if (name && COMPANION_RE.test(name.slug.replace(/[._-]/g, " "))) {
      return {
        kind: "skipped",
        reason: `companion document of story ${name.id} ("${name.slug}"): no story section, "As a ... I want" or acceptance criteria`
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

// lib/core/stories/front-matter.ts
var import_yaml = __toESM(require_dist(), 1);
import { createRequire } from "node:module";
var FRONT_MATTER_START_RE = /^---[ \t]*\r?\n/;
var grayMatter;
var localRequire = createRequire(import.meta.url);
var engines = {
  yaml: (s) => (0, import_yaml.parse)(s.replace(/\r\n?/g, "\n"), { schema: "failsafe" }) ?? {}
};
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
var PATTERNS = {
  python: [/\bpython\d?(?:\.\d+)?\b/i, /[\w-]\.py\b/, /\brequirements(?:-\w+)?\.txt\b/, /\bpyproject\.toml\b/],
  django: [/\bdjango\b/i],
  fastapi: [/\bfastapi\b/i],
  flask: [/\bflask\b/i],
  pytest: [/\bpytest\b/i],
  // Never the bare word: only Go as a language name in context, golang, go.mod, *.go, go tooling.
  go: [
    /\bgolang\b/i,
    /\bgo\.(?:mod|sum)\b/,
    /[\w-]\.go\b(?!\w)/,
    /\bgo (?:test|build|run|mod|get|vet|fmt|install|generate)\b/,
    /\bGo (?:\d+\.\d+|module|modules|code|service|services|backend|binary|binaries|package|packages|project|developer|developers|program|programs|library|libraries|version|toolchain|routine|routines|struct|structs|interface|interfaces|handler|handlers|server|CLI|API)\b/,
    /\b(?:in|using|with|written in|rewrite in|port to) Go\b(?![\w-])/,
    /\bgoroutines?\b/i
  ],
  rust: [/\bRust\b/, /\bCargo\.toml\b/, /\bcargo (?:build|test|run)\b/, /[\w-]\.rs\b/],
  java: [/\bjava\b(?!script)/i, /\bspring boot\b/i, /\bmaven\b/i, /\bgradle\b/i],
  kotlin: [/\bkotlin\b/i],
  swift: [/\bswift(?:ui)?\b/i],
  react: [/\bReact\b/, /\breact-dom\b/, /\breact(?:js|\.js)\b/i, /[\w-]\.(?:jsx|tsx)\b/, /\buse(?:State|Effect)\b/],
  nextjs: [/\bnext\.?js\b/i, /\bnext\.config\.(?:js|mjs|ts)\b/],
  vue: [/\bvue(?:\.?js)?\b/i, /[\w-]\.vue\b/],
  svelte: [/\bsvelte(?:kit)?\b/i],
  angular: [/\bangular\b/i],
  typescript: [/\btypescript\b/i, /\btsconfig(?:\.\w+)?\.json\b/, /[\w-]\.tsx?\b/],
  javascript: [/\bjavascript\b/i, /\bES6\b/, /\b(?!next\.|node\.|vue\.)[\w-]+\.m?jsx?\b/i],
  node: [/\bnode\.?js\b/i, /\bNode (?:\d+|LTS)\b/, /\bpackage\.json\b/, /\bnpm (?:install|run|test|i)\b/],
  html: [/\bhtml5?\b/i],
  css: [/\bcss3?\b/i, /[\w-]\.s?css\b/],
  tailwind: [/\btailwind(?:css)?\b/i],
  figma: [/\bfigma\b/i],
  docs: [/\bdocumentation\b/i, /\bdocs\b/i, /\bREADME\b/]
};
var NEEDLES = {
  python: ["python", ".py", "requirements", "pyproject"],
  django: ["django"],
  fastapi: ["fastapi"],
  flask: ["flask"],
  pytest: ["pytest"],
  go: ["golang", "go.", ".go", "go ", " go", "goroutine"],
  rust: ["rust", "cargo", ".rs"],
  java: ["java", "spring boot", "maven", "gradle"],
  kotlin: ["kotlin"],
  swift: ["swift"],
  react: ["react", ".jsx", ".tsx", "usestate", "useeffect"],
  nextjs: ["next"],
  vue: ["vue"],
  svelte: ["svelte"],
  angular: ["angular"],
  typescript: ["typescript", "tsconfig", ".ts"],
  javascript: ["javascript", "es6", ".js", ".mjs"],
  node: ["node", "package.json", "npm "],
  html: ["html"],
  css: ["css"],
  tailwind: ["tailwind"],
  figma: ["figma"],
  // No needles: "docs" is inside "docstring", so as a needle it hits all through prose; the
  // three patterns are cheaper run directly.
  docs: []
};
function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
var ALL_NEEDLES = [...new Set(Object.values(NEEDLES).flat())];
var NEEDLE_RE = new RegExp(ALL_NEEDLES.map(escapeRe).join("|"), "g");
var NEEDLES_BY_FIRST = /* @__PURE__ */ new Map();
for (const n of ALL_NEEDLES) {
  const list = NEEDLES_BY_FIRST.get(n[0]);
  if (list) list.push(n);
  else NEEDLES_BY_FIRST.set(n[0], [n]);
}
function needlesIn(lower) {
  const found = /* @__PURE__ */ new Set();
  const re = NEEDLE_RE;
  re.lastIndex = 0;
  let m;
  while ((m = re.exec(lower)) !== null) {
    const at = m.index;
    for (const n of NEEDLES_BY_FIRST.get(lower[at]) ?? []) if (lower.startsWith(n, at)) found.add(n);
    re.lastIndex = at + 1;
  }
  return found;
}
function detectTechnologies(text) {
  const found = needlesIn(text.toLowerCase());
  return TECHNOLOGIES.filter(
    (t) => (NEEDLES[t].length === 0 || NEEDLES[t].some((n) => found.has(n))) && PATTERNS[t].some((re) => re.test(text))
  );
}

// lib/core/stories/parse-story.ts
function readFrontMatter(path2, text) {
  if (!FRONT_MATTER_START_RE.test(text)) return { ok: true, fm: null, body: text, bodyOffset: 0 };
  let file;
  try {
    file = splitFrontMatter(text);
  } catch (e) {
    const line = e instanceof import_yaml2.YAMLParseError ? e.linePos?.[0]?.line : void 0;
    const why = e instanceof Error ? e.message.split("\n")[0] : String(e);
    return { ok: false, error: diag("invalid-front-matter", `Front matter is not valid YAML: ${why}`, path2, line) };
  }
  const data = file.data;
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return {
      ok: false,
      error: diag("invalid-front-matter", "Front matter must be a mapping of keys (e.g. `id: 1.2`)", path2, 2)
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
function cleanStatus(text) {
  return plainText(unlink(text)).replace(/^status\s*:\s*/i, "").replace(/^[-–—:\s]+/, "").trim();
}
function findStatus(scan, offset) {
  const { lines, fenced, headings } = scan;
  let inStatusSection = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
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
      const raw = cleanStatus(m[1]);
      if (raw !== "") return { raw, line: offset + i + 1 };
    }
  }
  return null;
}
var HEADING_ID_RE = /^(?:story|task|issue)\s*#?\s*(\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)*)(?![A-Za-z0-9])\s*[:.\-–—]?\s*(.*)$/i;
var BARE_HEADING_ID_RE = /^(\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)+)(?![A-Za-z0-9])\s*[:.\-–—]?\s*(.*)$/;
function firstH1(scan, offset) {
  const { lines, fenced, headings } = scan;
  for (let i = 0; i < lines.length; i++) {
    if (fenced[i]) continue;
    const h = headings[i];
    if (h && h.level === 1) {
      const text = plainText(unlink(h.text));
      const m = HEADING_ID_RE.exec(text) ?? BARE_HEADING_ID_RE.exec(text);
      const info = { text, line: offset + i + 1 };
      if (m) {
        info.id = m[1];
        if (m[2].trim() !== "") info.title = m[2].trim();
      }
      return info;
    }
  }
  return null;
}
function findEpicName(scan) {
  const { lines, fenced } = scan;
  for (let i = 0; i < lines.length; i++) {
    if (fenced[i]) continue;
    const line = lines[i];
    const m = /^\s*(?:[-*]\s+)?\**Epic\**\s*:\s*\**\s*(.+)$/i.exec(line);
    if (m) {
      const text = plainText(unlink(m[1]));
      const name = text.replace(/^(?:epic\s*)?#?\d+[A-Za-z]?(?:\.\d+)*\s*(?:[-–—:]\s*)?/i, "").trim();
      return name === "" ? void 0 : name;
    }
  }
  return void 0;
}
function checklists(scan, offset) {
  const { lines, fenced, headings } = scan;
  const ac = [];
  const tasks = [];
  let kind = null;
  let level = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (fenced[i]) continue;
    const h = headings[i] ?? null;
    const bold = h || !line.includes("**") ? null : /^\*\*([^*]+?)\*\*:?\s*$/.exec(line.trim());
    if (h || bold) {
      const key = headingKey(h ? h.text : bold[1]);
      const lvl = h ? h.level : 7;
      if (kind !== null && lvl > level) {
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
      const item = { text: plainText(box[2]), done: box[1] !== " ", line: offset + i + 1 };
      (kind === "ac" ? ac : tasks).push(item);
      continue;
    }
    if (kind === "ac") {
      const num = /^ ?(\d+)[.)]\s+(.*)$/.exec(line);
      if (num) ac.push({ text: plainText(num[2]), done: false, line: offset + i + 1 });
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
      if (found.refs.length > 0) refs.push(...found.refs);
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
function slugTitle(path2, name) {
  const base = path2.slice(path2.lastIndexOf("/") + 1).replace(/\.md$/i, "").replace(/\.story$/i, "");
  const slug = name?.slug || base;
  return slug.replace(/[-_.]+/g, " ").trim();
}
function ccpmEpic(path2) {
  const m = /(?:^|\/)\.claude\/epics\/([^/]+)\/[^/]+$/.exec(path2);
  return m ? m[1] : void 0;
}
function parseStory(file) {
  const { path: path2 } = file;
  const text = file.text.charCodeAt(0) === 65279 ? file.text.slice(1) : file.text;
  const errors = [];
  const warnings = [];
  const fmResult = readFrontMatter(path2, text);
  if (!fmResult.ok) return { kind: "failed", errors: [fmResult.error], warnings };
  const { fm, bodyOffset } = fmResult;
  const crlf = fmResult.body.includes("\r");
  const lines = crlf ? fmResult.body.split(/\r?\n/) : fmResult.body.split("\n");
  const scan = crlf ? scanLines(lines) : scanLines(lines, fmResult.body);
  const fmId = fmString(fm, "id");
  const ident = identifyFile(path2, lines, fmId !== void 0, scan);
  if (ident.kind === "skipped") return { kind: "skipped", skipped: { path: path2, reason: ident.reason } };
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
        diag("invalid-id", `Front matter id ${shown} is not a story id (expected e.g. 1.2, 1.11b, 13)`, path2, idLineNo)
      );
      return { kind: "failed", errors, warnings };
    }
    id = normalizeId(fmId);
    idSource = "front-matter";
    idLine = idLineNo;
  } else if (heading?.id !== void 0 && isStoryId(heading.id)) {
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
          path2
        )
      );
    }
  } else {
    return { kind: "skipped", skipped: { path: path2, reason: "no story id in the file name, heading or front matter" } };
  }
  if (idSource !== "file-name" && name && !name.candidates.some((c) => keyOf(c) === keyOf(id))) {
    const by = idSource === "front-matter" ? "front matter id" : "heading";
    warnings.push(
      diag("id-mismatch", `The ${by} says ${id} but the file name says ${name.id}; using ${id}`, path2, idLine)
    );
  }
  if (idSource === "front-matter" && heading?.id !== void 0 && isStoryId(heading.id) && keyOf(heading.id) !== keyOf(id) && !(name && name.candidates.some((c) => keyOf(c) === keyOf(heading.id)))) {
    warnings.push(
      diag("id-mismatch", `The heading says ${heading.id} but the front matter id is ${id}; using ${id}`, path2, heading.line)
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
          path2,
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
          path2,
          fm.keyLines.get("priority")
        )
      );
    } else overrides.priority = p;
  }
  const title = fmString(fm, "title") ?? fmString(fm, "name") ?? heading?.title ?? heading?.text ?? slugTitle(path2, name);
  const bodyStatus = findStatus(scan, bodyOffset);
  const fmStatus = fmString(fm, "status");
  let status;
  if (bodyStatus) status = { raw: bodyStatus.raw, normalized: normalizeStatus(bodyStatus.raw), line: bodyStatus.line };
  else if (fmStatus !== void 0) {
    status = { raw: fmStatus, normalized: normalizeStatus(fmStatus) };
    const l = fm?.keyLines.get("status");
    if (l !== void 0) status.line = l;
  } else status = { raw: null, normalized: "Not Started" };
  const epic = { number: epicOf(id) };
  const fmEpic = fmString(fm, "epic");
  if (fmEpic !== void 0 && /^\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)*$/.test(fmEpic)) epic.number = normalizeId(fmEpic);
  const epicName = (fmEpic !== void 0 && !/^\d/.test(fmEpic) ? fmEpic : void 0) ?? findEpicName(scan) ?? ccpmEpic(path2);
  if (epicName !== void 0) epic.name = epicName;
  const body = extractDependencies(lines, bodyOffset, scan);
  const fmDeps = fm ? frontMatterDeps(fm) : null;
  const dependencies = fmDeps ? { declared: true, refs: fmDeps.refs, line: fmDeps.line } : { declared: body.declared, refs: body.refs };
  if (!fmDeps && body.line !== void 0) dependencies.line = body.line;
  const { ac, tasks } = checklists(scan, bodyOffset);
  const story = {
    id,
    idSource,
    title,
    path: path2,
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

// lib/adapters/fs/read-story-files.ts
import { closeSync, fstatSync, openSync, readFileSync, readSync, readdirSync, realpathSync, statSync } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
var DEFAULT_STORY_DIRS = [
  "docs/stories",
  "_bmad-output/implementation-artifacts/stories",
  "docs/sprint-artifacts/stories"
];
var CCPM_EPICS_DIR = ".claude/epics";
var MAX_STORY_BYTES = 1024 * 1024;
var toPosix = (p) => p.split(path.sep).join("/");
function isInside(root, p) {
  return relativeStaysInside(path.relative(root, p));
}
async function isDir(p) {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}
function joinName(dir, name) {
  return dir.endsWith(path.sep) ? dir + name : dir + path.sep + name;
}
function mdFiles(root, dir, realRoot) {
  const entries = readdirSync(dir, { withFileTypes: true });
  let realDir;
  let dirInside;
  try {
    realDir = realpathSync(dir);
    dirInside = isInside(realRoot(), realDir);
  } catch {
    realDir = null;
    dirInside = null;
  }
  const relDir = toPosix(path.relative(root, dir));
  return entries.filter((e) => !e.isDirectory() && /\.md$/i.test(e.name)).map((e) => {
    const plain = realDir !== null && !e.isSymbolicLink();
    return {
      abs: joinName(dir, e.name),
      rel: relDir === "" ? e.name : `${relDir}/${e.name}`,
      inside: plain ? dirInside : null,
      real: plain && realDir !== null ? joinName(realDir, e.name) : ""
    };
  }).sort((a, b) => a.abs < b.abs ? -1 : a.abs > b.abs ? 1 : 0);
}
function readBounded(real, stat2) {
  let fd;
  try {
    fd = openSync(real, "r");
  } catch (e) {
    const st = statSync(real);
    if (st.size > MAX_STORY_BYTES) return st.size;
    throw e;
  }
  try {
    let size;
    if (stat2) {
      stat2.value = fstatSync(fd, { bigint: true });
      size = Number(stat2.value.size);
    } else size = fstatSync(fd).size;
    if (size > MAX_STORY_BYTES) return size;
    if (size === 0) return readFileSync(fd);
    const buf = Buffer.allocUnsafe(size);
    let got = 0;
    while (got < size) {
      const n = readSync(fd, buf, got, size - got, null);
      if (n === 0) break;
      got += n;
    }
    return got === size ? buf : buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}
var UTF8 = new TextDecoder("utf-8", { fatal: true });
function readOne(realRoot, file, stat2 = null) {
  const { abs, rel } = file;
  try {
    const real = file.inside === null ? realpathSync(abs) : file.real;
    if (!(file.inside ?? isInside(realRoot(), real))) {
      return { kind: "error", error: diag("unsafe-path", `${rel} is a link to a file outside the project; not read`, rel) };
    }
    const got = readBounded(real, stat2);
    if (typeof got === "number") {
      const mib = (got / (1024 * 1024)).toFixed(1);
      return {
        kind: "skip",
        warning: diag("file-too-large", `${rel} is ${mib} MiB (${got} bytes), over the 1 MiB limit for a story file; skipped`, rel)
      };
    }
    const buf = got;
    let text;
    try {
      text = UTF8.decode(buf);
    } catch {
      text = null;
    }
    if (text !== null && text.trim() === "") {
      return { kind: "skip", warning: diag("empty-file", `${rel} is empty; skipped`, rel) };
    }
    if (text === null ? buf.includes(0) : text.includes("\0")) {
      return { kind: "skip", warning: diag("binary-file", `${rel} looks binary (it contains NUL bytes); skipped`, rel) };
    }
    if (text === null) {
      return { kind: "skip", warning: diag("binary-file", `${rel} is not valid UTF-8 text; skipped`, rel) };
    }
    return { kind: "file", file: { path: rel, text } };
  } catch (e) {
    const code = e.code ?? "error";
    return { kind: "error", error: diag("unreadable-file", `Cannot read ${rel} (${code})`, rel) };
  }
}
async function resolveDirs(root, storiesDir) {
  if (storiesDir !== void 0) {
    const shown = storiesDir;
    if (path.isAbsolute(storiesDir) || /^[A-Za-z]:/.test(storiesDir)) {
      return { error: diag("unsafe-path", `storiesDir "${shown}" must be a path inside the project, relative to its root`) };
    }
    const abs = path.resolve(root, storiesDir);
    if (!isInside(root, abs)) {
      return { error: diag("unsafe-path", `storiesDir "${shown}" points outside the project`) };
    }
    if (!await isDir(abs)) {
      return {
        error: diag(
          "no-stories",
          `storiesDir "${shown}" does not exist or is not a folder. Create it or set storiesDir in .agent-orchestration/config.yaml`
        )
      };
    }
    const [realRoot, realDir] = await Promise.all([realpath(root), realpath(abs)]);
    if (!isInside(realRoot, realDir)) {
      return { error: diag("unsafe-path", `storiesDir "${shown}" is a link to a folder outside the project`) };
    }
    return { dirs: [abs] };
  }
  for (const d of DEFAULT_STORY_DIRS) {
    const abs = path.join(root, d);
    if (await isDir(abs)) return { dirs: [abs] };
  }
  const epics = path.join(root, CCPM_EPICS_DIR);
  if (await isDir(epics)) {
    const entries = await readdir(epics, { withFileTypes: true });
    const dirs = entries.filter((e) => e.isDirectory()).map((e) => path.join(epics, e.name)).sort();
    if (dirs.length > 0) return { dirs };
  }
  const tried = [...DEFAULT_STORY_DIRS, `${CCPM_EPICS_DIR}/*/`].join(", ");
  return {
    error: diag(
      "no-stories",
      `No stories folder found (tried ${tried}). Put stories in docs/stories or set storiesDir in .agent-orchestration/config.yaml`
    )
  };
}
async function listStoryFiles(root, storiesDir) {
  const absRoot = path.resolve(root);
  let realRoot;
  const getRealRoot = () => realRoot ??= realpathSync(absRoot);
  const listing = { absRoot, dirs: [], listed: [], realRoot: getRealRoot, errors: [] };
  const found = await resolveDirs(absRoot, storiesDir);
  if ("error" in found) {
    listing.errors.push(found.error);
    return listing;
  }
  listing.dirs = found.dirs.map((d) => toPosix(path.relative(absRoot, d)) || ".");
  for (const d of found.dirs) {
    try {
      listing.listed.push(...mdFiles(absRoot, d, getRealRoot));
    } catch (e) {
      const rel = toPosix(path.relative(absRoot, d));
      const code = e.code ?? "error";
      listing.errors.push(diag("unreadable-file", `Cannot list ${rel} (${code})`, rel));
    }
  }
  return listing;
}

// lib/adapters/fs/parse-files.ts
var PARALLEL_MIN_FILES = 600;
var statKey = (st) => `${st.size}:${st.mtimeNs}:${st.ino}:${st.ctimeNs}`;
function readAndParse(realRoot, task) {
  const stat2 = { value: null };
  const r = readOne(realRoot, task.item, task.stat ? stat2 : null);
  if (r.kind === "error") return { kind: "error", error: r.error };
  const outcome = r.kind === "file" ? { kind: "parse", parse: parseStory(r.file) } : { kind: "skip", warning: r.warning };
  const st = stat2.value;
  if (!st || !st.isFile()) return { kind: "outcome", outcome };
  const changed = st.mtimeNs > st.ctimeNs ? st.mtimeNs : st.ctimeNs;
  const result = { kind: "outcome", outcome, key: statKey(st), changed: String(changed) };
  if (jsonSafe(outcome)) result.json = JSON.stringify(outcome);
  return result;
}
function toWire(r) {
  return r.kind === "outcome" && r.json !== void 0 && r.key !== void 0 && r.changed !== void 0 ? { kind: "json", key: r.key, changed: r.changed, json: r.json } : r;
}
function fromWire(r) {
  return r.kind === "json" ? { kind: "outcome", outcome: JSON.parse(r.json), key: r.key, changed: r.changed, json: r.json } : r;
}
function jsonSafe(v) {
  switch (typeof v) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(v) && !Object.is(v, -0);
    case "object": {
      if (v === null) return true;
      if (Array.isArray(v)) return v.every(jsonSafe);
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return false;
      for (const k in v) if (!jsonSafe(v[k])) return false;
      return true;
    }
    default:
      return false;
  }
}
function workerFile() {
  for (const rel of ["./parse-worker.mjs", "../parse-worker.mjs"]) {
    const url = new URL(rel, import.meta.url);
    if (url.protocol === "file:" && existsSync(url)) return fileURLToPath(url);
  }
  return null;
}
function threadCount(files) {
  const forced = Number(process.env["STORY_ORCHESTRATOR_THREADS"]);
  const cores = Number.isInteger(forced) && forced > 0 ? forced : availableParallelism();
  return files < PARALLEL_MIN_FILES ? 1 : Math.max(1, Math.min(cores, 8, Math.floor(files / (PARALLEL_MIN_FILES / 2))));
}
function runWorker(file, request) {
  return new Promise((resolve, reject) => {
    const w = new Worker(file, { workerData: request });
    let done = false;
    w.once("message", (results) => {
      done = true;
      resolve(results.map(fromWire));
    });
    w.once("error", reject);
    w.once("exit", (code) => {
      if (!done) reject(new Error(`the story parse worker exited with code ${code} before it answered`));
    });
  });
}
async function readAndParseAll(realRoot, tasks) {
  const threads = threadCount(tasks.length);
  const file = threads > 1 ? workerFile() : null;
  if (file === null) return tasks.map((t) => readAndParse(realRoot, t));
  const size = Math.ceil(tasks.length / threads);
  const shares = Array.from({ length: threads }, (_, i) => tasks.slice(i * size, (i + 1) * size));
  const root = realRoot();
  const pending = shares.slice(1).map((share) => runWorker(file, { realRoot: root, tasks: share }).catch(() => null));
  const mine = (shares[0] ?? []).map((t) => readAndParse(realRoot, t));
  const theirs = await Promise.all(pending);
  if (process.env["STORY_ORCHESTRATOR_DEBUG"]) {
    const failed = theirs.filter((r) => r === null).length;
    process.stderr.write(`story-orchestrator: ${tasks.length} story files read on ${threads} threads${failed ? ` (${failed} worker(s) failed; their share was read here)` : ""}
`);
  }
  return [mine, ...theirs.map((r, i) => r ?? (shares[i + 1] ?? []).map((t) => readAndParse(realRoot, t)))].flat();
}

export {
  keyOf,
  compareIdsFast,
  sortById,
  listStoryFiles,
  statKey,
  readAndParse,
  toWire,
  readAndParseAll
};
