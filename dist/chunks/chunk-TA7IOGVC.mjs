import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  compileScopePattern,
  epicNames,
  epicSlug,
  resolveScopeOrAll
} from "./chunk-VVU4VAXQ.mjs";
import {
  AGENT_NAME_RE
} from "./chunk-WXMZ5N7V.mjs";
import {
  keyOf,
  sortById
} from "./chunk-JHRD7746.mjs";
import {
  baseName,
  idFromFileName
} from "./chunk-YFTCM4W6.mjs";
import {
  MAX_EPIC_SPAN,
  compareIds,
  isIdKey
} from "./chunk-KNNDJYLI.mjs";
import {
  diag,
  internalError,
  sortDiags
} from "./chunk-EFR3LY5V.mjs";

// lib/core/agents/select-agent.ts
var DEFAULT_AGENT = "general-developer";
var CODE_DETECTORS = [
  { agent: "nextjs-developer", label: "Next.js", words: ["next.js", "nextjs", "next", "app router"] },
  { agent: "react-developer", label: "React", words: ["react", "jsx", "tsx", "react native", "redux", "react-query"] },
  { agent: "python-developer", label: "Python", words: ["python", "django", "fastapi", "flask", "pytest", "pydantic", "sqlalchemy", "celery", "pandas", "numpy", "opencv"] },
  { agent: "golang-developer", label: "Go", words: ["go", "golang", "goroutine", "gin"] }
];
var DESIGN = {
  agent: "frontend-design",
  label: "UI design",
  words: ["figma", "design system", "ui design", "ux", "css", "tailwind", "scss", "sass", "wireframe", "mockup", "styling"]
};
var DOC_WORDS = ["documentation", "docs", "readme", "guide", "runbook", "changelog"];
var NOT_CODE = /* @__PURE__ */ new Set([...DESIGN.words, ...DOC_WORDS, "html"]);
var TITLE_AMBIGUOUS = /* @__PURE__ */ new Set(["go", "next", "gin", "guide"]);
function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
var wordRes = /* @__PURE__ */ new Map();
function containsWord(text, word) {
  if (!text.includes(word)) return false;
  let re = wordRes.get(word);
  if (!re) wordRes.set(word, re = new RegExp(`(?<![a-z0-9])${escapeRe(word)}(?![a-z0-9])`));
  return re.test(text);
}
var isWordChar = (c) => c >= 97 && c <= 122 || c >= 48 && c <= 57;
var HINT_WORDS = [.../* @__PURE__ */ new Set([...CODE_DETECTORS.flatMap((d) => d.words), ...DESIGN.words, ...DOC_WORDS])];
var HINT_START_RE = new RegExp(
  `(?<![a-z0-9])(?=[${[...new Set(HINT_WORDS.map((h) => h[0]))].join("")}])(?=(?:${HINT_WORDS.map(escapeRe).join("|")})(?![a-z0-9]))`,
  "g"
);
var HINTS_BY_FIRST_CHAR = [];
for (const hint of HINT_WORDS) (HINTS_BY_FIRST_CHAR[hint.charCodeAt(0)] ??= []).push(hint);
function titleHints(title) {
  let one = "";
  let more;
  HINT_START_RE.lastIndex = 0;
  while (HINT_START_RE.test(title)) {
    const at = HINT_START_RE.lastIndex;
    HINT_START_RE.lastIndex = at + 1;
    const candidates = HINTS_BY_FIRST_CHAR[title.charCodeAt(at)] ?? [];
    for (let k = 0; k < candidates.length; k++) {
      const hint = candidates[k];
      const after = at + hint.length;
      if (!title.startsWith(hint, at) || after < title.length && isWordChar(title.charCodeAt(after))) continue;
      if (one === "" || one === hint) one = hint;
      else if (!more) more = [one, hint];
      else if (!more.includes(hint)) more.push(hint);
    }
  }
  return more ? more.sort().join(",") : one;
}
function hits(words, techs, inTitle) {
  return words.filter((w) => techs.has(w) || !TITLE_AMBIGUOUS.has(w) && inTitle.includes(w));
}
function detect(techs, inTitle) {
  const found = CODE_DETECTORS.map((d) => ({ d, words: hits(d.words, techs, inTitle) })).filter((f) => f.words.length > 0);
  if (found.some((f) => f.d.agent === "nextjs-developer")) {
    const next = found.find((f) => f.d.agent === "nextjs-developer");
    const react = found.find((f) => f.d.agent === "react-developer");
    if (next && react) next.words.push(...react.words);
    found.splice(0, found.length, ...found.filter((f) => f.d.agent !== "react-developer"));
  }
  if (found.length > 0) {
    const top = Math.max(...found.map((f) => f.words.length));
    const winner = found.find((f) => f.words.length === top) ?? found[0];
    if (!winner) return { agent: DEFAULT_AGENT, reason: "no technology detected" };
    const tied = found.filter((f) => f !== winner && f.words.length === top).map((f) => f.d.label);
    const others = found.filter((f) => f !== winner && f.words.length < top).map((f) => f.d.label);
    let reason = `detected ${winner.d.label} (${winner.words.join(", ")})`;
    if (tied.length > 0) reason += `; tie with ${tied.join(", ")}, ${winner.d.label} comes first`;
    else if (others.length > 0) reason += `; fewer hints for ${others.join(", ")}`;
    return { agent: winner.d.agent, reason };
  }
  const code = [...techs].filter((t) => !NOT_CODE.has(t)).sort();
  const design = hits(DESIGN.words, techs, inTitle);
  if (design.length > 0 && code.length === 0) {
    return { agent: DESIGN.agent, reason: `detected ${DESIGN.label} (${design.join(", ")}), no code technology` };
  }
  if (code.length > 0) return { agent: DEFAULT_AGENT, reason: `detected ${code.join(", ")}, no specialist agent for it` };
  const docs = DOC_WORDS.filter((w) => techs.has(w) || inTitle.includes(w));
  if (docs.length > 0) return { agent: DEFAULT_AGENT, reason: `docs-only (${docs.join(", ")})` };
  return { agent: DEFAULT_AGENT, reason: "no technology detected" };
}
function cachedDetector() {
  const root = { next: /* @__PURE__ */ new Map(), byHints: /* @__PURE__ */ new Map() };
  return (story) => {
    const techs = story.technologies;
    let node = root;
    for (let k = 0; k < techs.length; k++) {
      let child = node.next.get(techs[k]);
      if (!child) node.next.set(techs[k], child = { next: /* @__PURE__ */ new Map(), byHints: /* @__PURE__ */ new Map() });
      node = child;
    }
    const hints = titleHints(story.title.toLowerCase());
    let choice = node.byHints.get(hints);
    if (!choice) {
      choice = detect(new Set(techs.map((t) => t.trim().toLowerCase())), hints === "" ? [] : hints.split(","));
      node.byHints.set(hints, choice);
    }
    return choice;
  };
}
function storyText(story) {
  return [story.title, story.technologies.join(" "), ...story.acceptanceCriteria.map((c) => c.text), ...story.tasks.map((t) => t.text)].join("\n").toLowerCase();
}
function createAgentSelector(rules, names) {
  const compiled = rules.map((rule, i) => {
    const scope = rule.stories === void 0 ? void 0 : compileScopePattern(rule.stories, names);
    const keywords = (rule.keywords ?? []).map((k) => k.toLowerCase());
    const what = [rule.stories !== void 0 ? `stories: ${rule.stories}` : "", keywords.length > 0 ? `keywords: ${keywords.join(", ")}` : ""].filter((s) => s !== "").join("; ");
    return { rule, n: i + 1, scope, keywords, what };
  });
  const detectCached = cachedDetector();
  return (story) => {
    const own = story.overrides.agent?.trim();
    if (own !== void 0 && AGENT_NAME_RE.test(own)) return { agent: own, reason: "front matter agent:" };
    let text;
    for (let r = 0; r < compiled.length; r++) {
      const c = compiled[r];
      if (c.scope !== void 0 && !(c.scope.ok && c.scope.value(story))) continue;
      if (c.keywords.length > 0) {
        text ??= storyText(story);
        const t = text;
        if (!c.keywords.some((k) => containsWord(t, k))) continue;
      }
      return { agent: c.rule.agent, reason: c.what === "" ? `config rule ${c.n}` : `config rule ${c.n} (${c.what})` };
    }
    return detectCached(story);
  };
}

// lib/core/graph/schedule.ts
function topologicalOrder(graph) {
  const count = graph.nodes.length;
  const { depsOf, dependentsOf } = graph;
  const pending = new Int32Array(count);
  const order = new Int32Array(count);
  let placed = 0;
  for (let i = 0; i < count; i++) {
    pending[i] = depsOf.start[i + 1] - depsOf.start[i];
    if (pending[i] === 0) order[placed++] = i;
  }
  for (let head = 0; head < placed; head++) {
    const v = order[head];
    for (let k = dependentsOf.start[v]; k < dependentsOf.start[v + 1]; k++) {
      const m = dependentsOf.list[k];
      if (--pending[m] === 0) order[placed++] = m;
    }
  }
  return { order, placed };
}
function scheduleGraph(graph, runnable, weight, whole) {
  const count = graph.nodes.length;
  const { depsOf, dependentsOf, isVirtual } = graph;
  const active = new Uint8Array(count);
  const lengths = () => weight ? new Float64Array(count) : new Int32Array(count);
  const w = lengths();
  let runnableCount = 0;
  let activeCount = 0;
  for (let i = 0; i < count; i++) {
    if (runnable[i] === 1) {
      runnableCount++;
      w[i] = isVirtual[i] === 1 ? 0 : weight ? weight(graph.nodes[i] ?? "") : 1;
    } else if (isVirtual[i] === 0) continue;
    active[i] = 1;
    activeCount++;
  }
  const acyclic = whole !== void 0 && whole.placed === count;
  const { order, placed } = acyclic ? whole : activeOrder(graph, active, activeCount);
  if (!acyclic && placed < activeCount) {
    const isPlaced = new Uint8Array(count);
    for (let k = 0; k < placed; k++) isPlaced[order[k]] = 1;
    for (let i = 0; i < count; i++) {
      if (runnable[i] === 1 && isPlaced[i] === 0) internalError(`cycle through ${graph.nodes[i]} reached the wave computation`);
    }
  }
  const end = lengths();
  for (let k = 0; k < placed; k++) {
    const v = order[k];
    if (active[v] === 0) continue;
    let longest = 0;
    for (let j = depsOf.start[v]; j < depsOf.start[v + 1]; j++) {
      const d = depsOf.list[j];
      if (active[d] === 1 && end[d] > longest) longest = end[d];
    }
    end[v] = longest + w[v];
  }
  const remaining = lengths();
  for (let k = placed - 1; k >= 0; k--) {
    const v = order[k];
    if (active[v] === 0) continue;
    let longest = 0;
    for (let j = dependentsOf.start[v]; j < dependentsOf.start[v + 1]; j++) {
      const m = dependentsOf.list[j];
      if (active[m] === 1 && remaining[m] > longest) longest = remaining[m];
    }
    remaining[v] = longest + w[v];
  }
  return { runnable, runnableCount, end, remaining };
}
function activeOrder(graph, active, activeCount) {
  const count = graph.nodes.length;
  const { depsOf, dependentsOf } = graph;
  const pending = new Int32Array(count);
  const order = new Int32Array(activeCount);
  let placed = 0;
  for (let i = 0; i < count; i++) {
    if (active[i] === 0) continue;
    let n = 0;
    for (let k = depsOf.start[i]; k < depsOf.start[i + 1]; k++) n += active[depsOf.list[k]];
    pending[i] = n;
    if (n === 0) order[placed++] = i;
  }
  for (let head = 0; head < placed; head++) {
    const v = order[head];
    for (let k = dependentsOf.start[v]; k < dependentsOf.start[v + 1]; k++) {
      const m = dependentsOf.list[k];
      if (active[m] === 1 && --pending[m] === 0) order[placed++] = m;
    }
  }
  return { order, placed };
}
function criticalPathNodes(graph, runnable, value) {
  const { dependentsOf, isVirtual } = graph;
  const better = (n, pick) => pick < 0 || value[n] > value[pick] || value[n] === value[pick] && n < pick;
  let cur = -1;
  for (let i = 0; i < graph.nodes.length; i++) if (runnable[i] === 1 && better(i, cur)) cur = i;
  const path = [];
  while (cur >= 0) {
    if (isVirtual[cur] === 0) path.push(cur);
    let next = -1;
    for (let k = dependentsOf.start[cur]; k < dependentsOf.start[cur + 1]; k++) {
      const m = dependentsOf.list[k];
      if ((runnable[m] === 1 || isVirtual[m] === 1) && better(m, next)) next = m;
    }
    cur = next;
  }
  return path;
}

// lib/core/graph/cycles.ts
function peel(alive, out, back) {
  const degree = new Int32Array(alive.length);
  const queue = [];
  for (let n = 0; n < alive.length; n++) {
    if (alive[n] === 0) continue;
    let d = 0;
    for (let k = out.start[n]; k < out.start[n + 1]; k++) d += alive[out.list[k]];
    degree[n] = d;
    if (d === 0) queue.push(n);
  }
  while (queue.length > 0) {
    const n = queue.pop();
    alive[n] = 0;
    for (let k = back.start[n]; k < back.start[n + 1]; k++) {
      const m = back.list[k];
      if (alive[m] === 1 && --degree[m] === 0) queue.push(m);
    }
  }
}
function tangled(graph, topo) {
  const alive = new Uint8Array(graph.nodes.length).fill(1);
  for (let k = 0; k < topo.placed; k++) alive[topo.order[k]] = 0;
  peel(alive, graph.dependentsOf, graph.depsOf);
  return alive;
}
function depsAmong(graph, n, among) {
  const out = [];
  for (let k = graph.depsOf.start[n]; k < graph.depsOf.start[n + 1]; k++) if (among(graph.depsOf.list[k])) out.push(graph.depsOf.list[k]);
  return out;
}
function cycleThrough(graph, start, component) {
  const parent = /* @__PURE__ */ new Map();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const n = queue[i];
    for (const d of depsAmong(graph, n, (m) => component.has(m)).sort((a, b) => a - b)) {
      if (d === start) {
        const path = [n];
        for (let p = n; p !== start; ) {
          p = parent.get(p) ?? start;
          path.push(p);
        }
        return path.reverse();
      }
      if (!parent.has(d)) {
        parent.set(d, n);
        queue.push(d);
      }
    }
  }
  return [start];
}
function components(nodes, next) {
  const index = /* @__PURE__ */ new Map();
  const low = /* @__PURE__ */ new Map();
  const onStack = /* @__PURE__ */ new Set();
  const stack = [];
  const out = [];
  let counter = 0;
  for (const root of nodes) {
    if (index.has(root)) continue;
    const work = [{ n: root, i: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const top = work[work.length - 1];
      if (!top) break;
      const succ = next(top.n);
      if (top.i < succ.length) {
        const m = succ[top.i++];
        if (!index.has(m)) {
          index.set(m, counter);
          low.set(m, counter++);
          stack.push(m);
          onStack.add(m);
          work.push({ n: m, i: 0 });
        } else if (onStack.has(m)) {
          low.set(top.n, Math.min(low.get(top.n) ?? 0, index.get(m) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.n, Math.min(low.get(parent.n) ?? 0, low.get(top.n) ?? 0));
      if (low.get(top.n) === index.get(top.n)) {
        const comp = [];
        let m;
        do {
          m = stack.pop();
          if (m === void 0) break;
          onStack.delete(m);
          comp.push(m);
        } while (m !== top.n);
        if (comp.length > 1) out.push(comp);
      }
    }
  }
  return out;
}
function findCycleNodes(graph, topo = topologicalOrder(graph)) {
  if (topo.placed === graph.nodes.length) return [];
  const rest = tangled(graph, topo);
  const restNodes = [];
  rest.forEach((alive, n) => alive === 1 && restNodes.push(n));
  if (restNodes.length === 0) return [];
  const inRest = /* @__PURE__ */ new Map();
  for (const n of restNodes) inRest.set(n, depsAmong(graph, n, (m) => rest[m] === 1));
  const cycles = components(restNodes, (n) => inRest.get(n) ?? []).map(
    (component) => cycleThrough(graph, component.reduce((a, b) => Math.min(a, b)), new Set(component))
  );
  return cycles.sort((a, b) => a[0] - b[0]);
}
function blockedByCycles(graph, cycles) {
  const out = new Array(graph.nodes.length);
  const { dependentsOf } = graph;
  cycles.forEach((cycle, c) => {
    const seen = new Set(cycle);
    const stack = [...cycle];
    while (stack.length > 0) {
      const n = stack.pop();
      (out[n] ??= []).push(c);
      for (let k = dependentsOf.start[n]; k < dependentsOf.start[n + 1]; k++) {
        const d = dependentsOf.list[k];
        if (!seen.has(d)) {
          seen.add(d);
          stack.push(d);
        }
      }
    }
  });
  return out;
}
function why(e, naming) {
  if (!e) return "foundation rule";
  const at = e.file !== void 0 && e.line !== void 0 ? `${e.file}:${e.line}` : e.file;
  switch (e.origin) {
    case "declared":
    case "front-matter":
      return at ?? "declared";
    case "reverse":
      return `${naming.display(e.to)} blocks ${naming.display(e.from)}: ${at ?? "declared"}`;
    case "implicit":
      return "implicit: nearest lower story of the same epic";
    case "foundation":
      return "foundation rule";
  }
}
function cycleDiagnostic(cycle, naming) {
  const stories = cycle.filter((n) => naming.pathOf(n) !== void 0);
  const names = cycle.map((n) => naming.pathOf(n) !== void 0 ? naming.display(n) : "foundation");
  const steps = [];
  let where;
  cycle.forEach((from, i) => {
    const to = cycle[(i + 1) % cycle.length] ?? "";
    const e = naming.edge(from, to);
    if (!where && e?.file !== void 0) where = { file: e.file, line: e.line };
    steps.push(`${names[i]} depends on ${names[(i + 1) % cycle.length]} (${why(e, naming)})`);
  });
  where ??= { file: naming.pathOf(stories[0] ?? "") };
  const message = `Dependency cycle: ${[...names, names[0]].join(" \u2192 ")}. ${steps.join("; ")}.`;
  return { diag: diag("dependency-cycle", message, where.file, where.line), stories, severity: "error" };
}

// lib/core/graph/story-index.ts
function epicNumberKey(n) {
  return `#${keyOf(n)}`;
}
var Index = class {
  constructor(sorted, keys, position) {
    this.sorted = sorted;
    this.keys = keys;
    this.position = position;
  }
  #epicNames;
  #byKey;
  #byEpic;
  #byFileName;
  get epicNames() {
    this.#epicNames ??= epicNames(this.sorted);
    return this.#epicNames;
  }
  get byKey() {
    if (!this.#byKey) {
      const byKey = /* @__PURE__ */ new Map();
      this.sorted.forEach((s, i) => byKey.set(this.keys[i] ?? "", s));
      this.#byKey = byKey;
    }
    return this.#byKey;
  }
  get byEpic() {
    this.#byEpic ??= groupByEpic(this.sorted, this.epicNames);
    return this.#byEpic;
  }
  get byFileName() {
    if (!this.#byFileName) {
      const byName = /* @__PURE__ */ new Map();
      this.sorted.forEach((s, i) => {
        const name = fileKey(s.path);
        if (!byName.has(name)) byName.set(name, i);
      });
      this.#byFileName = byName;
    }
    return this.#byFileName;
  }
};
function fileKey(path) {
  return baseName(path).replace(/\.story$/i, "").toLowerCase();
}
function storyOfFile(index, name) {
  const byName = index.byFileName.get(fileKey(name));
  if (byName !== void 0) return byName;
  const id = idFromFileName(name);
  if (!id) return void 0;
  for (let k = id.candidates.length - 1; k >= 0; k--) {
    const at = index.position.get(keyOf(id.candidates[k]));
    if (at !== void 0) return at;
  }
  return void 0;
}
function groupByEpic(sorted, names) {
  const byEpic = /* @__PURE__ */ new Map();
  const add = (group, story) => {
    const list = byEpic.get(group);
    if (list) {
      if (list[list.length - 1] !== story) list.push(story);
    } else byEpic.set(group, [story]);
  };
  const slugs = /* @__PURE__ */ new Map();
  const slugOf = (text) => {
    let slug = slugs.get(text);
    if (slug === void 0) slugs.set(text, slug = epicSlug(text));
    return slug;
  };
  const numberKeys = /* @__PURE__ */ new Map();
  sorted.forEach((s, i) => {
    let numberKey = numberKeys.get(s.epic.number);
    if (numberKey === void 0) numberKeys.set(s.epic.number, numberKey = epicNumberKey(s.epic.number));
    add(numberKey, i);
    const numSlug = slugOf(s.epic.number);
    if (numSlug !== "") add(numSlug, i);
    if (s.epic.name !== void 0 && slugOf(s.epic.name) !== "") add(slugOf(s.epic.name), i);
  });
  for (const [slug, numbers] of names) {
    const members = new Set(byEpic.get(slug) ?? []);
    for (const n of numbers) for (const i of byEpic.get(epicNumberKey(n)) ?? []) members.add(i);
    byEpic.set(slug, [...members].sort((a, b) => a - b));
  }
  return byEpic;
}
var isDigit = (c) => c >= 48 && c <= 57;
function compareKeyForms(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  const ca = i < a.length ? a.charCodeAt(i) : -1;
  const cb = i < b.length ? b.charCodeAt(i) : -1;
  if (isDigit(ca) && isDigit(cb)) {
    let ea = i;
    let eb = i;
    while (ea < a.length && isDigit(a.charCodeAt(ea))) ea++;
    while (eb < b.length && isDigit(b.charCodeAt(eb))) eb++;
    return ea !== eb ? ea - eb : ca - cb;
  }
  if (isDigit(ca)) return 1;
  if (isDigit(cb)) return -1;
  return ca - cb;
}
function indexInOrder(stories) {
  const keys = new Array(stories.length);
  const position = /* @__PURE__ */ new Map();
  let previousFormed = false;
  for (let i = 0; i < stories.length; i++) {
    const id = stories[i].id;
    const formed = isIdKey(id);
    if (i > 0) {
      const previous = stories[i - 1].id;
      if (!((formed && previousFormed ? compareKeyForms(previous, id) : compareIds(previous, id)) < 0)) return null;
    }
    const key = formed ? id : keyOf(id);
    position.set(key, i);
    if (position.size === i) return null;
    keys[i] = key;
    previousFormed = formed;
  }
  return new Index(stories.slice(), keys, position);
}
function indexStories(stories) {
  const inOrder = indexInOrder(stories);
  if (inOrder) return inOrder;
  let byKey = /* @__PURE__ */ new Map();
  for (const s of stories) byKey.set(keyOf(s.id), s);
  if (byKey.size < stories.length) {
    byKey = /* @__PURE__ */ new Map();
    const byPath = [...stories].sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
    for (const s of byPath) {
      const key = keyOf(s.id);
      if (!byKey.has(key)) byKey.set(key, s);
    }
  }
  const sorted = sortById([...byKey.values()], (s) => s.id);
  const keys = sorted.map((s) => keyOf(s.id));
  const position = /* @__PURE__ */ new Map();
  keys.forEach((k, i) => position.set(k, i));
  return new Index(sorted, keys, position);
}
function storiesOfEpic(index, query) {
  const q = query.trim();
  const byNumber = index.byEpic.get(epicNumberKey(q));
  if (byNumber) return byNumber;
  return index.byEpic.get(epicSlug(q)) ?? [];
}
function lowerBound(sorted, id, orEqual) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    const c = compareIds(sorted[mid].id, id);
    if (c < 0 || c === 0 && !orEqual) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function exactPosition(index, id) {
  const key = keyOf(id);
  return isIdKey(key) ? index.position.get(key) : void 0;
}
function storiesInRange(index, from, to) {
  const first = exactPosition(index, from);
  const last = exactPosition(index, to);
  return {
    start: first ?? lowerBound(index.sorted, from, true),
    end: last !== void 0 ? last + 1 : lowerBound(index.sorted, to, false)
  };
}

// lib/core/graph/dep-graph.ts
var FOUNDATION_GATE = "@foundation";
function reverseAdjacency(adj, count) {
  const start = new Int32Array(count + 1);
  for (let k = 0; k < adj.list.length; k++) start[adj.list[k] + 1]++;
  for (let i = 0; i < count; i++) start[i + 1] += start[i];
  const fill = start.slice(0, count);
  const list = new Int32Array(adj.list.length);
  for (let i = 0; i < count; i++) {
    for (let k = adj.start[i]; k < adj.start[i + 1]; k++) {
      const target = adj.list[k];
      list[fill[target]++] = i;
    }
  }
  return { start, list };
}
function namedLists(nodes, adj) {
  const out = /* @__PURE__ */ new Map();
  nodes.forEach((n, i) => {
    const names = [];
    for (let k = adj.start[i]; k < adj.start[i + 1]; k++) names.push(nodes[adj.list[k]] ?? "");
    out.set(n, names);
  });
  return out;
}
var Graph = class {
  constructor(nodes, depsOf, isVirtual, named) {
    this.nodes = nodes;
    this.depsOf = depsOf;
    this.isVirtual = isVirtual;
    this.dependentsOf = reverseAdjacency(depsOf, nodes.length);
    this.#deps = named?.deps;
    this.#order = named?.order;
    this.#virtual = named?.virtual;
  }
  dependentsOf;
  #deps;
  #dependents;
  #virtual;
  #order;
  get deps() {
    this.#deps ??= namedLists(this.nodes, this.depsOf);
    return this.#deps;
  }
  get dependents() {
    this.#dependents ??= namedLists(this.nodes, this.dependentsOf);
    return this.#dependents;
  }
  get virtual() {
    this.#virtual ??= new Set(this.nodes.filter((_n, i) => this.isVirtual[i] === 1));
    return this.#virtual;
  }
  get order() {
    if (!this.#order) {
      const order = /* @__PURE__ */ new Map();
      this.nodes.forEach((n, i) => order.set(n, i));
      this.#order = order;
    }
    return this.#order;
  }
};
function graphFromAdjacency(nodes, depsOf, virtualFrom) {
  const isVirtual = new Uint8Array(nodes.length);
  isVirtual.fill(1, virtualFrom);
  return new Graph(nodes, depsOf, isVirtual);
}
function maskOf(graph, names) {
  const mask = new Uint8Array(graph.nodes.length);
  graph.nodes.forEach((n, i) => mask[i] = names.has(n) ? 1 : 0);
  return mask;
}

// lib/core/graph/own-edges.ts
var DECLARED = 0;
var FRONT_MATTER = 1;
var REVERSE = 2;
var IMPLICIT = 3;
var ORIGINS = ["declared", "front-matter", "reverse", "implicit"];
var RANK = [0, 0, 1, 2];
function reserve(data, needed) {
  if (needed <= data.length) return data;
  const bigger = new Int32Array(Math.max(needed, data.length * 2));
  bigger.set(data);
  return bigger;
}
function resolveRef(index, ref, out) {
  const t = ref.target;
  switch (t.kind) {
    case "story": {
      const i = index.position.get(keyOf(t.id));
      if (i === void 0) return 0;
      out[0] = i;
      return 1;
    }
    case "range": {
      const alt = t.alt === void 0 ? void 0 : index.position.get(keyOf(t.alt));
      if (alt !== void 0) {
        out[0] = alt;
        return 1;
      }
      const { start, end } = storiesInRange(index, t.from, t.to);
      for (let i = start; i < end; i++) out[i - start] = i;
      return Math.max(0, end - start);
    }
    case "epic": {
      const members = storiesOfEpic(index, t.epic);
      for (let k = 0; k < members.length; k++) out[k] = members[k];
      return members.length;
    }
    case "file": {
      const i = storyOfFile(index, t.name);
      if (i === void 0) return 0;
      out[0] = i;
      return 1;
    }
  }
}
function describeTarget(ref) {
  const t = ref.target;
  switch (t.kind) {
    case "story":
      return `${t.id}, which is not a story`;
    case "range":
      return t.alt === void 0 ? `stories ${t.from}-${t.to}, but no story is in that range` : `${t.alt} (or stories ${t.from}-${t.to}), but there is no such story`;
    case "file":
      return `${t.name}, which names no story file`;
    case "epic":
      return /^\d+-\d+$/.test(t.epic) ? `epics ${t.epic}, a range that runs backwards or over more than ${MAX_EPIC_SPAN} epics` : `epic ${t.epic}, but no story belongs to that epic`;
  }
}
function reverseEdges(index) {
  const { sorted, keys } = index;
  let byFrom;
  let diags;
  const targets = [];
  for (let i = 0; i < sorted.length; i++) {
    const story = sorted[i];
    const blocks = story.blocks;
    for (let r = 0; r < blocks.length; r++) {
      const ref = blocks[r];
      const n = resolveRef(index, ref, targets);
      byFrom ??= new Array(sorted.length);
      diags ??= new Array(sorted.length);
      if (n === 0) {
        (diags[i] ??= []).push({
          diag: diag("unknown-dependency", `${story.id} blocks ${describeTarget(ref)} ("${ref.raw}"); the reference is ignored.`, story.path, ref.line),
          stories: [keys[i]],
          severity: "warning"
        });
      }
      if (ref.target.kind === "epic" && targets.slice(0, n).includes(i)) {
        (diags[i] ??= []).push({
          diag: diag("reverse-own-epic", `${story.id} says it blocks or enables its own epic ("${ref.raw}"); that orders no stories, so it is dropped.`, story.path, ref.line),
          stories: [keys[i]],
          severity: "warning"
        });
        continue;
      }
      for (let k = 0; k < n; k++) {
        const from = targets[k];
        if (from !== i) (byFrom[from] ??= []).push({ to: i, refIndex: r });
        else if (ref.target.kind === "story") {
          (diags[i] ??= []).push({ diag: diag("self-dependency", `${story.id} blocks itself ("${ref.raw}").`, story.path, ref.line), stories: [keys[i]], severity: "error" });
        }
      }
    }
  }
  return byFrom && diags ? { byFrom, diags } : null;
}
function settle(c, n, stampOf, slotOf, stamp) {
  let m = 0;
  for (let k = 0; k < n; k++) {
    const t = c.to[k];
    if (stampOf[t] === stamp) {
      const slot = slotOf[t];
      if (RANK[c.origin[k]] < RANK[c.origin[slot]]) {
        c.origin[slot] = c.origin[k];
        c.refIndex[slot] = c.refIndex[k];
      }
      continue;
    }
    stampOf[t] = stamp;
    slotOf[t] = m;
    c.to[m] = t;
    c.origin[m] = c.origin[k];
    c.refIndex[m] = c.refIndex[k];
    m++;
  }
  if (m > 32) {
    const order = Array.from({ length: m }, (_, k) => k).sort((x, y) => c.to[x] - c.to[y]);
    const to = order.map((k) => c.to[k]);
    const origin = order.map((k) => c.origin[k]);
    const refIndex = order.map((k) => c.refIndex[k]);
    for (let k = 0; k < m; k++) {
      c.to[k] = to[k];
      c.origin[k] = origin[k];
      c.refIndex[k] = refIndex[k];
    }
    return m;
  }
  for (let k = 1; k < m; k++) {
    const t = c.to[k];
    const origin = c.origin[k];
    const refIndex = c.refIndex[k];
    let j = k - 1;
    for (; j >= 0 && c.to[j] > t; j--) {
      c.to[j + 1] = c.to[j];
      c.origin[j + 1] = c.origin[j];
      c.refIndex[j + 1] = c.refIndex[j];
    }
    c.to[j + 1] = t;
    c.origin[j + 1] = origin;
    c.refIndex[j + 1] = refIndex;
  }
  return m;
}
function ownEdges(index, mode, diags) {
  const { sorted, keys } = index;
  const count = sorted.length;
  const reverse = reverseEdges(index);
  const start = new Int32Array(count + 1);
  let list = new Int32Array(count * 2 + 16);
  let origins = new Int32Array(list.length);
  let refIndexes = new Int32Array(list.length);
  let size = 0;
  const c = { to: [], origin: [], refIndex: [] };
  const targets = [];
  const stampOf = new Int32Array(count);
  const slotOf = new Int32Array(count);
  const lastOfEpic = /* @__PURE__ */ new Map();
  let runNumber;
  let runName = "";
  let runEpic = "";
  for (let i = 0; i < count; i++) {
    const story = sorted[i];
    let n = 0;
    const depRefs = story.dependencies.refs;
    for (let r = 0; r < depRefs.length; r++) {
      const ref = depRefs[r];
      const found = resolveRef(index, ref, targets);
      const origin = ref.source === "front-matter" ? FRONT_MATTER : DECLARED;
      if (found === 0) {
        diags.push({
          diag: diag("unknown-dependency", `${story.id} depends on ${describeTarget(ref)} ("${ref.raw}"); the reference is ignored.`, story.path, ref.line),
          stories: [keys[i]],
          severity: "warning"
        });
      }
      for (let k = 0; k < found; k++) {
        const to = targets[k];
        if (to !== i) {
          c.to[n] = to;
          c.origin[n] = origin;
          c.refIndex[n++] = r;
        } else if (ref.target.kind === "story") {
          diags.push({ diag: diag("self-dependency", `${story.id} depends on itself ("${ref.raw}").`, story.path, ref.line), stories: [keys[i]], severity: "error" });
        }
      }
    }
    const blockDiags = reverse?.diags[i];
    if (blockDiags) diags.push(...blockDiags);
    const reversed = reverse?.byFrom[i];
    if (reversed) {
      for (const e of reversed) {
        c.to[n] = e.to;
        c.origin[n] = REVERSE;
        c.refIndex[n++] = e.refIndex;
      }
    }
    let prev;
    const number = story.epic.number;
    const name = number === "" ? story.epic.name ?? "" : "";
    if (number === runNumber && name === runName) prev = i - 1;
    else {
      if (runNumber !== void 0) lastOfEpic.set(runEpic, i - 1);
      runNumber = number;
      runName = name;
      runEpic = number !== "" ? epicNumberKey(number) : `\0${name}`;
      prev = lastOfEpic.get(runEpic);
    }
    if (prev !== void 0 && mode !== "never" && !(mode === "when-undeclared" && story.dependencies.declared)) {
      let stated = false;
      for (let k = 0; k < n && !stated; k++) stated = c.to[k] === prev;
      for (let k = start[prev]; k < start[prev + 1] && !stated; k++) stated = list[k] === i;
      if (!stated) {
        c.to[n] = prev;
        c.origin[n] = IMPLICIT;
        c.refIndex[n++] = -1;
      }
    }
    if (n > 1) n = settle(c, n, stampOf, slotOf, i + 1);
    if (size + n > list.length) {
      list = reserve(list, size + n);
      origins = reserve(origins, size + n);
      refIndexes = reserve(refIndexes, size + n);
    }
    for (let k = 0; k < n; k++, size++) {
      list[size] = c.to[k];
      origins[size] = c.origin[k];
      refIndexes[size] = c.refIndex[k];
    }
    start[i + 1] = size;
  }
  const own = { adj: { start, list: list.slice(0, size) }, origin: new Uint8Array(origins.subarray(0, size)), refIndex: refIndexes.slice(0, size) };
  const afterReverse = reverse ? dropReverseCycles(index, own, diags) : own;
  return dropImplicitCycles(index, afterReverse, diags);
}
function ownEdgeAt(index, own, k) {
  const { keys, sorted } = index;
  const { start, list } = own.adj;
  let lo = 0;
  let hi = keys.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if (start[mid] <= k) lo = mid;
    else hi = mid - 1;
  }
  const from = keys[lo];
  const to = keys[list[k]];
  const origin = own.origin[k];
  const r = own.refIndex[k];
  if (r < 0) return { from, to, origin: ORIGINS[origin] };
  const writer = origin === REVERSE ? sorted[list[k]] : sorted[lo];
  const ref = origin === REVERSE ? writer.blocks[r] : writer.dependencies.refs[r];
  return { from, to, origin: ORIGINS[origin], file: writer.path, line: ref.line, raw: ref.raw };
}
function components2(adj, count) {
  const { start, list } = adj;
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const comp = new Int32Array(count).fill(-1);
  const onStack = new Uint8Array(count);
  const stack = [];
  const work = [];
  let next = 0;
  let comps = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    work.push(root, start[root]);
    index[root] = low[root] = next++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length > 0) {
      const v = work[work.length - 2];
      const k = work[work.length - 1];
      if (k < start[v + 1]) {
        work[work.length - 1] = k + 1;
        const w = list[k];
        if (w >= count) continue;
        if (index[w] === -1) {
          index[w] = low[w] = next++;
          stack.push(w);
          onStack[w] = 1;
          work.push(w, start[w]);
        } else if (onStack[w] === 1 && index[w] < low[v]) low[v] = index[w];
        continue;
      }
      work.length -= 2;
      if (work.length > 0) {
        const parent = work[work.length - 2];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
      if (low[v] === index[v]) {
        let w;
        do {
          w = stack.pop();
          onStack[w] = 0;
          comp[w] = comps;
        } while (w !== v);
        comps++;
      }
    }
  }
  return comp;
}
function dropReverseCycles(index, own, diags) {
  return dropWhereCycles(index, own, REVERSE, (k, a, b) => {
    const { sorted, keys } = index;
    const writer = sorted[b];
    const ref = writer.blocks[own.refIndex[k]];
    diags.push({
      diag: diag(
        "reverse-cycle",
        `${writer.id} says it blocks ${sorted[a].id} ("${ref.raw}"), but ${writer.id} already waits for ${sorted[a].id} through the stated dependencies; the reverse edge would only make a cycle, so it is dropped.`,
        writer.path,
        ref.line
      ),
      stories: [keys[b]],
      severity: "warning"
    });
  });
}
function dropImplicitCycles(index, own, diags) {
  return dropWhereCycles(index, own, IMPLICIT, (_k, a, b) => {
    const { sorted, keys } = index;
    diags.push({
      diag: diag(
        "implicit-cycle",
        `${sorted[a].id} states no dependency, so it would wait for ${sorted[b].id} (the story before it in its epic), but ${sorted[b].id} already waits for ${sorted[a].id} through the stated dependencies; the guessed order would only make a cycle, so it is dropped.`,
        sorted[a].path
      ),
      stories: [keys[a]],
      severity: "warning"
    });
  }, true);
}
function dropWhereCycles(index, own, guess, report, greedy = false) {
  const count = index.sorted.length;
  const { start, list } = own.adj;
  if (!own.origin.includes(guess)) return own;
  const comp = components2(own.adj, count);
  const drop = new Uint8Array(list.length);
  const seen = new Int32Array(count);
  let stamp = 0;
  const stack = [];
  let dropped = 0;
  for (let a = 0; a < count; a++) {
    for (let k = start[a]; k < start[a + 1]; k++) {
      const b = list[k];
      if (own.origin[k] !== guess || comp[a] !== comp[b]) continue;
      stamp++;
      stack.length = 0;
      stack.push(b);
      seen[b] = stamp;
      let found = false;
      while (stack.length > 0 && !found) {
        const x = stack.pop();
        for (let j = start[x]; j < start[x + 1]; j++) {
          const y = list[j];
          if (drop[j] === 1 || j === k || !greedy && own.origin[j] === guess || comp[y] !== comp[a] || seen[y] === stamp) continue;
          if (y === a) {
            found = true;
            break;
          }
          seen[y] = stamp;
          stack.push(y);
        }
      }
      if (!found) continue;
      drop[k] = 1;
      dropped++;
      report(k, a, b);
    }
  }
  if (dropped === 0) return own;
  const newStart = new Int32Array(count + 1);
  const newList = new Int32Array(list.length - dropped);
  const newOrigin = new Uint8Array(newList.length);
  const newRef = new Int32Array(newList.length);
  let at = 0;
  for (let i = 0; i < count; i++) {
    for (let k = start[i]; k < start[i + 1]; k++) {
      if (drop[k] === 1) continue;
      newList[at] = list[k];
      newOrigin[at] = own.origin[k];
      newRef[at++] = own.refIndex[k];
    }
    newStart[i + 1] = at;
  }
  return { adj: { start: newStart, list: newList }, origin: newOrigin, refIndex: newRef };
}

// lib/core/graph/effective-dependencies.ts
function foundationAncestors(own, foundation) {
  const seen = new Uint8Array(own.start.length - 1);
  for (const f of foundation) seen[f] = 1;
  const stack = [...foundation];
  const out = new Uint8Array(seen.length);
  while (stack.length > 0) {
    const n = stack.pop();
    for (let k = own.start[n]; k < own.start[n + 1]; k++) {
      const d = own.list[k];
      if (seen[d] === 1) continue;
      seen[d] = 1;
      out[d] = 1;
      stack.push(d);
    }
  }
  return out;
}
var Effective = class {
  constructor(index, stated, graph, isGated, isFoundation, sinks, diagnostics) {
    this.index = index;
    this.stated = stated;
    this.graph = graph;
    this.isGated = isGated;
    this.isFoundation = isFoundation;
    this.sinks = sinks;
    this.diagnostics = diagnostics;
    this.own = stated.adj;
    this.foundationSinks = sinks.map((i) => index.keys[i]);
  }
  foundationSinks;
  own;
  #edgeAt;
  #edges;
  #gated;
  #foundation;
  ownEdge(k) {
    this.#edgeAt ??= new Array(this.own.list.length);
    return this.#edgeAt[k] ??= ownEdgeAt(this.index, this.stated, k);
  }
  get edges() {
    if (!this.#edges) {
      const edges = /* @__PURE__ */ new Map();
      this.index.keys.forEach((key, i) => {
        const list = [];
        for (let k = this.own.start[i]; k < this.own.start[i + 1]; k++) list.push(this.ownEdge(k));
        edges.set(key, list);
      });
      this.#edges = edges;
    }
    return this.#edges;
  }
  get gated() {
    this.#gated ??= new Set(this.index.keys.filter((_k, i) => this.isGated[i] === 1));
    return this.#gated;
  }
  get foundation() {
    this.#foundation ??= new Set(this.index.keys.filter((_k, i) => this.isFoundation[i] === 1));
    return this.#foundation;
  }
};
function effectiveDependencies(index, config) {
  const { keys, sorted } = index;
  const count = keys.length;
  const diags = [];
  const stated = ownEdges(index, config.implicitDependencies, diags);
  const own = stated.adj;
  const isFoundation = new Uint8Array(count);
  const foundation = [];
  for (const pattern of config.foundation) {
    const m = compileScopePattern(pattern, () => index.epicNames);
    if (!m.ok) {
      for (const d of m.error) diags.push({ diag: diag("invalid-config", `foundation: ${d.message}`), stories: [], severity: "error" });
      continue;
    }
    for (let i = 0; i < count; i++) {
      if (isFoundation[i] === 0 && m.value(sorted[i], keys[i])) {
        isFoundation[i] = 1;
        foundation.push(i);
      }
    }
  }
  const hasFoundationDependent = new Uint8Array(count);
  for (const f of foundation) {
    for (let k = own.start[f]; k < own.start[f + 1]; k++) if (isFoundation[own.list[k]] === 1) hasFoundationDependent[own.list[k]] = 1;
  }
  const sinks = foundation.filter((f) => hasFoundationDependent[f] === 0).sort((a, b) => a - b);
  const exempt = foundationAncestors(own, foundation);
  const isGated = new Uint8Array(count);
  const gate = sinks.length > 0;
  const start = new Int32Array(count + 2);
  const list = new Int32Array(own.list.length + count + sinks.length);
  let at = 0;
  let gatedCount = 0;
  for (let i = 0; i < count; i++) {
    for (let k = own.start[i]; k < own.start[i + 1]; k++) list[at++] = own.list[k];
    if (gate && isFoundation[i] === 0 && exempt[i] === 0) {
      isGated[i] = 1;
      gatedCount++;
      list[at++] = count;
    }
    start[i + 1] = at;
  }
  const nodes = [...keys];
  if (gatedCount > 0) {
    nodes.push(FOUNDATION_GATE);
    for (const s of sinks) list[at++] = s;
    start[count + 1] = at;
  }
  const graph = graphFromAdjacency(nodes, { start: start.subarray(0, nodes.length + 1), list: list.subarray(0, at) }, count);
  return new Effective(index, stated, graph, isGated, isFoundation, sinks, diags);
}
function effectiveTargets(eff, i, out) {
  const { own, sinks } = eff;
  let n = 0;
  let k = own.start[i];
  const end = own.start[i + 1];
  if (eff.isGated[i] === 1) {
    for (let j = 0; j < sinks.length; j++) {
      const s = sinks[j];
      while (k < end && own.list[k] < s) out[n++] = own.list[k++];
      if (k < end && own.list[k] === s) continue;
      out[n++] = s;
    }
  }
  while (k < end) out[n++] = own.list[k++];
  return n;
}
function statedEdge(eff, index, from, to) {
  const i = index.position.get(from);
  const j = index.position.get(to);
  if (i === void 0 || j === void 0) return void 0;
  for (let k = eff.own.start[i]; k < eff.own.start[i + 1]; k++) if (eff.own.list[k] === j) return eff.ownEdge(k);
  return void 0;
}
function effectiveEdgesOf(eff, index, key) {
  const i = index.position.get(key);
  if (i === void 0) return [];
  const lo = eff.own.start[i];
  const hi = eff.own.start[i + 1];
  const out = [];
  let k = lo;
  if (eff.isGated[i] === 1) {
    for (const s of eff.sinks) {
      while (k < hi && eff.own.list[k] < s) out.push(eff.ownEdge(k++));
      if (k < hi && eff.own.list[k] === s) continue;
      out.push({ from: key, to: index.keys[s], origin: "foundation" });
    }
  }
  while (k < hi) out.push(eff.ownEdge(k++));
  return out;
}

// lib/core/graph/set-aside.ts
function setAsideStories(graph, roots) {
  const count = graph.nodes.length;
  const rootOf = new Int32Array(count).fill(-1);
  const via = new Int32Array(count).fill(-1);
  if (roots.length === 0) return { count: 0, rootOf, via };
  const { dependentsOf, isVirtual } = graph;
  const queue = [];
  for (const r of roots) {
    if (rootOf[r] !== -1) continue;
    rootOf[r] = r;
    queue.push(r);
  }
  let stories = 0;
  for (let head = 0; head < queue.length; head++) {
    const n = queue[head];
    if (isVirtual[n] === 0) stories++;
    const through = isVirtual[n] === 1 ? via[n] : n;
    for (let k = dependentsOf.start[n]; k < dependentsOf.start[n + 1]; k++) {
      const m = dependentsOf.list[k];
      if (rootOf[m] !== -1) continue;
      rootOf[m] = rootOf[n];
      via[m] = through;
      queue.push(m);
    }
  }
  return { count: stories, rootOf, via };
}

// lib/core/scheduler/conflicts.ts
function resolveConflicts(index) {
  const { sorted, keys } = index;
  const alone = new Uint8Array(sorted.length);
  const sets = new Array(sorted.length);
  const diagnostics = [];
  const targets = [];
  let any = false;
  let anyAlone = false;
  for (let i = 0; i < sorted.length; i++) {
    const { overrides, id, path } = sorted[i];
    if (overrides.parallel === false) {
      alone[i] = 1;
      anyAlone = true;
    }
    const refs = overrides.conflictsWith;
    if (refs === void 0) continue;
    for (const ref of refs) {
      const n = resolveRef(index, ref, targets);
      if (n === 0) {
        diagnostics.push({
          diag: diag("unknown-dependency", `${id} conflicts with ${describeTarget(ref)} ("${ref.raw}"); the reference is ignored.`, path, ref.line),
          stories: [keys[i]],
          severity: "warning"
        });
      }
      for (let k = 0; k < n; k++) {
        const t = targets[k];
        if (t === i) continue;
        (sets[i] ??= /* @__PURE__ */ new Set()).add(t);
        (sets[t] ??= /* @__PURE__ */ new Set()).add(i);
        any = true;
      }
    }
  }
  const out = new Array(sorted.length);
  if (any) sets.forEach((s, i) => s && (out[i] = [...s].sort((a, b) => a - b)));
  return {
    with: out,
    alone,
    anyAlone,
    group: (i) => {
      const { epic } = sorted[i];
      return epic.number !== "" ? `#${epic.number}` : `@${epic.name ?? ""}`;
    },
    diagnostics
  };
}
var ConflictGuard = class {
  #busy = /* @__PURE__ */ new Set();
  /** group → a busy story of it; and the busy story that wants its group to itself. */
  #inGroup = /* @__PURE__ */ new Map();
  #aloneIn = /* @__PURE__ */ new Map();
  constructor(active) {
    for (const s of active) this.take(s);
  }
  blocker(s) {
    for (const c of s.conflicts ?? []) if (this.#busy.has(c)) return c;
    if (s.group === void 0) return void 0;
    const alone = this.#aloneIn.get(s.group);
    if (alone !== void 0) return alone;
    return s.alone ? this.#inGroup.get(s.group) : void 0;
  }
  take(s) {
    this.#busy.add(s.id);
    if (s.group === void 0) return;
    if (!this.#inGroup.has(s.group)) this.#inGroup.set(s.group, s.id);
    if (s.alone && !this.#aloneIn.has(s.group)) this.#aloneIn.set(s.group, s.id);
  }
};

// lib/core/plan.ts
function effectiveStatuses(index, statuses) {
  const { sorted, keys } = index;
  const out = new Array(sorted.length);
  if (typeof statuses === "function") {
    for (let i = 0; i < sorted.length; i++) out[i] = statuses(sorted[i], keys[i]);
    return out;
  }
  for (let i = 0; i < sorted.length; i++) out[i] = sorted[i].status.normalized;
  if (!statuses) return out;
  let matched = 0;
  if (statuses.size === sorted.length) {
    statuses.forEach((status, key) => {
      if (matched >= 0 && key === keys[matched]) out[matched++] = status;
      else matched = -1;
    });
  }
  if (matched === sorted.length) return out;
  for (let i = 0; i < sorted.length; i++) out[i] = sorted[i].status.normalized;
  statuses.forEach((status, id) => {
    const i = index.position.get(keyOf(id));
    if (i !== void 0) out[i] = status;
  });
  return out;
}
function mapOf(names, values) {
  const out = /* @__PURE__ */ new Map();
  names.forEach((name, i) => {
    const v = values[i];
    if (v !== void 0) out.set(name, v);
  });
  return out;
}
var Analysis = class {
  constructor(index, effective, cycles, byPosition, diagnostics, cycleDiagnostics, errors, warnings) {
    this.index = index;
    this.effective = effective;
    this.cycles = cycles;
    this.byPosition = byPosition;
    this.diagnostics = diagnostics;
    this.cycleDiagnostics = cycleDiagnostics;
    this.errors = errors;
    this.warnings = warnings;
  }
  #status;
  #blockedByCycle;
  #agents;
  #priority;
  #setAside;
  get status() {
    this.#status ??= mapOf(this.index.keys, this.byPosition.status);
    return this.#status;
  }
  get blockedByCycle() {
    this.#blockedByCycle ??= mapOf(this.effective.graph.nodes, this.byPosition.blockedBy.map((b) => b ? [...b] : void 0));
    return this.#blockedByCycle;
  }
  get setAside() {
    if (!this.#setAside) {
      this.#setAside = /* @__PURE__ */ new Map();
      const { rootOf } = this.byPosition.setAside;
      for (let i = 0; i < this.index.keys.length; i++) if (rootOf[i] !== -1) this.#setAside.set(this.index.keys[i], setAsideEntry(this, i));
    }
    return this.#setAside;
  }
  get agents() {
    this.#agents ??= mapOf(this.index.keys, this.byPosition.agents);
    return this.#agents;
  }
  get priority() {
    if (!this.#priority) {
      const { runnable, remaining } = this.byPosition.schedule;
      this.#priority = mapOf(
        this.index.keys,
        this.index.keys.map((_k, i) => runnable[i] === 1 ? remaining[i] : void 0)
      );
    }
    return this.#priority;
  }
  // Arrow functions: callers may pass them around detached from the analysis.
  isDone = (key) => {
    const i = this.index.position.get(key);
    return i !== void 0 && this.byPosition.status[i] === "Done";
  };
  edgesOf = (key) => effectiveEdgesOf(this.effective, this.index, key);
};
function analyzeProject(stories, config, statuses) {
  const index = indexStories(stories);
  const { sorted, keys, position } = index;
  const status = effectiveStatuses(index, statuses);
  const effective = effectiveDependencies(index, config);
  const graph = effective.graph;
  const order = topologicalOrder(graph);
  const cycleNodes = findCycleNodes(graph, order);
  const cycles = cycleNodes.map((c) => c.map((n) => graph.nodes[n] ?? ""));
  const storyAt = (key) => {
    const i = position.get(key);
    return i === void 0 ? void 0 : sorted[i];
  };
  const cycleDiagnostics = cycles.map(
    (c) => cycleDiagnostic(c, {
      display: (k) => storyAt(k)?.id ?? k,
      edge: (from, to) => statedEdge(effective, index, from, to),
      pathOf: (k) => storyAt(k)?.path
    })
  );
  const blockedBy = blockedByCycles(graph, cycleNodes);
  const conflicts = resolveConflicts(index);
  const select = createAgentSelector(config.agents, () => index.epicNames);
  const agents = new Array(sorted.length);
  const diagnostics = [...effective.diagnostics, ...cycleDiagnostics, ...conflicts.diagnostics];
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i];
    agents[i] = select(s);
    const own = s.overrides.agent?.trim();
    if (own !== void 0 && !AGENT_NAME_RE.test(own)) {
      diagnostics.push({
        diag: diag("invalid-front-matter", `agent: "${own}" is not an agent name (lower-case letters, digits and '-'); it is ignored.`, s.path),
        stories: [keys[i]],
        severity: "warning"
      });
    }
  }
  const { problems, roots } = storyProblems(index, cycles, diagnostics, (from, to) => statedEdge(effective, index, from, to));
  const setAside = setAsideStories(graph, roots);
  const runnable = new Uint8Array(graph.nodes.length);
  for (let i = 0; i < sorted.length; i++) if (status[i] !== "Done" && setAside.rootOf[i] === -1 && !sorted[i].placeholder) runnable[i] = 1;
  const schedule = scheduleGraph(graph, runnable, void 0, order);
  const errors = sortDiags(diagnostics.filter((d) => d.severity === "error").map((d) => d.diag));
  const warnings = sortDiags(diagnostics.filter((d) => d.severity === "warning").map((d) => d.diag));
  const facts = { status, agents, blockedBy, problems, setAside, conflicts, schedule, order };
  return new Analysis(index, effective, cycles, facts, diagnostics, cycleDiagnostics, errors, warnings);
}
function storyProblems(index, cycles, diagnostics, edge) {
  const { sorted, position } = index;
  const problems = new Array(sorted.length);
  const roots = [];
  const add = (i, p) => {
    if (problems[i] !== void 0) return;
    problems[i] = p;
    roots.push(i);
  };
  for (let i = 0; i < sorted.length; i++) {
    const p = sorted[i].problem;
    if (p !== void 0) add(i, p);
  }
  for (const cycle of cycles) {
    const name = (k) => position.has(k) ? sorted[position.get(k)].id : "foundation";
    const shown = cycle.length <= 12 ? [...cycle, cycle[0]].map(name) : [...cycle.slice(0, 5).map(name), `\u2026 (${cycle.length - 10} more)`, ...cycle.slice(-5).map(name), name(cycle[0])];
    const message = `on a dependency cycle: ${shown.join(" \u2192 ")}`;
    cycle.forEach((k, c) => {
      const i = position.get(k);
      if (i === void 0) return;
      const e = edge(k, cycle[(c + 1) % cycle.length]);
      const p = { code: "dependency-cycle", message, file: e?.file ?? sorted[i].path };
      if (e?.line !== void 0) p.line = e.line;
      add(i, p);
    });
  }
  for (const rd of diagnostics) {
    if (rd.severity !== "error" || rd.diag.code === "dependency-cycle") continue;
    for (const k of rd.stories) {
      const i = position.get(k);
      if (i === void 0) continue;
      const p = { code: rd.diag.code, message: rd.diag.message, file: rd.diag.file ?? sorted[i].path };
      if (rd.diag.line !== void 0) p.line = rd.diag.line;
      add(i, p);
    }
  }
  return { problems, roots: roots.sort((a, b) => a - b) };
}
function setAsideEntry(analysis, i) {
  const { sorted, keys } = analysis.index;
  const { rootOf, via } = analysis.byPosition.setAside;
  const story = sorted[i];
  const root = rootOf[i];
  const problem = analysis.byPosition.problems[root];
  if (root === i) {
    const own = { id: story.id, reason: problem.message, file: problem.file };
    if (problem.line !== void 0) own.line = problem.line;
    return own;
  }
  const through = via[i];
  const at = `${problem.file}${problem.line !== void 0 ? `:${problem.line}` : ""}`;
  const rootId = sorted[root].id;
  const reason = through === root ? `waits for ${rootId}, which is set aside (${problem.code} at ${at})` : `waits for ${sorted[through].id}, which waits for ${rootId}, set aside (${problem.code} at ${at})`;
  const e = statedEdge(analysis.effective, analysis.index, keys[i], keys[through]);
  const entry = { id: story.id, reason, file: e?.file ?? story.path };
  if (e?.line !== void 0) entry.line = e.line;
  return entry;
}
var LOCAL_ERRORS = /* @__PURE__ */ new Set([
  "duplicate-id",
  "dependency-cycle",
  "self-dependency",
  "invalid-front-matter",
  "invalid-id",
  "id-mismatch",
  "unreadable-file",
  "binary-file",
  "empty-file",
  "file-too-large"
]);
function isLocalError(d) {
  return LOCAL_ERRORS.has(d.code);
}
function planCanRun(plan) {
  if (!plan.errors.every(isLocalError)) return false;
  return plan.setAside.length === 0 || plan.waves.length > 0;
}
var EXPAND_PREFIX = "expand the scope to include ";
function expansionOf(first, eff, inScope, status) {
  const seen = new Set(first);
  const stack = [...first];
  const targets = [];
  while (stack.length > 0) {
    const n = effectiveTargets(eff, stack.pop(), targets);
    for (let k = 0; k < n; k++) {
      const t = targets[k];
      if (seen.has(t) || inScope[t] === 1 || status[t] === "Done") continue;
      seen.add(t);
      stack.push(t);
    }
  }
  return [...seen].sort((a, b) => a - b);
}
function outOfScopeWarning(id, path, open, expand, display) {
  const plain = open.filter((e) => e.origin !== "foundation" && e.origin !== "implicit").map((e) => display(e.to));
  const implicit = open.filter((e) => e.origin === "implicit").map((e) => `${display(e.to)} (implicit: nearest lower story of the same epic)`);
  const foundation = open.filter((e) => e.origin === "foundation").map((e) => display(e.to));
  const parts = plain.length > 0 ? [plain.join(", "), ...implicit] : implicit;
  if (foundation.length > 0) parts.push(`${foundation.join(", ")} (foundation ${foundation.length === 1 ? "story" : "stories"})`);
  const all = open.map((e) => display(e.to));
  const written = open.filter((e) => e.line !== void 0 && (e.origin === "declared" || e.origin === "front-matter" || e.origin === "reverse"));
  const at = written.find((e) => (e.file ?? path) === path) ?? written[0];
  return diag(
    "out-of-scope-dependency",
    `${id} depends on ${parts.join("; ")}, which ${all.length === 1 ? "is" : "are"} outside the scope and not done. Choose: ${EXPAND_PREFIX}${expand.join(", ")}, skip ${id}, or cancel.`,
    at?.file ?? path,
    at?.line
  );
}
function idsOf(sorted, targets, n) {
  switch (n) {
    case 0:
      return [];
    case 1:
      return [sorted[targets[0]].id];
    case 2:
      return [sorted[targets[0]].id, sorted[targets[1]].id];
    case 3:
      return [sorted[targets[0]].id, sorted[targets[1]].id, sorted[targets[2]].id];
    default: {
      const ids = [];
      for (let k = 0; k < n; k++) ids.push(sorted[targets[k]].id);
      return ids;
    }
  }
}
function buildPlan(input) {
  const analysis = analyzeProject(input.stories, input.config, input.statuses);
  return planFromAnalysis(analysis, input.scope);
}
function scopeMask(index, scope) {
  const inScope = new Uint8Array(index.sorted.length);
  if (scope === null) return inScope.fill(1);
  for (const k of scope) inScope[index.position.get(k) ?? internalError(`scope story ${k} missing from the index`)] = 1;
  return inScope;
}
function scheduleOf(analysis, inScope) {
  const graph = analysis.effective.graph;
  const all = analysis.byPosition.schedule;
  const runnable = new Uint8Array(graph.nodes.length);
  let count = 0;
  for (let i = 0; i < inScope.length; i++) {
    if (inScope[i] === 1 && all.runnable[i] === 1) {
      runnable[i] = 1;
      count++;
    }
  }
  if (count !== all.runnableCount) {
    const schedule = scheduleGraph(graph, runnable, void 0, analysis.byPosition.order);
    return { schedule, critical: criticalPathNodes(graph, runnable, schedule.remaining) };
  }
  return { schedule: all, critical: criticalPathNodes(graph, all.runnable, all.remaining) };
}
function scopeDiagnostics(analysis, inScope, isInScope) {
  const warnings = [];
  const errors = [];
  const keep = (rd) => void (rd.severity === "error" ? errors : warnings).push(rd.diag);
  for (const rd of analysis.diagnostics) {
    if (rd.diag.code === "dependency-cycle") continue;
    if (rd.stories.length === 0 || rd.stories.some(isInScope)) keep(rd);
  }
  if (analysis.cycles.length === 0) return { errors, warnings };
  const relevantCycles = /* @__PURE__ */ new Set();
  const { blockedBy } = analysis.byPosition;
  for (let i = 0; i < inScope.length; i++) {
    const cycles = blockedBy[i];
    if (cycles !== void 0 && inScope[i] === 1) for (const c of cycles) relevantCycles.add(c);
  }
  for (const c of [...relevantCycles].sort((a, b) => a - b)) {
    const rd = analysis.cycleDiagnostics[c];
    if (rd) keep(rd);
  }
  return { errors, warnings };
}
function planFromAnalysis(analysis, scopeArgs) {
  const { index, effective } = analysis;
  const { sorted, keys, position } = index;
  const { status, agents } = analysis.byPosition;
  const resolved = resolveScopeOrAll(scopeArgs, sorted);
  if (!resolved.ok) return { stories: [], waves: [], criticalPath: [], warnings: [], errors: sortDiags(resolved.error), outOfScope: [], setAside: [] };
  const inScope = scopeMask(index, resolved.value);
  const isInScope = (k) => {
    const i = position.get(k);
    return i !== void 0 && inScope[i] === 1;
  };
  const display = (k) => {
    const i = position.get(k);
    return i === void 0 ? k : sorted[i].id;
  };
  const { schedule, critical } = scheduleOf(analysis, inScope);
  const { errors, warnings } = scopeDiagnostics(analysis, inScope, isInScope);
  const outOfScope = [];
  const setAside = [];
  const stories = [];
  const waves = [];
  const targets = [];
  for (let i = 0; i < sorted.length; i++) {
    if (inScope[i] === 0) continue;
    const s = sorted[i];
    const n = effectiveTargets(effective, i, targets);
    let waitsOutside = false;
    for (let k = 0; k < n; k++) if (inScope[targets[k]] === 0 && status[targets[k]] !== "Done") waitsOutside = true;
    if (waitsOutside && status[i] !== "Done") {
      const open = analysis.edgesOf(keys[i]).filter((e) => !isInScope(e.to) && !analysis.isDone(e.to));
      for (const e of open) outOfScope.push({ story: s.id, dependsOn: display(e.to) });
      const expand = expansionOf(
        open.map((e) => position.get(e.to)),
        effective,
        inScope,
        status
      ).map((t) => sorted[t].id);
      warnings.push(outOfScopeWarning(s.id, s.path, open, expand, display));
    }
    if (analysis.byPosition.setAside.rootOf[i] !== -1 && status[i] !== "Done") setAside.push(analysis.setAside.get(keys[i]));
    let wave = null;
    if (schedule.runnable[i] === 1) {
      wave = schedule.end[i] - 1;
      while (waves.length <= wave) waves.push([]);
      waves[wave].push(s.id);
    }
    const agent = agents[i] ?? { agent: DEFAULT_AGENT, reason: "no technology detected" };
    const planned = {
      id: s.id,
      title: s.title,
      path: s.placeholder ? "" : s.path,
      status: status[i],
      // ccpm epics have a name (the folder) and no number.
      epic: s.epic.number || (s.epic.name ?? ""),
      agent: agent.agent,
      agentReason: agent.reason,
      dependencies: idsOf(sorted, targets, n),
      wave
    };
    if (s.placeholder) planned.placeholder = true;
    stories.push(planned);
  }
  return {
    stories,
    waves,
    criticalPath: critical.map((i) => sorted[i].id),
    warnings: sortDiags(warnings),
    errors: sortDiags(errors),
    outOfScope,
    setAside
  };
}

export {
  scheduleGraph,
  maskOf,
  ConflictGuard,
  analyzeProject,
  planCanRun,
  EXPAND_PREFIX,
  buildPlan
};
