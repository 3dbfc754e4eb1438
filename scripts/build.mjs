// Bundles the engine into committed, runnable JavaScript: Claude Code installs a plugin by
// copying its files (no npm install, no build), so dist/ must be in git and match lib/.
// `--check` rebuilds into a temporary folder and fails if the committed bundle differs.
import { build } from "esbuild";
import { mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// One bundle per entry: the CLI, and the hook entry kept small so hooks start fast.
const entries = {
  "story-orchestrator": "lib/cli/main.ts",
  // Hooks: the gates only (PreToolUse runs on every matching tool call) ...
  hook: "lib/hooks/entry.ts",
  // ... and the engine half they import on demand (completions, Stop, SessionStart).
  "hook-engine": "lib/hooks/engine-events.ts",
};

async function bundle(outdir) {
  await build({
    entryPoints: Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, join(root, v)])),
    outdir,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "esm",
    outExtension: { ".js": ".mjs" },
    // Some CommonJS dependencies call require(); give the ESM bundle one.
    banner: { js: "import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);" },
    legalComments: "none",
    sourcemap: false,
    minify: false,
    logLevel: "warning",
  });
}

const check = process.argv.includes("--check");
if (!check) {
  await bundle(join(root, "dist"));
} else {
  const tmp = mkdtempSync(join(tmpdir(), "so-build-"));
  try {
    await bundle(tmp);
    const stale = [];
    for (const f of readdirSync(tmp)) {
      const committed = join(root, "dist", f);
      if (!existsSync(committed) || readFileSync(committed, "utf8") !== readFileSync(join(tmp, f), "utf8")) stale.push(`dist/${f}`);
    }
    if (stale.length) {
      console.error(`The committed bundle does not match the sources: ${stale.join(", ")}. Run \`npm run build\` and commit dist/.`);
      process.exit(1);
    }
    console.log("bundle is up to date");
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
