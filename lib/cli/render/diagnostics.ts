// The one printer for diagnostics, used by every verb: errors then warnings, each grouped
// by file in a stable order, one line per diagnostic: `path:line  code  message`.
import { sortDiags } from "../../core/diagnostics.js";
import type { Diag } from "../../core/diagnostics.js";
import { style, table } from "./style.js";

export interface DiagnosticsInput {
  errors: readonly Diag[];
  warnings: readonly Diag[];
}

/** Human text for the diagnostics; "" when there are none. */
export function renderDiagnostics({ errors, warnings }: DiagnosticsInput, tty: boolean): string {
  const s = style(tty);
  const out: string[] = [];
  const section = (title: string, list: readonly Diag[], paint: (t: string) => string) => {
    if (list.length === 0) return;
    if (out.length > 0) out.push("");
    out.push(s.bold(paint(`${title} (${list.length})`)));
    const sorted = sortDiags(list);
    const rows = sorted.map((d) => [location(d), d.code, d.message]);
    const lines = table(rows, (_r, c, cell) => (c === 1 ? paint(cell) : c === 0 ? s.dim(cell) : cell));
    // A blank line between files keeps the groups apart without repeating headers.
    lines.forEach((line, i) => {
      if (i > 0 && (sorted[i]?.file ?? "") !== (sorted[i - 1]?.file ?? "")) out.push("");
      out.push(`  ${line}`);
    });
  };
  section(errors.length === 1 ? "Error" : "Errors", errors, s.red);
  section(warnings.length === 1 ? "Warning" : "Warnings", warnings, s.yellow);
  return out.length === 0 ? "" : out.join("\n") + "\n";
}

function location(d: Diag): string {
  if (d.file === undefined) return "(project)";
  return d.line === undefined ? d.file : `${d.file}:${d.line}`;
}
