// A heading id that would collide with another file's id loses to its own file name's id
// (issue 10 "Identity"): Coquinate__MealPlan's `1.11.1.fix-testing-mvp.md` is headed
// "# Story 1.12" beside 1.12.story.md. When the file name's id is taken too, neither wins.
import { describe, expect, it } from "vitest";
import { parseStories } from "../../../lib/core/stories/parse-stories.js";

describe("a heading id that collides with another file's id", () => {
  it("gives way to the file name's free id, with an id-mismatch at the heading, in either path order", () => {
    for (const [a, b] of [
      ["docs/stories/1.11.1.fix-testing-mvp.md", "docs/stories/1.12.story.md"],
      ["docs/stories/epic-1/1.12.story.md", "docs/stories/1.11.1.fix-testing-mvp.md"],
    ] as const) {
      const fix = a.includes("1.11.1") ? a : b;
      const real = a.includes("1.11.1") ? b : a;
      const r = parseStories([
        { path: a, text: a === fix ? "# Story 1.12: Fix testing\n" : "# Story 1.12: Real\n" },
        { path: b, text: b === fix ? "# Story 1.12: Fix testing\n" : "# Story 1.12: Real\n" },
      ]);
      expect(r.errors).toEqual([]);
      expect(r.stories.map((s) => [s.id, s.path])).toEqual([
        ["1.11.1", fix],
        ["1.12", real],
      ]);
      expect(r.warnings).toEqual([
        { code: "id-mismatch", message: `The heading says 1.12, which is also ${real}'s id; using the file name's 1.11.1`, file: fix, line: 1 },
      ]);
    }
  });

  it("stays a duplicate-id error when the file name's id is taken as well", () => {
    const r = parseStories([
      { path: "docs/stories/1.12.story.md", text: "# Story 1.12: Real\n" },
      { path: "docs/stories/1.13.second-look.md", text: "# Story 1.12: Copy\n" },
      { path: "docs/stories/1.13.story.md", text: "# Story 1.13: Other\n" },
    ]);
    expect(r.errors.map((e) => [e.code, e.file])).toEqual([["duplicate-id", "docs/stories/1.13.second-look.md"]]);
  });
});
