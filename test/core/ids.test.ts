import { describe, expect, it } from "vitest";
import { compareIds, compareIdSortKeys, epicOf, idKey, idSortKey, isIdKey, isStoryId, namespaceOf, normalizeId } from "../../lib/core/ids.js";
import { keyOf, sortById } from "../../lib/core/graph/id-order.js";

// Ids as authors write them, and the odd ones the fast paths must hand to the exact way.
const IDS = [
  "1", "1.1", "1.01", "1.1a", "1.1A", "1.10", "1.9", "1.10b", "1.11", "0.5.3", "0.5", "13", "19A.2", "19a.2", "2",
  "1a", "1a.5", "1b", "0", "00", "1..2", "1.", ".1", "", "x", "1.x", "1a2", "1.1aa",
  "123456789012345.1", "1234567890123456.1", "9007199254740991a", "99999999999999999999.1", "1.0000000000000001",
];

describe("idKey fast path", () => {
  it("an id in key form is its own key; every other id goes the long way", () => {
    for (const id of IDS) {
      if (isIdKey(id)) expect(idKey(id)).toBe(id);
      expect(keyOf(id)).toBe(idKey(id));
    }
    expect(["1.1", "19a.2", "0.5.3", "0", "123456789012345.1"].every(isIdKey)).toBe(true);
    expect(["1.01", "19A.2", "00", "1.", "1..2", "x", "1234567890123456.1"].some(isIdKey)).toBe(false);
  });
});

describe("ids with long number parts", () => {
  it("keep every digit: two different ids never share a key", () => {
    expect(idKey("1.12345678901234567")).toBe("1.12345678901234567");
    expect(idKey("1.12345678901234568")).not.toBe(idKey("1.12345678901234567"));
    expect(idKey("1.0012345678901234567")).toBe("1.12345678901234567");
    expect(normalizeId("01.0012345678901234567A")).toBe("1.12345678901234567A");
  });
});

describe("compareIds without parsing ids into arrays", () => {
  it("gives exactly what comparing the sort keys gives, for every pair", () => {
    for (const a of IDS) {
      for (const b of IDS) expect(compareIds(a, b)).toBe(compareIdSortKeys(idSortKey(a), idSortKey(b)));
    }
  });

  it("orders part by part, numerically; a prefix first; no suffix before a, before b", () => {
    expect(["1.10", "1.9", "1.10b", "1", "1.1a", "1.1", "1a"].sort(compareIds)).toEqual(["1", "1.1", "1.1a", "1.9", "1.10", "1.10b", "1a"]);
  });

  it("sortById keeps equal ids in their order unless told otherwise", () => {
    const items = [{ id: "1.1", n: 1 }, { id: "1.01", n: 2 }, { id: "0.9", n: 3 }];
    expect(sortById(items, (i) => i.id).map((i) => i.n)).toEqual([3, 1, 2]);
    expect(sortById(items, (i) => i.id, (a, b) => b.n - a.n).map((i) => i.n)).toEqual([3, 2, 1]);
  });
});

describe("namespaced ids (UGM-1.2, US-021)", () => {
  it("are ids; the grammar still admits only [0-9A-Za-z.-], a letter or digit first, bounded", () => {
    for (const id of ["UGM-1.2", "US-021", "EH-1.1", "ff-scanner-v2-3", "STORY-064", "AP-1.1a"]) expect(isStoryId(id)).toBe(true);
    for (const id of ["-1.2", ".1", "UGM-", "UGM-1.2-", "1-UGM", "../1", "UGM/1.2", "U GM-1", `${"A".repeat(70)}-1`]) expect(isStoryId(id)).toBe(false);
  });

  it("keep the namespace in the key: UGM-1.2 is not 1.2; case and leading zeros do not matter", () => {
    expect(idKey("UGM-1.2")).not.toBe(idKey("1.2"));
    expect(idKey("EH-1.1")).not.toBe(idKey("1.1"));
    expect(idKey("US-021")).toBe(idKey("us-21"));
    expect(normalizeId("US-021")).toBe("US-21");
    expect(keyOf("UGM-01.02")).toBe(idKey("ugm-1.2"));
  });

  it("drop the word Story, Task or Issue: it says what the thing is, not a namespace", () => {
    expect(normalizeId("STORY-064")).toBe("64");
    expect(normalizeId("Story-1.2")).toBe("1.2");
    expect(normalizeId("story-UGM-1.1")).toBe("UGM-1.1");
    expect(idKey("STORY-13.14")).toBe("13.14");
    expect(namespaceOf("task-3")).toBe("");
    expect(namespaceOf("UGM-3.1")).toBe("UGM");
  });

  it("order by namespace (none first), then number by number", () => {
    const ids = ["UGM-1.10", "2.1", "AP-3.5", "UGM-1.2", "1.1", "us-2", "US-10", "UGM-1.9"];
    expect([...ids].sort(compareIds)).toEqual(["1.1", "2.1", "AP-3.5", "UGM-1.2", "UGM-1.9", "UGM-1.10", "us-2", "US-10"]);
    expect(sortById(ids, (i) => i)).toEqual([...ids].sort(compareIds));
  });

  it("have their epic inside the namespace: EH-1.1 is in EH-1, US-21 in US", () => {
    expect(epicOf("EH-1.1")).toBe("EH-1");
    expect(epicOf("UGM-3.1")).toBe("UGM-3");
    expect(epicOf("US-21")).toBe("US");
    expect(epicOf("13")).toBe("");
  });
});
