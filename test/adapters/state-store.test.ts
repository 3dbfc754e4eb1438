// A state file that fails its schema is reported with zod's own words for each problem. The
// schemas use zod/mini, which has no messages of its own ("Invalid input" for everything)
// unless a locale is installed: these are the English messages classic zod gave.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_STATE_BYTES, readAllStoryStates, readOrchestrationState, readStoryState } from "../../lib/adapters/state-store/store.js";
import { newStoryState } from "../../lib/core/state/schemas.js";

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "so-state-store-"));
  mkdirSync(join(root, ".agent-orchestration"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const story = newStoryState({ storyId: "1.1", agent: "dev", dependencies: [], at: "2024-01-01T00:00:00Z" });
const put = (value: unknown): void => writeFileSync(join(root, ".agent-orchestration/story-1.1.json"), JSON.stringify(value));

async function problem(): Promise<string> {
  const r = await readStoryState(root, "1.1");
  expect(r.ok).toBe(false);
  return r.ok ? "" : r.error.map((d) => `${d.code}: ${d.message}`).join("\n");
}

describe("state store: schema errors", () => {
  it("name each key and say in English what was expected and what was found", async () => {
    put({ ...story, storyId: "", agent: 3, worktree: 1, extra: true });
    expect(await problem()).toBe(
      'invalid-state: .agent-orchestration/story-1.1.json does not match its schema (storyId: Too small: expected string to have >=1 characters; agent: Invalid input: expected string, received number; worktree: Invalid input: expected string, received number; (root): Unrecognized key: "extra"); fix or remove it, it is not rewritten automatically',
    );
  });

  it("give the schema's own words for a format, and say a fraction is not an int", async () => {
    put({ ...story, attempts: 1.5, baseSha: "zz" });
    expect(await problem()).toBe(
      "invalid-state: .agent-orchestration/story-1.1.json does not match its schema (baseSha: must be a commit SHA; attempts: Invalid input: expected int, received number); fix or remove it, it is not rewritten automatically",
    );
  });
});

describe("state store: files that cannot be read", () => {
  const problems = (r: { ok: boolean; error?: unknown }): unknown => (r.ok ? "read without a problem" : r.error);

  it("reports a state folder that is a file as a diagnostic naming it, with no absolute path", async () => {
    rmSync(join(root, ".agent-orchestration"), { recursive: true });
    writeFileSync(join(root, ".agent-orchestration"), "x\n");
    expect(problems(await readAllStoryStates(root))).toEqual([
      { code: "invalid-state", message: ".agent-orchestration: it is not a folder (ENOTDIR); move or remove it", file: ".agent-orchestration" },
    ]);
    expect(problems(await readOrchestrationState(root))).toEqual([
      { code: "invalid-state", message: "cannot read .agent-orchestration/orchestration-state.json (ENOTDIR)", file: ".agent-orchestration/orchestration-state.json" },
    ]);
  });

  it("refuses a folder, a link out of the project and an oversized file by name", async () => {
    const outside = mkdtempSync(join(tmpdir(), "so-state-outside-"));
    try {
      writeFileSync(join(outside, "state.json"), JSON.stringify(story));
      symlinkSync(join(outside, "state.json"), join(root, ".agent-orchestration/story-1.1.json"));
      mkdirSync(join(root, ".agent-orchestration/story-1.2.json"));
      writeFileSync(join(root, ".agent-orchestration/story-1.3.json"), Buffer.alloc(MAX_STATE_BYTES + 1, 0x20));
      const cannot = (id: string, why: string) => ({ code: "invalid-state", message: `cannot read .agent-orchestration/story-${id}.json (${why})`, file: `.agent-orchestration/story-${id}.json` });
      expect(problems(await readAllStoryStates(root))).toEqual([
        cannot("1.1", "it resolves outside the project through a link"),
        cannot("1.2", "EISDIR"),
        cannot("1.3", `${MAX_STATE_BYTES + 1} bytes, over the 16 MiB limit`),
      ]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it("reads a state file over 1 MiB (past the story reader's shared buffer) whole", async () => {
    put({ ...story, reason: "r".repeat(3 * 1024 * 1024) });
    const r = await readStoryState(root, "1.1");
    expect(r.ok && r.value?.reason?.length).toBe(3 * 1024 * 1024);
  });

  it("quotes only a short excerpt of the file's keys and values, and the first ten problems", async () => {
    const long = "k".repeat(5000);
    put({ ...story, storyId: "1.1", [long]: 1, history: Array.from({ length: 50 }, () => ({ [long]: 1 })) });
    const message = await problem();
    expect(message).not.toContain("k".repeat(200));
    expect(message).toMatch(/; and \d+ more\); fix or remove it/);
    expect(message.length).toBeLessThan(4000);
    put({ ...story, storyId: "9".repeat(5000) });
    const all = await readAllStoryStates(root);
    expect(all.ok ? "" : all.error[0]!.message).toBe(`.agent-orchestration/story-1.1.json holds story ${"9".repeat(40)}…, not 1.1`);
  });
});
