// The hand-written readers and pre-checks of the line scan (markdown.ts, parse-story.ts,
// technologies.ts, normal-id.ts) must read exactly what the regexes they stand in for read, and
// a pre-check may only turn down lines its regex would turn down. Random lines from small
// alphabets of the characters that matter (whitespace of every kind, line terminators, markers,
// emoji) check that, besides the named edge cases.
import { describe, expect, it } from "vitest";
import { normalizeId } from "../../../lib/core/ids.js";
import { idFromFileName, identifyFile } from "../../../lib/core/stories/identify.js";
import { parseHeading, plainText, scanBody, scanLines } from "../../../lib/core/stories/markdown.js";
import { normalId } from "../../../lib/core/stories/normal-id.js";
import { parseStory } from "../../../lib/core/stories/parse-story.js";
import { detectTechnologies } from "../../../lib/core/stories/technologies.js";
import { randomLines } from "../../helpers/prng.js";

const SPACES = [" ", "  ", "\t", "\u00a0", "\u2003", "\ufeff", "\r", "\u2028", "\v"];

describe("parseHeading reads what its regex reads", () => {
  const HEADING_RE = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
  const expected = (line: string) => {
    const m = HEADING_RE.exec(line);
    return m ? { level: m[1]!.length, text: m[2]! } : null;
  };
  const read = (line: string) => {
    const h = parseHeading(line);
    return h ? { level: h.level, text: h.text } : null;
  };

  it.each([
    "#",
    "# ",
    "# Title",
    "  # Title ##",
    "    # four spaces is code",
    "####### seven",
    "###### six",
    "#\tTab",
    "# C#",
    "# a # b #  ",
    "# a\rb",
    "# a\r",
    "#\u2028a",
    "# \u00a0Title\u00a0",
    "#Title",
  ])("%j", (line) => {
    expect(read(line)).toEqual(expected(line));
  });

  it("on random lines", () => {
    const parts = ["#", "##", "###", " ", "a", "B", ":", "1", "é", ...SPACES];
    for (const line of randomLines(1, parts, 20_000, 8)) expect(read(line), JSON.stringify(line)).toEqual(expected(line));
  });
});

describe("scanBody splits as split(/\\r?\\n/) does", () => {
  it.each(["", "a", "a\n", "\n", "a\r\nb", "a\rb\n", "a\r\n\r\nb\r\n", "\r\n", "x\r", "one\ntwo\r\nthree"])("%j", (text) => {
    const scan = scanBody(text);
    const lines = Array.from({ length: scan.count }, (_, i) => scan.line(i));
    expect(lines).toEqual(text.split(/\r?\n/));
  });

  it("finds headings as parseHeading reads each line, with or without line terminators in the body", () => {
    for (const text of ["# a\rb\n## c", "# a\r\n## b\u2028c\n### d", "# a\n## b"]) {
      const scan = scanBody(text);
      const lines = text.split(/\r?\n/);
      expect(scan.headings.map((h) => h?.text ?? null)).toEqual(lines.map((l) => parseHeading(l)?.text ?? null));
    }
  });

  it("scanLines keeps the lines it is given", () => {
    const lines = ["a\r", "", " b "];
    const scan = scanLines(lines);
    expect(Array.from({ length: scan.count }, (_, i) => scan.line(i))).toEqual(lines);
  });
});

describe("line pre-checks never turn down a line their regex matches", () => {
  const parts = ["*", "**", "-", "+", ">", "1.", ":", "x", "_", "`", "Status", "STATUS", "status", "Epic", "epic", "Done", "✅", "**Blocks**", ...SPACES];
  const lines = randomLines(2, parts, 30_000, 7);
  const scan = scanLines(lines);

  it("startsWithLabel before the Status: and Epic: patterns", () => {
    const STATUS = /^\s*(?:[-*]\s+)?\**Status\**\s*:\s*\**\s*(.+)$/i;
    const EPIC = /^\s*(?:[-*]\s+)?\**Epic\**\s*:\s*\**\s*(.+)$/i;
    let matched = 0;
    lines.forEach((line, i) => {
      for (const [re, word] of [[STATUS, "status"], [EPIC, "epic"]] as const) {
        if (!re.test(line)) continue;
        matched++;
        expect(scan.startsWithLabel(i, word), JSON.stringify(line)).toBe(true);
      }
    });
    expect(matched).toBeGreaterThan(100);
  });

  it("endsBold before the bold-label patterns", () => {
    const BOLD = [/^\*\*([^*]+?)\*\*:?\s*$/, /^\s*\*\*([^*]+?):?\*\*:?\s*$/, /^\s*(?:[-*+]\s+)?\*\*([^*]+?)\*\*\s*:?\s*$/];
    let matched = 0;
    lines.forEach((line, i) => {
      if (BOLD[0]!.test(line.trim()) || BOLD[1]!.test(line) || BOLD[2]!.test(line)) {
        matched++;
        expect(scan.endsBold(i), JSON.stringify(line)).toBe(true);
      }
    });
    expect(matched).toBeGreaterThan(100);
  });

  it("firstNonSpace on empty, blank and non-ASCII lines", () => {
    const s = scanLines(["", "   ", "\u00a0x", "|a", "  |b"]);
    expect([0, 1, 2, 3, 4].map((i) => s.firstNonSpace(i))).toEqual([-1, -1, 120, 124, 124]);
  });
});

describe("checkbox items read by hand match the checkbox regex", () => {
  it("on random lines in a Tasks section", () => {
    const BOX = /^\s*(?:[-*+]|\d+[.)])\s+\[([ xX])\]\s+(.*)$/;
    const BOLD = /^\*\*([^*]+?)\*\*:?\s*$/;
    const parts = ["-", "*", "+", "1", "12", ".", ")", "[", "]", "x", "X", " [ ] ", "[x] ", "- [ ] ", "2) [X] ", "a", "text", "✅", "**", ...SPACES];
    const written = randomLines(3, parts, 4_000, 6).filter((l) => !BOLD.test(l.trim()) && !/^\s*[#`~]/.test(l));
    const text = ["# Story 1.1: T", "## Tasks", ...written].join("\n");
    const r = parseStory({ path: "docs/stories/1.1.x.md", text });
    if (r.kind !== "story") throw new Error("expected a story");
    // As the parser sees them: "\r\n", "\r" and "\n" each end a line (CommonMark).
    const lines = text.split(/\r\n?|\n/).slice(2);
    const expected = lines.flatMap((line, i) => {
      const m = BOX.exec(line);
      return m ? [{ text: plainText(m[2]!), done: m[1] !== " ", line: i + 3 }] : [];
    });
    expect(expected.length).toBeGreaterThan(100);
    expect(r.story.tasks).toEqual(expected);
  });
});

describe("file names read without regexes where a character decides", () => {
  it.each([
    ["docs/stories/1.2.login.MD", "1.2"],
    ["docs/stories/Story-1-3-x.Story.md", "1.3"],
    ["docs/stories/1.4\u000emd", null], // not ".md": a control character is no "."
    ["docs/stories/\u017ftory-1-5.md", null], // "ſ" is no "s"
  ])("%j", (path, id) => {
    expect(idFromFileName(path)?.id ?? null).toBe(id);
  });

  it("README and epic documents in any case", () => {
    expect(identifyFile("docs/stories/readme.MD", ["# Story 9.9: T", "## Story"]).kind).toBe("skipped");
    expect(identifyFile("docs/stories/Epics-list.md", ["# Story 9.9: T", "## Story"]).kind).toBe("skipped");
  });
});

describe("normalId is normalizeId", () => {
  it.each(["1.2", "01.02", "0", "0.0", "13b", "1.01a", "123456789012345", "1234567890123456", "12345678901234567890.1", "1..2", ""])(
    "%j",
    (id) => expect(normalId(id)).toBe(normalizeId(id)),
  );

  it("on random ids", () => {
    for (const id of randomLines(4, ["0", "1", "9", ".", "a", "B", "00", "1234567890", "-"], 20_000, 6)) {
      expect(normalId(id), JSON.stringify(id)).toBe(normalizeId(id));
    }
  });
});

describe("technology needles at word starts", () => {
  it.each([
    ["main.go and go.mod", ["go"]],
    ["a good goal, go ahead", []],
    ["Written in Go.", ["go"]],
    ["style.scss", ["css"]],
    ["app.JSX", ["javascript"]],
    ["tsconfig.base.json", ["typescript"]],
    ["every function has a docstring", []],
    ["See docs/ and the README", ["docs"]],
    ["Pydantic models", []],
    ["requirements-dev.txt", ["python"]],
    ["\u212Aotlin (a Kelvin sign, not a K)", []],
  ])("%j", (text, expected) => {
    expect(detectTechnologies(text)).toEqual(expected);
  });
});
