// `+++` TOML front matter, as zemaj__codex's task files write it (id, status, dependencies as a
// comma list in a string, a comment after the value).
import { describe, expect, it } from "vitest";
import { parseStory } from "../../../lib/core/stories/parse-story.js";
import { splitTomlFrontMatter } from "../../../lib/core/stories/toml-front-matter.js";

const task = (fm: string, body = "# Task 05: Title\n\nSome work.\n") => `+++\n${fm}+++\n\n${body}`;

describe("TOML front matter", () => {
  it("reads id, status and a dependency list written as one string, with line numbers", () => {
    const r = parseStory({
      path: "tasks/05-thing.md",
      text: task('id = "05"\ntitle = "Thing"\nstatus = "Merged"\ndependencies = "02,11" # Rationale: needs both\nlast_updated = 2025-06-25T10:48:30\n'),
    });
    expect(r.kind).toBe("story");
    if (r.kind !== "story") return;
    expect(r.story.id).toBe("5");
    expect(r.story.status.normalized).toBe("Done");
    expect(r.story.dependencies.refs.map((d) => [d.target, d.line])).toEqual([
      [{ kind: "story", id: "2" }, 5],
      [{ kind: "story", id: "11" }, 5],
    ]);
  });

  it("an empty dependency string with a comment is a statement of none", () => {
    const r = parseStory({ path: "tasks/06-x.md", text: task('id = "06"\ndependencies = "" # No prerequisites\n') });
    expect(r.kind === "story" && r.story.dependencies).toEqual({ declared: true, refs: [], line: 3 });
  });

  it("reads arrays, literal strings and bare scalars as the text written", () => {
    expect(splitTomlFrontMatter("+++\na = ['x', \"y\"]\nb = 'lit\\eral'\nc = 1.10\nd = true\n+++\nbody\n")).toEqual({
      data: { a: ["x", "y"], b: "lit\\eral", c: "1.10", d: "true" },
      lines: ["a = ['x', \"y\"]", "b = 'lit\\eral'", "c = 1.10", "d = true"],
      content: "body\n",
    });
  });

  it("a table, an unclosed block or text after a value is invalid front matter at its line", () => {
    const table = parseStory({ path: "tasks/05-a.md", text: task('id = "05"\n[extra]\n') });
    expect(table).toMatchObject({ kind: "failed", id: "5", errors: [{ code: "invalid-front-matter", line: 3 }] });
    const open = parseStory({ path: "tasks/05-a.md", text: '+++\nid = "05"\n# Task 05\n' });
    expect(open).toMatchObject({ kind: "failed", errors: [{ code: "invalid-front-matter", line: 1 }] });
    const tail = parseStory({ path: "tasks/05-a.md", text: task('id = "05" oops\n') });
    expect(tail).toMatchObject({ kind: "failed", errors: [{ code: "invalid-front-matter", line: 2 }] });
  });
});
