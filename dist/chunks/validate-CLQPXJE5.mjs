import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  nextText
} from "./chunk-HMC5CVHI.mjs";
import {
  rejectUnknownOptions,
  usage
} from "./chunk-D6AISK4I.mjs";
import {
  printable,
  renderDiagnostics,
  style,
  table
} from "./chunk-S74CJSP5.mjs";
import {
  analyzeProject
} from "./chunk-TA7IOGVC.mjs";
import {
  command
} from "./chunk-F5LBCNN2.mjs";
import "./chunk-VVU4VAXQ.mjs";
import "./chunk-WXMZ5N7V.mjs";
import {
  loadProject,
  mergeDiags
} from "./chunk-ZP7QG5VT.mjs";
import "./chunk-R2CKZ2VR.mjs";
import "./chunk-P7BITJDN.mjs";
import "./chunk-6MSOW3YD.mjs";
import "./chunk-R7PRS5ZI.mjs";
import "./chunk-T7SK64FE.mjs";
import "./chunk-IWUPKGEU.mjs";
import "./chunk-DJAYH52C.mjs";
import "./chunk-KS6NXHCE.mjs";
import "./chunk-JHRD7746.mjs";
import "./chunk-YFTCM4W6.mjs";
import "./chunk-WOOHVJRX.mjs";
import "./chunk-KNNDJYLI.mjs";
import "./chunk-EFR3LY5V.mjs";
import "./chunk-EGEKWWZA.mjs";

// lib/cli/render/story-folders.ts
function folderReport(folders, skipped, storyPaths) {
  const counts = new Map(folders.map((f) => [f.path, 0]));
  const byLength = [...folders].sort((a, b) => b.path.length - a.path.length);
  for (const p of storyPaths) {
    const home = byLength.find((f) => f.path === "." || p.startsWith(`${f.path}/`));
    if (home) counts.set(home.path, (counts.get(home.path) ?? 0) + 1);
  }
  return { read: folders.map((f) => ({ ...f, stories: counts.get(f.path) ?? 0 })), skipped: [...skipped] };
}
function renderFolderReport(report, s, tty) {
  const out = [];
  if (report.read.length === 0) return out;
  out.push("", s.bold("Story folders read"));
  const rows = report.read.map((f) => [printable(f.path, tty), `${f.stories} ${f.stories === 1 ? "story" : "stories"}`, printable(f.reason, tty)]);
  for (const line of table(rows)) out.push(`  ${line}`);
  if (report.skipped.length > 0) {
    out.push("", s.bold(`Folders not read (${report.skipped.length})`));
    for (const line of table(report.skipped.map((f) => [printable(f.path, tty), f.reason]))) out.push(`  ${s.dim(line)}`);
  }
  return out;
}

// lib/cli/verbs/validate.ts
var LINE = "validate [--json] [--cwd DIR]";
var validateVerb = async (ctx) => {
  const bad = rejectUnknownOptions("validate", ctx.args, [], LINE);
  if (bad) return bad;
  if (ctx.args.positionals.length > 0) {
    return usage(`validate: takes no arguments (got ${ctx.args.positionals.join(" ")}); it checks the whole project`, LINE);
  }
  const project = await loadProject(ctx.root);
  const analysis = analyzeProject(project.stories, project.config);
  const graph = analysis.diagnostics;
  const errors = mergeDiags(project.errors, graph.filter((d) => d.severity === "error").map((d) => d.diag));
  const warnings = mergeDiags(project.warnings, graph.filter((d) => d.severity !== "error").map((d) => d.diag));
  const skipped = project.skipped.map(({ path, reason }) => ({ path, reason }));
  const folders = folderReport(project.folders, project.skippedFolders, project.stories.map((st) => st.path));
  const setAside = [...analysis.setAside.values()];
  const json = { errors, warnings, skipped, stories: project.stories.length, folders, ...setAside.length ? { setAside } : {} };
  const s = style(ctx.tty);
  const out = [];
  out.push(`${project.stories.length} ${project.stories.length === 1 ? "story" : "stories"} in ${project.dirs.join(", ") || "(no story folder found)"}`);
  out.push(...renderFolderReport(folders, s, ctx.tty));
  if (skipped.length > 0) {
    out.push("", s.bold(`Skipped (${skipped.length}, not stories)`));
    for (const line of table(skipped.map((f) => [f.path, f.reason]))) out.push(`  ${s.dim(line)}`);
  }
  if (setAside.length > 0) {
    out.push("", s.bold(`Set aside (${setAside.length}: plan and next run the rest without them)`));
    for (const line of table(setAside.map((a) => [a.id, a.line === void 0 ? a.file : `${a.file}:${a.line}`, a.reason]))) out.push(`  ${line}`);
  }
  const diags = renderDiagnostics({ errors, warnings }, ctx.tty);
  out.push("", diags === "" ? s.green("No problems found.") : diags.trimEnd());
  const next = errors.length > 0 ? `fix the errors above, then ${command("validate")} again` : `${command("plan")} shows the waves, the critical path and each story's agent`;
  return { exitCode: errors.length > 0 ? 1 : 0, json, human: out.join("\n") + "\n" + nextText([next]) };
};
export {
  validateVerb
};
