// BMAD v6's sprint-status.yaml names where the stories are (`story_location:`). Discovery only
// needs that one key, so it is found by a line scan, not a YAML parse: a warm `plan` served
// from the parse cache never loads the yaml package (about 15 ms). The statuses in the same file
// are read elsewhere (the sprint-status reader); this file knows nothing of them.
//
// What BMAD writes there, seen in real projects:
//   story_location: _bmad-output/implementation-artifacts        (relative to the project root)
//   story_location: "{project-root}/_bmad-output/implementation-artifacts"
//   story_location: c:/Users/me/Documents/GitHub/app/_bmad-output/implementation-artifacts
//   story_location: E:\Projects\app\docs\sprint-artifacts\stories (written on another machine)
// An absolute path is the author's machine's: its trailing segments are tried against this
// project, longest first (…/app/_bmad-output/implementation-artifacts → _bmad-output/…).
import path from "node:path";

export interface StoryLocation {
  /** The value as written (quotes and a trailing comment removed). */
  value: string;
  /** 1-based line of the key. */
  line: number;
}

/** The top-level `story_location:` of a sprint-status.yaml, or null when it has none. */
export function storyLocationOf(text: string): StoryLocation | null {
  const m = /^story_location:[ \t]*(.*)$/m.exec(text);
  if (!m) return null;
  let value = m[1]!.replace(/\r$/, "");
  const quoted = /^(["'])(.*)\1/.exec(value);
  // Unquoted, a YAML comment starts at " #".
  value = quoted ? quoted[2]! : value.replace(/\s+#.*$/, "");
  value = value.trim();
  if (value === "") return null;
  const line = text.slice(0, m.index).split("\n").length;
  return { value, line };
}

export type LocationCandidates =
  /** Project-relative POSIX paths to try, in order; the first that is a folder is the location. */
  | { kind: "relative" | "foreign-absolute"; candidates: string[] }
  /** A value with a placeholder other than {project-root}: nothing to resolve it with. */
  | { kind: "unresolvable" };

/**
 * Where `value` may point inside the project. `fileDir`: the project-relative folder of the
 * sprint-status.yaml (a relative value is tried from the project root first, as BMAD means it,
 * then from the file's folder; one that starts with {project-root} only from the root). The caller checks that a candidate exists and stays inside the
 * project (a `..` here is not trusted).
 */
export function storyLocationCandidates(value: string, fileDir: string): LocationCandidates {
  let v = value.replace(/\\/g, "/").replace(/^\{project-root\}(?=\/|$)/, "");
  if (/[{}]/.test(v)) return { kind: "unresolvable" };
  const absolute = /^[A-Za-z]:/.test(v) || (v.startsWith("/") && !value.startsWith("{project-root}"));
  if (absolute) {
    const segments = v.replace(/^[A-Za-z]:/, "").split("/").filter((s) => s !== "" && s !== ".");
    if (segments.includes("..")) return { kind: "unresolvable" };
    const candidates: string[] = [];
    for (let i = 0; i < segments.length; i++) candidates.push(segments.slice(i).join("/"));
    return { kind: "foreign-absolute", candidates };
  }
  v = v.replace(/^\/+/, "");
  const fromRoot = path.posix.normalize(v === "" ? "." : v).replace(/\/$/, "");
  const fromFile = path.posix.normalize(path.posix.join(fileDir, v)).replace(/\/$/, "");
  // {project-root} says where it starts; a bare relative path may mean either.
  const rooted = /^\{project-root\}/.test(value);
  return { kind: "relative", candidates: rooted || fromRoot === fromFile ? [fromRoot] : [fromRoot, fromFile] };
}
