// BMAD v6's sprint-status.yaml in a real repository: it governs the statuses, its stories with no
// file yet are planned but never run, and the engine writes each of its own transitions back
// into it, changing nothing but the one value.
import { describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { commitAll, tempDir } from "../helpers/git-repo.js";
import { git, work } from "./repo.js";
import { loadProject } from "../../lib/engine/load-project.js";
import { buildPlan } from "../../lib/core/plan.js";
import { startStory } from "../../lib/engine/start.js";
import { submitStory } from "../../lib/engine/submit.js";
import { recordReview } from "../../lib/engine/review.js";
import { mergeStory } from "../../lib/engine/merge.js";
import { nextStories } from "../../lib/engine/next.js";
import { runProgress } from "../../lib/engine/status.js";

const DIR = "_bmad-output/implementation-artifacts";
const SPRINT = `${DIR}/sprint-status.yaml`;
const SPRINT_TEXT = [
  "# generated: 2026-01-01",
  "# story_location: _bmad-output/implementation-artifacts",
  "",
  "development_status:",
  "  # Epic 1: Accounts",
  "  epic-1: in-progress",
  "  1-1-login: ready-for-dev  # next up",
  "  1-2-reset: in-progress",
  "  1-3-sessions: backlog",
  "  epic-1-retrospective: optional",
  "  ",
  "  epic-2: backlog",
  "  2-1-audit: ready-for-dev",
  "",
].join("\n");

const storyText = (id: string, title: string, status: string, deps = "None"): string =>
  `# Story ${id}: ${title}\n\nStatus: ${status}\n\n## Story\n\nAs a user, I want ${title.toLowerCase()}.\n\n**Dependencies:** ${deps}\n\n## Acceptance Criteria\n\n- [ ] it works\n`;

function bmadProject(): string {
  const dir = tempDir("so-sprint-", {
    ".agent-orchestration/config.yaml": "maxParallel: 4\n",
    [`${DIR}/stories/1-1-login.md`]: storyText("1.1", "Login", "ready-for-dev"),
    // The file says done; the sprint status (which governs) says in-progress.
    [`${DIR}/stories/1-2-reset.md`]: storyText("1.2", "Reset", "done"),
    // Depends on 1.3, which has no story file yet.
    [`${DIR}/stories/2-1-audit.md`]: storyText("2.1", "Audit", "ready-for-dev", "Story 1.3"),
    [SPRINT]: SPRINT_TEXT,
  });
  return commitAll(dir, "init");
}

/** The sprint status as written, with `key`'s value replaced on its own line. */
const withValue = (key: string, from: string, to: string): string => SPRINT_TEXT.replace(`  ${key}: ${from}`, `  ${key}: ${to}`);
const sprintNow = (root: string): string => readFileSync(join(root, SPRINT), "utf8");
const approve = (root: string, id: string) => recordReview(root, id, { verdict: "approved", findings: [], reviewer: "code-reviewer" });

describe("sprint-status.yaml governs a BMAD v6 project", () => {
  it("its statuses win, a story file that disagrees is named, and a story with no file is planned but never run", async () => {
    const root = bmadProject();
    const project = await loadProject(root, { cache: false });
    expect(project.sprint?.path).toBe(SPRINT);
    const plan = buildPlan({ stories: project.stories, config: project.config, scope: [] });
    const byId = new Map(plan.stories.map((s) => [s.id, s]));
    expect(plan.stories.map((s) => s.id)).toEqual(["1.1", "1.2", "1.3", "2.1"]);
    // 1.2's file says done, but the sprint status says in-progress: not done, so it is planned.
    expect(byId.get("1.2")).toMatchObject({ status: "In Progress", wave: 0 });
    expect(byId.get("1.3")).toMatchObject({ placeholder: true, path: "", status: "Not Started", wave: null });
    expect(byId.get("2.1")?.dependencies).toEqual(["1.3"]);
    expect([...project.warnings, ...plan.warnings].filter((w) => w.code === "unknown-dependency")).toEqual([]);
    expect(project.warnings).toEqual([
      {
        code: "status-mismatch",
        message: `story 1.2: ${DIR}/stories/1-2-reset.md:3 says "done" (Done) but ${SPRINT}:8 says "in-progress" (In Progress); the sprint status governs, so the plan uses In Progress. Update the story file, or the sprint status`,
        file: `${DIR}/stories/1-2-reset.md`,
        line: 3,
      },
    ]);

    // `next` never hands out the placeholder, and what depends on it waits.
    const n = await nextStories(root);
    expect(n.ok && n.value.ready.map((r) => r.id)).toEqual(["1.1", "1.2"]);
    expect(n.ok && n.value.waiting).toEqual(["2.1"]);
    const refused = await startStory(root, "1.3");
    expect(!refused.ok && refused.error[0]).toMatchObject({ code: "not-ready", file: SPRINT, line: 9 });
    expect(!refused.ok && refused.error[0]!.message).toContain("has no story file yet");
    const progress = await runProgress(root);
    expect(progress.ok && progress.value.stories.find((x) => x.id === "1.3")?.reason).toBe(`no story file yet (listed in ${SPRINT}:9)`);
    const waits = await startStory(root, "2.1");
    expect(!waits.ok && waits.error[0]!.message).toBe("story 2.1 waits for: 1.3 (Not Started)");
    expect(sprintNow(root)).toBe(SPRINT_TEXT);
  });

  it("writes each transition back: in-progress, review, in-progress for a fix round, done at merge; nothing else in the file changes", async () => {
    const root = bmadProject();
    const s = await startStory(root, "1.1");
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    expect(s.value.warnings).toBeUndefined();
    expect(sprintNow(root)).toBe(withValue("1-1-login", "ready-for-dev", "in-progress"));

    work(root, s.value.worktree, "src/login.txt", "v1\n");
    expect((await submitStory(root, "1.1")).ok).toBe(true);
    expect(sprintNow(root)).toBe(withValue("1-1-login", "ready-for-dev", "review"));

    const asked = await recordReview(root, "1.1", { verdict: "changes-requested", findings: [{ severity: "HIGH", message: "no test" }], reviewer: "code-reviewer" });
    expect(asked.ok && asked.value.status).toBe("Changes Requested");
    expect(sprintNow(root)).toBe(withValue("1-1-login", "ready-for-dev", "in-progress"));

    expect((await startStory(root, "1.1")).ok).toBe(true); // the fix round
    work(root, s.value.worktree, "src/login.test.txt", "test\n");
    expect((await submitStory(root, "1.1")).ok).toBe(true);
    expect(sprintNow(root)).toBe(withValue("1-1-login", "ready-for-dev", "review"));
    expect((await approve(root, "1.1")).ok).toBe(true);
    expect(sprintNow(root)).toBe(withValue("1-1-login", "ready-for-dev", "review"));

    const m = await mergeStory(root, "1.1");
    expect(m.ok && m.value.warnings).toEqual([]);
    expect(sprintNow(root)).toBe(withValue("1-1-login", "ready-for-dev", "done"));
    // The main checkout's only change is the sprint status (left for the user to commit, as BMAD's own tools do).
    expect(git(root, "status", "--porcelain")).toBe(`M ${SPRINT}`); // (trimmed: " M")
    // Read again, the project agrees with itself: 1.1 done in both places.
    const again = await loadProject(root, { cache: false });
    expect(again.stories.find((x) => x.id === "1.1")?.status).toEqual({ raw: "done", normalized: "Done" });
    expect(again.warnings.filter((w) => w.code === "status-mismatch").map((w) => w.file)).toEqual([`${DIR}/stories/1-2-reset.md`]);
  });

  it("never writes through a link that leaves the project: such a file does not govern", async () => {
    const root = bmadProject();
    const outside = mkdtempSync(join(tmpdir(), "so-outside-"));
    const target = join(outside, "sprint-status.yaml");
    cpSync(join(root, SPRINT), target);
    unlinkSync(join(root, SPRINT));
    symlinkSync(target, join(root, SPRINT));
    git(root, "add", "-A");
    git(root, "commit", "-qm", "link");
    const project = await loadProject(root, { cache: false });
    expect(project.sprint).toBeNull();
    expect(project.stories.some((x) => x.placeholder)).toBe(false);
    expect((await startStory(root, "1.1")).ok).toBe(true);
    expect(readFileSync(target, "utf8")).toBe(SPRINT_TEXT);
  });

  it("an entry that is gone by the time of the write is a warning naming it, not a failure", async () => {
    const root = bmadProject();
    const project = await loadProject(root, { cache: false });
    expect(project.sprint?.byStory.get("1.1")?.key).toBe("1-1-login");
    // Between the load and the write the file changed under us: the key is gone.
    writeFileSync(join(root, SPRINT), SPRINT_TEXT.replace("  1-1-login: ready-for-dev  # next up\n", ""));
    const { writeBackSprintStatus } = await import("../../lib/engine/sprint-status.js");
    const w = await writeBackSprintStatus(root, "1.1", "In Progress", project.sprint);
    expect(w).toMatchObject({ code: "sprint-status-write", file: SPRINT, line: 7 });
    expect(w?.message).toContain("set 1-1-login: in-progress there by hand");
  });
});
