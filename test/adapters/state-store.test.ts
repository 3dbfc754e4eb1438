// A state file that fails its schema is reported with zod's own words for each problem. The
// schemas use zod/mini, which has no messages of its own ("Invalid input" for everything)
// unless a locale is installed: these are the English messages classic zod gave.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readStoryState } from "../../lib/adapters/state-store/store.js";
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
