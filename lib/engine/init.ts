// `init [--user] [--force]`: writes `.claude/commands/implement-stories.md` in the project (or
// `~/.claude/commands/` with --user) so that the literal `/implement-stories 1.1-1.5` works.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { diag, err, ok, type Diag, type Result } from "../core/diagnostics.js";
import { aliasAction, aliasText, type AliasAction } from "../core/init/alias.js";

export interface InitOptions {
  user: boolean;
  force: boolean;
  /** The user's home directory (for --user). */
  home: string;
  /** The plugin's root (where commands/implement-stories.md is). */
  pluginRoot: string;
}

export interface InitResult {
  path: string;
  action: Exclude<AliasAction, "refused">;
  command: string;
}

const COMMAND = "implement-stories";

/** The plugin root: the nearest folder above `from` that holds commands/implement-stories.md. */
export function findPluginRoot(from: string): string | null {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, "commands", `${COMMAND}.md`))) return dir;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

export async function initAlias(root: string, opts: InitOptions): Promise<Result<InitResult, Diag[]>> {
  const source = join(opts.pluginRoot, "commands", `${COMMAND}.md`);
  let pluginCommand: string;
  try {
    pluginCommand = await readFile(source, "utf8");
  } catch (e) {
    return err([diag("unreadable-file", `cannot read the plugin command ${source}: ${(e as Error).message}`)]);
  }
  const path = join(opts.user ? opts.home : root, ".claude", "commands", `${COMMAND}.md`);
  const wanted = aliasText(pluginCommand);
  const existing = existsSync(path) ? await readFile(path, "utf8") : null;
  const action = aliasAction(existing, wanted, opts.force);
  if (action === "refused") {
    return err([diag("alias-exists", `${path} exists and is not one story-orchestrator wrote; it was left as it is. Use --force to replace it.`, path)]);
  }
  if (action !== "unchanged") {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, wanted);
  }
  return ok({ path, action, command: `/${COMMAND}` });
}
