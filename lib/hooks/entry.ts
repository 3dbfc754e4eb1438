// dist/hook.mjs: the hooks' entry point (hooks/hooks.json runs `node dist/hook.mjs EVENT`).
// Kept apart from the CLI bundle so a PreToolUse call loads only the gates; the engine
// (dist/hook-engine.mjs) is imported only for the events that record or schedule.
import { runHook, type EngineEvents } from "./dispatch.js";
import { locateProject } from "../adapters/fs/locate-project.js";
import { workerEnvOf } from "../core/hooks/story-agent.js";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

const event = process.argv[2] ?? "";
// Claude Code runs hooks with the project folder it was started in; that may be a subfolder of
// the project or a story worktree, so the root is found from it as the CLI finds it (fs reads
// only: a few stat calls).
const root = locateProject(process.env["CLAUDE_PROJECT_DIR"] || process.cwd()).root;
const out = await runHook(
  {
    root,
    // A computed specifier: the bundler must not inline the engine into this file.
    loadEngine: async () => (await import(new URL("./hook-engine.mjs", import.meta.url).href)) as EngineEvents,
    now: () => new Date(),
    // A headless worker of `story-orchestrator run` is known by the environment the runner set.
    worker: workerEnvOf(process.env),
  },
  event,
  await readStdin(),
);
if (out) process.stdout.write(out + "\n");
