import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  CONFIG_FILE,
  ORCHESTRATION_FILE,
  STATE_DIR
} from "./chunk-DJAYH52C.mjs";
import {
  diag,
  err,
  ok
} from "./chunk-EFR3LY5V.mjs";

// lib/core/integration-branch.ts
var STORY_BRANCH_PREFIX = "story/";
var storyBranch = (id) => `${STORY_BRANCH_PREFIX}${id}`;
var isStoryBranch = (branch) => branch.startsWith(STORY_BRANCH_PREFIX);
async function chooseIntegrationBranch(from) {
  const branch = from.configured ?? from.recorded ?? await from.current();
  if (branch === null) {
    return err([diag("git-error", `no integration branch: the main checkout is on a detached HEAD; check out a branch or set baseBranch in ${CONFIG_FILE}`)]);
  }
  if (!isStoryBranch(branch)) return ok(branch);
  const what = `${branch}, a story branch (${STORY_BRANCH_PREFIX}* branches are the engine's, one per story)`;
  const cannot = "stories cannot branch from it and merge into it";
  if (from.configured !== void 0) {
    return err([diag("invalid-integration-branch", `baseBranch is ${what}: ${cannot}; set baseBranch to the branch stories merge into (such as main)`, CONFIG_FILE)]);
  }
  if (from.recorded != null) {
    const recorded = `${STATE_DIR}/${ORCHESTRATION_FILE}`;
    return err([diag("invalid-integration-branch", `${recorded} records ${what}, as the run's integration branch: ${cannot}; set baseBranch in ${CONFIG_FILE} to the branch stories merge into (such as main)`, recorded)]);
  }
  return err([diag("invalid-integration-branch", `the main checkout is on ${what}: ${cannot}; check out your main branch first (\`git checkout main\`), or set baseBranch in ${CONFIG_FILE}`)]);
}

export {
  STORY_BRANCH_PREFIX,
  storyBranch,
  isStoryBranch,
  chooseIntegrationBranch
};
