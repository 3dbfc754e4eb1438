import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  CONFIG_FILE
} from "./chunk-FKJSKIMT.mjs";
import {
  relativeStaysInside
} from "./chunk-IWUPKGEU.mjs";
import {
  diag
} from "./chunk-43TV4QD6.mjs";

// lib/adapters/fs/load-config.ts
import { join as join2 } from "node:path";

// lib/adapters/fs/cache-dir.ts
import { isAscii } from "node:buffer";
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, readFileSync, readdirSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// lib/adapters/state-store/atomic-write.ts
import { open, rename, unlink } from "node:fs/promises";
import { dirname, basename, join } from "node:path";
import { randomBytes } from "node:crypto";
async function writeFileAtomic(path3, data) {
  const tmp = join(dirname(path3), `.${basename(path3)}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
  const fh = await open(tmp, "wx", 420);
  try {
    await fh.writeFile(data, typeof data === "string" ? "utf8" : void 0);
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await rename(tmp, path3);
  } catch (e) {
    await unlink(tmp).catch(() => void 0);
    throw e;
  }
  await syncDir(dirname(path3));
}
async function syncDir(dir) {
  try {
    const d = await open(dir, "r");
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
  }
}

// lib/adapters/fs/cache-dir.ts
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

// lib/adapters/fs/read-story-files.ts
import { closeSync, constants, fstatSync, openSync, readSync, readdirSync as readdirSync2, realpathSync } from "node:fs";
import { isUtf8 } from "node:buffer";
import { readdir, realpath, stat } from "node:fs/promises";
import path2 from "node:path";
var DEFAULT_STORY_DIRS = [
  "docs/stories",
  "_bmad-output/implementation-artifacts/stories",
  "docs/sprint-artifacts/stories"
];
var CCPM_EPICS_DIR = ".claude/epics";
var MAX_STORY_BYTES = 1024 * 1024;
var toPosix = (p) => p.split(path2.sep).join("/");
function isInside(root, p) {
  return relativeStaysInside(path2.relative(root, p));
}
async function isDir(p) {
  try {
    return (await stat(p)).isDirectory();
  } catch {
    return false;
  }
}
function joinName(dir, name) {
  return dir.endsWith(path2.sep) ? dir + name : dir + path2.sep + name;
}
function mdFiles(root, dir, realRoot) {
  const entries = readdirSync2(dir, { withFileTypes: true });
  let realDir;
  let dirInside;
  try {
    realDir = realpathSync(dir);
    dirInside = isInside(realRoot(), realDir);
  } catch {
    realDir = null;
    dirInside = null;
  }
  const relDir = toPosix(path2.relative(root, dir));
  const links = /* @__PURE__ */ new Set();
  const names = [];
  for (const e of entries) {
    if (e.isDirectory() || !/\.md$/i.test(e.name)) continue;
    names.push(e.name);
    if (e.isSymbolicLink()) links.add(e.name);
  }
  return names.sort().map((name) => {
    const plain = realDir !== null && !links.has(name);
    return {
      abs: joinName(dir, name),
      rel: relDir === "" ? name : `${relDir}/${name}`,
      inside: plain ? dirInside : null,
      real: plain && realDir !== null ? joinName(realDir, name) : ""
    };
  });
}
var OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
var readBuffer;
function readBounded(real, stat2, max = MAX_STORY_BYTES) {
  const fd = openSync(real, OPEN_FLAGS);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { notFile: st };
    if (stat2) stat2.value = st;
    if (st.size > max) return st.size;
    let buf = max <= MAX_STORY_BYTES ? readBuffer ??= Buffer.allocUnsafe(MAX_STORY_BYTES + 1) : Buffer.allocUnsafe(st.size + 1);
    let n = 0;
    for (let got = -1; got !== 0 && n <= max; n += got) {
      if (n === buf.length) buf = Buffer.concat([buf, Buffer.allocUnsafe(Math.min(buf.length, max + 1 - buf.length))]);
      got = readSync(fd, buf, n, buf.length - n, n);
    }
    if (n > max) return n;
    const text = buf.toString("utf8", 0, n);
    if (!text.includes("\uFFFD") || isUtf8(buf.subarray(0, n))) return text;
    return { invalid: Buffer.from(buf.subarray(0, n)) };
  } finally {
    closeSync(fd);
  }
}
var realRootOf = (root) => realpathSync(path2.resolve(root));
function readSmallFile(abs, opts) {
  try {
    const real = realpathSync(abs);
    if (!isInside(opts.realRoot ?? realRootOf(opts.root), real)) return { problem: "it resolves outside the project through a link" };
    const got = readBounded(real, null, opts.maxBytes);
    if (typeof got === "string") return { text: got };
    if (typeof got === "number") return { problem: `${got} bytes, over the ${formatLimit(opts.maxBytes)} limit` };
    if ("invalid" in got) return { text: got.invalid.toString("utf8") };
    return { problem: got.notFile.isDirectory() ? "EISDIR" : "not a regular file" };
  } catch (e) {
    const code = e.code;
    if (code === "ENOENT") return { text: null };
    return { problem: code ?? "read error" };
  }
}
var formatLimit = (bytes) => bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes}-byte`;
function readOne(realRoot, file, stat2 = null) {
  const { abs, rel } = file;
  try {
    const real = file.inside === null ? realpathSync(abs) : file.real;
    if (!(file.inside ?? isInside(realRoot(), real))) {
      return { kind: "error", error: diag("unsafe-path", `${rel} is a link to a file outside the project; not read`, rel) };
    }
    const got = readBounded(real, stat2);
    if (typeof got === "object" && "notFile" in got) {
      return { kind: "error", error: diag("unreadable-file", `Cannot read ${rel} (not a regular file)`, rel) };
    }
    if (typeof got === "number") {
      const mib = (got / (1024 * 1024)).toFixed(1);
      return {
        kind: "skip",
        warning: diag("file-too-large", `${rel} is ${mib} MiB (${got} bytes), over the 1 MiB limit for a story file; skipped`, rel)
      };
    }
    const text = typeof got === "string" ? got : null;
    if (text !== null && text.trim() === "") {
      return { kind: "skip", warning: diag("empty-file", `${rel} is empty; skipped`, rel) };
    }
    if (text === null ? got.invalid.includes(0) : text.includes("\0")) {
      return { kind: "skip", warning: diag("binary-file", `${rel} looks binary (it contains NUL bytes); skipped`, rel) };
    }
    if (text === null) {
      return { kind: "skip", warning: diag("binary-file", `${rel} is not valid UTF-8 text; skipped`, rel) };
    }
    return { kind: "file", file: { path: rel, text } };
  } catch (e) {
    const code = e.code ?? "error";
    return { kind: "error", error: diag("unreadable-file", `Cannot read ${rel} (${code})`, rel) };
  }
}
async function resolveDirs(root, storiesDir) {
  if (storiesDir !== void 0) {
    const shown = storiesDir;
    if (path2.isAbsolute(storiesDir) || /^[A-Za-z]:/.test(storiesDir)) {
      return { error: diag("unsafe-path", `storiesDir "${shown}" must be a path inside the project, relative to its root`) };
    }
    const abs = path2.resolve(root, storiesDir);
    if (!isInside(root, abs)) {
      return { error: diag("unsafe-path", `storiesDir "${shown}" points outside the project`) };
    }
    if (!await isDir(abs)) {
      return {
        error: diag(
          "no-stories",
          `storiesDir "${shown}" does not exist or is not a folder. Create it or set storiesDir in .agent-orchestration/config.yaml`
        )
      };
    }
    const [realRoot, realDir] = await Promise.all([realpath(root), realpath(abs)]);
    if (!isInside(realRoot, realDir)) {
      return { error: diag("unsafe-path", `storiesDir "${shown}" is a link to a folder outside the project`) };
    }
    return { dirs: [abs] };
  }
  for (const d of DEFAULT_STORY_DIRS) {
    const abs = path2.join(root, d);
    if (await isDir(abs)) return { dirs: [abs] };
  }
  const epics = path2.join(root, CCPM_EPICS_DIR);
  if (await isDir(epics)) {
    const entries = await readdir(epics, { withFileTypes: true });
    const dirs = entries.filter((e) => e.isDirectory()).map((e) => path2.join(epics, e.name)).sort();
    if (dirs.length > 0) return { dirs };
  }
  const tried = [...DEFAULT_STORY_DIRS, `${CCPM_EPICS_DIR}/*/`].join(", ");
  return {
    error: diag(
      "no-stories",
      `No stories folder found (tried ${tried}). Put stories in docs/stories or set storiesDir in .agent-orchestration/config.yaml`
    )
  };
}
async function listStoryFiles(root, storiesDir) {
  const absRoot = path2.resolve(root);
  let realRoot;
  const getRealRoot = () => realRoot ??= realpathSync(absRoot);
  const listing = { absRoot, dirs: [], listed: [], realRoot: getRealRoot, errors: [] };
  const found = await resolveDirs(absRoot, storiesDir);
  if ("error" in found) {
    listing.errors.push(found.error);
    return listing;
  }
  listing.dirs = found.dirs.map((d) => toPosix(path2.relative(absRoot, d)) || ".");
  for (const d of found.dirs) {
    try {
      listing.listed.push(...mdFiles(absRoot, d, getRealRoot));
    } catch (e) {
      const rel = toPosix(path2.relative(absRoot, d));
      const code = e.code ?? "error";
      listing.errors.push(diag("unreadable-file", `Cannot list ${rel} (${code})`, rel));
    }
  }
  return listing;
}

// lib/adapters/fs/load-config.ts
var MEMO_NAME = "config.json";
var MAX_CONFIG_BYTES = 1024 * 1024;
async function loadConfig(root, options = {}) {
  const read = readSmallFile(join2(root, CONFIG_FILE), { maxBytes: MAX_CONFIG_BYTES, root });
  if ("problem" in read) {
    return { config: await defaults(), errors: [diag("invalid-config", `cannot read the config file (${read.problem})`, CONFIG_FILE)] };
  }
  const text = read.text;
  const engine = options.cache === false ? null : buildIdentity();
  const memo = engine === null ? null : readMemo(root);
  if (memo && memo.engine === engine && memo.text === text) return memo.result;
  const result = text === null ? { config: await defaults(), errors: [] } : (await import("./parse-config-CS2IEQAF.mjs")).parseConfig(text, CONFIG_FILE);
  if (engine !== null && jsonSafe(result)) await writeCacheFile(root, MEMO_NAME, cacheJson({ engine, text, result }));
  return result;
}
async function defaults() {
  return (await import("./schema-6DFFXZDZ.mjs")).DEFAULT_CONFIG;
}
function readMemo(root) {
  const file = readCacheFile(root, MEMO_NAME);
  if (!file) return null;
  try {
    const m = JSON.parse(file.text);
    const ok = m !== null && typeof m === "object" && typeof m.engine === "string" && (m.text === null || typeof m.text === "string") && typeof m.result?.config === "object" && Array.isArray(m.result.errors);
    return ok ? m : null;
  } catch {
    return null;
  }
}

export {
  writeFileAtomic,
  CACHE_DIR,
  readCacheFile,
  writeCacheFile,
  cacheJson,
  buildIdentity,
  jsonSafe,
  realRootOf,
  readSmallFile,
  readOne,
  listStoryFiles,
  loadConfig
};
