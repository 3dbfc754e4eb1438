// The timeline (one row per story, a bar per phase) and the concurrency chart under it, as SVG
// strings on one time axis, so parallel work shows as bars stacked in the same columns.
import type { RunReport, StoryReport } from "../run-report-types.js";
import { OUTCOME_COLOUR, OUTCOME_LABEL, PHASE_LABEL, PHASE_STYLE } from "./colours.js";
import { clip, esc } from "./escape.js";
import { fmtMs, fmtTick, tickStep } from "./format.js";

const W = 1100;
const LABEL_W = 250;
const RIGHT = 30;
const ROW = 26;
const AXIS = 28;

export interface TimeAxis {
  t0: number;
  t1: number;
  x: (t: number) => number;
}

export function timeAxis(r: RunReport): TimeAxis {
  const ends = r.stories.flatMap((s) => s.phases.map((p) => p.end));
  const t0 = r.startedAt ?? r.generatedAt;
  const t1 = Math.max(t0 + 1000, r.endedAt ?? t0, ...ends);
  const x = (t: number) => LABEL_W + ((t - t0) / (t1 - t0)) * (W - LABEL_W - RIGHT);
  return { t0, t1, x };
}

/** "+1m 05s" from the run's start. */
const rel = (a: TimeAxis, t: number) => `+${fmtMs(Math.max(0, t - a.t0))}`;

function ticks(a: TimeAxis, top: number, bottom: number): string {
  const step = tickStep(a.t1 - a.t0);
  const out: string[] = [];
  for (let t = 0; a.t0 + t <= a.t1; t += step) {
    const x = a.x(a.t0 + t).toFixed(1);
    out.push(`<line x1="${x}" y1="${top}" x2="${x}" y2="${bottom}" class="grid"/>`, `<text x="${x}" y="${top - 8}" class="tick" text-anchor="middle">${esc(t === 0 ? "0" : fmtTick(t))}</text>`);
  }
  return out.join("");
}

function row(a: TimeAxis, s: StoryReport, i: number): string {
  const y = AXIS + i * ROW;
  const colour = OUTCOME_COLOUR[s.outcome];
  const out = [
    `<g class="row" data-story="${esc(s.id)}">`,
    i % 2 ? `<rect x="0" y="${y}" width="${W}" height="${ROW}" class="stripe"/>` : "",
    `<rect x="0" y="${y + 3}" width="5" height="${ROW - 6}" fill="${colour}"><title>${esc(OUTCOME_LABEL[s.outcome])}</title></rect>`,
    `<text x="12" y="${y + ROW / 2 + 4}" class="label"><tspan class="sid">${clip(s.id, 14)}</tspan> ${clip(s.title, 30)}<title>${esc(`${s.id} ${s.title}`)}</title></text>`,
  ];
  for (const p of s.phases) {
    const st = PHASE_STYLE[p.kind];
    const h = st.thin ? 6 : 16;
    const x = a.x(p.start);
    const w = Math.max(2, a.x(p.end) - x);
    const what = `${PHASE_LABEL[p.kind]}${p.round ? ` ${p.round}` : ""}${p.open ? " (under way)" : ""}`;
    const tip = `${s.id}: ${what}, ${fmtMs(p.end - p.start)} (${rel(a, p.start)} to ${rel(a, p.end)})`;
    const stroke = st.thin ? "" : ` stroke="${colour}" stroke-width="1.2"`;
    out.push(`<rect x="${x.toFixed(1)}" y="${(y + (ROW - h) / 2).toFixed(1)}" width="${w.toFixed(1)}" height="${h}" rx="2" fill="${st.fill}"${stroke} class="bar bar-${p.kind}"><title>${esc(tip)}</title></rect>`);
    if (p.kind === "fix-round" && w > 22) out.push(`<text x="${(x + w / 2).toFixed(1)}" y="${y + ROW / 2 + 4}" class="barlabel" text-anchor="middle">F${p.round ?? ""}</text>`);
  }
  const worked = s.phases.filter((p) => p.kind !== "ready");
  if (worked.length && (s.outcome === "merged" || s.outcome === "failed")) {
    const end = a.x(Math.max(...worked.map((p) => p.end)));
    out.push(`<text x="${(end + 4).toFixed(1)}" y="${y + ROW / 2 + 5}" class="mark" fill="${colour}">${s.outcome === "merged" ? "✓" : "✕"}</text>`);
  }
  if (!worked.length && s.reason) out.push(`<text x="${LABEL_W + 6}" y="${y + ROW / 2 + 4}" class="why">${clip(s.reason, 110)}</text>`);
  else if (!worked.length && !s.phases.length) out.push(`<text x="${LABEL_W + 6}" y="${y + ROW / 2 + 4}" class="why">${esc(OUTCOME_LABEL[s.outcome])}</text>`);
  out.push("</g>");
  return out.join("");
}

export function timelineSvg(r: RunReport): string {
  const a = timeAxis(r);
  const h = AXIS + r.stories.length * ROW + 6;
  const body = r.stories.map((s, i) => row(a, s, i)).join("");
  return `<svg class="timeline" viewBox="0 0 ${W} ${h}" width="100%" role="img" aria-label="Timeline of the run's stories">${ticks(a, AXIS, h - 4)}${body}</svg>`;
}

/** Stories started and not finished over time, with the maxParallel cap dashed. */
export function concurrencySvg(r: RunReport): string {
  const a = timeAxis(r);
  const series = r.analytics.concurrency;
  const top = Math.max(1, r.maxParallel, r.analytics.peakConcurrency);
  const H = 130;
  const y0 = H - 22;
  const yTop = 24;
  const y = (n: number) => y0 - (n / top) * (y0 - yTop);
  const pts: string[] = [];
  series.forEach((p, i) => {
    const next = series[i + 1]?.t ?? r.endedAt ?? p.t;
    pts.push(`${a.x(p.t).toFixed(1)},${y(p.n).toFixed(1)}`, `${a.x(next).toFixed(1)},${y(p.n).toFixed(1)}`);
  });
  const area = pts.length ? `<polygon points="${a.x(series[0]!.t).toFixed(1)},${y0} ${pts.join(" ")} ${pts[pts.length - 1]!.split(",")[0]},${y0}" class="conc"/>` : "";
  const yTicks: string[] = [];
  const every = Math.max(1, Math.ceil(top / 4));
  for (let n = 0; n <= top; n += every) yTicks.push(`<text x="${LABEL_W - 8}" y="${y(n) + 4}" class="tick" text-anchor="end">${n}</text><line x1="${LABEL_W}" y1="${y(n)}" x2="${W - RIGHT}" y2="${y(n)}" class="grid"/>`);
  const cap = `<line x1="${LABEL_W}" y1="${y(r.maxParallel)}" x2="${W - RIGHT}" y2="${y(r.maxParallel)}" class="cap"/><text x="${W - RIGHT}" y="${y(r.maxParallel) - 5}" class="tick" text-anchor="end">maxParallel ${r.maxParallel}</text>`;
  const label = `<text x="12" y="${(yTop + y0) / 2 + 4}" class="label">stories running</text>`;
  return `<svg class="concurrency" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="Achieved concurrency over time">${yTicks.join("")}${area}${cap}${label}</svg>`;
}
