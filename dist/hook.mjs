import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  runHook
} from "./chunks/chunk-VRS6H75F.mjs";
import "./chunks/chunk-UY2R7UBI.mjs";
import "./chunks/chunk-GXCQPDPR.mjs";
import "./chunks/chunk-EGEKWWZA.mjs";

// lib/hooks/entry.ts
async function readStdin() {
  const chunks = [];
  for await (const c of process.stdin) chunks.push(c);
  return Buffer.concat(chunks).toString("utf8");
}
var event = process.argv[2] ?? "";
var root = process.env["CLAUDE_PROJECT_DIR"] || process.cwd();
var out = await runHook(
  {
    root,
    // A computed specifier: the bundler must not inline the engine into this file.
    loadEngine: async () => await import(new URL("./hook-engine.mjs", import.meta.url).href),
    now: () => /* @__PURE__ */ new Date()
  },
  event,
  await readStdin()
);
if (out) process.stdout.write(out + "\n");
