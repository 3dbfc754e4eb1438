// `start ID`: a ready story gets branch story/<id> from the integration tip and its own worktree
// `.worktrees/agent-<agent>-<id>-<yyyymmdd-hhmmss>`. Everything happens under the state lock so
// parallel starts cannot exceed maxParallel. Order: branch → worktree → state; a crash between
// steps leaves a branch or worktree that this function (or `resume`) adopts on the next call.
// A retried story (Failed → Not Started) gets its earlier branch and worktree back.
import { join } from "node:path";
import { diag, err, ok, type Diag, type Result } from "../core/diagnostics.js";
import { idKey } from "../core/ids.js";
import { AGENT_NAME_RE } from "../core/config/vocabulary.js";
import { isActive } from "../core/scheduler/next.js";
import { ConflictGuard } from "../core/scheduler/conflicts.js";
import { newStoryState } from "../core/state/schemas.js";
import { transition } from "../core/state/transitions.js";
import { stamp, systemClock, type Clock } from "../adapters/clock.js";
import { failpoint } from "../adapters/failpoint.js";
import {
  addWorktree,
  branchExists,
  createBranch,
  ensureExcluded,
  gitFailure,
  insideRepo,
  isAncestor,
  listWorktrees,
  revParse,
  resetBranchNoLoss,
  commitsOnlyOn,
} from "../adapters/git.js";
import { appendJournal, withStateLock, writeStoryState } from "../adapters/state-store/store.js";
import { integrationBranch, storyBranch } from "./integration-branch.js";
import { fixRoundFindings } from "../core/state/fix-round.js";
import { updateOrchestration } from "./orchestration.js";
import { adviceIn } from "./story-advice.js";
import { agentOf, dependenciesOf, displayId, runScope, schedulable, statusOf, withStory, type RunContext } from "./run-context.js";
import { writeBackSprintStatus } from "./sprint-status.js";

export interface StartResult {
  id: string;
  /** Project-relative path of the story's worktree. */
  worktree: string;
  branch: string;
  agent: string;
  baseSha: string;
  /** A fix round only: what the developer must address (the findings on the head sent back). */
  fix?: string[];
  /** sprint-status.yaml could not be updated (the start itself happened). */
  warnings?: Diag[];
}

/** `{warnings}` when writing the BMAD status back failed, else nothing. */
async function sprintWarnings(root: string, ctx: RunContext, id: string): Promise<{ warnings?: Diag[] }> {
  const w = await writeBackSprintStatus(root, id, "In Progress", ctx.project.sprint);
  return w ? { warnings: [w] } : {};
}

/** A story outside the run's recorded scope would be invisible to status, summary and the Stop hook. */
const shellWord = (t: string): string => (/^[\w.,-]+$/.test(t) ? t : `'${t.replace(/'/g, "")}'`);

function outsideScope(ctx: RunContext, key: string): Diag[] {
  const scope = runScope(ctx);
  if (!scope.ok || scope.value === null || scope.value.has(key)) return [];
  const id = displayId(ctx, key);
  const terms = (ctx.orch?.scope ?? []).map(shellWord);
  return [diag("not-ready", `story ${id} is outside this run's scope (${terms.join(" ")}); to run it, widen the scope first: \`story-orchestrator next ${[...terms, id].join(" ")}\``)];
}

function readiness(ctx: RunContext, key: string): Diag[] {
  const id = displayId(ctx, key);
  const story = ctx.analysis.index.byKey.get(key);
  if (story?.placeholder) {
    return [diag("not-ready", `story ${id} has no story file yet (it is listed in ${story.path}:${story.placeholder.line}); write its story file first (BMAD: the create-story workflow)`, story.path, story.placeholder.line)];
  }
  const aside = ctx.analysis.setAside.get(key);
  if (aside) return [diag("not-ready", `story ${id} is set aside: ${aside.reason}; run \`story-orchestrator validate\``)];
  const status = statusOf(ctx, key);
  if (status === "Blocked") return [diag("not-ready", `story ${id} is Blocked: a dependency failed. Next: ${adviceIn(ctx, key)}`)];
  const open = ctx.analysis.edgesOf(key).filter((e) => statusOf(ctx, e.to) !== "Done").map((e) => `${displayId(ctx, e.to)} (${statusOf(ctx, e.to)})`);
  if (open.length) return [diag("not-ready", `story ${id} waits for: ${open.join(", ")}`)];
  const running = ctx.analysis.index.keys.filter((k) => isActive(statusOf(ctx, k)));
  const cap = ctx.project.config.maxParallel;
  if (running.length >= cap) return [diag("not-ready", `${running.length} stories are running (maxParallel ${cap}): ${running.map((k) => displayId(ctx, k)).join(", ")}`)];
  // ccpm `conflicts_with` / `parallel: false`: never beside a story it conflicts with.
  const sched = schedulable(ctx);
  const self = sched.find((s) => s.id === key);
  const by = self && new ConflictGuard(sched.filter((s) => isActive(s.status))).blocker(self);
  if (by !== undefined) return [diag("not-ready", `story ${id} conflicts with ${displayId(ctx, by)} (${statusOf(ctx, by)}), which must finish first (conflicts_with or parallel: false)`)];
  return [];
}

export async function startStory(root: string, id: string, clock: Clock = systemClock): Promise<Result<StartResult, Diag[]>> {
  return withStory<StartResult>(root, id, withStateLock, async (ctx, story) => {
    const key = idKey(story.id);
    const at = clock.now().toISOString();
    const existing = ctx.states.get(key);

    // A fix round: the developer goes back into the worktree it already has.
    if (existing && existing.status === "Changes Requested") {
      const t = transition(existing, "rework", at);
      if (!t.ok) return t;
      await writeStoryState(root, t.value);
      await appendJournal(root, { at, event: "rework", storyId: story.id });
      await updateOrchestration(root, at, ctx);
      const sprint = await sprintWarnings(root, ctx, story.id);
      return ok({ id: story.id, worktree: existing.worktree ?? "", branch: existing.branch ?? storyBranch(story.id), agent: existing.agent, baseSha: existing.baseSha ?? "", fix: fixRoundFindings(existing), ...sprint });
    }
    const status = statusOf(ctx, key);
    if (status !== "Not Started" && status !== "Blocked") {
      // Blocked falls through to `readiness`, which says which dependency failed.
      return err([diag("illegal-transition", `story ${story.id}: cannot start from "${status}". Next: ${adviceIn(ctx, key)}`)]);
    }
    const problems = [...outsideScope(ctx, key), ...readiness(ctx, key)].slice(0, 1);
    if (problems.length) return err(problems);

    const agent = agentOf(ctx, key);
    if (!AGENT_NAME_RE.test(agent)) return err([diag("unsafe-path", `agent name "${agent}" cannot name a worktree`)]);
    const integ = await integrationBranch(root, ctx.project.config, ctx.orch);
    if (!integ.ok) return integ;
    const { branch: intBranch, tip } = integ.value;
    await ensureExcluded(root);

    const branch = storyBranch(story.id);
    const worktrees = await listWorktrees(root);
    let worktreeAbs = worktrees.find((w) => w.branch === branch && !w.prunable)?.path;
    let baseSha = tip;
    if (await branchExists(root, branch)) {
      // Left by an interrupted start (or made by hand), or by an earlier attempt of a retried
      // story. Adopt it only if that loses nothing.
      const branchTip = (await revParse(root, `refs/heads/${branch}`))!;
      // A retried story's own branch (its state names it, and it still holds that base): its work
      // and its base stay, so the earlier commits are still the story's diff and get reviewed.
      const earlierBase = existing?.branch === branch && existing.baseSha !== null && (await isAncestor(root, existing.baseSha, branchTip)) ? existing.baseSha : null;
      if (!(await isAncestor(root, branchTip, tip))) {
        const own = await commitsOnlyOn(root, branchTip, tip);
        if (!worktreeAbs && earlierBase === null) {
          return err([diag("not-ready", `branch ${branch} already exists with ${own} commit(s) not on ${intBranch}; run \`story-orchestrator resume\` to adopt it, or rename it`)]);
        }
        baseSha = earlierBase ?? branchTip; // work on it: adopt as is (a new worktree if it has none)
      } else if (branchTip !== tip && !worktreeAbs) {
        const moved = await resetBranchNoLoss(root, branch, tip, branchTip);
        if (moved.code !== 0) return err([gitFailure(`moving ${branch} to ${intBranch}`, moved)]);
      } else baseSha = branchTip;
    } else {
      const made = await createBranch(root, branch, tip);
      if (made.code !== 0) return err([gitFailure(`creating branch ${branch}`, made)]);
    }
    failpoint("start:after-branch");

    if (!worktreeAbs) {
      const rel = `.worktrees/agent-${agent}-${story.id}-${stamp(clock.now())}`;
      const abs = join(root, rel);
      if (insideRepo(root, abs) === null) return err([diag("unsafe-path", `worktree path ${rel} would leave the repository`)]);
      const added = await addWorktree(root, abs, branch);
      if (added.code !== 0) return err([gitFailure(`creating worktree ${rel}`, added)]);
      worktreeAbs = abs;
    }
    failpoint("start:after-worktree");

    const worktree = insideRepo(root, worktreeAbs) ?? worktreeAbs;
    const base = existing ?? newStoryState({ storyId: story.id, agent, dependencies: dependenciesOf(ctx, key), at });
    const t = transition(base, "start", at);
    if (!t.ok) return t;
    const state = { ...t.value, agent, worktree, branch, baseSha, startTime: at, dependencies: dependenciesOf(ctx, key) };
    await writeStoryState(root, state);
    await appendJournal(root, { at, event: "start", storyId: story.id, data: { worktree, branch, baseSha, agent } });
    const o = await updateOrchestration(root, at, ctx, (o) => {
      o.integrationBranch ??= intBranch;
      o.startTime ??= at;
    });
    if (!o.ok) return o;
    failpoint("start:after-state");
    return ok({ id: story.id, worktree, branch, agent, baseSha, fixRound: false, ...(await sprintWarnings(root, ctx, story.id)) });
  });
}
