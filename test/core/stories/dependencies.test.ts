import { describe, expect, it } from "vitest";
import { extractDependencies } from "../../../lib/core/stories/dependencies.js";
import type { DepRef } from "../../../lib/core/model.js";

const deps = (text: string) => extractDependencies(text.split("\n"));
const short = (refs: DepRef[]) =>
  refs.map((r) => {
    const t = r.target;
    const what =
      t.kind === "story"
        ? t.id
        : t.kind === "range"
          ? `${t.from}-${t.to}${t.alt !== undefined ? `|${t.alt}` : ""}`
          : t.kind === "epic"
            ? `epic ${t.epic}`
            : `file ${t.name}`;
    return `${what}@${r.line}`;
  });

describe("extractDependencies", () => {
  it.each([
    ["**Dependencies**: 0.1, 1.1", ["0.1@1", "1.1@1"]],
    ["**Depends on:** Story 1.1 (why)", ["1.1@1"]],
    ["- Depends On: Story 1.1, 1.4", ["1.1@1", "1.4@1"]],
    ["Prerequisites: Story 4.1", ["4.1@1"]],
    ["Requires Story 5.1A completion", ["5.1A@1"]],
    ["**Blocked By:** 2.3", ["2.3@1"]],
    ["**Dependencies:** Stories 4.1-4.5", ["4.1-4.5@1"]],
    ["**Dependencies:** Epic 2", ["epic 2@1"]],
    ["**Dependencies:** Epics 2-4", ["epic 2@1", "epic 3@1", "epic 4@1"]],
    // Backwards or too wide: kept whole, so the plan warns instead of reading epic 3 or 1 alone.
    ["**Dependencies:** Epics 3-1", ["epic 3-1@1"]],
    ["**Dependencies:** Epics 1-99999999", ["epic 1-99999999@1"]],
    ["**Dependencies:** Stories 5.1, 5.2, 5.4, 5.5", ["5.1@1", "5.2@1", "5.4@1", "5.5@1"]],
    ["**Dependencies:** Requires completion of Story 4.2 (health checks) and Story 4.3 (version)", ["4.2@1", "4.3@1"]],
    ["**Dependencies:** Stories 1.8 (Bus) and 1.9 (Handler) must be completed first.", ["1.8@1", "1.9@1"]],
    // A list of ids where only some carry the word Story: the bare one counts too.
    ["Prerequisites: 2.4, Story 1.6, Story 1.15", ["2.4@1", "1.6@1", "1.15@1"]],
    ["**Depends on:** 3.1 and Stories 2.1-2.3", ["3.1@1", "2.1-2.3@1"]],
    ["**Dependencies:** Story 26.1, Story 26.8 (export).", ["26.1@1", "26.8@1"]],
  ])("%s", (line, expected) => {
    const r = deps(`# Story 9.9: T\n\n${line}`);
    expect(short(r.refs)).toEqual(expected.map((e) => e.replace(/@1$/, "@3")));
    expect(r.declared).toBe(true);
    expect(r.line).toBe(3);
  });

  it("reads a Dependencies section with sub-sections and reverse edges", () => {
    const text = [
      "# Story 5.3: T", //1
      "## Dependencies", //2
      "### Prerequisites", //3
      "- Story 5.1 complete (FastAPI server setup)", //4
      "- Understanding of WebSocket protocol", //5
      "### Blocked By", //6
      "- Story 5.2: Event API Endpoints (REQUIRED - needs 9.9)", //7
      "### Blocks", //8
      "- Story 5.4: Dashboard (can proceed in parallel)", //9
      "## Implementation", //10
      "- Story 7.7 mentioned elsewhere", //11
    ].join("\n");
    const r = deps(text);
    expect(short(r.refs)).toEqual(["5.1@4", "5.2@7"]);
    expect(short(r.blocks)).toEqual(["5.4@9"]);
    expect(r.line).toBe(4);
  });

  it("reads bold labels heading bullet lists, and stops at unrelated labels", () => {
    const text = [
      "## Dependencies", //1
      "", //2
      "**Blocked By:**", //3
      "- None (all prerequisites complete)", //4
      "", //5
      "**Blocks:**", //6
      "- Story 4.6 - Smoke Test (needs this)", //7
      "", //8
      "**Related Stories:**", //9
      "- Story 2.2 - Handler", //10
    ].join("\n");
    const r = deps(text);
    expect(r).toEqual({ declared: true, line: 4, refs: [], unread: [], blocks: r.blocks });
    expect(short(r.blocks)).toEqual(["4.6@7"]);
  });

  it("treats None / N/A / - as a declaration without refs", () => {
    for (const v of ["None", "N/A", "-", "None (foundation story)"]) {
      expect(deps(`- **Depends on:** ${v}`)).toEqual({ declared: true, refs: [], blocks: [], unread: [], line: 1 });
    }
  });

  it("keeps Blocks/Enables apart: they are not this story's declaration", () => {
    const r = deps("**Blocks:** 1.8\n**Enables:** Story 2.1");
    expect(r.declared).toBe(false);
    expect(short(r.blocks)).toEqual(["1.8@1", "2.1@2"]);
  });

  it("ignores parentheses, fenced code, tables and QA sections", () => {
    const text = [
      "**Depends on:** Story 1.1 (needs 2.3 later)", //1
      "```", //2
      "**Dependencies:** Story 3.3", //3
      "```", //4
      "| Dependencies: Story 4.4 | x |", //5
      "## QA Results", //6
      "**Dependencies:** Properly identified - depends on Story 2.1", //7
    ].join("\n");
    expect(short(deps(text).refs)).toEqual(["1.1@1"]);
  });

  it("does not take library lists for dependencies", () => {
    const text = [
      "### Dependencies",
      "- OpenCV 4.8.1 (cv2.VideoCapture)",
      "- `axios@1.6.7` - HTTP client",
      "**Dependencies**: axios@1.6.7, nock@13.5.0",
      "### 6. Dependencies, Build & Configuration:",
      "- [x] No new dependencies added (all from Story 1.1)",
    ].join("\n");
    expect(deps(text)).toEqual({ declared: false, refs: [], blocks: [], unread: [] });
  });

  it("dedupes repeated refs, keeping the first line", () => {
    const r = deps("**Dependencies:** Story 5.1\n\n## Dependencies\n### Blocked By\n- Story 5.1: Server");
    expect(short(r.refs)).toEqual(["5.1@1"]);
  });

  it("keeps story-looking refs that may not exist (the graph reports them)", () => {
    expect(short(deps("**Dependencies:** Story 42.7").refs)).toEqual(["42.7@1"]);
  });

  it("keeps a bare number out of prose even when the value names a story", () => {
    expect(short(deps("**Depends on:** Story 1.1 for the 2 endpoints").refs)).toEqual(["1.1@1"]);
  });

  it("quotes each item of a mixed list as written", () => {
    expect(deps("Prerequisites: 2.4, Story 1.6").refs.map((r) => r.raw)).toEqual(["2.4", "Story 1.6"]);
  });

  it("does not read 'Story 1.1 - 2 days' as a range", () => {
    expect(short(deps("**Depends on:** Story 1.1 - 2 days").refs)).toEqual(["1.1@1"]);
  });
});

describe("DepRef.raw quotes what the author wrote", () => {
  it.each([
    ["**Dependencies**: 1.5", ["1.5"]],
    ["**Dependencies**: #12, 1.01", ["#12", "1.01"]],
    ["- Depends On: Story 1.1, 1.4", ["Story 1.1", "1.4"]],
    ["**Depends on:** Story 1.1 (the endpoints persist)", ["Story 1.1"]],
    ["**Dependencies:** Stories 4.1-4.5", ["Stories 4.1-4.5"]],
    ["**Depends on:** Epic 1-2", ["Epic 1-2", "Epic 1-2"]],
    ["**Depends on:** Story 1.1 - 2 days", ["Story 1.1"]],
  ])("%s", (text, raws) => {
    expect(deps(text).refs.map((r) => r.raw)).toEqual(raws);
  });
  it("a bullet's leading id", () => {
    expect(deps("## Dependencies\n\n- 1.3: the token check").refs.map((r) => [r.raw, r.line])).toEqual([["1.3", 3]]);
  });
});

describe("dependency forms from the real corpora", () => {
  const one = (line: string, tasks = false) => {
    const r = extractDependencies(`# Story 9.9: T\n\n${line}`.split("\n"), 0, tasks);
    return { refs: short(r.refs), blocks: short(r.blocks), unread: r.unread.map((u) => `${u.token}@${u.line}`), declared: r.declared };
  };

  it.each([
    // slugs, links and bare file names name story files
    ["**Depends on:** Story 7-1-arkit-video-recording-session", ["file 7-1-arkit-video-recording-session@3"]],
    ["**Depends On:** [12-1-partner-specific-pricing-schema](./12-1-partner-specific-pricing-schema.md)", ["file ./12-1-partner-specific-pricing-schema.md@3"]],
    ["**Dependencies:** [1.2](./1.2.slug.md), [Story](../epic-3/3-4-foo.md)", ["file ./1.2.slug.md@3", "file ../epic-3/3-4-foo.md@3"]],
    ["- **Prerequisites**: 04.07-personalization-engine.md, 04.08-recommendation-algorithms.md", ["file 04.07-personalization-engine.md@3", "file 04.08-recommendation-algorithms.md@3"]],
    // dashed ids and ranges
    ["| **Dependencies** | Stories 7.6-6 through 7.6-9 (all must be complete) |", ["7.6.6-7.6.9@3"]],
    ["| **Dependencies**     | 23-5 (Data Model) ✅, 23-6 (UI) ✅ |", ["23-5|23.5@3", "23-6|23.6@3"]],
    ["**前置**: Story 5.5-3 parity validation 完成", ["5.5.3@3"]],
    ["**Dependencies:** 04.07-04.08", ["4.7-4.8@3"]],
    // the word Story's dash is no part of a dashed id: STORY-001 is story 1, not STORY.1
    ["> **依赖**: STORY-001 ~ STORY-012", ["1-12@3"]],
    ["**Dependencies:** Epic 2", ["epic 2@3"]],
    // a frozen status is commentary, never a second id nor a status
    ["**Dépendance** : Story 20.2 (Migration Google Routes API) - ✅ Complétée", ["20.2@3"]],
    ["**Dependencies**: Story 12.1 (Fork Repository - DONE), Story 12.2 (Design UI Components - DONE)", ["12.1@3", "12.2@3"]],
    ["**Dependencies**: 26.1 DONE, 26.3 DONE", ["26.1@3", "26.3@3"]],
    ["**Prerequisites:** Story 1.2 ✅, 1.3 (done)", ["1.2@3", "1.3@3"]],
    // an id alone in parentheses after a name is the reference, in a label's value
    ["- **Prerequisites**: Timeline tools (03.02), video capture interface (03.01), auth (Story 1.1-1.9)", ["3.2@3", "3.1@3", "1.1-1.9@3"]],
    // other languages
    ["> **依赖**: 1.1, 1.5", ["1.1@3", "1.5@3"]],
    ["**前置依赖**: Story 13.1, 13.4", ["13.1@3", "13.4@3"]],
    ["Afhankelijkheden: Story 2.1", ["2.1@3"]],
    ["**Abhängigkeiten:** Story 3.1", ["3.1@3"]],
    ["**Dependencias:** Story 3.2", ["3.2@3"]],
  ])("%s", (line, expected) => {
    const r = one(line);
    expect(r.refs).toEqual(expected);
    expect(r.unread).toEqual([]);
    expect(r.declared).toBe(true);
  });

  it.each(["**Dépendances** : Aucune", "Afhankelijkheden: Geen", "**依赖**: 无", "**Abhängigkeiten:** Keine", "**Dependencias:** Ninguna"])(
    "%s is a statement with no refs",
    (line) => {
      expect(one(line)).toEqual({ refs: [], blocks: [], unread: [], declared: true });
    },
  );

  it("reads reverse labels in English and Chinese", () => {
    expect(one("- **被依赖**: Story 2.7").blocks).toEqual(["2.7@3"]);
    expect(one("- **后续依赖**: Story 13.7 (Task DI Container)").blocks).toEqual(["13.7@3"]);
    expect(one("**Dependencies on Future Stories:**\n- Story 1.6 (Arweave Upload) will use it").blocks).toEqual(["1.6@4"]);
  });

  it("warns about every id-shaped token a statement leaves unread, with its line", () => {
    expect(one("- **依赖关系:** 本故事为 6.2.1 的追踪字段提供支持；6.2.3+ 依赖本故事")).toEqual({
      refs: [],
      blocks: [],
      unread: ["6.2.1@3", "6.2.3@3"],
      declared: false,
    });
    // Versions of libraries are not story ids.
    expect(one("**Dependencies**: axios@1.6.7, OpenCV 4.8.1, pandera>=0.18.0").unread).toEqual([]);
  });

  it("reads Task N as a story only where stories are tasks (ccpm)", () => {
    expect(one("**Depends On:** Task #38 must be complete", true).refs).toEqual(["38@3"]);
    expect(one("**Depends On:** Tasks 41, 42, Task 43", true).refs).toEqual(["41@3", "42@3", "43@3"]);
    expect(one("**Depends on: Tasks 2-5 (private methods must be implemented first)**")).toEqual({ refs: [], blocks: [], unread: [], declared: false });
  });
});
