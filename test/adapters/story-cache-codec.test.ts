// The parse cache's compact form: every outcome real files give must come back from the cache
// file equal (toStrictEqual) and as the same JSON bytes; what cannot is not encoded at all.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CORPORA, itShared } from "../helpers/shared.js";
import { decodeOutcome, encodeOutcome, movePooled, TextPool, type Outcome } from "../../lib/adapters/fs/story-cache-codec.js";
import { diag } from "../../lib/core/diagnostics.js";
import { parseStory } from "../../lib/core/stories/parse-story.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Every .md file under `dir`, as parseStory sees it (path relative to `dir`). */
function markdownUnder(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".md")) out.push({ path: path.relative(dir, p).split(path.sep).join("/"), text: readFileSync(p, "utf8") });
    }
  };
  walk(dir);
  return out;
}

/**
 * Through two cache files and back: encode, JSON text, parse, then moved into the pool of a
 * later cache (as a kept entry is; behind other text, so its offsets change), decode.
 */
function roundTrip(o: Outcome): Outcome | null {
  const first = new TextPool();
  const packed = encodeOutcome(o, first);
  expect(packed).not.toBeNull();
  const later = new TextPool();
  later.add("12-text of another story");
  const moved = movePooled(JSON.parse(JSON.stringify(packed)) as unknown[], first.text(), later);
  return decodeOutcome(JSON.parse(JSON.stringify(moved)) as unknown, later.text());
}
const encode = (o: Outcome): unknown[] | null => encodeOutcome(o, new TextPool());

const parsed = (p: string, text: string): Outcome => ({ kind: "parse", parse: parseStory({ path: p, text }) });

// Each field the codec writes, in a form that is not its default: front-matter id, agent,
// priority and epic name; a status with no line; every reference kind, `Blocks:`; warnings and
// errors; done and open items, an item whose text starts with digits, non-ASCII text.
const CRAFTED: [string, string][] = [
  [
    "docs/stories/3.2.payments.md",
    "---\nid: 3.2\nagent: python-developer\npriority: high\nepic: Payments\nstatus: In Progress\ndepends_on:\n  - 3.1\n  - Stories 2.1-2.4\n---\n# Story 3.2: Pay ✅\n\n**Blocks:** Story 3.3\n\n**Enables:** Epic 4\n\n## Acceptance Criteria\n1. 200 OK on success\n- [x] 2 retries then fail — café\n### AC3: Refunds\n\n## Tasks\n- [ ] Task 1 (AC: 1)\n- [X] **Done** one\n",
  ],
  ["docs/stories/1.1.mismatch.md", "# Story 1.4: Wrong id in the heading\n\n**Status:** Done\n\n**Dependencies:** Epic 2, 1.1\n"],
  ["docs/stories/2.1.bad-agent.md", "---\nagent: Not A Name\n---\n# Story 2.1: Bad agent\n"],
  ["docs/stories/notes.md", "Just notes.\n"],
  ["docs/stories/5.1.broken.md", "---\nid: [unclosed\n---\n# Story 5.1: Broken\n"],
];

describe("story-cache codec", () => {
  itShared("gives back every outcome of the corpora, the example and crafted stories exactly, key order included", () => {
    const files = [
      ...markdownUnder(CORPORA),
      ...markdownUnder(path.join(repoRoot, "examples")),
      ...CRAFTED.map(([p, text]) => ({ path: p, text })),
    ];
    const kinds = new Set<string>();
    for (const f of files) {
      const o = parsed(f.path, f.text);
      kinds.add(o.kind === "parse" ? o.parse.kind : o.kind);
      const back = roundTrip(o);
      expect(back, f.path).toStrictEqual(o);
      expect(JSON.stringify(back), f.path).toBe(JSON.stringify(o));
    }
    expect([...kinds].sort()).toEqual(["failed", "skipped", "story"]);
    expect(files.length).toBeGreaterThan(100);

    const skip: Outcome = { kind: "skip", warning: diag("empty-file", "x.md is empty; skipped", "x.md") };
    expect(roundTrip(skip)).toStrictEqual(skip);
  });

  it("covers the crafted fields (so the round trip above is not trivially about empty ones)", () => {
    const o = parsed(...CRAFTED[0]!);
    if (o.kind !== "parse" || o.parse.kind !== "story") throw new Error("expected a story");
    const s = o.parse.story;
    expect(s.overrides).toEqual({ agent: "python-developer", priority: 1 });
    expect(s.epic.name).toBe("Payments");
    expect(s.status.line).toBe(6);
    expect(s.dependencies.refs.map((r) => r.target.kind)).toEqual(["story", "range"]);
    expect(s.blocks.map((r) => r.target.kind)).toEqual(["story", "epic"]);
    expect(s.acceptanceCriteria.map((c) => [c.text, c.done])).toEqual([
      ["200 OK on success", false],
      ["2 retries then fail — café", true],
      ["AC3: Refunds", false],
    ]);
    expect(s.tasks.map((c) => c.done)).toEqual([false, true]);
  });

  it("checklists are read back when first used, and can be replaced", () => {
    const o = roundTrip(parsed(...CRAFTED[0]!));
    if (o?.kind !== "parse" || o.parse.kind !== "story") throw new Error("expected a story");
    const s = o.parse.story;
    expect(s.tasks[0]).toEqual({ text: "Task 1 (AC: 1)", done: false, line: 23 });
    expect(s.tasks).toBe(s.tasks); // read once, then the same array
    s.tasks = [];
    expect(s.tasks).toEqual([]);
  });

  it("refuses what JSON would not give back as it is", () => {
    const huge = parsed("docs/stories/1.1.a.md", `---\npriority: ${"9".repeat(400)}\n---\n# Story 1.1: Huge priority\n`);
    if (huge.kind !== "parse" || huge.parse.kind !== "story") throw new Error("expected a story");
    expect(huge.parse.story.overrides.priority).toBe(Infinity);
    expect(encode(huge)).toBeNull();

    const base = parsed("docs/stories/1.1.a.md", "# Story 1.1: A\n\n## Tasks\n- [ ] one\n");
    if (base.kind !== "parse" || base.parse.kind !== "story") throw new Error("expected a story");
    const story = base.parse.story;
    expect(encode(base)).not.toBeNull();
    // A field the codec does not know would be dropped: refused instead.
    expect(encode({ ...base, parse: { ...base.parse, story: { ...story, extra: 1 } as typeof story } })).toBeNull();
    // An item holding a line break would split in two.
    expect(encode({ ...base, parse: { ...base.parse, story: { ...story, tasks: [{ text: "a\nb", done: false, line: 4 }] } } })).toBeNull();
    // A warning with an undefined-valued key would come back without it.
    const w = { code: "empty-file", message: "m", file: undefined } as unknown as ReturnType<typeof diag>;
    expect(encode({ kind: "skip", warning: w })).toBeNull();
  });

  it("decodes nothing it did not write", () => {
    for (const bad of [null, "x", [], [7], [0, "1.1"], [1, null], [1, { kind: "parse" }], [1, { kind: "other", parse: {} }]]) {
      expect(decodeOutcome(bad, "")).toBeNull();
    }
    // A story whose checklists lie outside the pool.
    const pool = new TextPool();
    const packed = encode(parsed("docs/stories/1.1.a.md", "# Story 1.1: A\n\n## Tasks\n- [ ] one\n"));
    expect(decodeOutcome(packed, "")).toBeNull();
    expect(decodeOutcome(encodeOutcome(parsed("docs/stories/1.1.a.md", "# Story 1.1: A\n\n## Tasks\n- [ ] one\n"), pool), pool.text())).not.toBeNull();
  });
});
