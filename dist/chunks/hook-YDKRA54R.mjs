import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  runHook
} from "./chunk-VRS6H75F.mjs";
import "./chunk-UY2R7UBI.mjs";
import "./chunk-GXCQPDPR.mjs";
import {
  usage
} from "./chunk-D6AISK4I.mjs";
import "./chunk-EGEKWWZA.mjs";

// lib/cli/verbs/hook.ts
var hookVerb = async (ctx) => {
  const event = ctx.args.positionals[0];
  if (!event) return usage("hook: needs an EVENT (PreToolUse, PostToolUse, SubagentStop, Stop, SessionStart)", "hook EVENT < payload.json");
  const out = await runHook({ root: ctx.root, loadEngine: () => import("../hook-engine.mjs"), now: () => /* @__PURE__ */ new Date() }, event, await ctx.readStdin());
  return { exitCode: 0, json: out ? JSON.parse(out) : {}, human: out };
};
export {
  hookVerb
};
