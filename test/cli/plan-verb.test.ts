// `plan` through the built CLI: the example project's exact plan, and what bad input gives.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, noStackTrace, projectsOfTestFile, story } from "./run-built-cli.js";
import { ensureBuilt } from "../helpers/built-cli.js";

const EXAMPLE = "examples/taskboard";
const CONFIG = ".agent-orchestration/config.yaml";
const CONTRACT_KEYS = ["stories", "waves", "criticalPath", "warnings", "errors", "outOfScope", "setAside"];
const { project, removeAll } = projectsOfTestFile();
const twoStories = {
  "docs/stories/1.1.setup.md": story("1.1", "Setup"),
  "docs/stories/1.2.login.md": story("1.2", "Login", "\n**Depends on:** Story 1.1\n"),
};

beforeAll(ensureBuilt);
afterAll(removeAll);

interface PlanJson {
  stories: { id: string; title: string; path: string; status: string; epic: string; agent: string; agentReason: string; dependencies: string[]; wave: number | null }[];
  waves: string[][];
  criticalPath: string[];
  warnings: { code: string; message: string; file?: string; line?: number }[];
  errors: { code: string; message: string; file?: string; line?: number }[];
  outOfScope: { story: string; dependsOn: string }[];
  setAside: { id: string; reason: string; file: string; line?: number }[];
}

async function planJson(args: string[]): Promise<{ exitCode: number; plan: PlanJson }> {
  const r = await cli(["plan", "--json", ...args]);
  noStackTrace(r);
  expect(r.stderr).toBe("");
  const plan = JSON.parse(r.stdout) as PlanJson;
  expect(Object.keys(plan)).toEqual(CONTRACT_KEYS);
  return { exitCode: r.exitCode, plan };
}

describe("plan on examples/taskboard", () => {
  it("plans the example: exact waves, critical path, agents and reasons", async () => {
    const { exitCode, plan } = await planJson(["--cwd", EXAMPLE]);
    expect(exitCode).toBe(0);
    expect(plan.waves).toEqual([
      ["1.1", "1.3", "2.1"],
      ["1.2", "3.1"],
      ["1.4", "2.2", "3.2"],
      ["2.3", "2.4", "3.3"],
    ]);
    expect(plan.criticalPath).toEqual(["1.1", "1.2", "1.4", "3.3"]);
    expect(plan.errors).toEqual([]);
    expect(plan.warnings).toEqual([]);
    expect(plan.outOfScope).toEqual([]);
    const rows = plan.stories.map((s) => [s.id, s.status, s.agent, s.agentReason, s.dependencies.join(" "), s.wave]);
    expect(rows).toEqual([
      ["0.1", "Done", "react-developer", "detected React (react); tie with Python, Go, React comes first", "", null],
      ["1.1", "Not Started", "python-developer", "detected Python (python, pytest)", "0.1", 0],
      ["1.2", "Not Started", "python-developer", "detected Python (python, fastapi, pytest)", "0.1 1.1", 1],
      ["1.3", "Not Started", "python-developer", "detected Python (python, fastapi, pytest)", "0.1", 0],
      ["1.4", "Not Started", "python-developer", "detected Python (python, pytest)", "0.1 1.2 1.3", 2],
      ["2.1", "Not Started", "frontend-design", "detected UI design (design system, css), no code technology", "0.1", 0],
      ["2.2", "Not Started", "react-developer", "detected React (react)", "0.1 1.2 2.1", 2],
      ["2.3", "Not Started", "react-developer", "detected React (react)", "0.1 2.2", 3],
      ["2.4", "Not Started", "react-developer", "detected React (react)", "0.1 1.3 2.2", 3],
      ["3.1", "Not Started", "golang-developer", "detected Go (go)", "0.1 1.1", 1],
      ["3.2", "Not Started", "golang-developer", "detected Go (go)", "0.1 3.1", 2],
      ["3.3", "Not Started", "general-developer", "docs-only (docs, guide)", "0.1 1.1 1.2 1.3 1.4", 3],
    ]);
    expect(plan.stories[2]).toEqual({
      id: "1.2",
      title: "Task CRUD REST Endpoints",
      path: "docs/stories/1.2.task-crud-endpoints.md",
      status: "Not Started",
      epic: "1",
      agent: "python-developer",
      agentReason: "detected Python (python, fastapi, pytest)",
      dependencies: ["0.1", "1.1"],
      wave: 1,
    });
  });

  it("prints the plan as a table by wave, Done apart, with the critical path and a summary", async () => {
    const r = await cli(["plan", "--cwd", EXAMPLE]);
    noStackTrace(r);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe("");
    const lines = r.stdout.split("\n");
    expect(lines[0]).toMatch(/^Wave {2}Story {2}Title +Agent +Why this agent +Depends on$/);
    expect(lines[1]).toMatch(/^0 {5}1\.1 {4}Task Model and SQLite Storage +python-developer +detected Python \(python, pytest\) +0\.1$/);
    expect(r.stdout).toMatch(/\n3 {5}2\.4 {4}Login Screen and Authenticated API Cl… +react-developer /);
    // Waves are separated by a blank line.
    expect(lines[4]).toBe("");
    expect(r.stdout).toContain("Done (1, not scheduled again)\n  0.1  Repository and Tooling Setup\n");
    expect(r.stdout).toContain("Critical path: 1.1 → 1.2 → 1.4 → 3.3\n");
    expect(r.stdout).toMatch(/12 stories, 4 waves, max parallelism 3\nNext: `story-orchestrator next '\*'` records this scope as the run's and lists the stories that may start$/);
    // No colour when stdout is not a terminal.
    expect(r.stdout).not.toContain("\u001b[");
  });

  it("plans a scope: an epic by name, and a glob", async () => {
    const epic = await planJson(["epic:board-ui", "--cwd", EXAMPLE]);
    expect(epic.exitCode).toBe(0);
    expect(epic.plan.stories.map((s) => s.id)).toEqual(["2.1", "2.2", "2.3", "2.4"]);
    expect(epic.plan.outOfScope).toEqual([
      { story: "2.2", dependsOn: "1.2" },
      { story: "2.4", dependsOn: "1.3" },
    ]);
    const byNumber = await planJson(["epic:2", "--cwd", EXAMPLE]);
    expect(byNumber.plan).toEqual(epic.plan);
    const glob = await planJson(["--scope", "1.*", "--cwd", EXAMPLE]);
    expect(glob.plan.waves).toEqual([["1.1", "1.3"], ["1.2"], ["1.4"]]);
    expect(glob.plan.outOfScope).toEqual([]);
  });
});

describe("plan: QA findings", () => {
  it("epic:NAME selects what epic:N selects when only some stories name the epic", async () => {
    const epicLine = (name: string): string => `\n**Epic:** ${name}\n`;
    const root = project({
      "docs/stories/1.1.a.md": story("1.1", "A", epicLine("Core")),
      "docs/stories/1.2.b.md": story("1.2", "B"),
      "docs/stories/1.3.c.md": story("1.3", "C", epicLine("Core")),
      "docs/stories/1.5.d.md": story("1.5", "D"),
      "docs/stories/2.1.e.md": story("2.1", "E", epicLine("Board")),
    });
    const byName = await planJson(["epic:core", "--cwd", root]);
    const byNumber = await planJson(["epic:1", "--cwd", root]);
    expect(byName.plan.stories.map((s) => s.id)).toEqual(["1.1", "1.2", "1.3", "1.5"]);
    expect(byName.plan).toEqual(byNumber.plan);
  });

  it("the expand choice is the closure of open dependencies; outOfScope stays the direct pairs", async () => {
    const { plan } = await planJson(["1.4", "--cwd", EXAMPLE]);
    expect(plan.outOfScope).toEqual([
      { story: "1.4", dependsOn: "1.2" },
      { story: "1.4", dependsOn: "1.3" },
    ]);
    expect(plan.warnings.map((d) => d.message)).toEqual([
      "1.4 depends on 1.2, 1.3, which are outside the scope and not done. Choose: expand the scope to include 1.1, 1.2, 1.3, skip 1.4, or cancel.",
    ]);
    const human = await cli(["plan", "1.4", "--cwd", EXAMPLE]);
    expect(human.stdout).toContain("\nChoose:\n  1. expand the scope to include 1.1, 1.2, 1.3\n  2. skip story 1.4\n");
  });

  it("self-dependency quotes the reference as the file writes it", async () => {
    const root = project({ ...twoStories, "docs/stories/1.5.x.md": story("1.5", "X", "\n**Dependencies**: 1.5\n") });
    const { exitCode, plan } = await planJson(["--cwd", root]);
    // An error about one story file: that story is set aside, the rest plans (exit 0).
    expect(exitCode).toBe(0);
    expect(plan.errors).toEqual([{ code: "self-dependency", message: '1.5 depends on itself ("1.5").', file: "docs/stories/1.5.x.md", line: 9 }]);
    expect(plan.setAside).toEqual([{ id: "1.5", reason: '1.5 depends on itself ("1.5").', file: "docs/stories/1.5.x.md", line: 9 }]);
    expect(plan.waves).toEqual([["1.1"], ["1.2"]]);
  });

  it("errors stay local: a duplicate id sets its stories aside, the rest plans, exit 0; the human view says so", async () => {
    const root = project({
      ...twoStories,
      "docs/stories/1.2.story.md": story("1.2", "Login again"),
      "docs/stories/1.3.search.md": story("1.3", "Search", "\n**Depends on:** Story 1.2\n"),
      "docs/stories/2.1.x.md": story("2.1", "X", "\n**Depends on:** Story 1.1\n"),
    });
    const { exitCode, plan } = await planJson(["--cwd", root]);
    expect(exitCode).toBe(0);
    expect(plan.errors.map((d) => [d.code, d.file])).toEqual([["duplicate-id", "docs/stories/1.2.story.md"]]);
    expect(plan.waves).toEqual([["1.1"], ["2.1"]]);
    expect(plan.setAside).toEqual([
      {
        id: "1.2",
        reason:
          "Story 1.2 is defined twice: docs/stories/1.2.login.md and docs/stories/1.2.story.md. Give one of them another id, or move the one that is not a story out of the stories folder",
        file: "docs/stories/1.2.story.md",
        line: 1,
      },
      { id: "1.3", reason: "waits for 1.2, which is set aside (duplicate-id at docs/stories/1.2.story.md:1)", file: "docs/stories/1.3.search.md", line: 9 },
    ]);
    const human = await cli(["plan", "--cwd", root]);
    expect(human.exitCode).toBe(0);
    expect(human.stdout).toContain("Set aside (2, not run until their files are fixed)\n  1.2  docs/stories/1.2.story.md:1   Story 1.2 is defined twice");
    expect(human.stdout).toContain("(without the 2 set aside until their files are fixed)");
    // A config error still concerns the whole run: exit 1.
    const both = project({ ...twoStories, "docs/stories/1.2.story.md": story("1.2", "Again"), [CONFIG]: "maxParallel: 0\n" });
    expect((await planJson(["--cwd", both])).exitCode).toBe(1);
  });

  it("every story of the scope set aside: nothing can run, exit 1", async () => {
    const root = project({ "docs/stories/1.1.a.md": story("1.1", "A", "\n**Depends on:** Story 1.2\n"), "docs/stories/1.2.b.md": story("1.2", "B", "\n**Depends on:** Story 1.1\n") });
    const { exitCode, plan } = await planJson(["--cwd", root]);
    expect(exitCode).toBe(1);
    expect(plan.setAside.map((a) => a.id)).toEqual(["1.1", "1.2"]);
  });

  it("an unknown id suggests its neighbours in id order", async () => {
    const { exitCode, plan } = await planJson(["9.9", "--cwd", EXAMPLE]);
    expect(exitCode).toBe(1);
    expect(plan.errors).toEqual([{ code: "unknown-story", message: 'Scope "9.9" matches no story; did you mean 3.3, 3.2 or 3.1?' }]);
  });
});

describe("plan on bad input", () => {
  it("reports a wrong config key with file, line and suggestion, and still plans", async () => {
    const root = project({ ...twoStories, [CONFIG]: "# settings\nmaxParalel: 2\n" });
    const { exitCode, plan } = await planJson(["--cwd", root]);
    expect(exitCode).toBe(1);
    expect(plan.errors).toEqual([{ code: "invalid-config", message: 'unknown key "maxParalel" (did you mean maxParallel?)', file: CONFIG, line: 2 }]);
    expect(plan.waves).toEqual([["1.1"], ["1.2"]]);
  });

  it("reports a wrong value type", async () => {
    const root = project({ ...twoStories, [CONFIG]: "maxParallel: 2\nimplicitDependencies: sometimes\nstrict: 1\n" });
    const { exitCode, plan } = await planJson(["--cwd", root]);
    expect(exitCode).toBe(1);
    expect(plan.errors).toEqual([
      { code: "invalid-config", message: 'implicitDependencies: expected one of when-undeclared, always, never; got "sometimes"', file: CONFIG, line: 2 },
      { code: "invalid-config", message: "strict: expected true or false; got 1", file: CONFIG, line: 3 },
    ]);
  });

  it("reports a YAML syntax error at its line", async () => {
    const root = project({ ...twoStories, [CONFIG]: "maxParallel: 2\nreviewers: [code-reviewer\n" });
    const { exitCode, plan } = await planJson(["--cwd", root]);
    expect(exitCode).toBe(1);
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0]).toMatchObject({ code: "invalid-config", file: CONFIG, line: 3 });
    expect(plan.errors[0]?.message).toMatch(/^YAML syntax error: /);
  });

  it("prints the config error in the human output, grouped by file", async () => {
    const root = project({ ...twoStories, [CONFIG]: "maxParallel: 0\n" });
    const r = await cli(["plan", "--cwd", root]);
    noStackTrace(r);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain("Error (1)\n  .agent-orchestration/config.yaml:1  invalid-config  maxParallel: expected a number >= 1; got 0");
  });

  it("exits 1 with invalid-scope on bad scope syntax", async () => {
    const root = project(twoStories);
    const { exitCode, plan } = await planJson(["1.1-", "--cwd", root]);
    expect(exitCode).toBe(1);
    expect(plan.errors.map((d) => d.code)).toEqual(["invalid-scope"]);
    expect(plan.errors[0]?.message).toContain('"1.1-"');
    const human = await cli(["plan", "1.1-", "--cwd", root]);
    expect(human.exitCode).toBe(1);
    expect(human.stdout).toMatch(/\(project\) {2}invalid-scope {2}Invalid scope "1\.1-"/);
    expect(human.stdout).not.toContain("0 stories");
  });

  it("exits 1 with unknown-story and a suggestion", async () => {
    const root = project(twoStories);
    const { exitCode, plan } = await planJson(["1.3", "--cwd", root]);
    expect(exitCode).toBe(1);
    expect(plan.errors.map((d) => d.code)).toEqual(["unknown-story"]);
    expect(plan.errors[0]?.message).toMatch(/1\.3/);
    expect(plan.errors[0]?.message).toMatch(/1\.2/);
  });

  it("exits 1 with no-stories when there are none", async () => {
    const root = project({ "docs/stories/README.md": "# Stories\n\nNone yet.\n" });
    const { exitCode, plan } = await planJson(["--cwd", root]);
    expect(exitCode).toBe(1);
    expect(plan.errors.map((d) => d.code)).toEqual(["no-stories"]);
    expect(plan.stories).toEqual([]);
    expect(plan.waves).toEqual([]);
  });

  it("lists an out-of-scope dependency with the three choices", async () => {
    const root = project(twoStories);
    const { exitCode, plan } = await planJson(["1.2", "--cwd", root]);
    expect(exitCode).toBe(0);
    expect(plan.outOfScope).toEqual([{ story: "1.2", dependsOn: "1.1" }]);
    expect(plan.warnings).toEqual([
      {
        code: "out-of-scope-dependency",
        message: "1.2 depends on 1.1, which is outside the scope and not done. Choose: expand the scope to include 1.1, skip 1.2, or cancel.",
        file: "docs/stories/1.2.login.md",
        line: 9,
      },
    ]);
    const human = await cli(["plan", "1.2", "--cwd", root]);
    expect(human.stdout).toContain(
      `Dependencies outside the scope that are not done:\n  1.2 needs 1.1  docs/stories/1.2.login.md:9\nChoose:\n  1. expand the scope to include 1.1\n  2. skip story 1.2\n  3. cancel`,
    );
    // The block says it all: the same warning is not printed again.
    expect(human.stdout).not.toContain("out-of-scope-dependency");
  });

  it("one block line per story with several out-of-scope dependencies, the warning names them all", async () => {
    const root = project({
      "docs/stories/1.1.setup.md": story("1.1", "Setup"),
      "docs/stories/1.2.schema.md": story("1.2", "Schema", "\n**Dependencies:** None\n"),
      "docs/stories/2.1.login.md": story("2.1", "Login", "\n**Depends on:** Story 1.1, Story 1.2\n"),
    });
    const { plan } = await planJson(["2.1", "--cwd", root]);
    expect(plan.outOfScope).toEqual([
      { story: "2.1", dependsOn: "1.1" },
      { story: "2.1", dependsOn: "1.2" },
    ]);
    expect(plan.warnings.map((d) => d.message)).toEqual([
      "2.1 depends on 1.1, 1.2, which are outside the scope and not done. Choose: expand the scope to include 1.1, 1.2, skip 2.1, or cancel.",
    ]);
    const human = await cli(["plan", "2.1", "--cwd", root]);
    expect(human.stdout).toContain(`\n  2.1 needs 1.1, 1.2  docs/stories/2.1.login.md:9\nChoose:\n  1. expand the scope to include 1.1, 1.2\n  2. skip story 2.1\n`);
  });

  it("is a usage error (exit 2) with an unknown option", async () => {
    const r = await cli(["plan", "--jsn", "--cwd", EXAMPLE]);
    noStackTrace(r);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toContain("unknown option --jsn");
    const j = await cli(["plan", "--json", "--verbose", "--cwd", EXAMPLE]);
    expect(j.exitCode).toBe(2);
    expect(JSON.parse(j.stdout)).toEqual({ errors: [{ code: "usage", message: "plan: unknown option --verbose" }] });
  });

  it("never prints a stack trace, even for an unreadable config", async () => {
    const root = project({ ...twoStories, [`${CONFIG}/oops`]: "a directory where the file should be\n" });
    const r = await cli(["plan", "--json", "--cwd", root]);
    noStackTrace(r);
    expect(r.exitCode).toBe(1);
    expect(JSON.parse(r.stdout).errors).toEqual([{ code: "invalid-config", message: "cannot read the config file (EISDIR)", file: CONFIG }]);
  });
});

describe("plan on a ccpm project (.claude/epics/<epic>/<n>.md)", () => {
  it("reads task front matter (name, status, depends_on), skips epic.md, and names the epic by its folder", async () => {
    const root = project({
      ".claude/epics/auth/epic.md": "---\nname: auth\nstatus: backlog\n---\n# Epic: auth\n",
      ".claude/epics/auth/12.md": "---\nname: Set up user model\nstatus: closed\ndepends_on: []\n---\n# Task: Set up user model\n\nPython SQLAlchemy model.\n",
      ".claude/epics/auth/13.md": "---\nname: Implement login endpoint\nstatus: open\ndepends_on: [12]\nparallel: true\n---\n# Task: Implement login endpoint\n\nFastAPI endpoint POST /login.\n",
      ".claude/epics/auth/14.md": "---\nname: Login form\nstatus: open\ndepends_on: [13]\n---\n# Task: Login form\n\nA React form component calling /login.\n",
    });
    const { exitCode, plan } = await planJson(["--cwd", root, "epic:auth"]);
    expect(exitCode).toBe(0);
    expect(plan.stories.map((s) => [s.id, s.title, s.status, s.epic, s.agent, s.dependencies, s.wave])).toEqual([
      ["12", "Set up user model", "Done", "auth", "python-developer", [], null],
      ["13", "Implement login endpoint", "Not Started", "auth", "python-developer", ["12"], 0],
      ["14", "Login form", "Not Started", "auth", "react-developer", ["13"], 1],
    ]);
    expect(plan.waves).toEqual([["13"], ["14"]]);
    expect(plan.errors).toEqual([]);
  });
});
