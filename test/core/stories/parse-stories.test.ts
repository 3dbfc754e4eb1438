import { describe, expect, it } from "vitest";
import { parseStories } from "../../../lib/core/stories/parse-stories.js";

const s = (id: string, extra = "") => `# Story ${id}: T${id}\n\n## Story\nAs a dev, I want x\n${extra}`;

describe("parseStories", () => {
  it("orders stories by id, part by part", () => {
    const files = ["1.10", "1.9", "1.10b", "1.11", "2.1", "1.2"].map((id) => ({ path: `d/${id}.x.md`, text: s(id) }));
    expect(parseStories(files).stories.map((x) => x.id)).toEqual(["1.2", "1.9", "1.10", "1.10b", "1.11", "2.1"]);
  });

  it("reports a duplicate id naming both files, on the later path, at the id's line", () => {
    const r = parseStories([
      { path: "d/4.1.story.md", text: s("4.1") },
      { path: "d/4.1.command-line.md", text: s("4.1") },
    ]);
    expect(r.stories.map((x) => x.path)).toEqual(["d/4.1.command-line.md"]);
    expect(r.errors).toEqual([
      {
        code: "duplicate-id",
        message:
          "Story 4.1 is defined twice: d/4.1.command-line.md and d/4.1.story.md. Give one of them another id, or move the one that is not a story out of the stories folder",
        file: "d/4.1.story.md",
        line: 1,
      },
    ]);
  });

  it("treats 19a.2 and 19A.2 as one id", () => {
    const r = parseStories([
      { path: "d/19a-2-x.md", text: "As a dev, I want x" },
      { path: "d/19A.2.y.md", text: "As a dev, I want x" },
    ]);
    expect(r.errors.map((e) => [e.code, e.file])).toEqual([["duplicate-id", "d/19a-2-x.md"]]);
  });

  it("skips companions and README with reasons, and collects front matter errors", () => {
    const r = parseStories([
      { path: "d/README.md", text: "# Stories" },
      { path: "d/5.1.DELIVERY-SUMMARY.md", text: "# Story 5.1: X - Delivery Summary\n" },
      { path: "d/5.1.story.md", text: s("5.1") },
      { path: "d/5.2.story.md", text: "---\nid: [\n---\n" },
    ]);
    // 5.2's file does not parse: a stub with its problem stands for it (its dependents wait).
    expect(r.stories.map((x) => [x.id, x.problem?.code])).toEqual([
      ["5.1", undefined],
      ["5.2", "invalid-front-matter"],
    ]);
    expect(r.skipped.map((x) => x.path)).toEqual(["d/5.1.DELIVERY-SUMMARY.md", "d/README.md"]);
    expect(r.errors.map((e) => [e.code, e.file, e.line])).toEqual([["invalid-front-matter", "d/5.2.story.md", 2]]);
  });

  it("keeps a file that only its name calls a companion as the story when no other file has its id", () => {
    const guide = "# Story 13.57: Phase 7 - 用户指南\n\n| Story ID | 13.57 |\n\n## 任务列表\n";
    const alone = parseStories([
      { path: "d/epic-013/STORY-13.56-DOCS-API.md", text: "# Story 13.56: Phase 7 - API 文档\n" },
      { path: "d/epic-013/STORY-13.57-DOCS-USER-GUIDE.md", text: guide },
    ]);
    expect(alone.stories.map((x) => [x.id, x.title])).toEqual([
      ["13.56", "Phase 7 - API 文档"],
      ["13.57", "Phase 7 - 用户指南"],
    ]);
    expect(alone.skipped).toEqual([]);
    // Beside its story's file it is that story's companion, with the reason its name gives.
    const beside = parseStories([
      { path: "d/STORY-027-context.md", text: "# STORY-027: 智能任务分解 - 技术上下文\n\n## 📚 Story Context\n" },
      { path: "d/STORY-027-smart-task-decomposition.md", text: s("27") },
    ]);
    expect(beside.errors).toEqual([]);
    expect(beside.stories.map((x) => x.path)).toEqual(["d/STORY-027-smart-task-decomposition.md"]);
    expect(beside.skipped).toEqual([
      { path: "d/STORY-027-context.md", reason: 'companion document of story 27 ("context"): no story section, "As a ... I want" or acceptance criteria' },
    ]);
    // A heading that names a document is a companion even alone.
    const report = parseStories([{ path: "d/6.15-validation-fixes-summary.md", text: "# Story 6.15 Validation Fixes Summary\n" }]);
    expect(report.stories).toEqual([]);
  });

  it("parses 10,000 files quickly enough to stay interactive", () => {
    const files = Array.from({ length: 10000 }, (_, i) => ({
      path: `d/${Math.floor(i / 100) + 1}.${(i % 100) + 1}.x.md`,
      text: s(`${Math.floor(i / 100) + 1}.${(i % 100) + 1}`, "\n## Dependencies\n- Story 1.1\n"),
    }));
    const r = parseStories(files);
    expect(r.stories).toHaveLength(10000);
    expect(r.errors).toEqual([]);
  });
});
