// Gate inside story subagents (the payload carries agent_id/agent_type): a developer changes
// files and runs git only inside its own story's worktree; a reviewer changes nothing. Which
// story an agent works on comes from its launch prompt ("Story: <id>"), read back from the
// agent's transcript by the hook entry. Fails closed: an agent of ours whose story cannot be
// determined may not write.
import { posix } from "node:path";
import { findWrites, READ_ONLY_GIT, READ_ONLY_PROGRAMS } from "./read-only-programs.js";
import { agentName, isOurAgent, isReviewerName, type LaunchPrompt } from "./launch-prompt.js";
import { gitInvocation, isInside, parseCommand, programOf } from "./shell-words.js";
import { ALLOW, deny, WRITE_TOOLS, type Decision, type HookPayload, type Snapshot, storyOf } from "./types.js";

export const GATE = "subagent-write-guard";

/** Outside the project, only these may be written (scratch space). */
const SCRATCH = ["/tmp", "/dev", "/var/tmp"];

export function subagentWriteGuard(payload: HookPayload, snap: Snapshot, launch: LaunchPrompt | null, cwd: string): Decision {
  if (payload.agent_id === undefined || !isOurAgent(payload.agent_type)) return ALLOW;
  const tool = payload.tool_name ?? "";
  if (!WRITE_TOOLS.has(tool) && tool !== "Bash") return ALLOW;
  const name = agentName(payload.agent_type);
  const reviewer = isReviewerName(name) || launch?.kind === "review";
  const story = launch ? storyOf(snap, launch.id) : undefined;
  const wt = story?.worktree ? posix.resolve(snap.root, story.worktree) : launch?.headers["worktree"] ? posix.resolve(snap.root, launch.headers["worktree"]) : null;
  if (!reviewer && wt === null) {
    return deny(GATE, `The ${name} agent could not be matched to a started story (its prompt must start with "Story: <id>" and "Worktree: <path>"), so it may not change files.`);
  }
  const where = reviewer ? "A reviewer changes nothing" : `You work on story ${launch?.id} only inside its worktree ${wt}`;
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
