// The event stream's wire format and the story changes it reports.
import { describe, expect, it } from "vitest";
import { lineData, sseFrame, sseOpening, storyChanges, SSE_PING, type StorySnapshot } from "../../../lib/core/dashboard/events.js";

type Snap = StorySnapshot & { id: string };
const snap = (id: string, status: Snap["status"], lastUpdate: string, headSha: string | null = null): [string, Snap] => [id.toLowerCase(), { id, status, lastUpdate, headSha }];

describe("the event stream", () => {
  it("writes each event as one event line and one data line of JSON", () => {
    const frame = sseFrame({ type: "journal", data: { at: "t", event: "start", storyId: "1.1", data: { note: "two\nlines" } } });
    expect(frame).toBe(`event: journal\ndata: {"at":"t","event":"start","storyId":"1.1","data":{"note":"two\\nlines"}}\n\n`);
    expect(frame.split("\n").filter(Boolean)).toHaveLength(2);
    expect(SSE_PING).toBe(": ping\n\n");
    expect(sseOpening(2000)).toMatch(/^retry: 2000\n: .+\n\n$/);
  });

  it("reports stories that are new or whose status, update time or head changed, in key order", () => {
    const before = new Map([snap("1.1", "In Progress", "t1"), snap("1.2", "Ready for Review", "t1", "abc1234"), snap("1.3", "Done", "t0")]);
    const after = new Map([snap("1.3", "Done", "t0"), snap("1.2", "Approved", "t2", "abc1234"), snap("1.1", "In Progress", "t3"), snap("1.4", "In Progress", "t3")]);
    expect(storyChanges(before, after)).toEqual([
      { id: "1.1", status: "In Progress", previous: "In Progress", lastUpdate: "t3", headSha: null },
      { id: "1.2", status: "Approved", previous: "Ready for Review", lastUpdate: "t2", headSha: "abc1234" },
      { id: "1.4", status: "In Progress", previous: null, lastUpdate: "t3", headSha: null },
    ]);
    expect(storyChanges(after, after)).toEqual([]);
  });

  it("takes journal and ledger lines that are JSON objects with an event; skips torn or foreign lines", () => {
    expect(lineData(`{"at":"t","event":"merge","storyId":"1.1"}`)).toEqual({ at: "t", event: "merge", storyId: "1.1" });
    for (const raw of ["", "  ", `{"at":"t","ev`, "[1,2]", "null", `"event"`, `{"event":3}`]) expect(lineData(raw)).toBeNull();
  });
});
