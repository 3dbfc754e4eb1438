// Human view of a plan: one table ordered by wave, the Done stories apart, the critical
// path, a one-line summary, the out-of-scope choices, then the diagnostics (one printer).
import { compareIds } from "../../core/ids.js";
import type { Plan, PlannedStory } from "../../core/model.js";
import { EXPAND_PREFIX } from "../../core/plan.js";
import { renderDiagnostics } from "./diagnostics.js";
import { style, table, truncate } from "./style.js";

const TITLE_WIDTH = 38;

export function renderPlan(plan: Plan, maxParallel: number, tty: boolean): string {
  const s = style(tty);
  const out: string[] = [];
  const byId = new Map<string, PlannedStory>();
  for (const st of plan.stories) byId.set(st.id, st);

  // Every scheduled story, wave by wave: waveOf[i] is the wave of the i-th.
  const rows = [["Wave", "Story", "Title", "Agent", "Why this agent", "Depends on"]];
  const waveOf: number[] = [];
  plan.waves.forEach((wave, w) => {
    for (const id of wave) {
      waveOf.push(w);
      const st = byId.get(id);
      if (st) rows.push([String(w), st.id, truncate(st.title, TITLE_WIDTH), st.agent, st.agentReason, deps(st)]);
    }
  });
  if (waveOf.length > 0) {
    const lines = table(rows, (r, c, cell) => (r === 0 ? s.bold(cell) : c === 3 ? s.cyan(cell) : c === 0 ? s.dim(cell) : cell));
    // A blank line between waves makes the parallel groups visible.
    lines.forEach((line, i) => {
      if (i > 1 && waveOf[i - 1] !== waveOf[i - 2]) out.push("");
      out.push(line);
    });
  }

  const done = plan.stories.filter((st) => st.status === "Done");
  if (done.length > 0) {
    if (out.length > 0) out.push("");
    out.push(s.bold(`Done (${done.length}, not scheduled again)`));
    for (const line of table(done.map((st) => [st.id, truncate(st.title, TITLE_WIDTH)]))) out.push(`  ${s.green(line)}`);
  }

  // Errors stay local: these wait for their files to be fixed, the rest runs without them.
  if (plan.setAside.length > 0) {
    if (out.length > 0) out.push("");
    out.push(s.bold(s.yellow(`Set aside (${plan.setAside.length}, not run until their files are fixed)`)));
    const rows = plan.setAside.map((a) => [a.id, a.line === undefined ? a.file : `${a.file}:${a.line}`, a.reason]);
    for (const line of table(rows, (_r, c, cell) => (c === 1 ? s.dim(cell) : cell))) out.push(`  ${line}`);
  }

  // Listed in sprint-status.yaml with no story file: planned (what depends on them waits), never run.
  const noFile = plan.stories.filter((st) => st.placeholder && st.status !== "Done");
  if (noFile.length > 0) {
    if (out.length > 0) out.push("");
    out.push(s.bold(`No story file yet (${noFile.length}, not run until one is written)`));
    for (const line of table(noFile.map((st) => [st.id, truncate(st.title, TITLE_WIDTH), st.status]))) out.push(`  ${s.dim(line)}`);
  }

  if (plan.criticalPath.length > 0) {
    out.push("", `${s.bold("Critical path:")} ${plan.criticalPath.join(" → ")}`);
  }

  // Without stories (a scope error, no stories at all) the diagnostics below say it all.
  if (plan.stories.length > 0) {
    const widest = plan.waves.reduce((m, w) => Math.max(m, w.length), 0);
    const cap = widest > maxParallel ? ` (maxParallel caps it at ${maxParallel})` : "";
    out.push(
      "",
      `${count(plan.stories.length, "story", "stories")}, ${count(plan.waves.length, "wave", "waves")}, max parallelism ${widest}${cap}`,
    );
  }

  // One line per story (where its dependency is written), the three choices once. The
  // out-of-scope warnings say the same, so they are not printed again below.
  if (plan.outOfScope.length > 0) {
    const needs = new Map<string, string[]>();
    for (const { story, dependsOn } of plan.outOfScope) needs.set(story, [...(needs.get(story) ?? []), dependsOn]);
    const missing = expansion(plan);
    const where = new Map<string, string>();
    for (const d of plan.warnings) {
      if (d.code !== "out-of-scope-dependency" || d.file === undefined) continue;
      where.set(d.message.slice(0, d.message.indexOf(" ")), d.line === undefined ? d.file : `${d.file}:${d.line}`);
    }
    out.push("", s.bold(s.yellow("Dependencies outside the scope that are not done:")));
    const rows = [...needs].map(([story, on]) => [`${story} needs ${on.join(", ")}`, where.get(story) ?? byId.get(story)?.path ?? ""]);
    for (const line of table(rows, (_r, c, cell) => (c === 1 ? s.dim(cell) : cell))) out.push(`  ${line}`);
    out.push(
      "Choose:",
      `  1. expand the scope to include ${missing.join(", ")}`,
      `  2. skip ${needs.size === 1 ? "story" : "stories"} ${[...needs.keys()].join(", ")}`,
      "  3. cancel",
    );
  }

  const diags = renderDiagnostics({ errors: plan.errors, warnings: plan.warnings.filter((d) => d.code !== "out-of-scope-dependency") }, tty);
  if (diags !== "") out.push("", diags.trimEnd());
  return out.join("\n").replace(/^\n+/, "") + "\n";
}

/**
 * Everything "expand" must add: the union of each warning's expand list (the transitive closure
 * of open dependencies; `outOfScope` keeps only the direct pairs), in id order. Falls back to
 * the direct pairs for a warning that carries no list.
 */
function expansion(plan: Plan): string[] {
  const ids = new Set<string>(plan.outOfScope.map((o) => o.dependsOn));
  for (const d of plan.warnings) {
    if (d.code !== "out-of-scope-dependency") continue;
    const at = d.message.indexOf(EXPAND_PREFIX);
    const end = d.message.indexOf(", skip ", at);
    if (at < 0 || end < 0) continue;
    for (const id of d.message.slice(at + EXPAND_PREFIX.length, end).split(", ")) ids.add(id);
  }
  return [...ids].sort(compareIds);
}

function deps(st: PlannedStory): string {
  return st.dependencies.length === 0 ? "-" : st.dependencies.join(", ");
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
