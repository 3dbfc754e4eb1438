// loadConfig against real temp folders: the memo of the parsed config must give exactly what
// parsing gives, be used only for the exact text it was made from, and never be written
// where the parse cache may not be.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig, MAX_CONFIG_BYTES } from "../../lib/adapters/fs/load-config.js";
import { CACHE_DIR } from "../../lib/adapters/fs/cache-dir.js";
import { parseConfig } from "../../lib/core/config/parse-config.js";
import { DEFAULT_CONFIG } from "../../lib/core/config/schema.js";
import { CONFIG_FILE } from "../../lib/core/state/state-files.js";

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), "so-config-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const memoFile = (): string => path.join(root, CACHE_DIR, "config.json");
const writeConfig = (text: string): void => {
  mkdirSync(path.join(root, ".agent-orchestration"), { recursive: true });
  writeFileSync(path.join(root, CONFIG_FILE), text);
};

describe("loadConfig and its memo", () => {
  it("gives what parseConfig gives, first from the parse and then from the memo", async () => {
    for (const text of ["maxParallel: 2\nreviewers: [code-reviewer, security-reviewer]\nagents:\n  - agent: python-developer\n    keywords: [api]\n", "maxParalel: 2\nstrict: maybe\n"]) {
      writeConfig(text);
      const expected = parseConfig(text, CONFIG_FILE);
      const first = await loadConfig(root);
      expect(first).toStrictEqual(expected);
      expect((JSON.parse(readFileSync(memoFile(), "utf8")) as { text: string }).text).toBe(text);
      expect(await loadConfig(root)).toStrictEqual(expected);
    }
  });

  it("serves the memo for the same text (shown by a forged result), and parses any other text", async () => {
    const text = "maxParallel: 2\n";
    writeConfig(text);
    await loadConfig(root);
    const memo = JSON.parse(readFileSync(memoFile(), "utf8")) as { result: { config: { maxParallel: number } } };
    memo.result.config.maxParallel = 7;
    writeFileSync(memoFile(), JSON.stringify(memo));
    expect((await loadConfig(root)).config.maxParallel).toBe(7);

    // Same size, mtime put back: only the text tells, and it is compared whole.
    const p = path.join(root, CONFIG_FILE);
    const before = statSync(p);
    writeFileSync(p, "maxParallel: 3\n");
    utimesSync(p, before.atime, before.mtime);
    expect((await loadConfig(root)).config.maxParallel).toBe(3);
  });

  it("an absent config is the defaults; a corrupt or foreign memo is ignored and rewritten", async () => {
    mkdirSync(path.join(root, ".agent-orchestration"));
    expect(await loadConfig(root)).toStrictEqual({ config: DEFAULT_CONFIG, errors: [] });
    expect((JSON.parse(readFileSync(memoFile(), "utf8")) as { text: unknown }).text).toBeNull();
    writeConfig("maxParallel: 5\n");
    expect((await loadConfig(root)).config.maxParallel).toBe(5);

    for (const bad of ["{oops", "null", JSON.stringify({ engine: "another-build", text: "maxParallel: 5\n", result: { config: { maxParallel: 9 }, errors: [] } })]) {
      writeFileSync(memoFile(), bad);
      expect((await loadConfig(root)).config.maxParallel).toBe(5);
    }
    expect((JSON.parse(readFileSync(memoFile(), "utf8")) as { text: string }).text).toBe("maxParallel: 5\n");
  });

  it("writes nothing without .agent-orchestration/ or with cache: false", async () => {
    expect(await loadConfig(root)).toStrictEqual({ config: DEFAULT_CONFIG, errors: [] });
    expect(readdirSync(root)).toEqual([]);
    writeConfig("maxParallel: 2\n");
    expect((await loadConfig(root, { cache: false })).config.maxParallel).toBe(2);
    expect(existsSync(memoFile())).toBe(false);
  });
});

describe("loadConfig: a config.yaml that is not a plain file of the project", () => {
  const cannot = (why: string) => ({ config: DEFAULT_CONFIG, errors: [{ code: "invalid-config", message: `cannot read the config file (${why})`, file: CONFIG_FILE }] });
  const linkConfig = (target: string): void => {
    mkdirSync(path.join(root, ".agent-orchestration"), { recursive: true });
    symlinkSync(target, path.join(root, CONFIG_FILE));
  };

  it("refuses a link out of the project without echoing what it points at", async () => {
    const outside = mkdtempSync(path.join(tmpdir(), "so-config-outside-"));
    try {
      writeFileSync(path.join(outside, "secret.yaml"), "root:x:0:0:secret-line\n");
      linkConfig(path.join(outside, "secret.yaml"));
      const r = await loadConfig(root, { cache: false });
      expect(r).toStrictEqual(cannot("it resolves outside the project through a link"));
      expect(JSON.stringify(r)).not.toContain("secret-line");
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it.skipIf(process.platform === "win32")("refuses a link to a device at once instead of reading it to the end", async () => {
    linkConfig("/dev/zero");
    const started = performance.now();
    expect(await loadConfig(root, { cache: false })).toStrictEqual(cannot("it resolves outside the project through a link"));
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses a file over 1 MiB, and follows a link that stays inside the project", async () => {
    writeConfig(`# ${"x".repeat(MAX_CONFIG_BYTES)}\n`);
    expect(await loadConfig(root, { cache: false })).toStrictEqual(cannot(`${MAX_CONFIG_BYTES + 3} bytes, over the 1 MiB limit`));
    rmSync(path.join(root, CONFIG_FILE));
    writeFileSync(path.join(root, "shared-config.yaml"), "maxParallel: 4\n");
    linkConfig("../shared-config.yaml");
    expect((await loadConfig(root, { cache: false })).config.maxParallel).toBe(4);
  });
});

describe("loadConfig on hostile or attributable configs", () => {
  it("turns an alias bomb and deep nesting into invalid-config (not a throw), from the parse and from the memo", async () => {
    const cases: [string, object][] = [
      [
        `reviewers: [&r code-reviewer]\nfoundation: [${Array(120).fill("*r").join(", ")}]\n`,
        { code: "invalid-config", message: "YAML error: Excessive alias count indicates a resource exhaustion attack", file: CONFIG_FILE },
      ],
      [`a: ${"[".repeat(5000)}${"]".repeat(5000)}\n`, { code: "invalid-config", message: "YAML syntax error: nested more than 100 levels deep", file: CONFIG_FILE, line: 1 }],
    ];
    for (const [text, error] of cases) {
      writeConfig(text);
      const expected = { config: DEFAULT_CONFIG, errors: [error] };
      expect(await loadConfig(root)).toStrictEqual(expected);
      expect(await loadConfig(root)).toStrictEqual(expected);
    }
  });

  it("keeps the line of storiesDir through the memo", async () => {
    writeConfig("maxParallel: 2\nstoriesDir: plans\n");
    expect((await loadConfig(root)).storiesDirLine).toBe(2);
    expect((JSON.parse(readFileSync(memoFile(), "utf8")) as { result: { storiesDirLine: number } }).result.storiesDirLine).toBe(2);
    expect((await loadConfig(root)).storiesDirLine).toBe(2);
  });
});
