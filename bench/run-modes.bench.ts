// The same 20-story project run both ways, with the real pinned Claude Code CLI against the
// scripted model server on loopback: (a) interactive, `/story-orchestrator:implement-stories`
// driven by the scripted orchestrator of test/e2e/policies.ts (its developers and reviewers are
// background subagents of that one session); (b) headless, `story-orchestrator run` launching
// one `claude -p` worker per developer and reviewer (test/e2e/headless-policies.ts).
// What it shows: what the model is sent to ORCHESTRATE per story (interactive: the main
// session's requests, each of which carries the whole conversation so far; headless: requests
// from anything that is not a worker, which must be none), what the workers are sent per story,
// wall time of each and their ratio, and the headless runner's own CPU time and peak RSS.
// Tokens are estimated as request bytes / 4 (the scripted server has no tokenizer), as in
// test/e2e/flows.test.ts. Both runs must end with all 20 stories Done; the report says so.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { execa } from "execa";
import { BIN, ensureBuilt } from "../test/helpers/built-cli.js";
import { story } from "../test/e2e/fixtures/project.js";
import { CLAUDE_BIN, claudeEnv, makeHome, makeProject, resultEvent, runClaude } from "../test/e2e/harness.js";
import { startModelServer, type ModelServer, type Turn } from "../test/e2e/model-server.js";
import { developerPolicy, orchestratorPolicy, reviewerPolicy, route } from "../test/e2e/policies.js";
import { headlessPolicy, type HeadlessMemo } from "../test/e2e/headless-policies.js";

const HERE = dirname(fileURLToPath(import.meta.url));
/** A run that takes longer than this is stopped and reported as failed (a safety net). */
const RUN_LIMIT_MS = 6 * 60_000;
const MAX_REQUESTS = 2000;

/**
 * Twenty stories in four epics: four roots (1.1, 2.1, 3.1, 4.5), chains (1.1 → 1.2 → 1.3),
 * fan-in across epics (2.2 needs 2.1 and 1.1; 4.3 needs 2.5 and 3.5; 4.6 needs three), and
 * critical paths of six stories (2.1 → 2.2 → 2.3 → 2.5 → 4.3 → 4.4, and 3.1 → 3.2 → 3.3 → ...).
 */
const GRAPH: [id: string, title: string, deps: string][] = [
  ["1.1", "Domain model", "None"],
  ["1.2", "Storage layer", "1.1"],
  ["1.3", "Schema migrations", "1.2"],
  ["1.4", "Validation rules", "1.1"],
  ["2.1", "Server skeleton", "None"],
  ["2.2", "Task endpoints", "2.1, 1.1"],
  ["2.3", "Search endpoint", "2.2"],
  ["2.4", "Authentication", "2.1"],
  ["2.5", "Permissions", "2.3, 2.4"],
  ["3.1", "Design tokens", "None"],
  ["3.2", "Component library", "3.1"],
  ["3.3", "Task board view", "3.2, 2.2"],
  ["3.4", "Login screen", "3.1, 2.4"],
  ["3.5", "Settings screen", "3.3, 3.4"],
  ["4.1", "Command-line client", "1.1"],
  ["4.2", "Import and export", "4.1, 1.3"],
  ["4.3", "End-to-end checks", "2.5, 3.5"],
  ["4.4", "Release notes", "4.3"],
  ["4.5", "Contributor guide", "None"],
  ["4.6", "Operations handbook", "1.4, 2.4, 4.5"],
];
const STORIES = GRAPH.length;

/** The number of stories on the longest dependency chain (ids point backwards: no cycles). */
function criticalPathLength(): number {
  const depth = new Map<string, number>();
  const of = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    const deps = GRAPH.find((g) => g[0] === id)?.[2] ?? "None";
    const d = 1 + Math.max(0, ...(deps === "None" ? [] : deps.split(", ").map(of)));
    depth.set(id, d);
    return d;
  };
  return Math.max(...GRAPH.map((g) => of(g[0])));
}
const CONFIG = "maxParallel: 4\nreviewers: [code-reviewer]\n";

function newProject(): string {
  const files: Record<string, string> = { "README.md": "# bench project\n", ".agent-orchestration/config.yaml": CONFIG };
  for (const [id, title, deps] of GRAPH) files[`docs/stories/${id}.${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.md`] = story(id, title, deps);
  return makeProject(files);
}

type Kind = "orchestration" | "developer" | "reviewer" | "other";

interface Tally {
  requests: number;
  bytes: number;
}

interface ModeResult {
  name: string;
  wallMs: number;
  /** CPU of the whole process tree (the session or runner, workers, hooks, git), in ms. */
  treeCpuMs: number | null;
  done: number;
  /** Why the run did not reach every story Done (empty when it did). */
  problems: string[];
  tally: Record<Kind, Tally>;
}

/** Sorts a request by who sent it (model-server's `who`: "main", an agent name, or "other"). */
function kindOf(who: string, mode: "interactive" | "headless"): Kind {
  if (who.endsWith("-reviewer")) return "reviewer";
  if (who !== "main" && who !== "other") return "developer";
  // Headless has no orchestrating session: whatever is not a worker counts against it.
  if (mode === "headless") return "orchestration";
  return who === "main" ? "orchestration" : "other";
}

function tallyOf(log: Turn[], mode: "interactive" | "headless"): Record<Kind, Tally> {
  const t: Record<Kind, Tally> = { orchestration: { requests: 0, bytes: 0 }, developer: { requests: 0, bytes: 0 }, reviewer: { requests: 0, bytes: 0 }, other: { requests: 0, bytes: 0 } };
  for (const turn of log) {
    const k = t[kindOf(turn.who, mode)];
    k.requests++;
    k.bytes += turn.bytes;
  }
  return t;
}

/**
 * CPU time (user + system, ms) of this process's children that have ended and been waited for,
 * with their own waited-for descendants: /proc/self/stat cutime + cstime. Null off Linux.
 */
function childrenCpuMs(): number | null {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 16 and 17 of proc(5); f[0] is field 3. Clock ticks are 100 a second on Linux.
    return ((Number(f[13]) + Number(f[14])) * 1000) / 100;
  } catch {
    return null;
  }
}

/** How many stories the state files say are Done. */
function doneCount(root: string): number {
  let n = 0;
  for (const [id] of GRAPH) {
    const file = join(root, ".agent-orchestration", `story-${id}.json`);
    if (existsSync(file) && (JSON.parse(readFileSync(file, "utf8")) as { status?: string }).status === "Done") n++;
  }
  return n;
}

async function measured<T>(body: () => Promise<T>): Promise<{ value: T; wallMs: number; treeCpuMs: number | null }> {
  const cpu0 = childrenCpuMs();
  const t0 = performance.now();
  const value = await body();
  const wallMs = performance.now() - t0;
  const cpu1 = childrenCpuMs();
  return { value, wallMs, treeCpuMs: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0 };
}

async function interactiveRun(): Promise<ModeResult> {
  const project = newProject();
  const o = orchestratorPolicy(project, { reviewers: ["code-reviewer"] });
  const server: ModelServer = await startModelServer({ policy: route({ main: o.policy, developer: developerPolicy(), reviewer: reviewerPolicy(new Set()) }), maxRequests: MAX_REQUESTS });
  try {
    const m = await measured(() => runClaude({ project, prompt: "/story-orchestrator:implement-stories", serverUrl: server.url, timeoutMs: RUN_LIMIT_MS }));
    const done = doneCount(project);
    const problems: string[] = [];
    const result = resultEvent(m.value.events);
    if (m.value.exitCode !== 0 || result?.["subtype"] !== "success") problems.push(`claude exited ${m.value.exitCode} (result: ${String(result?.["subtype"] ?? "none")}) ${m.value.stderr.trim().slice(-300)}`);
    if (!o.memo.finished) problems.push("the orchestrator never reached the summary");
    problems.push(...server.errors);
    if (done < STORIES) problems.unshift(`${done}/${STORIES} stories Done`);
    return { name: "interactive", wallMs: m.wallMs, treeCpuMs: m.treeCpuMs, done, problems, tally: tallyOf(server.log, "interactive") };
  } finally {
    await server.close();
    rmSync(project, { recursive: true, force: true });
  }
}

interface RunnerUsage {
  userUs: number;
  systemUs: number;
  maxRssKb: number;
}

/** Exported so one mode can be measured alone (`node --import tsx -e` on this module). */
export async function headlessRun(): Promise<ModeResult & { runner: RunnerUsage | null; passes: { passes: number; projectLoads: number } | null }> {
  const project = newProject();
  const memo: HeadlessMemo = { stalled: new Set(), continued: [], denials: [], reviews: new Map() };
  const server = await startModelServer({ policy: headlessPolicy({ readFirst: true }, memo), maxRequests: MAX_REQUESTS });
  const usageDir = mkdtempSync(join(tmpdir(), "so-bench-usage-"));
  const usageFile = join(usageDir, "runner.json");
  try {
    const env = { ...claudeEnv(server.url, makeHome()), STORY_ORCHESTRATOR_CLAUDE: CLAUDE_BIN, BENCH_RESOURCE_FILE: usageFile };
    // The runner's own usage comes from a preload inside it: GNU time would add the workers it
    // waited for (every `claude` and its hooks), which the tree figure already shows.
    const m = await measured(() =>
      execa(process.execPath, ["--import", join(HERE, "resource-usage.mjs"), BIN, "run", "--json"], { cwd: project, env, reject: false, stdin: "ignore", timeout: RUN_LIMIT_MS, maxBuffer: 64 * 1024 * 1024 }),
    );
    const done = doneCount(project);
    const problems: string[] = [];
    const last = String(m.value.stdout).trim().split("\n").at(-1) ?? "";
    if (m.value.exitCode !== 0) problems.push(`the runner exited ${m.value.exitCode}${m.value.timedOut ? " (stopped: over the time limit)" : ""}: ${last.slice(0, 300)} ${String(m.value.stderr).trim().slice(-300)}`);
    problems.push(...server.errors);
    if (done < STORIES) problems.unshift(`${done}/${STORIES} stories Done`);
    const runner = existsSync(usageFile) ? (JSON.parse(readFileSync(usageFile, "utf8")) as RunnerUsage) : null;
    // The verb's last line is the run's outcome: how often the runner looked at the project.
    let passes: { passes: number; projectLoads: number } | null = null;
    try {
      const o = JSON.parse(last) as { passes?: number; projectLoads?: number };
      if (typeof o.passes === "number" && typeof o.projectLoads === "number") passes = { passes: o.passes, projectLoads: o.projectLoads };
    } catch {
      /* not an outcome line: the problems say why */
    }
    return { name: "headless", wallMs: m.wallMs, treeCpuMs: m.treeCpuMs, done, problems, tally: tallyOf(server.log, "headless"), runner, passes };
  } finally {
    await server.close();
    rmSync(project, { recursive: true, force: true });
    rmSync(usageDir, { recursive: true, force: true });
  }
}

const perStory = (n: number) => Math.round(n / STORIES);
const tokens = (bytes: number) => Math.round(bytes / 4);
const secs = (ms: number | null) => (ms === null ? "n/a" : `${(ms / 1000).toFixed(1)} s`);

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length))) ?? [];
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join("  ").trimEnd());
}

export async function run(): Promise<string> {
  await ensureBuilt();
  // Wall times stretch with whatever else the machine runs: the report shows how busy it was.
  const loadBefore = loadavg()[0] ?? 0;
  const a = await interactiveRun();
  const b = await headlessRun();
  const failed = [a, b].filter((r) => r.problems.length > 0);
  if (failed.length > 0) process.exitCode = 1;
  const row = (label: string, f: (r: ModeResult) => string) => [label, f(a), f(b)];
  const rows = [
    ["", "interactive", "headless"],
    row("stories Done", (r) => `${r.done}/${STORIES}`),
    row("wall time", (r) => secs(r.wallMs)),
    row("CPU, whole process tree", (r) => secs(r.treeCpuMs)),
    row("orchestration requests", (r) => String(r.tally.orchestration.requests)),
    row("orchestration bytes per story", (r) => String(perStory(r.tally.orchestration.bytes))),
    row("orchestration tokens per story", (r) => String(tokens(perStory(r.tally.orchestration.bytes)))),
    row("worker requests (developer + reviewer)", (r) => `${r.tally.developer.requests} + ${r.tally.reviewer.requests}`),
    row("worker tokens per story", (r) => String(tokens(perStory(r.tally.developer.bytes + r.tally.reviewer.bytes)))),
    row("  developer / reviewer", (r) => `${tokens(perStory(r.tally.developer.bytes))} / ${tokens(perStory(r.tally.reviewer.bytes))}`),
    row("total tokens per story", (r) => String(tokens(perStory(Object.values(r.tally).reduce((n, t) => n + t.bytes, 0))))),
  ];
  if (a.tally.other.requests > 0) rows.push(row("other requests (not main, not a worker)", (r) => `${r.tally.other.requests} (${tokens(r.tally.other.bytes)} tokens)`));
  const u = b.runner;
  return [
    `${STORIES} stories (4 roots, chains, fan-in; critical path ${criticalPathLength()}), maxParallel 4, one reviewer, no fix rounds; Claude Code ${CLAUDE_BIN.includes("node_modules") ? "pinned" : CLAUDE_BIN}; tokens = request bytes / 4`,
    ...(failed.length === 0 ? [`both runs: all ${STORIES} stories Done`] : failed.map((r) => `FAILED (${r.name}): ${r.problems.join("; ")}`)),
    "",
    ...table(rows),
    "",
    `wall time headless / interactive: ${(b.wallMs / a.wallMs).toFixed(2)} (load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after, on ${availableParallelism()} cores)`,
    `orchestration tokens, headless: ${b.tally.orchestration.requests === 0 ? "0 (no request came from anything but a worker)" : `${tokens(b.tally.orchestration.bytes)} in ${b.tally.orchestration.requests} requests (expected none)`}`,
    b.passes ? `headless runner passes: ${b.passes.passes} (${b.passes.projectLoads} project loads) for ${STORIES} stories in ${secs(b.wallMs)}; a pass follows an event (a worker ended, a merge settled, an answer, a retry due) or the 30 s safety poll` : "headless runner passes: not reported",
    u ? `headless runner process alone: CPU ${((u.userUs + u.systemUs) / 1e6).toFixed(2)} s (user ${(u.userUs / 1e6).toFixed(2)} + system ${(u.systemUs / 1e6).toFixed(2)}), peak RSS ${(u.maxRssKb / 1024).toFixed(0)} MB` : "headless runner process alone: no usage recorded (it did not exit normally)",
  ].join("\n");
}
