// `run [SCOPE...] [--budget USD] [--json]`: a whole run, headless (engine/run/runner.ts). One
// runner per project (the run lock). Ctrl-C stops gracefully: nothing new starts, workers are
// stopped, a merge under way finishes, and the output says how to continue.
import { spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import logUpdate from "log-update";
import type { Diag } from "../../core/diagnostics.js";
import type { Verb, VerbOutcome } from "../verb.js";
import { rejectUnknownOptions, usage } from "../check-options.js";
import { eventLine, LiveView } from "../render/run-view.js";
import { findPluginRoot } from "../../engine/init.js";
import { runStories, RunRefused, type RunOutcome } from "../../engine/run/runner.js";
import type { RunnerEvent } from "../../engine/run/runner-events.js";
import { closeQuestion, hasOpenQuestion, readAnswer, watchQuestions, writeQuestion } from "../../engine/questions.js";
import { notify } from "../../adapters/notify/notify.js";
import { loadConfig } from "../../adapters/fs/load-config.js";
import { acquireLock } from "../../adapters/state-store/lock.js";
import { ensureStateDir } from "../../adapters/state-store/store.js";
import { runLockPath, runningRunner, RUN_LOCK_FILE } from "../../adapters/state-store/run-paths.js";
import { localClaudeBackend } from "../../adapters/workers/local-claude.js";
import { STATE_DIR } from "../../core/state/state-files.js";

const LINE = "run [SCOPE...] [--budget USD] [--claude PATH] [--background] [--json]";

export const runVerb: Verb = async (ctx) => {
  const bad = rejectUnknownOptions("run", ctx.args, ["budget", "claude", "background"], LINE);
  if (bad) return bad;
  const b = ctx.args.options["budget"];
  if (b !== undefined && (typeof b !== "string" || !/^\d+(\.\d+)?$/.test(b) || Number(b) <= 0)) return usage(`run: --budget needs an amount in USD above 0 (e.g. 25), not "${b === true ? "" : b}"`, LINE);
  const c = ctx.args.options["claude"];
  if (c === true) return usage("run: --claude needs the path of the claude executable", LINE);
  const claudeBin = (typeof c === "string" ? c : undefined) ?? process.env["STORY_ORCHESTRATOR_CLAUDE"] ?? "claude";
  const pluginDir = findPluginRoot(dirname(fileURLToPath(import.meta.url)));
  if (!pluginDir) return fail("run: the plugin's own files (commands/implement-stories.md) were not found above this program; run the story-orchestrator from its plugin folder");

  // Before anything is written (the state folder, the config cache, the lock, a reconciled
  // crash): a missing or broken `claude` would otherwise show only as every story failing its
  // launches maxAttempts times.
  const backend = localClaudeBackend({ claudeBin, pluginDir });
  const usable = await backend.check?.();
  if (usable && !usable.ok) return refused(usable.error);
  const { config, errors } = await loadConfig(ctx.root);
  // Said here, not only in a background run's log that nobody reads yet.
  if (errors.length) return refused(errors);
  await ensureStateDir(ctx.root);
  if (ctx.args.options["background"] === true) return startInBackground(ctx.root, ctx.args.positionals, typeof b === "string" ? b : undefined, typeof c === "string" ? c : undefined);
  const lock = await acquireLock(runLockPath(ctx.root), { timeoutMs: 0, staleMs: Number.MAX_SAFE_INTEGER, what: "the runner lock", displayPath: `${STATE_DIR}/${RUN_LOCK_FILE}` });
  if (!lock.ok) return fail(`run: another runner works on this project (${lock.error.map((d) => d.message).join("; ")})`);

  const json = ctx.args.json;
  const live = ctx.tty && !json ? new LiveView() : null;
  const draw = live ? setInterval(() => logUpdate(live.frame(Date.now(), process.stdout.columns || 100)), 1000) : null;
  const emit = (e: RunnerEvent) => {
    if (json) {
      if (e.type !== "run-finished") process.stdout.write(`${JSON.stringify(e)}\n`);
    } else if (live) {
      live.apply(e);
      logUpdate(live.frame(Date.now(), process.stdout.columns || 100));
    } else process.stdout.write(`${eventLine(e)}\n`);
  };

  // The first Ctrl-C (or SIGTERM) stops gracefully; a second one stops at once. The listener
  // stays registered until the run is over: execa's child cleanup (signal-exit) also listens,
  // and re-raises the signal to end the process whenever it finds itself the only listener,
  // as it would right after a `process.once` listener had removed itself.
  const controller = new AbortController();
  const onSignal = (sig: NodeJS.Signals) => {
    if (!controller.signal.aborted) {
      controller.abort();
      return;
    }
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    process.kill(process.pid, sig);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  let result: RunOutcome;
  try {
    result = await runStories({
      root: ctx.root,
      scope: ctx.args.positionals,
      ...(typeof b === "string" ? { budgetUsd: Number(b) } : {}),
      backend,
      ports: {
        writeQuestion,
        readAnswer,
        hasQuestion: hasOpenQuestion,
        closeQuestion: async (root, id) => void (await closeQuestion(root, id)),
        watchAnswers: watchQuestions,
        notify: async (event) => {
          const o = await notify(config.notify, event);
          for (const f of o.failed) process.stderr.write(`story-orchestrator: notification to ${f.target} failed: ${f.error}\n`);
        },
      },
      emit,
      signal: controller.signal,
      env: process.env,
    });
  } catch (e) {
    if (e instanceof RunRefused) return refused(e.diags);
    throw e;
  } finally {
    if (draw) clearInterval(draw);
    if (live) logUpdate.done();
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await lock.value();
  }
  return finished(result);
};

/** A run that cannot start or go on: exit 1, one `error:` line per diagnostic. */
function refused(diags: readonly Diag[]): VerbOutcome {
  return { exitCode: 1, json: { errors: diags }, human: diags.map((d) => `error: ${d.message}`).join("\n") };
}

function finished(r: RunOutcome): VerbOutcome {
  const complete = r.finished && r.done === r.total;
  const how = r.interrupted
    ? "Stopped: the workers were stopped and their stories stay In Progress in their worktrees. Continue with `story-orchestrator run` (their sessions continue)."
    : r.stoppedByBudget
      ? "Stopped by the budget: no new story started. Raise it with `story-orchestrator run --budget USD` to continue."
      : complete
        ? "Every story of the run is Done."
        : "The run ended with stories not Done (see the summary). Fix what it names, then `story-orchestrator run` again.";
  const { summary, ...rest } = r;
  return { exitCode: complete ? 0 : 1, json: { ...rest, next: how }, human: `${summary.trimEnd()}\n\n${how}` };
}

function fail(message: string): VerbOutcome {
  return { exitCode: 1, json: { errors: [{ code: "run-refused", message }] }, human: `error: ${message}` };
}

/**
 * `--background` (the slash command's way): the same run as a detached process whose output
 * goes to a log file, so the Claude Code session that asked for it returns at once and pays for
 * nothing while the run goes. It refuses, like `run`, when a runner already works here.
 */
async function startInBackground(root: string, scope: string[], budget: string | undefined, claude: string | undefined): Promise<VerbOutcome> {
  const running = await runningRunner(root);
  if (running !== null) return fail(`run: a runner (pid ${running}) already works on this project; watch it with \`story-orchestrator status\``);
  const log = join(root, STATE_DIR, "runner", "run.log");
  mkdirSync(dirname(log), { recursive: true });
  const out = openSync(log, "a");
  const args = [process.argv[1] as string, "run", ...scope, ...(budget ? ["--budget", budget] : []), ...(claude ? ["--claude", claude] : []), "--cwd", root];
  const child = spawn(process.execPath, args, { cwd: root, detached: true, stdio: ["ignore", out, out], env: process.env });
  child.unref();
  closeSync(out);
  const rel = `${STATE_DIR}/runner/run.log`;
  const watch = [`story-orchestrator status`, `story-orchestrator logs ID --follow`, `tail -f ${rel}`];
  return {
    exitCode: 0,
    json: { started: true, pid: child.pid ?? null, log: rel, watch },
    human: `The runner started in the background (pid ${child.pid ?? "?"}); its output goes to ${rel}.\nWatch: ${watch.map((w) => `\`${w}\``).join(", ")}.\nA question from a story is answered with \`story-orchestrator answer ID "..."\`; Ctrl-C does not reach it: stop it with \`kill ${child.pid ?? "PID"}\` (graceful).`,
  };
}
