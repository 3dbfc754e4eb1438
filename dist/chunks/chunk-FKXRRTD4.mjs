import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);

// lib/adapters/fs/watch-dir.ts
import { watch } from "node:fs";
function watchDir(dir, onChange) {
  let w = null;
  try {
    w = watch(dir, { persistent: false }, () => onChange());
    w.on("error", () => {
      w?.close();
      w = null;
    });
  } catch {
    w = null;
  }
  return {
    alive: () => w !== null,
    close: () => {
      w?.close();
      w = null;
    }
  };
}

export {
  watchDir
};
