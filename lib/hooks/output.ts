// Turns a decision into the JSON Claude Code reads on the hook's stdout ("" = nothing to say).
import type { Decision } from "../core/hooks/types.js";

export function render(event: string, d: Decision): string {
  switch (d.kind) {
    case "allow":
      return "";
    case "deny":
      return JSON.stringify({ hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "deny", permissionDecisionReason: d.reason } });
    case "block":
      return JSON.stringify({ decision: "block", reason: d.reason });
    case "context":
      return JSON.stringify({ hookSpecificOutput: { hookEventName: event, additionalContext: d.text } });
  }
}
