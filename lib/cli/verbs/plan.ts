// `plan [SCOPE...]`: waves, critical path and each story's agent for the stories in scope.
// JSON is exactly the contract object; every config, parse and plan diagnostic is in it.
import type { Verb } from "../verb.js";
import { loadProject, mergeDiags } from "../../engine/load-project.js";
import { buildPlan, planCanRun, type StatusSource } from "../../core/plan.js";
import type { Plan } from "../../core/model.js";
import { rejectUnknownOptions } from "../check-options.js";
import { renderPlan } from "../render/plan.js";
import { readAllStoryStates } from "../../adapters/state-store/store.js";
import { engineStatus } from "../../engine/run-context.js";
import { command } from "../../core/advice/story-advice.js";
import { nextText } from "./run-outcome.js";

export const planVerb: Verb = async (ctx) => {
  const bad = rejectUnknownOptions("plan", ctx.args, ["scope"], "plan [SCOPE...] [--scope SCOPE] [--json] [--cwd DIR]");
  if (bad) return bad;
  // `--scope "1.1-1.5"` (one argument, as the slash command passes it) adds to positional terms.
  const scope = [...ctx.args.positionals, ...ctx.args.scopes];
  const project = await loadProject(ctx.root);
  // A run in progress: the engine's statuses (In Progress, Done by merge, Failed...) override
  // what the story files say. A state file that fails its schema is an error, never ignored.
  // Asked story by story: what statusMap gives, without a map of every story to build.
  const states = await readAllStoryStates(ctx.root);
  const statuses: StatusSource | undefined = !states.ok
    ? undefined
    : states.value.size === 0
      ? (story) => engineStatus(story, undefined) // no run yet: no state file to look up
      : (story, key) => engineStatus(story, states.value.get(key));
  const built = buildPlan({ stories: project.stories, config: project.config, scope, statuses });
  // Key order is the contract's; the merged lists put load/parse problems beside the plan's.
  const plan: Plan = {
    stories: built.stories,
    waves: built.waves,
    criticalPath: built.criticalPath,
    warnings: mergeDiags(project.warnings, built.warnings),
    errors: mergeDiags(project.errors, built.errors, states.ok ? [] : states.error),
    outOfScope: built.outOfScope,
    setAside: built.setAside,
  };
  // Errors about story files set those stories aside; the plan of the rest still stands.
  return {
    exitCode: planCanRun(plan) ? 0 : 1,
    json: plan,
    // main.ts prints only the JSON with --json: rendering 10,000 rows for nothing is skipped.
    human: ctx.args.json ? "" : renderPlan(plan, project.config.maxParallel, ctx.tty) + nextText([planNext(plan, scope)]),
  };
};

/** After a plan: fix what is wrong, answer the out-of-scope question, or start the run. */
function planNext(plan: Plan, scope: readonly string[]): string {
  if (!planCanRun(plan)) return `fix the errors above (${command("validate")} lists every problem), then plan again`;
  if (plan.outOfScope.length) return "choose above: expand the scope, skip the stories that need what is outside it, or cancel";
  if (plan.waves.length === 0) return `nothing to run: every story in scope is done (${command("status")} shows the run)`;
  const terms = scope.map((t) => (/^[\w.,:*-]+$/.test(t) && !t.includes("*") ? t : `'${t.replace(/'/g, "")}'`));
  const rest = plan.setAside.length ? ` (without the ${plan.setAside.length} set aside until their files are fixed)` : "";
  return `${command("next", ...(terms.length ? terms : ["'*'"]))} records this scope as the run's and lists the stories that may start${rest}`;
}
