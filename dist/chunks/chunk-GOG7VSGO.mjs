import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  currentBranch,
  revParse
} from "./chunk-JHLEL5P6.mjs";
import {
  diag,
  err,
  ok
} from "./chunk-43TV4QD6.mjs";

// lib/engine/integration-branch.ts
async function integrationBranch(root, config, orch) {
  const branch = config.baseBranch ?? orch?.integrationBranch ?? await currentBranch(root);
  if (!branch) {
    return err([diag("git-error", "no integration branch: the main checkout is on a detached HEAD; check out a branch or set baseBranch in .agent-orchestration/config.yaml")]);
  }
  const tip = await revParse(root, `refs/heads/${branch}`);
  if (!tip) return err([diag("git-error", `integration branch ${branch} has no commit (is this a git repository with at least one commit?)`)]);
  return ok({ branch, tip });
}
var storyBranch = (id) => `story/${id}`;

export {
  integrationBranch,
  storyBranch
};
