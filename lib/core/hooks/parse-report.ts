// Reads a developer's final message (agents/*-developer.md define the shape): "Result: DONE"
// or "Result: BLOCKED" and the notes. Only the result matters to the engine: the head commit
// comes from git, never from what the model says.
export interface DeveloperReport {
  result: "done" | "blocked" | "unknown";
  notes: string;
}

export function parseReport(text: string): DeveloperReport {
  const result = /^\s*Result:\s*(DONE|BLOCKED)\b/im.exec(text)?.[1]?.toUpperCase();
  const notes = /^\s*Notes:\s*(.+)$/im.exec(text)?.[1]?.trim() ?? "";
  return { result: result === "DONE" ? "done" : result === "BLOCKED" ? "blocked" : "unknown", notes };
}
