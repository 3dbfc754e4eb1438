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
  it("reads docs/stories with its epic subfolders, with POSIX relative paths, folder by folder", async () => {
    await put("docs/stories/1.1.a.md", "# Story 1.1: A\n");
    await put("docs/stories/notes.txt", "x");
    await put("docs/stories/epic-2/2.1.b.md", "# Story 2.1: B\n");
    await put("docs/stories/01.identity/1.2.c.md", "# Story 1.2: C\n");
    const r = await readStoryFiles(root);
    expect(r).toEqual({
      dirs: ["docs/stories"],
      folders: [{ path: "docs/stories", reason: "the default story folder (BMAD v4 and most projects)" }],
      skippedFolders: [],
      files: [
        { path: "docs/stories/1.1.a.md", text: "# Story 1.1: A\n" },
        { path: "docs/stories/01.identity/1.2.c.md", text: "# Story 1.2: C\n" },
        { path: "docs/stories/epic-2/2.1.b.md", text: "# Story 2.1: B\n" },
      ],
      skipped: [],
      errors: [],
      warnings: [],
    });
  });

  it("reads every known story folder that exists, not only the first, and says why each", async () => {
    await put("docs/stories/1.1.a.md", "x\n");
    await put("_bmad-output/implementation-artifacts/2-1-b.md", "x\n");
    await put("_bmad-output/implementation-artifacts/stories/epic-7.6/7-6-1-c.md", "x\n");
    await put("docs/sprint-artifacts/epic-010/stories/STORY-001-d.md", "x\n");
    await put(".claude/epics/auth/13.md", "x\n");
    const r = await readStoryFiles(root);
    expect(r.folders).toEqual([
      { path: "docs/stories", reason: "the default story folder (BMAD v4 and most projects)" },
      { path: "_bmad-output/implementation-artifacts", reason: "BMAD v6's output folder" },
      { path: "docs/sprint-artifacts", reason: "BMAD v6 (alpha) sprint folder" },
      { path: ".claude/epics", reason: "ccpm epics (a folder per epic; archived/ epics count as done)" },
    ]);
    expect(r.dirs).toEqual(["docs/stories", "_bmad-output/implementation-artifacts", "docs/sprint-artifacts", ".claude/epics"]);
    expect(r.files.map((f) => f.path)).toEqual([
      "docs/stories/1.1.a.md",
      "_bmad-output/implementation-artifacts/2-1-b.md",
      "_bmad-output/implementation-artifacts/stories/epic-7.6/7-6-1-c.md",
      "docs/sprint-artifacts/epic-010/stories/STORY-001-d.md",
      ".claude/epics/auth/13.md",
    ]);
  });

  it("passes over folders about stories, archives, hidden folders and too-deep ones, each with its reason; reads .done/", async () => {
    await put("docs/stories/1.1.a.md", "x\n");
    await put("docs/stories/reviews/1-1-a.md", "x\n");
    await put("docs/stories/retrospectives/epic-1-retro.md", "x\n");
    await put("docs/stories/archive/1.1.a-backup.md", "x\n");
    await put("docs/stories/.obsidian/x.md", "x\n");
    await put("docs/stories/.done/0.1.z.md", "x\n");
    await put("docs/stories/a/b/c/3.1.deep-enough.md", "x\n");
    await put("docs/stories/a/b/c/d/3.2.too-deep.md", "x\n");
    const r = await readStoryFiles(root);
    expect(r.files.map((f) => f.path)).toEqual(["docs/stories/1.1.a.md", "docs/stories/.done/0.1.z.md", "docs/stories/a/b/c/3.1.deep-enough.md"]);
    expect(r.skippedFolders).toEqual([
      { path: "docs/stories/.obsidian/", reason: "hidden folder (tool state, not stories)" },
      { path: "docs/stories/a/b/c/d/", reason: "more than 3 levels below the story folder" },
      { path: "docs/stories/archive/", reason: "archived or superseded copies of stories (read elsewhere); not read, to avoid duplicates" },
      { path: "docs/stories/retrospectives/", reason: "retrospectives, not stories" },
      { path: "docs/stories/reviews/", reason: "reviews of stories, not stories" },
    ]);
  });

  it("reads ccpm epics, archived ones included, without their updates/ or a tasks_archive/", async () => {
    await put(".claude/epics/auth/epic.md", "# Epic\n");
    await put(".claude/epics/auth/13.md", "---\nname: a\n---\n");
    await put(".claude/epics/auth/tasks_archive/01-a.md", "---\nname: a\n---\n");
    await put(".claude/epics/billing/21.md", "---\nname: b\n---\n");
    await put(".claude/epics/billing/updates/21/stream-A.md", "x\n");
    await put(".claude/epics/archived/old-epic/5.md", "---\nname: c\n---\n");
    await put(".claude/epics/archived/old-epic/updates/5/progress.md", "x\n");
    const r = await readStoryFiles(root);
    expect(r.dirs).toEqual([".claude/epics"]);
    expect(r.files.map((f) => f.path)).toEqual([
      ".claude/epics/archived/old-epic/5.md",
      ".claude/epics/auth/13.md",
      ".claude/epics/auth/epic.md",
      ".claude/epics/billing/21.md",
    ]);
    expect(r.skippedFolders.map((f) => f.path)).toEqual([
      ".claude/epics/archived/old-epic/updates/",
      ".claude/epics/auth/tasks_archive/",
      ".claude/epics/billing/updates/",
    ]);
  });

  it("follows a link to a folder inside the project once, and refuses one that leaves it", async () => {
    await put("docs/stories/1.1.a.md", "x\n");
    await put("shared/epic-9/9.1.z.md", "x\n");
    await symlink(path.join(root, "shared/epic-9"), path.join(root, "docs/stories/epic-9"));
    await symlink(path.join(root, "docs/stories"), path.join(root, "docs/stories/loop"));
    await writeFile(path.join(outside, "8.1.y.md"), "x\n");
    await symlink(outside, path.join(root, "docs/stories/elsewhere"));
    const r = await readStoryFiles(root);
    expect(r.files.map((f) => f.path)).toEqual(["docs/stories/1.1.a.md", "docs/stories/epic-9/9.1.z.md"]);
    expect(r.errors).toEqual([
      { code: "unsafe-path", message: "docs/stories/elsewhere is a link to a folder outside the project; not read", file: "docs/stories/elsewhere" },
    ]);
  });

  it("finds a folder named like a story folder elsewhere, by a bounded search, and says so", async () => {
    await put("agentydragon/tasks/02-a.md", "x\n");
    await put("agentydragon/tasks/04-b.md", "x\n");
    await put("agentydragon/tasks/task-template.md", "x\n");
    await put("agentydragon/tasks/.done/01-c.md", "x\n");
    // Named like a story folder, but holding no story-named files: not chosen.
    await put("docs/tasks/README.md", "x\n");
    await put("docs/tasks/how-to-release.md", "x\n");
    const r = await readStoryFiles(root);
    expect(r.folders).toEqual([
      {
        path: "agentydragon/tasks",
        reason:
          'no known story folder; found by search: a folder named "tasks" holding 2 markdown files named like story ids (set storiesDir to choose the folder)',
      },
    ]);
    expect(r.files.map((f) => f.path)).toEqual([
      "agentydragon/tasks/02-a.md",
      "agentydragon/tasks/04-b.md",
      "agentydragon/tasks/task-template.md",
      "agentydragon/tasks/.done/01-c.md",
    ]);
  });

  it("says where it looked and exactly what to set when there is no story folder", async () => {
    await put("docs/tasks/README.md", "x\n");
    await put("node_modules/pkg/stories/1.1.a.md", "x\n");
    await put("node_modules/pkg/stories/1.2.b.md", "x\n");
    const r = await readStoryFiles(root);
    expect(r.errors).toEqual([
      {
        code: "no-stories",
        message:
          "No stories folder found (looked in docs/stories, _bmad-output/implementation-artifacts, docs/sprint-artifacts, .claude/epics/*/, and up to 4 levels down for folders named stories, tasks, user-stories or backlog holding files named like 1.1.slug.md). Set storiesDir in .agent-orchestration/config.yaml to the folder that holds your story files (storiesDir: path/to/stories, or a list of folders)",
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

  it("reads every folder of a storiesDir list, each with its subfolders, and reports a bad one without losing the rest", async () => {
    await put("plans/1.1.a.md", "x\n");
    await put("plans/epic-2/2.1.b.md", "x\n");
    await put("more/3.1.c.md", "x\n");
    await put("docs/stories/9.9.not-read.md", "x\n");
    const r = await readStoryFiles(root, ["plans", "more", "plans/epic-2", "missing"]);
    expect(r.dirs).toEqual(["plans", "more", "plans/epic-2"]);
    expect(r.folders.map((f) => f.reason)).toEqual(Array(3).fill("storiesDir in .agent-orchestration/config.yaml"));
    // plans/epic-2 is listed once, under plans.
    expect(r.files.map((f) => f.path)).toEqual(["plans/1.1.a.md", "plans/epic-2/2.1.b.md", "more/3.1.c.md"]);
    expect(r.errors).toEqual([
      {
        code: "no-stories",
        message: 'storiesDir "missing" does not exist or is not a folder. Create it or set storiesDir in .agent-orchestration/config.yaml',
      },
    ]);
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

describe("readStoryFiles and BMAD v6's sprint-status.yaml", () => {
  const ARTIFACTS = "_bmad-output/implementation-artifacts";
  const status = (location: string) => `# story_location: ignored/comment\ngenerated: 2026-01-01\nstory_location: ${location}\ndevelopment_status:\n  1-1-a: done\n`;

  it("reads where story_location says, in place of the folder the file sits in", async () => {
    await put(`${ARTIFACTS}/sprint-status.yaml`, status(`"{project-root}/${ARTIFACTS}/stories"`));
    await put(`${ARTIFACTS}/stories/1-1-a.md`, "x\n");
    await put(`${ARTIFACTS}/tech-spec-epic-1.md`, "x\n");
    await put("docs/stories/2.1.b.md", "x\n");
    const r = await readStoryFiles(root);
    expect(r.folders).toEqual([
      { path: "docs/stories", reason: "the default story folder (BMAD v4 and most projects)" },
      { path: `${ARTIFACTS}/stories`, reason: `story_location in ${ARTIFACTS}/sprint-status.yaml:3` },
    ]);
    expect(r.files.map((f) => f.path)).toEqual(["docs/stories/2.1.b.md", `${ARTIFACTS}/stories/1-1-a.md`]);
    expect(r.warnings).toEqual([]);
  });

  it("follows a path written on another machine by the end of it that is a folder here", async () => {
    await put(`${ARTIFACTS}/sprint-status.yaml`, status(`c:/Users/me/Documents/GitHub/app/${ARTIFACTS}`));
    await put(`${ARTIFACTS}/1-1-a.md`, "x\n");
    const r = await readStoryFiles(root);
    expect(r.folders).toEqual([
      {
        path: ARTIFACTS,
        reason: `story_location in ${ARTIFACTS}/sprint-status.yaml:3 (written as c:/Users/me/Documents/GitHub/app/${ARTIFACTS}; its end ${ARTIFACTS} is this project's folder)`,
      },
    ]);
  });

  it("a story_location that names no folder here, or one outside the project, is a warning at its line; the usual folder is read", async () => {
    await put(`${ARTIFACTS}/sprint-status.yaml`, status("E:\\Projects\\App\\old\\place\\stories"));
    await put(`${ARTIFACTS}/stories/epic-1/1-1-a.md`, "x\n");
    await put("docs/sprint-artifacts/sprint-status.yaml", status("../../outside"));
    await put("docs/sprint-artifacts/stories/2-1-b.md", "x\n");
    const r = await readStoryFiles(root);
    expect(r.dirs).toEqual([ARTIFACTS, "docs/sprint-artifacts"]);
    expect(r.files.map((f) => f.path)).toEqual([`${ARTIFACTS}/stories/epic-1/1-1-a.md`, "docs/sprint-artifacts/stories/2-1-b.md"]);
    expect(r.warnings).toEqual([
      {
        code: "story-location",
        message: `story_location "E:\\Projects\\App\\old\\place\\stories" is a path on another machine, and no end of it is a folder of this project; read ${ARTIFACTS} instead`,
        file: `${ARTIFACTS}/sprint-status.yaml`,
        line: 3,
      },
      {
        code: "story-location",
        message: 'story_location "../../outside" points outside the project; read docs/sprint-artifacts instead',
        file: "docs/sprint-artifacts/sprint-status.yaml",
        line: 3,
      },
    ]);
  });

  it("a story_location that is a link out of the project is not followed", async () => {
    await writeFile(path.join(outside, "9-9-z.md"), "x\n");
    await put(`${ARTIFACTS}/1-1-a.md`, "x\n");
    await symlink(outside, path.join(root, "linked"));
    await put(`${ARTIFACTS}/sprint-status.yaml`, status("linked"));
    const r = await readStoryFiles(root);
    expect(r.files.map((f) => f.path)).toEqual([`${ARTIFACTS}/1-1-a.md`]);
    expect(r.warnings.map((w) => w.message)).toEqual([`story_location "linked" is not a folder of this project; read ${ARTIFACTS} instead`]);
  });

  it("a configured storiesDir wins over story_location", async () => {
    await put(`${ARTIFACTS}/sprint-status.yaml`, status(`${ARTIFACTS}/stories`));
    await put(`${ARTIFACTS}/stories/1-1-a.md`, "x\n");
    await put("plans/2.1.b.md", "x\n");
    const r = await readStoryFiles(root, "plans");
    expect(r.files.map((f) => f.path)).toEqual(["plans/2.1.b.md"]);
  });
});
