// Front matter that would exhaust the YAML parser: every case is an invalid-front-matter
// diagnostic at the file line where it goes wrong, never a thrown error or a dead process.
import { describe, expect, it } from "vitest";
import { parseStory } from "../../../lib/core/stories/parse-story.js";

const PATH = "docs/stories/1.1.x.md";
const failed = (message: string, line: number) => ({ kind: "failed", errors: [{ code: "invalid-front-matter", message: `Front matter is not valid YAML: ${message}`, file: PATH, line }] });
const parse = (matter: string) => {
  const r = parseStory({ path: PATH, text: `---\n${matter}\n---\n# Story 1.1: X\n` });
  return r.kind === "failed" ? { kind: r.kind, errors: r.errors } : r;
};

describe("front matter nested too deep", () => {
  it("refuses more than 100 levels, flow or block, at the line that goes too deep", () => {
    const deep = `title: x\na: ${"[".repeat(5000)}${"]".repeat(5000)}`;
    // Twice: the second deep file used to make V8 abort the process (RegExpCompiler out of memory).
    expect(parse(deep)).toEqual(failed("nested more than 100 levels deep", 3));
    expect(parse(deep)).toEqual(failed("nested more than 100 levels deep", 3));
    expect(parse(`deps:\n${"- ".repeat(3000)}1.2`)).toEqual(failed("nested more than 100 levels deep", 3));
    // 100 levels is allowed (the top-level mapping is the first).
    expect(parse(`a: ${"[".repeat(99)}${"]".repeat(99)}`).kind).toBe("story");
  });

  it("refuses a value that contains itself, and alias chains nested too deep", () => {
    expect(parse("title: x\nid: &a [x, *a]")).toEqual(failed("alias *a is used inside the value it names", 3));
    const chain = ["a0: &a0 [x]"];
    for (let i = 1; i < 40; i++) chain.push(`a${i}: &a${i} [[[*a${i - 1}]]]`);
    expect(parse(chain.join("\n"))).toEqual(failed("nested more than 100 levels deep once its aliases are expanded", 36));
  });

  it("still reads ordinary aliases", () => {
    const r = parseStory({ path: PATH, text: "---\nbase: &d [1.0]\ndepends_on: *d\n---\n# Story 1.1: X\n" });
    expect(r.kind === "story" && r.story.dependencies.refs.map((d) => d.raw)).toEqual(["1.0"]);
  });
});

describe("a second ': ' in a top-level value (an unquoted colon, or two lines joined)", () => {
  it("reads the value as the text written, with a warning at its line; the story is not set aside", () => {
    const r = parseStory({
      path: ".claude/epics/scanner/002.md",
      text: "---\nname: Market Metrics\nstatus: completed\nlast_sync: 2025-10-19T18:19:57Zgithub: https://github.com/o/r/issues/2\ndepends_on: [1]\n---\n# Task: Market Metrics\n",
    });
    if (r.kind !== "story") throw new Error(r.kind);
    expect(r.story.status).toEqual({ raw: "completed", normalized: "Done", line: 3 });
    expect(r.story.dependencies.refs.map((d) => [d.raw, d.line])).toEqual([["1", 5]]);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      {
        code: "invalid-front-matter",
        message:
          'Front matter line 4: the value of "last_sync" holds ": ", which YAML does not allow unquoted; read as the text "2025-10-19T18:19:57Zgithub: https://github.com/o/r/issues/2". Put it in quotes, or if two lines were joined, put the second key on its own line',
        file: ".claude/epics/scanner/002.md",
        line: 4,
      },
    ]);
  });

  it("a title with a colon keeps its text (a ` #` comment is dropped, as YAML drops it)", () => {
    const r = parseStory({ path: PATH, text: "---\ntitle: Story 1.1: Login page # draft\n---\n# Story 1.1: X\n" });
    expect(r.kind === "story" && [r.story.title, r.warnings.map((w) => w.line)]).toEqual(["Story 1.1: Login page", [2]]);
  });

  it("other mistakes stay errors, with the column and the line's text", () => {
    // Quoting the colon value would not make this valid: the bad indentation stays.
    expect(parse("title: a: b\n  - x\nid: [1.1")).toEqual({
      kind: "failed",
      errors: [expect.objectContaining({ code: "invalid-front-matter", file: PATH, line: 2 })],
    });
    expect(parse("id: 1.1\nstatus: Done: yes\nlist: [a")).toMatchObject({ kind: "failed" });
    // An indented line continues the value above it: not quoted, and YAML points at that key.
    const r = parse("id: 1.1\n  bad: indent: x");
    expect(r.kind === "failed" && r.errors[0]).toEqual({
      code: "invalid-front-matter",
      message: 'Front matter is not valid YAML: Nested mappings are not allowed in compact mappings, at column 5 of "id: 1.1"',
      file: PATH,
      line: 2,
    });
  });
});
