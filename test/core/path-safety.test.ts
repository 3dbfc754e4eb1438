import { describe, expect, it } from "vitest";
import { relativeStaysInside } from "../../lib/core/path-safety.js";

describe("relativeStaysInside", () => {
  it("keeps the folder itself, its children and names that only begin with dots", () => {
    expect(["", "a", "a/b", "..notes", "a/../b", ".hidden"].map(relativeStaysInside)).toEqual([true, true, true, true, true, true]);
  });
  it("refuses the parent, anything under it, and absolute paths (POSIX and Windows)", () => {
    expect(["..", "../x", "..\\x", "/etc", "\\x", "C:\\x", "d:/x"].map(relativeStaysInside)).toEqual([false, false, false, false, false, false, false]);
  });
});
