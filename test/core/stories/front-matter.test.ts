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
