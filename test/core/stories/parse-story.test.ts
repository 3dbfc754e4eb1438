import { describe, expect, it } from "vitest";
import { normalizeStatus, parseStory } from "../../../lib/core/stories/parse-story.js";
import type { ParsedStory } from "../../../lib/core/model.js";

function story(path: string, text: string): ParsedStory {
  const r = parseStory({ path, text });
  if (r.kind !== "story") throw new Error(`expected a story, got ${JSON.stringify(r)}`);
  return r.story;
}

const BMAD = [
  "# Story 1.2: User Login", //1
  "", //2
  "## Status", //3
  "**Done** ✅", //4
  "", //5
  "## Story", //6
  "As a user, I want to log in, so that I see my data.", //7
  "", //8
  "## Acceptance Criteria", //9
  "1. Login form posts to /login", //10
  "   - nested detail", //11
  "2. Errors are shown", //12
  "- [x] Session cookie set", //13
  "", //14
  "## Tasks / Subtasks", //15
  "- [x] Task 1: build form (AC: 1)", //16
  "  - [ ] write React component", //17
  "", //18
  "## Dev Notes", //19
  "- Use Next.js app router", //20
].join("\n");

describe("parseStory", () => {
  it("reads id, title, status, epic, AC and tasks from a BMAD story", () => {
    const s = story("docs/stories/1.2.user-login.md", BMAD);
    expect(s.id).toBe("1.2");
    expect(s.idSource).toBe("heading");
    expect(s.title).toBe("User Login");
    expect(s.status).toEqual({ raw: "Done", normalized: "Done", line: 4 });
    expect(s.epic).toEqual({ number: "1" });
    expect(s.acceptanceCriteria).toEqual([
      { text: "Login form posts to /login", done: false, line: 10 },
      { text: "Errors are shown", done: false, line: 12 },
      { text: "Session cookie set", done: true, line: 13 },
    ]);
    expect(s.tasks).toEqual([
      { text: "Task 1: build form (AC: 1)", done: true, line: 16 },
      { text: "write React component", done: false, line: 17 },
    ]);
    expect(s.technologies).toEqual(["react", "nextjs"]);
    expect(s.dependencies).toEqual({ declared: false, refs: [] });
  });

  it.each([
    ["Done", "Done"],
    ["Complete ✅ (Ready for Epic 5 Integration)", "Done"],
    ["COMPLETED - QA Approved", "Done"],
    ["merged", "Done"],
    ["closed", "Done"],
    ["In Progress", "In Progress"],
    ["InProgress", "In Progress"],
    ["WIP", "In Progress"],
    ["Ready for Review", "Ready for Review"],
    ["Review", "Ready for Review"],
    ["Blocked", "Blocked"],
    ["Cancelled", "Skipped"],
    ["Won't Do", "Skipped"],
    ["Approved", "Not Started"],
    ["Draft", "Not Started"],
    ["Ready for Development", "Not Started"],
    ["Not Started", "Not Started"],
    ["Todo", "Not Started"],
    ["open", "Not Started"],
  ])("status %s → %s", (raw, expected) => {
    expect(normalizeStatus(raw)).toBe(expected);
  });

  it("reads **Status:** X and Status: X lines, and front matter status last", () => {
    expect(story("1.1.a.md", "# Story 1.1: A\n\n**Status:** Ready for Review\n").status).toEqual({
      raw: "Ready for Review",
      normalized: "Ready for Review",
      line: 3,
    });
    expect(story("1.1.a.md", "# Story 1.1: A\nStatus: in-progress\n").status.normalized).toBe("In Progress");
    expect(story("1.1.a.md", "---\nstatus: closed\n---\n# Story 1.1: A\n").status).toEqual({
      raw: "closed",
      normalized: "Done",
      line: 2,
    });
  });

  it("reads the Chinese label **状态**: X as the status, but not a bullet that lists a state's contents", () => {
    expect(story("STORY-026-pull-api.md", "# STORY-026: Pull API\n\n**状态**: ✅ Completed  \n").status).toEqual({
      raw: "Completed",
      normalized: "Done",
      line: 3,
    });
    expect(story("STORY-026-pull-api.md", "# STORY-026: Pull API\n**状态：** ✅ Done\n").status.normalized).toBe("Done");
    const bullet = story("story-11-3-schedule.md", "# Story 11.3: Schedule\n\n- scheduleStore:\n  - 状态: 日程列表、当前周\n");
    expect(bullet.status).toEqual({ raw: null, normalized: "Not Started" });
  });

  it("takes the title from front matter, then the heading, then the slug", () => {
    expect(story("1.1.a.md", "---\ntitle: From FM\n---\n# Story 1.1: From heading\n").title).toBe("From FM");
    expect(story("1.1.a.md", "# Login page\n\ntext").title).toBe("Login page");
    expect(story("docs/stories/1.1.user-login.md", "As a user I want\n").title).toBe("user login");
  });

  it("reads the epic name from **Epic:** and front matter", () => {
    const s = story("5.5.story.md", "# Story 5.5: Feed\n**Epic:** Epic 5 - Web Dashboard & Real-Time Monitoring\n");
    expect(s.epic).toEqual({ number: "5", name: "Web Dashboard & Real-Time Monitoring" });
    expect(story("2.1.x.md", "---\nepic: auth\n---\n# Story 2.1: X\n").epic).toEqual({ number: "2", name: "auth" });
    expect(story("2.1.x.md", "---\nepic: 7\n---\n# Story 2.1: X\n").epic).toEqual({ number: "7" });
  });

  it("takes front matter dependencies (list or string) with their lines, and overrides", () => {
    const s = story(
      ".claude/epics/auth/13.md",
      "---\nname: Login\nstatus: open\ndepends_on: [11, 12]\nagent: python-developer\npriority: high\n---\n# Login\n",
    );
    expect(s.id).toBe("13");
    expect(s.title).toBe("Login");
    expect(s.epic).toEqual({ number: "", name: "auth" });
    expect(s.dependencies.declared).toBe(true);
    expect(s.dependencies.refs.map((r) => [r.target, r.line])).toEqual([
      [{ kind: "story", id: "11" }, 4],
      [{ kind: "story", id: "12" }, 4],
    ]);
    expect(s.overrides).toEqual({ agent: "python-developer", priority: 1 });
    const block = story("1.3.x.md", "---\ndependencies:\n  - 1.1\n  - 1.10\n---\n# Story 1.3: X\n");
    expect(block.dependencies.refs.map((r) => [r.raw, r.line])).toEqual([
      ["1.1", 3],
      ["1.10", 4],
    ]);
    expect(story("1.3.x.md", "---\ndependencies: 1.1, 1.2\n---\n# X\n").dependencies.refs).toHaveLength(2);
    expect(story("1.3.x.md", "---\ndepends_on: []\n---\n# X\n").dependencies).toEqual({ declared: true, refs: [], line: 2 });
  });

  it("reports broken YAML front matter with the file line", () => {
    const r = parseStory({ path: "docs/stories/1.1.a.md", text: "---\ntitle: ok\nstatus: [unclosed\n---\n# Story 1.1: A\n" });
    expect(r.kind).toBe("failed");
    if (r.kind !== "failed") return;
    expect(r.errors).toHaveLength(1);
    // Line 3 of the file is `status: [unclosed`.
    expect(r.errors[0]).toMatchObject({ code: "invalid-front-matter", file: "docs/stories/1.1.a.md", line: 3 });
  });

  it("reports front matter that is never closed, which would swallow the heading as a YAML comment", () => {
    const r = parseStory({ path: "docs/stories/1.2.login.md", text: "---\nstatus: Draft\n\n# Story 1.2: Login\n\n**Dependencies**: 1.1\n" });
    expect(r).toEqual({
      kind: "failed",
      warnings: [],
      errors: [
        {
          code: "invalid-front-matter",
          message: "Front matter opened by `---` on line 1 is never closed: add a `---` line after it (or remove line 1 if it is not front matter)",
          file: "docs/stories/1.2.login.md",
          line: 1,
        },
      ],
      // The file name's id: the plan sets 1.2 aside, with the stories that depend on it.
      id: "1.2",
    });
    // Closed further down (CRLF too), it is front matter as before.
    expect(story("1.2.login.md", "---\r\nstatus: Draft\r\n---\r\n# Story 1.2: Login\r\n").title).toBe("Login");
  });

  it("reports a YAML error on the exact line", () => {
    const r = parseStory({ path: "s/1.1.a.md", text: "---\nid: 1.1\ntitle: a\nx: 1\nsummary: \"unterminated\n---\n" });
    expect(r.kind === "failed" && r.errors[0]).toEqual({
      code: "invalid-front-matter",
      message: 'Front matter is not valid YAML: Missing closing "quote, at column 23 of "summary: "unterminated"',
      file: "s/1.1.a.md",
      line: 5,
    });
  });

  it("leaves out a line where two keys run together (a lost line break) and reads the rest, with a warning at that line", () => {
    const text = "---\nname: Enhanced CSV Output\nstatus: completed\nlast_sync: 2025-10-19T18:19:57Zcompleted: 2025-10-19T18:30:00Z\ndepends_on: [2, 3]\n---\n# Task: Enhanced CSV Output\n";
    const r = parseStory({ path: "docs/stories/7.md", text });
    expect(r.kind).toBe("story");
    if (r.kind !== "story") return;
    expect(r.story.status.normalized).toBe("Done");
    expect(r.story.dependencies.refs.map((d) => d.raw)).toEqual(["2", "3"]);
    expect(r.warnings.map((w) => [w.code, w.line])).toEqual([["invalid-front-matter", 4]]);
    expect(r.errors).toEqual([]);
  });

  it("reads a front-matter id written as a BMAD slug with the file-name grammar", () => {
    const r = parseStory({ path: "docs/stories/23-2-fix-click-bug.md", text: "---\nid: 23-2-fix-multizoneselect-click-bug\nstatus: done\n---\n# Story 23.2: Fix click bug\n" });
    expect(r.kind === "story" && [r.story.id, r.story.idSource, r.errors]).toEqual(["23.2", "front-matter", []]);
    // Of several readings, the one the file name gives.
    const withFm = parseStory({ path: "docs/stories/0-5-7-72-hour-alerts.md", text: "---\nid: 0-5-7-72-hour-alerts\n---\n# Alerts\n" });
    const byName = parseStory({ path: "docs/stories/0-5-7-72-hour-alerts.md", text: "# Alerts\n" });
    expect(withFm.kind === "story" && byName.kind === "story" && withFm.story.id === byName.story.id).toBe(true);
    // Anything with a path separator stays an invalid id.
    expect(parseStory({ path: "docs/stories/1.1.a.md", text: "---\nid: 1-1/../x\n---\n# Story 1.1: A\n" }).kind).toBe("failed");
  });

  it("skips a template by its name even when its front matter does not parse (placeholders)", () => {
    const r = parseStory({ path: "tasks/task-template.md", text: "+++\nid = \"NN\"\ndependencies = [<ids>]\n+++\n# Task NN\n" });
    expect(r).toEqual({ kind: "skipped", skipped: { path: "tasks/task-template.md", reason: "template (by its name), not a story" } });
  });

  it("rejects a front-matter id that is not a story id (path safety)", () => {
    const r = parseStory({ path: "docs/stories/1.1.a.md", text: "---\ntitle: x\nid: ../../etc\n---\n# Story 1.1: A\n" });
    expect(r).toEqual({
      kind: "failed",
      warnings: [],
      errors: [
        {
          code: "invalid-id",
          message: "Front matter id ../../etc is not a story id (expected e.g. 1.2, 1.11b, 13)",
          file: "docs/stories/1.1.a.md",
          line: 3,
        },
      ],
      id: "1.1",
    });
  });

  it("warns when front matter or heading id disagrees with the file name", () => {
    const r = parseStory({ path: "docs/stories/1.1.a.md", text: "---\nid: 2.4\n---\n# Story 2.4: A\n" });
    expect(r.kind).toBe("story");
    if (r.kind !== "story") return;
    expect(r.story.id).toBe("2.4");
    expect(r.story.idSource).toBe("front-matter");
    expect(r.warnings).toEqual([
      {
        code: "id-mismatch",
        message: "The front matter id says 2.4 but the file name says 1.1; using 2.4",
        file: "docs/stories/1.1.a.md",
        line: 2,
      },
    ]);
    const h = parseStory({ path: "docs/stories/3.1.a.md", text: "# Story 3.2: A\n" });
    expect(h.kind === "story" && h.warnings.map((w) => [w.code, w.line])).toEqual([["id-mismatch", 1]]);
  });

  it("reads a dashed heading id as the file name's form (BMAD v6: `# Story 35-2: ...`), not as story 35", () => {
    const r = parseStory({ path: "stories/35-2-add-address-field.md", text: "# Story 35-2: Add Address Field\n" });
    expect(r.kind === "story" && [r.story.id, r.story.idSource, r.story.title, r.warnings]).toEqual(["35.2", "heading", "Add Address Field", []]);
    const slug = parseStory({ path: "stories/7-1-arkit-video.md", text: "# Story 7-1-arkit-video: ARKit Video\n" });
    expect(slug.kind === "story" && slug.story.id).toBe("7.1");
    // A dash followed by a space separates the title, as before.
    const spaced = parseStory({ path: "stories/4.1.e2e.md", text: "# Story 4.1 - End-to-End Testing\n" });
    expect(spaced.kind === "story" && [spaced.story.id, spaced.story.title]).toEqual(["4.1", "End-to-End Testing"]);
  });

  it("a heading id that is only the start of the file name's id loses to it, with a warning at the heading", () => {
    const r = parseStory({ path: "stories/7-1-arkit-video.md", text: "---\nx: 1\n---\n# Story 7: ARKit Video\n" });
    expect(r.kind === "story" && [r.story.id, r.story.idSource]).toEqual(["7.1", "file-name"]);
    expect(r.kind === "story" && r.warnings).toEqual([
      { code: "id-mismatch", message: "The heading says 7, which is only the start of the file name's 7.1; using 7.1", file: "stories/7-1-arkit-video.md", line: 4 },
    ]);
    // Not a prefix: the heading still decides, and says so.
    const other = parseStory({ path: "stories/7-1-arkit-video.md", text: "# Story 8: ARKit Video\n" });
    expect(other.kind === "story" && [other.story.id, other.warnings.map((w) => w.code)]).toEqual(["8", ["id-mismatch"]]);
  });

  it("lets the heading decide an ambiguous dashed name, silently when it is one of the readings", () => {
    const r = parseStory({ path: "docs/stories/0-5-7-72-hour-alerts.md", text: "# Story 0.5.7: 72-Hour Alerts\n" });
    expect(r.kind === "story" && [r.story.id, r.story.title, r.warnings]).toEqual(["0.5.7", "72-Hour Alerts", []]);
    const noHeading = parseStory({ path: "docs/stories/0-5-7-72-hour-alerts.md", text: "As a user I want\n" });
    expect(noHeading.kind === "story" && noHeading.warnings.map((w) => w.code)).toEqual(["id-mismatch"]);
  });

  it("rejects an agent name that could make a path", () => {
    const r = parseStory({ path: "1.1.a.md", text: "---\nagent: ../../bin/sh\n---\n# Story 1.1: A\n" });
    expect(r.kind === "story" && r.errors).toEqual([
      {
        code: "invalid-front-matter",
        message:
          "Front matter key \"agent\" must be an agent name (lower-case letters, digits and '-', e.g. python-developer)",
        file: "1.1.a.md",
        line: 2,
      },
    ]);
    expect(r.kind === "story" && r.story.overrides).toEqual({});
  });

  it("keeps shell-looking text as plain data", () => {
    const text = "# Story 1.1: $(rm -rf /) `whoami`\n\n**Dependencies:** Story 1.0; $(curl evil)\n";
    const s = story("1.1.a.md", text);
    expect(s.title).toBe("$(rm -rf /) `whoami`".replace(/`/g, ""));
    expect(s.dependencies.refs.map((r) => r.raw)).toEqual(["Story 1.0"]);
  });

  it("detects go only from real evidence", () => {
    expect(story("1.1.a.md", "# Story 1.1: A\nLet's go to the page and go back.\n").technologies).toEqual([]);
    expect(story("1.1.a.md", "# Story 1.1: A\nEdit main.go and run go test ./...\n").technologies).toEqual(["go"]);
    expect(story("1.1.a.md", "# Story 1.1: A\nA Go service with go.mod\n").technologies).toEqual(["go"]);
  });
});

describe("dependency statements: nothing dropped without a word", () => {
  it("warns with file and line about an id a statement does not read, and a Done after a ref is no status", () => {
    const text = [
      "# Story 6.2.2: Schema", //1
      "", //2
      "- **依赖关系:** 本故事为 6.2.1 提供支持", //3
      "**Dependencies**: Story 20.1 (Quote model) - ✅ Done", //4
      "", //5
      "## Tasks", //6
    ].join("\n");
    const r = parseStory({ path: "docs/stories/6.2-2-schema.md", text });
    if (r.kind !== "story") throw new Error("expected a story");
    expect(r.story.status.normalized).toBe("Not Started");
    expect(r.story.dependencies.refs.map((d) => [d.target, d.line])).toEqual([[{ kind: "story", id: "20.1" }, 4]]);
    expect(r.warnings.filter((w) => w.code === "unread-dependency").map((w) => [w.file, w.line, w.message.slice(0, 30)])).toEqual([
      ["docs/stories/6.2-2-schema.md", 3, '"6.2.1" in a dependency statem'],
    ]);
  });

  it("reads a Dutch front matter Afhankelijkheden list", () => {
    const s = story("docs/stories/2.2.x.md", "---\nAfhankelijkheden: [2.1]\n---\n# Story 2.2: T\n");
    expect(s.dependencies).toEqual({ declared: true, refs: [{ target: { kind: "story", id: "2.1" }, raw: "2.1", line: 2 }], line: 2 });
  });
});
