// The convention by which an Agent launch names its story (the command prompt instructs it,
// the agent-launch gate enforces it, the completion hooks read it back):
//   developer:  "Story: <id>" / "Worktree: <abs path>" / "Branch: ..." / "Story file: ..."
//   reviewer:   "Review: <id>" / "Worktree: ..." / "Story file: ..." / "Base: <sha>" / "Head: <sha>"
// The first non-empty line decides the kind; headers are read from the first lines only.
export interface LaunchPrompt {
  kind: "story" | "review";
  id: string;
  headers: Record<string, string>;
}

const PLUGIN = "story-orchestrator";

export function parseLaunchPrompt(prompt: string): LaunchPrompt | null {
  const lines = prompt.split(/\r?\n/).map((l) => l.trim());
  // A subagent's first user message may start with Claude Code's <system-reminder> blocks:
  // 2.1.197 sent one (context), 2.1.328 sends two (git status, commit attribution). Skip them
  // all; the 40-line window for the headers starts after them.
  let i = 0;
  for (;;) {
    while (i < lines.length && lines[i] === "") i++;
    if (!lines[i]?.startsWith("<system-reminder>")) break;
    while (i < lines.length && !(lines[i] as string).includes("</system-reminder>")) i++;
    i++;
  }
  const first = /^(Story|Review):\s*([A-Za-z0-9._-]+)\s*$/.exec(lines[i] ?? "");
  if (!first) return null;
  const headers: Record<string, string> = {};
  for (const l of lines.slice(i + 1, i + 40)) {
    const m = /^([A-Z][A-Za-z ]{1,20}):\s*(.+)$/.exec(l);
    if (m) headers[(m[1] as string).toLowerCase()] = (m[2] as string).trim();
  }
  return { kind: first[1] === "Story" ? "story" : "review", id: first[2] as string, headers };
}

/** `story-orchestrator:code-reviewer` → `code-reviewer`; other plugins' agents keep their prefix. */
export function agentName(subagentType: string | undefined): string {
  const t = subagentType ?? "";
  return t.startsWith(`${PLUGIN}:`) ? t.slice(PLUGIN.length + 1) : t;
}

export function isOurAgent(subagentType: string | undefined): boolean {
  return (subagentType ?? "").startsWith(`${PLUGIN}:`);
}

export function isReviewerName(name: string): boolean {
  return name.endsWith("-reviewer");
}

export function developerPrompt(input: { id: string; worktree: string; branch: string; storyFile: string }): string {
  return `Story: ${input.id}\nWorktree: ${input.worktree}\nBranch: ${input.branch}\nStory file: ${input.storyFile}`;
}

export function reviewerPrompt(input: { id: string; worktree: string; storyFile: string; base: string; head: string }): string {
  return `Review: ${input.id}\nWorktree: ${input.worktree}\nStory file: ${input.storyFile}\nBase: ${input.base}\nHead: ${input.head}`;
}
