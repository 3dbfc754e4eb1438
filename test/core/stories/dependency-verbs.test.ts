// Dependency statements whose verb says who waits, and an epic that only locates its stories:
// the forms of WorkDataHub's _bmad-output stories, in small realistic inputs.
import { describe, expect, it } from "vitest";
import { extractDependencies } from "../../../lib/core/stories/dependencies.js";
import type { DepRef } from "../../../lib/core/model.js";

const short = (refs: DepRef[]) =>
  refs.map((r) => {
    const t = r.target;
    const what = t.kind === "story" ? t.id : t.kind === "range" ? `${t.from}-${t.to}` : t.kind === "epic" ? `epic ${t.epic}` : `file ${t.name}`;
    return `${what}@${r.line}`;
  });
const deps = (lines: string[]) => {
  const r = extractDependencies(["# Story 9.9: T", "", ...lines]);
  return { refs: short(r.refs), blocks: short(r.blocks), unread: r.unread.map((u) => `${u.token}@${u.line}`) };
};

describe("who waits, said by the verb in a dependency section", () => {
  it("'This story blocks ...' under ### Dependencies is a reverse edge, parentheses included", () => {
    expect(deps(["### Dependencies", "", "- **Epic 4** must be completed", "- This story blocks all subsequent Epic 5 stories (5.2-5.8)"])).toEqual({
      refs: ["epic 4@5"],
      blocks: ["5.2-5.8@6"],
      unread: [],
    });
    expect(deps(["### Dependencies", "", "- Story 5.1 must be completed", "- This story blocks Story 5.3, 5.5, and 5.6."]).blocks).toEqual(["5.3@6", "5.5@6", "5.6@6"]);
  });

  it("another story or epic waiting is what this story blocks; waiting for other stories is about them, no edge", () => {
    expect(deps(["### Dependencies", "", "**Epic 8 Dependency**: Epic 8 (Testing) is **blocked** by Epic 7.2 completion."])).toEqual({ refs: [], blocks: ["epic 8@5"], unread: [] });
    expect(deps(["### Dependencies", "", "- Story 8.3+ depend on this story (shared library)"])).toEqual({ refs: [], blocks: ["8.3@5"], unread: [] });
    expect(deps(["### Dependencies", "", "- Story 2.1", "- Story 5.3 requires Story 5.2"])).toEqual({ refs: ["2.1@5"], blocks: [], unread: [] });
  });

  it("'Epic 4 Stories 4.3, 4.5' names the stories, not the whole epic; with the stories unread, the epic stands", () => {
    expect(deps(["- Requires Epic 4 Stories 4.3, 4.5 (domain pipelines)"]).refs).toEqual(["4.3@3", "4.5@3"]);
    expect(deps(["**Prerequisites:**", "- Epic 1 Story 1.7: Database Schema", "- Epic 6.2 Story 6.2-4 (Sync Service) - fixes"])).toEqual({
      refs: ["1.7@4", "6.2.4@5"],
      blocks: [],
      unread: [],
    });
    expect(deps(["### Dependencies", "", "- ✅ All Epic 22 stories (22.1-22.12) completed"]).refs).toEqual(["epic 22@5"]);
  });

  it("does not warn about an id another statement of the file already reads", () => {
    const lines = [
      "- **前置故事:** Story 6.2.1 (done) - Generic Backfill Framework Core",
      "- **后续故事:** 6.2.3 (FK Configuration), 6.2.4 (Pre-load Sync)",
      "- **依赖关系:** 本故事为 6.2.1 的追踪字段提供 schema 支持；6.2.3+ 依赖本故事完成后的 schema；6.2.9 另议",
    ];
    expect(deps(lines)).toEqual({ refs: ["6.2.1@3"], blocks: ["6.2.3@4", "6.2.4@4"], unread: ["6.2.9@5"] });
  });
});
