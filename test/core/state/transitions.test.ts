import { describe, expect, it } from "vitest";
import { TRANSITIONS, transition } from "../../../lib/core/state/transitions.js";
import { newStoryState, StoryStateSchema } from "../../../lib/core/state/schemas.js";
import { STORY_STATUSES } from "../../../lib/core/model.js";

const at = "2026-01-01T00:00:00.000Z";
const st = (status: (typeof STORY_STATUSES)[number]) => ({ ...newStoryState({ storyId: "1.2", agent: "general-developer", dependencies: [], at }), status });

describe("lifecycle transitions", () => {
  it("walks the happy path and records history", () => {
    let s = st("Not Started");
    for (const e of ["start", "submit", "approve", "merge"] as const) {
      const r = transition(s, e, at);
      expect(r.ok).toBe(true);
      if (r.ok) s = r.value;
    }
    expect(s.status).toBe("Done");
    expect(s.history.map((h) => `${h.from}>${h.to}`)).toEqual(["Not Started>In Progress", "In Progress>Ready for Review", "Ready for Review>Approved", "Approved>Done"]);
    expect(StoryStateSchema.safeParse(s).success).toBe(true);
  });

  it("refuses every edge that is not in the table with illegal-transition naming both statuses", () => {
    for (const from of STORY_STATUSES) {
      for (const [event, rule] of Object.entries(TRANSITIONS)) {
        const r = transition(st(from), event as keyof typeof TRANSITIONS, at);
        if (rule.from.includes(from)) expect(r.ok).toBe(true);
        else {
          expect(r.ok).toBe(false);
          if (!r.ok) {
            expect(r.error[0]!.code).toBe("illegal-transition");
            expect(r.error[0]!.message).toContain(`"${from}"`);
            expect(r.error[0]!.message).toContain(`"${rule.to}"`);
          }
        }
      }
    }
  });

  it("only a merge reaches Done from Approved, and Done is final", () => {
    expect(transition(st("Ready for Review"), "merge", at).ok).toBe(false);
    expect(transition(st("In Progress"), "merge", at).ok).toBe(false);
    for (const e of Object.keys(TRANSITIONS)) expect(transition(st("Done"), e as keyof typeof TRANSITIONS, at).ok).toBe(false);
  });

  it("fix rounds: Changes Requested goes back to In Progress or straight to Ready for Review", () => {
    expect(transition(st("Changes Requested"), "rework", at).ok).toBe(true);
    expect(transition(st("Changes Requested"), "submit", at).ok).toBe(true);
    expect(transition(st("Changes Requested"), "approve", at).ok).toBe(false);
  });
});
