// `plan [SCOPE...]`: waves, critical path and each story's agent for the stories in scope.
// JSON is exactly the contract object; every config, parse and plan diagnostic is in it.
import type { Verb } from "../verb.js";
import { loadProject, mergeDiags } from "../../engine/load-project.js";
import { buildPlan } from "../../core/plan.js";
import type { Plan } from "../../core/model.js";
import { rejectUnknownOptions } from "../check-options.js";
import { renderPlan } from "../render/plan.js";

export const planVerb: Verb = async (ctx) => {
  const usage = rejectUnknownOptions("plan", ctx.args, ["scope"], "plan [SCOPE...] [--scope SCOPE] [--json] [--cwd DIR]");
  if (usage) return usage;
  // `--scope "1.1-1.5"` (one argument, as the slash command passes it) adds to positional terms.
  const option = ctx.args.options["scope"];
  const scope = typeof option === "string" ? [...ctx.args.positionals, option] : ctx.args.positionals;
  const project = await loadProject(ctx.root);
  const built = buildPlan({ stories: project.stories, config: project.config, scope });
  // Key order is the contract's; the merged lists put load/parse problems beside the plan's.
  const plan: Plan = {
    stories: built.stories,
    waves: built.waves,
    criticalPath: built.criticalPath,
    warnings: mergeDiags(project.warnings, built.warnings),
    errors: mergeDiags(project.errors, built.errors),
    outOfScope: built.outOfScope,
  };
  return {
    exitCode: plan.errors.length > 0 ? 1 : 0,
    json: plan,
    human: renderPlan(plan, project.config.maxParallel, ctx.tty),
  };
};
