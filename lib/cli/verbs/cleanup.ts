// `cleanup`: remove worktrees that are merged and clean; report the rest.
import type { Verb } from "../verb.js";
import { rejectUnknownOptions } from "../check-options.js";
import { cleanupWorktrees } from "../../engine/cleanup.js";
import { nextText, outcome } from "./run-outcome.js";
import { command } from "../../core/advice/story-advice.js";

export const cleanupVerb: Verb = async (ctx) => {
  const bad = rejectUnknownOptions("cleanup", ctx.args, [], "cleanup [--json]");
  if (bad) return bad;
  return outcome(ctx, await cleanupWorktrees(ctx.root), (c) => {
    const lines = [`Removed: ${c.removed.length ? c.removed.join(", ") : "none"}`, ...c.kept.map((k) => `Kept ${k.worktree}: ${k.reason}`)];
    // Kept worktrees are kept for a reason the line gives (work in them, or a story not merged yet).
    const next = c.kept.length
      ? `the kept worktrees hold work or unmerged stories: finish them (${command("status")} shows the run), then ${command("cleanup")} again`
      : `nothing left to clean; ${command("status")} shows the run`;
    return lines.join("\n") + "\n" + nextText([next]);
  });
};
