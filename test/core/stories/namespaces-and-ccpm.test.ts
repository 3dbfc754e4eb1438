// Story identity beyond plain numbers: namespaced ids (UGM-1.2, US-021), the word Story as a
// prefix, ccpm task ids and local numbers, and the files beside stories that are not stories.
import { describe, expect, it } from "vitest";
import { parseStories } from "../../../lib/core/stories/parse-stories.js";
import { parseStory } from "../../../lib/core/stories/parse-story.js";
import { idFromFileName } from "../../../lib/core/stories/identify.js";
import { parseScope } from "../../../lib/core/scope.js";

const body = (heading: string, extra = "") => `# ${heading}\n\n## Story\nAs a dev, I want x\n\n## Acceptance Criteria\n1. works\n${extra}`;
const targets = (r: ReturnType<typeof parseStories>, id: string) => r.stories.find((s) => s.id === id)?.dependencies.refs.map((d) => d.target);

describe("file names with a namespace", () => {
  it("read capitals before a number as a namespace, the word Story as no namespace", () => {
    expect(idFromFileName("docs/stories/story-UGM-1.2.md")?.id).toBe("UGM-1.2");
    expect(idFromFileName("docs/stories/US-021.md")?.id).toBe("US-21");
    expect(idFromFileName("docs/stories/STORY-064-hook.md")?.id).toBe("64");
    expect(idFromFileName("docs/stories/epic-013/STORY-13.14-SCHEDULE-IPC.md")?.id).toBe("13.14");
    expect(idFromFileName("docs/stories/story-1-2-slug.md")?.id).toBe("1.2");
  });

  it("do not read lower-case words before a number as one (tech-spec-epic-1.md, phase-2.md)", () => {
    expect(idFromFileName("docs/stories/tech-spec-epic-1.md")).toBeNull();
    expect(idFromFileName("docs/stories/phase-2-notes.md")).toBeNull();
  });

  it("ask the content to confirm a namespace: an ADR is not story ADR-1", () => {
    const r = parseStory({ path: "docs/stories/ADR-001-use-postgres.md", text: "# Use Postgres\n\nWe decided.\n" });
    expect(r.kind).toBe("skipped");
  });
});

describe("namespaced stories and their references", () => {
  const files = [
    { path: "s/story-1.1.md", text: body("Story 1.1: Base") },
    { path: "s/story-1.2.md", text: body("Story 1.2: Plain", "\n**Prerequisites**: 1.1\n") },
    { path: "s/story-3.1.md", text: body("Story 3.1: Plain only") },
    { path: "s/story-UGM-1.1.md", text: body("Story UGM-1.1: Table") },
    { path: "s/story-UGM-1.2.md", text: body("Story UGM-1.2: Status", "\n**Prerequisites**: UGM-1.1\n") },
    { path: "s/story-UGM-2.1.md", text: body("Story UGM-2.1: Link", "\n**Prerequisites**: Story 3.1, Epic UGM-1 complete\n") },
    { path: "s/story-UGM-2.2.md", text: body("Story UGM-2.2: Other", "\n**Prerequisites**: Story 1.1\n") },
  ];
  const r = parseStories(files);

  it("keep UGM-1.1 apart from 1.1: no duplicate, both stories", () => {
    expect(r.errors).toEqual([]);
    expect(r.stories.map((s) => s.id)).toEqual(["1.1", "1.2", "3.1", "UGM-1.1", "UGM-1.2", "UGM-2.1", "UGM-2.2"]);
    expect(r.stories.find((s) => s.id === "UGM-2.1")?.epic.number).toBe("UGM-2");
  });

  it("resolve a namespaced ref and a namespaced epic as written", () => {
    expect(targets(r, "UGM-1.2")).toEqual([{ kind: "story", id: "UGM-1.1" }]);
    expect(targets(r, "UGM-2.1")).toContainEqual({ kind: "epic", epic: "UGM-1" });
  });

  it("resolve a bare ref in a namespaced story inside its namespace when the namespace has it, else outside", () => {
    // UGM has no 3.1 of its own: Story 3.1 is the plain one. UGM-1.1 exists: Story 1.1 means it.
    expect(targets(r, "UGM-2.1")).toContainEqual({ kind: "story", id: "3.1" });
    expect(targets(r, "UGM-2.2")).toEqual([{ kind: "story", id: "UGM-1.1" }]);
    // A plain story's bare ref stays plain.
    expect(targets(r, "1.2")).toEqual([{ kind: "story", id: "1.1" }]);
  });

  it("US-NNN with front matter: the id, the epic from `epic: EPIC-005`, Dutch dependencies and status", () => {
    const us = (n: string, deps: string, status = "GEREED") =>
      `---\nid: US-${n}\nepic: EPIC-005-export\nstatus: ${status}\npriority: GEMIDDELD\nAfhankelijkheden: [${deps}]\n---\n\n# US-${n}: Export\n\n## Gebruikersverhaal\n`;
    const d = parseStories([
      { path: "docs/stories/US-001.md", text: us("001", "") },
      { path: "docs/stories/US-021.md", text: us("021", "US-001", "IN_UITVOERING") },
    ]);
    expect(d.errors).toEqual([]);
    expect(d.warnings).toEqual([]);
    expect(d.stories.map((s) => [s.id, s.epic.number, s.status.normalized])).toEqual([
      ["US-1", "5", "Done"],
      ["US-21", "5", "In Progress"],
    ]);
    expect(targets(d, "US-21")).toEqual([{ kind: "story", id: "US-1" }]);
  });

  it("STORY-NNN files are stories 64, 65: the word Story is no namespace", () => {
    const d = parseStories([
      { path: "d/STORY-064-hooks.md", text: body("STORY-064: Hooks") },
      { path: "d/STORY-065-store.md", text: body("STORY-065: Store", "\n**Dependencies**: STORY-064\n") },
    ]);
    expect(d.stories.map((s) => s.id)).toEqual(["64", "65"]);
    expect(targets(d, "65")).toEqual([{ kind: "story", id: "64" }]);
  });
});

describe("ccpm tasks", () => {
  const task = (fm: string, heading = "Task: Something") => `---\nname: T\n${fm}\n---\n\n# ${heading}\n\n## Acceptance Criteria\n- [ ] x\n`;

  it("take their id from the file name, not a `# Task 009` heading; `closed` and `completed` are done", () => {
    const r = parseStories([
      { path: ".claude/epics/calc/27.md", text: task("status: closed\ndepends_on: [24]", "Task 009: Docs") },
      { path: ".claude/epics/calc/24.md", text: task("status: completed\ndepends_on: []") },
    ]);
    expect(r.errors).toEqual([]);
    expect(r.stories.map((s) => [s.id, s.status.normalized])).toEqual([["24", "Done"], ["27", "Done"]]);
    expect(r.warnings).toEqual([]);
  });

  it("resolve local numbers written before the sync through github-mapping.md, by its listed order", () => {
    const mapping = "# GitHub Issue Mapping\n\nEpic: #1 - https://x/issues/1\n\nTasks:\n- #2: Setup - https://x/issues/2\n- #3: Schema - https://x/issues/3\n- #4: Auth - https://x/issues/4\n";
    const r = parseStories([
      { path: ".claude/epics/tm/github-mapping.md", text: mapping },
      { path: ".claude/epics/tm/2.md", text: task("status: open\ndepends_on: []") },
      { path: ".claude/epics/tm/3.md", text: task("status: open\ndepends_on: [001]") },
      { path: ".claude/epics/tm/4.md", text: task("status: open\ndepends_on: [002]") },
    ]);
    expect(r.skipped.map((s) => s.path)).toEqual([".claude/epics/tm/github-mapping.md"]);
    expect(targets(r, "3")).toEqual([{ kind: "story", id: "2" }]);
    expect(targets(r, "4")).toEqual([{ kind: "story", id: "3" }]);
  });

  it("resolve a local number by an explicit `Local file:` line, and by a task's own `# Task 003` heading", () => {
    const mapping = "## Tasks\n\n- #7: Greeks - https://x/issues/7\n  - Local file: `001.md`\n";
    const r = parseStories([
      { path: ".claude/epics/e/github-mapping.md", text: mapping },
      { path: ".claude/epics/e/7.md", text: task("status: open") },
      { path: ".claude/epics/e/9.md", text: task("status: open", "Task 003: Calendar") },
      { path: ".claude/epics/e/10.md", text: task("status: open\ndepends_on: [001, 003]") },
    ]);
    expect(targets(r, "10")).toEqual([{ kind: "story", id: "7" }, { kind: "story", id: "9" }]);
  });

  it("namespace an unsynced epic whose local numbers collide with a synced one's issue numbers", () => {
    const r = parseStories([
      { path: ".claude/epics/taskmanager/github-mapping.md", text: "- #2: A - https://x/2\n" },
      { path: ".claude/epics/taskmanager/2.md", text: task("status: open") },
      { path: ".claude/epics/wine-pair/001.md", text: task("status: open") },
      { path: ".claude/epics/wine-pair/002.md", text: task("status: open\ndepends_on: [001]") },
    ]);
    expect(r.errors).toEqual([]);
    expect(r.stories.map((s) => s.id)).toEqual(["2", "wine-pair-1", "wine-pair-2"]);
    expect(targets(r, "wine-pair-2")).toEqual([{ kind: "story", id: "wine-pair-1" }]);
  });

  it("count a task of an archived epic as done; skip tasks_archive/, updates/ and N-analysis.md", () => {
    const r = parseStories([
      { path: ".claude/epics/archived/old/36.md", text: task("status: open") },
      { path: ".claude/epics/e/tasks_archive/01-market.md", text: task("id: 01\nstatus: todo") },
      { path: ".claude/epics/e/updates/36/251020_1351_implementation_complete.md", text: "# Done\n" },
      { path: ".claude/epics/archived/old/36-analysis.md", text: task("status: open") },
    ]);
    expect(r.stories.map((s) => [s.id, s.status.normalized])).toEqual([["36", "Done"]]);
    expect(r.skipped.map((s) => s.path).sort()).toEqual([
      ".claude/epics/archived/old/36-analysis.md",
      ".claude/epics/e/tasks_archive/01-market.md",
      ".claude/epics/e/updates/36/251020_1351_implementation_complete.md",
    ]);
  });
});

describe("files beside stories that are not stories", () => {
  it("skip backups, tool files, mappings, tech specs and templates by name, with the reason", () => {
    const story = body("Story 1.2: T");
    const reasons = Object.fromEntries(
      ["1.2.story.old.md", "1.2.bak.md", "bmad-create-story.md", "tech-spec-epic-1.md", "story-template.md", "epic-1-retrospective.md", "STORY-027-context.md"].map((n) => {
        const text = n.startsWith("STORY-027") ? "# STORY-027: Context\n\n## Story Context\n" : n.includes("template") ? body("Story {{epic}}.{{story}}: {{title}}") : story;
        const r = parseStory({ path: `docs/stories/${n}`, text });
        return [n, r.kind === "skipped" ? r.skipped.reason : r.kind];
      }),
    );
    expect(reasons["1.2.story.old.md"]).toMatch(/^backup copy/);
    expect(reasons["1.2.bak.md"]).toMatch(/^backup copy/);
    expect(reasons["bmad-create-story.md"]).toMatch(/^BMAD tool file/);
    expect(reasons["tech-spec-epic-1.md"]).toMatch(/^tech spec/);
    expect(reasons["story-template.md"]).toMatch(/^template/);
    expect(reasons["epic-1-retrospective.md"]).toMatch(/epic document|retrospective/);
    expect(reasons["STORY-027-context.md"]).toMatch(/^companion document of story 27/);
  });

  it("take a dashed backup (1.2-backup.md) as a copy only beside the story it copies", () => {
    const r = parseStories([
      { path: "d/1.2.md", text: body("Story 1.2: T") },
      { path: "d/1.2-backup.md", text: body("Story 1.2: T") },
      { path: "d/1.3-database-backup.md", text: body("Story 1.3: Back up the database") },
    ]);
    expect(r.errors).toEqual([]);
    expect(r.stories.map((s) => s.path)).toEqual(["d/1.2.md", "d/1.3-database-backup.md"]);
    expect(r.skipped).toEqual([{ path: "d/1.2-backup.md", reason: "backup copy of story 1.2 (same id as d/1.2.md), not a story" }]);
  });
});

describe("scope with namespaced ids", () => {
  it("reads UGM-1.2 as an id and UGM-1.1-UGM-1.5 as a range", () => {
    const r = parseScope(["UGM-1.2", "UGM-1.1-UGM-1.5", "1.1-1.5"]);
    expect(r.ok && r.value.map((t) => t.kind)).toEqual(["id", "range", "range"]);
    expect(r.ok && r.value[1]).toMatchObject({ from: "UGM-1.1", to: "UGM-1.5" });
  });
});
