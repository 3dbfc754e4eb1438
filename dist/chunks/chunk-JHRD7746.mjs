import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  memoize
} from "./chunk-WOOHVJRX.mjs";
import {
  compareIds,
  idKey,
  isIdKey
} from "./chunk-KNNDJYLI.mjs";

// lib/core/graph/id-order.ts
var memoKey = memoize(idKey, 2e5);
function keyOf(id) {
  return isIdKey(id) ? id : memoKey(id);
}
function sortById(items, idOf, tie) {
  return [...items].sort((a, b) => compareIds(idOf(a), idOf(b)) || (tie ? tie(a, b) : 0));
}

export {
  keyOf,
  sortById
};
