// Entry point of bin/story-orchestrator: parse argv, run one verb, print, exit.
// The only place that turns thrown bugs into exit codes; user errors arrive as outcomes.
import { resolve } from "node:path";
import { existsSync, statSync } from "node:fs";
import { parseArgs, UsageError } from "./args.js";
import { VERBS, USAGE } from "./verbs/index.js";
import type { VerbOutcome } from "./verb.js";
import { printable } from "./render/style.js";
import { locateProject } from "../adapters/fs/locate-project.js";
import { NEEDS_GIT, outsideGit } from "./repository-check.js";

// Replaced by the bundler (scripts/build.mjs) with package.json's version; "dev" when run from source.
declare const __STORY_ORCHESTRATOR_VERSION__: string | undefined;
const VERSION = typeof __STORY_ORCHESTRATOR_VERSION__ === "string" ? __STORY_ORCHESTRATOR_VERSION__ : "dev";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

async function run(argv: readonly string[]): Promise<number> {
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`story-orchestrator: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (args.options["version"] === true || (args.verb === "version" && args.positionals.length === 0)) {
    process.stdout.write(`story-orchestrator ${VERSION}\n`);
    return 0;
  }
  if (args.verb === undefined || args.verb === "help" || args.options["help"] === true) {
    process.stdout.write(USAGE);
    // `--help` or `help` asked for it; a bare call is a usage error.
    return args.verb === undefined && args.options["help"] !== true ? 2 : 0;
  }
  const load = VERBS[args.verb];
  if (!load) {
    process.stderr.write(`story-orchestrator: unknown verb '${args.verb}'\n\n${USAGE}`);
    return 2;
  }
  const start = resolve(args.cwd ?? process.cwd());
  if (!existsSync(start) || !statSync(start).isDirectory()) {
    process.stderr.write(`story-orchestrator: --cwd ${start}: not a directory\n`);
    return 2;
  }
  // Any folder inside the project will do, --cwd included: the root is found from it (the rule
  // is in lib/core/project-root.ts).
  const where = locateProject(start);
  const tty = Boolean(process.stdout.isTTY);
  const outcome: VerbOutcome =
    where.kind === "outside-git" && NEEDS_GIT.has(args.verb) ? outsideGit(args.verb, start, tty) : await (await load())({ root: where.root, args, tty, readStdin });
  const human = printable(outcome.human, process.stdout.isTTY === true);
  const text = args.json ? JSON.stringify(outcome.json) + "\n" : human.endsWith("\n") || human === "" ? human : human + "\n";
  const failed = await writeOut(text);
  // EPIPE: the reader stopped reading (`plan | head`), which is its right, not an error.
  if (failed && failed.code !== "EPIPE") {
    process.stderr.write(`story-orchestrator: cannot write the output (${failed.code ?? failed.message})\n`);
    return 1;
  }
  return outcome.exitCode;
}

/** Writes `text` to stdout; the write error, if any, instead of an uncaught 'error' event. */
function writeOut(text: string): Promise<NodeJS.ErrnoException | null> {
  process.stdout.on("error", () => {}); // reported through the callback below
  return new Promise((res) => process.stdout.write(text, (e) => res(e ?? null)));
}

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // A bug: one line for the user, the stack only on request.
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`story-orchestrator: ${msg.startsWith("Internal error") ? msg : `Internal error: ${msg}`}\n`);
    if (process.env["STORY_ORCHESTRATOR_DEBUG"] && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    process.exitCode = 70;
  },
);
