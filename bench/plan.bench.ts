// `plan` on a 10,000-story project, against a baseline Node process that only reads the same
// files: both pay Node's start-up and the file reads, so the ratio shows what parsing,
// the graph and the JSON cost on top. Goal: ratio <= 2.5. Also the plan process's peak RSS.
// Two plan figures against the same baseline: cold (no parse cache: deleted before each run;
// the run also writes it) and warm (the cache from the cold run before it, every entry valid:
// what the engine's repeat calls during a run pay). Both outputs must be identical. Then the
// same warm measure on the largest real folder of ../shared/corpora (issue 10's measure), whose
// baseline reads every markdown and YAML file of the copy.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { execa } from "execa";
import { prng } from "../test/helpers/prng.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const STORIES = 10_000;
const REPEATS = 5;
const GOAL_RATIO = 2.5;

const TECH = [
  { word: "Python", lines: ["Use FastAPI and Pydantic v2 models.", "Tests with pytest and a temporary SQLite database."] },
  { word: "Go", lines: ["A Go 1.22 service using database/sql.", "Table-driven tests with go test ./..."] },
  { word: "React", lines: ["A React 18 component in TypeScript.", "Vitest and Testing Library cover the states."] },
  { word: "documentation", lines: ["Documentation only: Markdown pages.", "Every example is run and its output pasted."] },
];
const FILLER =
  "The implementation follows the existing module layout; errors are returned to the caller with a message that names the input, and every public function has a docstring. ";

/** Writes docs/stories/*.md for `total` stories: foundation 0.1-0.2, then epics of 20-100. */
export function generateProject(dir: string, total: number, seed = 42): number {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const storiesDir = join(dir, "docs", "stories");
  mkdirSync(storiesDir, { recursive: true });
  mkdirSync(join(dir, ".agent-orchestration"), { recursive: true });
  writeFileSync(join(dir, ".agent-orchestration", "config.yaml"), "maxParallel: 8\n");
  const epics: number[] = [2]; // sizes; epic 0 is the foundation
  let count = 2;
  while (count < total) {
    const size = Math.min(total - count, 20 + Math.floor(rnd() * 81));
    epics.push(size);
    count += size;
  }
  for (let e = 0; e < epics.length; e++) {
    const size = epics[e] as number;
    for (let s = 1; s <= size; s++) {
      const id = `${e}.${s}`;
      writeFileSync(join(storiesDir, `${id}.story-${e}-${s}.md`), storyText(e, s, id, epics, rnd, pick));
    }
  }
  return count;
}

function storyText(e: number, s: number, id: string, epics: number[], rnd: () => number, pick: <T>(xs: readonly T[]) => T): string {
  const tech = pick(TECH);
  const earlier = (): string => {
    // Same epic (lower number) or any earlier epic: ids only point backwards, so no cycles.
    if (s > 1 && (e === 1 || rnd() < 0.6)) return `${e}.${1 + Math.floor(rnd() * (s - 1))}`;
    if (e === 1) return "0.1";
    const pe = 1 + Math.floor(rnd() * (e - 1));
    return `${pe}.${1 + Math.floor(rnd() * (epics[pe] as number))}`;
  };
  let depLine = "";
  const r = rnd();
  if (e === 0) depLine = "**Dependencies**: None";
  else if (r < 0.15) depLine = ""; // no statement: the implicit "previous story" rule applies
  else if (r < 0.3) depLine = "**Dependencies**: None";
  else if (r < 0.75) depLine = `**Dependencies**: ${[...new Set(Array.from({ length: 1 + Math.floor(rnd() * 3) }, earlier))].join(", ")}`;
  else if (r < 0.9) depLine = `**Depends on:** Story ${earlier()} (uses its interfaces)`;
  else if (e > 1) {
    const pe = 1 + Math.floor(rnd() * (e - 1));
    const from = 1 + Math.floor(rnd() * Math.max(1, (epics[pe] as number) - 5));
    depLine = `**Dependencies**: Stories ${pe}.${from}-${pe}.${from + 4}`;
  } else depLine = `Prerequisites: Story 0.1`;
  const done = rnd() < 0.05;
  const criteria = Array.from({ length: 3 + Math.floor(rnd() * 6) }, (_, i) => `- [${done ? "x" : " "}] Criterion ${i + 1} of story ${id}: ${tech.lines[i % 2]}`);
  const tasks = Array.from({ length: 2 + Math.floor(rnd() * 5) }, (_, i) => `- [${done ? "x" : " "}] Task ${i + 1}: implement part ${i + 1} (AC: ${i + 1})`);
  const notes = FILLER.repeat(2 + Math.floor(rnd() * 8));
  return [
    `# Story ${id}: ${tech.word} feature ${s} of epic ${e}`,
    "",
    "## Status",
    done ? "Done" : pick(["Draft", "Approved", "Ready for Development"]),
    "",
    "## Story",
    "**As a** user,",
    `**I want** feature ${s} of epic ${e},`,
    "**so that** the product does what the epic promises.",
    "",
    `**Epic:** Epic ${e}`,
    "",
    depLine,
    "",
    "## Acceptance Criteria",
    ...criteria,
    "",
    "## Tasks / Subtasks",
    ...tasks,
    "",
    "## Dev Notes",
    tech.lines.join(" "),
    notes,
    "",
  ].join("\n");
}

interface Sample {
  ms: number;
  rssKb: number | undefined;
  stdout: string;
  exitCode: number | undefined;
}

const GNU_TIME = "/usr/bin/time";

/** Runs `node ARGS` measuring wall time and peak RSS (GNU time, else a preload). */
async function measure(args: string[]): Promise<Sample> {
  const useTime = existsSync(GNU_TIME);
  const [cmd, argv] = useTime
    ? [GNU_TIME, ["-f", "max-rss-kb=%M", process.execPath, ...args]]
    : [process.execPath, ["--import", join(ROOT, "bench", "max-rss.mjs"), ...args]];
  const started = performance.now();
  const r = await execa(cmd, argv, { cwd: ROOT, reject: false, maxBuffer: 512 * 1024 * 1024 });
  const ms = performance.now() - started;
  const m = /max-rss-kb=(\d+)/.exec(r.stderr);
  return { ms, rssKb: m ? Number(m[1]) : undefined, stdout: r.stdout, exitCode: r.exitCode };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

const BASELINE_JS = `const fs = require("node:fs"); const d = process.argv[1]; let n = 0, chars = 0;
for (const f of fs.readdirSync(d)) { chars += fs.readFileSync(d + "/" + f, "utf8").length; n++; }
console.log(n + " files, " + chars + " chars");`;

export async function run(): Promise<string> {
  await execa(process.execPath, [join(ROOT, "scripts", "build.mjs")], { cwd: ROOT });
  const dir = mkdtempSync(join(tmpdir(), "so-bench-plan-"));
  try {
    const total = generateProject(dir, STORIES);
    const storiesDir = join(dir, "docs", "stories");
    const cacheDir = join(dir, ".agent-orchestration", "cache");
    // The cache does not trust a file changed within 2 s of the cache's write (racy git), so
    // let the generated files age first, or the first warm runs would re-read everything.
    await sleep(2500);
    const baseline: Sample[] = [];
    const cold: Sample[] = [];
    const warm: Sample[] = [];
    const planArgs = [join(ROOT, "bin", "story-orchestrator"), "plan", "--json", "--cwd", dir];
    let planSummary = "";
    let identical = true;
    for (let i = 0; i < REPEATS; i++) {
      // Alternating keeps all sides equally exposed to cache and machine noise.
      baseline.push(await measure(["-e", BASELINE_JS, storiesDir]));
      rmSync(cacheDir, { recursive: true, force: true });
      const c = await measure(planArgs);
      cold.push(c);
      const w = await measure(planArgs);
      warm.push(w);
      identical &&= c.stdout === w.stdout && c.exitCode === w.exitCode;
      if (i === 0) planSummary = summarize(c);
    }
    const b = median(baseline.map((s) => s.ms));
    const pc = median(cold.map((s) => s.ms));
    const pw = median(warm.map((s) => s.ms));
    const rss = (xs: Sample[]) => {
      const v = xs.map((s) => s.rssKb).filter((x): x is number => x !== undefined);
      return v.length ? `${(Math.max(...v) / 1024).toFixed(0)} MB` : "n/a";
    };
    const row = (name: string, xs: Sample[], med: number) => [name, `${med.toFixed(0)} ms`, xs.map((s) => s.ms.toFixed(0)).join(" "), rss(xs)];
    const rows = [
      ["", "median wall", "runs (ms)", "peak RSS"],
      row("baseline: read files", baseline, b),
      row("plan --json, cold cache", cold, pc),
      row("plan --json, warm cache", warm, pw),
    ];
    const verdict = (r: number) => `${r.toFixed(2)} (goal <= ${GOAL_RATIO}: ${r <= GOAL_RATIO ? "met" : "NOT met"})`;
    const corpus = await largestCorpus(verdict);
    return [
      `${total} stories (${baseline[0]?.stdout.trim()}), ${REPEATS} runs each, alternating; memory by ${existsSync(GNU_TIME) ? "GNU time" : "process.resourceUsage()"}`,
      planSummary,
      `warm output identical to cold: ${identical ? "yes" : "NO"}`,
      "",
      ...formatTable(rows),
      "",
      `ratio plan / baseline, cold: ${verdict(pc / b)}`,
      `ratio plan / baseline, warm: ${verdict(pw / b)}`,
      ...corpus,
    ].join("\n");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const CORPORA = join(ROOT, "..", "shared", "corpora");

const RECURSIVE_BASELINE_JS = `const fs = require("node:fs"); const p = require("node:path"); let n = 0, chars = 0;
(function walk(d) { for (const e of fs.readdirSync(d, { withFileTypes: true })) { if (e.name === ".git" || e.name === ".agent-orchestration") continue;
  const f = p.join(d, e.name); if (e.isDirectory()) walk(f); else if (/\\.(md|ya?ml)$/.test(e.name)) { chars += fs.readFileSync(f, "utf8").length; n++; } } })(process.argv[1]);
console.log(n + " files, " + chars + " chars");`;

/** Markdown files under `dir` (the size of a corpus folder). */
function countMarkdown(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile() && e.name.endsWith(".md")) n++;
  return n;
}

/** The warm plan on a copy of the largest corpus folder, against reading its files; nothing without ../shared. */
async function largestCorpus(verdict: (r: number) => string): Promise<string[]> {
  if (!existsSync(CORPORA)) return ["", "(no ../shared/corpora beside the repository: the corpus measure is skipped)"];
  const [name] = readdirSync(CORPORA, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => [e.name, countMarkdown(join(CORPORA, e.name))] as const)
    .sort((a, b) => b[1] - a[1])[0] ?? [];
  if (!name) return [];
  const dir = mkdtempSync(join(tmpdir(), "so-bench-corpus-"));
  try {
    cpSync(join(CORPORA, name), dir, { recursive: true });
    mkdirSync(join(dir, ".agent-orchestration"), { recursive: true });
    await sleep(2500);
    const planArgs = [join(ROOT, "bin", "story-orchestrator"), "plan", "--json", "--cwd", dir];
    const first = await measure(planArgs); // fills the cache
    const base: Sample[] = [];
    const warm: Sample[] = [];
    for (let i = 0; i < REPEATS * 2; i++) {
      base.push(await measure(["-e", RECURSIVE_BASELINE_JS, dir]));
      warm.push(await measure(planArgs));
    }
    const b = median(base.map((x) => x.ms));
    const w = median(warm.map((x) => x.ms));
    return [
      "",
      `largest corpus: ${name} (${base[0]?.stdout.trim()}), ${REPEATS * 2} runs each, alternating; ${summarize(first)}`,
      `  baseline: read files ${b.toFixed(0)} ms; plan --json, warm cache ${w.toFixed(0)} ms`,
      `  ratio plan / baseline, warm: ${verdict(w / b)}`,
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What the plan run produced, so a failing plan is not mistaken for a fast one. */
function summarize(s: Sample): string {
  try {
    const j = JSON.parse(s.stdout) as { stories: unknown[]; waves: unknown[]; errors: unknown[]; warnings: unknown[] };
    return `plan: exit ${s.exitCode}, ${j.stories.length} stories, ${j.waves.length} waves, ${j.errors.length} errors, ${j.warnings.length} warnings`;
  } catch {
    return `plan: exit ${s.exitCode}, output is not JSON: ${s.stdout.slice(0, 200)}`;
  }
}

function formatTable(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length))) ?? [];
  return rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join("  ").trimEnd());
}
