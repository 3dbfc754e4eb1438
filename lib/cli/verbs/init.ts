// `init [--user] [--force]`: the one-step setup for the literal `/implement-stories`.
import { homedir } from "node:os";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { Verb } from "../verb.js";
import { rejectUnknownOptions } from "../check-options.js";
import { outcome } from "./run-outcome.js";
import { findPluginRoot, initAlias } from "../../engine/init.js";

export const initVerb: Verb = async (ctx) => {
  const bad = rejectUnknownOptions("init", ctx.args, ["user", "force"], "init [--user] [--force] [--json] [--cwd DIR]");
  if (bad) return bad;
  const pluginRoot = findPluginRoot(dirname(fileURLToPath(import.meta.url)));
  if (pluginRoot === null) throw new Error("Internal error: commands/implement-stories.md not found above the engine bundle");
  const r = await initAlias(ctx.root, { user: ctx.args.options["user"] === true, force: ctx.args.options["force"] === true, home: process.env["HOME"] || homedir(), pluginRoot });
  return outcome(ctx, r, ({ path, action, command }) => {
    const what = { created: "Wrote", updated: "Updated", replaced: "Replaced", unchanged: "Already up to date:" }[action];
    return `${what} ${path}\n${command} now runs story-orchestrator's procedure in Claude Code; the plugin must be installed and enabled.\nNext: in Claude Code, \`${command} 1.1-1.5\` (a scope) or \`${command}\` (every story)\n`;
  });
};
