import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);

// lib/core/state/fix-round.ts
function changesRequestedHead(state) {
  if (state.status === "Changes Requested") return state.headSha;
  if (state.status !== "In Progress") return null;
  const last = state.history[state.history.length - 1];
  return last?.event === "rework" ? state.headSha : null;
}
function findingLine(f) {
  return `- [${f.severity}] ${f.file ? `${f.file}${f.line ? `:${f.line}` : ""} - ` : ""}${f.message}`;
}
function fixRoundFindings(state) {
  const lines = state.reviews.filter((r) => r.verdict === "changes-requested" && r.sha === state.headSha).flatMap((r) => r.findings.map(findingLine));
  if (state.reason) lines.push(`- ${state.reason}`);
  return lines;
}

export {
  changesRequestedHead,
  findingLine,
  fixRoundFindings
};
