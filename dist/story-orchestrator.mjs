import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  printable,
  renderDiagnostics
} from "./chunks/chunk-S74CJSP5.mjs";
import {
  locateProject
} from "./chunks/chunk-2BJZUZ65.mjs";
import "./chunks/chunk-2JM6FW5P.mjs";
import "./chunks/chunk-R2CKZ2VR.mjs";
import "./chunks/chunk-IWUPKGEU.mjs";
import "./chunks/chunk-DJAYH52C.mjs";
import "./chunks/chunk-KNNDJYLI.mjs";
import {
  diag
} from "./chunks/chunk-EFR3LY5V.mjs";
import "./chunks/chunk-EGEKWWZA.mjs";

// lib/cli/main.ts
import { resolve } from "node:path";
import { existsSync, statSync } from "node:fs";

// lib/cli/args.ts
var VALUED = /* @__PURE__ */ new Set(["cwd", "verdict", "findings", "reviewer", "reason", "tokens", "cost", "duration-ms", "scope", "role", "budget", "claude", "port"]);
var UsageError = class extends Error {
};
function parseArgs(argv) {
  const positionals = [];
  const options = {};
  const scopes = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a === "-h") {
      options["help"] = true;
      continue;
    }
    if (/^-[^-]/.test(a)) throw new UsageError(`unknown option ${a} (options are long: --help, --json, --cwd DIR, ...)`);
    if (a.startsWith("--") && a.length > 2) {
      const eq = a.indexOf("=");
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      if (VALUED.has(name)) {
        const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
        if (value === void 0 || eq < 0 && value.startsWith("--")) throw new UsageError(`--${name} needs a value`);
        if (name === "scope") scopes.push(value);
        else if (name in options) throw new UsageError(`--${name} is given twice`);
        options[name] = value;
      } else {
        if (eq >= 0) throw new UsageError(`--${name} takes no value`);
        options[name] = true;
      }
    } else {
      positionals.push(a);
    }
  }
  const [verb, ...rest] = positionals;
  const cwd = options["cwd"];
  delete options["cwd"];
  const json = options["json"] === true;
  delete options["json"];
  return { verb, positionals: rest, options, json, cwd: typeof cwd === "string" ? cwd : void 0, scopes };
}

// lib/cli/verbs/index.ts
var VERBS = {
  plan: async () => (await import("./chunks/plan-ABSK3R57.mjs")).planVerb,
  validate: async () => (await import("./chunks/validate-CLQPXJE5.mjs")).validateVerb,
  hook: async () => (await import("./chunks/hook-X3TNXL4Z.mjs")).hookVerb,
  init: async () => (await import("./chunks/init-L3FQYBSY.mjs")).initVerb,
  next: async () => (await import("./chunks/next-VZPTBFFL.mjs")).nextVerb,
  start: async () => (await import("./chunks/start-XKQD52JK.mjs")).startVerb,
  submit: async () => (await import("./chunks/submit-ISYRYGV7.mjs")).submitVerb,
  review: async () => (await import("./chunks/review-TFFOC2PB.mjs")).reviewVerb,
  merge: async () => (await import("./chunks/merge-C3V3C6YN.mjs")).mergeVerb,
  fail: async () => (await import("./chunks/fail-ZHOLOUSZ.mjs")).failVerb,
  retry: async () => (await import("./chunks/retry-HPIW5BR6.mjs")).retryVerb,
  status: async () => (await import("./chunks/status-V4WFGG5T.mjs")).statusVerb,
  summary: async () => (await import("./chunks/summary-JMEDKA3I.mjs")).summaryVerb,
  resume: async () => (await import("./chunks/resume-4HZ37O44.mjs")).resumeVerb,
  cleanup: async () => (await import("./chunks/cleanup-GPH5A5ZG.mjs")).cleanupVerb,
  run: async () => (await import("./chunks/run-DKPJFSRY.mjs")).runVerb,
  answer: async () => (await import("./chunks/answer-4TDZ2ENL.mjs")).answerVerb,
  logs: async () => (await import("./chunks/logs-ZSFAGXUS.mjs")).logsVerb,
  dashboard: async () => (await import("./chunks/dashboard-XVSJ7VDA.mjs")).dashboardVerb
};
var USAGE = `Usage: story-orchestrator <verb> [args] [--json] [--cwd DIR]

Planning
  plan [SCOPE...] [--scope SCOPE]
                         waves, critical path and agent of each story in scope
  validate               every diagnostic about the stories and config; exit 1 on any error

Running
  next [SCOPE...]        the stories that may start now (a SCOPE is recorded as the run's)
  start ID               create the story's worktree and branch
  submit ID [--tokens N] [--cost USD] [--duration-ms N]
                         record the story's head commit for review
  review ID --verdict approved|changes-requested [--findings FILE] [--reviewer NAME]
  merge ID               merge an approved story (one at a time, verified)
  fail ID --reason TEXT  mark a story failed (its dependents become Blocked)
  retry ID               a Failed story goes back to Not Started (branch and worktree kept)
  status | summary       progress view | completion report (report.md, report.html)
  resume                 reconcile state with git after a crash; say what to do next
  cleanup                remove worktrees that are merged and clean
  hook EVENT             Claude Code hook: JSON on stdin, JSON on stdout

Headless runs
  run [SCOPE...] [--budget USD] [--background] [--claude PATH]
                         drive the whole run: launch Claude Code workers, review, merge;
                         --background detaches it (output in .agent-orchestration/runner/run.log)
  answer ID TEXT         answer the question a story's developer asked (questions/<id>.md)
  logs ID [--role R] [--follow]
                         each worker's messages of a story, readably; --follow keeps printing

Watching
  dashboard [--port N]   serve the run report live and a read-only JSON API on 127.0.0.1
                         (the URL it prints holds an access token); Ctrl-C stops it

Setup
  init [--user] [--force]
                         write the un-namespaced /implement-stories command
  --version              print the version

SCOPE: nothing = all; 1.1-1.5 (by id order); 1.* ; epic:NAME ; several ids (1.1 1.3)
Exit codes: 0 success, 1 refused or invalid input, 2 bad usage, 70 internal error.
`;

// lib/cli/repository-check.ts
var NEEDS_GIT = /* @__PURE__ */ new Set(["next", "start", "submit", "review", "merge", "fail", "retry", "status", "summary", "resume", "cleanup", "dashboard"]);
function outsideGit(verb, dir, tty) {
  const d = diag(
    "not-a-git-repository",
    `not inside a git repository: ${dir}. \`story-orchestrator ${verb}\` runs each story on its own git branch and worktree: run it from your project's repository (or pass --cwd DIR), or make this folder one (\`git init\`, then commit the stories)`
  );
  return { exitCode: 1, json: { errors: [d] }, human: renderDiagnostics({ errors: [d], warnings: [] }, tty) };
}

// lib/cli/main.ts
var VERSION = true ? "0.1.0" : "dev";
async function readStdin() {
  const chunks = [];
  for await (const c of process.stdin) chunks.push(c);
  return Buffer.concat(chunks).toString("utf8");
}
async function run(argv) {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`story-orchestrator: ${e.message}

${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (args.options["version"] === true || args.verb === "version" && args.positionals.length === 0) {
    process.stdout.write(`story-orchestrator ${VERSION}
`);
    return 0;
  }
  if (args.verb === void 0 || args.verb === "help" || args.options["help"] === true) {
    process.stdout.write(USAGE);
    return args.verb === void 0 && args.options["help"] !== true ? 2 : 0;
  }
  const load = VERBS[args.verb];
  if (!load) {
    process.stderr.write(`story-orchestrator: unknown verb '${args.verb}'

${USAGE}`);
    return 2;
  }
  const start = resolve(args.cwd ?? process.cwd());
  if (!existsSync(start) || !statSync(start).isDirectory()) {
    process.stderr.write(`story-orchestrator: --cwd ${start}: not a directory
`);
    return 2;
  }
  const where = locateProject(start);
  const tty = Boolean(process.stdout.isTTY);
  const outcome = where.kind === "outside-git" && NEEDS_GIT.has(args.verb) ? outsideGit(args.verb, start, tty) : await (await load())({ root: where.root, args, tty, readStdin });
  const human = printable(outcome.human, process.stdout.isTTY === true);
  const text = args.json ? JSON.stringify(outcome.json) + "\n" : human.endsWith("\n") || human === "" ? human : human + "\n";
  const failed = await writeOut(text);
  if (failed && failed.code !== "EPIPE") {
    process.stderr.write(`story-orchestrator: cannot write the output (${failed.code ?? failed.message})
`);
    return 1;
  }
  return outcome.exitCode;
}
function writeOut(text) {
  process.stdout.on("error", () => {
  });
  return new Promise((res) => process.stdout.write(text, (e) => res(e ?? null)));
}
run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`story-orchestrator: ${msg.startsWith("Internal error") ? msg : `Internal error: ${msg}`}
`);
    if (process.env["STORY_ORCHESTRATOR_DEBUG"] && e instanceof Error) process.stderr.write(`${e.stack}
`);
    process.exitCode = 70;
  }
);
