import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  nextText
} from "./chunk-3NJVAXK7.mjs";
import {
  rejectUnknownOptions,
  usage
} from "./chunk-D6AISK4I.mjs";
import {
  renderDiagnostics,
  style,
  table
} from "./chunk-JL6RXUUA.mjs";
import {
  analyzeProject,
  loadProject,
  mergeDiags
} from "./chunk-TWTOODCG.mjs";
import "./chunk-76KN6VJ3.mjs";
import {
  command
} from "./chunk-F5LBCNN2.mjs";
import "./chunk-GEKUT4RT.mjs";
import "./chunk-T5LJ6LQC.mjs";
import "./chunk-FKJSKIMT.mjs";
import "./chunk-SDYTFI6O.mjs";
import "./chunk-L6YY6IB4.mjs";
import "./chunk-WXMZ5N7V.mjs";
import "./chunk-IWUPKGEU.mjs";
import "./chunk-43TV4QD6.mjs";
import "./chunk-EGEKWWZA.mjs";

// lib/cli/verbs/validate.ts
var LINE = "validate [--json] [--cwd DIR]";
var validateVerb = async (ctx) => {
  const bad = rejectUnknownOptions("validate", ctx.args, [], LINE);
  if (bad) return bad;
  if (ctx.args.positionals.length > 0) {
    return usage(`validate: takes no arguments (got ${ctx.args.positionals.join(" ")}); it checks the whole project`, LINE);
  }
  const project = await loadProject(ctx.root);
  const graph = analyzeProject(project.stories, project.config).diagnostics;
  const errors = mergeDiags(project.errors, graph.filter((d) => d.severity === "error").map((d) => d.diag));
  const warnings = mergeDiags(project.warnings, graph.filter((d) => d.severity !== "error").map((d) => d.diag));
  const skipped = project.skipped.map(({ path, reason }) => ({ path, reason }));
  const json = { errors, warnings, skipped, stories: project.stories.length };
  const s = style(ctx.tty);
  const out = [];
  out.push(`${project.stories.length} ${project.stories.length === 1 ? "story" : "stories"} in ${project.dirs.join(", ") || "(no story folder found)"}`);
  if (skipped.length > 0) {
    out.push("", s.bold(`Skipped (${skipped.length}, not stories)`));
    for (const line of table(skipped.map((f) => [f.path, f.reason]))) out.push(`  ${s.dim(line)}`);
  }
  const diags = renderDiagnostics({ errors, warnings }, ctx.tty);
  out.push("", diags === "" ? s.green("No problems found.") : diags.trimEnd());
  const next = errors.length > 0 ? `fix the errors above, then ${command("validate")} again` : `${command("plan")} shows the waves, the critical path and each story's agent`;
  return { exitCode: errors.length > 0 ? 1 : 0, json, human: out.join("\n") + "\n" + nextText([next]) };
};
export {
  validateVerb
};
