// Gate: git operations that would bypass the merge queue or lose story work are the engine's
// alone: merging, deleting or force-moving story branches, removing worktrees, pushing story
// branches. Applies in every session. Pure: the command line, the session's directory and
// the project root in; a decision out.
import { posix } from "node:path";
import { gitInvocation, isInside, parseCommand, type SimpleCommand } from "./shell-words.js";
import { ALLOW, deny, type Decision, type HookPayload } from "./types.js";
import { WORKTREES_DIR } from "../project-root.js";

export const GATE = "git-guard";

const isStoryRef = (w: string) => /(^|[\s:/])story\/|^refs\/heads\/story\//.test(w) || w.startsWith("story/");

function denial(what: string, next: string): Decision {
  return deny(GATE, `${what} is reserved to the story-orchestrator engine. ${next}`);
}

const MERGE_NEXT = "Merge an approved story with `story-orchestrator merge ID --json` (it checks the approval of the head commit, runs the tests and merges one story at a time).";

function judge(cmd: SimpleCommand, root: string): Decision {
  const g = gitInvocation(cmd);
  if (!g) return ALLOW;
  const inStoryWorktree = isInside(g.dir, posix.join(root, WORKTREES_DIR));
  const namesStory = g.args.some(isStoryRef);
  const aimed = namesStory || inStoryWorktree;
  switch (g.sub) {
    case "merge":
      if (g.args.includes("--abort") && !namesStory) return ALLOW;
      return aimed ? denial("`git merge` of a story branch", MERGE_NEXT) : ALLOW;
    case "rebase":
    case "cherry-pick":
      return namesStory ? denial(`\`git ${g.sub}\` of a story branch`, MERGE_NEXT) : ALLOW;
    case "worktree": {
      const [action, ...rest] = g.args;
      if (action !== "remove" && action !== "prune" && action !== "move") return ALLOW;
      const targets = rest.filter((a) => !a.startsWith("-")).map((a) => posix.resolve(g.dir, a));
      const storyTarget = action === "prune" || targets.some((t) => isInside(t, posix.join(root, WORKTREES_DIR)));
      return storyTarget
        ? denial(`\`git worktree ${action}\` of story worktrees`, "Run `story-orchestrator cleanup` (it removes only worktrees that are merged and clean) or `story-orchestrator resume`.")
        : ALLOW;
    }
    case "branch": {
      const destructive = g.args.some((a) => /^-[a-zA-Z]*[dDmMfC]/.test(a) || a === "--delete" || a === "--move" || a === "--force" || a === "--copy");
      return destructive && namesStory
        ? denial("Deleting, moving or forcing a story branch", "Story branches are removed by `story-orchestrator cleanup` after their merge; a story that should not be merged is ended with `story-orchestrator fail ID --reason TEXT`.")
        : ALLOW;
    }
    case "reset":
      return g.args.includes("--hard") && aimed
        ? denial("`git reset --hard` on a story branch", "A developer fixes its story with new commits; to give a story up use `story-orchestrator fail ID --reason TEXT`.")
        : ALLOW;
    case "push":
      return aimed || g.args.some((a) => a.includes("story/")) ? denial("Pushing story branches", "Story branches reach the integration branch only through `story-orchestrator merge ID`.") : ALLOW;
    case "update-ref":
      return g.args.some((a) => a.includes("story/")) ? denial("`git update-ref` on a story branch", MERGE_NEXT) : ALLOW;
    default:
      return ALLOW;
  }
}

export function gitGuard(payload: HookPayload, cwd: string, root: string): Decision {
  if (payload.tool_name !== "Bash") return ALLOW;
  const line = payload.tool_input?.["command"];
  if (typeof line !== "string" || !line.includes("git")) return ALLOW;
  for (const cmd of parseCommand(line, cwd).commands) {
    const d = judge(cmd, root);
    if (d.kind !== "allow") return d;
  }
  return ALLOW;
}
