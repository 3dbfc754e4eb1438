import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  nextText
} from "./chunk-HMC5CVHI.mjs";
import {
  rejectUnknownOptions
} from "./chunk-D6AISK4I.mjs";
import {
  renderDiagnostics,
  style,
  table,
  truncate
} from "./chunk-S74CJSP5.mjs";
import {
  engineStatus
} from "./chunk-EG7KQHPQ.mjs";
import "./chunk-RPVWIPJZ.mjs";
import {
  readAllStoryStates
} from "./chunk-A73OOLFP.mjs";
import {
  EXPAND_PREFIX,
  buildPlan,
  planCanRun
} from "./chunk-TA7IOGVC.mjs";
import "./chunk-UXYV742O.mjs";
import {
  command
} from "./chunk-F5LBCNN2.mjs";
import "./chunk-2BJZUZ65.mjs";
import "./chunk-2JM6FW5P.mjs";
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
import {
  compareIds
} from "./chunk-KNNDJYLI.mjs";
import "./chunk-EFR3LY5V.mjs";
import "./chunk-EGEKWWZA.mjs";

// lib/cli/render/plan.ts
var TITLE_WIDTH = 38;
function renderPlan(plan, maxParallel, tty) {
  const s = style(tty);
  const out = [];
  const byId = /* @__PURE__ */ new Map();
  for (const st of plan.stories) byId.set(st.id, st);
  const rows = [["Wave", "Story", "Title", "Agent", "Why this agent", "Depends on"]];
  const waveOf = [];
  plan.waves.forEach((wave, w) => {
    for (const id of wave) {
      waveOf.push(w);
      const st = byId.get(id);
      if (st) rows.push([String(w), st.id, truncate(st.title, TITLE_WIDTH), st.agent, st.agentReason, deps(st)]);
    }
  });
  if (waveOf.length > 0) {
    const lines = table(rows, (r, c, cell) => r === 0 ? s.bold(cell) : c === 3 ? s.cyan(cell) : c === 0 ? s.dim(cell) : cell);
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
  if (plan.setAside.length > 0) {
    if (out.length > 0) out.push("");
    out.push(s.bold(s.yellow(`Set aside (${plan.setAside.length}, not run until their files are fixed)`)));
    const rows2 = plan.setAside.map((a) => [a.id, a.line === void 0 ? a.file : `${a.file}:${a.line}`, a.reason]);
    for (const line of table(rows2, (_r, c, cell) => c === 1 ? s.dim(cell) : cell)) out.push(`  ${line}`);
  }
  const noFile = plan.stories.filter((st) => st.placeholder && st.status !== "Done");
  if (noFile.length > 0) {
    if (out.length > 0) out.push("");
    out.push(s.bold(`No story file yet (${noFile.length}, not run until one is written)`));
    for (const line of table(noFile.map((st) => [st.id, truncate(st.title, TITLE_WIDTH), st.status]))) out.push(`  ${s.dim(line)}`);
  }
  if (plan.criticalPath.length > 0) {
    out.push("", `${s.bold("Critical path:")} ${plan.criticalPath.join(" \u2192 ")}`);
  }
  if (plan.stories.length > 0) {
    const widest = plan.waves.reduce((m, w) => Math.max(m, w.length), 0);
    const cap = widest > maxParallel ? ` (maxParallel caps it at ${maxParallel})` : "";
    out.push(
      "",
      `${count(plan.stories.length, "story", "stories")}, ${count(plan.waves.length, "wave", "waves")}, max parallelism ${widest}${cap}`
    );
  }
  if (plan.outOfScope.length > 0) {
    const needs = /* @__PURE__ */ new Map();
    for (const { story, dependsOn } of plan.outOfScope) needs.set(story, [...needs.get(story) ?? [], dependsOn]);
    const missing = expansion(plan);
    const where = /* @__PURE__ */ new Map();
    for (const d of plan.warnings) {
      if (d.code !== "out-of-scope-dependency" || d.file === void 0) continue;
      where.set(d.message.slice(0, d.message.indexOf(" ")), d.line === void 0 ? d.file : `${d.file}:${d.line}`);
    }
    out.push("", s.bold(s.yellow("Dependencies outside the scope that are not done:")));
    const rows2 = [...needs].map(([story, on]) => [`${story} needs ${on.join(", ")}`, where.get(story) ?? byId.get(story)?.path ?? ""]);
    for (const line of table(rows2, (_r, c, cell) => c === 1 ? s.dim(cell) : cell)) out.push(`  ${line}`);
    out.push(
      "Choose:",
      `  1. expand the scope to include ${missing.join(", ")}`,
      `  2. skip ${needs.size === 1 ? "story" : "stories"} ${[...needs.keys()].join(", ")}`,
      "  3. cancel"
    );
  }
  const diags = renderDiagnostics({ errors: plan.errors, warnings: plan.warnings.filter((d) => d.code !== "out-of-scope-dependency") }, tty);
  if (diags !== "") out.push("", diags.trimEnd());
  return out.join("\n").replace(/^\n+/, "") + "\n";
}
function expansion(plan) {
  const ids = new Set(plan.outOfScope.map((o) => o.dependsOn));
  for (const d of plan.warnings) {
    if (d.code !== "out-of-scope-dependency") continue;
    const at = d.message.indexOf(EXPAND_PREFIX);
    const end = d.message.indexOf(", skip ", at);
    if (at < 0 || end < 0) continue;
    for (const id of d.message.slice(at + EXPAND_PREFIX.length, end).split(", ")) ids.add(id);
  }
  return [...ids].sort(compareIds);
}
function deps(st) {
  return st.dependencies.length === 0 ? "-" : st.dependencies.join(", ");
}
function count(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

// lib/cli/verbs/plan.ts
var planVerb = async (ctx) => {
  const bad = rejectUnknownOptions("plan", ctx.args, ["scope"], "plan [SCOPE...] [--scope SCOPE] [--json] [--cwd DIR]");
  if (bad) return bad;
  const scope = [...ctx.args.positionals, ...ctx.args.scopes];
  const project = await loadProject(ctx.root);
  const states = await readAllStoryStates(ctx.root);
  const statuses = !states.ok ? void 0 : states.value.size === 0 ? (story) => engineStatus(story, void 0) : (story, key) => engineStatus(story, states.value.get(key));
  const built = buildPlan({ stories: project.stories, config: project.config, scope, statuses });
  const plan = {
    stories: built.stories,
    waves: built.waves,
    criticalPath: built.criticalPath,
    warnings: mergeDiags(project.warnings, built.warnings),
    errors: mergeDiags(project.errors, built.errors, states.ok ? [] : states.error),
    outOfScope: built.outOfScope,
    setAside: built.setAside
  };
  return {
    exitCode: planCanRun(plan) ? 0 : 1,
    json: plan,
    // main.ts prints only the JSON with --json: rendering 10,000 rows for nothing is skipped.
    human: ctx.args.json ? "" : renderPlan(plan, project.config.maxParallel, ctx.tty) + nextText([planNext(plan, scope)])
  };
};
function planNext(plan, scope) {
  if (!planCanRun(plan)) return `fix the errors above (${command("validate")} lists every problem), then plan again`;
  if (plan.outOfScope.length) return "choose above: expand the scope, skip the stories that need what is outside it, or cancel";
  if (plan.waves.length === 0) return `nothing to run: every story in scope is done (${command("status")} shows the run)`;
  const terms = scope.map((t) => /^[\w.,:*-]+$/.test(t) && !t.includes("*") ? t : `'${t.replace(/'/g, "")}'`);
  const rest = plan.setAside.length ? ` (without the ${plan.setAside.length} set aside until their files are fixed)` : "";
  return `${command("next", ...terms.length ? terms : ["'*'"])} records this scope as the run's and lists the stories that may start${rest}`;
}
export {
  planVerb
};
