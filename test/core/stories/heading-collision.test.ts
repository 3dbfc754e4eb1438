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

describe("a second file with a story's id that reads as a document about it", () => {
  it("is skipped as the companion of the file with the story's own name (Permamind's 12.1-dod-validation.md)", () => {
    const r = parseStories([
      { path: "docs/stories/12.1-dod-validation.md", text: "# Story 12.1 - Definition of Done Validation Report\n\n**Story**: Fork Repository\n" },
      { path: "docs/stories/12.1.story.md", text: "# Story 12.1: Fork Repository\n\n## Story\nAs a dev I want a fork.\n" },
    ]);
    expect(r.errors).toEqual([]);
    expect(r.stories.map((s) => s.path)).toEqual(["docs/stories/12.1.story.md"]);
    expect(r.skipped.map((s) => s.path)).toEqual(["docs/stories/12.1-dod-validation.md"]);
  });

  it("stays a duplicate-id error when it reads as a story of its own (a feature title, no plain-named file)", () => {
    const r = parseStories([
      { path: "docs/stories/3.2-review-dashboard.md", text: "# Story 3.2: Review Dashboard\n\n## Story\nAs a user I want it.\n" },
      { path: "docs/stories/3.2.story.md", text: "# Story 3.2: Login\n\n## Story\nAs a user I want it.\n" },
      { path: "docs/stories/4.1-summary-report.md", text: "# Story 4.1: Summary Report\n\n## Story\nAs a user I want it.\n" },
      { path: "docs/stories/4.1-login.md", text: "# Story 4.1: Login\n\n## Story\nAs a user I want it.\n" },
    ]);
    expect(r.errors.map((e) => [e.code, e.file])).toEqual([
      ["duplicate-id", "docs/stories/3.2.story.md"],
      ["duplicate-id", "docs/stories/4.1-summary-report.md"],
    ]);
  });
});
