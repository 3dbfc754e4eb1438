// The plugin in the real Claude Code CLI: it validates, loads (commands, agents, hooks), its
// command runs the engine before the prompt is sent, and the `init` alias makes the literal
// `/implement-stories` work.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startModelServer, type ModelServer, type Turn } from "./model-server.js";
import { CLAUDE_BIN, REPO_ROOT, makeHome, makeProject, resultEvent, runClaude } from "./harness.js";
import { ensureBuilt } from "../helpers/built-cli.js";
import { FIXTURE } from "./fixtures/project.js";

const E2E_TIMEOUT = 10 * 60_000;
let server: ModelServer;
const mainTurns: Turn[] = [];

beforeAll(async () => {
  await ensureBuilt();
  server = await startModelServer({
    policy: (t) => {
      if (t.who === "main") mainTurns.push(t);
      return { text: "Plan received." };
    },
  });
}, E2E_TIMEOUT);

afterAll(async () => {
  await server?.close();
});

describe("plugin in Claude Code", () => {
  it("passes `claude plugin validate --strict` for the plugin and the marketplace", () => {
    for (const target of [".claude-plugin/plugin.json", "."]) {
      const out = execFileSync(CLAUDE_BIN, ["plugin", "validate", "--strict", target], { cwd: REPO_ROOT, encoding: "utf8", env: { ...process.env, HOME: makeHome() } });
      expect(out).toContain("Validation passed");
    }
  });

  it(
    "loads its commands and agents, and /story-orchestrator:implement-stories hands the engine's plan to the model",
    async () => {
      const project = makeProject(FIXTURE);
      mainTurns.length = 0;
      const run = await runClaude({ project, prompt: "/story-orchestrator:implement-stories 1.1-1.3", serverUrl: server.url });
      expect(run.noise).toEqual([]);
      const init = run.events.find((e) => e.type === "system" && e.subtype === "init") as Record<string, unknown>;
      expect(init["slash_commands"]).toEqual(expect.arrayContaining(["story-orchestrator:implement-stories", "story-orchestrator:story-status", "story-orchestrator:resume-stories"]));
      const agents = init["agents"] as string[];
      for (const a of ["python-developer", "golang-developer", "react-developer", "nextjs-developer", "frontend-design", "general-developer", "code-reviewer", "security-reviewer"]) {
        expect(agents).toContain(`story-orchestrator:${a}`);
      }
      expect(mainTurns.length).toBeGreaterThan(0);
      const first = mainTurns[0]!.firstUserText;
      expect(first).toContain('"criticalPath":["1.1","1.2","1.3"]');
      expect(first).toContain('"waves":[["1.1"],["1.2"],["1.3"]]');
      expect(resultEvent(run.events)?.["subtype"]).toBe("success");
      // Hooks ran and none failed.
      const hookResponses = run.events.filter((e) => e.type === "system" && e.subtype === "hook_response");
      expect(hookResponses.length).toBeGreaterThan(0);
      for (const h of hookResponses) expect(h["exit_code"] ?? 0).toBe(0);
    },
    E2E_TIMEOUT,
  );

  it(
    "`story-orchestrator init` makes the literal /implement-stories run the same procedure",
    async () => {
      const project = makeProject(FIXTURE);
      const out = execFileSync(process.execPath, [join(REPO_ROOT, "bin/story-orchestrator"), "init", "--cwd", project], { encoding: "utf8" });
      expect(out).toContain(join(project, ".claude/commands/implement-stories.md"));
      mainTurns.length = 0;
      const run = await runClaude({ project, prompt: "/implement-stories 2.1-2.2", serverUrl: server.url });
      expect(resultEvent(run.events)?.["subtype"]).toBe("success");
      expect(mainTurns[0]?.firstUserText).toContain('"waves":[["2.1"],["2.2"]]');
      expect(mainTurns[0]?.firstUserText).not.toContain("Unknown command");
    },
    E2E_TIMEOUT,
  );
});
