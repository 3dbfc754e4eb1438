import { mkdtemp, mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readStoryFiles } from "../../lib/adapters/fs/read-story-files.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
let root: string;
let outside: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "so-stories-"));
  outside = await mkdtemp(path.join(tmpdir(), "so-outside-"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

const put = async (rel: string, data: string | Buffer) => {
  await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
  await writeFile(path.join(root, rel), data);
};

describe("readStoryFiles", () => {
  it("auto-detects docs/stories and reads its markdown files flat, with POSIX relative paths", async () => {
    await put("docs/stories/1.1.a.md", "# Story 1.1: A\n");
    await put("docs/stories/notes.txt", "x");
    await put("docs/stories/sub/2.1.b.md", "# Story 2.1: B\n");
    await put("_bmad-output/implementation-artifacts/stories/9.9.z.md", "# Story 9.9: Z\n");
    const r = await readStoryFiles(root);
    expect(r).toEqual({
      dirs: ["docs/stories"],
      files: [{ path: "docs/stories/1.1.a.md", text: "# Story 1.1: A\n" }],
      skipped: [],
      errors: [],
      warnings: [],
    });
  });

  it("falls back to BMAD v6 and sprint-artifacts folders, then ccpm epics", async () => {
    await put("docs/sprint-artifacts/stories/1-1-a.md", "x\n");
    expect((await readStoryFiles(root)).dirs).toEqual(["docs/sprint-artifacts/stories"]);
    await put("_bmad-output/implementation-artifacts/stories/1-1-a.md", "x\n");
    expect((await readStoryFiles(root)).dirs).toEqual(["_bmad-output/implementation-artifacts/stories"]);
  });

  it("reads every ccpm epic folder one level deep", async () => {
    await put(".claude/epics/auth/epic.md", "# Epic\n");
    await put(".claude/epics/auth/13.md", "---\nname: a\n---\n");
    await put(".claude/epics/billing/21.md", "---\nname: b\n---\n");
    await put(".claude/epics/billing/updates/21/stream-A.md", "x\n");
    const r = await readStoryFiles(root);
    expect(r.dirs).toEqual([".claude/epics/auth", ".claude/epics/billing"]);
    expect(r.files.map((f) => f.path)).toEqual([
      ".claude/epics/auth/13.md",
      ".claude/epics/auth/epic.md",
      ".claude/epics/billing/21.md",
    ]);
  });

  it("says which folders it tried when there is none", async () => {
    const r = await readStoryFiles(root);
    expect(r.errors).toEqual([
      {
        code: "no-stories",
        message:
          "No stories folder found (tried docs/stories, _bmad-output/implementation-artifacts/stories, docs/sprint-artifacts/stories, .claude/epics/*/). Put stories in docs/stories or set storiesDir in .agent-orchestration/config.yaml",
      },
    ]);
    expect(r.files).toEqual([]);
  });

  it("uses a configured storiesDir and refuses one outside the project", async () => {
    await put("plans/1.1.a.md", "# Story 1.1: A\n");
    expect((await readStoryFiles(root, "plans")).files.map((f) => f.path)).toEqual(["plans/1.1.a.md"]);
    expect((await readStoryFiles(root, "../x")).errors).toEqual([
      { code: "unsafe-path", message: 'storiesDir "../x" points outside the project' },
    ]);
    expect((await readStoryFiles(root, outside)).errors.map((e) => e.code)).toEqual(["unsafe-path"]);
    await symlink(outside, path.join(root, "linked"));
    expect((await readStoryFiles(root, "linked")).errors).toEqual([
      { code: "unsafe-path", message: 'storiesDir "linked" is a link to a folder outside the project' },
    ]);
    expect((await readStoryFiles(root, "missing")).errors.map((e) => e.code)).toEqual(["no-stories"]);
  });

  it("reads a valid file that holds a real U+FFFD, and tells it from invalid UTF-8", async () => {
    await put("docs/stories/1.1.replacement.md", "# Story 1.1: Shows \uFFFD for bad input\n");
    await put("docs/stories/1.2.both.md", Buffer.concat([Buffer.from("# Story 1.2: \uFFFD then "), Buffer.from([0xff, 0x0a])]));
    const r = await readStoryFiles(root);
    expect(r.files).toEqual([{ path: "docs/stories/1.1.replacement.md", text: "# Story 1.1: Shows \uFFFD for bad input\n" }]);
    expect(r.warnings.map((w) => w.message)).toEqual(["docs/stories/1.2.both.md is not valid UTF-8 text; skipped"]);
  });

  it.skipIf(process.platform === "win32")("refuses a FIFO named like a story at once, without waiting for a writer", async () => {
    await put("docs/stories/1.1.ok.md", "# Story 1.1: Fine\n");
    execFileSync("mkfifo", [path.join(root, "docs/stories/1.2.pipe.md")]);
    // In a child process with a time limit: a read that waited for a writer would block this
    // process's event loop, and with it the test runner's own timeout.
    const script = `import { readStoryFiles } from ${JSON.stringify(pathToFileURL(path.join(repoRoot, "lib/adapters/fs/read-story-files.ts")).href)};
const r = await readStoryFiles(${JSON.stringify(root)}); console.log(JSON.stringify(r));`;
    const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: repoRoot, timeout: 30_000, encoding: "utf8" });
    const r = JSON.parse(out) as Awaited<ReturnType<typeof readStoryFiles>>;
    expect(r.files.map((f) => f.path)).toEqual(["docs/stories/1.1.ok.md"]);
    expect(r.errors).toEqual([{ code: "unreadable-file", message: "Cannot read docs/stories/1.2.pipe.md (not a regular file)", file: "docs/stories/1.2.pipe.md" }]);
  });

  it("skips binary, empty and oversized files with warnings, and reports unreadable files", async () => {
    await put("docs/stories/1.1.bin.md", Buffer.from([0x23, 0x20, 0x00, 0x01]));
    await put("docs/stories/1.2.latin1.md", Buffer.from([0x23, 0x20, 0xe9, 0x0a]));
    await put("docs/stories/1.3.empty.md", "");
    await put("docs/stories/1.4.big.md", "a".repeat(5 * 1024 * 1024));
    // Root can read chmod 000 files, so provoke real read errors another way.
    await mkdir(path.join(root, "docs/stories/1.5.dir.md"));
    await symlink(path.join(root, "nowhere.md"), path.join(root, "docs/stories/1.6.dangling.md"));
    await writeFile(path.join(outside, "x.md"), "# Story 9.9: X\n");
    await symlink(path.join(outside, "x.md"), path.join(root, "docs/stories/1.7.escape.md"));
    await put("docs/stories/1.8.ok.md", "# Story 1.8: $(rm -rf /) `id`\n");
    const r = await readStoryFiles(root);
    expect(r.files).toEqual([{ path: "docs/stories/1.8.ok.md", text: "# Story 1.8: $(rm -rf /) `id`\n" }]);
    expect(r.warnings).toEqual([
      { code: "binary-file", message: "docs/stories/1.1.bin.md looks binary (it contains NUL bytes); skipped", file: "docs/stories/1.1.bin.md" },
      { code: "binary-file", message: "docs/stories/1.2.latin1.md is not valid UTF-8 text; skipped", file: "docs/stories/1.2.latin1.md" },
      { code: "empty-file", message: "docs/stories/1.3.empty.md is empty; skipped", file: "docs/stories/1.3.empty.md" },
      {
        code: "file-too-large",
        message: "docs/stories/1.4.big.md is 5.0 MiB (5242880 bytes), over the 1 MiB limit for a story file; skipped",
        file: "docs/stories/1.4.big.md",
      },
    ]);
    expect(r.skipped.map((s) => s.path)).toEqual([
      "docs/stories/1.1.bin.md",
      "docs/stories/1.2.latin1.md",
      "docs/stories/1.3.empty.md",
      "docs/stories/1.4.big.md",
    ]);
    expect(r.errors).toEqual([
      { code: "unreadable-file", message: "Cannot read docs/stories/1.6.dangling.md (ENOENT)", file: "docs/stories/1.6.dangling.md" },
      {
        code: "unsafe-path",
        message: "docs/stories/1.7.escape.md is a link to a file outside the project; not read",
        file: "docs/stories/1.7.escape.md",
      },
    ]);
  });
});
