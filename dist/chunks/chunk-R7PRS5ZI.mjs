import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  writeFileAtomic
} from "./chunk-T7SK64FE.mjs";

// lib/adapters/fs/cache-dir.ts
import { isAscii } from "node:buffer";
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, readFileSync, readdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
var CACHE_DIR = ".agent-orchestration/cache";
function readCacheFile(absRoot, name) {
  try {
    for (const d of [path.join(absRoot, ".agent-orchestration"), path.join(absRoot, CACHE_DIR)]) {
      if (!lstatSync(d, { throwIfNoEntry: false })?.isDirectory()) return null;
    }
    const file = path.join(absRoot, CACHE_DIR, name);
    const st = lstatSync(file, { throwIfNoEntry: false });
    if (!st || !st.isFile()) return null;
    return { text: asciiText(readFileSync(file)), mtimeMs: st.mtimeMs };
  } catch {
    return null;
  }
}
async function writeCacheFile(absRoot, name, bytes) {
  try {
    if (!lstatSync(path.join(absRoot, ".agent-orchestration"), { throwIfNoEntry: false })?.isDirectory()) return;
    const dir = path.join(absRoot, CACHE_DIR);
    if (!lstatSync(dir, { throwIfNoEntry: false })) mkdirSync(dir, { mode: 493 });
    if (!lstatSync(dir).isDirectory()) return;
    const ignore = path.join(dir, ".gitignore");
    if (!lstatSync(ignore, { throwIfNoEntry: false })) {
      try {
        writeFileSync(ignore, "# story-orchestrator caches\n*\n", { flag: "wx" });
      } catch (e) {
        if (e.code !== "EEXIST") throw e;
      }
    }
    removeStaleTemps(dir, name);
    await writeFileAtomic(path.join(dir, name), bytes);
  } catch {
  }
}
function removeStaleTemps(dir, base) {
  const prefix = `.${base}.tmp-`;
  const before = Date.now() - 6e4;
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    const p = path.join(dir, name);
    try {
      if (lstatSync(p).mtimeMs < before) unlinkSync(p);
    } catch {
    }
  }
}
function cacheJson(value) {
  const json = JSON.stringify(value);
  const bytes = Buffer.from(json, "utf8");
  if (bytes.length === json.length) return bytes;
  return Buffer.from(json.replace(/[^ -~]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`), "utf8");
}
function asciiText(bytes) {
  return isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
}
var identity;
function buildIdentity() {
  if (identity !== void 0) return identity;
  const self = fileURLToPath(import.meta.url);
  const bundled = !self.endsWith(".ts");
  const dir = bundled ? path.dirname(self) : path.resolve(path.dirname(self), "..", "..");
  const hash = createHash("sha256");
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name < b.name ? -1 : 1)) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) {
        if (!bundled) walk(p);
      } else if (bundled ? e.name.endsWith(".mjs") : e.name.endsWith(".ts")) {
        const st = statSync(p);
        hash.update(`${p}\0${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}
`);
      }
    }
  };
  try {
    walk(dir);
  } catch {
    identity = null;
    return identity;
  }
  identity = `${bundled ? "bundle" : "source"}:${hash.digest("hex").slice(0, 32)}`;
  return identity;
}
function jsonSafe(v) {
  switch (typeof v) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(v) && !Object.is(v, -0);
    case "object": {
      if (v === null) return true;
      if (Array.isArray(v)) return v.every(jsonSafe);
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return false;
      for (const k in v) if (!jsonSafe(v[k])) return false;
      return true;
    }
    default:
      return false;
  }
}

export {
  CACHE_DIR,
  readCacheFile,
  writeCacheFile,
  cacheJson,
  buildIdentity,
  jsonSafe
};
