// The command line's edges: options a user mistypes, and output that must not harm the
// terminal or crash when its reader goes away (`plan | head`).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execa } from "execa";
import { parseArgs, UsageError } from "../../lib/cli/args.js";
import { printable } from "../../lib/cli/render/style.js";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BIN, ROOT, ensureBuilt } from "../helpers/built-cli.js";
import { cli, noStackTrace, projectsOfTestFile, story } from "./run-built-cli.js";

const { project, removeAll } = projectsOfTestFile();

beforeAll(ensureBuilt);
afterAll(removeAll);

describe("parseArgs", () => {
  it("-h is --help", () => {
    expect(parseArgs(["plan", "-h"]).options).toEqual({ help: true });
  });

  it("an unknown short option is bad usage, not a scope", () => {
    expect(() => parseArgs(["plan", "-x"])).toThrow(new UsageError("unknown option -x (options are long: --help, --json, --cwd DIR, ...)"));
  });

  it("an option is not taken as the value of the one before it", () => {
    expect(() => parseArgs(["plan", "--scope", "--json"])).toThrow(new UsageError("--scope needs a value"));
    expect(parseArgs(["plan", "--scope=--json"]).scopes).toEqual(["--json"]);
  });

  it("--scope adds up, each value whole; any other option twice is bad usage", () => {
    const a = parseArgs(["plan", "1.1", "--scope", "epic:User Auth", "--scope", "2.*"]);
    expect([a.positionals, a.scopes]).toEqual([["1.1"], ["epic:User Auth", "2.*"]]);
    expect(() => parseArgs(["plan", "--cwd", "a", "--cwd", "b"])).toThrow(new UsageError("--cwd is given twice"));
  });
});

describe("printable", () => {
  const title = "Login\u001b]0;pwned\u0007 \u001b[2Jpage\r";
  it("shows every control character as U+FFFD, keeping line feeds and tabs", () => {
    expect(printable(`${title}\n\tnext`, false)).toBe("Login\uFFFD]0;pwned\uFFFD \uFFFD[2Jpage\uFFFD\n\tnext");
  });

  it("on a terminal keeps only our own colour codes", () => {
    expect(printable(`\u001b[1m${title}\u001b[22m`, true)).toBe("\u001b[1mLogin\uFFFD]0;pwned\uFFFD \uFFFD[2Jpage\uFFFD\u001b[22m");
  });
});

describe("the built CLI", () => {
  it("prints a title's escape sequences harmlessly (JSON keeps the exact title)", async () => {
    const root = project({ "docs/stories/1.1.setup.md": story("1.1", "Setup \u001b]0;pwned\u0007\u001b[2J now") });
    const human = await cli(["plan", "--cwd", root]);
    expect(human.exitCode).toBe(0);
    expect(human.stdout).not.toContain("\u001b");
    expect(human.stdout).toContain("Setup \uFFFD]0;pwned\uFFFD\uFFFD[2J now");
    const json = await cli(["plan", "--json", "--cwd", root]);
    expect((JSON.parse(json.stdout) as { stories: { title: string }[] }).stories[0]!.title).toBe("Setup \u001b]0;pwned\u0007\u001b[2J now");
  });

  it("a reader that stops early (`plan | head -c 100`) gets no stack trace", async () => {
    // Output far beyond a pipe's 64 KiB buffer, so the CLI is still writing when head exits.
    const files: Record<string, string> = {};
    for (let i = 1; i <= 3000; i++) files[`docs/stories/1.${i}.s.md`] = `# Story 1.${i}: Story ${i}\n\n**Dependencies**: None\n`;
    const root = project(files);
    const r = await execa("bash", ["-c", `"${process.execPath}" "${BIN}" plan --cwd "${root}" | head -c 100; echo " exit=\${PIPESTATUS[0]}"`], { reject: false });
    expect(r.stdout).toMatch(/^Wave {2}Story/);
    expect(r.stdout).toMatch(/ exit=0$/);
    expect(r.stderr).toBe("");
    noStackTrace({ exitCode: r.exitCode ?? -1, stdout: r.stdout, stderr: r.stderr });
  }, 30_000);

  it("bad usage exits 2 with the message", async () => {
    const r = await cli(["plan", "--scope", "--json"]);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain("story-orchestrator: --scope needs a value");
  });
});

describe("--version", () => {
  it("prints the package's version, which the plugin manifest repeats, from any folder and outside a project", async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    const manifest = JSON.parse(readFileSync(join(ROOT, ".claude-plugin/plugin.json"), "utf8")) as { version: string };
    expect(manifest.version).toBe(pkg.version);
    for (const argv of [["--version"], ["version"], ["plan", "--version"]]) {
      const r = await execa(process.execPath, [BIN, ...argv], { cwd: tmpdir(), reject: false });
      expect([r.exitCode, r.stdout, r.stderr]).toEqual([0, `story-orchestrator ${pkg.version}`, ""]);
    }
  });
});
