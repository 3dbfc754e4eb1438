import { describe, expect, it } from "vitest";
import { idFromFileName, identifyFile } from "../../../lib/core/stories/identify.js";

const story = ["# Story 1.1: Title", "", "## Story", "As a user, I want x, so that y.", ""];

describe("idFromFileName", () => {
  it.each([
    ["docs/stories/1.1.user-auth.md", "1.1", "user-auth"],
    ["docs/stories/1.11b.refactor.story.md", "1.11b", "refactor"],
    ["docs/stories/4.1.story.md", "4.1", ""],
    ["docs/stories/1-2-slug.md", "1.2", "slug"],
    ["docs/stories/story-1-2-slug.md", "1.2", "slug"],
    ["docs/stories/19a-2-slug.md", "19a.2", "slug"],
    ["docs/stories/0-5-3-slug.md", "0.5.3", "slug"],
    [".claude/epics/auth/001.md", "1", ""],
    [".claude/epics/auth/13.md", "13", ""],
    ["docs/stories/4.5-review-summary.md", "4.5", "review-summary"],
  ])("%s → %s", (p, id, slug) => {
    const n = idFromFileName(p);
    expect(n?.id).toBe(id);
    expect(n?.slug).toBe(slug);
  });

  it("lists every reading of an ambiguous dashed name", () => {
    expect(idFromFileName("0-5-7-72-hour-alerts.md")?.candidates).toEqual(["0.5", "0.5.7", "0.5.7.72"]);
  });

  it("gives null for names without an id", () => {
    expect(idFromFileName("docs/stories/overview.md")).toBeNull();
  });
});

describe("identifyFile", () => {
  it("skips README and epic documents, with a reason", () => {
    expect(identifyFile("docs/stories/README.md", story)).toEqual({ kind: "skipped", reason: "README, not a story" });
    for (const p of ["epic.md", "epic-1.md", "epic-2-auth.md"]) {
      expect(identifyFile(`docs/stories/${p}`, ["# Auth"]).kind).toBe("skipped");
    }
    const r = identifyFile("docs/stories/2.md", ["# Epic 2: Auth", "", "Stories of the epic."]);
    expect(r).toEqual({ kind: "skipped", reason: 'epic document (heading "Epic 2: Auth"), not a story' });
  });

  it("skips companion documents by name and content", () => {
    const summary = ["# Story 5.1: Server - Delivery Summary", "", "- Complete story statement (As a/I want/So that)"];
    const r = identifyFile("docs/stories/5.1.DELIVERY-SUMMARY.md", summary);
    expect(r.kind).toBe("skipped");
    expect(identifyFile("docs/stories/5.1.implementation-guide.md", ["# Story 5.1: Guide", "## 🎯 Story Overview"]).kind).toBe(
      "skipped",
    );
    // A companion-looking name with a real story body is a story.
    expect(identifyFile("docs/stories/2.3.release-notes.md", story).kind).toBe("story");
  });

  it("skips a file whose name spans a range of stories and says it summarises them", () => {
    const phase = ["# Stories 13.23-13.28: Phase 3 剩余 Stories", "", "## Story 13.23: Repository 文件系统集成"];
    expect(identifyFile("docs/stories/epic-013/STORY-13.23-28-PHASE3-REMAINING.md", phase)).toEqual({
      kind: "skipped",
      reason: 'index of stories 13.23 to 13.28 (heading "Stories 13.23-13.28: Phase 3 剩余 Stories"), not a story',
    });
    expect(identifyFile("docs/stories/1.1-1.5-summary.md", ["# Progress of the login stories", "", "- 1.1 done"])).toEqual({
      kind: "skipped",
      reason: "summary of stories 1.1-1.5 (its name spans a range of stories), not a story",
    });
    // The heading alone tells too.
    expect(identifyFile("docs/stories/2.1-2.4-notes.md", ["# Stories 2.1-2.4: notes"]).kind).toBe("skipped");
    // The same shape is a dashed id (7.1-17 = 7.1.17): without such a word or heading, a story.
    expect(identifyFile("stories/epic-7/7.1-17-reduce-function-arity-complexity.md", story).kind).toBe("story");
    expect(identifyFile("stories/epic-7.6/7.6-9-index-trigger-optimization.md", story).kind).toBe("story");
    expect(identifyFile("stories/5.6-1-summary-export.md", story).kind).toBe("story"); // 1 < 6: no range
  });

  it("skips files with no id anywhere", () => {
    expect(identifyFile("docs/stories/overview.md", ["# Overview", "text"])).toEqual({
      kind: "skipped",
      reason: "no story id in the file name, heading or front matter",
    });
  });
});
