// `npm run bench [-- NAME...]`: runs every bench/*.bench.ts module's `run()` in name order and
// prints its report. Benches report; none of them asserts a time.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

/** What each bench module exports. */
export interface BenchModule {
  run: () => Promise<string>;
}

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.some((o) => f.startsWith(o)))
  .sort();

if (files.length === 0) {
  console.error(`no bench matched ${only.join(" ")}`);
  process.exitCode = 2;
}
for (const f of files) {
  const mod = (await import(pathToFileURL(join(here, f)).href)) as Partial<BenchModule>;
  if (typeof mod.run !== "function") throw new Error(`Internal error: ${f} exports no run()`);
  console.log(`\n== ${f.replace(/\.bench\.ts$/, "")}`);
  const started = performance.now();
  console.log((await mod.run()).trimEnd());
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
