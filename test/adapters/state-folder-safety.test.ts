// `.agent-orchestration/` as the fuzzer left it: a FIFO named like the config or a state file,
// or a file where the folder should be. Each verb must answer with a diagnostic, at once.
// Everything runs in a child process with a time limit: a read that waited for a FIFO's writer
// would block this process's event loop, and with it the test runner's own timeout.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CONFIG = ".agent-orchestration/config.yaml";
let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "so-state-folder-"));
  mkdirSync(path.join(root, "docs/stories"), { recursive: true });
  writeFileSync(path.join(root, "docs/stories/1.1.a.md"), "# Story 1.1: A\n");
  // A repository: `status` (a run verb) refuses outside git before it reads any state.
  execFileSync("git", ["init", "-q", root]);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

interface Diag {
  code: string;
  message: string;
  file?: string;
}

/** The CLI from source, `--json`; its exit code, its errors, and stderr. */
function cli(verb: string): { status: number | null; errors: Diag[]; stderr: string } {
  const r = spawnSync(process.execPath, ["--import", "tsx", "lib/cli/main.ts", verb, "--json", "--cwd", root], {
    cwd: repoRoot,
    timeout: 30_000,
    encoding: "utf8",
    env: { ...process.env, STORY_ORCHESTRATOR_DEBUG: "", NO_COLOR: "" },
  });
  const errors = r.status === null ? [] : (JSON.parse(r.stdout) as { errors: Diag[] }).errors;
  return { status: r.status, errors, stderr: r.stderr };
}

const mkfifo = (rel: string): void => {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  execFileSync("mkfifo", [path.join(root, rel)]);
};

describe.skipIf(process.platform === "win32")("a FIFO in .agent-orchestration/", () => {
  it("named config.yaml: validate and plan refuse it at once", () => {
    mkfifo(CONFIG);
    for (const verb of ["validate", "plan"]) {
      const r = cli(verb);
      expect(r.status).toBe(1);
      expect(r.errors).toEqual([{ code: "invalid-config", message: "cannot read the config file (not a regular file)", file: CONFIG }]);
    }
  });

  it("named like a story state: plan and status refuse it at once", () => {
    mkfifo(".agent-orchestration/story-1.1.json");
    const refused = { code: "invalid-state", message: "cannot read .agent-orchestration/story-1.1.json (not a regular file)", file: ".agent-orchestration/story-1.1.json" };
    for (const verb of ["plan", "status"]) {
      const r = cli(verb);
      expect(r.status).toBe(1);
      expect(r.errors).toEqual([refused]);
    }
  });

  it("named like the state lock: reading the holder does not wait for a writer", () => {
    mkfifo(".agent-orchestration/.lock");
    const lock = pathToFileURL(path.join(repoRoot, "lib/adapters/state-store/lock.ts")).href;
    const script = `import { readLockInfo } from ${JSON.stringify(lock)};
console.log(JSON.stringify(await readLockInfo(${JSON.stringify(path.join(root, ".agent-orchestration/.lock"))})));`;
    const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: repoRoot, timeout: 30_000, encoding: "utf8" });
    expect(out.trim()).toBe("null");
  });
});

describe("a file where .agent-orchestration/ should be", () => {
  it("plan reports it by name and exits 1, with no internal error or stack", () => {
    writeFileSync(path.join(root, ".agent-orchestration"), "x\n");
    const r = cli("plan");
    expect(r.status).toBe(1);
    expect(r.stderr).not.toMatch(/Internal error|^\s+at /m);
    expect(r.errors).toContainEqual({ code: "invalid-state", message: ".agent-orchestration: it is not a folder (ENOTDIR); move or remove it", file: ".agent-orchestration" });
  });
});
