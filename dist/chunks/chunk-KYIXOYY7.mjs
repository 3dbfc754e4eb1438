import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);

// lib/core/hooks/launch-prompt.ts
var PLUGIN = "story-orchestrator";
function parseLaunchPrompt(prompt) {
  const lines = prompt.split(/\r?\n/).map((l) => l.trim());
  let i = 0;
  for (; ; ) {
    while (i < lines.length && lines[i] === "") i++;
    if (!lines[i]?.startsWith("<system-reminder>")) break;
    while (i < lines.length && !lines[i].includes("</system-reminder>")) i++;
    i++;
  }
  const first = /^(Story|Review):\s*([A-Za-z0-9._-]+)\s*$/.exec(lines[i] ?? "");
  if (!first) return null;
  const headers = {};
  for (const l of lines.slice(i + 1, i + 40)) {
    const m = /^([A-Z][A-Za-z ]{1,20}):\s*(.+)$/.exec(l);
    if (m) headers[m[1].toLowerCase()] = m[2].trim();
  }
  return { kind: first[1] === "Story" ? "story" : "review", id: first[2], headers };
}
function agentName(subagentType) {
  const t = subagentType ?? "";
  return t.startsWith(`${PLUGIN}:`) ? t.slice(PLUGIN.length + 1) : t;
}
function isOurAgent(subagentType) {
  return (subagentType ?? "").startsWith(`${PLUGIN}:`);
}
function isReviewerName(name) {
  return name.endsWith("-reviewer");
}
function developerPrompt(input) {
  return `Story: ${input.id}
Worktree: ${input.worktree}
Branch: ${input.branch}
Story file: ${input.storyFile}`;
}
function reviewerPrompt(input) {
  return `Review: ${input.id}
Worktree: ${input.worktree}
Story file: ${input.storyFile}
Base: ${input.base}
Head: ${input.head}`;
}

export {
  parseLaunchPrompt,
  agentName,
  isOurAgent,
  isReviewerName,
  developerPrompt,
  reviewerPrompt
};
