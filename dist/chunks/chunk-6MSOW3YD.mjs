import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  relativeStaysInside
} from "./chunk-IWUPKGEU.mjs";

// lib/adapters/fs/bounded-read.ts
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync } from "node:fs";
import { isUtf8 } from "node:buffer";
import path from "node:path";
function isInside(root, p) {
  return relativeStaysInside(path.relative(root, p));
}
var OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
var SHARED_BUFFER_BYTES = 1024 * 1024;
var readBuffer;
function readBounded(real, stat, max) {
  const fd = openSync(real, OPEN_FLAGS);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { notFile: st };
    if (stat) stat.value = st;
    if (st.size > max) return st.size;
    let buf = max <= SHARED_BUFFER_BYTES ? readBuffer ??= Buffer.allocUnsafe(SHARED_BUFFER_BYTES + 1) : Buffer.allocUnsafe(st.size + 1);
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
var realRootOf = (root) => realpathSync(path.resolve(root));
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

export {
  isInside,
  readBounded,
  realRootOf,
  readSmallFile
};
