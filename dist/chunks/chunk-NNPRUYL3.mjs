import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-N63WPBBS.mjs";
import {
  __toESM
} from "./chunk-EGEKWWZA.mjs";

// lib/core/yaml-depth.ts
var import_yaml = __toESM(require_dist(), 1);
var MAX_YAML_DEPTH = 100;
function parseDocumentBounded(source, options = {}) {
  const c = compose(source, options);
  if (c.tooDeep) {
    c.doc.errors.push(c.tooDeep);
    return c.doc;
  }
  if (c.clean) return c.doc;
  return (0, import_yaml.parseDocument)(source, { ...options, lineCounter: void 0 });
}
function parseBounded(source, options = {}) {
  const c = compose(source, options);
  if (c.tooDeep) throw c.tooDeep;
  if (!c.clean) return (0, import_yaml.parse)(source, options);
  return c.doc.toJS(options);
}
function compose(source, options) {
  const lc = options.lineCounter ?? new import_yaml.LineCounter();
  const tokens = Array.from(new import_yaml.Parser(lc.addNewLine).parse(source));
  const composer = new import_yaml.Composer(options);
  const measured = measureTokens(tokens);
  if (measured.tooDeep !== void 0) {
    const [doc2] = Array.from(composer.compose([], true, source.length));
    return { doc: doc2, tooDeep: depthError(lc, measured.tooDeep, `nested more than ${MAX_YAML_DEPTH} levels deep`), clean: false };
  }
  const docs = Array.from(composer.compose(tokens, true, source.length));
  const doc = docs[0];
  const tooDeep = measured.aliases && doc.errors.length === 0 ? aliasDepthError(doc, lc) : void 0;
  return { doc, tooDeep, clean: docs.length === 1 && doc.errors.length === 0 && doc.warnings.length === 0 };
}
var isCollectionToken = (t) => t?.type === "block-map" || t?.type === "block-seq" || t?.type === "flow-collection";
function measureTokens(tokens) {
  let aliases = false;
  const stack = [];
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t.type === "document" && t.value) stack.push([t.value, 1]);
  }
  for (let top = stack.pop(); top !== void 0; top = stack.pop()) {
    const [token, depth] = top;
    if (token.type === "alias") aliases = true;
    if (!isCollectionToken(token)) continue;
    if (depth > MAX_YAML_DEPTH) return { tooDeep: token.offset, aliases };
    for (let i = token.items.length - 1; i >= 0; i--) {
      const item = token.items[i];
      if (item.value) stack.push([item.value, depth + 1]);
      if (item.key) stack.push([item.key, depth + 1]);
    }
  }
  return { aliases };
}
function aliasDepthError(doc, lc) {
  const anchors = /* @__PURE__ */ new Map();
  const depths = /* @__PURE__ */ new Map();
  let error;
  const depthOf = (node) => {
    if (error) return 0;
    if ((0, import_yaml.isAlias)(node)) {
      const target = anchors.get(node.source);
      if (!(0, import_yaml.isCollection)(target)) return 0;
      const d = depths.get(target);
      if (d === void 0) error = depthError(lc, node.range?.[0] ?? 0, `alias *${node.source} is used inside the value it names`, "BAD_ALIAS");
      return d ?? 0;
    }
    if ((0, import_yaml.isNode)(node) && node.anchor) anchors.set(node.anchor, node);
    if (!(0, import_yaml.isCollection)(node)) return 0;
    let max = 0;
    for (const item of node.items) max = Math.max(max, (0, import_yaml.isPair)(item) ? Math.max(depthOf(item.key), depthOf(item.value)) : depthOf(item));
    const depth = max + 1;
    depths.set(node, depth);
    if (depth > MAX_YAML_DEPTH && !error) {
      error = depthError(lc, node.range?.[0] ?? 0, `nested more than ${MAX_YAML_DEPTH} levels deep once its aliases are expanded`);
    }
    return depth;
  };
  depthOf(doc.contents);
  return error;
}
function depthError(lc, offset, message, code = "RESOURCE_EXHAUSTION") {
  const e = new import_yaml.YAMLParseError([offset, offset + 1], code, message);
  e.linePos = [lc.linePos(offset)];
  return e;
}

export {
  parseDocumentBounded,
  parseBounded
};
