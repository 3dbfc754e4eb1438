// The un-namespaced `/implement-stories` alias: Claude Code names plugin commands
// `/story-orchestrator:implement-stories`, so `init` writes a project (or user) command with the
// plugin command's own text. A project command gets no ${CLAUDE_PLUGIN_ROOT}, but the plugin's
// bin/ is on PATH for its `!` lines (measured in 2.1.197), so the same text works as is.
// Pure: decides what to do with the target file; the engine does the I/O.

export const ALIAS_MARKER = "<!-- story-orchestrator alias: written by `story-orchestrator init`; run it again to update, or delete this line to keep your own version -->";

/** The alias text: the plugin command with the marker after its front matter. */
export function aliasText(pluginCommand: string): string {
  const m = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(pluginCommand);
  if (!m) return `${ALIAS_MARKER}\n${pluginCommand}`;
  return `${m[0]}${ALIAS_MARKER}\n${pluginCommand.slice(m[0].length)}`;
}

export type AliasAction = "created" | "updated" | "unchanged" | "refused" | "replaced";

/** What to do given the file already there (null = none). A user's own file is kept unless forced. */
export function aliasAction(existing: string | null, wanted: string, force: boolean): AliasAction {
  if (existing === null) return "created";
  if (existing === wanted) return "unchanged";
  if (existing.includes(ALIAS_MARKER)) return "updated";
  return force ? "replaced" : "refused";
}
