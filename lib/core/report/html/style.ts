// The report's stylesheet, inlined into the page (no file beside it to lose).
export const STYLE = `
:root { color-scheme: light; --fg: #1d1d1f; --muted: #6b6b70; --line: #e3e3e6; --bg: #fbfbfc; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--fg); background: var(--bg); }
main { max-width: 1240px; margin: 0 auto; padding: 20px 24px 48px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 0 0 6px; }
h3 { font-size: 14px; margin: 16px 0 6px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 14px 16px; margin: 14px 0; }
header p { margin: 4px 0; }
.facts { color: #333; }
.muted { color: var(--muted); margin: 2px 0 10px; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.live { font-size: 12px; font-weight: 500; vertical-align: middle; background: #009e73; color: #fff; border-radius: 10px; padding: 1px 8px; }
.live[data-state="down"] { background: #d55e00; }
.chip { display: inline-flex; align-items: center; gap: 5px; border: 1px solid var(--line); border-radius: 12px; padding: 1px 8px 1px 6px; background: #fff; white-space: nowrap; font-size: 12px; }
.chip i { width: 9px; height: 9px; border-radius: 50%; background: var(--c); display: inline-block; }
.banner { border-radius: 8px; padding: 10px 14px; margin: 14px 0; }
.banner.warn { background: #fff1e6; border: 1px solid #d55e00; }
.banner.ok { background: #eaf7f2; border: 1px solid #009e73; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: center; margin: 4px 0; font-size: 12px; color: #333; }
.key { display: inline-flex; align-items: center; gap: 5px; }
.scroll { overflow-x: auto; }
svg text { font-family: inherit; }
svg .tick { font-size: 11px; fill: var(--muted); }
svg .grid { stroke: #ececef; stroke-width: 1; }
svg .stripe { fill: #f6f6f8; }
svg .label { font-size: 12px; fill: #333; }
svg .sid { font-weight: 600; }
svg .why { font-size: 11.5px; fill: var(--muted); font-style: italic; }
svg .barlabel { font-size: 10px; fill: #1d1d1f; font-weight: 600; pointer-events: none; }
svg .mark { font-size: 14px; font-weight: 700; }
svg .conc { fill: #0072b2; fill-opacity: 0.25; stroke: #0072b2; stroke-width: 1.5; }
svg .cap { stroke: #d55e00; stroke-dasharray: 5 4; stroke-width: 1.2; }
svg .edge { fill: none; stroke: #9a9aa0; stroke-width: 1.3; }
svg .edge.crit { stroke: #222; stroke-width: 2.6; }
svg .node rect:first-of-type { stroke-width: 1.5; }
svg .node.crit rect:first-of-type { stroke-width: 3; }
svg .node.dashed rect:first-of-type { stroke-dasharray: 5 3; }
svg .nid { font-size: 12.5px; font-weight: 600; fill: #1d1d1f; }
svg .ntitle { font-size: 11.5px; fill: #444; }
.critmark { color: #8a5a00; fill: #8a5a00; font-size: 10.5px; font-weight: 600; }
.reasons { margin: 4px 0; padding-left: 18px; }
.reasons li { margin: 3px 0; }
table { border-collapse: collapse; width: 100%; font-size: 12.5px; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 7px; text-align: left; vertical-align: top; }
th { font-weight: 600; color: #444; background: #f7f7f9; white-space: nowrap; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.title { min-width: 200px; }
td.findings { white-space: nowrap; }
td.findings span + span { margin-left: 6px; }
td.agent { white-space: nowrap; }
td .why { color: var(--muted); font-size: 12px; }
.sev-critical, .sev-high { color: #b03a00; font-weight: 700; }
.sev-medium { color: #8a5a00; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); gap: 10px; }
.figure { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.fname { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: .03em; }
.fvalue { font-size: 20px; font-weight: 600; margin: 2px 0; }
.sub { font-size: 12.5px; color: #333; }
.def { font-size: 12px; color: var(--muted); margin-top: 6px; }
.bad { color: #d55e00; }
table.waits { width: auto; min-width: 520px; }
`;
