// `validate`: every diagnostic about the whole project (config, files, stories, graph) and
// the files that were skipped with the reason; exit 1 on any error.
import type { Verb } from "../verb.js";
import { loadProject, mergeDiags } from "../../engine/load-project.js";
import { analyzeProject } from "../../core/plan.js";
import { rejectUnknownOptions, usage } from "../check-options.js";
import { renderDiagnostics } from "../render/diagnostics.js";
import { style, table } from "../render/style.js";
import { command } from "../../core/advice/story-advice.js";
import { nextText } from "./run-outcome.js";
import { folderReport, renderFolderReport } from "../render/story-folders.js";

const LINE = "validate [--json] [--cwd DIR]";

export const validateVerb: Verb = async (ctx) => {
  const bad = rejectUnknownOptions("validate", ctx.args, [], LINE);
  if (bad) return bad;
  if (ctx.args.positionals.length > 0) {
    return usage(`validate: takes no arguments (got ${ctx.args.positionals.join(" ")}); it checks the whole project`, LINE);
  }
  const project = await loadProject(ctx.root);
  // The whole-project graph: cycles, unknown references, bad front-matter agents.
  const analysis = analyzeProject(project.stories, project.config);
  const graph = analysis.diagnostics;
  const errors = mergeDiags(project.errors, graph.filter((d) => d.severity === "error").map((d) => d.diag));
  const warnings = mergeDiags(project.warnings, graph.filter((d) => d.severity !== "error").map((d) => d.diag));
  const skipped = project.skipped.map(({ path, reason }) => ({ path, reason }));
  const folders = folderReport(project.folders, project.skippedFolders, project.stories.map((st) => st.path));
  // What plan and next leave out until the files are fixed (done stories too: validate is about the files).
  const setAside = [...analysis.setAside.values()];
  const json = { errors, warnings, skipped, stories: project.stories.length, folders, ...(setAside.length ? { setAside } : {}) };

  const s = style(ctx.tty);
  const out: string[] = [];
  out.push(`${project.stories.length} ${project.stories.length === 1 ? "story" : "stories"} in ${project.dirs.join(", ") || "(no story folder found)"}`);
  out.push(...renderFolderReport(folders, s, ctx.tty));
  if (skipped.length > 0) {
    out.push("", s.bold(`Skipped (${skipped.length}, not stories)`));
    for (const line of table(skipped.map((f) => [f.path, f.reason]))) out.push(`  ${s.dim(line)}`);
  }
  if (setAside.length > 0) {
    out.push("", s.bold(`Set aside (${setAside.length}: plan and next run the rest without them)`));
    for (const line of table(setAside.map((a) => [a.id, a.line === undefined ? a.file : `${a.file}:${a.line}`, a.reason]))) out.push(`  ${line}`);
  }
  const diags = renderDiagnostics({ errors, warnings }, ctx.tty);
  out.push("", diags === "" ? s.green("No problems found.") : diags.trimEnd());
  const next = errors.length > 0 ? `fix the errors above, then ${command("validate")} again` : `${command("plan")} shows the waves, the critical path and each story's agent`;
  return { exitCode: errors.length > 0 ? 1 : 0, json, human: out.join("\n") + "\n" + nextText([next]) };
};
