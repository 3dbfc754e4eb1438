import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  compareIds,
  idKey,
  isIdKey
} from "./chunk-L6YY6IB4.mjs";

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
var memoKey = memoize(idKey, 2e5);
function keyOf(id) {
  return isIdKey(id) ? id : memoKey(id);
}
function sortById(items, idOf, tie) {
  return [...items].sort((a, b) => compareIds(idOf(a), idOf(b)) || (tie ? tie(a, b) : 0));
}

export {
  memoize,
  keyOf,
  sortById
};
