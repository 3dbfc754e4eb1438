// BMAD v6's sprint-status.yaml: reading it, pairing its entries with story files, statuses both
// ways, and writing one value back without touching a byte of the rest.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { parseDocument } from "yaml";
import {
  bmadStatusFor,
  governedStory,
  idFromSprintKey,
  matchSprintEntries,
  parseSprintStatus,
  placeholderStory,
  setSprintStatus,
  sprintKeyOfPath,
  statusFromBmad,
  type SprintStatus,
} from "../../../lib/core/stories/sprint-status.js";
import { story } from "../story-builder.js";
import type { ParsedStory } from "../../../lib/core/model.js";
import { CORPORA, describeShared, itShared } from "../../helpers/shared.js";

const SAMPLE = `# generated: 2026-03-24
# story_location: _bmad-output/implementation-artifacts

generated: 2026-03-24
story_location: _bmad-output/implementation-artifacts

development_status:
  # Epic 1: Login
  epic-1: in-progress
  1-1-user-login: done  # shipped
  1-2-password-reset: 'review'
  1-3-sessions: backlog
  epic-1-retrospective: optional

  epic-7.6: backlog
  7.6-1-award-table: ready-for-dev
  6.2-p1-adapter: done
`;

/** A parsed story at `path` with the file status `status` (none by default). */
function makeStory(id: string, o: { path?: string; status?: ParsedStory["status"] } = {}): ParsedStory {
  return { ...story(id), path: o.path ?? `docs/stories/${id}.md`, status: o.status ?? { raw: null, normalized: "Not Started" } };
}

const parsed = (text = SAMPLE, path = "_bmad-output/implementation-artifacts/sprint-status.yaml"): SprintStatus => {
  const r = parseSprintStatus(text, path);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

describe("parseSprintStatus", () => {
  it("reads every development_status entry with its kind, the id its key spells, and its line", () => {
    const s = parsed();
    expect(s.storyLocation).toBe("_bmad-output/implementation-artifacts");
    expect(s.entries.map((e) => [e.key, e.value, e.line, e.kind, e.id])).toEqual([
      ["epic-1", "in-progress", 9, "epic", null],
      ["1-1-user-login", "done", 10, "story", "1.1"],
      ["1-2-password-reset", "review", 11, "story", "1.2"],
      ["1-3-sessions", "backlog", 12, "story", "1.3"],
      ["epic-1-retrospective", "optional", 13, "retrospective", null],
      ["epic-7.6", "backlog", 15, "epic", null],
      ["7.6-1-award-table", "ready-for-dev", 16, "story", "7.6.1"],
      ["6.2-p1-adapter", "done", 17, "story", "6.2-P1"],
    ]);
  });

  it("says what is wrong with a file it cannot use, at its line, instead of failing", () => {
    const broken = parseSprintStatus("development_status:\n  1-1-a: done\n bad: [\n", "docs/sprint-status.yaml");
    expect(broken.ok).toBe(false);
    expect(!broken.ok && [broken.error.code, broken.error.file, typeof broken.error.line]).toEqual(["invalid-sprint-status", "docs/sprint-status.yaml", "number"]);
    const noMap = parseSprintStatus("project: x\n", "docs/sprint-status.yaml");
    expect(!noMap.ok && noMap.error.message).toContain("has no development_status map");
  });

  it("keys spell ids the way BMAD builds them: {epic}-{story}-{slug}, epics dotted for sub-epics", () => {
    expect(idFromSprintKey("1-2-some-title")).toBe("1.2");
    expect(idFromSprintKey("19a-2-slug")).toBe("19a.2");
    expect(idFromSprintKey("01-05-slug")).toBe("1.5");
    expect(idFromSprintKey("5.5-1-legacy-cleansing")).toBe("5.5.1");
    expect(idFromSprintKey("3-0-schema")).toBe("3.0");
    // A part of a story (ids.ts): after a dotted epic in place of the story's number, or after it.
    expect(idFromSprintKey("6.2-p1-adapter")).toBe("6.2-P1");
    expect(idFromSprintKey("6.2-p10-etl-backfill")).toBe("6.2-P10");
    expect(idFromSprintKey("6-2-p1-hmac-temp-id")).toBe("6.2-P1");
    // Only the words of a part: a title word with a digit is the slug.
    expect(idFromSprintKey("6.1-2-layer2-lookup")).toBe("6.1.2");
    expect(idFromSprintKey("6.1-layer2-lookup")).toBeNull();
    expect(sprintKeyOfPath("docs/stories/story-1-2-Slug.story.md")).toBe("1-2-slug");
  });
});

describe("statuses", () => {
  it("maps BMAD's statuses and their variants to the engine's, and back", () => {
    const cases: [string, string | null][] = [
      ["backlog", "Not Started"],
      ["drafted", "Not Started"],
      ["ready-for-dev", "Not Started"],
      ["ready_for_dev", "Not Started"],
      ["contexted", "Not Started"],
      ["in-progress", "In Progress"],
      ["In Progress", "In Progress"],
      ["review", "Ready for Review"],
      ["done", "Done"],
      ["completed", "Done"],
      ["optional", null],
      ["shipped-ish", null],
    ];
    expect(cases.map(([raw]) => [raw, statusFromBmad(raw)])).toEqual(cases);
    expect(["Not Started", "In Progress", "Ready for Review", "Changes Requested", "Approved", "Done", "Failed"].map((s) => bmadStatusFor(s as never))).toEqual([
      null,
      "in-progress",
      "review",
      "in-progress",
      "review",
      "done",
      null,
    ]);
  });
});

describe("matchSprintEntries", () => {
  it("pairs by file name first, then by the id the key spells; unlisted ids become placeholders", () => {
    const s = parsed();
    const stories = [
      makeStory("1.1", { path: "a/1-1-user-login.md" }),
      // Renamed since the sprint status was written: found by its id.
      makeStory("1.2", { path: "a/1-2-reset.md" }),
      // A key still finds its file by name first, whatever id it spells.
      makeStory("6.2.1", { path: "a/6.2-p1-adapter.md" }),
    ];
    const m = matchSprintEntries(s, stories);
    expect([...m.byStory].map(([k, e]) => [k, e.key])).toEqual([
      ["1.1", "1-1-user-login"],
      ["6.2.1", "6.2-p1-adapter"],
      ["1.2", "1-2-password-reset"],
    ]);
    expect(m.placeholders.map((e) => e.key)).toEqual(["1-3-sessions", "7.6-1-award-table"]);
    expect(m.warnings).toEqual([]);
  });

  it("warns about an entry that can govern nothing: no id and no file, or a second entry for one story", () => {
    const s = parsed(`development_status:\n  1-1-login: done\n  1-1-login-again: review\n  2-x-odd: done\n  3-1-new: backlog\n  3-1-new-dup: backlog\n`, "docs/sprint-status.yaml");
    const m = matchSprintEntries(s, [makeStory("1.1", { path: "docs/stories/1-1-login.md" })]);
    expect(m.warnings.map((w) => [w.code, w.file, w.line])).toEqual([
      ["sprint-status-entry", "docs/sprint-status.yaml", 3],
      ["sprint-status-entry", "docs/sprint-status.yaml", 4],
      ["sprint-status-entry", "docs/sprint-status.yaml", 6],
    ]);
    expect(m.warnings[0]!.message).toBe("1-1-login-again and 1-1-login (line 2) both name story 1.1; 1-1-login governs it and this one is ignored");
    expect(m.placeholders.map((e) => e.id)).toEqual(["3.1"]);
  });

  it("a placeholder is a planned story with no file: its status from the entry, listed at its line", () => {
    const s = parsed();
    const p = placeholderStory(s.entries.find((e) => e.key === "7.6-1-award-table")!, s.path);
    expect(p).toMatchObject({ id: "7.6.1", title: "Award table", path: s.path, epic: { number: "7.6" }, placeholder: { line: 16 } });
    expect(p.status).toEqual({ raw: "ready-for-dev", normalized: "Not Started", line: 16 });
    expect(p.dependencies).toEqual({ declared: false, refs: [] });
  });
});

describe("governedStory", () => {
  const entry = (value: string) => ({ key: "1-2-reset", value, line: 11, kind: "story" as const, id: "1.2" });

  it("the sprint status's value is the story's status; a file that disagrees gets a warning naming both places", () => {
    const story = makeStory("1.2", { path: "docs/stories/1-2-reset.md", status: { raw: "review", normalized: "Ready for Review", line: 3 } });
    const g = governedStory(story, entry("done"), "docs/sprint-status.yaml");
    expect(g.story.status).toEqual({ raw: "done", normalized: "Done" });
    expect(g.warning).toEqual({
      code: "status-mismatch",
      message:
        'story 1.2: docs/stories/1-2-reset.md:3 says "review" (Ready for Review) but docs/sprint-status.yaml:11 says "done" (Done); the sprint status governs, so the plan uses Done. Update the story file, or the sprint status',
      file: "docs/stories/1-2-reset.md",
      line: 3,
    });
  });

  it("agreement is judged in the engine's terms, and a file with no status disagrees with nothing", () => {
    // The story parser reads "ready-for-dev" loosely; BMAD's word means Not Started on both sides.
    const story = makeStory("1.2", { status: { raw: "ready-for-dev", normalized: "In Progress", line: 3 } });
    expect(governedStory(story, entry("ready-for-dev"), "s.yaml").warning).toBeNull();
    expect(governedStory(makeStory("1.2"), entry("in-progress"), "s.yaml")).toMatchObject({ warning: null, story: { status: { normalized: "In Progress" } } });
  });

  it("a value that is not a status leaves the file's status and says so", () => {
    const story = makeStory("1.2", { status: { raw: "Done", normalized: "Done" } });
    const g = governedStory(story, entry("maybe"), "s.yaml");
    expect(g.story.status.normalized).toBe("Done");
    expect(g.warning?.code).toBe("sprint-status-entry");
  });
});

describe("setSprintStatus", () => {
  it("changes the one value and nothing else: comments, spacing, quotes, blank lines, line ends", () => {
    const text = SAMPLE.replace("\n  epic-7.6", "\n  \n  epic-7.6");
    expect(setSprintStatus(text, "1-1-user-login", "in-progress")).toBe(text.replace("1-1-user-login: done  # shipped", "1-1-user-login: in-progress  # shipped"));
    expect(setSprintStatus(text, "1-2-password-reset", "done")).toBe(text.replace("'review'", "'done'"));
    const crlf = text.replace(/\n/g, "\r\n");
    expect(setSprintStatus(crlf, "1-3-sessions", "review")).toBe(crlf.replace("1-3-sessions: backlog", "1-3-sessions: review"));
    expect(setSprintStatus(text, "9-9-missing", "done")).toBeNull();
    expect(setSprintStatus("development_status:\n  1-1-a:\n    - x\n", "1-1-a", "done")).toBeNull();
  });
});

describeShared("sprint-status.yaml files of the real corpora", () => {
  const files = (): string[] =>
    execFileSync("find", [CORPORA, "-name", "sprint-status*.yaml"], { encoding: "utf8" })
      .trim()
      .split("\n")
      .filter(Boolean)
      .sort();

  itShared("each parses, and its story entries can be rewritten with only its value changed", () => {
    const found = files();
    expect(found.length).toBeGreaterThanOrEqual(5);
    for (const f of found) {
      const text = readFileSync(f, "utf8");
      const s = parsed(text, f);
      const stories = s.entries.filter((e) => e.kind === "story");
      expect(stories.length, f).toBeGreaterThan(0);
      const lines = text.split("\n");
      // A sample (every 7th entry and the last): each rewrite parses the whole file again.
      for (const e of stories.filter((_e, i) => i % 7 === 0 || i === stories.length - 1)) {
        const value = e.value === "review" ? "done" : "review";
        const out = setSprintStatus(text, e.key, value);
        expect(out, `${f} ${e.key}`).not.toBeNull();
        const outLines = out!.split("\n");
        expect(outLines.length).toBe(lines.length);
        const changed = outLines.flatMap((l, i) => (l === lines[i] ? [] : [i + 1]));
        expect(changed, `${f} ${e.key}`).toEqual([e.line]);
        expect(outLines[e.line - 1], `${f} ${e.key}`).toBe(lines[e.line - 1]!.replace(`${e.key}: ${e.value}`, `${e.key}: ${value}`));
      }
    }
  });

  itShared("why a line edit and not the yaml Document's toString: it re-renders comments and blank lines of real files", () => {
    const differs = files().filter((f) => {
      const text = readFileSync(f, "utf8");
      return parseDocument(text).toString() !== text;
    });
    // docvet (`done  # 2026-02-27`) and DailyUse (indented blank lines, aligned comments).
    expect(differs.length).toBeGreaterThanOrEqual(2);
  });

  itShared("reads the statuses the corpora use", () => {
    const values = new Set<string>();
    for (const f of files()) for (const e of parsed(readFileSync(f, "utf8"), f).entries) if (e.kind === "story") values.add(e.value);
    for (const v of values) expect(statusFromBmad(v), v).not.toBeNull();
  });
});
