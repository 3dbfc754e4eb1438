// The real story folders in ../shared/corpora (copied byte for byte from public repositories).
// Every expectation here was read off the files by hand, not copied from the parser's output.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import { EXPECTED_FILE, planCorpus } from "../scripts/corpus-plan.js";
import { ensureBuilt } from "./helpers/built-cli.js";
import { CORPORA, describeShared } from "./helpers/shared.js";
import { readStoryFiles } from "../lib/adapters/fs/read-story-files.js";
import type { ParsedStory } from "../lib/core/model.js";
import { parseStories } from "../lib/core/stories/parse-stories.js";

const corpora = CORPORA;

async function load(folder: string) {
  const read = await readStoryFiles(corpora, folder);
  expect(read.errors).toEqual([]);
  expect(read.warnings).toEqual([]);
  return { read, parsed: parseStories(read.files) };
}

const refs = (s: ParsedStory | undefined, which: "deps" | "blocks" = "deps") =>
  (which === "deps" ? s!.dependencies.refs : s!.blocks).map((r) => {
    const t = r.target;
    return `${t.kind === "story" ? t.id : t.kind === "epic" ? `epic ${t.epic}` : `${t.from}-${t.to}`}@${r.line}`;
  });

describeShared("corpus bbengt1__simple-video-recog", () => {
  const B = "bbengt1__simple-video-recog";
  it("finds 43 stories, skips the 14 companions, and names both files of the six duplicated ids", async () => {
    const { read, parsed } = await load(B);
    expect(read.files).toHaveLength(63);
    expect(parsed.stories).toHaveLength(43);
    expect(parsed.skipped.map((s) => s.path.replace(`${B}/`, ""))).toEqual([
      "5.1.DELIVERY-SUMMARY.md",
      "5.1.implementation-guide.md",
      "5.2.DELIVERY-SUMMARY.md",
      "5.2.implementation-guide.md",
      "5.3.DELIVERY-SUMMARY.md",
      "5.3.implementation-guide.md",
      "5.4.DELIVERY-SUMMARY.md",
      "5.4.implementation-guide.md",
      "5.5.DELIVERY-SUMMARY.md",
      "5.5.implementation-guide.md",
      "5.6.DELIVERY-SUMMARY.md",
      "5.6.implementation-guide.md",
      "5.7.DELIVERY-SUMMARY.md",
      "5.8.DELIVERY-SUMMARY.md",
    ]);
    expect(parsed.skipped.every((s) => s.reason.startsWith("companion document of story 5."))).toBe(true);
    // Both files of each 4.1-4.6 pair have a "# Story 4.x" heading, a Story section and ACs.
    expect(parsed.errors.map((e) => [e.code, e.file!.replace(`${B}/`, ""), e.line])).toEqual([
      ["duplicate-id", "4.1.story.md", 1],
      ["duplicate-id", "4.2.story.md", 1],
      ["duplicate-id", "4.3.version-and-build-information-display.md", 1],
      ["duplicate-id", "4.4.story.md", 1],
      ["duplicate-id", "4.5.story.md", 1],
      ["duplicate-id", "4.6.story.md", 1],
    ]);
    expect(parsed.errors[0]!.message).toContain(`${B}/4.1.command-line-argument-parsing-and-entry-point.md and ${B}/4.1.story.md`);
    expect(parsed.warnings).toEqual([]);
  });

  it("reads the dependencies the authors wrote", async () => {
    const { parsed } = await load(B);
    const by = (id: string) => parsed.stories.find((s) => s.id === id);
    // Only these files state dependencies; the QA/PO "Dependencies: Properly identified" lines
    // (2.2, 2.3) and library lists (1.2, 1.3, 1.5, 3.x) are not statements.
    expect(parsed.stories.filter((s) => s.dependencies.declared).map((s) => s.id)).toEqual([
      "4.4", "4.6", "5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7", "5.8",
    ]);
    expect(refs(by("5.6"))).toEqual(["5.1@8", "5.2@8", "5.4@8", "5.5@8"]); // **Dependencies:** Stories 5.1, 5.2, 5.4, 5.5
    expect(refs(by("5.5"))).toEqual(["5.1@8", "5.2@8", "5.3@8", "5.4@8"]);
    expect(refs(by("4.4"))).toEqual(["4.2@260", "4.3@260"]); // Requires completion of Story 4.2 (...) and Story 4.3
    expect(refs(by("4.6"))).toEqual(["4.5@102", "4.2@103"]); // bullets under **Dependencies:**
    expect(refs(by("5.1"))).toEqual(["epic 4@380"]); // ### Prerequisites - Epic 4 complete
    expect(by("5.1")!.dependencies.line).toBe(380);
    expect(refs(by("5.1"), "blocks")).toEqual(["5.2@388", "5.3@389", "5.4@390"]);
    expect(refs(by("5.2"))).toEqual(["5.1@857"]); // Prerequisites + Blocked By both name 5.1
    expect(refs(by("5.7"))).toEqual(["5.1@8", "5.2@8", "5.4@8", "5.5@8"]);
    expect(refs(by("5.7"), "blocks")).toEqual([]); // "- None (Story 5.8 can be developed in parallel)"
    expect(refs(by("5.6"), "blocks")).toEqual(["5.8@1136"]);
  });

  it("reads statuses as written", async () => {
    const { parsed } = await load(B);
    const st = (id: string) => parsed.stories.find((s) => s.id === id)!.status;
    expect(st("1.1")).toEqual({ raw: "QA Approved", normalized: "Done", line: 4 });
    expect(st("3.1")).toEqual({ raw: "Ready for Review", normalized: "Ready for Review", line: 3 });
    expect(st("3.5")).toEqual({ raw: "Approved", normalized: "Not Started", line: 4 });
    expect(st("5.3")).toEqual({ raw: "Ready for Development", normalized: "Not Started", line: 3 });
    expect(st("5.5")).toEqual({ raw: null, normalized: "Not Started" });
  });
});

describeShared("corpus pradok__events-scheduler", () => {
  const P = "pradok__events-scheduler";
  it("finds 34 stories with letter ids in order and skips the 4.5 review summary", async () => {
    const { read, parsed } = await load(P);
    expect(read.files).toHaveLength(35);
    expect(parsed.stories.map((s) => s.id)).toEqual([
      "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.7b", "1.8", "1.9", "1.10", "1.11", "1.11b", "1.11c",
      "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9", "2.9b", "2.10", "2.11",
      "3.1", "3.2", "3.3", "3.4", "4.1", "4.3", "4.4", "4.5",
    ]);
    expect(parsed.skipped.map((s) => s.path)).toEqual([`${P}/4.5-review-summary.md`]);
    expect(parsed.errors).toEqual([]);
    expect(parsed.warnings).toEqual([]);
  });

  it("reads Depends on / Blocks lines and the Dependencies sections", async () => {
    const { parsed } = await load(P);
    const by = (id: string) => parsed.stories.find((s) => s.id === id);
    expect(parsed.stories.filter((s) => s.dependencies.declared).map((s) => s.id)).toEqual([
      "1.7b", "1.8", "1.9", "1.10", "4.5",
    ]);
    expect(refs(by("1.7b"))).toEqual(["1.7@370"]); // - **Depends on:** Story 1.7 (...) - must be complete first
    expect(refs(by("1.7b"), "blocks")).toEqual(["1.8@371"]); // - **Blocks:** Story 1.8 (...)
    expect(by("1.8")!.dependencies).toEqual({ declared: true, refs: [], line: 318 }); // Depends on: None (foundation story)
    expect(refs(by("1.8"), "blocks")).toEqual(["1.9@319", "1.10@319"]);
    expect(refs(by("1.9"))).toEqual(["1.8@412"]);
    expect(refs(by("1.10"))).toEqual(["1.8@11", "1.9@11", "1.7b@802"]);
    // **Blocked By:** - None; **Blocks:** - Story 4.6; **Related Stories:** are not dependencies.
    expect(by("4.5")!.dependencies).toEqual({ declared: true, refs: [], line: 1006 });
    expect(refs(by("4.5"), "blocks")).toEqual(["4.6@1009"]);
    expect(by("4.5")!.epic).toEqual({ number: "4", name: "End-to-End Testing & Manual Testing Infrastructure" });
  });
});

describeShared("every corpus with an established count, planned by the built CLI as a user would", () => {
  const expected = JSON.parse(readFileSync(EXPECTED_FILE, "utf8")) as Record<string, number>;
  beforeAll(ensureBuilt, 120_000);
  it.each(Object.entries(expected))("%s: %i stories", (folder, count) => {
    expect(planCorpus(path.join(CORPORA, folder)).plan.stories?.filter((s) => !s.placeholder)).toHaveLength(count);
  });
});
