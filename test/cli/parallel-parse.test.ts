// Big projects are read and parsed on several threads (lib/adapters/fs/parse-files.ts): the
// built CLI must give exactly what one thread gives, bad files included, with or without the
// parse cache.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { execa } from "execa";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateProject } from "../../bench/plan.bench.js";
import { BIN, ensureBuilt } from "../helpers/built-cli.js";

let project: string;

beforeAll(async () => {
  await ensureBuilt();
  project = mkdtempSync(join(tmpdir(), "so-parallel-"));
  generateProject(project, 1500);
  const dir = join(project, "docs", "stories");
  // Bad files land in different threads' shares (shares are contiguous in path order).
  writeFileSync(join(dir, "1.1.duplicate.md"), "# Story 1.1: Same id again\n\n## Status\nDraft\n");
  writeFileSync(join(dir, "2.empty.md"), "  \n");
  writeFileSync(join(dir, "5.binary.md"), Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]));
  writeFileSync(join(dir, "9.99.broken-front-matter.md"), "---\nid: [1.2\n---\n# Story 9.99: Broken\n");
  // The cache does not trust a file changed within 2 s of its write (racy git): let them age.
  await sleep(2500);
}, 120_000);
afterAll(() => rmSync(project, { recursive: true, force: true }));

async function run(verb: string, threads: number): Promise<{ exitCode: number | undefined; stdout: string; stderr: string }> {
  const r = await execa(process.execPath, [BIN, verb, "--json", "--cwd", project], {
    reject: false,
    env: { STORY_ORCHESTRATOR_THREADS: String(threads), STORY_ORCHESTRATOR_DEBUG: "1" },
  });
  return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr };
}

describe("story files read on several threads", () => {
  it("plan and validate give exactly the one-thread answer, cold and from the cache", async () => {
    const cache = join(project, ".agent-orchestration", "cache");
    for (const verb of ["plan", "validate"]) {
      rmSync(cache, { recursive: true, force: true });
      const one = await run(verb, 1);
      expect(one.stderr).not.toContain("threads");
      rmSync(cache, { recursive: true, force: true });
      const three = await run(verb, 3);
      expect(three.stderr).toContain("1504 story files read on 3 threads");
      expect(three.stderr).not.toContain("failed");
      expect(three.stdout).toBe(one.stdout);
      expect(three.exitCode).toBe(one.exitCode);
      // The cache the three threads wrote serves the next call: nothing is read again.
      const warm = await run(verb, 3);
      expect(warm.stderr).not.toContain("threads");
      expect(warm.stdout).toBe(one.stdout);
    }
    const plan = JSON.parse((await run("plan", 2)).stdout) as { stories: unknown[]; errors: { code: string; file?: string }[]; warnings: { code: string; file?: string }[] };
    expect(plan.stories).toHaveLength(1500);
    expect(plan.errors.map((e) => [e.code, e.file])).toEqual(
      expect.arrayContaining([
        ["duplicate-id", "docs/stories/1.1.story-1-1.md"],
        ["invalid-front-matter", "docs/stories/9.99.broken-front-matter.md"],
      ]),
    );
    expect(plan.warnings.map((w) => [w.code, w.file])).toEqual(
      expect.arrayContaining([
        ["empty-file", "docs/stories/2.empty.md"],
        ["binary-file", "docs/stories/5.binary.md"],
      ]),
    );
  }, 120_000);
});
