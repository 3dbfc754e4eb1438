// The pure config parser: YAML text → Config + invalid-config diagnostics with the key's line.
import { describe, expect, it } from "vitest";
import { parseConfig, closest } from "../../lib/core/config/parse-config.js";
import { CONFIG_FILE } from "../../lib/core/state/state-files.js";
import { DEFAULT_CONFIG } from "../../lib/core/config/schema.js";

const F = CONFIG_FILE;
const bad = (message: string, line: number) => ({ code: "invalid-config", message, file: F, line });

describe("parseConfig", () => {
  it("treats an empty or comment-only file as the defaults", () => {
    expect(parseConfig("")).toEqual({ config: DEFAULT_CONFIG, errors: [] });
    expect(parseConfig("# nothing here\n")).toEqual({ config: DEFAULT_CONFIG, errors: [] });
  });

  it("reads every key and fills the defaults", () => {
    const text = [
      "storiesDir: docs/backlog",
      "baseBranch: develop",
      "maxParallel: 2",
      'verifyCommand: "pytest -q"',
      "implicitDependencies: never",
      "foundation: ['0.*', '1.1']",
      "reviewers: [code-reviewer, security-reviewer]",
      "blockingSeverities: [CRITICAL]",
      "maxFixRounds: 5",
      "agents:",
      "  - agent: python-developer",
      "    keywords: [fastapi]",
      "  - agent: golang-developer",
      "    stories: epic:worker",
      "strict: false",
    ].join("\n");
    expect(parseConfig(text)).toEqual({
      config: {
        storiesDir: "docs/backlog",
        baseBranch: "develop",
        maxParallel: 2,
        verifyCommand: "pytest -q",
        implicitDependencies: "never",
        foundation: ["0.*", "1.1"],
        reviewers: ["code-reviewer", "security-reviewer"],
        blockingSeverities: ["CRITICAL"],
        maxFixRounds: 5,
        agents: [
          { agent: "python-developer", keywords: ["fastapi"] },
          { agent: "golang-developer", stories: "epic:worker" },
        ],
        strict: false,
      },
      errors: [],
    });
    expect(parseConfig("maxParallel: 3\n").config).toEqual({ ...DEFAULT_CONFIG, maxParallel: 3 });
  });

  it("names the key, the allowed values and the value given, at the key's line", () => {
    const r = parseConfig("# settings\nmaxParallel: 3\nimplicitDependencies: sometimes\n");
    expect(r.errors).toEqual([bad('implicitDependencies: expected one of when-undeclared, always, never; got "sometimes"', 3)]);
    // The good keys still apply; the bad one falls back to its default.
    expect(r.config.maxParallel).toBe(3);
    expect(r.config.implicitDependencies).toBe("when-undeclared");
  });

  it("suggests the nearest key for an unknown one", () => {
    expect(parseConfig("maxParallel: 2\nmaxParalel: 3\n").errors).toEqual([bad('unknown key "maxParalel" (did you mean maxParallel?)', 2)]);
    const far = parseConfig("colour: blue\n").errors;
    expect(far).toHaveLength(1);
    expect(far[0]?.message).toMatch(/^unknown key "colour" \(allowed: storiesDir, baseBranch, maxParallel, .*strict\)$/);
  });

  it("reports wrong types, bounds and formats", () => {
    expect(parseConfig("maxParallel: '3'\n").errors).toEqual([bad('maxParallel: expected a number; got "3"', 1)]);
    expect(parseConfig("maxParallel: 2.5\n").errors).toEqual([bad("maxParallel: expected a whole number; got 2.5", 1)]);
    expect(parseConfig("\n\nmaxParallel: 0\n").errors).toEqual([bad("maxParallel: expected a number >= 1; got 0", 3)]);
    expect(parseConfig("strict: yes please\n").errors).toEqual([bad('strict: expected true or false; got "yes please"', 1)]);
    expect(parseConfig("foundation: '0.*'\n").errors).toEqual([bad('foundation: expected a list; got "0.*"', 1)]);
    expect(parseConfig("reviewers: []\n").errors).toEqual([bad("reviewers: expected at least 1 item; got an empty list", 1)]);
    expect(parseConfig("storiesDir: ../elsewhere\n").errors).toEqual([
      bad(`storiesDir: must be a path inside the project (relative, without '..'); got "../elsewhere"`, 1),
    ]);
    expect(parseConfig("storiesDir:\n").errors).toEqual([bad("storiesDir: expected a string; got nothing (remove the key to use the default)", 1)]);
  });

  it("points into lists and nested agent rules", () => {
    const text = "agents:\n  - agent: python-developer\n  - agent: Python Dev\n    keyword: [x]\nblockingSeverities:\n  - HIGH\n  - HUGE\n";
    expect(parseConfig(text).errors).toEqual([
      bad(`agents[1].agent: must be an agent name: lower-case letters, digits and '-'; got "Python Dev"`, 3),
      bad('unknown key "keyword" in agents[1] (did you mean keywords?)', 4),
      bad('blockingSeverities[1]: expected one of CRITICAL, HIGH, MEDIUM, LOW; got "HUGE"', 7),
    ]);
  });

  it("reports YAML syntax errors at their line and keeps the defaults", () => {
    const r = parseConfig("maxParallel: 3\nreviewers: [code-reviewer\n");
    expect(r.config).toEqual(DEFAULT_CONFIG);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ code: "invalid-config", file: F, line: 3 });
    expect(r.errors[0]?.message).toMatch(/^YAML syntax error: Flow sequence/);
    expect(parseConfig("maxParallel: 3\nmaxParallel: 4\n").errors).toEqual([bad("YAML syntax error: Map keys must be unique", 2)]);
    expect(parseConfig("\tmaxParallel: 3\n").errors).toEqual([bad("YAML syntax error: Tabs are not allowed as indentation", 1)]);
  });

  it("rejects a file that is not a mapping", () => {
    const r = parseConfig("- maxParallel\n- 3\n");
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ code: "invalid-config", file: F, line: 1 });
    expect(r.errors[0]?.message).toMatch(/^the file must be a mapping of keys \(storiesDir, .*\); got a list$/);
  });
});

describe("closest", () => {
  it("suggests only plausible typos", () => {
    expect(closest("maxparallel", ["maxParallel", "maxFixRounds"])).toBe("maxParallel");
    expect(closest("reviewer", ["reviewers", "strict"])).toBe("reviewers");
    expect(closest("xyz", ["reviewers", "strict"])).toBeUndefined();
  });
});
