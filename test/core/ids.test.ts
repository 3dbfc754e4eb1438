import { describe, expect, it } from "vitest";
import { compareIds, compareIdSortKeys, idKey, idSortKey, isIdKey, normalizeId } from "../../lib/core/ids.js";
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
