// The parser's fast paths (prefilters before regexes, one scan per body, the front matter
// splitter that replaced gray-matter) must give exactly what the slow paths gave. These cases sit
// on the edges of each prefilter: a stem split by emphasis, a needle inside a longer word,
// front matter delimiters gray-matter treats specially.
import { describe, expect, it } from "vitest";
import { extractDependencies } from "../../../lib/core/stories/dependencies.js";
import { splitFrontMatter } from "../../../lib/core/stories/front-matter.js";
import { headingKey, plainText, withoutParens } from "../../../lib/core/stories/markdown.js";
import { detectTechnologies } from "../../../lib/core/stories/technologies.js";

const depIds = (text: string, crlf = false) =>
  extractDependencies(crlf ? text.split(/\r?\n/) : text.split("\n")).refs.map((r) => (r.target.kind === "story" ? `${r.target.id}@${r.line}` : r.raw));

describe("dependency labels behind the one-scan prefilter", () => {
  it("still reads a label whose word is split by emphasis, code marks or emoji", () => {
    expect(depIds("# Story 9.1: T\nDep**end**s on: Story 1.1")).toEqual(["1.1@2"]);
    expect(depIds("# Story 9.1: T\nDep`end`s on: Story 1.2")).toEqual(["1.2@2"]);
    expect(depIds("# Story 9.1: T\nBlo🚀cked by: 1.3")).toEqual(["1.3@2"]);
    expect(depIds("# Story 9.1: T\n**_Dependencies_**: 5.5")).toEqual(["5.5@2"]);
  });

  it("reads labels on any line of a long body, after lines that only look like prose", () => {
    const prose = Array.from({ length: 50 }, (_, i) => `Line ${i} about the module layout; nothing to see here.`);
    const body = ["# Story 9.1: T", ...prose, "Prerequisites: Story 4.1", ...prose, "- Depends On: Story 1.1, 1.4"].join("\n");
    expect(depIds(body)).toEqual(["4.1@52", "1.1@103", "1.4@103"]);
  });

  it("ignores stems that are not labels (a stem alone does not make a statement)", () => {
    expect(depIds("# Story 9.1: T\nThe blocking call depends on the network; it requires care.")).toEqual([]);
  });
});

describe("technology needles", () => {
  it("finds overlapping needles: .js inside .json, .ts inside .tsx, docs inside documentation", () => {
    expect(detectTechnologies("Edit app.tsx and main.js")).toEqual(["react", "typescript", "javascript"]);
    expect(detectTechnologies("See the documentation and the docs folder")).toEqual(["docs"]);
    expect(detectTechnologies("config.json only")).toEqual([]);
  });

  it("never reports a needle without the pattern (docstring is not docs, ago is not Go)", () => {
    expect(detectTechnologies("every function has a docstring, written long ago")).toEqual([]);
  });
});

describe("markdown helpers' fast paths", () => {
  it("plainText: plain ASCII is only trimmed; anything else takes the full path", () => {
    expect(plainText("  Ready for Review ")).toBe("Ready for Review");
    expect(plainText("**Done** ✅")).toBe("Done");
    expect(plainText("a\t b")).toBe("a b");
    expect(plainText("a  b")).toBe("a b");
    expect(plainText("a\u00a0b")).toBe("a b");
  });

  it("withoutParens drops a stray ')' even without '('", () => {
    expect(withoutParens("1.1) and 1.2")).toBe("1.1 and 1.2");
  });

  it("headingKey gives the same key on every call (it is memoised)", () => {
    expect(headingKey("📚 Dependencies:")).toBe("dependencies");
    expect(headingKey("📚 Dependencies:")).toBe("dependencies");
  });
});

describe("splitFrontMatter (gray-matter with the yaml package's failsafe schema)", () => {
  it.each([
    ["---\nid: 1.10\n---\n# Story 1.10: T\n", { id: "1.10" }, "# Story 1.10: T\n"],
    ["---\r\nid: 1.3\r\n---\r\n# Story 1.3: T\r\n", { id: "1.3" }, "# Story 1.3: T\r\n"],
    ["---\n# only a comment\n---\nbody", {}, "body"],
    ["---\n\n---\n", {}, ""],
    ["---\ndepends_on:\n  - 1.1\n  - Story 2.3 (x)\n---\n\nbody\n", { depends_on: ["1.1", "Story 2.3 (x)"] }, "\nbody\n"],
  ])("%j", (text, data, content) => {
    const split = splitFrontMatter(text);
    expect(split.data).toEqual(data);
    expect(split.content).toBe(content);
  });

  it("throws the YAML parser's error for invalid YAML", () => {
    expect(() => splitFrontMatter("---\nkey: [unclosed\n---\n")).toThrow(/flow sequence|unclosed|Missing/i);
  });
});
