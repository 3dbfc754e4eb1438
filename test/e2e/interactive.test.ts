// A PERSON at interactive Claude Code (not `claude -p`): after `story-orchestrator init`, they
// type the literal `/implement-stories 1.1-1.5` into the real CLI's input box and press Enter,
// and get the plugin's procedure, which runs to the end against the scripted model server.
// The terminal is a pseudo-terminal from util-linux `script` (see tui.ts); no tmux needed.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../helpers/built-cli.js";
import { startModelServer, type ModelServer } from "./model-server.js";
import { REPO_ROOT, git, makeHome, makeProject } from "./harness.js";
import { FIXTURE } from "./fixtures/project.js";
import { developerPolicy, orchestratorPolicy, reviewerPolicy, route, scopedOrchestrator } from "./policies.js";
import { InteractiveClaude, KEY, answerStartupPrompts, endInteractive } from "./tui.js";

const RUN_TIMEOUT = 15 * 60_000;
/** What the person types. The fixture's epic 1 is 1.1-1.3, so the range selects it, not epic 2. */
const SCOPE = "1.1-1.5";
const IN_SCOPE = ["1.1", "1.2", "1.3"];
const OUT_OF_SCOPE = ["2.1", "2.2"];

let server: ModelServer | undefined;
let claude: InteractiveClaude | undefined;

// dist/ is committed and CI checks it is fresh; this rebuilds only when it is stale, under the
// lock other test files share.
beforeAll(ensureBuilt, RUN_TIMEOUT);

afterEach(async () => {
  const [c, s] = [claude, server];
  claude = undefined;
  server = undefined;
  await endInteractive(c, s);
});

type StoryState = { storyId: string; status: string; reviews: { verdict: string; sha: string }[] };
const statePath = (project: string, id: string) => join(project, ".agent-orchestration", `story-${id}.json`);
function state(project: string, id: string): StoryState | null {
  try {
    return JSON.parse(readFileSync(statePath(project, id), "utf8")) as StoryState;
  } catch {
    return null;
  }
}

/** The plugin command's body lines that reach the model verbatim (no `!` line, no placeholder). */
function procedureLines(): string[] {
  const text = readFileSync(join(REPO_ROOT, "commands/implement-stories.md"), "utf8");
  const body = text.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, "");
  return body
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.includes("$ARGUMENTS") && !l.startsWith("!`") && !l.startsWith("```"));
}

describe("interactive Claude Code", () => {
  it(
    "a person types `/implement-stories 1.1-1.5`: the plugin's procedure runs the scope to the end",
    async () => {
      const started = Date.now();
      const project = realpathSync(makeProject(FIXTURE));
      // The one-step setup the README tells a person to do for the un-namespaced command.
      const init = execFileSync(process.execPath, [join(REPO_ROOT, "bin/story-orchestrator"), "init", "--cwd", project], { encoding: "utf8" });
      expect(init).toContain(join(project, ".claude/commands/implement-stories.md"));

      const o = orchestratorPolicy(project);
      server = await startModelServer({ policy: route({ main: scopedOrchestrator(o.policy), developer: developerPolicy(), reviewer: reviewerPolicy(new Set(["1.2"])) }) });

      // A person who has used Claude Code before and trusts this folder; the API key and
      // bypass-permissions questions are still to come (answered below, on screen).
      const home = makeHome();
      writeFileSync(join(home, ".claude.json"), JSON.stringify({ hasCompletedOnboarding: true, projects: { [project]: { hasTrustDialogAccepted: true } } }));

      claude = new InteractiveClaude({ project, serverUrl: server.url, home });
      const c = claude;
      const answered = await answerStartupPrompts(c, 90_000);
      expect(answered).toEqual(["api-key", "bypass"]);

      // Type the command like a person, check the input box holds it, then Enter.
      await c.type(`/implement-stories ${SCOPE}`);
      await c.waitForScreen(new RegExp(`^❯ /implement-stories ${SCOPE.replace(/\./g, "\\.")}$`, "m"), "the typed command in the input box", 30_000);
      await new Promise((r) => setTimeout(r, 500));
      c.press(KEY.enter);

      // Fails a wait at once when the CLI rejected the command or the scripted model broke.
      const unknown = () => /Unknown command/.test(c.text()) || /Unknown command/.test(c.printed);
      const guard = () => {
        if (unknown()) throw new Error(`The screen showed "Unknown command":\n${c.text()}`);
        if ((server?.errors.length ?? 0) > 0) throw new Error(`Model server errors: ${server?.errors.join("\n")}\nLast screen:\n${c.text()}`);
      };

      // The main session's first request arrives with the expanded command.
      const first = await c.waitFor(
        "the model server's first request from the main session",
        () => {
          guard();
          return server?.log.find((t) => t.who === "main");
        },
        120_000,
      );
      expect(first.firstUserText).not.toContain("Unknown command");
      expect(first.firstUserText).toContain("<command-name>/implement-stories</command-name>");
      expect(first.firstUserText).toContain(`<command-args>${SCOPE}</command-args>`);
      expect(first.firstUserText).toContain(`# Implement stories: ${SCOPE}`);
      const missing = procedureLines().filter((l) => !first.firstUserText.includes(l));
      expect(missing, "lines of commands/implement-stories.md missing from the first user message").toEqual([]);
      // The command's `!` line ran the engine for the typed scope before the prompt was sent.
      expect(first.firstUserText).toContain('"waves":[["1.1"],["1.2"],["1.3"]]');

      // Wait for the run to end: the orchestrator ran `summary`, every story of the scope is
      // Done, and the session is idle again with the orchestrator's last words on screen.
      await c.waitFor(
        "the run to finish (summary run, stories 1.1-1.3 Done)",
        () => {
          guard();
          return o.memo.finished && IN_SCOPE.every((id) => state(project, id)?.status === "Done");
        },
        RUN_TIMEOUT - 3 * 60_000,
        1_000,
      );
      await c.waitFor("the session to be idle after the run", () => /All stories are done/.test(c.screen.allText()) && !/esc to interrupt/.test(c.text()), 120_000);

      // Real outcomes in the project.
      const merges = git(project, "log", "--reverse", "--merges", "--format=%s", "main").split("\n");
      for (const id of IN_SCOPE) {
        expect(merges.filter((m) => m.startsWith(`Merge story ${id}:`)), `merge commits of story ${id}`).toHaveLength(1);
        expect(state(project, id)?.status).toBe("Done");
        expect(existsSync(join(project, "src", `story-${id}.txt`))).toBe(true);
      }
      expect(merges.indexOf("Merge story 1.1: Core model")).toBeLessThan(merges.indexOf("Merge story 1.2: Storage"));
      expect(merges.indexOf("Merge story 1.2: Storage")).toBeLessThan(merges.indexOf("Merge story 1.3: API"));
      // 1.2 went through a fix round: changes requested, then approved on the fix commit.
      expect(state(project, "1.2")?.reviews.map((r) => r.verdict)).toEqual(["changes-requested", "approved"]);
      // The scope held: epic 2 was neither started nor merged.
      for (const id of OUT_OF_SCOPE) {
        expect(merges.some((m) => m.startsWith(`Merge story ${id}:`)), `story ${id} is outside ${SCOPE}`).toBe(false);
        expect(state(project, id)?.status ?? "Not Started").toBe("Not Started");
      }
      expect(git(project, "branch", "--list", "story/2.*")).toBe("");
      const report = readFileSync(join(project, ".agent-orchestration/report.md"), "utf8");
      expect(report).toContain("1.3");

      // Leave like a person: /exit. Claude Code ends, and nothing of its session is left.
      await c.type("/exit");
      await c.waitForScreen(/^❯ \/exit$/m, "/exit in the input box", 30_000);
      await new Promise((r) => setTimeout(r, 500));
      c.press(KEY.enter);
      const code = await Promise.race([c.exited, new Promise<"hung">((r) => setTimeout(() => r("hung"), 60_000))]);
      expect(code, `Claude Code did not exit after /exit. Last screen:\n${c.text()}`).toBe(0);
      expect(await c.waitForNoProcesses(30_000), "processes left behind after /exit").toEqual([]);
      expect(unknown(), `the screen showed "Unknown command":\n${c.screen.allText()}`).toBe(false);
      console.log(`interactive: ${Math.round((Date.now() - started) / 1000)} s, ${server.log.length} model requests`);
    },
    RUN_TIMEOUT,
  );
});
