// What a fuzzing pass found in the story parser: a line with 100,000 ids overflowed the stack,
// regexes that retried a long run from each of its characters took minutes on one line (a
// line may be up to 1 MiB), and lone-CR line endings ran a whole file into one line.
// The long inputs below take milliseconds; the code they guard against took minutes on them,
// far past the test timeout. The readers that replaced those regexes are checked against them.
import { describe, expect, it } from "vitest";
import { identifyFile } from "../../../lib/core/stories/identify.js";
import { boldLabel, headingKey, labelValue, plainText, unlink, withoutParens } from "../../../lib/core/stories/markdown.js";
import { parseStory, type StoryParse } from "../../../lib/core/stories/parse-story.js";
import { detectTechnologies } from "../../../lib/core/stories/technologies.js";
import type { ParsedStory } from "../../../lib/core/model.js";
import { randomLines } from "../../helpers/prng.js";

function story(path: string, text: string): ParsedStory {
  const r = parseStory({ path, text });
  if (r.kind !== "story") throw new Error(`expected a story, got ${JSON.stringify(r).slice(0, 300)}`);
  return r.story;
}

const storyRef = (id: string, raw: string, line: number) => ({ target: { kind: "story", id }, raw, line });

describe("very many ids on one line", () => {
  const ids = (id: string, sep: string) => Array<string>(130_000).fill(id).join(sep);

  it("reads a forward statement with 130,000 ids (no spread of them into one call)", () => {
    const s = story("docs/stories/1.2.x.md", `# Story 1.2: T\n\n**Dependencies**: ${ids("1.1", ", ")}\n`);
    expect(s.dependencies).toEqual({ declared: true, refs: [storyRef("1.1", "1.1", 3)], line: 3 });
  });

  it("reads a reverse statement with 130,000 ids", () => {
    const s = story("docs/stories/1.2.x.md", `# Story 1.2: T\n\n**Blocks**: ${ids("2.1", ", ")}\n`);
    expect(s.blocks).toEqual([storyRef("2.1", "2.1", 3)]);
  });

  it("reads a front matter item with 130,000 ids", () => {
    const s = story("docs/stories/1.2.x.md", `---\nid: 1.2\ndepends_on:\n  - ${ids("1.1", " ")}\n---\n# Story 1.2: T\n`);
    expect(s.dependencies).toEqual({ declared: true, refs: [storyRef("1.1", "1.1", 4)], line: 3 });
  });
});

describe("long lines the old regexes retried from every character", () => {
  it("a title of 500,000 '[' and an unclosed link (unlink, and the companion check)", () => {
    const title = `${"[".repeat(500_000)}](`;
    const s = story("docs/stories/1.1.x.md", `# Story 1.1: ${title}\n`);
    expect([s.id, s.idSource, s.title]).toEqual(["1.1", "heading", title]);
    expect(unlink(`${"[".repeat(500_000)}]x`)).toBe(`${"[".repeat(500_000)}]x`);
    // A link after the run: the first "[" opens it, as the regex read it.
    expect(unlink(`${"[".repeat(500_000)}](x) [Login](y)`)).toBe(`${"[".repeat(499_999)} Login`);
  });

  it("alternating emphasis markers before a word (plainText)", () => {
    const run = "*_".repeat(120_000);
    expect(plainText(`x${run}a`)).toBe(`x${run}a`);
    const s = story("docs/stories/1.1.x.md", `# Story 1.1: Fine\n\n## Notes x${run}a\n**Dependencies**: 1.4\n`);
    expect([s.title, s.dependencies]).toEqual(["Fine", { declared: true, refs: [storyRef("1.4", "1.4", 4)], line: 4 }]);
  });

  it("a heading with a long run of colons inside it (headingKey)", () => {
    const colons = ":".repeat(400_000);
    expect(headingKey(`Dependencies${colons}x`)).toBe(`dependencies${colons}x`);
    const s = story("docs/stories/1.1.x.md", `# Story 1.1: T\n## Dependencies${colons}x\n- 1.4\n## Dependencies\n- 1.5\n`);
    expect(s.dependencies).toEqual({ declared: true, refs: [storyRef("1.5", "1.5", 5)], line: 5 });
  });

  it("a bold text, spaces and more text in a Dependencies section (boldLabel)", () => {
    const line = `**Note**${" ".repeat(400_000)}x`;
    expect(boldLabel(line)).toBeNull();
    const s = story("docs/stories/1.1.x.md", `# Story 1.1: T\n## Dependencies\n${line}\n- 1.4\n`);
    expect(s.dependencies).toEqual({ declared: true, refs: [storyRef("1.4", "1.4", 4)], line: 4 });
  });

  it("a title with no ' - ' (the companion-document check)", () => {
    const heading = `# Story 1.1 ${"a ".repeat(250_000)}`;
    expect(identifyFile("docs/stories/1.1.x.md", [heading])).toEqual({
      kind: "story",
      name: { id: "1.1", candidates: ["1.1"], slug: "x", namespaced: false },
    });
  });

  it("a long dash-joined word before a '.js' that is no file name (technologies)", () => {
    expect(detectTechnologies(`${"a-".repeat(250_000)} ..js`)).toEqual([]);
    expect(detectTechnologies(`${"a-".repeat(250_000)}b.js`)).toEqual(["javascript"]);
  });

  it("Status and Epic values with a line terminator after a run of spaces", () => {
    const spaces = " ".repeat(100_000);
    const s = story(
      "docs/stories/1.1.x.md",
      `# Story 1.1: T\nStatus:${spaces}a\u2028b\n**Epic:**${spaces}a\u2028b\nStatus: Done\n**Epic:** 5 - Web Dashboard\n`,
    );
    expect(s.status).toEqual({ raw: "Done", normalized: "Done", line: 4 });
    expect(s.epic).toEqual({ number: "1", name: "Web Dashboard" });
  });

  it("a numbered acceptance criterion with a line terminator after a run of spaces", () => {
    const s = story("docs/stories/1.1.x.md", `# Story 1.1: T\n## Acceptance Criteria\n1.${" ".repeat(500_000)}a\u2028b\n2. Works\n`);
    expect(s.acceptanceCriteria).toEqual([{ text: "Works", done: false, line: 4 }]);
  });
});

describe("the readers that replaced those regexes read what the regexes read", () => {
  it("unlink", () => {
    const LINK = /\[([^\]]*)\]\([^)]*\)/g;
    const texts = randomLines(11, ["[", "]", "(", ")", "](", "a", " ", "\n", "[a](b)", "[]()"], 30_000, 10);
    for (const t of texts) expect(unlink(t), JSON.stringify(t)).toBe(t.replace(LINK, "$1"));
  });

  it("plainText", () => {
    // plainText as it was, with the regex that removes single markers.
    const EMOJI = /\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|\u{20E3}/gu;
    const before = (text: string): string =>
      text
        .replace(EMOJI, "")
        .replace(/\*\*|__|`/g, "")
        .replace(/(^|\s)[*_]+|[*_]+(?=\s|$|[:.,;])/g, "$1")
        .replace(/\s+/g, " ")
        .trim();
    const parts = ["*", "_", "**", "__", "`", " ", "  ", "\t", "a", "B", ":", ".", ",", ";", "\u00a0", "\u2028", "\r", "✅", "-"];
    for (const t of randomLines(12, parts, 30_000, 9)) expect(plainText(t), JSON.stringify(t)).toBe(before(t));
  });

  it("headingKey", () => {
    const before = (text: string): string =>
      plainText(withoutParens(text))
        .replace(/^\d+(\.\d+)*[.)]?\s+/, "")
        .replace(/[:\s]+$/, "")
        .toLowerCase();
    const parts = [":", " ", "\t", "::", "a", "Deps", "1.", "2)", "(x)", "*", "\u2003", "\u2028"];
    for (const t of randomLines(13, parts, 20_000, 8)) expect(headingKey(t), JSON.stringify(t)).toBe(before(t));
  });

  it("boldLabel", () => {
    const BOLD = /^\s*(?:[-*+]\s+)?\*\*([^*]+?)\*\*\s*:?\s*$/;
    const parts = ["**", "*", "-", "+", " ", "\t", ":", "a", "Blocks", "\u2028", "\r", "x"];
    for (const line of randomLines(14, parts, 30_000, 8)) {
      expect(boldLabel(line), JSON.stringify(line)).toBe(line.includes("**") ? (BOLD.exec(line)?.[1] ?? null) : null);
    }
  });

  it("labelValue, as the Status: and Epic: regexes capture the value", () => {
    const cases = [
      [/^\s*(?:[-*]\s+)?\**Status\**\s*:/i, /^\s*(?:[-*]\s+)?\**Status\**\s*:\s*\**\s*(.+)$/i],
      [/^\s*(?:[-*]\s+)?\**Epic\**\s*:/i, /^\s*(?:[-*]\s+)?\**Epic\**\s*:\s*\**\s*(.+)$/i],
    ] as const;
    const parts = ["Status", "status", "Epic", ":", ":", "*", "**", "-", " ", " ", "\t", "\u2028", "\u00a0", "\r", "Done", "x"];
    let matched = 0;
    for (const line of randomLines(15, parts, 30_000, 8)) {
      for (const [label, whole] of cases) {
        const expected = whole.exec(line)?.[1] ?? null;
        if (expected !== null) matched++;
        expect(labelValue(line, label), JSON.stringify(line)).toBe(expected);
      }
    }
    expect(matched).toBeGreaterThan(500);
  });

  it("numbered acceptance criteria", () => {
    const NUMBERED = /^ ?(\d+)[.)]\s+(.*)$/;
    const parts = ["1", ".", ")", " ", "  ", "\t", "a", "x y", "\u2028", "\u00a0", "\u2003", "-"];
    // Lines that start with a number (so no heading, bold label, fence or checkbox item).
    const starts = ["1.", "12)", " 3.", "4", "  5.", "6.7"];
    const written = randomLines(16, parts, 4_000, 6).map((tail, i) => `${starts[i % starts.length]!}${tail}`);
    const text = ["# Story 1.1: T", "## Acceptance Criteria", ...written].join("\n");
    const expected = written.flatMap((line, i) => {
      const m = NUMBERED.exec(line);
      return m ? [{ text: plainText(m[2]!), done: false, line: i + 3 }] : [];
    });
    expect(expected.length).toBeGreaterThan(100);
    expect(story("docs/stories/1.1.x.md", text).acceptanceCriteria).toEqual(expected);
  });

  it("the .js pattern of detectTechnologies", () => {
    const JS = /\b(?!next\.|node\.|vue\.)[\w-]+\.m?jsx?\b/i;
    const parts = ["a", "-", ".", "js", "JS", "mjs", "jsx", "x", " ", "next", "node", "vue", "_", "1", "é"];
    for (const t of randomLines(17, parts, 30_000, 8)) {
      const javascript = JS.test(t) || /\bjavascript\b/i.test(t) || /\bES6\b/.test(t);
      expect(detectTechnologies(t).includes("javascript"), JSON.stringify(t)).toBe(javascript);
    }
  });
});

describe("line endings: \\r\\n, \\r and \\n each end a line", () => {
  it("reads a classic Mac (lone CR) story: title, dependency and its line", () => {
    const r = parseStory({ path: "docs/stories/1.2.cr.md", text: "# Story 1.2: CR title\r\r**Depends on:** Story 7.7\r" });
    if (r.kind !== "story") throw new Error(r.kind);
    expect([r.story.id, r.story.idSource, r.idLine, r.story.title]).toEqual(["1.2", "heading", 1, "CR title"]);
    expect(r.story.dependencies).toEqual({ declared: true, refs: [storyRef("7.7", "Story 7.7", 3)], line: 3 });
  });

  it("numbers lines as an editor does in a file with mixed endings", () => {
    const s = story("docs/stories/1.3.x.md", "# Story 1.3: T\r\n\r**Status:** Done\n\r## Tasks\r- [ ] a\r\n- [x] b");
    expect(s.status).toEqual({ raw: "Done", normalized: "Done", line: 3 });
    expect(s.tasks).toEqual([
      { text: "a", done: false, line: 6 },
      { text: "b", done: true, line: 7 },
    ]);
  });

  it("reads front matter delimited by lone CRs, with each key's and item's line", () => {
    const r = parseStory({
      path: "docs/stories/1.4.x.md",
      text: "---\rid: 1.4\rdepends_on:\r  - 1.1\r  - Story 1.2\r---\r# Story 1.4: T\r",
    });
    if (r.kind !== "story") throw new Error(r.kind);
    expect([r.story.id, r.story.idSource, r.idLine, r.story.title]).toEqual(["1.4", "front-matter", 2, "T"]);
    expect(r.story.dependencies).toEqual({
      declared: true,
      refs: [storyRef("1.1", "1.1", 4), storyRef("1.2", "Story 1.2", 5)],
      line: 3,
    });
  });

  it("puts diagnostics on the line an editor shows", () => {
    const r = parseStory({ path: "docs/stories/1.9.x.md", text: "\r\r# Story 1.8: T\r" });
    if (r.kind !== "story") throw new Error(r.kind);
    expect(r.warnings).toEqual([
      {
        code: "id-mismatch",
        message: "The heading says 1.8 but the file name says 1.9; using 1.8",
        file: "docs/stories/1.9.x.md",
        line: 3,
      },
    ]);
    const bad = parseStory({ path: "docs/stories/1.5.x.md", text: "---\rid: x\r---\r" });
    expect(bad.kind === "failed" ? bad.errors.map((e) => [e.code, e.line]) : bad.kind).toEqual([["invalid-id", 2]]);
  });

  it("parses a file the same with any of the three endings", () => {
    const lf = [
      "---",
      "title: Login",
      "depends_on: [1.1]",
      "---",
      "# Story 2.3: Login",
      "",
      "## Status",
      "In Progress",
      "",
      "**Epic:** 2 - Accounts",
      "",
      "## Dependencies",
      "- Story 1.2 (API)",
      "**Blocks:** 2.4",
      "",
      "## Acceptance Criteria",
      "1. A form",
      "- [x] Posts to /login in React",
      "",
      "```",
      "# not a heading",
      "```",
      "## Tasks",
      "- [ ] Write app.tsx",
      "",
    ].join("\n");
    const parse = (text: string): StoryParse => parseStory({ path: "docs/stories/2.3.login.md", text });
    const expected = parse(lf);
    expect(expected.kind).toBe("story");
    expect(parse(lf.replace(/\n/g, "\r\n"))).toEqual(expected);
    expect(parse(lf.replace(/\n/g, "\r"))).toEqual(expected);
    const invalid = "---\nid: 1.5\nbad: [\n---\n# Story 1.5: T\n";
    expect(parse(invalid.replace(/\n/g, "\r"))).toEqual(parse(invalid));
  });
});
