import { describe, expect, it } from "vitest";
import { parseStory } from "../../../lib/core/stories/parse-story.js";
import { isStatusChain, normalizeStatus } from "../../../lib/core/stories/story-status.js";
import type { ParsedStory } from "../../../lib/core/model.js";

function status(text: string, path = "docs/stories/1.1.a.md"): ParsedStory["status"] {
  const r = parseStory({ path, text });
  if (r.kind !== "story") throw new Error(`expected a story, got ${JSON.stringify(r)}`);
  return r.story.status;
}

describe("status words", () => {
  it.each([
    ["Ready for Dev", "Not Started"],
    ["ready-for-dev", "Not Started"],
    ["Refined - Ready for Dev | Priority: High", "Not Started"],
    ["IMPLEMENTED", "Done"],
    ["⚠️ PARTIALLY COMPLETE - code done, tests pending", "In Progress"],
    ["✅ 完成", "Done"],
    ["⚠️ 待开始", "Not Started"],
    ["未完成", "Not Started"],
    ["进行中", "In Progress"],
    // A history ends where the story is now.
    ["ready-for-dev → in-progress → review", "Ready for Review"],
  ])("%s → %s", (raw, expected) => {
    expect(normalizeStatus(raw)).toBe(expected);
  });

  it("a chain has two states or more between arrows", () => {
    expect(isStatusChain("Draft → InProgress → Ready for Review → Done")).toBe(true);
    expect(isStatusChain("review -> done")).toBe(true);
    expect(isStatusChain("Done - merged")).toBe(false);
  });
});

describe("where the status is written", () => {
  it("a `## Status: X` heading carries its value (before a later `**Status**:` about a workaround)", () => {
    const text = "# Story 2.8.3: Security\n\n## Status: ✅ COMPLETED\n\n## Notes\n\n**Status**: ⚠️ TEMPORARY WORKAROUND IN PLACE\n";
    expect(status(text)).toEqual({ raw: "COMPLETED", normalized: "Done", line: 3 });
  });

  it("a heading that only starts with the word is a title, not a status", () => {
    expect(status("# Story 1.1: A\n\n## Status - Update plan\n\ntext\n")).toEqual({ raw: null, normalized: "Not Started" });
  });

  it("a chain of states is a legend: the Status section below decides", () => {
    const text = "# 03.99 — Pilot\n\nStatus: Draft → InProgress → Ready for Review → Done\n\n## Summary\nx\n\n## Status\nTBD\n";
    expect(status(text, "docs/stories/03.99-pilot.md")).toEqual({ raw: "TBD", normalized: "Not Started", line: 9 });
  });

  it("a chain alone is read as a history: its last state", () => {
    expect(status("# Story 1.1: A\n\nStatus: ready-for-dev → in-progress → review\n")).toEqual({
      raw: "ready-for-dev → in-progress → review",
      normalized: "Ready for Review",
      line: 3,
    });
  });

  it("reads a story-info table row, not a header row nor a row describing a product field", () => {
    const info = "# Story 1.12: Steps\n\n## Story Information\n\n| Field | Value |\n|-------|-------|\n| **Story ID** | 1.12 |\n| **Status** | Review |\n";
    expect(status(info)).toEqual({ raw: "Review", normalized: "Ready for Review", line: 8 });
    const columns = "# Story 1.1: A\n\n| Status | Item |\n|---|---|\n| ✅ | x |\n";
    expect(status(columns).raw).toBeNull();
    const field = "# Story 1.1: A\n\n## UI\n\n| Column | Shows |\n|---|---|\n| Status | Active/Inactive badge |\n";
    expect(status(field).raw).toBeNull();
  });

  it("reads the Chinese label, in a list or a table", () => {
    expect(status("# STORY-002: DI\n\n**Epic**: 多平台\n**状态**: ✅ Completed  \n", "docs/stories/STORY-002-di.md")).toEqual({
      raw: "Completed",
      normalized: "Done",
      line: 4,
    });
    expect(status("# Story 13.1: IPC\n\n| 属性 | 值 |\n|------|-----|\n| 状态 | Backlog |\n", "docs/stories/13.1.ipc.md")).toEqual({
      raw: "Backlog",
      normalized: "Not Started",
      line: 5,
    });
  });

  it("a Status line in a review, test or dev-record section is that section's, not the story's", () => {
    const text = [
      "# Story 27.10: Conflicts", //1
      "", //2
      "## Validation (Adversarial Review)", //3
      "- **Status**: PASSED", //4
      "", //5
      "## Code Review Record", //6
      "### Outcome", //7
      "- **Status**: Approved after fixes", //8
    ].join("\n");
    expect(status(text)).toEqual({ raw: null, normalized: "Not Started" });
    // …so the front matter's status stands.
    expect(status(`---\nstatus: "done"\n---\n${text}`)).toEqual({ raw: "done", normalized: "Done", line: 2 });
  });

  it("a title that names a test is still the title", () => {
    expect(status("# Story 1.1: Test results dashboard\n\nStatus: Done\n").normalized).toBe("Done");
  });

  it("skips another field in a Status section; a qualified status label is the value", () => {
    expect(status("# Story 11.4: Merge\n\n## Status\n\n- **Sprint**: 11\n- **Priority**: High\n").raw).toBeNull();
    expect(status("# Story 1.1: A\n\n## Status\n\n**General Status**: Merged\n**Summary**: x\n")).toEqual({
      raw: "General Status: Merged",
      normalized: "Done",
      line: 5,
    });
  });
});

describe("long lines stay linear", () => {
  it("a table row or a Status line with a long run of spaces that matches nothing", () => {
    const run = " ".repeat(200_000);
    const text = `# Story 1.1: A\n\n|${run}x\n| Status${run}x\n|**${run}\n**Status**${run}\n## Status${run}-${run}x\nStatus: a${run}→${run}b\n`;
    const started = Date.now();
    expect(status(text)).toEqual({ raw: "a → b", normalized: "Not Started", line: 8 });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
