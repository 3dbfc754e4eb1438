// The three end-to-end flows of the plugin in the real Claude Code CLI, driven by the scripted
// model server: (1) the full run on the fixture project, (2) a model that misbehaves in every
// way the hooks forbid, (3) a session killed mid-run and a new one that resumes. Each run is
// a real `claude -p` with this repository as its plugin, in a fresh temp git project.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { startModelServer, type ModelServer, type Policy, type ToolCall, type ToolResult } from "./model-server.js";
import { git, makeHome, makeProject, resultEvent, runClaude, type StreamEvent } from "./harness.js";
import { ensureBuilt } from "../helpers/built-cli.js";
import { FIXTURE } from "./fixtures/project.js";
import { parseLaunchPrompt } from "../../lib/core/hooks/launch-prompt.js";
import { developerPolicy, orchestratorPolicy, reviewerPolicy, route, type OrchestratorMemo } from "./policies.js";

const RUN_TIMEOUT = 12 * 60_000;
const IDS = ["1.1", "1.2", "1.3", "2.1", "2.2"];
let server: ModelServer | undefined;

beforeAll(ensureBuilt, RUN_TIMEOUT);
afterEach(async () => {
  expect(server?.errors ?? []).toEqual([]);
  await server?.close();
  server = undefined;
});

type StoryState = { storyId: string; status: string; headSha: string | null; baseSha: string | null; fixRounds: number; tokens: number | null; reviews: { reviewer: string; verdict: string; sha: string }[] };

function state(project: string, id: string): StoryState {
  return JSON.parse(readFileSync(join(project, ".agent-orchestration", `story-${id}.json`), "utf8")) as StoryState;
}

const bash = (command: string): ToolCall => ({ name: "Bash", input: { command, description: "x" } });

/** The main session's assistant messages, their content blocks joined by message id. */
function mainMessages(events: StreamEvent[]): { type: string; name?: string; input?: Record<string, unknown> }[][] {
  const byId = new Map<string, { type: string; name?: string; input?: Record<string, unknown> }[]>();
  for (const e of events) {
    if (e.type !== "assistant" || e["parent_tool_use_id"]) continue;
    const m = e["message"] as { id: string; content: { type: string; name?: string; input?: Record<string, unknown> }[] };
    byId.set(m.id, [...(byId.get(m.id) ?? []), ...m.content]);
  }
  return [...byId.values()];
}

/** Bytes of text the orchestrating model read from the engine and the hooks. */
function bytesRead(memo: OrchestratorMemo, events: StreamEvent[]): number {
  let n = [...memo.engineBytes.values()].reduce((a, b) => a + b, 0);
  for (const e of events) {
    if (e.type !== "system" || e.subtype !== "hook_response") continue;
    const out = String(e["output"] ?? "");
    if (!out.trim()) continue;
    try {
      const j = JSON.parse(out) as { reason?: string; hookSpecificOutput?: { additionalContext?: string; permissionDecisionReason?: string } };
      n += Buffer.byteLength(j.reason ?? j.hookSpecificOutput?.additionalContext ?? j.hookSpecificOutput?.permissionDecisionReason ?? "");
    } catch {
      continue;
    }
  }
  return n;
}

/**
 * What the model was sent during a story's fix round: the developer requests for that story
 * that carry the `Fix round:` block (a fresh developer's every request; a continued one's from
 * the message on). Tokens are estimated as request bytes / 4 (the scripted server has no tokenizer).
 */
function fixRoundTokens(srv: ModelServer, id: string): { requests: number; tokens: number } {
  const turns = srv.log.filter((t) => t.who !== "main" && !t.who.endsWith("-reviewer") && parseLaunchPrompt(t.firstUserText)?.id === id);
  const fix = turns.filter((t) => JSON.stringify(t.body["messages"]).includes("Fix round:"));
  return { requests: fix.length, tokens: Math.round(fix.reduce((n, t) => n + JSON.stringify(t.body).length, 0) / 4) };
}

/** What every correct run ends with: all stories merged once, reviewed on the merged commits. */
function expectFinishedRun(project: string): void {
  const log = git(project, "log", "--format=%s", "main");
  for (const id of IDS) {
    expect(log.split("\n").filter((l) => l.startsWith(`Merge story ${id}`))).toHaveLength(1);
    // Work was never redone: one implementation commit per story in the whole repository.
    expect(git(project, "log", "--all", "--format=%s").split("\n").filter((l) => l === `story ${id}: implement`)).toHaveLength(1);
    const st = state(project, id);
    expect(st.status).toBe("Done");
    // The last approval covers the commit that was merged (the story branch tip before the merge).
    const approved = st.reviews.filter((r) => r.verdict === "approved");
    expect(approved.length).toBeGreaterThan(0);
    expect(git(project, "merge-base", "--is-ancestor", approved[approved.length - 1]!.sha, "main")).toBe("");
    expect(existsSync(join(project, "src", `story-${id}.txt`))).toBe(true);
  }
  expect(git(project, "status", "--porcelain", "--untracked-files=no")).toBe("");
  const storyFiles = readdirSync(join(project, "docs/stories"));
  for (const f of storyFiles) expect(readFileSync(join(project, "docs/stories", f), "utf8")).toMatch(/Done/);
}

describe("flow 1: the full run", () => {
  it(
    "starts stories in parallel, records reviews against the right commits, merges, summarises",
    async () => {
      const project = makeProject(FIXTURE);
      // Two fix rounds: 2.1's developer is continued (SendMessage), 1.2 gets a fresh one.
      const o = orchestratorPolicy(project, { freshFixRounds: new Set(["1.2"]) });
      server = await startModelServer({ policy: route({ main: o.policy, developer: developerPolicy(), reviewer: reviewerPolicy(new Set(["2.1", "1.2"])) }) });
      const run = await runClaude({ project, prompt: "/story-orchestrator:implement-stories", serverUrl: server.url, timeoutMs: RUN_TIMEOUT });
      expect(resultEvent(run.events)?.["subtype"]).toBe("success");
      expect(o.memo.finished).toBe(true);
      expectFinishedRun(project);

      // Both stories of wave 0 were launched in one message, in the background.
      const launches = mainMessages(run.events).map((blocks) => blocks.filter((b) => b.name === "Agent" && String(b.input?.["prompt"]).startsWith("Story:")));
      const firstLaunch = launches.find((l) => l.length > 0)!;
      expect(firstLaunch.map((b) => String(b.input?.["prompt"]).split("\n")[0]).sort()).toEqual(["Story: 1.1", "Story: 2.1"]);
      expect(firstLaunch.every((b) => b.input?.["run_in_background"] === true)).toBe(true);

      // 2.1: changes requested on its first commit, approved on the fix commit.
      const s21 = state(project, "2.1");
      const first = git(project, "log", "--all", "--format=%H", "--grep=^story 2.1: implement$");
      const fix = git(project, "log", "--all", "--format=%H", "--grep=^story 2.1: fix review findings$");
      expect(s21.reviews.map((r) => [r.reviewer, r.verdict, r.sha])).toEqual([
        ["code-reviewer", "changes-requested", first],
        ["code-reviewer", "approved", fix],
      ]);
      expect(s21.fixRounds).toBe(1);
      expect(state(project, "1.2").reviews.map((r) => r.verdict)).toEqual(["changes-requested", "approved"]);

      // The continued developer's fix round was let through and recorded like a launch's; it
      // cost the model fewer tokens than the fresh developer's, which read everything again.
      expect(o.memo.fixRounds.map((f) => `${f.story}:${f.how}`).sort()).toEqual(["1.2:fresh", "2.1:continued"]);
      expect(o.memo.denials.filter((d) => d.call.name === "SendMessage")).toEqual([]);
      const cont = fixRoundTokens(server, "2.1");
      const fresh = fixRoundTokens(server, "1.2");
      console.log(`flow 1: tokens sent to the model per fix round (request bytes / 4): continued developer ${cont.tokens} in ${cont.requests} requests, fresh developer ${fresh.tokens} in ${fresh.requests} requests (${(cont.tokens / fresh.tokens).toFixed(2)}x)`);
      expect(cont.requests).toBeGreaterThan(0);
      expect(cont.tokens).toBeLessThan(fresh.tokens);
      expect(state(project, "1.1").tokens).toBeGreaterThan(0);
      // Dependencies merged in order along the chain.
      const merges = git(project, "log", "--reverse", "--format=%s", "--merges", "main").split("\n");
      expect(merges.indexOf("Merge story 1.1: Core model")).toBeLessThan(merges.indexOf("Merge story 1.2: Storage"));
      expect(merges.indexOf("Merge story 1.2: Storage")).toBeLessThan(merges.indexOf("Merge story 1.3: API"));
      expect(readFileSync(join(project, ".agent-orchestration/report.md"), "utf8")).toContain("1.3");

      const perStory = bytesRead(o.memo, run.events) / IDS.length;
      console.log(`flow 1: engine and hook output read by the orchestrator: ${Math.round(perStory)} bytes per story (${JSON.stringify([...o.memo.engineBytes])})`);
      expect(perStory).toBeLessThan(2048);
    },
    RUN_TIMEOUT,
  );
});

describe("flow 2: a model that misbehaves", () => {
  it(
    "has every forbidden step denied, and the run still ends correct",
    async () => {
      const project = makeProject(FIXTURE);
      const o = orchestratorPolicy(project, {
        misbehaviours: [
          { name: "edit-state", when: "at-start", call: () => bash(`echo '{"status":"Done"}' > .agent-orchestration/story-1.1.json`) },
          { name: "launch-unready", when: "at-start", call: (m) => ({ name: "Agent", input: { description: "Story 1.2", subagent_type: "story-orchestrator:general-developer", run_in_background: true, prompt: `Story: 1.2\nWorktree: ${m.project}\nBranch: story/1.2\nStory file: docs/stories/1.2.storage.md` } }) },
          { name: "self-review", when: "after-launch", call: (_m, id) => bash(`story-orchestrator review ${id} --verdict approved`) },
          { name: "git-merge", when: "after-approval", call: (_m, id) => bash(`git merge --no-ff story/${id} -m sneaky`) },
          { name: "write-state", when: "after-approval", call: (m) => ({ name: "Write", input: { file_path: `${m.project}/.agent-orchestration/story-9.9.json`, content: "{}" } }) },
          // Last: stopping ends the turn, so approvals that arrived in the same message are
          // merged through the Stop hook's next steps and no longer pass here.
          { name: "stop-early", when: "after-approval", call: () => "stop" },
        ],
      });
      let strayTried = false;
      const strayResults: ToolResult[] = [];
      const strayDeveloper = developerPolicy({
        strayWrite: (wt) => {
          if (strayTried) return null;
          strayTried = true;
          return { name: "Write", input: { file_path: `${wt.split("/.worktrees/")[0]}/src/stray.txt`, content: "outside the worktree\n" } };
        },
      });
      const developer: Policy = (t) => {
        strayResults.push(...t.results.filter((r) => r.toolName === "Write" && String(r.input["file_path"]).endsWith("/src/stray.txt")));
        return strayDeveloper(t);
      };
      server = await startModelServer({ policy: route({ main: o.policy, developer, reviewer: reviewerPolicy(new Set(["2.1"])) }) });
      const run = await runClaude({ project, prompt: "/story-orchestrator:implement-stories", serverUrl: server.url, timeoutMs: RUN_TIMEOUT });
      expect(resultEvent(run.events)?.["subtype"]).toBe("success");
      expect([...o.memo.tried].sort()).toEqual(["edit-state", "git-merge", "launch-unready", "self-review", "stop-early", "write-state"]);

      const denied = (needle: string) => o.memo.denials.filter((d) => JSON.stringify(d.call).includes(needle)).map((d) => d.text);
      expect(denied(".agent-orchestration/story-1.1.json")[0]).toContain(".agent-orchestration/ belongs to the story-orchestrator engine");
      expect(denied("story-9.9.json")[0]).toContain(".agent-orchestration/ belongs to the story-orchestrator engine");
      expect(denied(`"Story: 1.2\\nWorktree: ${project}\\n`)[0]).toContain("Story 1.2 has not been started by the engine");
      expect(denied("--verdict approved")[0]).toContain("Reviews are recorded from the reviewer agents' verdicts");
      expect(denied("git merge --no-ff")[0]).toContain("story-orchestrator merge ID --json");
      // The early stop was blocked with the exact next step, and the model carried on.
      const stops = run.events.filter((e) => e.type === "system" && e.subtype === "hook_response" && e["hook_event"] === "Stop" && String(e["output"]).includes('"block"'));
      expect(stops.length).toBeGreaterThan(0);
      expect(stops.some((e) => /story-orchestrator merge \d\.\d --json/.test(String(e["output"])))).toBe(true);
      // The developer's write outside its worktree was denied inside the subagent: the
      // developer model got the hook's refusal back as the result of its Write.
      expect(strayResults).toHaveLength(1);
      expect(strayResults[0]).toMatchObject({ isError: true });
      expect(strayResults[0]?.text).toContain(`You work on story `);
      expect(strayResults[0]?.text).toContain(`only inside its worktree ${project}/.worktrees/`);
      expect(strayResults[0]?.text).toContain(`Write of ${project}/src/stray.txt is not allowed`);
      expect(existsSync(join(project, "src/stray.txt"))).toBe(false);
      expect(existsSync(join(project, ".agent-orchestration/story-9.9.json"))).toBe(false);
      expect(git(project, "log", "--format=%s", "main")).not.toContain("sneaky");

      expect(o.memo.finished).toBe(true);
      expectFinishedRun(project);
    },
    RUN_TIMEOUT,
  );
});

describe("flow 3: crash and resume", () => {
  it(
    "a killed session's run is finished by a new session without redoing work",
    async () => {
      const project = makeProject(FIXTURE);
      const home = makeHome();
      const first = orchestratorPolicy(project);
      // One reviewer across both sessions: it asks for changes on 2.1 once, whichever session
      // that falls in (the kill point depends on timing).
      const reviewer = reviewerPolicy(new Set(["2.1"]));
      server = await startModelServer({ policy: route({ main: first.policy, developer: developerPolicy(), reviewer }) });
      // Kill the CLI (and its background agents with it) right after the first merge.
      const killed = await runClaude({
        project,
        home,
        prompt: "/story-orchestrator:implement-stories",
        serverUrl: server.url,
        timeoutMs: RUN_TIMEOUT,
        onEvent: (e) => e.type === "user" && !e["parent_tool_use_id"] && JSON.stringify(e["message"]).includes('\\"status\\":\\"Done\\"'),
      });
      expect(resultEvent(killed.events)).toBeUndefined();
      const doneBefore = IDS.filter((id) => existsSync(join(project, `.agent-orchestration/story-${id}.json`)) && state(project, id).status === "Done");
      expect(doneBefore.length).toBeGreaterThan(0);
      expect(doneBefore.length).toBeLessThan(IDS.length);
      await server.close();

      const second = orchestratorPolicy(project, { resume: true });
      server = await startModelServer({ policy: route({ main: second.policy, developer: developerPolicy(), reviewer }) });
      const resumed = await runClaude({ project, home, prompt: "/story-orchestrator:resume-stories", serverUrl: server.url, timeoutMs: RUN_TIMEOUT });
      expect(resultEvent(resumed.events)?.["subtype"]).toBe("success");
      // The new session was told a run is in progress (SessionStart) before it did anything.
      const started = resumed.events.find((e) => e.type === "system" && e.subtype === "hook_response" && e["hook_event"] === "SessionStart");
      expect(String(started?.["output"] ?? "")).toContain("a run is in progress");
      expect(second.memo.finished).toBe(true);
      // Nothing that was Done before the crash was started or merged again.
      for (const id of doneBefore) {
        expect(second.memo.merged).toContain(id);
        expect(mainMessages(resumed.events).flat().some((b) => b.name === "Agent" && String(b.input?.["prompt"]).startsWith(`Story: ${id}\n`))).toBe(false);
      }
      expectFinishedRun(project);
    },
    RUN_TIMEOUT,
  );
});
