// Gate inside story agents: a developer changes files and runs git only inside its own story's
// worktree; a reviewer changes nothing. Story agents are our subagents (the payload carries
// agent_id/agent_type; the story comes from the launch prompt, "Story: <id>", read back from
// the agent's transcript by the hook entry) and headless workers (the story and worktree come
// from the runner's environment variables): see story-agent.ts. Fails closed: a story agent
// whose worktree cannot be determined may not write.
import { posix } from "node:path";
import { findWrites, READ_ONLY_GIT, READ_ONLY_PROGRAMS } from "./read-only-programs.js";
import { gitInvocation, isInside, parseCommand, programOf } from "./shell-words.js";
import { WORKER_ENV, type StoryAgent } from "./story-agent.js";
import { ALLOW, deny, WRITE_TOOLS, type Decision, type HookPayload, type Snapshot } from "./types.js";

export const GATE = "subagent-write-guard";

/** Outside the project, only these may be written (scratch space). */
const SCRATCH = ["/tmp", "/dev", "/var/tmp"];

export function subagentWriteGuard(payload: HookPayload, snap: Snapshot, agent: StoryAgent | null, cwd: string): Decision {
  if (agent === null) return ALLOW;
  const tool = payload.tool_name ?? "";
  if (!WRITE_TOOLS.has(tool) && tool !== "Bash") return ALLOW;
  const { name, reviewer, worktree: wt } = agent;
  if (!reviewer && wt === null) {
    const how = agent.source === "worker" ? `${WORKER_ENV.story} names story ${agent.story}, which has no worktree; ${WORKER_ENV.worktree} must name it` : 'its prompt must start with "Story: <id>" and "Worktree: <path>"';
    return deny(GATE, `The ${name} agent could not be matched to a started story (${how}), so it may not change files.`);
  }
  const where = reviewer ? "A reviewer changes nothing" : `You work on story ${agent.story} only inside its worktree ${wt}`;
  // Scratch space is outside the project: a project under /tmp is still the project.
  const scratch = (p: string) => SCRATCH.some((s) => isInside(p, s)) && !isInside(p, snap.root);
  const writable = (p: string) => scratch(p) || (!reviewer && wt !== null && isInside(p, wt));

  if (WRITE_TOOLS.has(tool)) {
    const raw = payload.tool_input?.["file_path"] ?? payload.tool_input?.["notebook_path"];
    const p = typeof raw === "string" ? posix.resolve(cwd, raw) : "";
    return writable(p) ? ALLOW : deny(GATE, `${where}: ${tool} of ${p || "(no path)"} is not allowed.${reviewer ? " Report findings in your verdict instead." : " Use absolute paths under the worktree."}`);
  }
  const line = payload.tool_input?.["command"];
  if (typeof line !== "string") return ALLOW;
  const parsed = parseCommand(line, cwd);
  for (const cmd of parsed.commands) {
    for (const r of cmd.redirects) if (!writable(r)) return deny(GATE, `${where}: the command writes to ${r}.`);
    const { name: prog, args } = programOf(cmd.words);
    if (prog === "" || prog === "cd" || prog === "pushd") continue;
    const g = gitInvocation(cmd);
    if (g) {
      if (READ_ONLY_GIT.has(g.sub)) continue;
      if (reviewer) return deny(GATE, `${where}: \`git ${g.sub}\` changes the repository. Reviewers only read (git diff/log/show) and run tests.`);
      if (wt === null || !isInside(g.dir, wt)) return deny(GATE, `${where}: run git there (\`cd "${wt}" && git ...\`), not in ${g.dir}.`);
      continue;
    }
    if (READ_ONLY_PROGRAMS.has(prog) || (prog === "find" && !findWrites(args))) continue;
    const home = wt;
    if (home !== null && !isInside(cmd.dir, home) && !scratch(cmd.dir)) {
      return deny(GATE, `${where}: \`${prog}\` would run in ${cmd.dir}; start the command with \`cd "${home}" && \`.`);
    }
    const outside = args.filter((a) => a.startsWith("/") && isInside(a, snap.root) && !(home !== null && isInside(a, home)));
    if (outside.length > 0) return deny(GATE, `${where}: \`${prog}\` names ${outside[0]}, outside the story's worktree.`);
  }
  if (parsed.opaque && !reviewer && wt !== null && !parsed.commands.every((c) => isInside(c.dir, wt))) {
    return deny(GATE, `${where}: command substitutions are only allowed when the whole command runs in the worktree.`);
  }
  return ALLOW;
}
