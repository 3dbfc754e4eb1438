import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  diag,
  err,
  ok
} from "./chunk-EFR3LY5V.mjs";

// lib/engine/init.ts
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

// lib/core/init/alias.ts
var ALIAS_MARKER = "<!-- story-orchestrator alias: written by `story-orchestrator init`; run it again to update, or delete this line to keep your own version -->";
function aliasText(pluginCommand) {
  const m = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(pluginCommand);
  if (!m) return `${ALIAS_MARKER}
${pluginCommand}`;
  return `${m[0]}${ALIAS_MARKER}
${pluginCommand.slice(m[0].length)}`;
}
function aliasAction(existing, wanted, force) {
  if (existing === null) return "created";
  if (existing === wanted) return "unchanged";
  if (existing.includes(ALIAS_MARKER)) return "updated";
  return force ? "replaced" : "refused";
}

// lib/engine/init.ts
var COMMAND = "implement-stories";
function findPluginRoot(from) {
  let dir = from;
  for (; ; ) {
    if (existsSync(join(dir, "commands", `${COMMAND}.md`))) return dir;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}
async function initAlias(root, opts) {
  const source = join(opts.pluginRoot, "commands", `${COMMAND}.md`);
  let pluginCommand;
  try {
    pluginCommand = await readFile(source, "utf8");
  } catch (e) {
    return err([diag("unreadable-file", `cannot read the plugin command ${source}: ${e.message}`)]);
  }
  const path = join(opts.user ? opts.home : root, ".claude", "commands", `${COMMAND}.md`);
  const wanted = aliasText(pluginCommand);
  const existing = existsSync(path) ? await readFile(path, "utf8") : null;
  const action = aliasAction(existing, wanted, opts.force);
  if (action === "refused") {
    return err([diag("alias-exists", `${path} exists and is not one story-orchestrator wrote; it was left as it is. Use --force to replace it.`, path)]);
  }
  if (action !== "unchanged") {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, wanted);
  }
  return ok({ path, action, command: `/${COMMAND}` });
}

export {
  findPluginRoot,
  initAlias
};
