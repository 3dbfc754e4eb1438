import { describe, expect, it } from "vitest";
import { changesRequestedHead } from "../../../lib/core/state/fix-round.js";
import { transition } from "../../../lib/core/state/transitions.js";
import { newStoryState, type StoryState } from "../../../lib/core/state/schemas.js";
import type { StoryEvent } from "../../../lib/core/state/transitions.js";

const at = "2026-01-01T00:00:00.000Z";
const HEAD = "a".repeat(40);
const walk = (...events: StoryEvent[]): StoryState => {
  let s: StoryState = { ...newStoryState({ storyId: "1.1", agent: "general-developer", dependencies: [], at }), headSha: HEAD };
  for (const e of events) {
    const r = transition(s, e, at);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    s = r.value;
  }
  return s;
};

describe("changesRequestedHead", () => {
  it("is the recorded head while changes are requested and after rework", () => {
    expect(changesRequestedHead(walk("start", "submit", "request-changes"))).toBe(HEAD);
    expect(changesRequestedHead(walk("start", "submit", "request-changes", "rework"))).toBe(HEAD);
    expect(changesRequestedHead(walk("start", "submit", "approve", "send-back", "rework"))).toBe(HEAD);
  });
  it("is null for a first start, a retried story and statuses outside a fix round", () => {
    expect(changesRequestedHead(walk("start"))).toBeNull();
    expect(changesRequestedHead(walk("start", "submit", "request-changes", "rework", "fail", "retry", "start"))).toBeNull();
    expect(changesRequestedHead(walk("start", "submit"))).toBeNull();
    expect(changesRequestedHead(walk("start", "submit", "approve"))).toBeNull();
  });
});
