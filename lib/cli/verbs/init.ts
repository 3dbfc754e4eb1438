// `init [--user] [--force]`: the one-step setup for the literal `/implement-stories`.
import { homedir } from "node:os";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { Verb } from "../verb.js";
import { rejectUnknownOptions } from "../check-options.js";
import { findPluginRoot, initAlias } from "../../engine/init.js";

export const initVerb: Verb = async (ctx) => {
  const usage = rejectUnknownOptions("init", ctx.args, ["user", "force"], "init [--user] [--force] [--json] [--cwd DIR]");
  if (usage) return usage;
  const pluginRoot = findPluginRoot(dirname(fileURLToPath(import.meta.url)));
  if (pluginRoot === null) throw new Error("Internal error: commands/implement-stories.md not found above the engine bundle");
  const r = await initAlias(ctx.root, { user: ctx.args.options["user"] === true, force: ctx.args.options["force"] === true, home: process.env["HOME"] || homedir(), pluginRoot });
  if (!r.ok) {
    return { exitCode: 1, json: { errors: r.error }, human: r.error.map((d) => `error: ${d.message}`).join("\n") };
  }
  const { path, action, command } = r.value;
  const what = { created: "Wrote", updated: "Updated", replaced: "Replaced", unchanged: "Already up to date:" }[action];
  return {
    exitCode: 0,
    json: r.value,
    human: `${what} ${path}\n${command} now runs story-orchestrator's procedure in Claude Code (e.g. \`${command} 1.1-1.5\`); the plugin must be installed and enabled.`,
  };
};
