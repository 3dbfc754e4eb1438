// The persistent parse cache against real temp folders: a cached load must equal an uncached
// one exactly, and no change to a story file may ever be served from the cache.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { isAscii } from "node:buffer";
import { tmpdir } from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readStoryFiles } from "../../lib/adapters/fs/read-story-files.js";
import { engineIdentity, loadStories, STORY_CACHE_FILE, type StoriesLoaded } from "../../lib/adapters/fs/story-cache.js";
import { parseStories } from "../../lib/core/stories/parse-stories.js";
import { CORPORA, itShared } from "../helpers/shared.js";

const corpora = CORPORA;
const ENGINE = "test-engine-1";

let root: string;
let outside: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "so-cache-"));
  outside = mkdtempSync(path.join(tmpdir(), "so-cache-out-"));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const put = (rel: string, data: string | Buffer): void => {
  mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  writeFileSync(path.join(root, rel), data);
};
const cacheFile = (): string => path.join(root, STORY_CACHE_FILE);
/** The paths the cache file has entries for. */
const cachedPaths = (): string[] => (JSON.parse(readFileSync(cacheFile(), "utf8")) as { entries: [string][] }).entries.map((e) => e[0]);
const load = (storiesDir?: string, engine = ENGINE): Promise<StoriesLoaded> => loadStories(root, storiesDir, { engine });

/** What reading and parsing everything, with no cache at all, gives. */
async function uncached(storiesDir?: string) {
  const read = await readStoryFiles(root, storiesDir);
  return { dirs: read.dirs, folders: read.folders, skippedFolders: read.skippedFolders, fileCount: read.files.length, skipped: read.skipped, errors: read.errors, warnings: read.warnings, parsed: parseStories(read.files) };
}
const withoutHits = (r: StoriesLoaded) => {
  const { cacheHits: _, ...rest } = r;
  return rest;
};

/**
 * Moves the cache's times 10 s ahead, as if its files had been read well after they were
 * written (files just created are "racy": changed within 2 s of the read, not trusted).
 */
const settle = (): void => {
  const data = JSON.parse(readFileSync(cacheFile(), "utf8")) as { started: number };
  data.started = Date.now() + 10_000;
  writeFileSync(cacheFile(), JSON.stringify(data));
  const t = Date.now() / 1000 + 10;
  utimesSync(cacheFile(), t, t);
};

const story = (id: string, title: string, deps = "None"): string => `# Story ${id}: ${title}\n\n**Status:** Draft\n\n**Dependencies:** ${deps}\n\n## Tasks\n- [ ] build ${title}\n`;

function smallProject(): void {
  mkdirSync(path.join(root, ".agent-orchestration"));
  put("docs/stories/1.1.a.md", story("1.1", "Alpha"));
  put("docs/stories/1.2.b.md", story("1.2", "Bravo", "1.1"));
  put("docs/stories/1.3.c.md", story("1.3", "Charl", "1.2"));
  put("docs/stories/empty.md", "  \n");
  put("docs/stories/bin.md", Buffer.from([0x23, 0x00, 0x41]));
  put("docs/stories/notes.md", "Just notes, not a story.\n");
  put("docs/stories/1.3.dup.md", story("1.3", "Again"));
}

describe("loadStories with the parse cache", () => {
  itShared("a real corpus: cold and warm loads equal reading and parsing everything uncached", async () => {
    const folder = "bbengt1__simple-video-recog";
    cpSync(path.join(corpora, folder), path.join(root, folder), { recursive: true });
    mkdirSync(path.join(root, ".agent-orchestration"));
    const expected = await uncached(folder);
    expect(expected.parsed.stories.length).toBeGreaterThan(40);

    const cold = await load(folder);
    expect(cold.cacheHits).toBe(0);
    expect(withoutHits(cold)).toStrictEqual(expected);
    expect(existsSync(cacheFile())).toBe(true);
    // Non-ASCII text (the corpus has some) is written escaped: the file reads back as ASCII.
    expect(JSON.stringify(expected.parsed)).toMatch(/[^ -~]/);
    expect(isAscii(readFileSync(cacheFile()))).toBe(true);

    settle();
    const warm = await load(folder);
    expect(warm.cacheHits).toBe(expected.fileCount + expected.skipped.length);
    expect(withoutHits(warm)).toStrictEqual(expected);
    // JSON output is what users see: byte for byte the same too.
    expect(JSON.stringify(warm.parsed)).toBe(JSON.stringify(expected.parsed));
  });

  it("caches skip decisions and per-file diagnostics; duplicate ids are still found over all files", async () => {
    smallProject();
    const expected = await uncached();
    expect(expected.warnings.map((d) => [d.code, d.file])).toEqual([
      ["binary-file", "docs/stories/bin.md"],
      ["empty-file", "docs/stories/empty.md"],
    ]);
    expect(expected.parsed.errors.map((d) => [d.code, d.file, d.line])).toEqual([["duplicate-id", "docs/stories/1.3.dup.md", 1]]);
    await load();
    settle();
    const warm = await load();
    expect(warm.cacheHits).toBe(7);
    expect(withoutHits(warm)).toStrictEqual(expected);
  });

  it("re-parses a file changed to the same size with its mtime put back; drops a deleted file; adds a new one", async () => {
    smallProject();
    const p = path.join(root, "docs/stories/1.1.a.md");
    const before = statSync(p);
    await load();
    settle();
    writeFileSync(p, story("1.1", "Omega")); // same length as "Alpha"
    utimesSync(p, before.atime, before.mtime);
    expect(statSync(p).size).toBe(before.size);
    unlinkSync(path.join(root, "docs/stories/1.2.b.md"));
    put("docs/stories/2.1.new.md", story("2.1", "New one"));

    const r = await load();
    expect(r.cacheHits).toBe(5); // 1.3, 1.3 dup, empty, bin, notes
    expect(withoutHits(r)).toStrictEqual(await uncached());
    expect(r.parsed.stories.map((s) => `${s.id} ${s.title}`)).toEqual(["1.1 Omega", "1.3 Charl", "2.1 New one"]);
    // The cache was rewritten without the deleted file.
    const entries = cachedPaths();
    expect(entries).not.toContain("docs/stories/1.2.b.md");
    expect(entries).toContain("docs/stories/2.1.new.md");
    // The rewritten cache serves kept and new entries alike (their checklists moved to its pool).
    settle();
    const again = await load();
    expect(again.cacheHits).toBe(7);
    expect(withoutHits(again)).toStrictEqual(await uncached());
    expect(again.parsed.stories.map((s) => s.tasks.map((t) => t.text))).toEqual([["build Omega"], ["build Charl"], ["build New one"]]);
  });

  it("racy entries: a change that keeps the stat key is caught while the entry is within 2 s of the cache write", async () => {
    smallProject();
    const rel = "docs/stories/1.1.a.md";
    const p = path.join(root, rel);
    await load();
    writeFileSync(p, story("1.1", "Omega"));
    // Simulate a coarse-clock file system: the new content has the key the cache recorded.
    const forge = (): void => {
      const st = statSync(p);
      const data = JSON.parse(readFileSync(cacheFile(), "utf8")) as { entries: [string, number[], unknown][] };
      data.entries.find((e) => e[0] === rel)![1] = [st.size, st.mtimeMs, st.ctimeMs, st.ino];
      writeFileSync(cacheFile(), JSON.stringify(data));
    };
    forge();
    const r = await load();
    expect(r.parsed.stories.find((s) => s.id === "1.1")?.title).toBe("Omega");

    // Same, with the cache written long after the change but its files read right after it
    // (a slow load): the read time, not the write time, decides.
    writeFileSync(p, story("1.1", "Alpha"));
    expect((await load()).parsed.stories.find((s) => s.id === "1.1")?.title).toBe("Alpha");
    writeFileSync(p, story("1.1", "Omega"));
    forge();
    const late = Date.now() / 1000 + 10;
    utimesSync(cacheFile(), late, late);
    expect((await load()).parsed.stories.find((s) => s.id === "1.1")?.title).toBe("Omega");

    // Control: the same situation with the cache written long after the change trusts the
    // forged entry and serves the stale parse: this is what racy protection saved us from.
    writeFileSync(p, story("1.1", "Alpha"));
    expect((await load()).parsed.stories.find((s) => s.id === "1.1")?.title).toBe("Alpha");
    writeFileSync(p, story("1.1", "Omega"));
    forge();
    settle();
    const stale = await load();
    expect(stale.parsed.stories.find((s) => s.id === "1.1")?.title).toBe("Alpha");
  });

  it("ignores a corrupt cache, one of another format or engine build, and one of the wrong shape, and rebuilds it", async () => {
    smallProject();
    const expected = await uncached();
    for (const bad of ["{not json", JSON.stringify({ format: 99, engine: ENGINE, started: 1, entries: [] }), JSON.stringify({ format: 2, engine: ENGINE, started: 1, entries: [["x", [1, 2, 3, 4], 1]] }), "[]", "null"]) {
      mkdirSync(path.dirname(cacheFile()), { recursive: true });
      writeFileSync(cacheFile(), bad);
      const r = await load();
      expect(r.cacheHits).toBe(0);
      expect(withoutHits(r)).toStrictEqual(expected);
      expect((JSON.parse(readFileSync(cacheFile(), "utf8")) as { format: number }).format).toBe(2);
    }
    await load();
    settle();
    expect((await load(undefined, "another-build")).cacheHits).toBe(0);
  });

  it("never serves a cached parse of a link, and never writes outside .agent-orchestration/cache/", async () => {
    put("docs/stories/1.1.a.md", story("1.1", "Alpha"));
    put("other/real.md", story("1.2", "Linked"));
    symlinkSync(path.join(root, "other/real.md"), path.join(root, "docs/stories/1.2.link.md"));
    // No .agent-orchestration folder: nothing is created.
    await load();
    expect(readdirSync(root).sort()).toEqual(["docs", "other"]);
    // .agent-orchestration is a link to a folder outside: nothing is written through it.
    symlinkSync(outside, path.join(root, ".agent-orchestration"));
    await load();
    expect(readdirSync(outside)).toEqual([]);
    unlinkSync(path.join(root, ".agent-orchestration"));
    // The cache folder is a link outside: same.
    mkdirSync(path.join(root, ".agent-orchestration"));
    symlinkSync(outside, path.join(root, ".agent-orchestration/cache"));
    await load();
    expect(readdirSync(outside)).toEqual([]);
    unlinkSync(path.join(root, ".agent-orchestration/cache"));
    // A real folder: the cache and its .gitignore, the linked story is not in it.
    await load();
    expect(readdirSync(path.join(root, ".agent-orchestration/cache")).filter((n) => !n.startsWith(".stories.json.tmp")).sort()).toEqual([".gitignore", "stories.json"]);
    const entries = cachedPaths();
    expect(entries).toEqual(["docs/stories/1.1.a.md"]);
    settle();
    writeFileSync(path.join(root, "other/real.md"), story("1.2", "Moved"));
    const r = await load();
    expect(r.cacheHits).toBe(1);
    expect(r.parsed.stories.map((s) => s.title)).toEqual(["Alpha", "Moved"]);
  });

  it("keeps the cache out of git in a repository that ignores nothing", async () => {
    smallProject();
    put(".agent-orchestration/config.yaml", "maxParallel: 2\n");
    const git = (...args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8" });
    git("init", "-q");
    git("-c", "user.name=t", "-c", "user.email=t@t", "add", "-A");
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "stories");
    await load();
    expect(existsSync(cacheFile())).toBe(true);
    expect(git("status", "--porcelain", "--untracked-files=all")).toBe("");
  });

  it("with cache: false reads everything and writes nothing", async () => {
    smallProject();
    const r = await loadStories(root, undefined, { cache: false });
    expect(withoutHits(r)).toStrictEqual(await uncached());
    expect(existsSync(path.join(root, ".agent-orchestration/cache"))).toBe(false);
  });

  it("read-only (the dashboard) uses a cache but never writes one, and gives the same result", async () => {
    smallProject();
    const expected = await uncached();
    const none = await loadStories(root, undefined, { cache: "read-only", engine: ENGINE });
    expect(withoutHits(none)).toStrictEqual(expected);
    expect(existsSync(path.join(root, ".agent-orchestration/cache"))).toBe(false);
    await load();
    settle();
    const before = readFileSync(cacheFile(), "utf8");
    put("docs/stories/1.4.d.md", story("1.4", "Delta"));
    const warm = await loadStories(root, undefined, { cache: "read-only", engine: ENGINE });
    expect(warm.cacheHits).toBeGreaterThan(0);
    expect(withoutHits(warm)).toStrictEqual(await uncached());
    expect(readFileSync(cacheFile(), "utf8")).toBe(before);
  });

  it("binds the cache to the parser version and this build's files", () => {
    expect(engineIdentity()).toMatch(/^2:\d+:source:[0-9a-f]{32}$/);
  });
});
