// sprint-status.yaml's story_location: the line scan and where a value may point.
import { describe, expect, it } from "vitest";
import { storyLocationCandidates, storyLocationOf } from "../../../lib/core/stories/story-location.js";

describe("storyLocationOf", () => {
  it("reads the top-level key, not the comment header BMAD writes above it", () => {
    const text = "# generated: 2026-03-24\n# story_location: commented/out\n\ngenerated: 2026-03-24\nstory_location: _bmad-output/implementation-artifacts\n";
    expect(storyLocationOf(text)).toEqual({ value: "_bmad-output/implementation-artifacts", line: 5 });
  });

  it("takes quotes and a trailing comment off, keeps a '#' inside quotes, and has no value for an empty key", () => {
    expect(storyLocationOf('story_location: "{project-root}/docs/stories"\r\n')).toEqual({ value: "{project-root}/docs/stories", line: 1 });
    expect(storyLocationOf("x: 1\nstory_location: docs/stories # where they are\n")).toEqual({ value: "docs/stories", line: 2 });
    expect(storyLocationOf("story_location: 'docs/#1'\n")?.value).toBe("docs/#1");
    expect(storyLocationOf("story_location:\n")).toBeNull();
    expect(storyLocationOf("  story_location: nested/under/a/key\n")).toBeNull();
    expect(storyLocationOf("development_status:\n  1-1-a: done\n")).toBeNull();
  });
});

describe("storyLocationCandidates", () => {
  it("a relative value is tried from the project root, then from the file's folder", () => {
    expect(storyLocationCandidates("stories", "docs/sprint-artifacts")).toEqual({ kind: "relative", candidates: ["stories", "docs/sprint-artifacts/stories"] });
    expect(storyLocationCandidates("{project-root}/_bmad-output/implementation-artifacts/", "_bmad-output")).toEqual({
      kind: "relative",
      candidates: ["_bmad-output/implementation-artifacts"],
    });
    expect(storyLocationCandidates("{project-root}", "x")).toEqual({ kind: "relative", candidates: ["."] });
    // Kept as written: the caller refuses what leaves the project.
    expect(storyLocationCandidates("../elsewhere", ".")).toEqual({ kind: "relative", candidates: ["../elsewhere"] });
  });

  it("an absolute path from another machine gives its ends, longest first", () => {
    expect(storyLocationCandidates("c:/Users/me/app/_bmad-output/implementation-artifacts", "_bmad-output/implementation-artifacts")).toEqual({
      kind: "foreign-absolute",
      candidates: [
        "Users/me/app/_bmad-output/implementation-artifacts",
        "me/app/_bmad-output/implementation-artifacts",
        "app/_bmad-output/implementation-artifacts",
        "_bmad-output/implementation-artifacts",
        "implementation-artifacts",
      ],
    });
    expect(storyLocationCandidates("E:\\Projects\\App\\docs\\stories", ".")).toEqual({
      kind: "foreign-absolute",
      candidates: ["Projects/App/docs/stories", "App/docs/stories", "docs/stories", "stories"],
    });
    expect(storyLocationCandidates("/home/me/app/../x", ".")).toEqual({ kind: "unresolvable" });
  });

  it("another placeholder cannot be resolved", () => {
    expect(storyLocationCandidates("{output_folder}/stories", ".")).toEqual({ kind: "unresolvable" });
  });
});
