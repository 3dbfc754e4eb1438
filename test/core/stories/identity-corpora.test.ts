// Story identity on the real folders (../shared/corpora): namespaced ids, STORY-NNN, US-NNN and
// ccpm task numbers. The folder is read here directly (every .md under the story folder) so the
// test is about parsing, not about which folder discovery picks. Expectations read off the files.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { expect, it } from "vitest";
import type { SourceFile } from "../../../lib/core/model.js";
import { parseStories } from "../../../lib/core/stories/parse-stories.js";
import { CORPORA, describeShared } from "../../helpers/shared.js";

function read(folder: string, sub: string): SourceFile[] {
  const root = join(CORPORA, folder);
  const files: SourceFile[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.toLowerCase().endsWith(".md")) files.push({ path: relative(root, p), text: readFileSync(p, "utf8") });
    }
  };
  walk(join(root, sub));
  return files;
}

const deps = (r: ReturnType<typeof parseStories>, id: string) =>
  r.stories.find((s) => s.id === id)!.dependencies.refs.map((d) => (d.target.kind === "story" ? d.target.id : d.target.kind === "epic" ? `epic ${d.target.epic}` : "range"));

describeShared("identity in the real corpora", () => {
  it("hanibalsk: 143 stories, the UGM- and AP- namespaces apart from 1.1 ... 15.3, refs inside them", () => {
    const r = parseStories(read("hanibalsk__phone-manager-backend", "docs/stories"));
    expect(r.errors).toEqual([]);
    expect(r.stories).toHaveLength(143); // every file is story-<id>.md
    expect(r.stories.filter((s) => s.id.startsWith("UGM-"))).toHaveLength(28);
    expect(r.stories.filter((s) => s.id.startsWith("AP-"))).toHaveLength(6);
    expect(deps(r, "UGM-1.2")).toEqual(["UGM-1.1"]); // **Prerequisites**: UGM-1.1
    expect(deps(r, "UGM-2.2")).toEqual(["UGM-2.1"]); // Story UGM-2.1: Create Migration ...
    expect(deps(r, "UGM-4.2")).toEqual(["epic UGM-3", "UGM-4.1"]); // Epic UGM-3 complete, Story UGM-4.1 complete
  });

  it("Definitie-app: 55 US-NNN stories from front matter, their Afhankelijkheden, the index/template/report skipped", () => {
    const r = parseStories(read("Chris-Lehnen-ICT-CONSULTING__Definitie-app-zakelijk", "docs/stories"));
    expect(r.errors).toEqual([]);
    expect(r.stories.map((s) => s.id)).toEqual(Array.from({ length: 55 }, (_, i) => `US-${i + 1}`));
    expect(deps(r, "US-21")).toEqual(["US-1", "US-6"]); // Afhankelijkheden: [US-001, US-006]
    expect(r.stories.find((s) => s.id === "US-1")!.status.normalized).toBe("Done"); // status: GEREED
    expect(r.skipped.map((s) => s.path.split("/").pop())).toEqual(["ENRICHMENT-STATUS-REPORT.md", "INDEX.md", "MASTER-EPICS-USER-STORIES.md", "STORY-ENRICHMENT-TEMPLATE.md"]);
  });

  it("DailyUse: STORY-064 is story 64 and STORY-13.14 story 13.14; STORY-027-context.md is a companion", () => {
    const r = parseStories(read("BakerSean168__DailyUse", "docs/sprint-artifacts"));
    const ids = new Set(r.stories.map((s) => s.id));
    expect(["64", "27", "13.14", "11.2"].every((id) => ids.has(id))).toBe(true);
    expect([...ids].some((id) => /story/i.test(id))).toBe(false);
    expect(r.skipped.find((s) => s.path.endsWith("STORY-027-context.md"))?.reason).toMatch(/^companion document of story 27/);
    expect(r.skipped.find((s) => s.path.endsWith("STORY-027-COMPLETION.md"))?.reason).toMatch(/^companion document of story 27/);
    // Left as duplicates: STORY-028.md beside STORY-028-smart-time-estimation.md (two full
    // versions, English and Chinese), and STORY-030 likewise.
    expect(r.errors.map((e) => [e.code, e.file!.split("/").pop()])).toEqual([
      ["duplicate-id", "STORY-028.md"],
      ["duplicate-id", "STORY-030.md"],
    ]);
  });

  it("DailyUse: epic-010/stories/ restarts the numbering, so its STORY-001 ... STORY-014 are epic010-1 ... epic010-14", () => {
    const r = parseStories(read("BakerSean168__DailyUse", "docs/sprint-artifacts"));
    const epic10 = r.stories.filter((s) => s.path.includes("/epic-010/"));
    expect(epic10.map((s) => s.id)).toEqual(Array.from({ length: 14 }, (_, i) => `epic010-${i + 1}`));
    expect(r.stories.find((s) => s.path.endsWith("stories/STORY-001-package-extraction-for-multiplatform.md"))!.id).toBe("1");
    // STORY-013-initialization.md: **依赖**: STORY-001 ~ STORY-012, its own folder's stories.
    expect(r.stories.find((s) => s.id === "epic010-13")!.dependencies.refs.map((d) => d.target)).toEqual([
      { kind: "range", from: "epic010-1", to: "epic010-12" },
    ]);
    // The four phase files summarise ranges of stories that have their own files.
    expect(r.skipped.filter((s) => /^(summary|index) of stories/.test(s.reason)).map((s) => s.path.split("/").pop())).toEqual([
      "STORY-13.23-28-PHASE3-REMAINING.md",
      "STORY-13.29-38-PHASE4-SYSTEM.md",
      "STORY-13.39-47-PHASE5-AI-NOTIFICATION.md",
      "STORY-13.48-52-PHASE6-PLATFORM.md",
    ]);
    // Named like a guide, headed as the story, and the only file of 13.57: the story.
    expect(r.stories.find((s) => s.id === "13.57")!.path).toMatch(/STORY-13\.57-DOCS-USER-GUIDE\.md$/);
  });

  it("vadimalpha ccpm: ids are file names, taskmanager's 001-style refs go through github-mapping.md, winepair gets a namespace", () => {
    const r = parseStories(read("vadimalpha__couples-therapy-assistant", ".claude/epics"));
    expect(r.errors).toEqual([]);
    expect(r.stories).toHaveLength(30);
    expect(deps(r, "3")).toEqual(["2"]); // taskmanager/3.md depends_on: [001]; #2 is listed first
    expect(deps(r, "10")).toEqual(["5"]); // depends_on: [004]
    expect(deps(r, "winepair-5")).toEqual(["winepair-2", "winepair-3"]); // winepair/005.md depends_on: [002, 003]
    expect(r.stories.find((s) => s.id === "14")!.status.normalized).toBe("Done"); // status: closed
  });

  it("scrooop ccpm: archived epics are done, tasks_archive/ drafts and N-analysis.md are skipped", () => {
    const r = parseStories(read("scrooop__ffcs_strategy", ".claude/epics"));
    const archived = r.stories.filter((s) => s.path.includes("/archived/"));
    expect(archived.map((s) => s.id)).toEqual(["36", "37", "38", "39", "40", "41", "42", "43", "44", "45"]);
    expect(archived.every((s) => s.status.normalized === "Done")).toBe(true);
    expect(r.skipped.filter((s) => s.path.includes("tasks_archive/"))).toHaveLength(10);
    expect(r.errors.map((e) => e.code)).not.toContain("duplicate-id");
    expect(deps(r, "24")).toEqual(["28", "31", "26", "29", "32"]);
  });
});
