// Which branch stories branch from and merge into, and which branches can never be it. Pure:
// the engine (lib/engine/integration-branch.ts) reads the config, the recorded run and the
// main checkout's branch, and asks here.
import { diag, err, ok, type Diag, type Result } from "./diagnostics.js";
import { CONFIG_FILE, ORCHESTRATION_FILE, STATE_DIR } from "./state/state-files.js";

/** Every story's branch is `story/<id>`; the hooks guard the whole `story/` namespace. */
export const STORY_BRANCH_PREFIX = "story/";

export const storyBranch = (id: string): string => `${STORY_BRANCH_PREFIX}${id}`;

export const isStoryBranch = (branch: string): boolean => branch.startsWith(STORY_BRANCH_PREFIX);

/** Where the integration branch can come from, in order of precedence. */
export interface BranchSources {
  /** config.yaml `baseBranch`. */
  configured: string | undefined;
  /** The branch recorded when the run started (orchestration-state.json). */
  recorded: string | null | undefined;
  /** The branch checked out in the main checkout; null on a detached HEAD. */
  current: () => Promise<string | null>;
}

/**
 * The integration branch, or why there is none. A story branch is refused whatever its source:
 * a story would then "merge" into itself or another story, and `resume` would take a story whose
 * branch is the integration branch for merged (Done) when nothing was merged.
 */
export async function chooseIntegrationBranch(from: BranchSources): Promise<Result<string, Diag[]>> {
  const branch = from.configured ?? from.recorded ?? (await from.current());
  if (branch === null) {
    return err([diag("git-error", `no integration branch: the main checkout is on a detached HEAD; check out a branch or set baseBranch in ${CONFIG_FILE}`)]);
  }
  if (!isStoryBranch(branch)) return ok(branch);
  const what = `${branch}, a story branch (${STORY_BRANCH_PREFIX}* branches are the engine's, one per story)`;
  const cannot = "stories cannot branch from it and merge into it";
  if (from.configured !== undefined) {
    return err([diag("invalid-integration-branch", `baseBranch is ${what}: ${cannot}; set baseBranch to the branch stories merge into (such as main)`, CONFIG_FILE)]);
  }
  if (from.recorded != null) {
    const recorded = `${STATE_DIR}/${ORCHESTRATION_FILE}`;
    return err([diag("invalid-integration-branch", `${recorded} records ${what}, as the run's integration branch: ${cannot}; set baseBranch in ${CONFIG_FILE} to the branch stories merge into (such as main)`, recorded)]);
  }
  return err([diag("invalid-integration-branch", `the main checkout is on ${what}: ${cannot}; check out your main branch first (\`git checkout main\`), or set baseBranch in ${CONFIG_FILE}`)]);
}
