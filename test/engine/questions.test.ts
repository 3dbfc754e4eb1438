// Questions and answers as files in a real temp project: written, answered by `recordAnswer` or
// by a hand-written `<id>.answer.md`, listed, closed into `answered/` without losing anything.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { archiveQuestion, closeQuestion, hasOpenQuestion, pendingQuestions, readAnswer, recordAnswer, writeQuestion } from "../../lib/engine/questions.js";
import { answerPath, logsDir, questionPath, workerLogPath } from "../../lib/adapters/state-store/run-paths.js";
import { commitAll, tempDir } from "../helpers/git-repo.js";

const AT = "2030-01-02T03:04:05.000Z";
const LATER = "2030-01-02T05:00:00.000Z";
const Q = ".agent-orchestration/questions";

const roots: string[] = [];
function project(): string {
  const root = commitAll(tempDir("so-questions-", { "docs/stories/1.2.api.md": "# Story 1.2: API\n" }));
  roots.push(root);
  return root;
}
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

describe("questions", () => {
  it("round trip: ask, answer with recordAnswer, list, close into answered/", async () => {
    const root = project();
    const path = await writeQuestion(root, "1.2", "Postgres or SQLite?\n\nThe story says both.", AT);
    expect(path).toBe(join(root, Q, "1.2.md"));
    const text = readFileSync(path, "utf8");
    expect(text).toContain('story-orchestrator answer 1.2 "YOUR ANSWER"');
    expect(text).toContain("## Question\n\nPostgres or SQLite?\n\nThe story says both.\n");
    expect(await hasOpenQuestion(root, "1.2")).toBe(true);
    expect(await readAnswer(root, "1.2")).toBeNull();
    expect(await pendingQuestions(root)).toEqual([{ storyId: "1.2", question: "Postgres or SQLite?\n\nThe story says both.", askedAt: AT, answered: false }]);

    const recorded = await recordAnswer(root, "1.2", "  Postgres, version 16.\n", LATER);
    expect(recorded).toEqual({ path: join(root, Q, "1.2.answer.md"), replaced: false });
    expect(await readAnswer(root, "1.2")).toBe("Postgres, version 16.");
    expect((await pendingQuestions(root))[0]?.answered).toBe(true);

    const moved = await archiveQuestion(root, "1.2", LATER);
    expect(moved).toEqual([join(root, Q, "answered", "1.2-2030-01-02T05-00-00-000Z.md"), join(root, Q, "answered", "1.2-2030-01-02T05-00-00-000Z.answer.md")]);
    expect(readFileSync(moved[0]!, "utf8")).toBe(text);
    expect(readFileSync(moved[1]!, "utf8")).toContain("Postgres, version 16.");
    expect(await hasOpenQuestion(root, "1.2")).toBe(false);
    expect(await readAnswer(root, "1.2")).toBeNull();
    expect(await pendingQuestions(root)).toEqual([]);
    // Closing again at the same time moves nothing and overwrites nothing.
    expect(await archiveQuestion(root, "1.2", LATER)).toEqual([]);
  });

  it("takes an answer written by hand into <id>.answer.md", async () => {
    const root = project();
    await writeQuestion(root, "1.2", "Which port?", AT);
    writeFileSync(join(root, Q, "1.2.answer.md"), "");
    expect(await readAnswer(root, "1.2")).toBeNull(); // an empty file is no answer yet
    writeFileSync(join(root, Q, "1.2.answer.md"), "Use 8080.\r\n");
    expect(await readAnswer(root, "1.2")).toBe("Use 8080.");
    expect(await pendingQuestions(root)).toEqual([{ storyId: "1.2", question: "Which port?", askedAt: AT, answered: true }]);
    await closeQuestion(root, "1.2");
    expect(await hasOpenQuestion(root, "1.2")).toBe(false);
    expect(readdirSync(join(root, Q, "answered")).sort()).toEqual([expect.stringMatching(/^1\.2-.+\.answer\.md$/), expect.stringMatching(/^1\.2-.+Z\.md$/)]);
  });

  it("a second answer replaces the first, which is kept as superseded", async () => {
    const root = project();
    await writeQuestion(root, "1.2", "Which port?", AT);
    await recordAnswer(root, "1.2", "8080", AT);
    expect(await recordAnswer(root, "1.2", "9090", LATER)).toEqual({ path: join(root, Q, "1.2.answer.md"), replaced: true });
    expect(await readAnswer(root, "1.2")).toBe("9090");
    expect(readdirSync(join(root, Q, "answered"))).toEqual(["1.2-2030-01-02T05-00-00-000Z.superseded.answer.md"]);
  });

  it("asking the same question again keeps its answer; a new question closes the old pair first", async () => {
    const root = project();
    await writeQuestion(root, "1.2", "Which port?", AT);
    await recordAnswer(root, "1.2", "8080", AT);
    await writeQuestion(root, "1.2", "Which port?", LATER);
    expect(await readAnswer(root, "1.2")).toBe("8080");
    await writeQuestion(root, "1.2", "Which host?", LATER);
    expect(await readAnswer(root, "1.2")).toBeNull();
    expect((await pendingQuestions(root)).map((q) => q.question)).toEqual(["Which host?"]);
    expect(readdirSync(join(root, Q, "answered")).length).toBe(2);
  });

  it("one file per story whatever the id's case; listed in story order", async () => {
    const root = project();
    await writeQuestion(root, "UGM-1.10", "b?", AT);
    await writeQuestion(root, "1.9", "a?", AT);
    await recordAnswer(root, "ugm-1.10", "yes", AT);
    expect(await readAnswer(root, "UGM-1.10")).toBe("yes");
    expect(existsSync(join(root, Q, "ugm-1.10.md"))).toBe(true);
    expect((await pendingQuestions(root)).map((q) => [q.storyId, q.answered])).toEqual([
      ["1.9", false],
      ["UGM-1.10", true],
    ]);
  });

  it("passes over files in the folder that are not questions of ours", async () => {
    const root = project();
    await writeQuestion(root, "1.2", "Which port?", AT);
    mkdirSync(join(root, Q), { recursive: true });
    writeFileSync(join(root, Q, "notes.md"), "mine");
    writeFileSync(join(root, Q, "1.3.md"), "no front matter");
    expect((await pendingQuestions(root)).map((q) => q.storyId)).toEqual(["1.2"]);
  });

  it("a hostile id never becomes a path: refused before anything is written", async () => {
    const root = project();
    for (const id of ["../x", "../../etc/passwd", "/tmp/x", "1.2/../../x", "", "."]) {
      await expect(writeQuestion(root, id, "q", AT)).rejects.toThrow(/not a story id/);
      await expect(readAnswer(root, id)).rejects.toThrow(/not a story id/);
      await expect(recordAnswer(root, id, "a", AT)).rejects.toThrow(/not a story id/);
      await expect(closeQuestion(root, id)).rejects.toThrow(/not a story id/);
      expect(() => logsDir(root, id)).toThrow(/not a story id/);
    }
    expect(() => workerLogPath(root, "1.2", "../developer", 1)).toThrow(/not a role name/);
    expect(existsSync(join(root, "x"))).toBe(false);
    expect(existsSync(join(root, ".agent-orchestration"))).toBe(false);
    expect(questionPath(root, "1.2")).toBe(join(root, Q, "1.2.md"));
    expect(answerPath(root, "1.2")).toBe(join(root, Q, "1.2.answer.md"));
    expect(workerLogPath(root, "1.2", "code-reviewer", 2)).toBe(join(root, ".agent-orchestration", "logs", "1.2", "code-reviewer-2.jsonl"));
  });
});
