// `npm run corpora`: the measure of how well story reading generalises. For each real story
// folder in ../shared/corpora it plans the folder with the built CLI (scripts/corpus-plan.ts)
// and prints one table row: stories found and expected, dependency edges, warnings and errors by
// code, and the wall time of that call. Expected counts come from test/corpora.expected.json
// (the corpus tests assert them); a folder not in it shows "?".
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { CORPORA_DIR as corpora, EXPECTED_FILE as expectedFile, planCorpus, type CorpusDiag } from "./corpus-plan.js";

function byCode(diags: readonly CorpusDiag[] = []): string {
  const counts = new Map<string, number>();
  for (const d of diags) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([code, n]) => `${code} ${n}`).join(", ") || "-";
}

if (!existsSync(corpora)) {
  console.error(`npm run corpora needs ../shared/corpora beside the clone (not found at ${corpora})`);
  process.exit(2);
}
const expected: Record<string, number> = existsSync(expectedFile) ? (JSON.parse(readFileSync(expectedFile, "utf8")) as Record<string, number>) : {};
const rows = [["folder", "stories (expected)", "edges", "warnings by code", "errors by code", "time"]];
for (const name of readdirSync(corpora).sort()) {
  const folder = join(corpora, name);
  if (!statSync(folder).isDirectory()) continue;
  const { plan, ms } = planCorpus(folder);
  // Story files found; stories listed in sprint-status.yaml with no file yet are counted apart.
  const found = plan.stories?.filter((s) => !s.placeholder).length ?? 0;
  const noFile = (plan.stories?.length ?? 0) - found;
  const edges = (plan.stories ?? []).reduce((n, s) => n + s.dependencies.length, 0);
  rows.push([name, `${found} (${expected[name] ?? "?"})${noFile ? ` +${noFile} no file yet` : ""}`, String(edges), byCode(plan.warnings), byCode(plan.errors), `${Math.round(ms)} ms`]);
}
console.log(rows.map((r, i) => `| ${r.join(" | ")} |${i === 0 ? `\n|${r.map(() => " --- |").join("")}` : ""}`).join("\n"));
