import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);

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

export {
  memoize
};
