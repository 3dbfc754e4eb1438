// Gate: nothing but the engine changes `.agent-orchestration/` (state, journal, reviews,
// config). Applies in every session, main or subagent. Fails closed: a command that mentions
// the directory and is not known to be read-only is denied.
import { posix } from "node:path";
import { findWrites, READ_ONLY_GIT, READ_ONLY_PROGRAMS } from "./read-only-programs.js";
import { gitInvocation, parseCommand, programOf } from "./shell-words.js";
import { ALLOW, deny, WRITE_TOOLS, type Decision, type HookPayload } from "./types.js";
import { STATE_DIR } from "../state/state-files.js";

export const GATE = "state-dir-guard";

const REASON =
  `${STATE_DIR}/ belongs to the story-orchestrator engine: its state changes only through engine verbs ` +
  "(`story-orchestrator start|submit|merge|fail|resume ...`), and reviews are recorded by the hooks from the reviewer agents. " +
  "Run `story-orchestrator next --json` or `story-orchestrator status` to see the legal next step.";

export function touchesStateDir(path: string): boolean {
  return path.split(/[\\/]/).includes(STATE_DIR);
}

export function stateDirGuard(payload: HookPayload, cwd: string): Decision {
  const tool = payload.tool_name ?? "";
  const input = payload.tool_input ?? {};
  if (WRITE_TOOLS.has(tool)) {
    const p = input["file_path"] ?? input["notebook_path"];
    return typeof p === "string" && touchesStateDir(posix.resolve(cwd, p)) ? deny(GATE, REASON) : ALLOW;
  }
  if (tool !== "Bash") return ALLOW;
  const line = typeof input["command"] === "string" ? input["command"] : "";
  if (!line.includes(STATE_DIR)) return ALLOW;
  const parsed = parseCommand(line, cwd);
  if (parsed.opaque) return deny(GATE, REASON);
  for (const cmd of parsed.commands) {
    if (cmd.redirects.some(touchesStateDir)) return deny(GATE, REASON);
    const mentions = touchesStateDir(cmd.dir) || cmd.words.some((w) => w.includes(STATE_DIR));
    if (!mentions) continue;
    const { name, args } = programOf(cmd.words);
    if (READ_ONLY_PROGRAMS.has(name)) continue;
    if (name === "find" && !findWrites(args)) continue;
    const g = gitInvocation(cmd);
    if (g && READ_ONLY_GIT.has(g.sub)) continue;
    return deny(GATE, REASON);
  }
  return ALLOW;
}
