// Which subfolders of a story folder are read, and what the fallback search accepts.
import { describe, expect, it } from "vitest";
import {
  fallbackEnters,
  folderSkipReason,
  isFallbackFolderName,
  looksLikeStoryFileName,
  MAX_FOLDER_DEPTH,
} from "../../../lib/core/stories/discovery-rules.js";

const skip = (rel: string, depth = 1): string | null => folderSkipReason(rel, rel.split("/").pop()!, depth);

describe("folderSkipReason", () => {
  it("reads epic and story subfolders as the tools name them", () => {
    for (const rel of ["docs/stories/epic-4", "docs/stories/01.identity-access", "x/stories", "x/stories/epic-7.6", "x/epic-010", "x/done", "x/backup-restore"]) {
      expect(skip(rel), rel).toBeNull();
    }
  });

  it("passes over folders of documents about stories, with the reason", () => {
    expect(skip("x/reviews")).toBe("reviews of stories, not stories");
    expect(skip("x/tech-review")).toBe("reviews of stories, not stories");
    expect(skip("x/Retrospectives")).toBe("retrospectives, not stories");
    expect(skip("x/tech-spec")).toBe("technical specifications, not stories");
    expect(skip("x/context-xml")).toBe("BMAD story-context files, not stories");
    expect(skip(".claude/epics/auth/updates")).toBe("progress notes (ccpm updates/), not stories");
    expect(skip("x/planning-artifacts")).toBe("planning documents (PRD, epics, architecture), not stories");
    expect(skip("x/quick-dev")).toBe("BMAD quick-dev specs, not stories");
    expect(skip("x/templates")).toBe("templates, not stories");
    expect(skip("x/node_modules")).toBe("third-party dependencies");
  });

  it("archives are superseded copies, but ccpm's archived epics are the only copy", () => {
    const archived = "archived or superseded copies of stories (read elsewhere); not read, to avoid duplicates";
    for (const rel of ["docs/stories/archive", "x/tasks_archive", "x/old-archive", "x/archived", "x/backups"]) expect(skip(rel), rel).toBe(archived);
    expect(skip(".claude/epics/archived")).toBeNull();
    expect(skip("project/.claude/epics/archived")).toBeNull();
  });

  it("hidden folders are tool state, except folders of finished stories", () => {
    expect(skip("x/.git")).toBe("hidden folder (tool state, not stories)");
    expect(skip("x/.obsidian")).toBe("hidden folder (tool state, not stories)");
    expect(skip("agentydragon/tasks/.done")).toBeNull();
    expect(skip("x/.completed")).toBeNull();
  });

  it("bounds the depth", () => {
    expect(skip("x/a", MAX_FOLDER_DEPTH)).toBeNull();
    expect(skip("x/a", MAX_FOLDER_DEPTH + 1)).toBe(`more than ${MAX_FOLDER_DEPTH} levels below the story folder`);
  });
});

describe("the fallback search", () => {
  it("looks for folders named like story folders, and enters neither hidden nor build folders", () => {
    for (const n of ["stories", "Stories", "user-stories", "user_stories", "tasks", "backlog"]) expect(isFallbackFolderName(n), n).toBe(true);
    for (const n of ["docs", "epics", "taskforce"]) expect(isFallbackFolderName(n), n).toBe(false);
    for (const n of ["docs", "agentydragon", "src"]) expect(fallbackEnters(n), n).toBe(true);
    for (const n of [".git", "node_modules", "dist", "target", "reviews", "archive"]) expect(fallbackEnters(n), n).toBe(false);
  });

  it("counts files whose names start like a story id", () => {
    for (const n of ["02-auto-approve.md", "1.1.story.md", "story-1-2-x.md", "US-021-x.md", "STORY-064.md", "EH-1.1.md", "27.md"]) {
      expect(looksLikeStoryFileName(n), n).toBe(true);
    }
    for (const n of ["README.md", "task-template.md", "how-to-release.md", "02-a.txt"]) expect(looksLikeStoryFileName(n), n).toBe(false);
  });
});
