import { describe, expect, it } from "vitest";
import type { RelatedDiag } from "../../../lib/core/graph/dep-graph.js";
import { ownEdgeAt, ownEdges } from "../../../lib/core/graph/own-edges.js";
import { indexStories } from "../../../lib/core/graph/story-index.js";
import type { ParsedStory } from "../../../lib/core/model.js";
import { story } from "../story-builder.js";

/** Every own edge as "from→to:origin@file:line". */
function edges(stories: ParsedStory[], mode: "when-undeclared" | "always" | "never" = "when-undeclared"): string[] {
  const index = indexStories(stories);
  const own = ownEdges(index, mode, []);
  return [...own.adj.list].map((_t, k) => {
    const e = ownEdgeAt(index, own, k);
    return `${e.from}→${e.to}:${e.origin}${e.file ? `@${e.file.replace("docs/stories/", "")}:${e.line}` : ""}`;
  });
}

describe("ownEdges", () => {
  it("one edge per pair, sorted by target; a stated origin beats reverse, reverse beats implicit", () => {
    const s = [
      story("1.1", { blocks: ["1.3"] }),
      story("1.2", { deps: [], blocks: ["1.3"] }),
      story("1.3", { deps: ["1.2"], depLine: 4, blocks: ["1.4"], blocksLine: 12 }),
      story("1.4"),
      story("1.5"),
    ];
    expect(edges(s)).toEqual([
      "1.3→1.1:reverse@1.1.story.md:9",
      "1.3→1.2:declared@1.3.story.md:4",
      "1.4→1.3:reverse@1.3.story.md:12",
      "1.5→1.4:implicit",
    ]);
  });

  it("ccpm tasks (no epic number) follow the implicit order within their folder's epic only", () => {
    const s = [
      story("1", { epic: "", epicName: "auth" }),
      story("2", { epic: "", epicName: "billing" }),
      story("3", { epic: "", epicName: "auth" }),
      story("4", { epic: "", epicName: "billing" }),
      story("5", { epic: "", epicName: "billing" }),
    ];
    expect(edges(s)).toEqual(["3→1:implicit", "4→2:implicit", "5→4:implicit"]);
  });

  it("the first of two equal refs wins; front matter keeps its origin", () => {
    const s = [story("1.1"), story("1.2", { deps: ["1.1", "1.1-1.1"], depLine: 6, fromFrontMatter: true })];
    expect(edges(s)).toEqual(["1.2→1.1:front-matter@1.2.story.md:6"]);
  });

  it("no implicit edge where the earlier story states it waits for the later one", () => {
    const s = [story("2.1", { deps: ["2.2"] }), story("2.2", { deps: null }), story("2.3", { deps: null })];
    expect(edges(s)).toEqual(["2.1→2.2:declared@2.1.story.md:7", "2.3→2.2:implicit"]);
    expect(edges(s, "never")).toEqual(["2.1→2.2:declared@2.1.story.md:7"]);
  });

  it("sorts long lists too (an epic and a range in reverse order)", () => {
    const epic = Array.from({ length: 40 }, (_, i) => story(`2.${i + 1}`));
    const s = [...epic, story("3.1", { deps: ["3.2-3.3", "epic:2"] }), story("3.2"), story("3.3")];
    const out = edges(s, "never");
    expect(out).toHaveLength(42);
    expect(out[0]).toBe("3.1→2.1:declared@3.1.story.md:8");
    expect(out.slice(-2)).toEqual(["3.1→3.2:declared@3.1.story.md:7", "3.1→3.3:declared@3.1.story.md:7"]);
  });

  it("reports unknown and self references story by story: dependencies, then blocks", () => {
    const diags: RelatedDiag[] = [];
    ownEdges(indexStories([story("1.1", { deps: ["9.9"], blocks: ["1.1"] }), story("1.2", { deps: ["1.2"] })]), "never", diags);
    expect(diags.map((d) => [d.diag.code, d.stories])).toEqual([
      ["unknown-dependency", ["1.1"]],
      ["self-dependency", ["1.1"]],
      ["self-dependency", ["1.2"]],
    ]);
  });

  it("a reverse edge to the story's own epic is dropped with a warning, not made into a cycle", () => {
    const diags: RelatedDiag[] = [];
    const s = [story("2.1"), story("2.2", { blocks: ["epic:2", "epic:3"], blocksLine: 11 }), story("2.3"), story("3.1")];
    const own = ownEdges(indexStories(s), "when-undeclared", diags);
    const index = indexStories(s);
    const list = [...own.adj.list].map((_t, k) => ownEdgeAt(index, own, k)).map((e) => `${e.from}→${e.to}:${e.origin}`);
    // Epic 3 still waits for 2.2; epic 2's own stories keep only their implicit order.
    expect(list).toEqual(["2.2→2.1:implicit", "2.3→2.2:implicit", "3.1→2.2:reverse"]);
    expect(diags.map((d) => [d.diag.code, d.diag.message, d.diag.line, d.severity])).toEqual([
      ["reverse-own-epic", '2.2 says it blocks or enables its own epic ("Epic 2"); that orders no stories, so it is dropped.', 11, "warning"],
    ]);
  });

  it("an epic range the parser kept whole (backwards or too wide) is a warning that says so", () => {
    const diags: RelatedDiag[] = [];
    ownEdges(indexStories([story("1.1"), story("3.1"), story("4.1", { deps: ["epic:3-1"], depLine: 5 })]), "never", diags);
    expect(diags.map((d) => [d.diag.code, d.diag.message, d.diag.line])).toEqual([
      ["unknown-dependency", '4.1 depends on epics 3-1, a range that runs backwards or over more than 50 epics ("Epic 3-1"); the reference is ignored.', 5],
    ]);
  });
});

describe("implicit edges that would close a cycle", () => {
  it("are dropped with an implicit-cycle warning naming the story: the guess never makes a cycle of what the authors wrote", () => {
    // 3.1 waits for 3.3 and 3.3 for 3.2 (stated); 3.2 states nothing, so the implicit order would
    // make it wait for 3.1: a cycle only through the guess (Vatalion's 3.1 → 3.3 → 3.2 → 3.1).
    const s = [story("3.1", { deps: ["3.3"], depLine: 5 }), story("3.2", { deps: null }), story("3.3", { deps: ["3.2"], depLine: 8 }), story("3.4", { deps: null })];
    const diags: RelatedDiag[] = [];
    const index = indexStories(s);
    const own = ownEdges(index, "when-undeclared", diags);
    const list = [...own.adj.list].map((_t, k) => {
      const e = ownEdgeAt(index, own, k);
      return `${e.from}→${e.to}:${e.origin}`;
    });
    expect(list).toEqual(["3.1→3.3:declared", "3.3→3.2:declared", "3.4→3.3:implicit"]);
    expect(diags.map((d) => [d.diag.code, d.diag.file, d.severity])).toEqual([["implicit-cycle", "docs/stories/3.2.story.md", "warning"]]);
    expect(diags[0]!.diag.message).toContain("3.2 states no dependency, so it would wait for 3.1");
  });

  it("a cycle through two guesses loses the first one only (Vatalion's 9.14 → 9.16 → 9.15 → 9.14)", () => {
    const s = [story("9.14", { deps: ["9.16"], depLine: 5 }), story("9.15", { deps: null }), story("9.16", { deps: null })];
    const diags: RelatedDiag[] = [];
    const index = indexStories(s);
    const own = ownEdges(index, "when-undeclared", diags);
    expect([...own.adj.list].map((_t, k) => { const e = ownEdgeAt(index, own, k); return `${e.from}→${e.to}:${e.origin}`; })).toEqual(["9.14→9.16:declared", "9.16→9.15:implicit"]);
    expect(diags.map((d) => d.diag.code)).toEqual(["implicit-cycle"]);
  });
});

describe("reverse edges that would close a cycle", () => {
  it("are dropped with a reverse-cycle warning at their line; the forward statements stay", () => {
    // 2.3 waits for 2.1, 2.1 for 2.2 (stated); 2.3 also says it blocks 2.2: a cycle only through that line.
    const s = [story("2.1", { deps: ["2.2"], depLine: 6 }), story("2.2", { deps: [] }), story("2.3", { blocks: ["2.2", "2.4"], blocksLine: 4, deps: ["2.1"], depLine: 3 }), story("2.4", { deps: [] })];
    const diags: RelatedDiag[] = [];
    const index = indexStories(s);
    const own = ownEdges(index, "never", diags);
    const list = [...own.adj.list].map((_t, k) => {
      const e = ownEdgeAt(index, own, k);
      return `${e.from}→${e.to}:${e.origin}`;
    });
    expect(list).toEqual(["2.1→2.2:declared", "2.3→2.1:declared", "2.4→2.3:reverse"]);
    expect(diags.map((d) => [d.diag.code, d.diag.file, d.diag.line, d.severity])).toEqual([
      ["reverse-cycle", "docs/stories/2.3.story.md", 4, "warning"],
    ]);
    expect(diags[0]!.diag.message).toContain('2.3 says it blocks 2.2 ("Story 2.2"), but 2.3 already waits for 2.2');
  });

  it("keep a reverse edge that agrees with a forward one, and add nothing when there is no cycle", () => {
    const s = [story("3.1", { deps: ["3.2"], depLine: 6 }), story("3.2", { deps: [], blocks: ["3.1"], blocksLine: 9 })];
    const diags: RelatedDiag[] = [];
    expect(edges(s, "never")).toEqual(["3.1→3.2:declared@3.1.story.md:6"]);
    ownEdges(indexStories(s), "never", diags);
    expect(diags).toEqual([]);
  });
});
