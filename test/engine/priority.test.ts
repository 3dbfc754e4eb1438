// Front-matter `priority` reaches the ready queue: a story marked high starts before the others
// when both are ready, one marked low waits; without priorities the critical path decides.
import { afterAll, describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import { nextStories } from "../../lib/engine/next.js";
import { commitAll, tempDir } from "../helpers/git-repo.js";

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function file(id: string, deps: string[], frontMatter = ""): string {
  const fm = frontMatter ? `---\n${frontMatter}\n---\n` : "";
  return `${fm}# Story ${id}: Story ${id}\n\n**Status:** Draft\n\n**Dependencies:** ${deps.length ? deps.join(", ") : "None"}\n\n## Tasks\n- [ ] do it\n`;
}

function repo(maxParallel: number, priorities: Record<string, string>): string {
  // 1.1 ← 1.2 ← 1.3 is the critical path; 2.1, 3.1 and 4.1 stand alone.
  const stories: [string, string[]][] = [["1.1", []], ["1.2", ["1.1"]], ["1.3", ["1.2"]], ["2.1", []], ["3.1", []], ["4.1", []]];
  const files: Record<string, string> = { ".agent-orchestration/config.yaml": `maxParallel: ${maxParallel}\n` };
  for (const [id, deps] of stories) files[`docs/stories/${id}.story.md`] = file(id, deps, priorities[id] ? `priority: ${priorities[id]}` : "");
  const dir = commitAll(tempDir("so-prio-", files));
  temps.push(dir);
  return dir;
}

const readyIds = async (root: string): Promise<string[]> => {
  const r = await nextStories(root);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.ready.map((x) => x.id);
};

describe("front-matter priority in the ready queue", () => {
  it("without priorities: longest remaining critical path first, then id", async () => {
    expect(await readyIds(repo(4, {}))).toEqual(["1.1", "2.1", "3.1", "4.1"]);
  });

  it("a story marked high (or P0, or 1) starts first; one marked low goes after the unmarked ones", async () => {
    expect(await readyIds(repo(1, { "3.1": "high" }))).toEqual(["3.1"]);
    expect(await readyIds(repo(4, { "3.1": "high", "2.1": "low" }))).toEqual(["3.1", "1.1", "4.1", "2.1"]);
    expect(await readyIds(repo(4, { "4.1": "P0", "3.1": "1" }))).toEqual(["4.1", "3.1", "1.1", "2.1"]);
  });
});
