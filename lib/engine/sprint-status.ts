// BMAD v6's sprint-status.yaml in the engine: on load it governs the statuses of the stories it
// lists and adds the stories it lists with no file yet (placeholders); when the engine moves a
// story (started, in review, done) the BMAD status is written back, so BMAD's own tools see what
// happened. The pure half is lib/core/stories/sprint-status.ts (loaded only when a file exists:
// it brings the yaml package, which a run without one never needs).
import { diag, type Diag } from "../core/diagnostics.js";
import { idKey } from "../core/ids.js";
import type { ParsedStory, StoryStatus } from "../core/model.js";
import { sortById } from "../core/graph/id-order.js";
import type { SprintEntry } from "../core/stories/sprint-status.js";
import { defaultStoryDirs, locateSprintStatus, readSprintStatus, writeSprintStatus } from "../adapters/fs/sprint-status-file.js";

/** The sprint status that governs the project's stories, and which entry governs which story. */
export interface SprintBinding {
  /** Project-relative path of sprint-status.yaml. */
  path: string;
  /** Story key (idKey) → its entry. */
  byStory: ReadonlyMap<string, SprintEntry>;
}

export interface Governed {
  stories: ParsedStory[];
  sprint: SprintBinding | null;
  warnings: Diag[];
}

/**
 * The stories as the sprint status found from `dirs` governs them: listed stories take its
 * status (a file that disagrees gets a warning naming both), and listed stories with no file are
 * added as placeholders. No file, or one that cannot be read: the stories as they are, and the
 * reason as a warning (statuses then come from the story files).
 */
export async function governBySprintStatus(root: string, dirs: readonly string[], stories: ParsedStory[]): Promise<Governed> {
  const path = locateSprintStatus(root, dirs);
  if (path === null) return { stories, sprint: null, warnings: [] };
  const read = readSprintStatus(root, path);
  if (read === null) return { stories, sprint: null, warnings: [] };
  if ("problem" in read) {
    return { stories, sprint: null, warnings: [diag("invalid-sprint-status", `cannot read ${path} (${read.problem}); story statuses are read from the story files instead`, path)] };
  }
  const core = await import("../core/stories/sprint-status.js");
  const parsed = core.parseSprintStatus(read.text, path);
  if (!parsed.ok) return { stories, sprint: null, warnings: [parsed.error] };
  const match = core.matchSprintEntries(parsed.value, stories);
  const warnings = [...parsed.warnings, ...match.warnings];
  const out: ParsedStory[] = stories.map((s) => {
    const entry = match.byStory.get(idKey(s.id));
    if (!entry) return s;
    const g = core.governedStory(s, entry, path);
    if (g.warning) warnings.push(g.warning);
    return g.story;
  });
  const placeholders = match.placeholders.map((e) => core.placeholderStory(e, path));
  return {
    stories: placeholders.length ? sortById([...out, ...placeholders], (s) => s.id) : out,
    sprint: { path, byStory: match.byStory },
    warnings,
  };
}

/**
 * Writes the BMAD status for the engine's `status` of story `storyId` into the sprint status, if
 * one governs it. The caller holds the state lock, so two engine processes never interleave
 * their read-modify-write. A failure is a warning: the engine's own state is already written and
 * is what counts; the sprint status is a courtesy to BMAD's tools.
 * `sprint`: the binding from the loaded project; `undefined` finds it (loading the project only
 * when a sprint-status file exists, so projects without one pay two stat calls).
 */
export async function writeBackSprintStatus(root: string, storyId: string, status: StoryStatus, sprint?: SprintBinding | null): Promise<Diag | null> {
  const binding = sprint === undefined ? await findBinding(root) : sprint;
  const entry = binding?.byStory.get(idKey(storyId));
  if (!binding || !entry) return null;
  const { bmadStatusFor, setSprintStatus } = await import("../core/stories/sprint-status.js");
  const value = bmadStatusFor(status);
  if (value === null) return null;
  const fail = (why: string): Diag =>
    diag("sprint-status-write", `story ${storyId} is ${status}, but ${binding.path} could not be updated (${why}); set ${entry.key}: ${value} there by hand`, binding.path, entry.line);
  try {
    const read = readSprintStatus(root, binding.path);
    if (read === null) return fail("it is gone");
    if ("problem" in read) return fail(read.problem);
    const updated = setSprintStatus(read.text, entry.key, value);
    if (updated === null) return fail(`no plain "${entry.key}:" value under development_status`);
    if (updated !== read.text) await writeSprintStatus(root, binding.path, updated);
    return null;
  } catch (e) {
    return fail((e as NodeJS.ErrnoException).code ?? (e as Error).message);
  }
}

async function findBinding(root: string): Promise<SprintBinding | null> {
  const { loadConfig } = await import("../adapters/fs/load-config.js");
  const { config } = await loadConfig(root);
  if (locateSprintStatus(root, defaultStoryDirs(config.storiesDir)) === null) return null;
  const { loadProject } = await import("./load-project.js");
  return (await loadProject(root)).sprint;
}
