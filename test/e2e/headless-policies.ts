// Scripted headless workers for `story-orchestrator run`: developers that commit real work in
// their worktree and report through the StructuredOutput tool, reviewers that give a verdict the
// same way. Each story of the test has a part to play (a fix round, a question, a stall, a
// failing verify, a git push the safety rules deny); the policy reads which from the story id.
import { parseLaunchPrompt } from "../../lib/core/hooks/launch-prompt.js";
import type { Policy, Reply, ToolCall, Turn } from "./model-server.js";

export interface HeadlessScript {
  /** Stories whose first review asks for changes. */
  fixRound?: string[];
  /** Stories whose developer first asks a question. */
  question?: string[];
  /** Stories whose developer's first request stalls past the silence limit. */
  stall?: string[];
  stallMs?: number;
  /** Stories whose first commit makes the verify command fail (a file named BAD). */
  badVerify?: string[];
  /** Stories whose developer first tries `git push` (the safety rules must deny it). */
  push?: string[];
  /**
   * Workers look before they act, as the interactive mode's scripted ones do (policies.ts):
   * a developer first reads its story file and the worktree's git log, a reviewer first the
   * diff. The benchmark sets it so both modes' workers do the same work.
   */
  readFirst?: boolean;
}

export interface HeadlessMemo {
  stalled: Set<string>;
  /** Developer requests that continued a session (more than one user turn before this one). */
  continued: { story: string; why: string; messages: number }[];
  /** Tool results that were errors, per story (denials). */
  denials: { story: string; command: string; text: string }[];
  reviews: Map<string, number>;
}

/** The runner's messages to a continued developer session (engine/run/runner.ts). */
const RUNNER_MESSAGE_RE = /^(?:Fix round:|A person answered your question|Your session was interrupted|The merge of story)/m;

const structured = (input: Record<string, unknown>): ToolCall => ({ name: "StructuredOutput", input });
const bash = (command: string): ToolCall => ({ name: "Bash", input: { command, description: command.slice(0, 60) } });
const q = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

export function headlessPolicy(script: HeadlessScript, memo: HeadlessMemo): Policy {
  return (turn: Turn): Reply => {
    const launch = parseLaunchPrompt(turn.firstUserText);
    if (!launch) return { text: "No story here." };
    const id = launch.id;
    const wt = launch.headers["worktree"] ?? ".";
    const lastTool = turn.results.at(-1);
    const userTurns = ((turn.body["messages"] as { role: string }[]) ?? []).filter((m) => m.role === "user").length;
    // A continued session's new message may share its user turn with the last tool result.
    const continuing = userTurns > 1 && RUNNER_MESSAGE_RE.test(turn.lastUserText);
    if (lastTool?.toolName === "StructuredOutput" && !continuing) return { text: "Reported." };
    if (launch.kind === "review") {
      if (script.readFirst && turn.allCalls.length === 0) return { tools: [bash(`git -C ${q(wt)} diff --stat ${launch.headers["base"] ?? ""}..${launch.headers["head"] ?? ""}`)] };
      const n = (memo.reviews.get(id) ?? 0) + 1;
      memo.reviews.set(id, n);
      if (script.fixRound?.includes(id) && n === 1) {
        return { tools: [structured({ verdict: "changes-requested", findings: [{ severity: "HIGH", file: `story-${id}.txt`, line: 1, message: "add the second line the story asks for" }] })] };
      }
      return { tools: [structured({ verdict: "approved", findings: [] })] };
    }
    // A developer.
    if (continuing) memo.continued.push({ story: id, why: turn.lastUserText, messages: userTurns });
    const fresh = turn.results.length === 0 || continuing;
    for (const r of turn.results) if (r.isError) memo.denials.push({ story: id, command: String(r.input["command"] ?? ""), text: r.text });
    if (script.stall?.includes(id) && !memo.stalled.has(id)) {
      memo.stalled.add(id);
      return { delayMs: script.stallMs ?? 8000, text: "..." };
    }
    const last = turn.lastUserText;
    if (fresh && script.readFirst && !continuing && !turn.allCalls.some((c) => c.name === "Read")) {
      return { tools: [{ name: "Read", input: { file_path: `${wt}/${launch.headers["story file"] ?? ""}` } }, bash(`cd ${q(wt)} && git log --oneline -5 && git ls-files`)] };
    }
    const afterReading = script.readFirst === true && turn.results.some((r) => r.toolName === "Read");
    if (fresh || afterReading) {
      if (script.question?.includes(id) && !/answered your question/.test(last) && !turn.allCalls.some((c) => c.name === "StructuredOutput")) {
        return { tools: [structured({ result: "QUESTION", summary: "needs a decision", question: `Story ${id}: should the greeting be formal?` })] };
      }
      if (script.push?.includes(id) && !turn.allCalls.some((c) => c.name === "Bash" && String(c.input["command"]).includes("git push"))) {
        return { tools: [bash(`cd ${q(wt)} && git push origin HEAD`)] };
      }
      const n = turn.allCalls.filter((c) => c.name === "Bash" && String(c.input["command"]).includes("git commit")).length + 1;
      const bad = script.badVerify?.includes(id) && n === 1;
      const files = bad ? `printf 'x\\n' > BAD` : `rm -f BAD && printf 'story ${id} round ${n}\\n' >> story-${id}.txt`;
      return { tools: [bash(`cd ${q(wt)} && ${files} && git add -A && git commit -q -m ${q(`story ${id}: round ${n}`)}`)] };
    }
    if (lastTool?.toolName === "Bash" && String(lastTool.input["command"]).includes("git push")) {
      // Denied (or not): go on with the real work.
      return { tools: [bash(`cd ${q(wt)} && printf 'story ${id}\\n' >> story-${id}.txt && git add -A && git commit -q -m ${q(`story ${id}`)}`)] };
    }
    return { tools: [structured({ result: "DONE", summary: `story ${id} implemented` })] };
  };
}
