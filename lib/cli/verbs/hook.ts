// `hook EVENT`: the same code as dist/hook.mjs (hooks/hooks.json runs that smaller bundle for
// speed); stdin JSON in, stdout JSON out, exit 0 whatever happens (a hook's decision is its output).
import type { Verb } from "../verb.js";
import { usage } from "../check-options.js";
import { runHook } from "../../hooks/dispatch.js";
import { workerEnvOf } from "../../core/hooks/story-agent.js";

export const hookVerb: Verb = async (ctx) => {
  const event = ctx.args.positionals[0];
  if (!event) return usage("hook: needs an EVENT (PreToolUse, PostToolUse, SubagentStop, Stop, SessionStart)", "hook EVENT < payload.json");
  const out = await runHook({ root: ctx.root, loadEngine: () => import("../../hooks/engine-events.js"), now: () => new Date(), worker: workerEnvOf(process.env) }, event, await ctx.readStdin());
  // The hook's output is already JSON: print it as is, with or without --json.
  return { exitCode: 0, json: out ? (JSON.parse(out) as unknown) : {}, human: out };
};
