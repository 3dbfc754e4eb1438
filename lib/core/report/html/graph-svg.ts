// The dependency graph as SVG, laid out by dagre (layered: dependencies left of what waits for
// them) when the report is made, so the file needs no script to show it. Stories are coloured
// by outcome; the critical path is drawn thick; set-aside and blocked stories are dashed and
// carry their reason (a tooltip here, a list beside the graph in the page).
import dagre, { type Edge } from "@dagrejs/dagre";
import type { RunReport, StoryReport } from "../run-report-types.js";
import { OUTCOME_COLOUR, OUTCOME_LABEL } from "./colours.js";
import { clip, esc } from "./escape.js";

const NODE_W = 176;
const NODE_H = 46;
/** Beyond this many stories a layered drawing is unreadable (and slow to lay out): the table and timeline still list them. */
export const GRAPH_LIMIT = 400;

interface Laid {
  width: number;
  height: number;
  nodes: Map<string, { x: number; y: number }>;
  edges: { from: string; to: string; points: { x: number; y: number }[] }[];
}

function layout(stories: readonly StoryReport[]): Laid {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: "LR", nodesep: 16, ranksep: 56, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  const ids = new Set(stories.map((s) => s.id));
  for (const s of stories) g.setNode(s.id, { width: NODE_W, height: NODE_H });
  for (const s of stories) for (const d of s.dependencies) if (ids.has(d)) g.setEdge(d, s.id);
  dagre.layout(g);
  const nodes = new Map<string, { x: number; y: number }>();
  for (const id of g.nodes()) {
    const n = g.node(id);
    nodes.set(id, { x: n.x, y: n.y });
  }
  const edges = g.edges().map((e: Edge) => ({ from: e.v, to: e.w, points: g.edge(e).points ?? [] }));
  const gl = g.graph();
  return { width: gl.width ?? 0, height: gl.height ?? 0, nodes, edges };
}

const num = (x: number) => x.toFixed(1);

export function graphSvg(r: RunReport): string {
  if (!r.stories.length) return `<p class="muted">No stories in this run.</p>`;
  if (r.stories.length > GRAPH_LIMIT) return `<p class="muted">${r.stories.length} stories: too many to draw (the limit is ${GRAPH_LIMIT}); the table below lists each with its dependencies.</p>`;
  const laid = layout(r.stories);
  const path = r.criticalPath;
  const onPathEdge = new Set(path.slice(1).map((id, i) => `${path[i]}→${id}`));
  const byId = new Map(r.stories.map((s) => [s.id, s]));
  const edges = laid.edges.map((e) => {
    const d = e.points.map((p, i) => `${i ? "L" : "M"}${num(p.x)},${num(p.y)}`).join(" ");
    const crit = onPathEdge.has(`${e.from}→${e.to}`);
    return `<path d="${d}" class="edge${crit ? " crit" : ""}" marker-end="url(#${crit ? "arrow-crit" : "arrow"})"><title>${esc(`${e.to} depends on ${e.from}`)}</title></path>`;
  });
  const nodes = [...laid.nodes].map(([id, p]) => {
    const s = byId.get(id)!;
    const colour = OUTCOME_COLOUR[s.outcome];
    const dashed = s.outcome === "set-aside" || s.outcome === "blocked";
    const x = p.x - NODE_W / 2;
    const y = p.y - NODE_H / 2;
    const tip = [`${s.id} ${s.title}`, `${s.status} (${OUTCOME_LABEL[s.outcome]})`, s.reason ? `Why: ${s.reason}` : "", s.onCriticalPath ? "On the critical path" : ""].filter(Boolean).join("\n");
    const cls = `node${s.onCriticalPath ? " crit" : ""}${dashed ? " dashed" : ""}`;
    return [
      `<g class="${cls}" data-story="${esc(s.id)}"><title>${esc(tip)}</title>`,
      `<rect x="${num(x)}" y="${num(y)}" width="${NODE_W}" height="${NODE_H}" rx="6" fill="${colour}" fill-opacity="0.18" stroke="${colour}"/>`,
      `<rect x="${num(x)}" y="${num(y)}" width="6" height="${NODE_H}" rx="2" fill="${colour}"/>`,
      `<text x="${num(x + 14)}" y="${num(y + 18)}" class="nid">${clip(s.id, 18)}${s.onCriticalPath ? ` <tspan class="critmark">★ critical</tspan>` : ""}</text>`,
      `<text x="${num(x + 14)}" y="${num(y + 35)}" class="ntitle">${clip(s.title, 24)}</text>`,
      `</g>`,
    ].join("");
  });
  const defs = `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#888"/></marker><marker id="arrow-crit" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#222"/></marker></defs>`;
  const w = Math.ceil(laid.width);
  const h = Math.ceil(laid.height);
  return `<svg class="graph" viewBox="0 0 ${w} ${h}" width="${w}" style="max-width:100%;height:auto" role="img" aria-label="Dependency graph">${defs}${edges.join("")}${nodes.join("")}</svg>`;
}
