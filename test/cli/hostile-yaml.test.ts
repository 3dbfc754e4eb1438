// Config and front matter written to exhaust the YAML parser, and config problems found after
// parsing, through the built CLI: a diagnostic with file and line and exit 1, never a crash
// (exit 70, or a V8 abort with exit 134) and never a diagnostic that names no file.
import { symlinkSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, noStackTrace, projectsOfTestFile, story } from "./run-built-cli.js";
import { ensureBuilt } from "../helpers/built-cli.js";
import { git } from "../helpers/git-repo.js";

const CONFIG = ".agent-orchestration/config.yaml";
const { project, removeAll } = projectsOfTestFile();
const errorsOf = async (args: string[]): Promise<{ exitCode: number; errors: unknown }> => {
  const r = await cli(args);
  noStackTrace(r);
  expect(r.stderr).not.toMatch(/FATAL|out of memory/);
  return { exitCode: r.exitCode, errors: (JSON.parse(r.stdout) as { errors: unknown }).errors };
};

beforeAll(ensureBuilt);
afterAll(removeAll);

describe("hostile YAML", () => {
  it("an alias bomb in config.yaml is invalid-config naming the file, exit 1, for every verb", async () => {
    const root = project({
      [CONFIG]: `reviewers: [&r code-reviewer]\nfoundation: [${Array(120).fill("*r").join(", ")}]\n`,
      "docs/stories/1.1.a.md": story("1.1", "A"),
    });
    // A repository: the run verbs refuse outside git before they read the config.
    git(root, "init", "-q");
    const expected = [{ code: "invalid-config", message: "YAML error: Excessive alias count indicates a resource exhaustion attack", file: CONFIG }];
    for (const verb of [["validate"], ["plan"], ["status"], ["next"], ["summary"], ["start", "1.1"], ["resume"], ["cleanup"]]) {
      expect(await errorsOf([...verb, "--json", "--cwd", root]), verb[0]).toEqual({ exitCode: 1, errors: expected });
    }
  });

  it("two story files with front matter nested 5000 deep: two diagnostics, no V8 abort", async () => {
    const deep = `---\na: ${"[".repeat(5000)}${"]".repeat(5000)}\n---\n# Story 1.N: X\n`;
    const root = project({ "docs/stories/1.1.x.md": deep.replace("1.N", "1.1"), "docs/stories/1.2.x.md": deep.replace("1.N", "1.2") });
    const { exitCode, errors } = await errorsOf(["validate", "--json", "--cwd", root]);
    expect(exitCode).toBe(1);
    expect(errors).toEqual(
      expect.arrayContaining(
        ["1.1", "1.2"].map((n) => ({
          code: "invalid-front-matter",
          message: "Front matter is not valid YAML: nested more than 100 levels deep",
          file: `docs/stories/${n}.x.md`,
          line: 2,
        })),
      ),
    );
  });

  it("config.yaml nested 5000 deep is invalid-config at its line", async () => {
    const root = project({ [CONFIG]: `maxParallel: 2\nfoundation: ${"[".repeat(5000)}${"]".repeat(5000)}\n`, "docs/stories/1.1.a.md": story("1.1", "A") });
    expect(await errorsOf(["validate", "--json", "--cwd", root])).toEqual({
      exitCode: 1,
      errors: [{ code: "invalid-config", message: "YAML syntax error: nested more than 100 levels deep", file: CONFIG, line: 2 }],
    });
  });
});

describe("config problems found after parsing name the config file and line", () => {
  it("an invalid foundation or stories: pattern", async () => {
    const root = project({ [CONFIG]: "foundation: ['1.1-']\nagents: [{agent: python-developer, stories: '1.**'}]\n", "docs/stories/1.1.a.md": story("1.1", "A") });
    expect(await errorsOf(["validate", "--json", "--cwd", root])).toEqual({
      exitCode: 1,
      errors: [
        {
          code: "invalid-config",
          message: 'foundation[0]: Invalid scope "1.1-": a range needs one story id on each side of "-", e.g. 1.1-1.5 (valid forms: 1.1, 1.1-1.5, 1.*, epic:auth, 1.1 1.3).',
          file: CONFIG,
          line: 1,
        },
        {
          code: "invalid-config",
          message: 'agents[0].stories: Invalid scope "1.**": a glob is whole id parts followed by ".*", e.g. 1.* or 1.2.* (valid forms: 1.1, 1.1-1.5, 1.*, epic:auth, 1.1 1.3).',
          file: CONFIG,
          line: 2,
        },
      ],
    });
  });

  it("a storiesDir that is missing, or a link outside the project (and no bogus no-stories after it)", async () => {
    const root = project({ [CONFIG]: "# where the stories are\nstoriesDir: nope\n", "docs/stories/1.1.a.md": story("1.1", "A") });
    expect(await errorsOf(["validate", "--json", "--cwd", root])).toEqual({
      exitCode: 1,
      errors: [
        {
          code: "no-stories",
          message: 'storiesDir "nope" does not exist or is not a folder. Create it or set storiesDir in .agent-orchestration/config.yaml',
          file: CONFIG,
          line: 2,
        },
      ],
    });
    const linked = project({ [CONFIG]: "maxParallel: 2\nstoriesDir: lnk\n" });
    symlinkSync(path.resolve("/etc"), path.join(linked, "lnk"));
    expect(await errorsOf(["validate", "--json", "--cwd", linked])).toEqual({
      exitCode: 1,
      errors: [{ code: "unsafe-path", message: 'storiesDir "lnk" is a link to a folder outside the project', file: CONFIG, line: 2 }],
    });
  });
});
