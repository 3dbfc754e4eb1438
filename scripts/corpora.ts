// `npm run corpora`: the measure of how well story reading generalises. For each real story
// folder in ../shared/corpora it plans the folder with the built CLI (scripts/corpus-plan.ts),
// compares the plan with what the folder's files say (test/corpora.expected.json, through
// scripts/corpus-check.ts) and prints one markdown table row: stories found / expected, expected
// ids missing / extra, expected edges found / expected, all edges, warnings and errors by code,
// and the wall time of the CLI call. A folder with no expectation shows "?".
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { CorpusView } from "./corpus-check.js";
import { CORPORA_DIR as corpora, planCorpus, readExpectations, type CorpusDiag } from "./corpus-plan.js";

function byCode(diags: readonly CorpusDiag[] = []): string {
  const counts = new Map<string, number>();
  for (const d of diags) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([code, n]) => `${code} ${n}`).join(", ") || "-";
}

if (!existsSync(corpora)) {
  console.error(`npm run corpora needs ../shared/corpora beside the clone (not found at ${corpora})`);
  process.exit(2);
}
const { folders } = readExpectations();
const rows = [["folder", "stories / expected", "ids missing / extra", "expected edges", "edges", "warnings by code", "errors by code", "time"]];
for (const name of readdirSync(corpora).sort()) {
  const folder = join(corpora, name);
  if (!statSync(folder).isDirectory()) continue;
  const exp = folders[name];
  const { plan, ms } = planCorpus(folder, exp);
  const edges = (plan.stories ?? []).reduce((n, s) => n + s.dependencies.length, 0);
  let found = String(plan.stories?.length ?? 0);
  let ids = "?";
  let expectedEdges = "?";
  if (exp) {
    const view = new CorpusView(plan, exp);
    const { missing, extra } = view.idDiff();
    const { found: f, expected: e } = view.edgeScore();
    found = `${new Set(view.stories.map((s) => s.id)).size} / ${exp.stories}`;
    ids = `${missing.length} / ${extra.length}`;
    expectedEdges = `${f} / ${e}`;
  }
  // Stories listed in sprint-status.yaml with no story file yet (path "") are counted apart.
  const noFile = (plan.stories ?? []).filter((s) => s.placeholder === true).length;
  if (!exp) found = String((plan.stories?.length ?? 0) - noFile);
  if (noFile > 0) found += ` +${noFile} no file yet`;
  rows.push([name, exp ? found : `${found} / ?`, ids, expectedEdges, String(edges), byCode(plan.warnings), byCode(plan.errors), `${Math.round(ms)} ms`]);
}
console.log(rows.map((r, i) => `| ${r.join(" | ")} |${i === 0 ? `\n|${r.map(() => " --- |").join("")}` : ""}`).join("\n"));
