import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  style,
  table
} from "./chunk-TWZUDMQ5.mjs";
import {
  sortDiags
} from "./chunk-43TV4QD6.mjs";

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
  renderDiagnostics
};
