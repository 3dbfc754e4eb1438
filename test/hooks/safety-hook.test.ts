// The safety rules through the BUILT hook (dist/hook.mjs, as hooks.json runs it) inside a
// headless worker: the story and worktree come from the runner's environment variables, the
// denials land in the real journal, and `summary` counts them. A real repository, a story
// started by the real CLI.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, HOOK_BUNDLE, ensureBuilt } from "../helpers/built-cli.js";
import { cli, template } from "../engine/repo.js";

let root: string;
let wt: string;

beforeAll(async () => {
  await ensureBuilt();
  root = template([{ id: "1.1" }, { id: "1.2" }])();
  const started = cli(root, ["start", "1.1"]);
  expect(started.code).toBe(0);
  wt = join(root, started.json.worktree as string);
}, 120_000);

type Env = Record<string, string>;
const workerEnv = (): Env => ({ CLAUDE_PROJECT_DIR: wt, STORY_ORCHESTRATOR_STORY: "1.1", STORY_ORCHESTRATOR_ROLE: "developer", STORY_ORCHESTRATOR_WORKTREE: wt });

/** Runs the hook bundle as Claude Code does: the payload on stdin, the session's environment. */
function hook(payload: object, env: Env): string {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("STORY_ORCHESTRATOR_")));
  return execFileSync(process.execPath, [HOOK_BUNDLE, "PreToolUse"], { input: JSON.stringify(payload), env: { ...base, ...env }, encoding: "utf8" }).trim();
}
const bash = (command: string) => ({ session_id: "w1", cwd: wt, hook_event_name: "PreToolUse", tool_name: "Bash", tool_input: { command } });
const reasonOf = (out: string): string => (JSON.parse(out) as { hookSpecificOutput: { permissionDecision: string; permissionDecisionReason: string } }).hookSpecificOutput.permissionDecisionReason;
const denials = () =>
  readFileSync(join(root, ".agent-orchestration/journal.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { event: string; storyId?: string; data?: Record<string, unknown> })
    .filter((e) => e.event === "safety-denied");

describe("safety rules in a headless worker, through dist/hook.mjs", () => {
  it("denies a push, a migration and a delete outside the worktree, and logs each one", () => {
    expect(reasonOf(hook(bash("git add -A && git commit -qm wip && git push -u origin story/1.1"), workerEnv()))).toMatch(/^Safety rule gitPush: `git add -A && git commit -qm wip && git push -u origin story\/1\.1` was refused: story agents do not push;.*leave pushing to that person/);
    expect(reasonOf(hook(bash(`sh -c "npx prisma migrate deploy"`), workerEnv()))).toContain("it runs database migrations (Prisma)");
    expect(reasonOf(hook(bash(`rm -rf ${root}/docs`), workerEnv()))).toContain(`it deletes ${root}/docs, outside your story's worktree; your story's worktree is ${wt}`);
    expect(denials().map((e) => [e.storyId, e.data?.["rule"], e.data?.["role"], e.data?.["command"]])).toEqual([
      ["1.1", "gitPush", "developer", "git add -A && git commit -qm wip && git push -u origin story/1.1"],
      ["1.1", "migrations", "developer", `sh -c "npx prisma migrate deploy"`],
      ["1.1", "deleteOutsideWorktree", "developer", `rm -rf ${root}/docs`],
    ]);
  });

  it("lets ordinary work through, and the same push from the orchestrator's session", () => {
    expect(hook(bash(`rm -rf build && echo "git push when done" > NOTES.md && npm test`), workerEnv())).toBe("");
    expect(hook({ ...bash("git push origin main"), cwd: root }, { CLAUDE_PROJECT_DIR: root })).toBe("");
    expect(denials()).toHaveLength(3);
  });

  it("confines the worker's writes to its worktree (story and worktree from the environment)", () => {
    const writeTo = (file_path: string) => ({ session_id: "w1", cwd: wt, tool_name: "Write", tool_input: { file_path, content: "x" } });
    expect(hook(writeTo(join(wt, "src/a.ts")), workerEnv())).toBe("");
    expect(reasonOf(hook(writeTo(join(root, "README.md")), workerEnv()))).toBe(`You work on story 1.1 only inside its worktree ${wt}: Write of ${root}/README.md is not allowed. Use absolute paths under the worktree.`);
    // Not a safety rule: not counted as one.
    expect(denials()).toHaveLength(3);
  });

  it("answers the same through the CLI's `hook` verb", () => {
    const payload = bash("git push");
    const viaCli = execFileSync(process.execPath, [BIN, "hook", "PreToolUse", "--cwd", wt], { input: JSON.stringify(payload), env: { ...process.env, ...workerEnv() }, encoding: "utf8" }).trim();
    expect(viaCli).toBe(hook(payload, workerEnv()));
    expect(denials()).toHaveLength(5);
  });

  it("`summary` counts the denials per story and per rule", () => {
    const s = cli(root, ["summary"]);
    expect(s.code).toBe(0);
    expect(s.json.safetyDenials).toEqual({
      total: 5,
      byRule: { deleteOutsideWorktree: 1, gitPush: 3, migrations: 1 },
      byStory: { "1.1": { total: 5, byRule: { deleteOutsideWorktree: 1, gitPush: 3, migrations: 1 } } },
    });
    const text = readFileSync(join(root, ".agent-orchestration/report.md"), "utf8");
    expect(text).toContain("- Safety denials: 5\n");
    expect(text).toContain("## Safety denials\n\n- deleteOutsideWorktree: 1 (1.1: 1)\n- gitPush: 3 (1.1: 3)\n- migrations: 1 (1.1: 1)\n");
  });

  it("follows the project's config: a rule turned off, a command of its own with its reason", () => {
    const config = join(root, ".agent-orchestration/config.yaml");
    writeFileSync(config, 'maxParallel: 4\nsafety:\n  gitPush: allow\n  deny:\n    - command: terraform apply\n      reason: infrastructure changes go through the ops pipeline\n');
    // The safety rule is off; the engine's own rule that story branches move only through
    // `merge` still holds (git-guard), and is not counted as a safety denial.
    const before = denials().length;
    expect(reasonOf(hook(bash("git push origin story/1.1"), workerEnv()))).toMatch(/^Pushing story branches is reserved to the story-orchestrator engine/);
    expect(denials()).toHaveLength(before);
    expect(reasonOf(hook(bash("cd infra && terraform apply -auto-approve"), workerEnv()))).toContain(
      "Safety rule deny: terraform apply: `cd infra && terraform apply -auto-approve` was refused: infrastructure changes go through the ops pipeline.",
    );
    // Computed once, then read from the cache with the exact text it came from.
    expect(existsSync(join(root, ".agent-orchestration/cache/safety.json"))).toBe(true);
    expect(JSON.parse(readFileSync(join(root, ".agent-orchestration/cache/safety.json"), "utf8"))).toMatchObject({ text: readFileSync(config, "utf8"), rules: { gitPush: false, deny: [{ words: ["terraform", "apply"] }] } });
    expect(reasonOf(hook(bash("git push"), workerEnv()))).toMatch(/^Pushing story branches/);
    // A changed config is read again.
    writeFileSync(config, "maxParallel: 4\nsafety:\n  migrations: allow\n");
    expect(reasonOf(hook(bash("git push"), workerEnv()))).toMatch(/^Safety rule gitPush/);
    expect(hook(bash("npx prisma migrate deploy"), workerEnv())).toBe("");
    expect(denials().map((e) => e.data?.["rule"]).slice(-2)).toEqual(["deny: terraform apply", "gitPush"]);
  });

  it("an invalid safety section keeps every default rule, and `validate` names the line", () => {
    writeFileSync(join(root, ".agent-orchestration/config.yaml"), "maxParallel: 4\nsafety:\n  gitPush: maybe\n");
    expect(reasonOf(hook(bash("git push"), workerEnv()))).toMatch(/^Safety rule gitPush/);
    const v = cli(root, ["validate"]);
    expect(v.code).toBe(1);
    expect(v.json.errors).toContainEqual({ code: "invalid-config", message: 'safety.gitPush: expected one of deny, allow; got "maybe"', file: ".agent-orchestration/config.yaml", line: 3 });
  });
});
