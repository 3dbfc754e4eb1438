import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);

// lib/core/advice/story-advice.ts
var command = (...words) => `\`story-orchestrator ${words.join(" ")}\``;
function fixRoundSteps(id, worktree, begun = false) {
  const where = worktree ? ` in ${worktree}` : "";
  const commit = `commit the fixes${where}, then ${command("submit", id)} for a new review`;
  return begun ? commit : `${command("start", id)} (the fix round), ${commit}`;
}
function fixRoundForModel(id) {
  return `${command("start", id, "--json")} (begins the fix round in the same worktree; its \`fix\` lists the findings), then continue the story's developer with \`Fix round:\` and the findings (SendMessage to its agentId, so it keeps its context) or, if it cannot be continued, relaunch it with the same prompt plus \`Fix round:\` and the findings`;
}
function storyAdvice(a) {
  const id = a.id;
  switch (a.status) {
    case "Not Started":
      if (a.ready) return `start it: ${command("start", id)}`;
      return a.waitsFor?.length ? `it waits for ${a.waitsFor.join(", ")}; ${command("next")} lists what may start now` : `${command("next")} says when it may start`;
    case "In Progress":
      return `commit the work${a.worktree ? ` in ${a.worktree}` : ""}, then ${command("submit", id)}`;
    case "Ready for Review": {
      const first = a.missingReviewers?.[0];
      const who = first ? ["--reviewer", first] : [];
      const waiting = a.missingReviewers?.length ? ` (waiting for: ${a.missingReviewers.join(", ")})` : "";
      return `its reviewers review the submitted commit${waiting}: ${command("review", id, ...who, "--verdict", "approved")} or ${command("review", id, ...who, "--verdict", "changes-requested", "--findings", "FILE")}`;
    }
    case "Changes Requested":
      return `fix round: ${fixRoundSteps(id, a.worktree)}`;
    case "Approved":
      return `merge it: ${command("merge", id)}`;
    case "Done":
      return `nothing: it is done; ${command("next")} lists what may start now`;
    case "Failed":
      return `${command("retry", id)} runs it again (its branch and worktree are kept)`;
    case "Blocked":
      return a.waitsFor?.length ? `it waits for the failed ${a.waitsFor.join(", ")}: ${a.waitsFor.map((d) => command("retry", d)).join(", ")} runs ${a.waitsFor.length === 1 ? "it" : "them"} again` : `a dependency failed; ${command("status")} shows which`;
    case "Skipped":
      return `nothing: it is skipped; ${command("next")} lists what may start now`;
  }
}

export {
  command,
  fixRoundSteps,
  fixRoundForModel,
  storyAdvice
};
