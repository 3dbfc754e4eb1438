// A typical PreToolUse hook call (a Bash command in the main session of a project with a run in
// progress: state files to read, every gate to pass) against `node -e 0`, the floor of any
// Node hook, measured in the same run and interleaved so machine noise hits both alike.
// Goal (issue): at most 1.3x. Reports; asserts nothing.
import { spawnSync, execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const HOOK = join(root, "dist/hook.mjs");
const ROUNDS = 40;

function fixture(): string {
  const dir = mkdtempSync(join(tmpdir(), "so-hook-bench-"));
  const state = join(dir, ".agent-orchestration");
  mkdirSync(state, { recursive: true });
  const ids = ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3"];
  writeFileSync(join(state, "orchestration-state.json"), JSON.stringify({ version: 1, stories: ids, scope: null }));
  for (const [i, id] of ids.entries()) {
    writeFileSync(
      join(state, `story-${id}.json`),
      JSON.stringify({ version: 1, storyId: id, status: i < 2 ? "Done" : "In Progress", agent: "general-developer", worktree: `.worktrees/agent-general-developer-${id}-20260101-000000`, branch: `story/${id}`, baseSha: "a".repeat(40), headSha: null, dependencies: [], reviews: [] }, null, 2),
    );
  }
  writeFileSync(join(state, "hooks.jsonl"), ids.map((id) => JSON.stringify({ t: "launch", at: "x", story: id, role: "developer", agentType: "story-orchestrator:general-developer", session: "s" })).join("\n") + "\n");
  return dir;
}

function time(cmd: string, args: string[], input: string, env: NodeJS.ProcessEnv): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { input, env, stdio: ["pipe", "pipe", "pipe"] });
  if (r.status !== 0) throw new Error(`Internal error: ${cmd} ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

export async function run(): Promise<string> {
  if (!existsSync(HOOK)) execFileSync(process.execPath, [join(root, "scripts/build.mjs")], { stdio: "inherit" });
  const dir = fixture();
  try {
    const payload = JSON.stringify({ session_id: "s", transcript_path: join(dir, "t.jsonl"), cwd: dir, hook_event_name: "PreToolUse", permission_mode: "bypassPermissions", tool_name: "Bash", tool_input: { command: "cd src && npm test -- --reporter dot 2>&1 | tail -5", description: "tests" }, tool_use_id: "toolu_1" });
    const env = { ...process.env, CLAUDE_PROJECT_DIR: dir };
    // The same call inside a headless worker: a story agent, so the safety rules judge it too.
    const wt = join(dir, ".worktrees/agent-general-developer-2.1-20260101-000000");
    const workerEnv = { ...env, STORY_ORCHESTRATOR_STORY: "2.1", STORY_ORCHESTRATOR_ROLE: "developer", STORY_ORCHESTRATOR_WORKTREE: wt };
    const workerPayload = payload.replace(`"cwd":${JSON.stringify(dir)}`, `"cwd":${JSON.stringify(wt)}`);
    const hook: number[] = [];
    const worker: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < 3; i++) time(process.execPath, [HOOK, "PreToolUse"], payload, env); // warm the file cache
    for (let i = 0; i < ROUNDS; i++) {
      floor.push(time(process.execPath, ["-e", "0"], "", env));
      hook.push(time(process.execPath, [HOOK, "PreToolUse"], payload, env));
      worker.push(time(process.execPath, [HOOK, "PreToolUse"], workerPayload, workerEnv));
    }
    const h = median(hook);
    const w = median(worker);
    const f = median(floor);
    return [
      `PreToolUse (Bash, run in progress, 6 stories): median ${h.toFixed(1)} ms over ${ROUNDS} runs`,
      `the same in a headless worker (safety rules): median ${w.toFixed(1)} ms`,
      `node -e 0:                                    median ${f.toFixed(1)} ms`,
      `ratio: ${(h / f).toFixed(2)}x, in a worker ${(w / f).toFixed(2)}x (goal: at most 1.30x)`,
    ].join("\n");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
