// Story folders that restart the numbering (issue 10, BakerSean168/DailyUse): epic-010/stories/
// STORY-001 ... STORY-014 beside stories/STORY-001 ... STORY-069. The restarting folder's ids take
// its name as a namespace and its bare references resolve inside it; a copy, a draft with an
// epic-qualified id, or a second file inside one folder stays a duplicate-id error.
import { describe, expect, it } from "vitest";
import { parseStories } from "../../../lib/core/stories/parse-stories.js";

const story = (heading: string, extra = "") => `# ${heading}\n\n## Story\nAs a dev, I want x\n\n## Acceptance Criteria\n1. works\n${extra}`;
const ids = (r: ReturnType<typeof parseStories>) => r.stories.map((s) => [s.id, s.path]);
const deps = (r: ReturnType<typeof parseStories>, id: string) => r.stories.find((s) => s.id === id)?.dependencies.refs.map((d) => d.target);
const codes = (r: ReturnType<typeof parseStories>) => r.errors.map((e) => [e.code, e.file]);

describe("story folders that restart the numbering", () => {
  const main = [
    { path: "docs/sa/stories/STORY-001-package-extraction.md", text: story("STORY-001: Package extraction") },
    { path: "docs/sa/stories/STORY-002-main-process-di.md", text: story("STORY-002: Main process DI", "\n**Depends on**: STORY-001\n") },
    { path: "docs/sa/stories/STORY-003-renderer-di.md", text: story("STORY-003: Renderer DI", "\n**Depends on**: STORY-002\n") },
  ];
  const epic10 = [
    { path: "docs/sa/epic-010/stories/STORY-001-infrastructure-setup.md", text: story("STORY-001: Infrastructure setup") },
    { path: "docs/sa/epic-010/stories/STORY-002-goal-module.md", text: story("STORY-002: Goal module", "\n**Depends on**: STORY-001\n") },
    { path: "docs/sa/epic-010/stories/STORY-003-cleanup.md", text: story("STORY-003: Cleanup", "\n**Depends on**: STORY-001 ~ STORY-002\n") },
  ];

  it("namespace the folder named after an epic; the other keeps its ids; references resolve inside their folder", () => {
    const r = parseStories([...main, ...epic10]);
    expect(r.errors).toEqual([]);
    expect(ids(r)).toEqual([
      ["1", main[0]!.path],
      ["2", main[1]!.path],
      ["3", main[2]!.path],
      ["epic010-1", epic10[0]!.path],
      ["epic010-2", epic10[1]!.path],
      ["epic010-3", epic10[2]!.path],
    ]);
    expect(deps(r, "2")).toEqual([{ kind: "story", id: "1" }]);
    expect(deps(r, "epic010-2")).toEqual([{ kind: "story", id: "epic010-1" }]);
    // `STORY-001 ~ STORY-002` is the range 1-2 of the folder's own stories, not STORY.1-STORY.2.
    expect(deps(r, "epic010-3")).toEqual([{ kind: "range", from: "epic010-1", to: "epic010-2" }]);
    expect(r.stories.find((s) => s.id === "epic010-2")!.epic.number).toBe("epic010");
  });

  it("keep the ids of the folder nearest the top when neither folder is named after an epic", () => {
    const r = parseStories([
      { path: "backlog/001-login.md", text: story("Login") },
      { path: "backlog/002-logout.md", text: story("Logout") },
      { path: "backlog/mobile/001-splash.md", text: story("Splash screen") },
      { path: "backlog/mobile/002-push.md", text: story("Push notifications", "\n**Depends on**: 001\n") },
    ]);
    expect(r.errors).toEqual([]);
    expect(r.stories.map((s) => s.id)).toEqual(["1", "2", "mobile-1", "mobile-2"]);
    expect(deps(r, "mobile-2")).toEqual([{ kind: "story", id: "mobile-1" }]);
  });

  it("namespace every one of sibling folders that number from 1", () => {
    const r = parseStories([
      { path: "tasks/auth/001-signup.md", text: story("Sign up") },
      { path: "tasks/auth/002-reset.md", text: story("Reset password") },
      { path: "tasks/billing/001-invoice.md", text: story("Invoices") },
      { path: "tasks/billing/002-refund.md", text: story("Refunds") },
    ]);
    expect(r.errors).toEqual([]);
    expect(r.stories.map((s) => s.id)).toEqual(["auth-1", "auth-2", "billing-1", "billing-2"]);
  });

  it("leave a copy of a file in another folder a duplicate-id error", () => {
    const r = parseStories([
      ...main,
      { path: "docs/sa/epic-010/stories/STORY-001-package-extraction.md", text: story("STORY-001: Package extraction v2") },
      { path: "docs/sa/epic-010/stories/STORY-002-goal-module.md", text: story("STORY-002: Goal module") },
    ]);
    expect(codes(r)).toEqual([
      ["duplicate-id", "docs/sa/stories/STORY-001-package-extraction.md"],
      ["duplicate-id", "docs/sa/stories/STORY-002-main-process-di.md"],
    ]);
  });

  it("leave a folder whose colliding stories mostly have the same titles (a renamed copy) a duplicate-id error", () => {
    const r = parseStories([
      ...main,
      { path: "docs/sa/epic-010/stories/STORY-001-packages.md", text: story("STORY-001: Package extraction") },
      { path: "docs/sa/epic-010/stories/STORY-002-di.md", text: story("STORY-002: Main process DI") },
    ]);
    expect(r.errors.map((e) => e.code)).toEqual(["duplicate-id", "duplicate-id"]);
  });

  it("leave one colliding id a duplicate-id error: one file is not a numbering", () => {
    const r = parseStories([...main, epic10[0]!]);
    expect(codes(r)).toEqual([["duplicate-id", "docs/sa/stories/STORY-001-package-extraction.md"]]);
  });

  it("leave ids with their epic in them (1.1, 01.01) duplicate-id errors: a draft beside the epic folder's file", () => {
    const r = parseStories([
      { path: "docs/stories/story.1.1.story.md", text: story("Story 1.1: Registration draft") },
      { path: "docs/stories/story.1.3.story.md", text: story("Story 1.3: MFA draft") },
      { path: "docs/stories/01.identity-access/01.01-user-registration.md", text: story("Story 01.01: User registration") },
      { path: "docs/stories/01.identity-access/01.03-multi-factor-auth.md", text: story("Story 01.03: Multi-factor auth") },
    ]);
    expect(r.errors.map((e) => e.code)).toEqual(["duplicate-id", "duplicate-id"]);
    expect(r.stories.map((s) => s.id)).toEqual(["1.1", "1.3"]);
  });

  it("leave two files for one id inside a restarting folder a duplicate-id error, in its namespace", () => {
    const r = parseStories([
      ...main,
      ...epic10,
      { path: "docs/sa/epic-010/stories/STORY-002-goal-module-en.md", text: story("STORY-002: Goal module (English)") },
    ]);
    expect(codes(r)).toEqual([["duplicate-id", "docs/sa/epic-010/stories/STORY-002-goal-module.md"]]);
    expect(r.errors[0]!.message).toContain("Story epic010-2 is defined twice");
  });
});
