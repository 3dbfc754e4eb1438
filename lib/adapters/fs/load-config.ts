// Reads `.agent-orchestration/config.yaml` from the project root. An absent file is the
// default config; everything else (read failures included) is decided by parseConfig.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { diag } from "../../core/diagnostics.js";
import type { Diag } from "../../core/diagnostics.js";
import { DEFAULT_CONFIG } from "../../core/config/schema.js";
import type { Config } from "../../core/config/schema.js";
import { CONFIG_FILE, parseConfig } from "../../core/config/parse-config.js";

export async function loadConfig(root: string): Promise<{ config: Config; errors: Diag[] }> {
  let text: string;
  try {
    text = await readFile(join(root, CONFIG_FILE), "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { config: DEFAULT_CONFIG, errors: [] };
    // A directory in its place, no permission, ...: the user can fix it, so it is a Diag.
    return { config: DEFAULT_CONFIG, errors: [diag("invalid-config", `cannot read the config file (${code ?? "read error"})`, CONFIG_FILE)] };
  }
  return parseConfig(text, CONFIG_FILE);
}
