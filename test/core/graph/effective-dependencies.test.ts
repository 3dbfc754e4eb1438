import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, type Config } from "../../../lib/core/config/schema.js";
import { indexStories } from "../../../lib/core/graph/dep-graph.js";
import { effectiveDependencies, effectiveEdgesOf } from "../../../lib/core/graph/effective-dependencies.js";
import type { ParsedStory } from "../../../lib/core/model.js";
import { parseStory } from "../../../lib/core/stories/parse-story.js";
import { story } from "../story-builder.js";

const bare: Config = { ...DEFAULT_CONFIG, implicitDependencies: "never", foundation: [] };

function deps(stories: ParsedStory[], config: Config = bare): Record<string, string> {
  const index = indexStories(stories);
  const eff = effectiveDependencies(index, config);
  const out: Record<string, string> = {};
  for (const k of index.keys) out[k] = effectiveEdgesOf(eff, index, k).map((e) => `${e.to}:${e.origin}`).join(" ");
  return out;
}

function diags(stories: ParsedStory[], config: Config = bare) {
  return effectiveDependencies(indexStories(stories), config).diagnostics;
}

describe("stated dependencies", () => {
  it("a range resolves to every story between its ends, across epics", () => {
    const s = [story("1.1"), story("1.2"), story("1.10"), story("2.1"), story("2.2"), story("3.1", { deps: ["1.2-2.1"] })];
    expect(deps(s)["3.1"]).toBe("1.2:declared 1.10:declared 2.1:declared");
  });

  it("an epic reference resolves by number or by name, and drops the story itself", () => {
    const s = [story("1.1", { epicName: "Auth" }), story("1.2", { epicName: "Auth" }), story("2.1", { deps: ["epic:auth"] }), story("1.3", { epicName: "Auth", deps: ["epic:1"] })];
    expect(deps(s)["2.1"]).toBe("1.1:declared 1.2:declared 1.3:declared");
    expect(deps(s)["1.3"]).toBe("1.1:declared 1.2:declared");
    expect(diags(s)).toEqual([]);
  });

  it("an epic reference by name covers the whole epic number, like a scope does", () => {
    // Only 1.1 names the epic; 1.2 has no epic line but is in epic 1 all the same.
    const s = [story("1.1", { epicName: "Core" }), story("1.2"), story("2.1", { deps: ["epic:core"] }), story("9.1", { epicName: "Setup" })];
    expect(deps(s)["2.1"]).toBe("1.1:declared 1.2:declared");
    const d = deps(s, { ...bare, foundation: ["epic:core"] });
    expect([d["1.2"], d["2.1"], d["9.1"]]).toEqual(["", "1.1:declared 1.2:declared", "1.1:foundation 1.2:foundation"]);
  });

  it("front-matter refs keep their origin", () => {
    expect(deps([story("1.1"), story("1.2", { deps: ["1.1"], fromFrontMatter: true })])["1.2"]).toBe("1.1:front-matter");
  });

  it("a Blocks: line is a reverse edge", () => {
    const s = [story("1.7", { blocks: ["1.8"] }), story("1.8", { deps: [] })];
    const index = indexStories(s);
    const eff = effectiveDependencies(index, bare);
    expect(effectiveEdgesOf(eff, index, "1.8")).toEqual([{ from: "1.8", to: "1.7", origin: "reverse", file: "docs/stories/1.7.story.md", line: 9, raw: "Story 1.8" }]);
  });

  it("an unknown reference is a warning with file:line, never silently dropped", () => {
    const s = [story("1.1", { deps: ["9.9", "7.1-7.3", "epic:billing"], depLine: 5 }), story("1.2", { blocks: ["4.4"] })];
    expect(diags(s)).toEqual([
      { diag: { code: "unknown-dependency", message: '1.1 depends on 9.9, which is not a story ("Story 9.9"); the reference is ignored.', file: "docs/stories/1.1.story.md", line: 5 }, stories: ["1.1"], severity: "warning" },
      { diag: { code: "unknown-dependency", message: '1.1 depends on stories 7.1-7.3, but no story is in that range ("Stories 7.1-7.3"); the reference is ignored.', file: "docs/stories/1.1.story.md", line: 6 }, stories: ["1.1"], severity: "warning" },
      { diag: { code: "unknown-dependency", message: '1.1 depends on epic billing, but no story belongs to that epic ("Epic billing"); the reference is ignored.', file: "docs/stories/1.1.story.md", line: 7 }, stories: ["1.1"], severity: "warning" },
      { diag: { code: "unknown-dependency", message: '1.2 blocks 4.4, which is not a story ("Story 4.4"); the reference is ignored.', file: "docs/stories/1.2.story.md", line: 9 }, stories: ["1.2"], severity: "warning" },
    ]);
  });

  it("a story that depends on itself is a self-dependency error at its line", () => {
    const s = [story("1.1"), story("1.2", { deps: ["1.1", "1.2"], depLine: 11 })];
    expect(diags(s)).toEqual([
      { diag: { code: "self-dependency", message: '1.2 depends on itself ("Story 1.2").', file: "docs/stories/1.2.story.md", line: 12 }, stories: ["1.2"], severity: "error" },
    ]);
    expect(deps(s)["1.2"]).toBe("1.1:declared");
  });
});

describe("implicit same-epic order", () => {
  const s = () => [story("1.1"), story("1.2", { deps: null }), story("1.3", { deps: [] }), story("1.10", { deps: ["2.1"] }), story("2.1"), story("2.2", { blocks: ["2.1"] })];

  it("when-undeclared: only stories with no dependency statement; None counts, Blocks: does not", () => {
    const d = deps(s(), { ...bare, implicitDependencies: "when-undeclared" });
    expect(d).toEqual({ "1.1": "", "1.2": "1.1:implicit", "1.3": "", "1.10": "2.1:declared", "2.1": "2.2:reverse", "2.2": "" });
  });

  it("when-undeclared skips an implicit edge that the earlier story contradicts", () => {
    // 2.2's file says it blocks 2.1, so 2.2 does not also wait for 2.1 (that would be a cycle).
    const d = deps([story("2.1", { deps: ["2.2"] }), story("2.2")], { ...bare, implicitDependencies: "when-undeclared" });
    expect(d).toEqual({ "2.1": "2.2:declared", "2.2": "" });
  });

  it("always: every story waits for the nearest lower story of its epic", () => {
    const d = deps(s(), { ...bare, implicitDependencies: "always" });
    expect(d).toEqual({ "1.1": "", "1.2": "1.1:implicit", "1.3": "1.2:implicit", "1.10": "1.3:implicit 2.1:declared", "2.1": "2.2:reverse", "2.2": "" });
  });

  it("never: no implicit edges", () => {
    expect(deps(s(), { ...bare, implicitDependencies: "never" })["1.2"]).toBe("");
  });
});

describe("foundation", () => {
  it("every other story waits for the foundation sinks, which stand for the whole foundation", () => {
    const s = [story("0.1"), story("0.2", { deps: ["0.1"] }), story("0.3"), story("1.1"), story("1.2", { deps: ["0.1"] }), story("2.1", { deps: [] })];
    const d = deps(s, { ...bare, foundation: ["0.*"] });
    expect(d).toEqual({
      "0.1": "",
      "0.2": "0.1:declared",
      "0.3": "",
      "1.1": "0.2:foundation 0.3:foundation",
      "1.2": "0.1:declared 0.2:foundation 0.3:foundation",
      "2.1": "0.2:foundation 0.3:foundation",
    });
  });

  it("a story the foundation itself waits for is exempt (no cycle)", () => {
    const s = [story("0.1", { deps: ["5.1"] }), story("5.1", { deps: ["5.0"] }), story("5.0"), story("6.1")];
    expect(deps(s, { ...bare, foundation: ["0.*"] })).toEqual({ "0.1": "5.1:declared", "5.0": "", "5.1": "5.0:declared", "6.1": "0.1:foundation" });
  });

  it("an invalid foundation pattern is an invalid-config error", () => {
    expect(diags([story("1.1")], { ...bare, foundation: ["0..*"] }).map((d) => d.diag)).toEqual([
      { code: "invalid-config", message: 'foundation: Invalid scope "0..*": a glob is whole id parts followed by ".*", e.g. 1.* or 1.2.* (valid forms: 1.1, 1.1-1.5, 1.*, epic:auth, 1.1 1.3).' },
    ]);
  });
});

describe("messages quote the file", () => {
  it("self-dependency quotes the reference as written, with its line", () => {
    const parsed = parseStory({ path: "docs/stories/1.5.x.md", text: "# Story 1.5: X\n\n**Dependencies**: 1.5\n" });
    if (parsed.kind !== "story") throw new Error("not a story");
    expect(diags([story("1.4"), parsed.story])).toEqual([
      { diag: { code: "self-dependency", message: '1.5 depends on itself ("1.5").', file: "docs/stories/1.5.x.md", line: 3 }, stories: ["1.5"], severity: "error" },
    ]);
  });
});
