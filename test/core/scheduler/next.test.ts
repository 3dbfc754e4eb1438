import { describe, expect, it } from "vitest";
import { nextReady, type SchedulableStory } from "../../../lib/core/scheduler/next.js";
import type { StoryStatus } from "../../../lib/core/model.js";

const s = (id: string, deps: string[], status: StoryStatus = "Not Started", priority = 1): SchedulableStory => ({ id, dependencies: deps, status, agent: "general-developer", priority });

describe("ready queue", () => {
  it("hands out stories whose dependencies are Done, longest remaining critical path first, ties by id", () => {
    const d = nextReady([s("1.1", [], "Done"), s("1.10", ["1.1"], "Not Started", 2), s("1.2", ["1.1"], "Not Started", 2), s("1.3", [], "Not Started", 5), s("1.4", ["1.2"])], 4);
    expect(d.ready.map((r) => r.id)).toEqual(["1.3", "1.2", "1.10"]);
    expect(d.waiting).toEqual(["1.4"]);
  });

  it("front-matter priority comes first (lower = sooner, unset = 2); the critical path orders the rest", () => {
    const u = (id: string, cp: number, userPriority?: number): SchedulableStory => ({ ...s(id, [], "Not Started", cp), ...(userPriority === undefined ? {} : { userPriority }) });
    const d = nextReady([u("1", 9), u("2", 1, 1), u("3", 5), u("4", 8, 3), u("5", 2, 1), u("6", 7, 2)], 6);
    expect(d.ready.map((r) => r.id)).toEqual(["5", "2", "1", "6", "3", "4"]);
    // Under the cap, the marked story wins over a longer critical path.
    expect(nextReady([u("1", 9), u("2", 1, 0)], 1).ready.map((r) => r.id)).toEqual(["2"]);
  });

  it("respects maxParallel, counting stories already running", () => {
    const d = nextReady([s("1", [], "In Progress"), s("2", [], "Approved"), s("3", [], "Not Started", 3), s("4", [], "Not Started", 9)], 3);
    expect(d.running).toEqual(["1", "2"]);
    expect(d.ready.map((r) => r.id)).toEqual(["4"]);
    expect(d.waiting).toEqual(["3"]);
    expect(nextReady([s("1", [], "In Progress"), s("2", [])], 1).ready).toEqual([]);
  });

  it("a failed story blocks its dependents transitively; independent stories go on", () => {
    const d = nextReady([s("1", [], "Failed"), s("2", ["1"]), s("3", ["2"]), s("4", [])], 4);
    expect(d.blocked).toEqual(["2", "3"]);
    expect(d.ready.map((r) => r.id)).toEqual(["4"]);
  });

  it("only stories in scope are handed out", () => {
    const d = nextReady([s("1", []), s("2", [])], 4, new Set(["2"]));
    expect(d.ready.map((r) => r.id)).toEqual(["2"]);
    expect(d.waiting).toEqual([]);
  });
});
