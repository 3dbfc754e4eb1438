import { describe, expect, it } from "vitest";
import { epicNames, matchesScopePattern, parseScope, resolveScope, suggestIds } from "../../lib/core/scope.js";
import { story } from "./story-builder.js";

const stories = [
  story("0.1"),
  story("1.1", { epicName: "User Authentication" }),
  story("1.2", { epicName: "User Authentication" }),
  story("1.10", { epicName: "User Authentication" }),
  story("1.11b", { epicName: "User Authentication" }),
  story("2.1", { epicName: "Payments" }),
  story("2.2", { epicName: "Payments" }),
  story("3.1.1"),
];

function keys(args: string[]): string[] {
  const r = resolveScope(args, stories);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return [...r.value].sort();
}

describe("resolveScope", () => {
  it("empty scope and * select every story", () => {
    expect(keys([])).toHaveLength(8);
    expect(keys(["*"])).toHaveLength(8);
  });

  it("a range is inclusive by id order and may span epics", () => {
    expect(keys(["1.2-2.1"])).toEqual(["1.10", "1.11b", "1.2", "2.1"]);
    expect(keys(["1.1-1.10"])).toEqual(["1.1", "1.10", "1.2"]);
  });

  it("globs select an epic or a sub-epic", () => {
    expect(keys(["1.*"])).toEqual(["1.1", "1.10", "1.11b", "1.2"]);
    expect(keys(["3.1.*"])).toEqual(["3.1.1"]);
    expect(keys(["3.*"])).toEqual(["3.1.1"]);
  });

  it("epic:NAME takes the number, the name or the slug, any case", () => {
    expect(keys(["epic:2"])).toEqual(["2.1", "2.2"]);
    expect(keys(["epic:payments"])).toEqual(["2.1", "2.2"]);
    expect(keys(["epic:user-authentication"])).toEqual(["1.1", "1.10", "1.11b", "1.2"]);
    expect(keys(["epic:User Authentication"])).toEqual(["1.1", "1.10", "1.11b", "1.2"]);
  });

  it("several ids, separated by spaces, commas or arguments; ids are case-insensitive", () => {
    expect(keys(["1.1", "1.10"])).toEqual(["1.1", "1.10"]);
    expect(keys(["1.1,2.2"])).toEqual(["1.1", "2.2"]);
    expect(keys(["1.1, 2.2 1.11B"])).toEqual(["1.1", "1.11b", "2.2"]);
  });

  it.each([
    ["1.1-", 'Invalid scope "1.1-": a range needs one story id on each side of "-", e.g. 1.1-1.5 (valid forms: 1.1, 1.1-1.5, 1.*, epic:auth, 1.1 1.3).'],
    ["-1.2", 'Invalid scope "-1.2": a range needs one story id on each side of "-", e.g. 1.1-1.5 (valid forms: 1.1, 1.1-1.5, 1.*, epic:auth, 1.1 1.3).'],
    ["epic:", 'Invalid scope "epic:": name an epic after "epic:", e.g. epic:2 or epic:auth (valid forms: 1.1, 1.1-1.5, 1.*, epic:auth, 1.1 1.3).'],
    ["1..2", 'Invalid scope "1..2": not a story id, range, glob or epic (valid forms: 1.1, 1.1-1.5, 1.*, epic:auth, 1.1 1.3).'],
    ["1.1-2.x", 'Invalid scope "1.1-2.x": "2.x" is not a story id (valid forms: 1.1, 1.1-1.5, 1.*, epic:auth, 1.1 1.3).'],
    ["1.5-1.1", 'Invalid scope "1.5-1.1": the range runs backwards; write 1.1-1.5 (valid forms: 1.1, 1.1-1.5, 1.*, epic:auth, 1.1 1.3).'],
    ["1.1*", 'Invalid scope "1.1*": a glob is whole id parts followed by ".*", e.g. 1.* or 1.2.* (valid forms: 1.1, 1.1-1.5, 1.*, epic:auth, 1.1 1.3).'],
  ])("rejects %s with an example of valid syntax", (arg, message) => {
    expect(resolveScope([arg], stories)).toEqual({ ok: false, error: [{ code: "invalid-scope", message }] });
  });

  it("reports every bad term, not just the first", () => {
    const r = parseScope(["1.1-", "1.2", "epic:"]);
    expect(r.ok ? [] : r.error.map((d) => d.code)).toEqual(["invalid-scope", "invalid-scope"]);
  });

  it("an unknown id is unknown-story with the nearest ids", () => {
    expect(resolveScope(["1.3"], stories)).toEqual({
      ok: false,
      error: [{ code: "unknown-story", message: 'Scope "1.3" matches no story; did you mean 1.2, 1.10 or 1.1?' }],
    });
    expect(resolveScope(["1.12"], stories)).toEqual({
      ok: false,
      error: [{ code: "unknown-story", message: 'Scope "1.12" matches no story; did you mean 1.11b, 2.1 or 1.10?' }],
    });
  });

  it("an unknown epic lists the epics; an empty range or glob gives the id span", () => {
    expect(resolveScope(["epic:billing"], stories)).toEqual({
      ok: false,
      error: [{ code: "unknown-story", message: 'Scope "epic:billing" matches no story; epics are: 0, 1 (User Authentication), 2 (Payments), 3.1.' }],
    });
    // ccpm epics are folder names with no number: listed by name.
    const ccpm = [story("1", { epic: "", epicName: "billing" }), story("2", { epic: "", epicName: "auth" }), story("3", { epic: "", epicName: "billing" })];
    expect(resolveScope(["epic:nope"], ccpm)).toEqual({
      ok: false,
      error: [{ code: "unknown-story", message: 'Scope "epic:nope" matches no story; epics are: auth, billing.' }],
    });
    expect(resolveScope(["7.*"], stories)).toEqual({
      ok: false,
      error: [{ code: "unknown-story", message: 'Scope "7.*" matches no story; story ids run from 0.1 to 3.1.1.' }],
    });
  });
});

describe("suggestIds", () => {
  it("puts id-order neighbours first, then close spellings", () => {
    expect(suggestIds("1.12", ["1.1", "1.2", "1.10", "1.11"])).toEqual(["1.11", "1.10", "1.2"]);
  });
  it("past the last id: the largest ids below, nearest first, not far-off spellings", () => {
    const ids = ["0.1", "1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "3.1", "3.2", "3.3"];
    expect(suggestIds("9.9", ids)).toEqual(["3.3", "3.2", "3.1"]);
    expect(suggestIds("0.0", ids)).toEqual(["0.1", "1.1", "1.2"]);
  });
  it("one-edit typos (a letter for a digit, swapped digits) come right after the neighbours", () => {
    const ids = ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "1.10", "1.11"];
    expect(suggestIds("1.1O", ids)).toEqual(["1.1", "1.2", "1.10"]);
    expect(suggestIds("1.01", ["1.2", "1.3", "1.10", "1.20"])).toEqual(["1.2", "1.3", "1.10"]);
    expect(suggestIds("2.11", [...ids, "3.1"])).toEqual(["1.11", "3.1", "1.10"]);
  });
});

describe("matchesScopePattern (config foundation and agent rules)", () => {
  it("uses the scope grammar", () => {
    expect(matchesScopePattern("0.*", story("0.5.3"))).toBe(true);
    expect(matchesScopePattern("0.*", story("10.1"))).toBe(false);
    expect(matchesScopePattern("1.1-1.3 2.1", story("2.1"))).toBe(true);
    expect(matchesScopePattern("epic:payments", story("2.9", { epicName: "Payments" }))).toBe(true);
  });
  it("an invalid pattern matches nothing", () => {
    expect(matchesScopePattern("1..2", story("1.2"))).toBe(false);
  });
});

describe("epic names name the whole epic number", () => {
  // As in the taskboard QA finding: 1.1 says `**Epic:** Core`, 1.5 and 1.2 say nothing.
  const uneven = [
    story("1.1", { epicName: "Core" }),
    story("1.2"),
    story("1.3", { epicName: "Core" }),
    story("1.5"),
    story("2.1", { epicName: "UI" }),
    story("2.2"),
  ];
  const sel = (args: string[], s = uneven): string[] => {
    const r = resolveScope(args, s);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return [...r.value].sort();
  };

  it("epic:NAME selects exactly what epic:N selects", () => {
    expect(sel(["epic:core"])).toEqual(["1.1", "1.2", "1.3", "1.5"]);
    expect(sel(["epic:core"])).toEqual(sel(["epic:1"]));
    expect(sel(["epic:ui"])).toEqual(["2.1", "2.2"]);
  });

  it("a name claimed by two epic numbers selects both epics", () => {
    const s = [...uneven, story("3.1", { epicName: "core" }), story("3.2")];
    expect(sel(["epic:Core"], s)).toEqual(["1.1", "1.2", "1.3", "1.5", "3.1", "3.2"]);
  });

  it("config patterns use the same mapping when given the project's epic names", () => {
    const names = epicNames(uneven);
    expect(names).toEqual(new Map([["core", ["1"]], ["ui", ["2"]]]));
    expect(matchesScopePattern("epic:core", story("1.5"), names)).toBe(true);
    expect(matchesScopePattern("epic:core", story("2.2"), names)).toBe(false);
    // Without the project's names only the story's own line counts.
    expect(matchesScopePattern("epic:core", story("1.5"))).toBe(false);
  });
});

describe("resolveScopeOrAll", () => {
  const s = [story("1.1"), story("1.2"), story("2.1")];
  it("says null for every story instead of listing them; anything else as resolveScope", async () => {
    const { resolveScopeOrAll } = await import("../../lib/core/scope.js");
    expect(resolveScopeOrAll([], s)).toEqual({ ok: true, value: null });
    expect(resolveScopeOrAll(["*"], s)).toEqual({ ok: true, value: null });
    expect(resolveScopeOrAll(["1.*"], s)).toEqual(resolveScope(["1.*"], s));
    expect(resolveScopeOrAll(["9.9"], s).ok).toBe(false);
    expect(resolveScope([], s)).toEqual({ ok: true, value: new Set(["1.1", "1.2", "2.1"]) });
  });

  it("a compiled pattern takes the story's key when the caller has it", async () => {
    const { compileScopePattern } = await import("../../lib/core/scope.js");
    const m = compileScopePattern("1.* 2.1");
    expect(m.ok && [m.value(story("1.01"), "1.1"), m.value(story("10.1"), "10.1"), m.value(story("2.1"), "2.1"), m.value(story("2.01"))]).toEqual([true, false, true, true]);
  });
});
