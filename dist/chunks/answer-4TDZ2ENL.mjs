import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  hasOpenQuestion,
  pendingQuestions,
  recordAnswer
} from "./chunk-BB2H42L2.mjs";
import "./chunk-FKXRRTD4.mjs";
import {
  runningRunner
} from "./chunk-644RGFZP.mjs";
import {
  nextText,
  outcome
} from "./chunk-HMC5CVHI.mjs";
import {
  rejectUnknownOptions,
  usage
} from "./chunk-D6AISK4I.mjs";
import "./chunk-S74CJSP5.mjs";
import {
  systemClock
} from "./chunk-OXJ2D6ZF.mjs";
import {
  notAStoryId
} from "./chunk-RPVWIPJZ.mjs";
import "./chunk-A73OOLFP.mjs";
import "./chunk-UXYV742O.mjs";
import {
  command
} from "./chunk-F5LBCNN2.mjs";
import "./chunk-2BJZUZ65.mjs";
import "./chunk-2JM6FW5P.mjs";
import "./chunk-WXMZ5N7V.mjs";
import "./chunk-R2CKZ2VR.mjs";
import "./chunk-6MSOW3YD.mjs";
import "./chunk-T7SK64FE.mjs";
import "./chunk-IWUPKGEU.mjs";
import "./chunk-DJAYH52C.mjs";
import {
  isStoryId
} from "./chunk-KNNDJYLI.mjs";
import {
  diag,
  err,
  ok
} from "./chunk-EFR3LY5V.mjs";
import "./chunk-EGEKWWZA.mjs";

// lib/cli/verbs/answer.ts
import { relative } from "node:path";
var LINE = "answer ID TEXT [--json]";
var answerVerb = async (ctx) => {
  const bad = rejectUnknownOptions("answer", ctx.args, [], LINE);
  if (bad) return bad;
  const [id, ...words] = ctx.args.positionals;
  const text = words.join(" ").trim();
  if (id === void 0 || text === "") return usage("answer: needs a story id and the answer text", LINE);
  return outcome(ctx, await answer(ctx.root, id, text), (a) => {
    const replaced = a.replaced ? " (it replaces the answer given before, kept in questions/answered/)" : "";
    return `${a.id}: answer recorded in ${a.answerFile}${replaced}
${nextText([a.next])}`;
  });
};
async function answer(root, id, text) {
  if (!isStoryId(id)) return notAStoryId(id);
  if (!await hasOpenQuestion(root, id)) return err([await noQuestion(root, id)]);
  const { path, replaced } = await recordAnswer(root, id, text, systemClock.now().toISOString());
  const runner = await runningRunner(root);
  const next = runner !== null ? `nothing: the runner (pid ${runner}) resumes the developer's session with your answer` : `no runner is running: run ${command("run")} to continue; it resumes the developer's session with your answer`;
  return ok({ id, answerFile: relative(root, path).split("\\").join("/"), replaced, runner, next });
}
async function noQuestion(root, id) {
  const open = (await pendingQuestions(root)).map((q) => q.storyId);
  const others = open.length ? `stories waiting for an answer: ${open.join(", ")}` : "no story is waiting for an answer";
  return diag("no-open-question", `story ${id} has no open question (${others}); questions are in .agent-orchestration/questions/`);
}
export {
  answerVerb
};
