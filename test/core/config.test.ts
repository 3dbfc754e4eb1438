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
        budgetUsd: null,
        maxAttempts: 3,
        workerTimeoutMinutes: 60,
        workerSilenceMinutes: 10,
        retryBackoffSeconds: 30,
      },
      errors: [],
      storiesDirLine: 1,
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
    expect(far[0]?.message).toMatch(/^unknown key "colour" \(allowed: storiesDir, baseBranch, maxParallel, .*strict, .*notify.*\)$/);
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
    expect(parseConfig("storiesDir:\n").errors).toEqual([
      bad("storiesDir: expected a folder path or a list of folder paths; got nothing (remove the key to use the default)", 1),
    ]);
    expect(parseConfig("storiesDir: [docs/stories, ../x]\n").errors).toEqual([
      bad(`storiesDir[1]: must be a path inside the project (relative, without '..'); got "../x"`, 1),
    ]);
    expect(parseConfig("storiesDir: []\n").errors).toEqual([bad("storiesDir: expected at least 1 item; got an empty list", 1)]);
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

describe("parseConfig on hostile YAML", () => {
  const nest = (n: number): string => "[".repeat(n) + "]".repeat(n);

  it("reports aliases that expand too much as invalid-config naming the file, not a crash", () => {
    // No line: which alias tipped the count is not known.
    const excessive = { code: "invalid-config", message: "YAML error: Excessive alias count indicates a resource exhaustion attack", file: F };
    const many = `reviewers: [&r code-reviewer]\nfoundation: [${Array(120).fill("*r").join(", ")}]\n`;
    expect(parseConfig(many)).toEqual({ config: DEFAULT_CONFIG, errors: [excessive] });
    const nine = (alias: string): string => `[${Array(9).fill(alias).join(", ")}]`;
    const laughs = `a: &a ${nine("lol")}\nb: &b ${nine("*a")}\nc: &c ${nine("*b")}\nd: &d ${nine("*c")}\n`;
    expect(parseConfig(laughs)).toEqual({ config: DEFAULT_CONFIG, errors: [excessive] });
    const unresolved = parseConfig("reviewers: *nope\n").errors;
    expect(unresolved).toEqual([{ code: "invalid-config", message: "YAML error: Unresolved alias (the anchor must be set before the alias): nope", file: F }]);
  });

  it("refuses nesting deeper than 100 levels at its line, flow or block", () => {
    // The top-level mapping is level 1: 99 brackets make 100 levels (a type error, not a depth one), 100 make 101.
    expect(parseConfig(`foundation: ${nest(99)}\n`).errors).toEqual([bad("foundation[0]: expected a string; got a list", 1)]);
    const deep = parseConfig(`maxParallel: 2\nfoundation: ${nest(100)}\n`);
    expect(deep).toEqual({ config: DEFAULT_CONFIG, errors: [bad("YAML syntax error: nested more than 100 levels deep", 2)] });
    expect(parseConfig(`a: ${nest(5000)}\n`).errors).toEqual([bad("YAML syntax error: nested more than 100 levels deep", 1)]);
    expect(parseConfig(`maxParallel: 2\nfoundation:\n${"- ".repeat(3000)}x\n`).errors).toEqual([bad("YAML syntax error: nested more than 100 levels deep", 3)]);
  });

  it("counts what aliases stand for, and refuses a value that contains itself", () => {
    // Each anchor is three levels deeper than the last: a few lines nest past any limit.
    const chain = ["a0: &a0 [x]"];
    for (let i = 1; i < 40; i++) chain.push(`a${i}: &a${i} [[[*a${i - 1}]]]`);
    expect(parseConfig(`${chain.join("\n")}\n`).errors).toEqual([bad("YAML syntax error: nested more than 100 levels deep once its aliases are expanded", 35)]);
    expect(parseConfig("maxParallel: 2\nreviewers: &r [code-reviewer, *r]\n").errors).toEqual([bad("YAML syntax error: alias *r is used inside the value it names", 2)]);
    // Ordinary aliases still work.
    expect(parseConfig("reviewers: &r [code-reviewer]\nfoundation: &f ['0.*']\nagents: [{agent: python-developer, keywords: *r}]\n").errors).toEqual([]);
  });

  it("reports an invalid foundation or stories: pattern at its line, and leaves out only that foundation pattern", () => {
    const r = parseConfig("foundation: ['0.*', '1.1-']\nagents:\n  - agent: golang-developer\n    stories: epic:worker\n  - agent: python-developer\n    stories: '1.**'\n");
    expect(r.errors).toEqual([
      bad('foundation[1]: Invalid scope "1.1-": a range needs one story id on each side of "-", e.g. 1.1-1.5 (valid forms: 1.1, 1.1-1.5, 1.*, epic:auth, 1.1 1.3).', 1),
      bad('agents[1].stories: Invalid scope "1.**": a glob is whole id parts followed by ".*", e.g. 1.* or 1.2.* (valid forms: 1.1, 1.1-1.5, 1.*, epic:auth, 1.1 1.3).', 6),
    ]);
    expect(r.config.foundation).toEqual(["0.*"]);
    // The rule stays (it never matches) so the others keep their numbers in "config rule N".
    expect(r.config.agents).toEqual([
      { agent: "golang-developer", stories: "epic:worker" },
      { agent: "python-developer", stories: "1.**" },
    ]);
    // Reported even when the key has another problem (which sends it back to its default).
    expect(parseConfig("foundation:\n  - 3\n  - '1.1-'\n").errors.map((d) => [d.line, d.message.slice(0, 14)])).toEqual([
      [2, "foundation[0]:"],
      [3, "foundation[1]:"],
    ]);
  });

  it("reads storiesDir as one folder or a list of folders", () => {
    expect(parseConfig("storiesDir: docs/stories\n").config.storiesDir).toBe("docs/stories");
    const list = parseConfig("storiesDir:\n  - docs/stories\n  - .claude/epics\n");
    expect(list.errors).toEqual([]);
    expect(list.config.storiesDir).toEqual(["docs/stories", ".claude/epics"]);
    expect(list.storiesDirLine).toBe(1);
  });

  it("gives the line of storiesDir, for diagnostics about the folder it names", () => {
    expect(parseConfig("# where\nmaxParallel: 2\nstoriesDir: plans\n").storiesDirLine).toBe(3);
    expect(parseConfig("maxParallel: 2\n")).not.toHaveProperty("storiesDirLine");
    expect(parseConfig("storiesDir: ../x\n")).not.toHaveProperty("storiesDirLine");
  });
});

describe("closest", () => {
  it("suggests only plausible typos", () => {
    expect(closest("maxparallel", ["maxParallel", "maxFixRounds"])).toBe("maxParallel");
    expect(closest("reviewer", ["reviewers", "strict"])).toBe("reviewers");
    expect(closest("xyz", ["reviewers", "strict"])).toBeUndefined();
  });
});

describe("names of agents and severities in config", () => {
  it("an unknown reviewer or developer agent is invalid-config with the line and a did-you-mean; the key keeps its default", () => {
    const r = parseConfig("maxParallel: 2\nreviewers: [code-reviewr]\nagents:\n  - agent: python-developr\n    keywords: [django]\n");
    expect(r.errors).toEqual([
      bad('reviewers[0]: unknown reviewer agent "code-reviewr" (did you mean code-reviewer?)', 2),
      bad('agents[0].agent: unknown developer agent "python-developr" (did you mean python-developer?)', 4),
    ]);
    expect(r.config.reviewers).toEqual(["code-reviewer"]);
    expect(r.config.agents).toEqual([]);
    expect(r.config.maxParallel).toBe(2);
    expect(parseConfig("reviewers: [bob]\n").errors).toEqual([bad('reviewers[0]: unknown reviewer agent "bob" (reviewer agents: code-reviewer, security-reviewer)', 1)]);
  });

  it("reviewers must be reviewer agents and rules must name developer agents", () => {
    expect(parseConfig("reviewers:\n  - code-reviewer\n  - python-developer\nagents: [{agent: security-reviewer, stories: '1.*'}]\n").errors).toEqual([
      bad('reviewers[1]: "python-developer" is a developer agent, not a reviewer agent (reviewer agents: code-reviewer, security-reviewer)', 3),
      bad('agents[0].agent: "security-reviewer" is a reviewer agent, not a developer agent (developer agents: frontend-design, general-developer, golang-developer, nextjs-developer, python-developer, react-developer)', 4),
    ]);
  });

  it("blockingSeverities are case-insensitive, as in findings", () => {
    const r = parseConfig("blockingSeverities: [high, Critical, medium]\n");
    expect(r.errors).toEqual([]);
    expect(r.config.blockingSeverities).toEqual(["HIGH", "CRITICAL", "MEDIUM"]);
  });
});

describe("parseConfig: notify", () => {
  it("reads a command, a webhook and the events, all events by default", () => {
    const r = parseConfig("notify:\n  command: ./notify.sh\n  webhook: https://hooks.example.com/T1\n");
    expect(r.errors).toEqual([]);
    expect(r.config.notify).toEqual({ command: "./notify.sh", webhook: "https://hooks.example.com/T1", events: ["question", "story-failed", "budget-warning", "run-finished"] });
    expect(parseConfig("notify:\n  command: x\n  events: [question]\n").config.notify?.events).toEqual(["question"]);
    expect(DEFAULT_CONFIG.notify).toBeUndefined();
  });

  it("names the notify key that is wrong, at its line, and keeps the other keys", () => {
    const r = parseConfig("maxParallel: 2\nnotify:\n  webhook: ftp://example.com/x\n");
    expect(r.errors).toEqual([bad('notify.webhook: must be an http:// or https:// URL; got "ftp://example.com/x"', 3)]);
    expect(r.config.maxParallel).toBe(2);
    expect(r.config.notify).toBeUndefined();
    expect(parseConfig("notify:\n  webhook: not a url\n").errors).toEqual([bad('notify.webhook: must be an http:// or https:// URL; got "not a url"', 2)]);
    expect(parseConfig("notify:\n  webhok: https://x.example\n").errors).toEqual([bad('unknown key "webhok" in notify (did you mean webhook?)', 2)]);
    expect(parseConfig("notify:\n  events:\n    - question\n    - merged\n").errors).toEqual([
      bad('notify.events[1]: expected one of question, story-failed, budget-warning, run-finished; got "merged"', 4),
    ]);
    expect(parseConfig("notify: yes\n").errors).toEqual([bad('notify: expected a mapping; got "yes"', 1)]);
    expect(parseConfig("notify:\n  command: ''\n").errors).toEqual([bad('notify.command: expected a non-empty string; got ""', 2)]);
  });
});
