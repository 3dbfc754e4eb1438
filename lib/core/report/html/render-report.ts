// RunReport → one self-contained HTML page: inline CSS and SVG, no script, nothing fetched, so it
// opens from disk and can be attached to a pull request. `live` (the dashboard serving the same
// page) adds one inline script that follows the dashboard's event stream (live-script.ts), and
// says so. Every text from users' files goes through esc()/clip().
import { SEVERITIES } from "../../config/vocabulary.js";
import { PHASE_KINDS, type Outcome, type RunReport, type StoryReport, type Wait } from "../run-report-types.js";
import { OUTCOME_COLOUR, OUTCOME_LABEL, PHASE_LABEL, PHASE_STYLE } from "./colours.js";
import { esc } from "./escape.js";
import { fmtInt, fmtMs, fmtPct, fmtTime, fmtUsd } from "./format.js";
import { graphSvg } from "./graph-svg.js";
import { htmlPage, pageHeading, TITLE, type LiveOptions } from "./page.js";
import { concurrencySvg, timelineSvg } from "./timeline-svg.js";

export type { LiveOptions };

export interface RenderOptions {
  /** Served by `story-orchestrator dashboard`: the page follows the run (absent: the static report.html). */
  live?: LiveOptions;
}

const WAIT_LABEL: Record<Wait["kind"], string> = { review: "for review", merge: "for merge", dependency: "for a dependency", start: "to start (ready)" };

const dash = "–";

function chip(o: Outcome, n?: number): string {
  return `<span class="chip" style="--c:${OUTCOME_COLOUR[o]}"><i></i>${esc(OUTCOME_LABEL[o])}${n !== undefined ? ` <b>${n}</b>` : ""}</span>`;
}

function header(r: RunReport, live: boolean): string {
  const a = r.analytics;
  const counts = (Object.keys(OUTCOME_COLOUR) as Outcome[]).filter((o) => r.totals.byOutcome[o]).map((o) => chip(o, r.totals.byOutcome[o]));
  const facts = [
    `${r.stories.length} ${r.stories.length === 1 ? "story" : "stories"}`,
    r.headless ? "headless run (story-orchestrator run)" : "interactive run",
    `maxParallel ${r.maxParallel}`,
    r.strict ? "strict mode" : "strict mode off",
    r.integrationBranch ? `into ${esc(r.integrationBranch)}` : "",
    r.startedAt !== null ? `started ${esc(fmtTime(r.startedAt))}` : "not started",
    a.makespanMs ? `makespan ${esc(fmtMs(a.makespanMs))}` : "",
    r.totals.tokens !== null ? `${esc(fmtInt(r.totals.tokens))} tokens` : "",
    r.totals.costUsd !== null ? esc(fmtUsd(r.totals.costUsd)) : "",
  ].filter(Boolean);
  const made = `Made ${esc(fmtTime(r.generatedAt))} by <code>story-orchestrator ${live ? "dashboard" : "summary"}</code>${live ? "; it follows the run as it goes" : ""}.`;
  return `<header>${pageHeading(TITLE, live)}<p class="facts">${facts.join(" · ")}</p><p>${counts.join(" ")}</p><p class="muted">${made}</p></header>`;
}

/** `live`: the run goes on, so the verdict is about the run so far (a young run may still start more stories). */
function serialBanner(r: RunReport, live: boolean): string {
  const s = r.analytics.serial;
  if (s.ranSerially) {
    const why = s.reason ? `Reason: ${esc(s.reason)}.` : "The engine does not know why: the ready stories were not started beside the active one (an orchestrator that started one story at a time?).";
    return `<div class="banner warn" id="ran-serially"><b>${live ? "Serial so far." : "Ran serially."}</b> Concurrency never rose above 1, though other stories were ready for ${esc(fmtMs(s.serialMs))} of the run${live ? " so far" : ""}. ${why}</div>`;
  }
  if (r.analytics.peakConcurrency > 1) return `<div class="banner ok"><b>${live ? "Parallel so far" : "Ran in parallel"}:</b> up to ${r.analytics.peakConcurrency} stories at once (mean ${r.analytics.meanConcurrency.toFixed(2)}).</div>`;
  return "";
}

function legend(): string {
  const phases = PHASE_KINDS.map((k) => `<span class="key"><svg width="22" height="12"><rect x="0" y="${PHASE_STYLE[k].thin ? 3 : 0}" width="22" height="${PHASE_STYLE[k].thin ? 6 : 12}" rx="2" fill="${PHASE_STYLE[k].fill}"/></svg>${esc(PHASE_LABEL[k])}</span>`);
  const outcomes = (["merged", "failed", "running", "blocked", "set-aside"] as Outcome[]).map((o) => chip(o));
  return `<p class="legend">${phases.join("")}</p><p class="legend">Outcome (left edge, bar outline, graph): ${outcomes.join(" ")} · ✓ merged · ✕ failed</p>`;
}

function timeline(r: RunReport): string {
  const started = r.stories.some((s) => s.phases.length);
  const body = started ? `${legend()}<div class="scroll">${timelineSvg(r)}</div><h3>Achieved concurrency</h3><div class="scroll">${concurrencySvg(r)}</div>` : `<p class="muted">No story has started yet.</p>`;
  return `<section id="timeline"><h2>Timeline</h2><p class="muted">One row per story, time from the first start; hover a bar for its phase and times. Bars in the same column ran at the same time.</p>${body}</section>`;
}

function graph(r: RunReport): string {
  const notes = r.stories.filter((s) => s.outcome === "set-aside" || s.outcome === "blocked" || s.outcome === "failed");
  const list = notes.length
    ? `<h3>Not run, and why</h3><ul class="reasons">${notes.map((s) => `<li>${chip(s.outcome)} <b>${esc(s.id)}</b> ${esc(s.title)}: ${esc(s.reason ?? (s.outcome === "blocked" ? `waits for a failed dependency (${s.dependencies.join(", ")})` : "no reason recorded"))}</li>`).join("")}</ul>`
    : "";
  const path = r.criticalPath.length ? `<p>Critical path (drawn thick, ★): ${r.criticalPath.map((id) => `<b>${esc(id)}</b>`).join(" → ")}</p>` : "";
  return `<section id="graph"><h2>Dependency graph</h2><p class="muted">An arrow points from a dependency to the story that waits for it; colours are outcomes.</p>${path}<div class="scroll">${graphSvg(r)}</div>${list}</section>`;
}

function storyRow(s: StoryReport): string {
  // One column for the findings (critical, high, medium, low), only the severities found: the
  // table must fit a laptop screen without scrolling.
  const found = SEVERITIES.filter((sev) => s.findings[sev] > 0).map((sev) => `<span class="sev-${sev.toLowerCase()}" title="${esc(sev)}">${s.findings[sev]} ${esc(sev.toLowerCase())}</span>`);
  const findings = `<td class="findings">${found.length ? found.join(" ") : dash}</td>`;
  const active = s.startedAt !== null ? ((s.finishedAt ?? s.phases.reduce((m, p) => Math.max(m, p.end), 0)) - s.startedAt) : null;
  return [
    `<tr data-story="${esc(s.id)}">`,
    `<td><b>${esc(s.id)}</b>${s.onCriticalPath ? ` <span class="critmark" title="on the critical path">★</span>` : ""}</td>`,
    `<td class="title">${esc(s.title)}${s.reason && s.outcome !== "merged" ? `<div class="why">${esc(s.reason)}</div>` : ""}</td>`,
    // A story in progress says where it is (Ready for Review, Approved...): that is what changes.
    `<td class="outcome" data-status="${esc(s.status)}">${chip(s.outcome)}${s.outcome === "running" && s.status !== "In Progress" ? `<div class="why">${esc(s.status)}</div>` : ""}</td>`,
    `<td class="agent">${esc(s.agent)}</td>`,
    `<td class="num">${s.attempts}</td>`,
    `<td class="num">${s.fixRounds}</td>`,
    findings,
    `<td class="num">${s.tokens !== null ? esc(fmtInt(s.tokens)) : dash}</td>`,
    `<td class="num">${s.costUsd !== null ? esc(fmtUsd(s.costUsd)) : dash}</td>`,
    `<td class="num">${active !== null ? esc(fmtMs(active)) : dash}</td>`,
    `<td class="num">${s.workMs ? esc(fmtMs(s.workMs)) : dash}</td>`,
    `<td>${s.mergedSha ? `<code title="${esc(s.mergedSha)}">${esc(s.mergedSha.slice(0, 8))}</code>` : dash}</td>`,
    `</tr>`,
  ].join("");
}

function table(r: RunReport): string {
  const head = ["Story", "Title", "Outcome", "Agent", "Attempts", "Fix rounds", "Findings", "Tokens", "Cost", "Start to end", "Work", "Merged"];
  return `<section id="stories"><h2>Stories</h2><p class="muted">Findings are counted over every review of the story, by severity. Start to end runs from the story's start to its merge or failure; work is the time in implementing, review, fix rounds and merge.</p><div class="scroll"><table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${r.stories.map(storyRow).join("")}</tbody></table></div></section>`;
}

function analytics(r: RunReport): string {
  const a = r.analytics;
  const d = r.definitions;
  const figure = (name: string, value: string, def: string, extra = "") => `<div class="figure"><div class="fname">${esc(name)}</div><div class="fvalue">${value}</div>${extra}<div class="def">${esc(def)}</div></div>`;
  const ratio = a.lowerBoundMs > 0 ? ` (${(a.makespanMs / a.lowerBoundMs).toFixed(2)}× the bound)` : "";
  const figures = [
    figure("Parallelisation efficiency", a.efficiency === null ? dash : esc(fmtPct(a.efficiency)), d.efficiency, `<div class="sub">${esc(fmtMs(a.busyMs))} busy / (${esc(fmtMs(a.makespanMs))} × ${a.maxParallel})</div>`),
    figure("Achieved concurrency", `peak ${a.peakConcurrency} · mean ${a.meanConcurrency.toFixed(2)}`, d.concurrency),
    figure("Makespan", esc(fmtMs(a.makespanMs)), d.makespan, `<div class="sub">lower bound ${esc(fmtMs(a.lowerBoundMs))}${esc(ratio)}</div>`),
    figure("Lower bound", esc(fmtMs(a.lowerBoundMs)), d.lowerBound, `<div class="sub">critical path ${esc(fmtMs(a.criticalPathMs))} · work ${esc(fmtMs(a.totalWorkMs))} / ${a.maxParallel}</div>`),
    figure("Critical path", r.criticalPath.length ? r.criticalPath.map(esc).join(" → ") : dash, d.criticalPath, `<div class="sub">${esc(fmtMs(a.criticalPathMs))} of work</div>`),
    figure("Ran serially", a.serial.ranSerially ? `<span class="bad">yes</span>` : "no", d.ranSerially, a.serial.ranSerially ? `<div class="sub">${esc(a.serial.reason ?? "reason unknown to the engine")}</div>` : ""),
  ];
  const waits = a.longestWaits.length
    ? `<table class="waits"><thead><tr><th>Story</th><th>Waited</th><th>How long</th><th>From</th><th>To</th></tr></thead><tbody>${a.longestWaits
        .map((w) => `<tr><td><b>${esc(w.storyId)}</b></td><td>${esc(WAIT_LABEL[w.kind])}</td><td class="num">${esc(fmtMs(w.ms))}</td><td class="num">+${esc(fmtMs(w.start - (r.startedAt ?? w.start)))}</td><td class="num">+${esc(fmtMs(w.end - (r.startedAt ?? w.end)))}</td></tr>`)
        .join("")}</tbody></table>`
    : `<p class="muted">No waits recorded.</p>`;
  return `<section id="analytics"><h2>Analytics</h2><div class="figures">${figures.join("")}</div><h3>Longest waits</h3><p class="def">${esc(d.waits)}</p>${waits}</section>`;
}

export function renderReportHtml(report: RunReport, opts: RenderOptions = {}): string {
  const live = opts.live !== undefined;
  const main = [header(report, live), serialBanner(report, live), timeline(report), graph(report), table(report), analytics(report)].join("\n");
  return htmlPage(TITLE, main, opts.live);
}
