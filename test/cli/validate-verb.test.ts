// `validate` through the built CLI: the whole project's diagnostics, skipped files, exit codes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, noStackTrace, projectsOfTestFile, story } from "./run-built-cli.js";
import { ensureBuilt } from "../helpers/built-cli.js";

const EXAMPLE = "examples/taskboard";
const { project, removeAll } = projectsOfTestFile();

beforeAll(ensureBuilt);
afterAll(removeAll);

describe("validate", () => {
  it("passes the example and lists its skipped README", async () => {
    const r = await cli(["validate", "--json", "--cwd", EXAMPLE]);
    noStackTrace(r);
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(["errors", "warnings", "skipped", "stories", "folders"]);
    expect(out.folders).toEqual({ read: [{ path: "docs/stories", reason: "storiesDir in .agent-orchestration/config.yaml", stories: 12 }], skipped: [] });
    expect(out.errors).toEqual([]);
    expect(out.warnings).toEqual([]);
    expect(out.stories).toBe(12);
    expect(out.skipped).toHaveLength(1);
    expect(out.skipped[0].path).toBe("docs/stories/README.md");
    expect(typeof out.skipped[0].reason).toBe("string");

    const human = await cli(["validate", "--cwd", EXAMPLE]);
    expect(human.exitCode).toBe(0);
    expect(human.stdout).toContain("12 stories in docs/stories");
    expect(human.stdout).toContain("Skipped (1, not stories)");
    expect(human.stdout).toMatch(/docs\/stories\/README\.md {2}\S/);
    expect(human.stdout).toContain("No problems found.");
  });

  it("exits 1 on a cycle and names every edge's file and line", async () => {
    const root = project({
      "docs/stories/1.1.a.md": story("1.1", "A", "\n**Dependencies**: 1.2\n"),
      "docs/stories/1.2.b.md": story("1.2", "B", "\n**Dependencies**: 1.1\n"),
    });
    const r = await cli(["validate", "--json", "--cwd", root]);
    noStackTrace(r);
    expect(r.exitCode).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.errors.map((d: { code: string }) => d.code)).toEqual(["dependency-cycle"]);
    expect(out.errors[0].message).toMatch(/1\.1/);
    expect(out.errors[0].message).toMatch(/1\.2/);
    // What plan and next leave out, with the reason: validate still exits 1.
    expect(out.setAside.map((a: { id: string; reason: string }) => [a.id, a.reason])).toEqual([
      ["1.1", "on a dependency cycle: 1.1 → 1.2 → 1.1"],
      ["1.2", "on a dependency cycle: 1.1 → 1.2 → 1.1"],
    ]);
    const human = await cli(["validate", "--cwd", root]);
    expect(human.exitCode).toBe(1);
    expect(human.stdout).toContain("Set aside (2: plan and next run the rest without them)");
  });

  it("reports an unknown dependency as a warning with file and line, exit 0", async () => {
    const root = project({
      "docs/stories/1.1.a.md": story("1.1", "A", "\n**Dependencies**: None\n"),
      "docs/stories/1.2.b.md": story("1.2", "B", "\n**Dependencies**: 1.1, 9.9\n"),
    });
    const r = await cli(["validate", "--json", "--cwd", root]);
    noStackTrace(r);
    expect(r.exitCode).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.errors).toEqual([]);
    expect(out.warnings).toHaveLength(1);
    expect(out.warnings[0]).toMatchObject({ code: "unknown-dependency", file: "docs/stories/1.2.b.md", line: 9 });

    const human = await cli(["validate", "--cwd", root]);
    expect(human.stdout).toContain("Warning (1)");
    expect(human.stdout).toMatch(/ {2}docs\/stories\/1\.2\.b\.md:9 {2}unknown-dependency {2}\S/);
  });

  it("exits 1 on a bad config, naming the key and its line", async () => {
    const root = project({
      ".agent-orchestration/config.yaml": "maxParallel: 2\nmaxParalel: 3\n",
      "docs/stories/1.1.a.md": story("1.1", "A"),
    });
    const r = await cli(["validate", "--json", "--cwd", root]);
    noStackTrace(r);
    expect(r.exitCode).toBe(1);
    expect(JSON.parse(r.stdout).errors).toEqual([
      { code: "invalid-config", message: 'unknown key "maxParalel" (did you mean maxParallel?)', file: ".agent-orchestration/config.yaml", line: 2 },
    ]);
  });

  it("says which story folders it read and why, how many stories each gave, and which subfolders it passed over", async () => {
    const root = project({
      "docs/stories/1.1.a.md": story("1.1", "A"),
      "docs/stories/epic-2/2.1.b.md": story("2.1", "B"),
      "docs/stories/archive/2.1.b-backup.md": story("2.1", "B (old)"),
      ".claude/epics/auth/13.md": "---\nname: Login\nstatus: open\n---\n\n# Task: Login\n",
      ".claude/epics/auth/updates/13/progress.md": "notes\n",
    });
    const r = await cli(["validate", "--json", "--cwd", root]);
    noStackTrace(r);
    const out = JSON.parse(r.stdout);
    expect(out.folders.read.map((f: { path: string; stories: number }) => [f.path, f.stories])).toEqual([
      ["docs/stories", 2],
      [".claude/epics", 1],
    ]);
    expect(out.folders.skipped.map((f: { path: string }) => f.path)).toEqual(["docs/stories/archive/", ".claude/epics/auth/updates/"]);

    const human = await cli(["validate", "--cwd", root]);
    expect(human.stdout).toContain("3 stories in docs/stories, .claude/epics");
    expect(human.stdout).toMatch(/Story folders read\n {2}docs\/stories {3}2 stories {2}the default story folder \(BMAD v4 and most projects\)\n {2}\.claude\/epics {2}1 story {4}ccpm epics/);
    expect(human.stdout).toMatch(/Folders not read \(2\)\n {2}docs\/stories\/archive\/ {2,}archived or superseded copies/);
  });

  it("exits 1 with no-stories on an empty project", async () => {
    const root = project({ "README.md": "# nothing\n" });
    const r = await cli(["validate", "--json", "--cwd", root]);
    noStackTrace(r);
    expect(r.exitCode).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.stories).toBe(0);
    expect(out.errors.map((d: { code: string }) => d.code)).toEqual(["no-stories"]);
  });

  it("is a usage error (exit 2) with an unknown option or an argument", async () => {
    const a = await cli(["validate", "--strictest", "--cwd", EXAMPLE]);
    expect(a.exitCode).toBe(2);
    expect(a.stdout + a.stderr).toContain("unknown option --strictest");
    const b = await cli(["validate", "1.1", "--cwd", EXAMPLE]);
    expect(b.exitCode).toBe(2);
    noStackTrace(a);
    noStackTrace(b);
  });
});
