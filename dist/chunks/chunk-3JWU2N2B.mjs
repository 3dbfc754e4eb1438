import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  sortDiags
} from "./chunk-43TV4QD6.mjs";

// lib/cli/render/style.ts
var sgr = (open, close) => (s) => `\x1B[${open}m${s}\x1B[${close}m`;
var plain = (s) => s;
function style(tty) {
  if (!tty) return { bold: plain, dim: plain, red: plain, yellow: plain, green: plain, cyan: plain };
  return { bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), yellow: sgr(33, 39), green: sgr(32, 39), cyan: sgr(36, 39) };
}
function truncate(s, width) {
  const chars = [...s];
  return chars.length <= width ? s : `${chars.slice(0, Math.max(0, width - 1)).join("")}\u2026`;
}
function table(rows, paint) {
  const widths = [];
  for (const r of rows) r.forEach((c, i) => widths[i] = Math.max(widths[i] ?? 0, [...c].length));
  return rows.map(
    (r, ri) => r.map((c, ci) => {
      const padded = ci === r.length - 1 ? c : c + " ".repeat((widths[ci] ?? 0) - [...c].length);
      return paint ? paint(ri, ci, padded) : padded;
    }).join("  ").trimEnd()
  );
}

// lib/cli/render/diagnostics.ts
function renderDiagnostics({ errors, warnings }, tty) {
  const s = style(tty);
  const out = [];
  const section = (title, list, paint) => {
    if (list.length === 0) return;
    if (out.length > 0) out.push("");
    out.push(s.bold(paint(`${title} (${list.length})`)));
    const sorted = sortDiags(list);
    const rows = sorted.map((d) => [location(d), d.code, d.message]);
    const lines = table(rows, (_r, c, cell) => c === 1 ? paint(cell) : c === 0 ? s.dim(cell) : cell);
    lines.forEach((line, i) => {
      if (i > 0 && (sorted[i]?.file ?? "") !== (sorted[i - 1]?.file ?? "")) out.push("");
      out.push(`  ${line}`);
    });
  };
  section(errors.length === 1 ? "Error" : "Errors", errors, s.red);
  section(warnings.length === 1 ? "Warning" : "Warnings", warnings, s.yellow);
  return out.length === 0 ? "" : out.join("\n") + "\n";
}
function location(d) {
  if (d.file === void 0) return "(project)";
  return d.line === void 0 ? d.file : `${d.file}:${d.line}`;
}

export {
  style,
  truncate,
  table,
  renderDiagnostics
};
