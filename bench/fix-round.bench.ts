// What a fix round costs when it continues the developer's own session (`--resume`, what the
// runner does) against a fresh session that must first find its way back into the story.
// The real pinned Claude Code CLI runs as the plugin's developer agent, launched through the
// runner's own backend (adapters/workers/local-claude.ts) with the runner's prompts, against
// the scripted model server on loopback, in a real story worktree made by the engine:
//   1. the first round: read the story, write the code and its test, commit, report DONE;
//   2a. the fix round, resumed: the session gets only the reviewers' findings, fixes, reports;
//   2b. the same fix round from the same commit (the worktree is reset to it), fresh: the
//       launch prompt plus the findings. Its script re-reads what a real developer agent would
//       need to recover its context: the story file, what its branch changed (git log), and
//       every file the first session changed; then the same fix and report.
// Honest limits: the model is scripted, so the fresh session re-reads exactly what its script
// says, no more (a real agent may explore more, or less); the first round's conversation is
// small (a real one is larger, which makes resuming dearer per request); and the server does
// not simulate prompt caching (the real API bills a resumed session's cached prefix at a tenth).
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ensureBuilt, ROOT } from "../test/helpers/built-cli.js";
import { CLAUDE_BIN, claudeEnv, git, makeHome, makeProject } from "../test/e2e/harness.js";
import { startModelServer, type Policy, type Reply, type ToolCall, type Turn } from "../test/e2e/model-server.js";
import { parseLaunchPrompt, developerPrompt } from "../lib/core/hooks/launch-prompt.js";
import { reportJsonSchema, type ResultMessage } from "../lib/core/run/worker-protocol.js";
import { localClaudeBackend } from "../lib/adapters/workers/local-claude.js";
import type { WorkerEnd, WorkerSpec } from "../lib/adapters/workers/worker-backend.js";
import { startStory } from "../lib/engine/start.js";
import { fixRoundMessage, HEADLESS_DEVELOPER } from "../lib/engine/run/runner.js";

const STORY_ID = "1.1";
const STORY_FILE = "docs/stories/1.1.greeting-service.md";
const FINDINGS = ["HIGH src/greeting.ts:12: greet() must refuse an empty name", "MEDIUM test/greeting.test.ts: add a test for the empty name"];

/** A story of ordinary length, so re-reading it weighs what a real one does. */
const STORY = `# Story ${STORY_ID}: Greeting service

**Status:** Approved
**Dependencies**: None

## Story
As a user of the task board I want to be greeted by name when I sign in, in the language of my
profile, so that the board feels like mine.

## Acceptance Criteria
1. \`greet(name, lang)\` returns "Hello, NAME!" in English, "Bonjour, NAME !" in French and
   "Hallo, NAME!" in German; any other language falls back to English.
2. Leading and trailing spaces of the name are removed.
3. The greeting is covered by unit tests, one per language and one for the fallback.

## Dev Notes
- Keep the translations in one table, so a new language is one line.
- No dependency on the profile service: the caller passes the language.

## Tasks
- [ ] src/greeting.ts with greet() and the table
- [ ] test/greeting.test.ts
`;

/** The first round's files: a module and its tests, of a realistic size. */
function sourceFile(): string {
  const langs = ["en", "fr", "de", "es", "it", "nl", "pt", "sv"];
  const lines = [
    "// Greets a user by name in the language of their profile (story 1.1).",
    "export type Lang = " + langs.map((l) => JSON.stringify(l)).join(" | ") + ";",
    "",
    "const TEMPLATES: Record<Lang, (name: string) => string> = {",
    ...langs.map((l) => `  ${l}: (name) => \`${l === "fr" ? "Bonjour, ${name} !" : l === "de" ? "Hallo, ${name}!" : "Hello, ${name}!"}\`,`),
    "};",
    "",
    "/** The greeting for `name` in `lang`; an unknown language falls back to English. */",
    "export function greet(name: string, lang: string): string {",
    "  const clean = name.trim();",
    "  const t = (TEMPLATES as Record<string, (n: string) => string>)[lang] ?? TEMPLATES.en;",
    "  return t(clean);",
    "}",
    "",
    ...Array.from({ length: 30 }, (_, i) => `// Note ${i + 1}: translations are reviewed by the localisation team before each release; keep this table sorted.`),
  ];
  return `${lines.join("\n")}\n`;
}

function testFile(): string {
  const cases = [
    ["en", "Hello, Ada!"],
    ["fr", "Bonjour, Ada !"],
    ["de", "Hallo, Ada!"],
    ["xx", "Hello, Ada!"],
  ];
  return [
    'import { describe, expect, it } from "vitest";',
    'import { greet } from "../src/greeting.js";',
    "",
    'describe("greet", () => {',
    ...cases.map(([l, want]) => `  it("greets in ${l}", () => {\n    expect(greet("  Ada ", "${l}")).toBe("${want}");\n  });`),
    "});",
    "",
  ].join("\n");
}

const bash = (command: string): ToolCall => ({ name: "Bash", input: { command, description: command.slice(0, 60) } });
const q = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
const report = (summary: string): ToolCall => ({ name: "StructuredOutput", input: { result: "DONE", summary } });

const FIX = (wt: string) =>
  bash(
    `cd ${q(wt)} && sed -i 's|  const clean = name.trim();|  const clean = name.trim();\\n  if (clean === "") throw new Error("greet: empty name");|' src/greeting.ts && ` +
      `printf 'it("refuses an empty name", () => expect(() => greet(" ", "en")).toThrow());\\n' >> test/greeting.test.ts && git add -A && git commit -q -m 'story 1.1: refuse an empty name'`,
  );

const FIX_RE = /^Fix round:/m;

/**
 * The scripted developer. One policy for the three sessions; which one is asking is read from
 * the conversation: a resumed fix round has the runner's "Fix round:" message as a later user
 * message, a fresh one has it in its first.
 */
function developer(): Policy {
  return (turn: Turn): Reply => {
    const launch = parseLaunchPrompt(turn.firstUserText);
    if (!launch) return { text: "No story here." };
    const wt = launch.headers["worktree"] ?? ".";
    const calls = callsOfThisRound(turn);
    const ran = (s: string) => calls.some((c) => c.name === "Bash" && String(c.input["command"]).includes(s));
    if (calls.some((c) => c.name === "StructuredOutput")) return { text: "Reported." };
    const fresh = FIX_RE.test(turn.firstUserText);
    const resumed = !fresh && calls !== turn.allCalls;
    const fixThenReport = (): Reply => (ran("empty name") ? { tools: [report("refused the empty name, with a test")] } : { tools: [FIX(wt)] });
    // The resumed session knows the code: it fixes at once, then reports.
    if (resumed) return fixThenReport();
    const story: ToolCall = { name: "Read", input: { file_path: `${wt}/${launch.headers["story file"] ?? ""}` } };
    if (fresh) {
      // Fresh: find the way back first. The story, what the branch changed, then each changed file.
      if (!calls.some((c) => c.name === "Read")) return { tools: [story, bash(`cd ${q(wt)} && git log --stat --format='%h %s' main..HEAD`)] };
      const unread = changedFiles(turn).filter((f) => !calls.some((c) => c.name === "Read" && c.input["file_path"] === `${wt}/${f}`));
      if (unread.length) return { tools: unread.map((f) => ({ name: "Read", input: { file_path: `${wt}/${f}` } })) };
      return fixThenReport();
    }
    // The first round: look, write the code and its test, commit, report.
    if (!calls.some((c) => c.name === "Read")) return { tools: [story, bash(`cd ${q(wt)} && git log --oneline -5 && git ls-files`)] };
    if (!calls.some((c) => c.name === "Write")) {
      return {
        tools: [
          { name: "Write", input: { file_path: `${wt}/src/greeting.ts`, content: sourceFile() } },
          { name: "Write", input: { file_path: `${wt}/test/greeting.test.ts`, content: testFile() } },
        ],
      };
    }
    if (!ran("git commit")) return { tools: [bash(`cd ${q(wt)} && git add -A && git commit -q -m 'story 1.1: greeting service'`)] };
    return { tools: [report("greeting service with tests")] };
  };
}

type Block = { type: string; text?: string; name?: string; input?: Record<string, unknown> };
type Message = { role: string; content: string | Block[] };

/**
 * The tool calls since the round began: in a resumed session, those after the runner's
 * "Fix round:" message; otherwise the whole conversation's (the same array, by identity).
 */
function callsOfThisRound(turn: Turn): ToolCall[] {
  const messages = (turn.body["messages"] as Message[] | undefined) ?? [];
  const blocks = (m: Message): Block[] => (typeof m.content === "string" ? [{ type: "text", text: m.content }] : m.content);
  const at = messages.findIndex((m, i) => i > 0 && m.role === "user" && blocks(m).some((b) => b.type === "text" && FIX_RE.test(b.text ?? "")));
  if (at < 0) return turn.allCalls;
  return messages.slice(at).flatMap((m) => (m.role === "assistant" ? blocks(m).filter((b) => b.type === "tool_use").map((b) => ({ name: b.name ?? "?", input: b.input ?? {} })) : []));
}

/** The files `git log --stat` listed, from the fresh session's own Bash result. */
function changedFiles(turn: Turn): string[] {
  const log = turn.allResults.find((r) => r.toolName === "Bash" && String(r.input["command"]).includes("git log --stat"));
  if (!log) return [];
  return [...new Set([...log.text.matchAll(/^\s*(\S+)\s+\|\s+\d+/gm)].map((m) => m[1] as string))];
}

interface Round {
  name: string;
  requests: number;
  /** Request bytes / 4, summed over the round's requests (what the scripted server counted). */
  serverTokens: number;
  /** The CLI's own result.usage (input + cache), for this invocation; the server reports bytes / 4 per request. */
  cliInputTokens: number | null;
  numTurns: number | null;
  toolCalls: number;
  firstRequestTokens: number;
  /** Tool calls already in the round's first request: the earlier conversation it carried. */
  carriedCalls: number;
  ok: boolean;
  problem: string;
}

export async function run(): Promise<string> {
  await ensureBuilt();
  let replies: Reply[] = [];
  const policy = developer();
  const server = await startModelServer({
    policy: (t) => {
      const r = policy(t);
      replies.push(r);
      return r;
    },
    inputTokens: (t) => Math.round(t.bytes / 4),
    maxRequests: 100,
  });
  const root = makeProject({ "README.md": "# bench project\n", ".agent-orchestration/config.yaml": "maxParallel: 1\nreviewers: [code-reviewer]\n", [STORY_FILE]: STORY });
  const home = makeHome();
  const backend = localClaudeBackend({ claudeBin: CLAUDE_BIN, pluginDir: ROOT });
  try {
    const started = await startStory(root, STORY_ID);
    if (!started.ok) throw new Error(`start refused: ${started.error.map((d) => d.message).join("; ")}`);
    const wt = join(root, started.value.worktree);
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(claudeEnv(server.url, home))) if (v !== undefined) env[k] = v;
    const spec = (prompt: string, n: number, resume?: string): WorkerSpec => {
      const logFile = join(root, ".agent-orchestration", "logs", STORY_ID, `developer-${n}.jsonl`);
      mkdirSync(dirname(logFile), { recursive: true });
      return {
        storyId: STORY_ID,
        role: "developer",
        agent: started.value.agent,
        cwd: wt,
        prompt: `${prompt}\n\n${HEADLESS_DEVELOPER}`,
        jsonSchema: reportJsonSchema("developer"),
        ...(resume ? { resumeSession: resume } : {}),
        logFile,
        env: { ...env, STORY_ORCHESTRATOR_STORY: STORY_ID, STORY_ORCHESTRATOR_ROLE: "developer", STORY_ORCHESTRATOR_WORKTREE: wt },
        wallTimeMs: 5 * 60_000,
        silenceMs: 2 * 60_000,
      };
    };
    const base = developerPrompt({ id: STORY_ID, worktree: wt, branch: started.value.branch, storyFile: STORY_FILE });
    const fix = fixRoundMessage(FINDINGS);

    const measure = async (name: string, s: WorkerSpec): Promise<Round & { end: WorkerEnd }> => {
      const from = server.log.length;
      replies = [];
      const end = await backend.launch(s).done;
      const turns = server.log.slice(from);
      const result: ResultMessage | undefined = end.kind === "finished" ? end.result : undefined;
      const u = result?.usage;
      const ok = end.kind === "finished" && (result?.structured_output as { result?: string } | undefined)?.result === "DONE";
      return {
        name,
        end,
        requests: turns.length,
        serverTokens: turns.reduce((n, t) => n + Math.round(t.bytes / 4), 0),
        cliInputTokens: u ? (u.input_tokens ?? 0) + (u.cache_read_input_tokens ?? 0) + (u.cache_creation_input_tokens ?? 0) : null,
        numTurns: result?.num_turns ?? null,
        toolCalls: replies.reduce((n, r) => n + (r.tools?.length ?? 0), 0),
        firstRequestTokens: turns[0] ? Math.round(turns[0].bytes / 4) : 0,
        carriedCalls: turns[0]?.allCalls.length ?? 0,
        ok,
        problem: ok ? "" : `${end.kind}${end.kind === "finished" ? `: ${JSON.stringify(result?.structured_output ?? result?.errors ?? null)}` : `: ${end.detail}`}`,
      };
    };

    const first = await measure("first round", spec(base, 1));
    const session = first.end.kind === "finished" ? first.end.sessionId : undefined;
    const head1 = git(wt, "rev-parse", "HEAD");
    const resumed = session ? await measure("fix round, resumed", spec(fix, 2, session)) : null;
    const resumedFixed = readFileSync(join(wt, "src/greeting.ts"), "utf8").includes("empty name");
    git(wt, "reset", "-q", "--hard", head1);
    const fresh = await measure("fix round, fresh", spec(`${base}\n\n${fix}`, 3));
    const freshFixed = readFileSync(join(wt, "src/greeting.ts"), "utf8").includes("empty name");

    const problems = [
      ...(first.ok ? [] : [`first round: ${first.problem}`]),
      ...(resumed ? (resumed.ok && resumedFixed ? [] : [`resumed: ${resumed.problem || "the fix is not in the worktree"}`]) : ["no session id from the first round: nothing to resume"]),
      ...(fresh.ok && freshFixed ? [] : [`fresh: ${fresh.problem || "the fix is not in the worktree"}`]),
      // What is compared must be what it claims: the resumed round continued the first one's
      // conversation, the fresh one started empty.
      ...(resumed && resumed.carriedCalls === 0 ? ["the resumed fix round did not carry the first round's conversation (--resume did not continue it)"] : []),
      ...(fresh.carriedCalls > 0 ? ["the fresh fix round carried an earlier conversation"] : []),
      ...server.errors,
    ];
    if (problems.length) process.exitCode = 1;
    const rows: string[][] = [["", "requests", "tokens sent (server)", "input tokens (CLI result)", "num_turns (CLI)", "tool calls", "first request", "calls carried in"]];
    for (const r of [first, resumed, fresh]) {
      if (!r) continue;
      rows.push([r.name, String(r.requests), String(r.serverTokens), r.cliInputTokens === null ? "n/a" : String(r.cliInputTokens), r.numTurns === null ? "n/a" : String(r.numTurns), String(r.toolCalls), String(r.firstRequestTokens), String(r.carriedCalls)]);
    }
    const ratio = resumed && fresh.serverTokens > 0 ? resumed.serverTokens / fresh.serverTokens : null;
    return [
      `one story, one fix round (${FINDINGS.length} findings); the real Claude Code CLI as the plugin's ${started.value.agent} agent, launched the runner's way; scripted model`,
      "tokens sent (server) = the bytes of every request the model server received in that round / 4 (no tokenizer); the server reports that same figure as each reply's input_tokens, so the CLI's result.usage.input_tokens sums the same estimate as the CLI counted it",
      "the fresh session is scripted to re-read the story file, `git log --stat` of its branch and every file the first session changed before fixing; the resumed one fixes at once. No prompt caching is simulated.",
      ...(problems.length ? [`FAILED: ${problems.join("; ")}`] : ["all three sessions reported DONE; both fix rounds committed the fix"]),
      "",
      ...table(rows),
      "",
      ratio === null || !resumed
        ? "resumed / fresh: n/a"
        : `fix round tokens sent, resumed / fresh: ${ratio.toFixed(2)} (${resumed.serverTokens} vs ${fresh.serverTokens}; ${fresh.serverTokens - resumed.serverTokens >= 0 ? "saves" : "costs"} ${Math.abs(fresh.serverTokens - resumed.serverTokens)}); requests ${resumed.requests} vs ${fresh.requests}, tool calls ${resumed.toolCalls} vs ${fresh.toolCalls}`,
    ].join("\n");
  } finally {
    await server.close();
  }
}

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length))) ?? [];
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join("  ").trimEnd());
}
