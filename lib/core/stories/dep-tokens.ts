// How ids are written inside one dependency statement, and what each written form refers to:
//   1.2 · 1.11b · 13 · #38 · 7.6-6 and 35-2 (dashed ids) · 4.1-4.5, 04.07-04.08, 7.6-0 to 7.6-5,
//   STORY-001 ~ STORY-012 (ranges) · 7-1-arkit-video-recording-session (a slug) ·
//   [1.2](./1.2.slug.md) and 04.07-personalization-engine.md (a story file).
// dependencies.ts finds the statements; this file turns their text into DepRefs, and says which
// id-shaped tokens it could not read, so that none is dropped without a word.
import type { DepRef } from "../model.js";
import { ID_SUFFIX_SRC, MAX_EPIC_SPAN, NAMESPACE_PREFIX_SRC } from "../ids.js";
import { keyOf } from "../graph/id-order.js";
import { idFromFileName } from "./identify.js";
import { unlink } from "./markdown.js";
import { normalId } from "./normal-id.js";

/** One number part of an id: `1`, `11b`, `5A`. */
const PART_SRC = String.raw`\d+[A-Za-z]?`;
/** A part of a story after its number, with its dash: `-P1` in `6.2-P1` (ids.ts). */
const SUFFIX_SRC = String.raw`-${ID_SUFFIX_SRC}(?![A-Za-z0-9])`;
/**
 * THE id token of dependency statements (the one place to change for new id shapes): dotted
 * parts after an optional namespace word (`UGM-1.2`, ids.ts), at most one dashed last part: `1.2`, `1.11b`, `13`, `7.6-6`, `35-2`,
 * and a part of the story (`6.2-P1`, `7.6-6-P2`). The dashed part is not taken before a "." or a
 * word other than such a part: `4.1-4.5` is a range, `7-1-arkit-...` a slug.
 */
export const ID_TOKEN_SRC = String.raw`${NAMESPACE_PREFIX_SRC}${PART_SRC}(?:\.${PART_SRC})*(?:-${PART_SRC}(?=${SUFFIX_SRC}|(?![.-]?[A-Za-z0-9])))?(?:${SUFFIX_SRC})?(?![A-Za-z0-9])`;
/** A story file's name without `.md`: number parts, then a lower-case word (`7-1-arkit-video`). */
const SLUG_SRC = String.raw`${PART_SRC}(?:[.-]${PART_SRC})*-[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*(?![A-Za-z0-9])`;
const RANGE_SEP_SRC = String.raw`\s*(?:-|–|—|~|\bto\b|\bthrough\b)\s*`;
export const ITEM_SRC = String.raw`#?(?:${SLUG_SRC}|${ID_TOKEN_SRC}(?:${RANGE_SEP_SRC}#?${ID_TOKEN_SRC})?)`;

const SLUG_RE = new RegExp(String.raw`^${SLUG_SRC}$`);
const RANGE_RE = new RegExp(String.raw`^(${ID_TOKEN_SRC})${RANGE_SEP_SRC}#?(${ID_TOKEN_SRC})$`, "i");
/** A whole item that is one dashed id: head parts, then the dashed last part (and a part of it). */
const DASHED_RE = new RegExp(String.raw`^(${PART_SRC}(?:\.${PART_SRC})*)-(${PART_SRC})(${SUFFIX_SRC})?$`);

/**
 * The id a dashed token names: `7.6-6` → 7.6.6, `7.6-6-P1` → 7.6.6-P1; `6.2-P1` stays. A
 * namespace word's dash is not the dashed part: `STORY-001` is story 1 and `UGM-1.2-3` is
 * UGM-1.2.3 (a token starting with a letter has one).
 */
function dotted(token: string): string {
  const ns = /^[A-Za-z]/.test(token) ? token.indexOf("-") + 1 : 0;
  return normalId(`${token.slice(0, ns)}${token.slice(ns).replace(/-(?=\d)/, ".")}`);
}

/** What a keyword before a list says its items are. */
export type ItemKind = "story" | "epic" | "task";

function storyRef(id: string, raw: string, line: number): DepRef {
  return { target: { kind: "story", id: normalId(id) }, raw, line };
}

/**
 * Refs for one list item. `raw` is how the item appears in the file: the item alone ("1.5") or,
 * for the first item after a keyword, with it ("Story 1.1", "Stories 4.1-4.5").
 */
export function itemRefs(item: string, kind: ItemKind, line: number, raw = item.trim()): DepRef[] {
  const text = item.trim().replace(/^#/, "");
  const epic = kind === "epic";
  if (SLUG_RE.test(text)) return [epic ? { target: { kind: "epic", epic: text }, raw, line } : { target: { kind: "file", name: text }, raw, line }];
  const dashed = epic ? null : DASHED_RE.exec(text);
  if (dashed) {
    // `23-5`, `36-42`: a dashed id or a range of single-part ids; the story set decides (a
    // ccpm task list has no story 36.42). `7.6-6` can only be the dashed id 7.6.6, and `6-2-P1`
    // (a part of story 6.2) no range.
    if (dashed[1]!.includes(".") || dashed[3] !== undefined) return [storyRef(dotted(text), raw, line)];
    const from = normalId(dashed[1]!);
    const to = normalId(dashed[2]!);
    if (kind === "task") return [{ target: { kind: "range", from, to }, raw, line }];
    return [{ target: { kind: "range", from, to, alt: dotted(text) }, raw, line }];
  }
  const range = RANGE_RE.exec(text);
  if (range) {
    const from = dotted(range[1]!);
    const to = dotted(range[2]!);
    const sameShape = from.split(".").length === to.split(".").length;
    if (epic) {
      const [a, b] = [Number(from), Number(to)];
      if (sameShape && Number.isInteger(a) && Number.isInteger(b) && (b < a || b - a > MAX_EPIC_SPAN)) {
        // Backwards or implausibly wide: which epics were meant is unknown. Kept whole, it
        // matches no epic, so the plan warns with the file and line instead of taking epic `a`.
        return [{ target: { kind: "epic", epic: `${from}-${to}` }, raw, line }];
      }
      if (!sameShape || !Number.isInteger(a) || !Number.isInteger(b)) {
        return [{ target: { kind: "epic", epic: from }, raw, line }];
      }
      const out: DepRef[] = [];
      for (let e = a; e <= b; e++) out.push({ target: { kind: "epic", epic: String(e) }, raw, line });
      return out;
    }
    // "Story 1.1 - 2 days" is not a range: both ends must have the same shape.
    if (!sameShape) {
      const written = `${raw.slice(0, raw.length - item.trim().length)}${item.trim().startsWith("#") ? "#" : ""}${range[1]!}`;
      return [storyRef(from, written, line)];
    }
    return [{ target: { kind: "range", from, to }, raw, line }];
  }
  const id = DASHED_RE.test(text) ? dotted(text) : normalId(text);
  if (epic) return [{ target: { kind: "epic", epic: id }, raw, line }];
  return [storyRef(id, raw, line)];
}

// ---- story files named in the text ----

/** Stands for a story file found in the text (a link or a bare file name), in order. */
export const FILE_MARK = "\u0001";
/** A markdown link (label, target), or a bare file name ending in `.md`. */
const FILE_RE = /\[([^\]]*)\]\(([^)\s]*)\)|(?<![\w./-])(?:\.{0,2}\/)?[\w./-]*\.md(?![\w.])/g;
/**
 * FILE_RE's link branch scans from every "[" to the next "]": quadratic on a long run of "[".
 * Dependency statements are short; a longer text has its links reduced to their text by unlink
 * (linear), and story files are then found by name only where the text is short.
 */
const MAX_FILE_SCAN = 4000;

/** Whether `path` (a link target or a file name) names a story file: its name carries an id. */
function storyFileName(path: string): string | null {
  const clean = path.replace(/[#?].*$/, "");
  if (!/\.md$/i.test(clean)) return null;
  return idFromFileName(clean) ? clean : null;
}

/**
 * The text with each link to a story file and each bare story file name replaced by FILE_MARK
 * (their refs in `files`, in order), and every other link by its text.
 */
export function markFiles(text: string, line: number): { text: string; files: DepRef[] } {
  const files: DepRef[] = [];
  if (!text.includes(".md") || text.length > MAX_FILE_SCAN) return { text: unlink(text), files };
  const marked = text.replace(FILE_RE, (whole: string, label: string | undefined, target: string | undefined) => {
    const name = storyFileName(target ?? whole);
    if (!name) return label ?? whole;
    files.push({ target: { kind: "file", name }, raw: whole, line });
    return FILE_MARK;
  });
  return { text: marked, files };
}

// ---- parenthesised text ----

/** A run of text, inside top-level parentheses or not. */
export interface Segment {
  text: string;
  inParens: boolean;
}

/** The text cut at its top-level parentheses (nested ones stay inside their group), in order. */
export function splitParens(text: string): Segment[] {
  if (!text.includes("(") && !text.includes(")")) return [{ text, inParens: false }];
  const out: Segment[] = [];
  let current = "";
  let depth = 0;
  const flush = (inParens: boolean): void => {
    if (current !== "") out.push({ text: current, inParens });
    current = "";
  };
  for (const ch of text) {
    if (ch === "(") {
      if (depth === 0) flush(false);
      else current += ch;
      depth++;
    } else if (ch === ")") {
      if (depth === 0) continue; // a stray ")" is dropped, as withoutParens drops it
      depth--;
      if (depth === 0) flush(true);
      else current += ch;
    } else current += ch;
  }
  flush(depth > 0);
  return out;
}

// ---- tokens left unread ----

/**
 * An id-shaped token with two parts or more (`6.2.1`, `7.6-6`): a bare number is too often a
 * count. Not after a character that makes it a version or a path (`pandera>=0.18.0`,
 * `axios@1.6.7`, `v2.1`, `src/1.2`), and not a date (`2025-01-10`).
 */
const UNREAD_RE = new RegExp(String.raw`(?<![\w.@=<>^~/+#])(?!\d{4}-)${PART_SRC}(?:[.-]${PART_SRC})+(?:${SUFFIX_SRC})?(?![\w.%-])`, "g");

/** A namespace word and its dash right before a token (`UGM-` of `UGM-1.1`; ids.ts). */
const NAMESPACE_BEFORE_RE = /(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]{0,15}-$/;

/** The word before offset `at` (after spaces), when there is one. */
const WORD_BEFORE_RE = /([A-Za-z][\w.+-]*)\s+$/;
const ID_WORD_RE = /^(?:stor(?:y|ies)|epics?|tasks?)$/i;

/**
 * Whether the token at `at` follows a name with a capital (`OpenCV 4.8.1`, `Node.js 20.11.0`,
 * `Python 3.10`): a library's version, not a story. Story/Epic/Task are not such names.
 */
function isVersionOf(text: string, at: number): boolean {
  const word = WORD_BEFORE_RE.exec(text.slice(Math.max(0, at - 40), at))?.[1];
  return word !== undefined && /[A-Z]/.test(word) && !ID_WORD_RE.test(word);
}

/** Every id a ref names, in key form, for `unreadTokens`. */
export function namedIds(refs: readonly DepRef[], into: Set<string>): void {
  for (const r of refs) {
    const t = r.target;
    if (t.kind === "story") into.add(keyOf(t.id));
    else if (t.kind === "epic") into.add(keyOf(t.epic));
    else if (t.kind === "range") {
      into.add(keyOf(t.from));
      into.add(keyOf(t.to));
      if (t.alt !== undefined) into.add(keyOf(t.alt));
    }
  }
}

/** The ids an unread token may name, in key form: `7.6-6` is 7.6.6 or 7.6 and 6; `6.2-P1` is itself. */
export function tokenKeys(token: string): string[] {
  // `7.6-6` is 7.6.6; `1.1-1.9` is two ids (a range), each checked alone.
  const ids = token.includes("-") && token.includes(".") && token.indexOf("-") < token.lastIndexOf(".") ? token.split("-") : [token];
  return ids.flatMap((id) => [keyOf(dotted(id)), keyOf(normalId(id))]);
}

/** Id-shaped tokens of `text` that no ref in `refs` names: what the statement leaves unread. */
export function unreadTokens(text: string, refs: readonly DepRef[]): string[] {
  if (!/\d[.-]\d/.test(text)) return [];
  const named = new Set<string>();
  namedIds(refs, named);
  const out: string[] = [];
  for (const m of text.matchAll(UNREAD_RE)) {
    const token = m[0];
    if (isVersionOf(text, m.index)) continue;
    // `UGM-1.1`: the token is the number of a namespaced id, named (or not) as a whole.
    const ns = NAMESPACE_BEFORE_RE.exec(text.slice(Math.max(0, m.index - 17), m.index))?.[0];
    if (ns !== undefined) {
      if (!named.has(keyOf(normalId(ns + token)))) out.push(ns + token);
      continue;
    }
    const parts = token.split(/[.-]/);
    // `7.6-6` is 7.6.6; `1.1-1.9` is two ids (a range), each checked alone.
    const ids = token.includes("-") && token.includes(".") && token.indexOf("-") < token.lastIndexOf(".") ? token.split("-") : [token];
    if (parts.length > 6) continue;
    if (!ids.every((id) => named.has(keyOf(dotted(id))) || named.has(keyOf(normalId(id))))) out.push(token);
  }
  return out;
}
