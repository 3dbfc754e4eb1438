import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import "./chunks/chunk-EGEKWWZA.mjs";

// lib/cli/main.ts
import { resolve } from "node:path";
import { existsSync, statSync } from "node:fs";

// lib/cli/args.ts
var VALUED = /* @__PURE__ */ new Set(["cwd", "verdict", "findings", "reviewer", "reason", "tokens", "cost", "duration-ms", "scope"]);
var UsageError = class extends Error {
};
function parseArgs(argv) {
  const positionals = [];
  const options = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith("--") && a.length > 2) {
      const eq = a.indexOf("=");
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      if (VALUED.has(name)) {
        const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
        if (value === void 0) throw new UsageError(`--${name} needs a value`);
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
  return { verb, positionals: rest, options, json, cwd: typeof cwd === "string" ? cwd : void 0 };
}

// lib/cli/verbs/index.ts
var VERBS = {
  plan: async () => (await import("./chunks/plan-7HNTIUCK.mjs")).planVerb,
  validate: async () => (await import("./chunks/validate-JYZWFKCT.mjs")).validateVerb,
  hook: async () => (await import("./chunks/hook-ROL3VJCA.mjs")).hookVerb,
  init: async () => (await import("./chunks/init-NSXDH3DX.mjs")).initVerb,
  next: async () => (await import("./chunks/next-TVYBXTR7.mjs")).nextVerb,
  start: async () => (await import("./chunks/start-O4B2J4GG.mjs")).startVerb,
  submit: async () => (await import("./chunks/submit-VGQIIITE.mjs")).submitVerb,
  review: async () => (await import("./chunks/review-5JVLF5UX.mjs")).reviewVerb,
  merge: async () => (await import("./chunks/merge-LZSCU7ZO.mjs")).mergeVerb,
  fail: async () => (await import("./chunks/fail-BRD2S2A7.mjs")).failVerb,
  retry: async () => (await import("./chunks/retry-YQDQ7AWR.mjs")).retryVerb,
  status: async () => (await import("./chunks/status-VOCG7X3V.mjs")).statusVerb,
  summary: async () => (await import("./chunks/summary-2RP6QL7P.mjs")).summaryVerb,
  resume: async () => (await import("./chunks/resume-CRTMXOMZ.mjs")).resumeVerb,
  cleanup: async () => (await import("./chunks/cleanup-SHYT7QUB.mjs")).cleanupVerb
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
  status | summary       progress view | completion report
  resume                 reconcile state with git after a crash; say what to do next
  cleanup                remove worktrees that are merged and clean
  hook EVENT             Claude Code hook: JSON on stdin, JSON on stdout

Setup
  init [--user] [--force]
                         write the un-namespaced /implement-stories command

SCOPE: nothing = all; 1.1-1.5 (by id order); 1.* ; epic:NAME ; several ids (1.1 1.3)
Exit codes: 0 success, 1 refused or invalid input, 2 bad usage, 70 internal error.
`;

// lib/cli/main.ts
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
  const root = resolve(args.cwd ?? process.cwd());
  if (!existsSync(root) || !statSync(root).isDirectory()) {
    process.stderr.write(`story-orchestrator: --cwd ${root}: not a directory
`);
    return 2;
  }
  const verb = await load();
  const outcome = await verb({ root, args, tty: Boolean(process.stdout.isTTY), readStdin });
  const text = args.json ? JSON.stringify(outcome.json) + "\n" : outcome.human.endsWith("\n") || outcome.human === "" ? outcome.human : outcome.human + "\n";
  await new Promise((res) => process.stdout.write(text, () => res()));
  return outcome.exitCode;
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
