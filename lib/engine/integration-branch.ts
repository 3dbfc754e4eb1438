// The integration branch: config.baseBranch, else the branch checked out in the main worktree
// when the run started (recorded in orchestration-state.json, so switching branches later in
// the main checkout does not redirect merges).
import { diag, err, ok, type Diag, type Result } from "../core/diagnostics.js";
import type { Config } from "../core/config/schema.js";
import type { OrchestrationState } from "../core/state/schemas.js";
import { currentBranch, revParse } from "../adapters/git.js";

export async function integrationBranch(root: string, config: Config, orch: OrchestrationState | null): Promise<Result<{ branch: string; tip: string }, Diag[]>> {
  const branch = config.baseBranch ?? orch?.integrationBranch ?? (await currentBranch(root));
  if (!branch) {
    return err([diag("git-error", "no integration branch: the main checkout is on a detached HEAD; check out a branch or set baseBranch in .agent-orchestration/config.yaml")]);
  }
  const tip = await revParse(root, `refs/heads/${branch}`);
  if (!tip) return err([diag("git-error", `integration branch ${branch} has no commit (is this a git repository with at least one commit?)`)]);
  return ok({ branch, tip });
}

export const storyBranch = (id: string): string => `story/${id}`;
