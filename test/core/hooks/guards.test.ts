import { describe, expect, it } from "vitest";
import { stateDirGuard } from "../../../lib/core/hooks/state-dir-guard.js";
import { gitGuard } from "../../../lib/core/hooks/git-guard.js";
import { engineCommandGuard } from "../../../lib/core/hooks/engine-command-guard.js";
import { parseCommand } from "../../../lib/core/hooks/shell-words.js";
import { bash, ROOT, write } from "./builders.js";

const kind = (d: { kind: string }) => d.kind;

describe("shell-words", () => {
  it("follows cd, quotes and redirections", () => {
    const p = parseCommand(`cd "sub dir" && echo 'a > b' > out.txt 2>/dev/null; git -C x status`, "/p");
    expect(p.commands.map((c) => [c.words, c.redirects, c.dir])).toEqual([
      [["cd", "sub dir"], [], "/p"],
      [["echo", "a > b"], ["/p/sub dir/out.txt"], "/p/sub dir"],
      [["git", "-C", "x", "status"], [], "/p/sub dir"],
    ]);
    expect(p.opaque).toBe(false);
    expect(parseCommand("echo $(cat f)", "/p").opaque).toBe(true);
  });
});

describe("state-dir-guard", () => {
  it.each([
    ["Write into the state dir", write("/p/.agent-orchestration/story-1.1.json")],
    ["Write with a relative path", write(".agent-orchestration/config.yaml")],
    ["redirect", bash("echo '{}' > .agent-orchestration/story-1.1.json")],
    ["append", bash("cd .agent-orchestration && echo x >> journal.jsonl")],
    ["rm", bash("rm -f .agent-orchestration/story-1.1.json")],
    ["sed -i", bash("sed -i s/Done/x/ .agent-orchestration/story-1.1.json")],
    ["python", bash("python3 -c 'open(\".agent-orchestration/x\",\"w\")'")],
    ["a command inside the dir", bash("cd .agent-orchestration; touch x")],
    ["substitution", bash("cat $(ls .agent-orchestration)")],
  ])("denies %s", (_name, payload) => {
    const d = stateDirGuard(payload, ROOT);
    expect(d.kind).toBe("deny");
    expect(d.kind === "deny" && d.reason).toContain("story-orchestrator next --json");
  });
  it.each([
    ["reading", bash("cat .agent-orchestration/story-1.1.json | jq .status")],
    ["listing", bash("ls -la .agent-orchestration/")],
    ["the engine", bash("story-orchestrator status --cwd .agent-orchestration/..")],
    ["git log", bash("git log -- .agent-orchestration/config.yaml")],
    ["other files", write("/p/src/a.ts")],
    ["unrelated commands", bash("npm test > out.txt")],
  ])("allows %s", (_name, payload) => {
    expect(kind(stateDirGuard(payload, ROOT))).toBe("allow");
  });
});

describe("git-guard", () => {
  it.each([
    "git merge story/1.1",
    "git merge --no-ff story/1.1 -m x",
    "cd .worktrees/agent-x-1.1-1 && git merge main",
    "git branch -D story/1.1",
    "git branch -d story/1.1",
    "git branch --delete story/2.1",
    "git worktree remove .worktrees/agent-general-developer-1.1-20260101-000000",
    "git worktree remove --force /p/.worktrees/x",
    "git worktree prune",
    "git -C .worktrees/agent-x-1.1-1 reset --hard HEAD~1",
    "git reset --hard story/1.1",
    "git push origin story/1.1",
    "git update-ref refs/heads/story/1.1 HEAD",
  ])("denies `%s` with the legal next step", (cmd) => {
    const d = gitGuard(bash(cmd), ROOT, ROOT);
    expect(d.kind).toBe("deny");
    expect(d.kind === "deny" && d.reason).toMatch(/story-orchestrator (merge|cleanup|fail)/);
  });
  it.each(["git status", "git log story/1.1", "git diff main..story/1.1", "git merge feature-x", "git branch -D old-topic", "git reset --hard", "git worktree list", "cd .worktrees/agent-x-1.1-1 && git commit -m x"])(
    "allows `%s`",
    (cmd) => {
      expect(kind(gitGuard(bash(cmd), ROOT, ROOT))).toBe("allow");
    },
  );
});

describe("engine-command-guard", () => {
  it.each(["story-orchestrator review 1.1 --verdict approved", "node bin/story-orchestrator review 1.1 --verdict approved", "echo {} | story-orchestrator hook SubagentStop", "node /x/dist/hook.mjs PostToolUse"])(
    "denies `%s`",
    (cmd) => {
      const d = engineCommandGuard(bash(cmd), ROOT);
      expect(d.kind).toBe("deny");
    },
  );
  it("names the legal way to get a review", () => {
    const d = engineCommandGuard(bash("story-orchestrator review 1.1 --verdict approved"), ROOT);
    expect(d.kind === "deny" && d.reason).toContain('"Review: <id>"');
  });
  it.each(["story-orchestrator merge 1.1 --json", "story-orchestrator next --json", "story-orchestrator status"])("allows `%s`", (cmd) => {
    expect(kind(engineCommandGuard(bash(cmd), ROOT))).toBe("allow");
  });
});
