// YAML parsing with a bound on nesting, for config.yaml and story front matter. The yaml package
// composes nested collections by recursion, so `a: [[[[…` a few thousand levels deep (10 KB)
// overflows the stack. The package catches that, but then composes an empty value at the same
// depth, and the regular expression that runs there (`/(.*?)\r?\n/sy` in its unfoldLines) is
// compiled to native code on its second use: V8 cannot compile without stack and aborts the
// process ("FATAL ERROR: RegExpCompiler Allocation failed - process out of memory"), so a
// second such file kills every verb. Hence the token tree, which the parser builds with loops,
// is measured before anything is composed; aliases, which stack one anchored value inside
// another, are measured once composed.
import { Composer, LineCounter, Parser, YAMLParseError, isAlias, isCollection, isNode, isPair, parse, parseDocument } from "yaml";
import type { CST, Document, DocumentOptions, ParseOptions, SchemaOptions, ToJSOptions } from "yaml";

/** Real files nest 3-5 levels; this leaves plenty of room and the stack far from its end. */
export const MAX_YAML_DEPTH = 100;

type Options = ParseOptions & DocumentOptions & SchemaOptions;

interface Composed {
  doc: Document.Parsed;
  /** The text nests too deep; `doc` is then empty (nothing was composed). */
  tooDeep?: YAMLParseError;
  /** One document, no errors, no warnings: what the package's own parse would give. */
  clean: boolean;
}

/**
 * `parseDocument` from the yaml package, except that nesting deeper than MAX_YAML_DEPTH
 * (counting what aliases stand for) is an error in `doc.errors`, not composed.
 */
export function parseDocumentBounded(source: string, options: Options = {}): Document.Parsed {
  const c = compose(source, options);
  if (c.tooDeep) {
    c.doc.errors.push(c.tooDeep);
    return c.doc;
  }
  if (c.clean) return c.doc;
  // Rare: errors and warnings are worded and placed by the package itself (it parses again).
  return parseDocument(source, { ...options, lineCounter: undefined });
}

/** `parse` from the yaml package (no reviver), except that too deep a text throws a YAMLParseError. */
export function parseBounded(source: string, options: Options & ToJSOptions = {}): unknown {
  const c = compose(source, options);
  if (c.tooDeep) throw c.tooDeep;
  // Throws the package's first error, warns as it does.
  if (!c.clean) return parse(source, options);
  return c.doc.toJS(options);
}

/** What parseDocument does, with the token tree measured between parsing and composing. */
function compose(source: string, options: Options): Composed {
  const lc = options.lineCounter ?? new LineCounter();
  const tokens = Array.from(new Parser(lc.addNewLine).parse(source));
  const composer = new Composer(options);
  const measured = measureTokens(tokens);
  if (measured.tooDeep !== undefined) {
    const [doc] = Array.from(composer.compose([], true, source.length));
    return { doc: doc!, tooDeep: depthError(lc, measured.tooDeep, `nested more than ${MAX_YAML_DEPTH} levels deep`), clean: false };
  }
  const docs = Array.from(composer.compose(tokens, true, source.length));
  const doc = docs[0]!;
  const tooDeep = measured.aliases && doc.errors.length === 0 ? aliasDepthError(doc, lc) : undefined;
  return { doc, tooDeep, clean: docs.length === 1 && doc.errors.length === 0 && doc.warnings.length === 0 };
}

const isCollectionToken = (t: CST.Token | null | undefined): t is CST.BlockMap | CST.BlockSequence | CST.FlowCollection =>
  t?.type === "block-map" || t?.type === "block-seq" || t?.type === "flow-collection";

/**
 * The offset of the first collection (in text order) nested deeper than MAX_YAML_DEPTH, and
 * whether there are aliases at all. A loop with its own stack: the tree may be any depth.
 */
function measureTokens(tokens: readonly CST.Token[]): { tooDeep?: number; aliases: boolean } {
  let aliases = false;
  const stack: [CST.Token, number][] = [];
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.type === "document" && t.value) stack.push([t.value, 1]);
  }
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [token, depth] = top;
    if (token.type === "alias") aliases = true;
    if (!isCollectionToken(token)) continue;
    if (depth > MAX_YAML_DEPTH) return { tooDeep: token.offset, aliases };
    for (let i = token.items.length - 1; i >= 0; i--) {
      const item = token.items[i]!;
      if (item.value) stack.push([item.value, depth + 1]);
      if (item.key) stack.push([item.key, depth + 1]);
    }
  }
  return { aliases };
}

/**
 * An alias stands for its anchor's whole value, so `b: &b [*a]` is a level deeper than `a`:
 * a chain of them nests without limit in a few lines, and an alias inside the value it names
 * makes a value that contains itself. Each collection's depth is worked out once, in document
 * order (the order the package resolves aliases in: the latest anchor of that name before the
 * alias); the recursion follows the text's own nesting, already bounded.
 */
function aliasDepthError(doc: Document.Parsed, lc: LineCounter): YAMLParseError | undefined {
  const anchors = new Map<string, unknown>();
  const depths = new Map<unknown, number>();
  let error: YAMLParseError | undefined;
  const depthOf = (node: unknown): number => {
    if (error) return 0;
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (!isCollection(target)) return 0;
      const d = depths.get(target);
      // Not finished: the alias is inside its anchor's own value.
      if (d === undefined) error = depthError(lc, node.range?.[0] ?? 0, `alias *${node.source} is used inside the value it names`, "BAD_ALIAS");
      return d ?? 0;
    }
    if (isNode(node) && node.anchor) anchors.set(node.anchor, node);
    if (!isCollection(node)) return 0;
    let max = 0;
    for (const item of node.items) max = Math.max(max, isPair(item) ? Math.max(depthOf(item.key), depthOf(item.value)) : depthOf(item));
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

/** An error like the package's own, with its line (no "at line N" in the message: callers show the line). */
function depthError(lc: LineCounter, offset: number, message: string, code: "RESOURCE_EXHAUSTION" | "BAD_ALIAS" = "RESOURCE_EXHAUSTION"): YAMLParseError {
  const e = new YAMLParseError([offset, offset + 1], code, message);
  e.linePos = [lc.linePos(offset)];
  return e;
}
