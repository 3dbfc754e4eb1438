// Bundles the engine into committed, runnable JavaScript: Claude Code installs a plugin by
// copying its files (no npm install, no build), so dist/ must be in git and match lib/.
// `--check` rebuilds into a temporary folder and fails if the committed bundle differs.
import { build } from "esbuild";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
// Entry points. Code shared between them, and every verb the CLI imports on demand, goes to
// dist/chunks/, so each process loads only what it runs: `help` no zod, a hook no git library.
const entries = {
  "story-orchestrator": "lib/cli/main.ts",
  // The hook events that record or schedule, imported on demand by dist/hook.mjs.
  "hook-engine": "lib/hooks/engine-events.ts",
};
// The hooks' entry (PreToolUse runs on every matching tool call): one self-contained file, so a
// gate decision opens one module instead of a handful of shared chunks.
const standalone = { hook: "lib/hooks/entry.ts" };

/**
 * zod's index re-exports every translation of its error messages (about 370 KB, a third of
 * what `plan` would load); the engine words its own messages and uses only English, which
 * lib/core/zod.ts installs (zod/mini has none by default). Only zod's own import of its locale
 * index is redirected.
 */
const englishOnlyZod = {
  name: "english-only-zod",
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)
        ? // The path is only a name (it appears in the bundle, so it must not depend on where the repository is).
          { path: "english-only", namespace: "zod-locales", pluginData: { dir: join(dirname(args.importer), "..", "locales") } }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: "zod-locales" }, (args) => ({
      contents: `export { default as en } from "./en.js";`,
      resolveDir: args.pluginData.dir,
      loader: "js",
    }));
  },
};

/**
 * npm keeps two copies of one version of a package when it cannot hoist it (another version
 * holds the top level): log-update's wrap-ansi and slice-ansi each carry ansi-styles 6.2.3
 * beside a top-level 4.3.0. The bundle takes one copy: an import from a dependency resolves to
 * the copy of the same name and version at the first path in sorted order (the same on every
 * machine with this lockfile).
 */
const oneCopyPerVersion = {
  name: "one-copy-per-version",
  setup(b) {
    const modules = join(root, "node_modules");
    /** Where copies of `name` are installed: at the top, or one dependency down. */
    const copiesOf = (name) => {
      const dirs = [join(modules, name)];
      for (const e of readdirSync(modules)) {
        const owners = e.startsWith("@") ? readdirSync(join(modules, e)).map((n) => join(modules, e, n)) : [join(modules, e)];
        for (const o of owners) dirs.push(join(o, "node_modules", name));
      }
      return dirs.filter((d) => existsSync(join(d, "package.json"))).sort();
    };
    const versionOf = (dir) => JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version;
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData?.oneCopy || !args.importer.includes(`${sep}node_modules${sep}`)) return undefined;
      const r = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { oneCopy: true } });
      const at = r.path.lastIndexOf(`${sep}node_modules${sep}`);
      if (r.errors.length || at < 0) return undefined;
      const [scope, bare, ...rest] = r.path.slice(at + 14).split(sep);
      const name = scope.startsWith("@") ? join(scope, bare) : scope;
      const inside = scope.startsWith("@") ? rest : [bare, ...rest];
      const dir = r.path.slice(0, at + 14) + name;
      const version = versionOf(dir);
      const first = copiesOf(name).find((d) => versionOf(d) === version);
      return first && first !== dir ? { path: join(first, ...inside) } : undefined;
    });
  },
};

// The version `--version` prints: package.json's, which .claude-plugin/plugin.json repeats (a
// test keeps the two equal). Baked in, because an installed plugin runs dist/ as it is.
const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;

const common = {
  define: { __STORY_ORCHESTRATOR_VERSION__: JSON.stringify(version) },
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  outExtension: { ".js": ".mjs" },
  // Some CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);" },
  plugins: [englishOnlyZod, oneCopyPerVersion],
  legalComments: "none",
  sourcemap: false,
  minify: false,
  logLevel: "warning",
};
const points = (list) => Object.fromEntries(Object.entries(list).map(([k, v]) => [k, join(root, v)]));

async function bundle(outdir) {
  await build({ ...common, entryPoints: points(entries), outdir, splitting: true, chunkNames: "chunks/[name]-[hash]" });
  await build({ ...common, entryPoints: points(standalone), outdir });
}

/** Every file under `dir`, as paths relative to it. */
function files(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)))
    .sort();
}

const check = process.argv.includes("--check");
const tmp = mkdtempSync(join(tmpdir(), "so-build-"));
try {
  await bundle(tmp);
  const built = files(tmp);
  if (!check) {
    // Chunk names carry content hashes, so old chunks must go; but never leave dist/ missing a
    // file while something may be running from it (tests, a hook): each new file lands by
    // rename, and only then do files of the old build go.
    for (const f of built) {
      const dest = join(dist, f);
      mkdirSync(dirname(dest), { recursive: true });
      if (existsSync(dest) && readFileSync(dest, "utf8") === readFileSync(join(tmp, f), "utf8")) continue;
      const part = `${dest}.${process.pid}.tmp`;
      copyFileSync(join(tmp, f), part);
      renameSync(part, dest);
    }
    for (const f of files(dist)) if (!built.includes(f)) rmSync(join(dist, f));
  } else {
    const committed = files(dist);
    const stale = [...new Set([...built, ...committed])].filter(
      (f) => !built.includes(f) || !committed.includes(f) || readFileSync(join(dist, f), "utf8") !== readFileSync(join(tmp, f), "utf8"),
    );
    if (stale.length) {
      const named = stale.slice(0, 5).map((f) => `dist/${f}`).join(", ") + (stale.length > 5 ? ` and ${stale.length - 5} more` : "");
      console.error(`The committed bundle does not match the sources: ${named}. Run \`npm run build\` and commit dist/.`);
      process.exitCode = 1;
    } else console.log("bundle is up to date");
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
