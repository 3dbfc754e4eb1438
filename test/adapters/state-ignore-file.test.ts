// `.agent-orchestration/.gitignore` (adapters/state-store/ignore-file.ts): written once with
// the state folder, by the engine's store and by the hooks' journal, never through a link and
// never over a file that is already there.
import { execFileSync } from "node:child_process";
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { STATE_IGNORE_TEXT, ensureStateIgnoreFile } from "../../lib/adapters/state-store/ignore-file.js";
import { ensureStateDir } from "../../lib/adapters/state-store/store.js";
import { recordDone } from "../../lib/adapters/hooks/journal.js";

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "so-ignore-"));
  execFileSync("git", ["init", "-q", "-b", "main"], { cwd: root });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const ignoreFile = () => join(root, ".agent-orchestration", ".gitignore");
const status = () => execFileSync("git", ["-c", "core.excludesFile=/dev/null", "status", "--porcelain", "--untracked-files=all"], { cwd: root, encoding: "utf8" });

describe("the state folder's .gitignore", () => {
  it("the store's first write puts it there; git then sees no state file even without info/exclude", async () => {
    await ensureStateDir(root);
    expect(readFileSync(ignoreFile(), "utf8")).toBe(STATE_IGNORE_TEXT);
    writeFileSync(join(root, ".git/info/exclude"), ""); // as a snapshot taken before the run has it
    writeFileSync(join(root, ".agent-orchestration/story-1.1.json"), "{}\n");
    writeFileSync(join(root, ".agent-orchestration/config.yaml"), "maxParallel: 2\n");
    expect(status()).toBe("?? .agent-orchestration/config.yaml\n");
  });

  it("the hooks' journal, when it writes first, puts it there too", () => {
    recordDone(root, { agentId: "a1" });
    expect(readFileSync(ignoreFile(), "utf8")).toBe(STATE_IGNORE_TEXT);
  });

  it("is put back when deleted, and never replaces a file or link already there", async () => {
    await ensureStateDir(root);
    rmSync(ignoreFile());
    await ensureStateDir(root);
    expect(readFileSync(ignoreFile(), "utf8")).toBe(STATE_IGNORE_TEXT);
    writeFileSync(ignoreFile(), "mine\n");
    await ensureStateDir(root);
    expect(readFileSync(ignoreFile(), "utf8")).toBe("mine\n");
    rmSync(ignoreFile());
    const outside = join(root, "outside.txt");
    symlinkSync(outside, ignoreFile()); // a dangling link: writing through it would create outside.txt
    ensureStateIgnoreFile(join(root, ".agent-orchestration"));
    expect(readlinkSync(ignoreFile())).toBe(outside);
    expect(lstatSync(outside, { throwIfNoEntry: false })).toBeUndefined();
  });

  it("a state folder that is a link to elsewhere gets none", () => {
    const elsewhere = join(root, "elsewhere");
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(root, ".agent-orchestration"));
    ensureStateIgnoreFile(join(root, ".agent-orchestration"));
    expect(lstatSync(join(elsewhere, ".gitignore"), { throwIfNoEntry: false })).toBeUndefined();
  });
});
