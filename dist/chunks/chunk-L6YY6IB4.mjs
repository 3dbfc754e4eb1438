import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);

// lib/core/ids.ts
var ID_RE = /^\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)*$/;
var PART_RE = /^(\d+)([A-Za-z]?)$/;
function isStoryId(text) {
  return text.length <= 40 && ID_RE.test(text);
}
var MAX_EXACT_DIGITS = 15;
var KEY_FORM_RE = /^(?:0|[1-9]\d{0,14})[a-z]?(?:\.(?:0|[1-9]\d{0,14})[a-z]?)*$/;
function isIdKey(id) {
  return KEY_FORM_RE.test(id);
}
function dropZeros(digits) {
  return digits.replace(/^0+(?=\d)/, "");
}
function idKey(id) {
  if (isIdKey(id)) return id;
  return id.split(".").map((p) => {
    const m = PART_RE.exec(p);
    return m ? `${dropZeros(m[1])}${(m[2] ?? "").toLowerCase()}` : p.toLowerCase();
  }).join(".");
}
function normalizeId(id) {
  return id.split(".").map((p) => {
    const m = PART_RE.exec(p);
    return m ? `${dropZeros(m[1])}${m[2] ?? ""}` : p;
  }).join(".");
}
function idSortKey(id) {
  const out = [];
  for (const p of id.split(".")) {
    const m = PART_RE.exec(p);
    if (m) out.push(Number(m[1]), (m[2] ?? "").toLowerCase());
    else out.push(Number.MAX_SAFE_INTEGER, p.toLowerCase());
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
  return Number.isNaN(quick) ? compareIdSortKeys(idSortKey(a), idSortKey(b)) : quick;
}
function epicOf(id) {
  const i = id.lastIndexOf(".");
  return i < 0 ? "" : id.slice(0, i);
}
var MAX_EPIC_SPAN = 50;

export {
  isStoryId,
  isIdKey,
  idKey,
  normalizeId,
  compareIds,
  epicOf,
  MAX_EPIC_SPAN
};
