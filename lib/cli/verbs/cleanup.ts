// `cleanup`: remove worktrees that are merged and clean; report the rest.
import type { Verb } from "../verb.js";
import { rejectUnknownOptions } from "../check-options.js";
import { cleanupWorktrees } from "../../engine/cleanup.js";
import { outcome } from "./run-outcome.js";

export const cleanupVerb: Verb = async (ctx) => {
  const bad = rejectUnknownOptions("cleanup", ctx.args, [], "cleanup [--json]");
  if (bad) return bad;
  return outcome(ctx, await cleanupWorktrees(ctx.root), (c) =>
    [`Removed: ${c.removed.length ? c.removed.join(", ") : "none"}`, ...c.kept.map((k) => `Kept ${k.worktree}: ${k.reason}`)].join("\n") + "\n",
  );
};
