// Questions a headless developer asks a person, and their answers, as files a person can read
// and write: `.agent-orchestration/questions/<id>.md` holds the question; the answer is
// `<id>.answer.md` beside it, written by `story-orchestrator answer` or by hand. When the runner
// has given the answer to the developer it closes the question: both files move to `answered/`
// with a time stamp, so nothing is lost and a later question of the story starts clean.
// Every write is atomic (a reader sees the old file or the new one); every path comes from
// run-paths.ts, which accepts only story ids.
import { link, mkdir, readdir, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import { compareIds, idKey, isStoryId } from "../core/ids.js";
import { readSmallFile } from "../adapters/fs/bounded-read.js";
import { watchDir, type DirWatch } from "../adapters/fs/watch-dir.js";
import { writeFileAtomic } from "../adapters/state-store/atomic-write.js";
import { answerPath, answeredDir, questionPath, questionsDir, storyKeyOf } from "../adapters/state-store/run-paths.js";
import { ensureStateDir } from "../adapters/state-store/store.js";

export interface PendingQuestion {
  storyId: string;
  question: string;
  /** ISO time the question was asked. */
  askedAt: string;
  /** An answer is waiting for the runner to pick it up. */
  answered: boolean;
}

/** A question or an answer is text a person typed; this only keeps a wrong file from being loaded whole. */
const MAX_BYTES = 1024 * 1024;
const QUESTION_MARK = "\n## Question\n\n";

/** The question file's text: front matter for the engine, instructions and the question for a person. */
export function questionText(storyId: string, question: string, at: string): string {
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
    "",
  ].join("\n");
}

/** storyId, askedAt and the question back from a question file; null when it is not one of ours. */
export function parseQuestionText(text: string): { storyId: string; askedAt: string; question: string } | null {
  const fm = frontMatter(text);
  if (!fm) return null;
  const at = fm.body.indexOf(QUESTION_MARK.slice(1));
  if (at < 0) return null;
  const storyId = jsonField(fm.fields["story"]);
  const askedAt = jsonField(fm.fields["asked"]);
  if (storyId === null || askedAt === null) return null;
  return { storyId, askedAt, question: fm.body.slice(at + QUESTION_MARK.length - 1).trim() };
}

/**
 * Writes the story's question; returns the file's path. The same question again (a runner that
 * restarted after asking) keeps the answer that may already be there; a different one first
 * closes what an earlier question left, so an old answer never answers a new question.
 */
export async function writeQuestion(root: string, storyId: string, question: string, at: string): Promise<string> {
  const path = questionPath(root, storyId);
  const existing = readText(root, path);
  const same = existing !== null && parseQuestionText(existing)?.question === question.trim();
  if (!same && (existing !== null || readText(root, answerPath(root, storyId)) !== null)) await archiveQuestion(root, storyId, at);
  await ensureStateDir(root);
  await mkdir(questionsDir(root), { recursive: true });
  await writeFileAtomic(path, questionText(storyId, question, at));
  return path;
}

/**
 * The answer to the story's open question, from `answer` or a hand-written `<id>.answer.md`
 * (its own front matter, if any, is not part of it); null while there is none or it is empty.
 */
export async function readAnswer(root: string, storyId: string): Promise<string | null> {
  const text = readText(root, answerPath(root, storyId));
  if (text === null) return null;
  const body = (frontMatter(text)?.body ?? text).trim();
  return body === "" ? null : body;
}

/**
 * Records `text` as the answer; returns its path. An answer already waiting is replaced, and
 * kept in `answered/` as superseded.
 */
export async function recordAnswer(root: string, storyId: string, text: string, at: string): Promise<{ path: string; replaced: boolean }> {
  const path = answerPath(root, storyId);
  const replaced = readText(root, path) !== null;
  if (replaced) await moveAside(root, path, `${storyKeyOf(storyId)}-${stamp(at)}`, ".superseded.answer.md");
  await ensureStateDir(root);
  await mkdir(questionsDir(root), { recursive: true });
  await writeFileAtomic(path, `---\nanswered: ${JSON.stringify(at)}\n---\n\n${text.trim()}\n`);
  return { path, replaced };
}

/** Whether the story has a question that is not closed yet. */
export async function hasOpenQuestion(root: string, storyId: string): Promise<boolean> {
  return readText(root, questionPath(root, storyId)) !== null;
}

/** Every open question, in story order. A file that is not a question of ours is passed over. */
export async function pendingQuestions(root: string): Promise<PendingQuestion[]> {
  let names: string[];
  try {
    names = await readdir(questionsDir(root));
  } catch {
    return [];
  }
  const out: PendingQuestion[] = [];
  for (const name of names) {
    const m = /^(.+)\.md$/.exec(name);
    if (!m || name.endsWith(".answer.md") || !isStoryId(m[1]!) || idKey(m[1]!) !== m[1]) continue;
    const text = readText(root, join(questionsDir(root), name));
    const parsed = text === null ? null : parseQuestionText(text);
    if (!parsed || !isStoryId(parsed.storyId) || idKey(parsed.storyId) !== m[1]) continue;
    out.push({ ...parsed, answered: (await readAnswer(root, parsed.storyId)) !== null });
  }
  return out.sort((a, b) => compareIds(a.storyId, b.storyId));
}

/**
 * Closes the story's question once the runner gave its answer to the developer: the question
 * and its answer move to `questions/answered/` (see archiveQuestion). Nothing open: nothing done.
 */
export async function closeQuestion(root: string, storyId: string): Promise<void> {
  await archiveQuestion(root, storyId, new Date().toISOString());
}

/**
 * Moves the story's question and answer to `questions/answered/` as `<id>-<time>.md` and
 * `<id>-<time>.answer.md` (`at` gives the time); returns the new paths (none when nothing was open).
 */
export async function archiveQuestion(root: string, storyId: string, at: string): Promise<string[]> {
  const key = storyKeyOf(storyId);
  const moved: string[] = [];
  const s = stamp(at);
  const q = await moveAside(root, questionPath(root, storyId), `${key}-${s}`, ".md");
  if (q) moved.push(q);
  const a = await moveAside(root, answerPath(root, storyId), `${key}-${s}`, ".answer.md");
  if (a) moved.push(a);
  return moved;
}

/**
 * Renames `path` into `answered/` as `<base><ending>`, or `<base>-2<ending>`, ... when that is
 * taken (never over an earlier file); null when there is no file to move.
 */
async function moveAside(root: string, path: string, base: string, ending: string): Promise<string | null> {
  try {
    await stat(path);
  } catch {
    return null;
  }
  await mkdir(answeredDir(root), { recursive: true });
  for (let i = 1; ; i++) {
    const target = join(answeredDir(root), `${base}${i === 1 ? "" : `-${i}`}${ending}`);
    try {
      // link, then unlink: unlike rename, link never replaces a file that is there (EEXIST).
      await link(path, target);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EEXIST") continue;
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return null; // closed meanwhile by another process
      throw e;
    }
    // Another process that moved the same file at the same moment unlinked it already.
    await unlink(path).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== "ENOENT") throw e;
    });
    return target;
  }
}

/** A time as a file-name part: 2030-01-02T03-04-05-000Z. */
function stamp(at: string): string {
  return at.replace(/[^0-9A-Za-z-]/g, "-");
}

/** The file's text, null when there is none; bounded, and a link out of the project is no file of ours. */
function readText(root: string, path: string): string | null {
  const r = readSmallFile(path, { maxBytes: MAX_BYTES, root });
  return "text" in r ? r.text : null;
}

/** `---` front matter of `key: value` lines, and the rest; null when the text has none. */
function frontMatter(text: string): { fields: Record<string, string>; body: string } | null {
  const t = text.replace(/\r\n/g, "\n");
  if (!t.startsWith("---\n")) return null;
  const end = t.indexOf("\n---\n", 3);
  if (end < 0) return null;
  const fields: Record<string, string> = {};
  for (const line of t.slice(4, end).split("\n")) {
    const m = /^([A-Za-z]+):\s*(.*)$/.exec(line);
    if (m) fields[m[1]!] = m[2]!;
  }
  return { fields, body: t.slice(end + 5) };
}

function jsonField(v: string | undefined): string | null {
  if (v === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(v);
    return typeof parsed === "string" ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Watches the questions folder, so an answer (a file written by `answer` or by hand) wakes the
 * runner at once; a folder that is not there yet (no question asked) gives a dead watch.
 */
export function watchQuestions(root: string, onChange: () => void): DirWatch {
  return watchDir(questionsDir(root), onChange);
}
