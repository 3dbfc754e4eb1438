import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);

// lib/core/ids.ts
var ID_RE = /^\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)*$/;
var PART_RE = /^(\d+)([A-Za-z]?)$/;
function isStoryId(text) {
  return text.length <= 40 && ID_RE.test(text);
}
function idKey(id) {
  return id.split(".").map((p) => {
    const m = PART_RE.exec(p);
    return m ? `${Number(m[1])}${(m[2] ?? "").toLowerCase()}` : p.toLowerCase();
  }).join(".");
}
function normalizeId(id) {
  return id.split(".").map((p) => {
    const m = PART_RE.exec(p);
    return m ? `${Number(m[1])}${m[2] ?? ""}` : p;
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
function compareIds(a, b) {
  return compareIdSortKeys(idSortKey(a), idSortKey(b));
}
function epicOf(id) {
  const i = id.lastIndexOf(".");
  return i < 0 ? "" : id.slice(0, i);
}

// lib/core/path-safety.ts
function relativeStaysInside(rel) {
  return !(rel === ".." || /^\.\.[\\/]/.test(rel) || /^[\\/]/.test(rel) || /^[A-Za-z]:/.test(rel));
}

export {
  isStoryId,
  idKey,
  normalizeId,
  idSortKey,
  compareIdSortKeys,
  compareIds,
  epicOf,
  relativeStaysInside
};
