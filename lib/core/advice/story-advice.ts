// The one wording of "what to do next" with a story, by its status. Every message that advises a
// command (refusals, verb outputs, resume, the hooks) takes it from here, so advice and what the
// engine accepts cannot drift apart: test/engine/advice.test.ts follows each advised command on a
// real repository in each status and checks the engine does not refuse it.
import type { StoryStatus } from "../model.js";

/** `story-orchestrator <words>` in backticks, as every message quotes a command. */
export const command = (...words: string[]): string => `\`story-orchestrator ${words.join(" ")}\``;

export interface StoryAdviceInput {
  id: string;
  status: StoryStatus;
  /** Project-relative worktree of a started story. */
  worktree?: string | null;
  /** Not Started: whether `start` would accept it now (dependencies Done, a free slot, in scope). */
  ready?: boolean;
  /** Not Started: what it waits for ("1.2 (In Progress)"); Blocked: its failed dependency. */
  waitsFor?: readonly string[];
  /** Ready for Review: configured reviewers whose approval of the head is still missing (or all of them). */
  missingReviewers?: readonly string[];
}

/**
 * A fix round, as a person at a terminal runs it: the developer goes back to the story's worktree
 * (`start`, which only a Changes Requested story accepts for this), commits the fixes, submits.
 * From a fix round already begun (In Progress after `start`) only the last two steps remain.
 */
export function fixRoundSteps(id: string, worktree: string | null | undefined, begun = false): string {
  const where = worktree ? ` in ${worktree}` : "";
  const commit = `commit the fixes${where}, then ${command("submit", id)} for a new review`;
  return begun ? commit : `${command("start", id)} (the fix round), ${commit}`;
}

/**
 * A fix round as the orchestrating model runs it (hooks, /implement-stories, /resume-stories):
 * the developer agent commits, and its completion submits. `start` hands over the findings (JSON
 * `fix`), so the model need not wait for the reviewer's notification. The developer is continued
 * where Claude Code can (SendMessage, 2.1.328 and later: it keeps what it already read), else
 * launched again. The procedure files quote this text verbatim with ID for the story id
 * (test/core/advice/fix-round-wording.test.ts checks that).
 */
export function fixRoundForModel(id: string): string {
  return (
    `${command("start", id, "--json")} (begins the fix round in the same worktree; its \`fix\` lists the findings), then continue the story's developer with \`Fix round:\` and the findings ` +
    `(SendMessage to its agentId, so it keeps its context) or, if it cannot be continued, relaunch it with the same prompt plus \`Fix round:\` and the findings`
  );
}

/** The next step for a story in `status`: a clause that names the command to run, if any. */
export function storyAdvice(a: StoryAdviceInput): string {
  const id = a.id;
  switch (a.status) {
    case "Not Started":
      if (a.ready) return `start it: ${command("start", id)}`;
      return a.waitsFor?.length
        ? `it waits for ${a.waitsFor.join(", ")}; ${command("next")} lists what may start now`
        : `${command("next")} says when it may start`;
    case "In Progress":
      return `commit the work${a.worktree ? ` in ${a.worktree}` : ""}, then ${command("submit", id)}`;
    case "Ready for Review": {
      // Named, because `review` without --reviewer is a usage error when several are configured.
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
      return a.waitsFor?.length
        ? `it waits for the failed ${a.waitsFor.join(", ")}: ${a.waitsFor.map((d) => command("retry", d)).join(", ")} runs ${a.waitsFor.length === 1 ? "it" : "them"} again`
        : `a dependency failed; ${command("status")} shows which`;
    case "Skipped":
      return `nothing: it is skipped; ${command("next")} lists what may start now`;
  }
}
