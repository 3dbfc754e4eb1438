import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  currentBranch,
  revParse
} from "./chunk-KG5HAFNZ.mjs";
import {
  chooseIntegrationBranch
} from "./chunk-OLZJQYTV.mjs";
import {
  diag,
  err,
  ok
} from "./chunk-EFR3LY5V.mjs";

// lib/engine/integration-branch.ts
async function integrationBranch(root, config, orch) {
  const chosen = await chooseIntegrationBranch({ configured: config.baseBranch, recorded: orch?.integrationBranch, current: () => currentBranch(root) });
  if (!chosen.ok) return chosen;
  const branch = chosen.value;
  const tip = await revParse(root, `refs/heads/${branch}`);
  if (!tip) return err([diag("git-error", `integration branch ${branch} has no commit (is this a git repository with at least one commit?)`)]);
  return ok({ branch, tip });
}

export {
  integrationBranch
};
