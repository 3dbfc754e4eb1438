import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  findPluginRoot,
  initAlias
} from "./chunk-2JKJTA6X.mjs";
import {
  outcome
} from "./chunk-HMC5CVHI.mjs";
import {
  rejectUnknownOptions
} from "./chunk-D6AISK4I.mjs";
import "./chunk-S74CJSP5.mjs";
import "./chunk-EFR3LY5V.mjs";
import "./chunk-EGEKWWZA.mjs";

// lib/cli/verbs/init.ts
import { homedir } from "node:os";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
var initVerb = async (ctx) => {
  const bad = rejectUnknownOptions("init", ctx.args, ["user", "force"], "init [--user] [--force] [--json] [--cwd DIR]");
  if (bad) return bad;
  const pluginRoot = findPluginRoot(dirname(fileURLToPath(import.meta.url)));
  if (pluginRoot === null) throw new Error("Internal error: commands/implement-stories.md not found above the engine bundle");
  const r = await initAlias(ctx.root, { user: ctx.args.options["user"] === true, force: ctx.args.options["force"] === true, home: process.env["HOME"] || homedir(), pluginRoot });
  return outcome(ctx, r, ({ path, action, command }) => {
    const what = { created: "Wrote", updated: "Updated", replaced: "Replaced", unchanged: "Already up to date:" }[action];
    return `${what} ${path}
${command} now runs story-orchestrator's procedure in Claude Code; the plugin must be installed and enabled.
Next: in Claude Code, \`${command} 1.1-1.5\` (a scope) or \`${command}\` (every story)
`;
  });
};
export {
  initVerb
};
