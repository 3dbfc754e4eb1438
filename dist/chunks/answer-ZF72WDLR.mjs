import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  answerPath,
  answeredDir,
  questionPath,
  questionsDir,
  runningRunner,
  storyKeyOf
} from "./chunk-W2BPWCPQ.mjs";
import {
  nextText,
  outcome
} from "./chunk-3NJVAXK7.mjs";
import {
  rejectUnknownOptions,
  usage
} from "./chunk-D6AISK4I.mjs";
import "./chunk-JL6RXUUA.mjs";
import {
  systemClock
} from "./chunk-OXJ2D6ZF.mjs";
import {
  notAStoryId
} from "./chunk-ZHGI5QCD.mjs";
import {
  ensureStateDir
} from "./chunk-GEUTSHS5.mjs";
import "./chunk-UXYV742O.mjs";
import {
  command
} from "./chunk-F5LBCNN2.mjs";
import "./chunk-AF4QZWRE.mjs";
import "./chunk-2JM6FW5P.mjs";
import "./chunk-WXMZ5N7V.mjs";
import "./chunk-R2CKZ2VR.mjs";
import {
  readSmallFile,
  writeFileAtomic
} from "./chunk-JQES6W6I.mjs";
import "./chunk-IWUPKGEU.mjs";
import "./chunk-CA2ZPRLX.mjs";
import {
  compareIds,
  idKey,
  isStoryId
} from "./chunk-UOPRRJVN.mjs";
import {
  diag,
  err,
  ok
} from "./chunk-43TV4QD6.mjs";
import "./chunk-EGEKWWZA.mjs";

// lib/engine/questions.ts
import { link, mkdir, readdir, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
var MAX_BYTES = 1024 * 1024;
var QUESTION_MARK = "\n## Question\n\n";
function parseQuestionText(text) {
  const fm = frontMatter(text);
  if (!fm) return null;
  const at = fm.body.indexOf(QUESTION_MARK.slice(1));
  if (at < 0) return null;
  const storyId = jsonField(fm.fields["story"]);
  const askedAt = jsonField(fm.fields["asked"]);
  if (storyId === null || askedAt === null) return null;
  return { storyId, askedAt, question: fm.body.slice(at + QUESTION_MARK.length - 1).trim() };
}
async function readAnswer(root, storyId) {
  const text = readText(root, answerPath(root, storyId));
  if (text === null) return null;
  const body = (frontMatter(text)?.body ?? text).trim();
  return body === "" ? null : body;
}
async function recordAnswer(root, storyId, text, at) {
  const path = answerPath(root, storyId);
  const replaced = readText(root, path) !== null;
  if (replaced) await moveAside(root, path, `${storyKeyOf(storyId)}-${stamp(at)}`, ".superseded.answer.md");
  await ensureStateDir(root);
  await mkdir(questionsDir(root), { recursive: true });
  await writeFileAtomic(path, `---
answered: ${JSON.stringify(at)}
---

${text.trim()}
`);
  return { path, replaced };
}
async function hasOpenQuestion(root, storyId) {
  return readText(root, questionPath(root, storyId)) !== null;
}
async function pendingQuestions(root) {
  let names;
  try {
    names = await readdir(questionsDir(root));
  } catch {
    return [];
  }
  const out = [];
  for (const name of names) {
    const m = /^(.+)\.md$/.exec(name);
    if (!m || name.endsWith(".answer.md") || !isStoryId(m[1]) || idKey(m[1]) !== m[1]) continue;
    const text = readText(root, join(questionsDir(root), name));
    const parsed = text === null ? null : parseQuestionText(text);
    if (!parsed || !isStoryId(parsed.storyId) || idKey(parsed.storyId) !== m[1]) continue;
    out.push({ ...parsed, answered: await readAnswer(root, parsed.storyId) !== null });
  }
  return out.sort((a, b) => compareIds(a.storyId, b.storyId));
}
async function moveAside(root, path, base, ending) {
  try {
    await stat(path);
  } catch {
    return null;
  }
  await mkdir(answeredDir(root), { recursive: true });
  for (let i = 1; ; i++) {
    const target = join(answeredDir(root), `${base}${i === 1 ? "" : `-${i}`}${ending}`);
    try {
      await link(path, target);
    } catch (e) {
      if (e.code === "EEXIST") continue;
      if (e.code === "ENOENT") return null;
      throw e;
    }
    await unlink(path).catch((e) => {
      if (e.code !== "ENOENT") throw e;
    });
    return target;
  }
}
function stamp(at) {
  return at.replace(/[^0-9A-Za-z-]/g, "-");
}
function readText(root, path) {
  const r = readSmallFile(path, { maxBytes: MAX_BYTES, root });
  return "text" in r ? r.text : null;
}
function frontMatter(text) {
  const t = text.replace(/\r\n/g, "\n");
  if (!t.startsWith("---\n")) return null;
  const end = t.indexOf("\n---\n", 3);
  if (end < 0) return null;
  const fields = {};
  for (const line of t.slice(4, end).split("\n")) {
    const m = /^([A-Za-z]+):\s*(.*)$/.exec(line);
    if (m) fields[m[1]] = m[2];
  }
  return { fields, body: t.slice(end + 5) };
}
function jsonField(v) {
  if (v === void 0) return null;
  try {
    const parsed = JSON.parse(v);
    return typeof parsed === "string" ? parsed : null;
  } catch {
    return null;
  }
}

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
