// `answer ID TEXT`: answers the question a headless developer asked (questions/<id>.md). The
// answer is written beside the question; the runner gives it to the developer's own session.
import type { Verb } from "../verb.js";
import { diag, err, ok, type Diag, type Result } from "../../core/diagnostics.js";
import { isStoryId } from "../../core/ids.js";
import { command } from "../../core/advice/story-advice.js";
import { notAStoryId } from "../../engine/story-ref.js";
import { hasOpenQuestion, pendingQuestions, recordAnswer } from "../../engine/questions.js";
import { runningRunner } from "../../adapters/state-store/run-paths.js";
import { systemClock } from "../../adapters/clock.js";
import { relative } from "node:path";
import { rejectUnknownOptions, usage } from "../check-options.js";
import { nextText, outcome } from "./run-outcome.js";

const LINE = "answer ID TEXT [--json]";

interface Answered {
  id: string;
  /** Project-relative path of the answer file. */
  answerFile: string;
  /** An earlier answer that was still waiting was replaced (and kept in questions/answered/). */
  replaced: boolean;
  /** The pid of the runner that will pick the answer up, or null when none is running. */
  runner: number | null;
  next: string;
}

export const answerVerb: Verb = async (ctx) => {
  const bad = rejectUnknownOptions("answer", ctx.args, [], LINE);
  if (bad) return bad;
  const [id, ...words] = ctx.args.positionals;
  // The answer may be one quoted argument or the rest of the line, as a person types it.
  const text = words.join(" ").trim();
  if (id === undefined || text === "") return usage("answer: needs a story id and the answer text", LINE);
  return outcome(ctx, await answer(ctx.root, id, text), (a) => {
    const replaced = a.replaced ? " (it replaces the answer given before, kept in questions/answered/)" : "";
    return `${a.id}: answer recorded in ${a.answerFile}${replaced}\n${nextText([a.next])}`;
  });
};

async function answer(root: string, id: string, text: string): Promise<Result<Answered, Diag[]>> {
  if (!isStoryId(id)) return notAStoryId(id);
  if (!(await hasOpenQuestion(root, id))) return err([await noQuestion(root, id)]);
  const { path, replaced } = await recordAnswer(root, id, text, systemClock.now().toISOString());
  const runner = await runningRunner(root);
  const next =
    runner !== null
      ? `nothing: the runner (pid ${runner}) resumes the developer's session with your answer`
      : `no runner is running: run ${command("run")} to continue; it resumes the developer's session with your answer`;
  return ok({ id, answerFile: relative(root, path).split("\\").join("/"), replaced, runner, next });
}

async function noQuestion(root: string, id: string): Promise<Diag> {
  const open = (await pendingQuestions(root)).map((q) => q.storyId);
  const others = open.length ? `stories waiting for an answer: ${open.join(", ")}` : "no story is waiting for an answer";
  return diag("no-open-question", `story ${id} has no open question (${others}); questions are in .agent-orchestration/questions/`);
}
