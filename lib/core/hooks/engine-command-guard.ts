// Gate: the engine verbs that only hooks and people may use. `review` records a verdict, and
// verdicts must come from the reviewer agents (captured by the PostToolUse/SubagentStop hooks),
// never be typed in by the orchestrating model; `hook` would let a model forge such a capture.
import { parseCommand, programOf } from "./shell-words.js";
import { ALLOW, deny, type Decision, type HookPayload } from "./types.js";

export const GATE = "engine-command-guard";

const FORBIDDEN: Record<string, string> = {
  review:
    "Reviews are recorded from the reviewer agents' verdicts, not by the orchestrator. Launch the reviewer agents for the story " +
    '(prompt "Review: <id>" ... "Head: <headSha>"); the hook records their verdict against the reviewed commit.',
  hook: "The `hook` verb is for Claude Code's hooks only.",
};

/** The engine's verb in a command line, whichever way the engine is invoked. */
function engineVerb(words: readonly string[]): string | undefined {
  const { name, args } = programOf(words);
  if (name === "story-orchestrator") return args.find((a) => !a.startsWith("-"));
  if (name === "node" || name === "npx" || name === "tsx") {
    const i = args.findIndex((a) => /(^|\/)(story-orchestrator(\.mjs)?|main\.ts)$/.test(a));
    if (i >= 0) return args.slice(i + 1).find((a) => !a.startsWith("-"));
    if (args.some((a) => /(^|\/)hook(-engine)?\.mjs$|lib\/hooks\/entry\.ts$/.test(a))) return "hook";
  }
  return undefined;
}

export function engineCommandGuard(payload: HookPayload, cwd: string): Decision {
  if (payload.tool_name !== "Bash") return ALLOW;
  const line = payload.tool_input?.["command"];
  if (typeof line !== "string" || !/story-orchestrator|hook/.test(line)) return ALLOW;
  for (const cmd of parseCommand(line, cwd).commands) {
    const verb = engineVerb(cmd.words);
    if (verb !== undefined && FORBIDDEN[verb]) return deny(GATE, FORBIDDEN[verb] as string);
  }
  return ALLOW;
}
