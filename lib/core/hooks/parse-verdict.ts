// Reads a reviewer's final message (agents/*-reviewer.md define the shape):
//   REVIEW VERDICT / Story: <id> / Head: <sha> / Verdict: APPROVED | CHANGES REQUESTED /
//   Findings: / - [SEVERITY] path:line - text
// An answer that cannot be read is not an approval: the caller records it as changes
// requested and tells the model why.
import type { Severity } from "../config/vocabulary.js";
import { err, ok, type Result } from "../diagnostics.js";

export interface ParsedFinding {
  severity: Severity;
  file?: string;
  line?: number;
  message: string;
}

export interface ParsedVerdict {
  verdict: "approved" | "changes-requested";
  story?: string;
  head?: string;
  findings: ParsedFinding[];
}

const FINDING = /^[-*]\s*\[?(CRITICAL|HIGH|MEDIUM|LOW)\]?:?\s*(?:`?([^\s`:]+?):(\d+)`?)?\s*(?:[-–—:]\s*)?(.*)$/i;

export function parseVerdict(text: string, blocking: readonly Severity[]): Result<ParsedVerdict, string> {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const vLines = lines.map((l) => /^\**Verdict\**:\s*\**\s*(APPROVED|CHANGES[ _-]REQUESTED)\b/i.exec(l)).filter((m) => m !== null);
  if (vLines.length === 0) return err('no "Verdict: APPROVED" or "Verdict: CHANGES REQUESTED" line');
  const kinds = new Set(vLines.map((m) => ((m[1] as string).toUpperCase().startsWith("APPROVED") ? "approved" : "changes-requested")));
  if (kinds.size > 1) return err("the answer gives both APPROVED and CHANGES REQUESTED");
  const said = [...kinds][0] as ParsedVerdict["verdict"];
  const findings: ParsedFinding[] = [];
  const start = lines.findIndex((l) => /^\**Findings\**:/i.test(l));
  if (start >= 0) {
    for (const l of lines.slice(start + 1)) {
      if (l === "" || /^```/.test(l)) continue;
      if (/^[-*]\s*none\.?$/i.test(l)) continue;
      const m = FINDING.exec(l);
      if (!m) {
        if (/^[-*]/.test(l)) return err(`a finding without a severity: "${l.slice(0, 120)}"`);
        break;
      }
      const f: ParsedFinding = { severity: (m[1] as string).toUpperCase() as Severity, message: (m[4] ?? "").trim() };
      if (m[2]) f.file = m[2];
      if (m[3]) f.line = Number(m[3]);
      findings.push(f);
    }
  }
  const blocks = findings.some((f) => blocking.includes(f.severity));
  // A blocking finding outweighs the word APPROVED: the gate binds on severities.
  const verdict = said === "approved" && blocks ? "changes-requested" : said;
  const story = lines.map((l) => /^Story:\s*(\S+)/.exec(l)?.[1]).find((x) => x !== undefined);
  const head = lines.map((l) => /^Head:\s*([0-9a-f]{7,64})\b/i.exec(l)?.[1]).find((x) => x !== undefined);
  return ok({ verdict, findings, ...(story ? { story } : {}), ...(head ? { head: head.toLowerCase() } : {}) });
}

