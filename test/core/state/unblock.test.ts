import { describe, expect, it } from "vitest";
import { unblockable } from "../../../lib/core/state/unblock.js";
import type { StoryStatus } from "../../../lib/core/model.js";

const s = (id: string, status: StoryStatus, dependencies: string[] = []) => ({ id, status, dependencies, agent: "general-developer", priority: 0 });

describe("unblockable", () => {
  it("frees a chain of Blocked stories once no dependency is Failed", () => {
    expect([...unblockable([s("1.1", "Not Started"), s("1.2", "Blocked", ["1.1"]), s("1.3", "Blocked", ["1.2"])])].sort()).toEqual(["1.2", "1.3"]);
  });
  it("keeps a story Blocked while another dependency is Failed, and its dependents with it", () => {
    const r = unblockable([s("1.1", "Not Started"), s("1.2", "Failed"), s("1.3", "Blocked", ["1.1", "1.2"]), s("1.4", "Blocked", ["1.3"]), s("1.5", "Blocked", ["1.1"])]);
    expect([...r]).toEqual(["1.5"]);
  });
  it("frees nothing when nothing is Blocked", () => {
    expect(unblockable([s("1.1", "Failed"), s("1.2", "Not Started", ["1.1"])]).size).toBe(0);
  });
});
