// Errors stay local, in a real repository: `next` never hands out a set-aside story (a duplicate
// id: neither file; a cycle: its stories and their dependents), says why, and runs the rest;
// `start` refuses a set-aside story. ccpm `conflicts_with` and `parallel: false` keep
// conflicting stories apart across `start` and `next`.
import { afterAll, describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import { nextStories } from "../../lib/engine/next.js";
import { startStory } from "../../lib/engine/start.js";
import { commitAll, tempDir } from "../helpers/git-repo.js";

const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

function file(id: string, deps: string[]): string {
  return `# Story ${id}: Story ${id}\n\n**Status:** Draft\n\n**Dependencies:** ${deps.length ? deps.join(", ") : "None"}\n\n## Tasks\n- [ ] do it\n`;
}

function repo(files: Record<string, string>): string {
  const dir = commitAll(tempDir("so-aside-", { ".agent-orchestration/config.yaml": "maxParallel: 4\n", ...files }));
  temps.push(dir);
  return dir;
}

async function next(root: string, scope?: string[]) {
  const r = await nextStories(root, scope);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe("set-aside stories in a run", () => {
  it("a duplicate id: neither file runs, its dependents neither; the rest is handed out", async () => {
    const root = repo({
      "docs/stories/1.1.a.md": file("1.1", []),
      "docs/stories/1.2.login.md": file("1.2", []),
      "docs/stories/1.2.story.md": file("1.2", []),
      "docs/stories/1.3.b.md": file("1.3", ["1.2"]),
      "docs/stories/2.1.c.md": file("2.1", []),
    });
    const d = await next(root);
    expect(d.ready.map((r) => r.id)).toEqual(["1.1", "2.1"]);
    expect(d.waiting).toEqual([]);
    expect(d.setAside.map((a) => [a.id, a.file])).toEqual([
      ["1.2", "docs/stories/1.2.story.md"],
      ["1.3", "docs/stories/1.3.b.md"],
    ]);
    expect(d.setAside[1]?.reason).toBe("waits for 1.2, which is set aside (duplicate-id at docs/stories/1.2.story.md:1)");
    const refused = await startStory(root, "1.2");
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error[0]?.message).toMatch(/^story 1\.2 is set aside: Story 1\.2 is defined twice/);
  });

  it("a cycle: its stories and what waits for them are listed with the cycle, not silently dropped", async () => {
    const root = repo({
      "docs/stories/1.1.a.md": file("1.1", ["1.2"]),
      "docs/stories/1.2.b.md": file("1.2", ["1.1"]),
      "docs/stories/1.3.c.md": file("1.3", ["1.2"]),
      "docs/stories/2.1.d.md": file("2.1", []),
    });
    const d = await next(root, ["*"]);
    expect(d.ready.map((r) => r.id)).toEqual(["2.1"]);
    expect(d.setAside.map((a) => [a.id, a.reason])).toEqual([
      ["1.1", "on a dependency cycle: 1.1 → 1.2 → 1.1"],
      ["1.2", "on a dependency cycle: 1.1 → 1.2 → 1.1"],
      ["1.3", "waits for 1.2, which is set aside (dependency-cycle at docs/stories/1.2.b.md:5)"],
    ]);
  });
});

describe("ccpm conflicts in a run", () => {
  const task = (deps: string, extra: string) => `---\nname: T\nstatus: open\ndepends_on: [${deps}]\n${extra}---\n\n# Task\n\n## Acceptance Criteria\n- [ ] x\n`;

  it("conflicts_with holds both ways: one starts, the other is held back; start refuses it", async () => {
    const root = repo({
      ".claude/epics/auth/epic.md": "---\nname: auth\nstatus: open\n---\n# Epic: auth\n",
      ".claude/epics/auth/12.md": task("", "parallel: true\nconflicts_with: [14]\n"),
      ".claude/epics/auth/14.md": task("", "parallel: true\nconflicts_with: []\n"),
      ".claude/epics/auth/15.md": task("", "parallel: true\n"),
    });
    const d = await next(root);
    expect(d.ready.map((r) => r.id)).toEqual(["12", "15"]);
    expect(d.heldBack).toEqual([{ id: "14", conflictsWith: "12" }]);
    expect((await startStory(root, "12")).ok).toBe(true);
    const after = await next(root);
    expect(after.ready.map((r) => r.id)).toEqual(["15"]);
    const refused = await startStory(root, "14");
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error[0]?.message).toBe("story 14 conflicts with 12 (In Progress), which must finish first (conflicts_with or parallel: false)");
  });

  it("parallel: false runs alone within its epic, not beside the other epics' tasks", async () => {
    const root = repo({
      ".claude/epics/auth/epic.md": "---\nname: auth\nstatus: open\n---\n# Epic: auth\n",
      ".claude/epics/auth/1.md": task("", "parallel: false\n"),
      ".claude/epics/auth/2.md": task("", "parallel: true\n"),
      ".claude/epics/billing/epic.md": "---\nname: billing\nstatus: open\n---\n# Epic: billing\n",
      ".claude/epics/billing/3.md": task("", "parallel: true\n"),
    });
    const d = await next(root);
    expect(d.ready.map((r) => r.id)).toEqual(["1", "3"]);
    expect(d.heldBack).toEqual([{ id: "2", conflictsWith: "1" }]);
  });
});
