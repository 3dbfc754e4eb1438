import { describe, expect, it } from "vitest";
import { nextReady, type SchedulableStory } from "../../../lib/core/scheduler/next.js";
import { resolveConflicts } from "../../../lib/core/scheduler/conflicts.js";
import { indexStories } from "../../../lib/core/graph/dep-graph.js";
import type { StoryStatus } from "../../../lib/core/model.js";
import { ref, story } from "../story-builder.js";

const s = (id: string, status: StoryStatus = "Not Started", extra: Partial<SchedulableStory> = {}): SchedulableStory => ({
  id,
  dependencies: [],
  status,
  agent: "general-developer",
  priority: 1,
  ...extra,
});

describe("conflicting stories never run at the same time", () => {
  it("a story that conflicts with an active one waits, and says for which (every active status)", () => {
    for (const status of ["In Progress", "Ready for Review", "Changes Requested", "Approved"] as const) {
      const d = nextReady([s("12", status, { conflicts: ["14"] }), s("14", "Not Started", { conflicts: ["12"] }), s("15")], 4);
      expect(d.ready.map((r) => r.id)).toEqual(["15"]);
      expect(d.waiting).toEqual(["14"]);
      expect(d.heldBack).toEqual([{ id: "14", conflictsWith: "12" }]);
    }
    // Once 12 is merged, 14 is offered.
    expect(nextReady([s("12", "Done", { conflicts: ["14"] }), s("14", "Not Started", { conflicts: ["12"] })], 4).ready.map((r) => r.id)).toEqual(["14"]);
  });

  it("two conflicting stories are never handed out in the same answer: the better one goes first", () => {
    const d = nextReady([s("12", "Not Started", { conflicts: ["14"], priority: 1 }), s("14", "Not Started", { conflicts: ["12"], priority: 5 }), s("15")], 4);
    expect(d.ready.map((r) => r.id)).toEqual(["14", "15"]);
    expect(d.heldBack).toEqual([{ id: "12", conflictsWith: "14" }]);
  });

  it("a held-back story frees its slot for the next one under the cap", () => {
    const d = nextReady([s("1", "In Progress", { conflicts: ["2"] }), s("2", "Not Started", { conflicts: ["1"], priority: 9 }), s("3"), s("4")], 3);
    expect(d.ready.map((r) => r.id)).toEqual(["3", "4"]);
  });

  it("parallel: false runs alone within its epic; other epics go on beside it", () => {
    const a = (id: string, group: string, status: StoryStatus = "Not Started", alone = false, priority = 1) => s(id, status, { group, priority, ...(alone ? { alone } : {}) });
    // An exclusive story running: nothing else of its epic starts.
    let d = nextReady([a("1", "@auth", "In Progress", true), a("2", "@auth"), a("3", "@billing")], 4);
    expect(d.ready.map((r) => r.id)).toEqual(["3"]);
    expect(d.heldBack).toEqual([{ id: "2", conflictsWith: "1" }]);
    // An exclusive story waits while another story of its epic runs.
    d = nextReady([a("1", "@auth", "In Progress"), a("2", "@auth", "Not Started", true), a("3", "@billing", "Not Started", true)], 4);
    expect(d.ready.map((r) => r.id)).toEqual(["3"]);
    // In one answer: the exclusive story first (longer path), then nothing more of its epic.
    d = nextReady([a("1", "@auth", "Not Started", true, 9), a("2", "@auth"), a("3", "@auth")], 4);
    expect(d.ready.map((r) => r.id)).toEqual(["1"]);
    expect(d.waiting).toEqual(["2", "3"]);
  });
});

describe("resolveConflicts", () => {
  it("resolves conflicts_with ids like dependency ids, both ways; an unknown one is a warning at its line", () => {
    const mk = (id: string, conflicts: string[], parallel?: false) => {
      const st = story(id, { epic: "", epicName: "auth" });
      if (conflicts.length) st.overrides.conflictsWith = conflicts.map((c) => ref(c, 7));
      if (parallel === false) st.overrides.parallel = false;
      return st;
    };
    const index = indexStories([mk("12", ["14", "99"]), mk("13", [], false), mk("14", [])]);
    const c = resolveConflicts(index);
    expect(c.with.map((w) => w?.map((i) => index.keys[i]))).toEqual([["14"], undefined, ["12"]]);
    expect([...c.alone]).toEqual([0, 1, 0]);
    expect(c.anyAlone).toBe(true);
    expect(c.group(0)).toBe("@auth");
    expect(c.diagnostics.map((d) => [d.diag.code, d.diag.file, d.diag.line, d.diag.message])).toEqual([
      ["unknown-dependency", "docs/stories/12.story.md", 7, '12 conflicts with 99, which is not a story ("Story 99"); the reference is ignored.'],
    ]);
  });
});
