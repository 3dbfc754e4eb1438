// One diagnostic vocabulary for every verb: what the user can cause is returned as a Diag,
// never thrown. Bugs are thrown as `Internal error: ...` and caught once in the CLI.

export type DiagCode =
  // planning (stories, graph, scope, config)
  | "duplicate-id"
  | "dependency-cycle"
  | "self-dependency"
  | "unknown-dependency"
  | "reverse-own-epic"
  | "reverse-cycle"
  | "implicit-cycle"
  | "unread-dependency"
  | "invalid-front-matter"
  | "invalid-id"
  | "id-mismatch"
  | "unreadable-file"
  | "binary-file"
  | "empty-file"
  | "file-too-large"
  | "no-stories"
  | "story-location"
  | "invalid-scope"
  | "unknown-story"
  | "out-of-scope-dependency"
  | "invalid-config"
  | "unsafe-path"
  // BMAD's sprint-status.yaml (reading it, its entries, disagreeing with a story file, writing back)
  | "invalid-sprint-status"
  | "sprint-status-entry"
  | "status-mismatch"
  | "sprint-status-write"
  // execution (state machine, git, merges)
  | "illegal-transition"
  | "not-ready"
  | "review-required"
  | "merge-conflict"
  | "unsafe-merge"
  | "verify-failed"
  | "invalid-state"
  | "git-error"
  | "not-a-git-repository"
  | "invalid-integration-branch"
  | "dirty-worktree"
  | "lock-timeout"
  // headless runs
  | "no-open-question"
  | "worker-unavailable"
  // the dashboard
  | "port-in-use"
  // plugin setup
  | "alias-exists"
  | "usage";

export interface Diag {
  code: DiagCode;
  message: string;
  /** Path relative to the project root, POSIX separators. */
  file?: string;
  /** 1-based line in `file`. */
  line?: number;
}

export type Result<T, E = Diag[]> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const err = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });

/** Diagnostics' messages on one line, for a sentence that reports them. */
export const diagMessages = (ds: readonly { message: string }[]): string => ds.map((d) => d.message).join("; ");

export function diag(code: DiagCode, message: string, file?: string, line?: number): Diag {
  const d: Diag = { code, message };
  if (file !== undefined) d.file = file;
  if (line !== undefined) d.line = line;
  return d;
}

/** Stable order: by file, then line, then code, then message. */
export function sortDiags(diags: readonly Diag[]): Diag[] {
  return [...diags].sort(
    (a, b) =>
      (a.file ?? "").localeCompare(b.file ?? "") ||
      (a.line ?? 0) - (b.line ?? 0) ||
      a.code.localeCompare(b.code) ||
      a.message.localeCompare(b.message),
  );
}

/** For "should never happen" paths: a bug, not a user error. */
export function internalError(message: string): never {
  throw new Error(`Internal error: ${message}`);
}
