import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  watchDir
} from "./chunk-FKXRRTD4.mjs";
import {
  answerPath,
  answeredDir,
  questionPath,
  questionsDir,
  storyKeyOf
} from "./chunk-644RGFZP.mjs";
import {
  ensureStateDir
} from "./chunk-A73OOLFP.mjs";
import {
  readSmallFile
} from "./chunk-6MSOW3YD.mjs";
import {
  writeFileAtomic
} from "./chunk-T7SK64FE.mjs";
import {
  compareIds,
  idKey,
  isStoryId
} from "./chunk-KNNDJYLI.mjs";

// lib/engine/questions.ts
import { link, mkdir, readdir, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
var MAX_BYTES = 1024 * 1024;
var QUESTION_MARK = "\n## Question\n\n";
function questionText(storyId, question, at) {
  const key = storyKeyOf(storyId);
  return [
    "---",
    `story: ${JSON.stringify(storyId)}`,
    `asked: ${JSON.stringify(at)}`,
    "---",
    `# Story ${storyId} is waiting for an answer`,
    "",
    `Answer with \`story-orchestrator answer ${storyId} "YOUR ANSWER"\`, or write the answer into`,
    `\`${key}.answer.md\` beside this file. The runner then resumes the developer's session with it.`,
    "",
    "## Question",
    "",
    question.trimEnd(),
    ""
  ].join("\n");
}
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
async function writeQuestion(root, storyId, question, at) {
  const path = questionPath(root, storyId);
  const existing = readText(root, path);
  const same = existing !== null && parseQuestionText(existing)?.question === question.trim();
  if (!same && (existing !== null || readText(root, answerPath(root, storyId)) !== null)) await archiveQuestion(root, storyId, at);
  await ensureStateDir(root);
  await mkdir(questionsDir(root), { recursive: true });
  await writeFileAtomic(path, questionText(storyId, question, at));
  return path;
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
async function closeQuestion(root, storyId) {
  await archiveQuestion(root, storyId, (/* @__PURE__ */ new Date()).toISOString());
}
async function archiveQuestion(root, storyId, at) {
  const key = storyKeyOf(storyId);
  const moved = [];
  const s = stamp(at);
  const q = await moveAside(root, questionPath(root, storyId), `${key}-${s}`, ".md");
  if (q) moved.push(q);
  const a = await moveAside(root, answerPath(root, storyId), `${key}-${s}`, ".answer.md");
  if (a) moved.push(a);
  return moved;
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
function watchQuestions(root, onChange) {
  return watchDir(questionsDir(root), onChange);
}

export {
  writeQuestion,
  readAnswer,
  recordAnswer,
  hasOpenQuestion,
  pendingQuestions,
  closeQuestion,
  watchQuestions
};
