// How authors word what is and is not a dependency, beyond the label forms of
// dependencies.test.ts: notes about later stories, relation labels, labels that say the
// dependencies are met, an epic that only locates a story, `Story 7.x`, a story's card after
// its review, and namespaced ids in the unread check. Inputs are lines from the corpora.
import { describe, expect, it } from "vitest";
import { extractDependencies } from "../../../lib/core/stories/dependencies.js";
import type { DepRef } from "../../../lib/core/model.js";

const short = (refs: DepRef[]) =>
  refs.map((r) => {
    const t = r.target;
    const what = t.kind === "story" ? t.id : t.kind === "range" ? `${t.from}-${t.to}` : t.kind === "epic" ? `epic ${t.epic}` : `file ${t.name}`;
    return `${what}@${r.line}`;
  });
const read = (text: string) => {
  const r = extractDependencies(text.split("\n"));
  return { refs: short(r.refs), blocks: short(r.blocks), unread: r.unread.map((u) => `${u.token}@${u.line}`), declared: r.declared };
};

describe("a note about a later story is the reverse of a dependency", () => {
  it("'Story 8.2 will integrate this' under Dependencies: 8.2 waits for this story", () => {
    const r = read("- **Dependencies:**\n  - No dependencies on other stories (foundational library)\n  - Story 8.2 will integrate this into CLI commands");
    expect(r).toEqual({ refs: [], blocks: ["8.2@3"], unread: [], declared: true });
  });

  it("'Story 8.3+ depend on this story' beside a real prerequisite", () => {
    const r = read("- **Dependencies:**\n  - Story 8.1 MUST be completed (WalletFactory)\n  - Story 8.3+ depend on this story (shared library)");
    expect(r.refs).toEqual(["8.1@2"]);
    expect(r.blocks).toEqual(["8.3@3"]);
  });

  it.each([
    ["- Stories 29.2 through 29.8 depend on correct line persistence", "29.2-29.8@3"],
    ["- Story 12.2 can begin once this is merged", "12.2@3"],
    ["- Story 5.4 relies on the new schema", "5.4@3"],
    ["- Story 6.1 and later will reuse the service", "6.1@3"],
  ])("%s", (bullet, blocked) => {
    expect(read(`## Dependencies\n\n${bullet}`).blocks).toEqual([blocked]);
  });

  it("the referenced story's own completion stays a dependency", () => {
    expect(read("## Dependencies\n\n- Story 1.1 should be done first\n- Story 1.2 will be merged before this").refs).toEqual(["1.1@3", "1.2@4"]);
  });

  it("a note after a dash speaks of this story: 'Story 21-1 ✅ Done - Can reuse patterns'", () => {
    const r = read("## Dependencies\n\n- **Story 21-1** (Staffing Costs Display) ✅ Done - Can reuse patterns");
    expect(r.refs).toEqual(["21-1@3"]);
    expect(r.blocks).toEqual([]);
  });
});

describe("Upstream / Downstream, Builds on", () => {
  it("Upstream is what this story waits for, Downstream what waits for it", () => {
    const r = read("## Dependencies\n\n- **Upstream:** Story 29.1 (QuoteLine persistence) - DONE ✅\n- **Downstream:** Stories 29.3-29.8 benefit from this visualization");
    expect(r.refs).toEqual(["29.1@3"]);
    expect(r.blocks).toEqual(["29.3-29.8@4"]);
  });

  it("a '### Downstream Dependencies' section lists later stories", () => {
    expect(read("### Downstream Dependencies\n\n- Story 28.2 (Order State Machine) depends on this schema").blocks).toEqual(["28.2@3"]);
  });

  it("'Builds on: Story 8.9 (... - DONE)' and 'Builds on Story 2.1' are dependencies", () => {
    expect(read("- Builds on: Story 8.9 (install_skill MCP tool - DONE)\n- Builds on: Epic 8 (MCP Server - DONE)").refs).toEqual(["8.9@1", "epic 8@2"]);
    expect(read("- Builds on Story 2.1 repository implementation").refs).toEqual(["2.1@1"]);
  });
});

describe("a relation is not an order", () => {
  it("'**Related**: Story 3.1.1' in a Dependencies section names nothing to wait for", () => {
    expect(read("## Dependencies\n\n- **Blocked by**: None\n- **Related**: Story 3.1.1 (Re-architect tests)")).toEqual({ refs: [], blocks: [], unread: [], declared: true });
  });

  it("'**Follow-up:**' alone heads bullets that are not dependencies; a topic label stays read", () => {
    expect(read("## Dependencies\n\n**Follow-up:**\n- Story 2.5\n\n### Prerequisites\n\n- **Auth**: Story 1.1").refs).toEqual(["1.1@8"]);
  });
});

describe("what a label says around the ids", () => {
  it("'**Dependencies satisfied:**' still lists dependencies", () => {
    expect(read("**Dependencies satisfied:**\n- Story 13.1 (glossary infrastructure) -- DONE").refs).toEqual(["13.1@2"]);
  });

  it("'Epic 9 Story 9.2' names story 9.2, not the whole epic 9", () => {
    expect(read("**Prerequisites:** Epic 9 Story 9.2 (`__all__` exports) -- DONE").refs).toEqual(["9.2@1"]);
    expect(read("- Requires Epic 4 Stories 4.3, 4.5 (domain pipelines)").refs).toEqual(["4.3@1", "4.5@1"]);
    // A story of another epic does not make the epic a locator.
    expect(read("**Dependencies:** Epic 2, Story 3.1").refs).toEqual(["epic 2@1", "3.1@1"]);
  });

  it("'Story 7.x complete' is every story of epic 7", () => {
    expect(read("## Prerequisites\n\n- Story 8.1 complete (schema)\n- Story 7.x complete (trips infrastructure)").refs).toEqual(["8.1@3", "epic 7@4"]);
  });
});

describe("a story's card after its review section", () => {
  const card = [
    "# Story 12.1: Fork",
    "## QA Results",
    "**Dependencies**: Story 11.9 is fine (quoted by the reviewer)",
    "",
    "---",
    "",
    "**Story Created**: 2025-11-04",
    "**Epic**: Epic 12 (Custom Wallet UI Fork)",
    "**Dependencies**: Epic 11 (Node Arweave Wallet Integration - DONE)",
  ];

  it("is read, while the review's own lines are not", () => {
    expect(read(card.join("\n")).refs).toEqual(["epic 11@9"]);
  });

  it("needs one of the story's own facts beside the dependency label", () => {
    const noFacts = card.filter((l) => !l.startsWith("**Story Created") && !l.startsWith("**Epic"));
    expect(read(noFacts.join("\n")).refs).toEqual([]);
  });
});

describe("unread ids", () => {
  it("a namespaced id is checked whole: UGM-1.1 is read, 1.1 inside it is no extra token", () => {
    expect(read("**Prerequisites**: UGM-1.1")).toEqual({ refs: ["UGM-1.1@1"], blocks: [], unread: [], declared: true });
    expect(read("**Prerequisites**: Epic UGM-3 complete, Story UGM-4.1 complete").unread).toEqual([]);
  });

  it("a namespaced id left unread is named whole", () => {
    expect(read("**Prerequisites**: the UGM-2.3 metrics").unread).toEqual(["UGM-2.3@1"]);
  });
});
