import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  sortDiags
} from "./chunk-EFR3LY5V.mjs";

// lib/cli/render/style.ts
var sgr = (open, close) => (s) => `\x1B[${open}m${s}\x1B[${close}m`;
var plain = (s) => s;
function style(tty) {
  if (!tty) return { bold: plain, dim: plain, red: plain, yellow: plain, green: plain, cyan: plain };
  return { bold: sgr(1, 22), dim: sgr(2, 22), red: sgr(31, 39), yellow: sgr(33, 39), green: sgr(32, 39), cyan: sgr(36, 39) };
}
var OWN_SGR = String.raw`\u001b\[(?:1|2|22|31|32|33|36|39)m`;
var CONTROL = String.raw`[\u0000-\u0008\u000b-\u001f\u007f-\u009f]`;
var CONTROL_RE = new RegExp(CONTROL);
var UNSAFE_TTY_RE = new RegExp(`(${OWN_SGR})|${CONTROL}`, "g");
var UNSAFE_RE = new RegExp(CONTROL, "g");
function printable(text, tty) {
  if (!CONTROL_RE.test(text)) return text;
  return tty ? text.replace(UNSAFE_TTY_RE, (m, own) => own ?? "\uFFFD") : text.replace(UNSAFE_RE, "\uFFFD");
}
var SURROGATE_RE = /[\uD800-\uDFFF]/;
function width(s) {
  return SURROGATE_RE.test(s) ? [...s].length : s.length;
}
function truncate(s, max) {
  if (!SURROGATE_RE.test(s)) return s.length <= max ? s : `${s.slice(0, Math.max(0, max - 1))}\u2026`;
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, Math.max(0, max - 1)).join("")}\u2026`;
}
var TRAILING_SPACE_RE = /\s$/;
function table(rows, paint) {
  const widths = [];
  for (const r of rows) r.forEach((c, i) => widths[i] = Math.max(widths[i] ?? 0, width(c)));
  const spaces = [];
  const pad = (n) => spaces[n] ??= " ".repeat(n);
  return rows.map((r, ri) => {
    let line = "";
    let last = "";
    for (let ci = 0; ci < r.length; ci++) {
      const c = r[ci];
      const padded = ci === r.length - 1 ? c : c + pad((widths[ci] ?? 0) - width(c));
      last = paint ? paint(ri, ci, padded) : padded;
      line = ci === 0 ? last : line + "  " + last;
    }
    return last === "" || TRAILING_SPACE_RE.test(last) ? line.trimEnd() : line;
  });
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
  printable,
  truncate,
  table,
  renderDiagnostics
};
