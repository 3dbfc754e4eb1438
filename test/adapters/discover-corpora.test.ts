// Discovery on the real project-shaped corpora (../shared/corpora): which folders are read and
// why, which are passed over, read off the folders by hand (see each folder's tree).
import path from "node:path";
import { expect, it } from "vitest";
import { readStoryFiles } from "../../lib/adapters/fs/read-story-files.js";
import { CORPORA, describeShared } from "../helpers/shared.js";

const discover = (name: string) => readStoryFiles(path.join(CORPORA, name));
const A = "_bmad-output/implementation-artifacts";

describeShared("story discovery on the real corpora", () => {
  it("BMAD v6 without a stories/ folder: the output folder itself, per story_location", async () => {
    const r = await discover("Alberto-Codes__docvet");
    expect(r.folders).toEqual([{ path: A, reason: `story_location in ${A}/sprint-status.yaml:40` }]);
    expect(r.files.some((f) => f.path === `${A}/1-1-add-require-attributes-config-toggle.md`)).toBe(true);
    expect(r.warnings).toEqual([]);
  });

  it("a story_location written as a Windows path on the author's machine is followed by its end", async () => {
    const r = await discover("AQUILA04__ELYKIA");
    expect(r.dirs).toEqual([A]);
    expect(r.folders[0]!.reason).toContain("written as c:/Users/kahonsu/Documents/GitHub/ELYKIA/_bmad-output/implementation-artifacts");
    expect(r.files.filter((f) => /\/\d+-\d+-[^/]+\.md$/.test(f.path))).toHaveLength(12);
  });

  it("epic subfolders under stories/ (epic-7.6 too); reviews, retrospectives, tech specs, context XML and quick-dev passed over", async () => {
    const r = await discover("LINSUISHENG034__WorkDataHub");
    expect(r.dirs).toEqual([A]);
    expect(r.skippedFolders.map((f) => f.path)).toEqual([
      `${A}/context-xml/`,
      `${A}/quick-dev/`,
      `${A}/retrospectives/`,
      `${A}/reviews/`,
      `${A}/tech-spec/`,
    ]);
    const epics = new Set(r.files.map((f) => f.path.split("/")[3]));
    expect([...epics].sort()).toEqual(["epic-1", "epic-2", "epic-3", "epic-4", "epic-5", "epic-6", "epic-7", "epic-7.6"]);
    // Its story_location names the folder the project used before it moved to _bmad-output.
    expect(r.warnings.map((w) => [w.code, w.file, w.line])).toEqual([["story-location", `${A}/sprint-status.yaml`, 23]]);
  });

  it("stories both at the top of the output folder and in its stories/; planning documents passed over", async () => {
    const r = await discover("JoPadOfficiel__sixieme-etoile-nextjs16");
    const paths = r.files.map((f) => f.path);
    expect(paths).toContain(`${A}/30-1-quote-workflow-fixes-pdf-customization.md`);
    expect(paths).toContain(`${A}/stories/1-1-define-vtc-erp-prisma-models.md`);
    expect(r.skippedFolders.map((f) => f.path)).toEqual([`${A}/planning-artifacts/`, `${A}/retrospectives/`, `${A}/reviews/`]);
  });

  it("docs/sprint-artifacts read whole: stories/, stories/epic-013/, epic-010/stories/ and the top", async () => {
    const r = await discover("BakerSean168__DailyUse");
    const folders = new Set(r.files.map((f) => path.posix.dirname(f.path)));
    expect([...folders].sort()).toEqual([
      "docs/sprint-artifacts",
      "docs/sprint-artifacts/epic-010", // its SPRINT-PLAN.md, which the parser sets aside
      "docs/sprint-artifacts/epic-010/stories",
      "docs/sprint-artifacts/stories",
      "docs/sprint-artifacts/stories/epic-013",
    ]);
    expect(r.skippedFolders.map((f) => f.path)).toEqual(["docs/sprint-artifacts/tech-review/"]);
  });

  it("docs/stories with numbered epic folders; archive/ of backups passed over", async () => {
    const r = await discover("Vatalion__video_window");
    expect(r.files.some((f) => f.path === "docs/stories/01.identity-access/01.01-user-registration.md")).toBe(true);
    expect(r.skippedFolders.map((f) => f.path)).toEqual(["docs/stories/archive/"]);
  });

  it("ccpm: archived epics read, updates/ and tasks_archive/ passed over", async () => {
    const r = await discover("scrooop__ffcs_strategy");
    expect(r.dirs).toEqual([".claude/epics"]);
    expect(r.files.some((f) => f.path === ".claude/epics/archived/output-csv-terminal-flags/36.md")).toBe(true);
    expect(r.files.some((f) => f.path.includes("tasks_archive") || f.path.includes("/updates/"))).toBe(false);
    expect(r.skippedFolders.find((f) => f.path.endsWith("tasks_archive/"))).toBeDefined();
  });

  it("no known folder: agentydragon/tasks found by search, finished tasks in .done/ read", async () => {
    const r = await discover("zemaj__codex");
    expect(r.dirs).toEqual(["agentydragon/tasks"]);
    expect(r.files.filter((f) => f.path.startsWith("agentydragon/tasks/.done/"))).toHaveLength(18);
    expect(r.files.filter((f) => path.posix.dirname(f.path) === "agentydragon/tasks")).toHaveLength(23);
  });
});
