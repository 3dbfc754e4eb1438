// What a PERSON sees on the screen of interactive Claude Code while `/implement-stories 1.1-1.2`
// runs: the agents launched and finished, each merge with its outcome, the orchestrator's words,
// and NOT a wall of the engine's own state files. Claude Code 2.1.328 (in bypass-permissions
// mode) shows under a Bash call a diff of the files in the repository that changed while the
// command ran ("Updated .agent-orchestration/journal.jsonl +1" and its lines), for every file
// git does not ignore. Its snapshot copies `.git/info/exclude` once, at the session's first Bash
// command, so the lines the engine adds there later do not count; a `.gitignore` inside the
// folder is read afresh (adapters/state-store/ignore-file.ts). A Bash call that changed no file
// is folded into "Ran N shell commands" by 2.1.328, so of the engine's calls only the merges,
// which change the project, stay on screen there; 2.1.197 shows every call with its output.
// Runs with the pinned Claude Code, and with CLAUDE_CODE_BIN pointing at another release.
import { execFileSync } from "node:child_process";
import { readFileSync, realpathSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../helpers/built-cli.js";
import { startModelServer, type ModelServer } from "./model-server.js";
import { REPO_ROOT, git, makeHome, makeProject } from "./harness.js";
import { FIXTURE } from "./fixtures/project.js";
import { developerPolicy, orchestratorPolicy, reviewerPolicy, route, scopedOrchestrator } from "./policies.js";
import { InteractiveClaude, KEY, answerStartupPrompts, endInteractive } from "./tui.js";

const RUN_TIMEOUT = 12 * 60_000;
const SCOPE = "1.1-1.2";
const IN_SCOPE = ["1.1", "1.2"];

let server: ModelServer | undefined;
let claude: InteractiveClaude | undefined;

beforeAll(ensureBuilt, RUN_TIMEOUT);

afterEach(async () => {
  const [c, s] = [claude, server];
  claude = undefined;
  server = undefined;
  await endInteractive(c, s);
});

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function status(project: string, id: string): string | null {
  try {
    return (JSON.parse(readFileSync(join(project, ".agent-orchestration", `story-${id}.json`), "utf8")) as { status: string }).status;
  } catch {
    return null;
  }
}

/** Text without any whitespace. */
const squash = (s: string): string => s.replace(/\s+/g, "");

/** A story's file in the fixture ("docs/stories/1.1.core-model.md"), as Claude Code names it in a diff. */
const storyFile = (id: string): string => Object.keys(FIXTURE).find((f) => f.startsWith(`docs/stories/${id}.`)) ?? `docs/stories/${id}.?`;

/** Lines that are Claude Code's file-change view of a state or worktree path ("Updated .agent-orchestration/journal.jsonl +1"). */
const STATE_DIFF = /^.*\b(?:Created|Updated|Deleted) \S*(?:\.agent-orchestration|\.worktrees)\/.*$/gm;

describe("what the screen shows during a run", () => {
  it(
    "`/implement-stories 1.1-1.2`: the agents' progress and the merges, no diffs of .agent-orchestration/",
    async () => {
      const started = Date.now();
      const project = realpathSync(makeProject(FIXTURE));
      execFileSync(process.execPath, [join(REPO_ROOT, "bin/story-orchestrator"), "init", "--cwd", project], { encoding: "utf8" });

      const o = orchestratorPolicy(project);
      server = await startModelServer({ policy: route({ main: scopedOrchestrator(o.policy), developer: developerPolicy(), reviewer: reviewerPolicy(new Set()) }) });
      const home = makeHome();
      writeFileSync(join(home, ".claude.json"), JSON.stringify({ hasCompletedOnboarding: true, projects: { [project]: { hasTrustDialogAccepted: true } } }));

      claude = new InteractiveClaude({ project, serverUrl: server.url, home });
      const c = claude;
      expect(await answerStartupPrompts(c, 90_000)).toEqual(["api-key", "bypass"]);

      await c.type(`/implement-stories ${SCOPE}`);
      await c.waitForScreen(new RegExp(`^❯ /implement-stories ${SCOPE.replace(/\./g, "\\.")}$`, "m"), "the typed command in the input box", 30_000);
      await sleep(500);
      c.press(KEY.enter);

      // Every screen seen while the run goes on: a diff shown for a moment and then redrawn away counts too.
      const seen = new Set<string>();
      const screens = new Set<string>();
      const look = () => {
        const text = c.text();
        screens.add(squash(text));
        for (const m of text.matchAll(STATE_DIFF)) seen.add(m[0].trim());
        if ((server?.errors.length ?? 0) > 0) throw new Error(`Model server errors: ${server?.errors.join("\n")}\nLast screen:\n${c.text()}`);
      };
      await c.waitFor(
        "the run to finish (summary run, stories 1.1-1.2 Done)",
        () => {
          look();
          return o.memo.finished && IN_SCOPE.every((id) => status(project, id) === "Done");
        },
        RUN_TIMEOUT - 3 * 60_000,
      );
      await c.waitFor(
        "the session to be idle after the run",
        () => {
          look();
          return /All stories are done/.test(c.screen.allText()) && !/esc to interrupt/.test(c.text());
        },
        120_000,
      );
      const all = c.screen.allText();
      const dump = process.env["SCREEN_DUMP_DIR"];
      if (dump) {
        writeFileSync(join(dump, "screen.txt"), all);
        writeFileSync(join(dump, "printed.txt"), c.printed);
      }
      // Everything ever drawn, as one string without blanks: the CLI moves the cursor over runs
      // of spaces instead of printing them, and 2.1.328 keeps no scrollback for xterm to read.
      // The raw stream alone is not enough: a line redrawn over a similar one ('Agent "Story 1.2"
      // finished' over 'Agent "Review 1.2" ...') is printed as only the characters that changed,
      // so a text counts as drawn when it is in the stream or on any screen looked at.
      const drawn = squash(c.printed);
      screens.add(squash(all));
      const wasDrawn = (text: string) => drawn.includes(squash(text)) || [...screens].some((s) => s.includes(squash(text)));
      for (const m of all.matchAll(STATE_DIFF)) seen.add(m[0].trim());
      for (const m of drawn.matchAll(/(?:Created|Updated|Deleted)(?:\.agent-orchestration|\.worktrees)\/[A-Za-z0-9._/-]{0,80}/g)) seen.add(m[0]);

      // The run really happened.
      const merges = git(project, "log", "--merges", "--format=%s", "main");
      for (const id of IN_SCOPE) expect(merges).toContain(`Merge story ${id}:`);

      // Not on the screen: the engine's state files as diffs.
      expect([...seen], `state files shown as diffs; the last screen:\n${all}`).toEqual([]);

      // On the screen: each story's developer and reviewer, launched and finished, each merge
      // with its outcome, and the orchestrator's last words.
      const missing: string[] = [];
      for (const id of IN_SCOPE) {
        for (const text of [
          `story-orchestrator:general-developer(Story ${id})`,
          `Agent "Story ${id}" finished`,
          `story-orchestrator:code-reviewer(Review ${id})`,
          `Agent "Review ${id}" finished`,
          `Bash(story-orchestrator merge ${id} --json)`,
        ])
          if (!wasDrawn(text)) missing.push(text);
      }
      for (const text of ['"status": "Done"', "All stories are done"]) if (!wasDrawn(text)) missing.push(text);
      expect(missing, `not drawn on the screen; the last screen:\n${all}`).toEqual([]);
      // A Claude Code that shows what a Bash command changed (2.1.328 in bypass mode) still
      // shows what a merge changed in the project: the story file that became Done.
      const diffView = wasDrawn("files that changed while this command ran");
      if (diffView) for (const id of IN_SCOPE) expect(drawn).toContain(squash(`Updated ${storyFile(id)}`));

      console.log(`screen: ${Math.round((Date.now() - started) / 1000)} s, ${server.log.length} model requests, Bash diff view ${diffView ? "seen" : "not seen"}`);
    },
    RUN_TIMEOUT,
  );
});
