// The integration branch: config.baseBranch, else the branch checked out in the main worktree
// when the run started (recorded in orchestration-state.json, so switching branches later in
// the main checkout does not redirect merges). Never a story branch (lib/core/integration-branch.ts).
import { diag, err, ok, type Diag, type Result } from "../core/diagnostics.js";
import type { Config } from "../core/config/schema.js";
import { chooseIntegrationBranch } from "../core/integration-branch.js";
import type { OrchestrationState } from "../core/state/schemas.js";
import { currentBranch, revParse } from "../adapters/git.js";

export { storyBranch } from "../core/integration-branch.js";

export async function integrationBranch(root: string, config: Config, orch: OrchestrationState | null): Promise<Result<{ branch: string; tip: string }, Diag[]>> {
  const chosen = await chooseIntegrationBranch({ configured: config.baseBranch, recorded: orch?.integrationBranch, current: () => currentBranch(root) });
  if (!chosen.ok) return chosen;
  const branch = chosen.value;
  const tip = await revParse(root, `refs/heads/${branch}`);
  if (!tip) return err([diag("git-error", `integration branch ${branch} has no commit (is this a git repository with at least one commit?)`)]);
  return ok({ branch, tip });
}
