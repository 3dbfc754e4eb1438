import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);

// lib/core/path-safety.ts
function relativeStaysInside(rel) {
  return !(rel === ".." || /^\.\.[\\/]/.test(rel) || /^[\\/]/.test(rel) || /^[A-Za-z]:/.test(rel));
}

export {
  relativeStaysInside
};
