// YAML with a bound on nesting: the same results as the yaml package for every ordinary text,
// and an error with a line (never a stack overflow, never a V8 abort) for too deep a one.
import { describe, expect, it } from "vitest";
import { LineCounter, parse, parseDocument } from "yaml";
import { MAX_YAML_DEPTH, parseBounded, parseDocumentBounded } from "../../lib/core/yaml-depth.js";

const nest = (n: number): string => "[".repeat(n) + "]".repeat(n);

/** What a parse gives, or the message and line of what it throws. */
function outcome(f: () => unknown): unknown {
  try {
    return { value: f() };
  } catch (e) {
    return { thrown: (e as Error).message, line: (e as { linePos?: { line: number }[] }).linePos?.[0]?.line };
  }
}

describe("parseBounded / parseDocumentBounded", () => {
  const ordinary = [
    "",
    "# only a comment\n",
    "id: 1.10\nstatus: Draft\ndepends_on: [1.1, '013']\n",
    "a:\n  b:\n    - c\n    - {d: e}\n",
    "base: &b [x, y]\nuse: *b\nalso: {k: *b}\n",
    "a: [unclosed\n",
    'title: "unterminated\n',
    "a: 1\na: 2\n",
    "a: 1\n---\nb: 2\n",
    "id: !custom 1.2\n",
    "a: *missing\n",
    `a: ${nest(MAX_YAML_DEPTH - 1)}\n`,
  ];

  it("gives exactly what the yaml package gives for ordinary texts, errors and warnings included", () => {
    for (const text of ordinary) {
      for (const options of [{ schema: "failsafe" as const }, { uniqueKeys: true, prettyErrors: true }]) {
        expect(outcome(() => parseBounded(text, options)), text).toEqual(outcome(() => parse(text, options)));
        const ours = parseDocumentBounded(text, { ...options, lineCounter: new LineCounter() });
        const theirs = parseDocument(text, { ...options, lineCounter: new LineCounter() });
        expect(ours.errors.map((e) => [e.code, e.message, e.linePos]), text).toEqual(theirs.errors.map((e) => [e.code, e.message, e.linePos]));
        expect(ours.warnings.map((e) => e.message), text).toEqual(theirs.warnings.map((e) => e.message));
        expect(outcome(() => ours.toJS()), text).toEqual(outcome(() => theirs.toJS()));
      }
    }
  });

  it("fills the caller's line counter", () => {
    const lineCounter = new LineCounter();
    parseDocumentBounded("a: 1\nb: 2\nc: 3\n", { lineCounter });
    expect(lineCounter.linePos(10).line).toBe(3);
  });

  it("refuses a text nested deeper than the limit at the line where it goes too deep, however deep", () => {
    // Twice: the yaml package's second parse of such a text made V8 abort the process.
    for (let round = 0; round < 2; round++) {
      expect(outcome(() => parseBounded(`\na: ${nest(5000)}\n`, { schema: "failsafe" }))).toEqual({
        thrown: `nested more than ${MAX_YAML_DEPTH} levels deep`,
        line: 2,
      });
    }
    expect(outcome(() => parseBounded(`a: ${nest(MAX_YAML_DEPTH)}\n`))).toEqual({ thrown: "nested more than 100 levels deep", line: 1 });
    expect(outcome(() => parseBounded(`x: 1\ny:\n${"- ".repeat(20000)}z\n`))).toEqual({ thrown: "nested more than 100 levels deep", line: 3 });
    const keys = Array.from({ length: 150 }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n");
    expect(outcome(() => parseBounded(`${keys} v\n`))).toEqual({ thrown: "nested more than 100 levels deep", line: 101 });
    const doc = parseDocumentBounded(`ok: 1\nbad: ${nest(400)}\n`);
    expect(doc.errors.map((e) => [e.code, e.message, e.linePos?.[0]?.line])).toEqual([["RESOURCE_EXHAUSTION", "nested more than 100 levels deep", 2]]);
  });

  it("counts what aliases stand for, and refuses an alias inside the value it names", () => {
    const chain = ["a0: &a0 [x]"];
    for (let i = 1; i < 60; i++) chain.push(`a${i}: &a${i} [[*a${i - 1}]]`);
    expect(outcome(() => parseBounded(`${chain.join("\n")}\n`))).toEqual({ thrown: "nested more than 100 levels deep once its aliases are expanded", line: 51 });
    expect(outcome(() => parseBounded("a: 1\nb: &b [x, *b]\n"))).toEqual({ thrown: "alias *b is used inside the value it names", line: 2 });
    expect(outcome(() => parseBounded("b: &b {k: [*b]}\n"))).toEqual({ thrown: "alias *b is used inside the value it names", line: 1 });
    // An alias names the latest anchor before it, as the package resolves it: `b: &x [*x]` is
    // itself; a finished redefinition or a scalar is fine.
    expect(outcome(() => parseBounded("a: &x [1]\nb: &x [*x]\n"))).toEqual({ thrown: "alias *x is used inside the value it names", line: 2 });
    expect(parseBounded("a: &x [1]\nb: [*x, &x [2], *x]\nc: &s str\nd: [*s, *x]\n")).toEqual({ a: [1], b: [[1], [2], [2]], c: "str", d: ["str", [2]] });
  });
});
