// The e2e tests run the built bundles, as Claude Code will: build once before them.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT } from "./harness.js";

let built = false;

export function buildOnce(): void {
  if (built) return;
  execFileSync(process.execPath, [join(REPO_ROOT, "scripts/build.mjs")], { cwd: REPO_ROOT, stdio: "inherit" });
  built = true;
}
