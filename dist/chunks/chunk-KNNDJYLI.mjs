import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);

// lib/core/ids.ts
var MAX_ID_LENGTH = 64;
var ID_SUFFIX_SRC = String.raw`[Pp](?:[Aa][Rr][Tt]|[Aa][Tt][Cc][Hh]|[Tt])?\d+`;
var SUFFIX_RE = new RegExp(String.raw`^([A-Za-z]+)(\d+)$`);
var ID_RE = new RegExp(String.raw`^(?:[A-Za-z][A-Za-z0-9]*-)*\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)*(?:-${ID_SUFFIX_SRC})?$`);
var PART_RE = /^(\d+)([A-Za-z]?)$/;
var NAMESPACE_PREFIX_SRC = String.raw`(?:[A-Za-z][A-Za-z0-9]{0,15}-(?=\d))?`;
var ID_TOKEN_SRC = String.raw`${NAMESPACE_PREFIX_SRC}\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)*(?:-${ID_SUFFIX_SRC})?(?![A-Za-z0-9])`;
var DOTTED_ID_TOKEN_SRC = String.raw`${NAMESPACE_PREFIX_SRC}\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)+(?:-${ID_SUFFIX_SRC})?(?![A-Za-z0-9])`;
function isStoryId(text) {
  return text.length <= MAX_ID_LENGTH && ID_RE.test(text);
}
var KIND_WORD_RE = /^(?:story|stories|task|issue)(?:-|$)/i;
function numberStart(id) {
  const c = id.charCodeAt(0);
  if (c >= 48 && c <= 57) return 0;
  const m = /-\d/.exec(id);
  return m ? m.index + 1 : 0;
}
function suffixStart(id, from) {
  return id.indexOf("-", from);
}
function splitId(id) {
  const n = numberStart(id);
  const s = suffixStart(id, n);
  return {
    prefix: n === 0 ? "" : id.slice(0, n - 1),
    numbers: s < 0 ? id.slice(n) : id.slice(n, s),
    suffix: s < 0 ? "" : id.slice(s + 1)
  };
}
function withoutSuffix(id) {
  const s = suffixStart(id, numberStart(id));
  return s < 0 ? id : id.slice(0, s);
}
function namespaceOf(id) {
  const n = numberStart(id);
  if (n === 0) return "";
  const ns = id.slice(0, n - 1);
  const kind = KIND_WORD_RE.exec(ns);
  return kind ? ns.slice(kind[0].length) : ns;
}
function withNamespace(ns, id) {
  return ns === "" ? id : `${ns}-${id}`;
}
var MAX_EXACT_DIGITS = 15;
var KEY_FORM_RE = /^(?:0|[1-9]\d{0,14})[a-z]?(?:\.(?:0|[1-9]\d{0,14})[a-z]?)*$/;
function isIdKey(id) {
  return KEY_FORM_RE.test(id);
}
function dropZeros(digits) {
  return digits.replace(/^0+(?=\d)/, "");
}
function numberKey(id) {
  return id.split(".").map((p) => {
    const m = PART_RE.exec(p);
    return m ? `${dropZeros(m[1])}${(m[2] ?? "").toLowerCase()}` : p.toLowerCase();
  }).join(".");
}
function idKey(id) {
  if (isIdKey(id)) return id;
  const { prefix, numbers, suffix } = splitId(id);
  const key = numberKey(numbers) + (suffix === "" ? "" : `-${suffixKey(suffix).toLowerCase()}`);
  return prefix === "" ? key : withNamespace(namespaceOf(id).toLowerCase(), key);
}
function suffixKey(suffix) {
  const m = SUFFIX_RE.exec(suffix);
  return m ? `${m[1]}${dropZeros(m[2])}` : suffix;
}
function normalizeId(id) {
  const n = numberStart(id);
  const pieces = splitId(id);
  const part = pieces.suffix === "" ? "" : `-${suffixKey(pieces.suffix)}`;
  const numbers = pieces.numbers.split(".").map((p) => {
    const m = PART_RE.exec(p);
    return m ? `${dropZeros(m[1])}${m[2] ?? ""}` : p;
  }).join(".") + part;
  return n === 0 ? numbers : withNamespace(namespaceOf(id), numbers);
}
function idSortKey(id) {
  const out = [];
  const s = suffixStart(id, 0);
  for (const p of (s < 0 ? id : id.slice(0, s)).split(".")) {
    const m = PART_RE.exec(p);
    if (m) out.push(Number(m[1]), (m[2] ?? "").toLowerCase());
    else out.push(Number.MAX_SAFE_INTEGER, p.toLowerCase());
  }
  if (s >= 0) {
    const m = SUFFIX_RE.exec(id.slice(s + 1));
    if (m) out.push(Number.MAX_SAFE_INTEGER, m[1].toLowerCase(), Number(m[2]), "");
    else out.push(Number.MAX_SAFE_INTEGER, id.slice(s + 1).toLowerCase());
  }
  return out;
}
function compareIdSortKeys(a, b) {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i += 2) {
    const na = a[i] ?? -1;
    const nb = b[i] ?? -1;
    if (na !== nb) return na - nb;
    const sa = a[i + 1] ?? "";
    const sb = b[i + 1] ?? "";
    if (sa !== sb) return sa < sb ? -1 : 1;
  }
  return 0;
}
var partNumber = 0;
var partSuffix = 0;
function readPart(id, i) {
  partSuffix = 0;
  if (i > id.length) {
    partNumber = -1;
    return i;
  }
  const from = i;
  let c = i < id.length ? id.charCodeAt(i) : -1;
  for (partNumber = 0; c >= 48 && c <= 57; c = ++i < id.length ? id.charCodeAt(i) : -1) partNumber = partNumber * 10 + (c - 48);
  if (i === from || i - from > MAX_EXACT_DIGITS) return -1;
  if ((c | 32) >= 97 && (c | 32) <= 122) {
    partSuffix = c | 32;
    c = ++i < id.length ? id.charCodeAt(i) : -1;
  }
  if (i < id.length && c !== 46) return -1;
  return i + 1;
}
function compareWellFormedIds(a, b) {
  let i = 0;
  let j = 0;
  while (i <= a.length || j <= b.length) {
    i = readPart(a, i);
    if (i < 0) return NaN;
    const na = partNumber;
    const sa = partSuffix;
    j = readPart(b, j);
    if (j < 0) return NaN;
    if (na !== partNumber) return na - partNumber;
    if (sa !== partSuffix) return sa < partSuffix ? -1 : 1;
  }
  return 0;
}
function compareIds(a, b) {
  const quick = compareWellFormedIds(a, b);
  if (!Number.isNaN(quick)) return quick;
  const na = numberStart(a);
  const nb = numberStart(b);
  if (na !== 0 || nb !== 0) {
    const sa = namespaceOf(a).toLowerCase();
    const sb = namespaceOf(b).toLowerCase();
    if (sa !== sb) return sa < sb ? -1 : 1;
    return compareIds(a.slice(na), b.slice(nb));
  }
  return compareIdSortKeys(idSortKey(a), idSortKey(b));
}
function epicOf(id) {
  const whole = withoutSuffix(id);
  if (whole !== id) return whole;
  const i = id.lastIndexOf(".");
  if (i >= 0) return id.slice(0, i);
  return numberStart(id) === 0 ? "" : namespaceOf(id);
}
var MAX_EPIC_SPAN = 50;

export {
  MAX_ID_LENGTH,
  ID_SUFFIX_SRC,
  NAMESPACE_PREFIX_SRC,
  DOTTED_ID_TOKEN_SRC,
  isStoryId,
  namespaceOf,
  withNamespace,
  isIdKey,
  idKey,
  normalizeId,
  compareIds,
  epicOf,
  MAX_EPIC_SPAN
};
