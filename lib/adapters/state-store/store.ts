// The state store: `.agent-orchestration/story-<id>.json`, `orchestration-state.json` and the
// append-only `journal.jsonl`. Reads validate against the zod schemas; a file that fails is an
// `invalid-state` diagnostic naming it, and it is never rewritten behind the user's back (every
// read-modify-write reads first and stops on the error). Writes are atomic; read-modify-write
// sequences run inside `withStateLock`.
import { appendFile, mkdir, readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import type { z } from "../../core/zod.js";
import { diag, err, ok, type Diag, type Result } from "../../core/diagnostics.js";
import { idKey } from "../../core/ids.js";
import type * as StateSchemas from "../../core/state/schemas.js";
import type { JournalEvent, OrchestrationState, StoryState } from "../../core/state/schemas.js";
import { JOURNAL_FILE, LOCK_FILE, MERGE_LOCK_FILE, ORCHESTRATION_FILE, STATE_DIR, storyFileName, storyIdOfFileName } from "../../core/state/state-files.js";
import { readSmallFile, realRootOf } from "../fs/bounded-read.js";
import { findWorkTree } from "../fs/locate-project.js";
import { engineWorktreeProject } from "../../core/project-root.js";
import { writeFileAtomic } from "./atomic-write.js";
import { ensureStateIgnoreFile } from "./ignore-file.js";
import { acquireLock, type LockOptions } from "./lock.js";

export const stateDir = (root: string): string => join(root, STATE_DIR);
export const relState = (name: string): string => `${STATE_DIR}/${name}`;

type Schemas = typeof StateSchemas;
let schemas: Promise<Schemas> | undefined;
/**
 * The zod schemas, loaded when a state file is first read or written: `plan` on a project with
 * no run yet loads no zod (it and its checks cost several ms to load).
 */
const loadSchemas = (): Promise<Schemas> => (schemas ??= import("../../core/state/schemas.js"));

/**
 * Far above any real state file (a story's is a few KB; the orchestration file lists every
 * story id): only keeps a wrong file from being loaded whole.
 */
export const MAX_STATE_BYTES = 16 * 1024 * 1024;
/** Schema problems listed in a message; the rest are counted. */
const MAX_ISSUES = 10;

/** `s` cut to `max` characters: a message never carries a file's content (a key, a value) whole. */
function excerpt(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max).replace(/[\uD800-\uDBFF]$/, "")}…`;
}

/**
 * `realRoot`: the project root's real path when the caller resolved it already (one resolve for
 * every file of readAllStoryStates).
 */
async function readValidated<S extends z.ZodMiniType>(root: string, name: string, pick: (s: Schemas) => S, realRoot?: string): Promise<Result<z.infer<S> | null, Diag[]>> {
  // The bounded reader: a FIFO or device is refused without blocking, a link must stay inside
  // the project, and the message gives the project-relative path and a code, never Node's text.
  const read = readSmallFile(join(stateDir(root), name), { maxBytes: MAX_STATE_BYTES, root, realRoot });
  if ("problem" in read) return err([diag("invalid-state", `cannot read ${relState(name)} (${read.problem})`, relState(name))]);
  if (read.text === null) return ok(null);
  let json: unknown;
  try {
    json = JSON.parse(read.text);
  } catch (e) {
    return err([diag("invalid-state", `${relState(name)} is not valid JSON (${excerpt((e as Error).message, 200)}); fix or remove it, it is not rewritten automatically`, relState(name))]);
  }
  const parsed = pick(await loadSchemas()).safeParse(json);
  if (!parsed.success) {
    // Keys and values in zod's messages come from the file: cut each, and list only the first few.
    const all = parsed.error.issues;
    const shown = all.slice(0, MAX_ISSUES).map((i) => `${i.path.map((k) => excerpt(String(k), 40)).join(".") || "(root)"}: ${excerpt(i.message, 200)}`);
    if (all.length > MAX_ISSUES) shown.push(`and ${all.length - MAX_ISSUES} more`);
    return err([diag("invalid-state", `${relState(name)} does not match its schema (${shown.join("; ")}); fix or remove it, it is not rewritten automatically`, relState(name))]);
  }
  return ok(parsed.data);
}

export function readStoryState(root: string, id: string): Promise<Result<StoryState | null, Diag[]>> {
  return readValidated(root, storyFileName(id), (s) => s.StoryStateSchema);
}

export function readOrchestrationState(root: string): Promise<Result<OrchestrationState | null, Diag[]>> {
  return readValidated(root, ORCHESTRATION_FILE, (s) => s.OrchestrationStateSchema);
}

/** Every story state, keyed by `idKey`; every invalid file is reported (all of them, not the first). */
export async function readAllStoryStates(root: string): Promise<Result<Map<string, StoryState>, Diag[]>> {
  let names: string[];
  let realRoot: string;
  try {
    names = await readdir(stateDir(root));
    realRoot = realRootOf(root);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return ok(new Map());
    // A file where the folder should be, no permission, ...: the user's to fix, so a Diag.
    const why = code === "ENOTDIR" ? "it is not a folder (ENOTDIR); move or remove it" : `cannot read it (${code ?? "read error"})`;
    return err([diag("invalid-state", `${STATE_DIR}: ${why}`, STATE_DIR)]);
  }
  const out = new Map<string, StoryState>();
  const problems: Diag[] = [];
  for (const name of names.sort()) {
    const fileId = storyIdOfFileName(name);
    if (fileId === null) continue;
    const r = await readValidated(root, name, (s) => s.StoryStateSchema, realRoot);
    if (!r.ok) problems.push(...r.error);
    else if (r.value) {
      if (idKey(r.value.storyId) !== idKey(fileId)) {
        problems.push(diag("invalid-state", `${relState(name)} holds story ${excerpt(r.value.storyId, 40)}, not ${fileId}`, relState(name)));
      } else out.set(idKey(r.value.storyId), r.value);
    }
  }
  return problems.length ? err(problems) : ok(out);
}

// Roots this process has prepared: checked, and their `.git/info/exclude` updated (one git call
// per run, not per write).
const preparedRoots = new Set<string>();

/**
 * Every write into the state directory comes through here, so this is where the state files are
 * first kept out of `git status` and out of Claude Code's diff view of Bash commands, whichever
 * verb writes first (`next`, `status`, a hook...), not only `start`: the folder's own .gitignore
 * (ignore-file.ts; never the project's tracked .gitignore) and `.git/info/exclude`. Outside a
 * git repository the exclude step does nothing. It is also the last line against a second run
 * state inside one of the engine's worktrees: the CLI and the hooks map such a folder to its
 * project (lib/core/project-root.ts), so a root that is one is a bug, refused before anything is made.
 */
export async function ensureStateDir(root: string): Promise<void> {
  const first = !preparedRoots.has(root);
  if (first) {
    // Only the worktree test of the root rule: the caller already chose `root` with it.
    const tree = findWorkTree(root);
    const owner = tree ? engineWorktreeProject(tree) : null;
    if (owner !== null) {
      throw new Error(`Internal error: refusing to create ${STATE_DIR}/ inside the engine's worktree ${root}; its project is ${owner}`);
    }
    preparedRoots.add(root);
  }
  await mkdir(stateDir(root), { recursive: true });
  // Every call, not once per process: one lstat, and a deleted ignore file comes back.
  ensureStateIgnoreFile(stateDir(root));
  if (first) {
    try {
      // Loaded here, not at the top: verbs that only read state (`plan`, `status`) never run git,
      // and simple-git's module costs about 15 ms to load on each call.
      const { ensureExcluded } = await import("../git.js");
      await ensureExcluded(root);
    } catch {
      // An unwritable .git/info only makes `git status` noisy; it must not stop the run.
    }
  }
}

export async function writeStoryState(root: string, state: StoryState): Promise<void> {
  await ensureStateDir(root);
  await writeFileAtomic(join(stateDir(root), storyFileName(state.storyId)), JSON.stringify((await loadSchemas()).StoryStateSchema.parse(state), null, 2) + "\n");
}

export async function writeOrchestrationState(root: string, state: OrchestrationState): Promise<void> {
  await ensureStateDir(root);
  await writeFileAtomic(join(stateDir(root), ORCHESTRATION_FILE), JSON.stringify((await loadSchemas()).OrchestrationStateSchema.parse(state), null, 2) + "\n");
}

/** One JSON line per event; O_APPEND keeps concurrent appends whole. */
export async function appendJournal(root: string, event: JournalEvent): Promise<void> {
  await ensureStateDir(root);
  const line = JSON.stringify((await loadSchemas()).JournalEventSchema.parse({ pid: process.pid, ...event })) + "\n";
  await appendFile(join(stateDir(root), JOURNAL_FILE), line, "utf8");
}

/**
 * Every event in `journal.jsonl`, oldest first; [] without one. A line that is not a valid event
 * (a torn last line of a killed writer) is skipped: the journal is a record, not the state.
 */
export async function readJournal(root: string): Promise<JournalEvent[]> {
  let text: string;
  try {
    text = await readFile(join(stateDir(root), JOURNAL_FILE), "utf8");
  } catch {
    return [];
  }
  const { JournalEventSchema } = await loadSchemas();
  const out: JournalEvent[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      const parsed = JournalEventSchema.safeParse(JSON.parse(line));
      if (parsed.success) out.push(parsed.data);
    } catch {
      /* not JSON: skipped */
    }
  }
  return out;
}

export const stateLockPath = (root: string): string => join(stateDir(root), LOCK_FILE);
export const mergeLockPath = (root: string): string => join(stateDir(root), MERGE_LOCK_FILE);

/** Runs `fn` holding the state lock; the lock is released however `fn` ends. */
export async function withStateLock<T>(root: string, fn: () => Promise<Result<T, Diag[]>>, opts: LockOptions = {}): Promise<Result<T, Diag[]>> {
  await ensureStateDir(root);
  const lock = await acquireLock(stateLockPath(root), { displayPath: relState(LOCK_FILE), what: "the state lock", ...opts });
  if (!lock.ok) return lock;
  try {
    return await fn();
  } finally {
    await lock.value();
  }
}

/**
 * The merge queue's lock: merges go one at a time. Held for a whole merge including the verify
 * command, so it is a separate file from the state lock (which is held for milliseconds) and it
 * goes stale only when its holder died (or after six hours).
 */
export async function withMergeLock<T>(root: string, fn: () => Promise<Result<T, Diag[]>>, opts: LockOptions = {}): Promise<Result<T, Diag[]>> {
  await ensureStateDir(root);
  const lock = await acquireLock(mergeLockPath(root), {
    displayPath: relState(MERGE_LOCK_FILE),
    what: "the merge lock (another merge is running)",
    timeoutMs: 30 * 60_000,
    staleMs: 6 * 3600_000,
    maxBackoffMs: 1000,
    ...opts,
  });
  if (!lock.ok) return lock;
  try {
    return await fn();
  } finally {
    await lock.value();
  }
}
