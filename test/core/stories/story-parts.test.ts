// A part of a story after its number (`6.2-P1`, ids.ts) and BMAD v6 names with a dotted epic
// (`7.6-3-slug.md`): the forms of
// WorkDataHub's _bmad-output, in small realistic inputs.
import { describe, expect, it } from "vitest";
import { compareIds, epicOf, idKey, isStoryId, normalizeId } from "../../../lib/core/ids.js";
import { extractDependencies } from "../../../lib/core/stories/dependencies.js";
import { idFromFileName, identifyFile } from "../../../lib/core/stories/identify.js";
import { parseStory } from "../../../lib/core/stories/parse-story.js";
import { idFromSprintKey } from "../../../lib/core/stories/sprint-status.js";
import type { DepRef } from "../../../lib/core/model.js";

const short = (refs: DepRef[]) =>
  refs.map((r) => {
    const t = r.target;
    const what = t.kind === "story" ? t.id : t.kind === "range" ? `${t.from}-${t.to}` : t.kind === "epic" ? `epic ${t.epic}` : `file ${t.name}`;
    return `${what}@${r.line}`;
  });
const deps = (lines: string[]) => {
  const r = extractDependencies(["# Story 9.9: T", "", ...lines]);
  return { refs: short(r.refs), blocks: short(r.blocks), unread: r.unread.map((u) => `${u.token}@${u.line}`) };
};

describe("a part of a story in the id (6.2-P1)", () => {
  it("is an id of its own, safe as a path, with its epic the story's group", () => {
    for (const id of ["6.2-P1", "6.2-p10", "1.3-Part2", "4.1-pt1", "2.2-patch3", "UGM-1.2-P1"]) expect(isStoryId(id), id).toBe(true);
    // Only the words of a part: a title word with a digit is not one.
    for (const id of ["6.2-layer2", "6.2-v2", "6.2-P", "6.2-P1-P2", "6.2-P1/x"]) expect(isStoryId(id), id).toBe(false);
    expect(idKey("6.2-P01")).toBe("6.2-p1");
    expect(idKey("6.2-P1")).not.toBe(idKey("6.2"));
    expect(normalizeId("06.02-P01")).toBe("6.2-P1");
    expect(epicOf("6.2-P1")).toBe("6.2");
    expect(epicOf("UGM-1.2-P3")).toBe("UGM-1.2");
  });

  it("orders after the story's numbered parts, by its number: 6.2 < 6.2.1 < 6.2-P1 < 6.2-P2 < 6.2-P10 < 6.3", () => {
    const ids = ["6.3", "6.2-P10", "6.2a", "6.2-P2", "6.2", "6.2.6", "6.2-P1", "6.2.1"];
    expect([...ids].sort(compareIds)).toEqual(["6.2", "6.2.1", "6.2.6", "6.2-P1", "6.2-P2", "6.2-P10", "6.2a", "6.3"]);
  });

  it("is read from file names, headings and sprint-status keys", () => {
    expect(idFromFileName("epic-6/6.2-p10-etl-backfill-sql-module.md")?.id).toBe("6.2-P10");
    expect(idFromFileName("epic-6/6-2-p1-hmac-temp-id-implementation.md")?.id).toBe("6.2-P1");
    // A title word is no part; neither is a word that is not one of the part words.
    expect(idFromFileName("epic-6/6.1-2-layer2-multi-priority-lookup.md")?.id).toBe("6.1.2");
    expect(idFromFileName("epic-7.6/7.6-12-scd2-implementation-fix.md")?.id).toBe("7.6.12");
    expect(idFromSprintKey("6.2-p2-real-data-validation-config")).toBe("6.2-P2");

    const p10 = parseStory({ path: "epic-6/6.2-p10-etl.md", text: "# Story 6.2-P10: ETL Backfill Fixes\n\n## Story\n\nAs a dev, I want x, so that y.\n" });
    expect(p10.kind === "story" && [p10.story.id, p10.story.title, p10.warnings]).toEqual(["6.2-P10", "ETL Backfill Fixes", []]);
    const dashed = parseStory({ path: "epic-6/6-2-p1-hmac.md", text: "# Story 6-2-P1: HMAC Fix\n\n## Story\n\nAs a dev, I want x, so that y.\n" });
    expect(dashed.kind === "story" && dashed.story.id).toBe("6.2-P1");
  });

  it("lets the heading choose the name's reading without the part: `6-4-1-p4-...` headed 6.4.1 is 6.4.1, silently", () => {
    const r = parseStory({
      path: "epic-6/6-4-1-p4-customer-name-normalization-alignment.md",
      text: "# Story 6.4.1: P4 Customer Name Normalization Alignment\n\nStatus: done\n\n## Story\n\nAs a dev, I want x, so that y.\n",
    });
    expect(r.kind === "story" && [r.story.id, r.warnings]).toEqual(["6.4.1", []]);
  });

  it("is read in references: Story 6.2-P1 is not 6.2, and 6-2-p1 names the file", () => {
    expect(deps(["**Dependencies:** Story 6.2-P1, 6.2-P3"]).refs).toEqual(["6.2-P1@3", "6.2-P3@3"]);
    expect(deps(["**Depends on:** Story 7.6-6-P2"]).refs).toEqual(["7.6.6-P2@3"]);
    expect(deps(["**Depends on:** Story 6-2-p1"]).refs).toEqual(["file 6-2-p1@3"]);
  });
});

describe("BMAD v6 file names with a dotted epic", () => {
  it("read {epic}-{story}-{slug}: 7.6-3-slug.md is 7.6.3, so the heading '# Story 7.6-3' agrees with it", () => {
    expect(idFromFileName("epic-7.6/7.6-3-business-type-aggregation-view.md")?.id).toBe("7.6.3");
    expect(idFromFileName("epic-5/5.5-1-legacy-cleansing-rules-documentation.md")?.id).toBe("5.5.1");
    // Not a range of dotted ids, nor a dotted name's slug.
    expect(idFromFileName("04.07-04.08-x.md")?.id).toBe("4.7");
    expect(idFromFileName("04.07-personalization-engine.md")?.id).toBe("4.7");
    const r = parseStory({ path: "epic-7.6/7.6-3-business-type-aggregation-view.md", text: "# Story 7.6-3: Business Type View\n\n## Story\n\nAs a dev, I want x, so that y.\n" });
    expect(r.kind === "story" && [r.story.id, r.warnings]).toEqual(["7.6.3", []]);
  });

  it("an index headed '# Stories 13.29-13.38: ...' is no story, whatever its name", () => {
    const r = identifyFile("epic-013/STORY-13.29-38-PHASE4-SYSTEM.md", ["# Stories 13.29-13.38: Phase 4", "", "## Story 13.29: Account", "", "## Acceptance Criteria", ""]);
    expect(r).toEqual({ kind: "skipped", reason: 'index of stories 13.29 to 13.38 (heading "Stories 13.29-13.38: Phase 4"), not a story' });
  });
});
