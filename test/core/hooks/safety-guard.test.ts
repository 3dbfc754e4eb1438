// The safety rules as the PreToolUse hook applies them to story agents: many spellings of the
// same command, commands that only look like one, and each rule turned off.
import { describe, expect, it } from "vitest";
import { safetyGuard, type SafetyVerdict } from "../../../lib/core/hooks/safety-guard.js";
import { DEFAULT_SAFETY_RULES, safetyRulesOf, type SafetyRules } from "../../../lib/core/hooks/safety-rules.js";
import { storyAgentOf, workerEnvOf, type StoryAgent } from "../../../lib/core/hooks/story-agent.js";
import { preToolUse } from "../../../lib/core/hooks/pre-tool-use.js";
import { effectiveCommands, withoutHeredocText } from "../../../lib/core/hooks/effective-commands.js";
import { migrationOf } from "../../../lib/core/hooks/migration-commands.js";
import { parseLaunchPrompt } from "../../../lib/core/hooks/launch-prompt.js";
import { bash, snap, story, write, ROOT } from "./builders.js";

const WT = "/p/.worktrees/agent-general-developer-1.2-20260101-000000";
const dev: StoryAgent = { source: "worker", name: "developer", reviewer: false, story: "1.2", worktree: WT };

function judge(command: string, opts: { rules?: SafetyRules; agent?: StoryAgent | null; cwd?: string } = {}): SafetyVerdict {
  return safetyGuard({ payload: bash(command, { cwd: opts.cwd ?? WT }), agent: opts.agent === undefined ? dev : opts.agent, rules: opts.rules ?? DEFAULT_SAFETY_RULES, root: ROOT, cwd: opts.cwd ?? WT });
}
const ruleOf = (command: string, opts?: Parameters<typeof judge>[1]) => judge(command, opts).denial?.rule ?? "allowed";

describe("safety-guard: git push", () => {
  it.each([
    "git push",
    "git push origin story/1.2",
    "git push --force-with-lease",
    "git push --dry-run",
    "git -C /p push origin main",
    "git -c credential.helper= push",
    "/usr/bin/git push",
    "sudo -u deploy git push",
    "env GIT_TRACE=1 git push",
    "GIT_SSH_COMMAND=ssh git push",
    "timeout 30 git push",
    "npm test && git push",
    "false || git push",
    "git add -A; git commit -m x; git push -u origin HEAD",
    `sh -c "git push"`,
    `bash -lc 'cd /p && git push origin main'`,
    `bash -c "sh -c 'git push'"`,
    "eval git push",
    "echo $(git push)",
    "echo `git push`",
    'echo "done: $(git push 2>&1)"',
    'git commit -m "see `git push`"',
    "hub push",
    "git subtree push --prefix dist origin gh-pages",
    "git lfs push origin main",
    "bash <<EOF\ngit push\nEOF",
    "git branch -vv | xargs -n1 git push origin",
  ])("denies %s", (command) => {
    expect(ruleOf(command)).toBe("gitPush");
  });

  it.each([
    ["git push --help", "the manual changes nothing"],
    [`echo "git push"`, "text, not a command"],
    [`git commit -m "docs: explain git push to contributors"`, "a commit message"],
    [`grep -rn "git push" docs/`, "a search"],
    ["cat > CONTRIBUTING.md <<'EOF'\nRun git push when done.\nEOF", "a here-document written to a file"],
    ["git pull --rebase && git status", "other git commands"],
    ["git stash push -m wip", "`stash push` is not a push"],
  ])("allows %s (%s)", (command) => {
    expect(ruleOf(command)).toBe("allowed");
  });

  it("tells the agent what was denied, why, and what to do instead", () => {
    const v = judge("git push origin HEAD");
    expect(v.decision).toEqual({
      kind: "deny",
      gate: "safety-guard",
      reason:
        "Safety rule gitPush: `git push origin HEAD` was refused: story agents do not push; what leaves this machine, and when, is decided by the person who runs the orchestrator, after the review and the merge. " +
        "Commit your work on the story branch and leave pushing to that person; the engine merges the story once it is approved. (Safety rules: config `safety` in .agent-orchestration/config.yaml; only a person changes them.)",
    });
    expect(v.denial).toEqual({ story: "1.2", role: "developer", rule: "gitPush", command: "git push origin HEAD" });
  });
});

describe("safety-guard: database migrations", () => {
  it.each([
    ["npx prisma migrate deploy", "Prisma"],
    ["npx prisma migrate dev --name init", "Prisma"],
    ["pnpm exec prisma migrate reset --force", "Prisma"],
    ["yarn prisma db push", "Prisma"],
    ["alembic upgrade head", "Alembic"],
    ["poetry run alembic -c alembic.ini downgrade -1", "Alembic"],
    ["python -m alembic upgrade head", "Alembic"],
    ["rails db:migrate", "Rails"],
    ["bin/rails db:rollback STEP=1", "Rails"],
    ["bundle exec rake db:migrate", "Rails"],
    ["npx knex migrate:latest", "Knex"],
    ["flyway -url=jdbc:postgresql://x migrate", "Flyway"],
    ["npx sequelize-cli db:migrate", "Sequelize"],
    ["npx typeorm migration:run -d src/data-source.ts", "TypeORM"],
    ["npx typeorm-ts-node-commonjs migration:revert -d ds.ts", "TypeORM"],
    ["python manage.py migrate", "Django"],
    ["./manage.py migrate accounts 0003", "Django"],
    ["uv run python manage.py migrate", "Django"],
    ["docker compose exec web python manage.py migrate", "Django"],
    ["goose -dir db/migrations postgres \"$DB\" up", "goose"],
    ["dbmate up", "dbmate"],
    ["liquibase --changelog-file=db.xml update", "Liquibase"],
    ["migrate -path db -database postgres://x up", "golang-migrate"],
    ["diesel migration run", "Diesel"],
    ["sqlx migrate run", "SQLx"],
    ["mix ecto.migrate", "Ecto"],
    ["npx drizzle-kit push", "Drizzle"],
    ["php artisan migrate --force", "Laravel"],
    ["dotnet ef database update", "Entity Framework"],
    ["supabase db push", "Supabase"],
    ["npm run db:migrate", "the `db:migrate` script"],
    ["yarn migrate", "the `migrate` script"],
    ["make migrate", "the `migrate` script"],
  ])("denies %s (%s)", (command, label) => {
    expect(migrationOf(effectiveCommands(command, WT)[0]?.words ?? [])).toBe(label);
    const v = judge(command);
    expect(v.denial?.rule).toBe("migrations");
    expect(v.decision.kind === "deny" && v.decision.reason).toContain(`it runs database migrations (${label})`);
  });

  it.each([
    "npx prisma migrate dev --create-only --name add_users",
    "npx prisma migrate status",
    "npx prisma migrate diff --from-empty --to-schema-datamodel prisma/schema.prisma",
    "npx prisma generate",
    "python manage.py makemigrations",
    "python manage.py showmigrations",
    "alembic revision --autogenerate -m 'add users'",
    "alembic history",
    "npx knex migrate:make add_users",
    "rails db:migrate:status",
    "rails generate migration AddUsers",
    "npx typeorm migration:generate src/migrations/AddUsers -d ds.ts",
    "npm run migrate:create -- add-users",
    "npm test",
    `grep -rn "prisma migrate" docs/stories/1.2.story.md`,
    `echo "run alembic upgrade head after merging" >> NOTES.md`,
    "cat docs/stories/1.2.md | grep 'rails db:migrate'",
  ])("allows %s", (command) => {
    expect(ruleOf(command)).toBe("allowed");
  });

  it("does not read a story text written with a file tool", () => {
    const p = write(`${WT}/docs/notes.md`);
    p.tool_input = { file_path: `${WT}/docs/notes.md`, content: "Then run `npx prisma migrate deploy` and `git push`." };
    expect(safetyGuard({ payload: p, agent: dev, rules: DEFAULT_SAFETY_RULES, root: ROOT, cwd: WT }).decision.kind).toBe("allow");
  });
});

describe("safety-guard: deleting outside the worktree", () => {
  it.each([
    ["rm -rf ../other", "/p/.worktrees/other"],
    ["rm -rf /p/src", "/p/src"],
    ["rm /home/user/.bashrc", "/home/user/.bashrc"],
    ["cd .. && rm -rf agent-general-developer-1.1-20260101-000000", "/p/.worktrees/agent-general-developer-1.1-20260101-000000"],
    ["rm -- -weird ../x", "/p/.worktrees/x"],
    ["rmdir /p/docs/old", "/p/docs/old"],
    ["unlink /p/package.json", "/p/package.json"],
    ["find /p -name '*.orig' -delete", "/p"],
    ["find .. -name x -exec rm {} \\;", "/p/.worktrees"],
    ["git -C /p clean -fdx", "/p"],
    ["git -C /p rm -r src", "/p/src"],
    [`sh -c "rm -rf /p/node_modules"`, "/p/node_modules"],
    ["sudo rm -rf /var/lib/postgresql", "/var/lib/postgresql"],
  ])("denies %s", (command, where) => {
    const v = judge(command);
    expect(v.denial?.rule).toBe("deleteOutsideWorktree");
    expect(v.decision.kind === "deny" && v.decision.reason).toContain(`it deletes ${where}, outside your story's worktree; your story's worktree is ${WT}`);
  });

  it.each(["rm -rf $HOME/cache", "rm -rf ~/cache", 'rm -rf "$DIR"'])("denies a path it cannot resolve: %s", (command) => {
    const v = judge(command);
    expect(v.decision.kind === "deny" && v.decision.reason).toContain("a path that cannot be known before the command runs");
  });

  it("denies deleting the worktree itself", () => {
    expect(judge("rm -rf .").decision.kind === "deny" && (judge("rm -rf .").decision as { reason: string }).reason).toContain(`it deletes the worktree itself (${WT})`);
    expect(ruleOf(`rm -rf ${WT}`)).toBe("deleteOutsideWorktree");
  });

  it.each([
    "rm -rf dist node_modules/.cache",
    "rm src/old.ts",
    `rm -rf ${WT}/build`,
    "cd src && rm -f *.bak",
    "find . -name '*.pyc' -delete",
    "git clean -fdx",
    "git rm -r src/legacy",
    "git -C /p rm --cached x",
    "git -C /p clean -n",
    "rm -rf /tmp/build-cache",
    "find /p -name '*.orig'",
    "rmdir empty-dir",
    "ls /p && cat /p/README.md",
  ])("allows %s", (command) => {
    expect(ruleOf(command)).toBe("allowed");
  });

  it("with no known worktree, only scratch space is open", () => {
    const lost: StoryAgent = { ...dev, worktree: null };
    expect(ruleOf("rm -rf /tmp/x", { agent: lost })).toBe("allowed");
    const v = judge("rm -rf build", { agent: lost });
    expect(v.decision.kind === "deny" && v.decision.reason).toContain("your story's worktree is not known");
  });

  it("a project under /tmp is not scratch space", () => {
    const v = safetyGuard({ payload: bash("rm -rf /tmp/proj/src"), agent: { ...dev, worktree: "/tmp/proj/.worktrees/w" }, rules: DEFAULT_SAFETY_RULES, root: "/tmp/proj", cwd: "/tmp/proj/.worktrees/w" });
    expect(v.denial?.rule).toBe("deleteOutsideWorktree");
  });
});

describe("safety-guard: the project's own rules", () => {
  const rules = safetyRulesOf({
    gitPush: "allow",
    migrations: "allow",
    deleteOutsideWorktree: "allow",
    deny: ["terraform apply", { command: "kubectl delete", reason: "the cluster is shared; the ops team deletes resources" }, "npm publish", "aws s3 rm"],
  });

  it("turning a rule off lets its commands through", () => {
    expect(ruleOf("git push origin HEAD", { rules })).toBe("allowed");
    expect(ruleOf("npx prisma migrate deploy", { rules })).toBe("allowed");
    expect(ruleOf("rm -rf /p/src", { rules })).toBe("allowed");
  });

  it.each([
    ["terraform apply", "deny: terraform apply"],
    ["terraform -chdir=infra apply -auto-approve", "deny: terraform apply"],
    ["cd infra && terraform apply", "deny: terraform apply"],
    ["kubectl -n prod delete pod web-1", "deny: kubectl delete"],
    ["npx npm publish", "deny: npm publish"],
    [`bash -c "aws s3 rm s3://bucket/x --recursive"`, "deny: aws s3 rm"],
  ])("denies %s", (command, rule) => {
    expect(ruleOf(command, { rules })).toBe(rule);
  });

  it.each(["terraform plan", "kubectl get pods", "echo terraform apply", "npm publish-docs", "aws s3 ls"])("allows %s", (command) => {
    expect(ruleOf(command, { rules })).toBe("allowed");
  });

  it("gives the project's reason", () => {
    const v = judge("kubectl delete ns staging", { rules });
    expect(v.decision.kind === "deny" && v.decision.reason).toContain("Safety rule deny: kubectl delete: `kubectl delete ns staging` was refused: the cluster is shared; the ops team deletes resources. Do not work around it");
  });
});

describe("safety-guard: who is judged", () => {
  it("not the orchestrator, a person or another plugin's agent", () => {
    expect(ruleOf("git push", { agent: null })).toBe("allowed");
    const s = snap([story("1.2")]);
    expect(storyAgentOf(bash("git push"), s, null, null)).toBeNull();
    expect(storyAgentOf(bash("git push", { agent_id: "x", agent_type: "general-purpose" }), s, null, null)).toBeNull();
  });

  it("a subagent of ours, from its launch prompt", () => {
    const launch = parseLaunchPrompt(`Story: 1.2\nWorktree: ${WT}`);
    const p = bash("git push", { agent_id: "a1", agent_type: "story-orchestrator:general-developer", cwd: WT });
    const v = preToolUse({ payload: p, snap: snap([story("1.2")]), launch });
    expect(v.safety).toEqual({ story: "1.2", role: "general-developer", rule: "gitPush", command: "git push" });
  });

  it("a reviewer subagent too", () => {
    const launch = parseLaunchPrompt(`Review: 1.2\nWorktree: ${WT}\nHead: ${"b".repeat(40)}`);
    const p = bash("npx prisma migrate deploy", { agent_id: "a2", agent_type: "story-orchestrator:code-reviewer", cwd: WT });
    expect(preToolUse({ payload: p, snap: snap([story("1.2")]), launch }).safety).toMatchObject({ story: "1.2", role: "code-reviewer", rule: "migrations" });
  });

  it("a headless worker, from the runner's environment", () => {
    const worker = workerEnvOf({ STORY_ORCHESTRATOR_STORY: "1.2", STORY_ORCHESTRATOR_ROLE: "developer", STORY_ORCHESTRATOR_WORKTREE: WT });
    expect(worker).toEqual({ story: "1.2", role: "developer", worktree: WT });
    const v = preToolUse({ payload: bash("git push origin story/1.2", { cwd: WT }), snap: snap([story("1.2")]), launch: null, worker });
    // The safety rule answers (and is logged), not the git guard's story-branch rule.
    expect(v.safety).toEqual({ story: "1.2", role: "developer", rule: "gitPush", command: "git push origin story/1.2" });
    expect(workerEnvOf({})).toBeNull();
    expect(workerEnvOf({ STORY_ORCHESTRATOR_STORY: "1.2", STORY_ORCHESTRATOR_WORKTREE: "relative/path" })).toEqual({ story: "1.2", role: "developer", worktree: null });
  });

  it("the orchestrator's own push of a story branch is still the git guard's", () => {
    const v = preToolUse({ payload: bash("git push origin story/1.2"), snap: snap([story("1.2")]), launch: null });
    expect(v.safety).toBeUndefined();
    expect(v.decision).toMatchObject({ kind: "deny", gate: "git-guard" });
  });
});

describe("effective-commands", () => {
  it("reads nested shells, wrappers and here-documents", () => {
    expect(effectiveCommands(`cd sub && sudo -u x env A=1 timeout -s KILL 5 sh -c 'npm test; git status'`, "/w").map((c) => [c.words, c.dir])).toEqual([
      [["cd", "sub"], "/w"],
      [["npm", "test"], "/w/sub"],
      [["git", "status"], "/w/sub"],
    ]);
    expect(withoutHeredocText("cat > a.md <<'EOF'\ngit push\nEOF\nnpm test")).toBe("cat > a.md <<'EOF'\nnpm test");
    expect(withoutHeredocText("bash <<-EOF\n\tgit push\n\tEOF")).toBe("bash <<-EOF\n\tgit push\n");
  });
});
