// Programs that only read: a gate may let them touch protected paths. Anything not listed is
// treated as a possible writer (fail closed), so the list errs on the short side.
export const READ_ONLY_PROGRAMS = new Set([
  "cat", "ls", "head", "tail", "less", "more", "grep", "rg", "egrep", "fgrep", "wc", "jq", "stat",
  "file", "diff", "cmp", "md5sum", "sha1sum", "sha256sum", "du", "tree", "realpath", "readlink",
  "basename", "dirname", "echo", "printf", "pwd", "cd", "test", "[", "true", "false", "sort", "uniq",
  "cut", "tr", "column", "nl", "od", "xxd", "hexdump", "which", "type", "date", "story-orchestrator",
]);

/** git subcommands that never change a repository, its refs or its working tree. */
export const READ_ONLY_GIT = new Set([
  "status", "diff", "log", "show", "rev-parse", "ls-files", "ls-tree", "blame", "grep", "cat-file",
  "rev-list", "describe", "shortlog", "merge-base", "name-rev", "for-each-ref", "show-ref", "whatchanged", "version", "help",
]);

/** `find` is read-only unless it deletes or runs something. */
export function findWrites(args: readonly string[]): boolean {
  return args.some((a) => a === "-delete" || a === "-exec" || a === "-execdir" || a === "-ok" || a === "-fprint");
}
