import { describe, expect, it } from "vitest";
import { compareIds, isIdKey } from "../../../lib/core/ids.js";
import { compareKeyForms, indexStories, storiesInRange, storiesOfEpic, storyOfFile } from "../../../lib/core/graph/story-index.js";
import { ownEdges } from "../../../lib/core/graph/own-edges.js";
import type { RelatedDiag } from "../../../lib/core/graph/dep-graph.js";
import { story } from "../story-builder.js";

const ids = ["0.1", "1.1", "1.2", "1.10", "2.1", "2.2", "3.1"];

describe("indexStories", () => {
  it("stories already in id order are taken as they are; any other order gives the same index", () => {
    const inOrder = indexStories(ids.map((id) => story(id)));
    const shuffled = indexStories(["2.2", "1.10", "0.1", "3.1", "1.2", "2.1", "1.1"].map((id) => story(id)));
    expect(inOrder.keys).toEqual(ids);
    expect(shuffled.keys).toEqual(ids);
    expect(shuffled.sorted.map((s) => s.id)).toEqual(ids);
    expect([...inOrder.position]).toEqual(ids.map((id, i) => [id, i]));
    expect(inOrder.byKey.get("1.10")?.id).toBe("1.10");
  });

  it("keeps the first of two stories with one id (by path), whatever the input order", () => {
    const a = { ...story("1.1"), path: "docs/stories/a.md", title: "A" };
    const b = { ...story("1.01"), path: "docs/stories/b.md", title: "B" };
    for (const input of [[a, b], [b, a]]) {
      const index = indexStories([story("0.1"), ...input]);
      expect(index.keys).toEqual(["0.1", "1.1"]);
      expect(index.byKey.get("1.1")?.title).toBe("A");
    }
  });
});

describe("storiesInRange", () => {
  const index = indexStories(ids.map((id) => story(id)));
  const range = (from: string, to: string) => {
    const { start, end } = storiesInRange(index, from, to);
    return index.keys.slice(start, Math.max(start, end));
  };

  it("takes every story between the ends, found by key or, when an end is no story, by search", () => {
    expect(range("1.2", "2.1")).toEqual(["1.2", "1.10", "2.1"]);
    expect(range("1.02", "2.01")).toEqual(["1.2", "1.10", "2.1"]);
    expect(range("1.3", "2.5")).toEqual(["1.10", "2.1", "2.2"]);
    expect(range("0", "1.1")).toEqual(["0.1", "1.1"]);
    expect(range("1.1", "1.1")).toEqual(["1.1"]);
  });

  it("is empty for a range with no story in it, or one that runs backwards", () => {
    expect(range("1.3", "1.9")).toEqual([]);
    expect(range("2.1", "1.1")).toEqual([]);
    expect(range("9.1", "9.9")).toEqual([]);
  });
});

describe("storiesOfEpic", () => {
  it("gives story positions, by epic number or name", () => {
    const index = indexStories([story("1.1", { epicName: "Core" }), story("1.2"), story("2.1")]);
    expect(storiesOfEpic(index, "1")).toEqual([0, 1]);
    expect(storiesOfEpic(index, "01")).toEqual([0, 1]);
    expect(storiesOfEpic(index, "core")).toEqual([0, 1]);
    expect(storiesOfEpic(index, "9")).toEqual([]);
  });
});

describe("compareKeyForms", () => {
  it("orders ids in key form as compareIds does", () => {
    const keys = ["0", "1", "1.1", "1.1a", "1.1b", "1.2", "1.9", "1.10", "1.10a", "1.100", "1a", "1a.5", "1b", "2", "9.99", "10.1", "10.1.1", "123456789012345.1"];
    expect(keys.every(isIdKey)).toBe(true);
    for (const a of keys) for (const b of keys) expect(Math.sign(compareKeyForms(a, b))).toBe(Math.sign(compareIds(a, b)));
  });
});

describe("storyOfFile (slug and link references)", () => {
  const at = (path: string, id: string) => ({ ...story(id), path });
  const index = indexStories([
    at("docs/stories/epic-7/7-1-arkit-video-recording-session.md", "7.1"),
    at("docs/stories/1.2.user-login.story.md", "1.2"),
    at("docs/stories/3-4-foo.md", "3.4"),
    at("docs/stories/7-1-2-extra.md", "7.1.2"),
  ]);
  const idOf = (name: string) => {
    const i = storyOfFile(index, name);
    return i === undefined ? undefined : index.sorted[i]!.id;
  };

  it("finds a story by its file name, with or without directory, .story and .md, in any case", () => {
    expect(idOf("7-1-arkit-video-recording-session")).toBe("7.1");
    expect(idOf("./1.2.user-login.story.md")).toBe("1.2");
    expect(idOf("../epic-3/3-4-FOO.md")).toBe("3.4");
  });

  it("falls back to the id the name gives (a renamed file), the longest reading first", () => {
    expect(idOf("3-4-old-title.md")).toBe("3.4");
    expect(idOf("7-1-2-renamed")).toBe("7.1.2");
    expect(idOf("9-9-nothing.md")).toBeUndefined();
  });

  it("a dashed range resolves to the dashed id where that story exists, else to the range; unknown files warn", () => {
    const stories = [
      { ...story("2.1"), dependencies: { declared: true, refs: [
        { target: { kind: "range" as const, from: "23", to: "5", alt: "1.2" }, raw: "1-2", line: 3 },
        { target: { kind: "file" as const, name: "9-9-gone.md" }, raw: "[x](9-9-gone.md)", line: 4 },
      ] } },
      story("1.2"),
    ];
    const diags: RelatedDiag[] = [];
    const own = ownEdges(indexStories(stories), "never", diags);
    expect([...own.adj.list]).toEqual([0]);
    expect(diags.map((d) => [d.diag.code, d.diag.line, d.diag.message])).toEqual([
      ["unknown-dependency", 4, '2.1 depends on 9-9-gone.md, which names no story file ("[x](9-9-gone.md)"); the reference is ignored.'],
    ]);
  });
});
