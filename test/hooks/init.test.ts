// `story-orchestrator init`: writes the un-namespaced alias, updates its own file, and never
// overwrites a user's different file without --force.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ALIAS_MARKER, aliasAction, aliasText } from "../../lib/core/init/alias.js";
import { BIN, ROOT, ensureBuilt } from "../helpers/built-cli.js";

const cli = (args: string[], env: NodeJS.ProcessEnv = process.env) => spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", env });

beforeAll(ensureBuilt, 120_000);

describe("init", () => {
  it("writes the plugin command with the marker after its front matter", () => {
    const text = aliasText("---\ndescription: x\n---\nbody\n");
    expect(text).toBe(`---\ndescription: x\n---\n${ALIAS_MARKER}\nbody\n`);
    expect([aliasAction(null, text, false), aliasAction(text, text, false), aliasAction(`${ALIAS_MARKER}\nold`, text, false), aliasAction("mine", text, false), aliasAction("mine", text, true)]).toEqual([
      "created",
      "unchanged",
      "updated",
      "refused",
      "replaced",
    ]);
  });

  it("creates .claude/commands/implement-stories.md from the plugin's command, and says where", () => {
    const project = mkdtempSync(join(tmpdir(), "so-init-"));
    const r = cli(["init", "--cwd", project]);
    const path = join(project, ".claude/commands/implement-stories.md");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Wrote ${path}`);
    const plugin = readFileSync(join(ROOT, "commands/implement-stories.md"), "utf8");
    expect(readFileSync(path, "utf8")).toBe(aliasText(plugin));
    expect(JSON.parse(cli(["init", "--json", "--cwd", project]).stdout)).toEqual({ path, action: "unchanged", command: "/implement-stories" });
  });

  it("refuses to overwrite a user's own command unless --force", () => {
    const project = mkdtempSync(join(tmpdir(), "so-init-"));
    mkdirSync(join(project, ".claude/commands"), { recursive: true });
    const path = join(project, ".claude/commands/implement-stories.md");
    writeFileSync(path, "my own command\n");
    const r = cli(["init", "--json", "--cwd", project]);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({ errors: [{ code: "alias-exists", message: `${path} exists and is not one story-orchestrator wrote; it was left as it is. Use --force to replace it.`, file: path }] });
    expect(readFileSync(path, "utf8")).toBe("my own command\n");
    expect(cli(["init", "--force", "--cwd", project]).stdout).toContain(`Replaced ${path}`);
    expect(readFileSync(path, "utf8")).toContain(ALIAS_MARKER);
  });

  it("--user writes under HOME", () => {
    const home = mkdtempSync(join(tmpdir(), "so-home-"));
    const project = mkdtempSync(join(tmpdir(), "so-init-"));
    expect(cli(["init", "--user", "--cwd", project], { ...process.env, HOME: home }).status).toBe(0);
    expect(execFileSync("ls", [join(home, ".claude/commands")], { encoding: "utf8" }).trim()).toBe("implement-stories.md");
  });
});
