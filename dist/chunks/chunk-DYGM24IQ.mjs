import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  failpoint
} from "./chunk-FDZSXUNJ.mjs";
import {
  adviceIn
} from "./chunk-SF5OX4YS.mjs";
import {
  fixRoundFindings
} from "./chunk-Z2M337YQ.mjs";
import {
  integrationBranch
} from "./chunk-J4FLWKKU.mjs";
import {
  transition
} from "./chunk-X73HXAI3.mjs";
import {
  updateOrchestration
} from "./chunk-IPPJ62NW.mjs";
import {
  stamp,
  systemClock
} from "./chunk-OXJ2D6ZF.mjs";
import {
  newStoryState
} from "./chunk-NDF5RAGK.mjs";
import {
  addWorktree,
  branchExists,
  commitsOnlyOn,
  createBranch,
  ensureExcluded,
  gitFailure,
  insideRepo,
  isAncestor,
  listWorktrees,
  resetBranchNoLoss,
  revParse
} from "./chunk-KG5HAFNZ.mjs";
import {
  isActive
} from "./chunk-3C4OI2RT.mjs";
import {
  agentOf,
  dependenciesOf,
  displayId,
  runScope,
  schedulable,
  statusOf,
  withStory
} from "./chunk-EG7KQHPQ.mjs";
import {
  appendJournal,
  withStateLock,
  writeStoryState
} from "./chunk-A73OOLFP.mjs";
import {
  ConflictGuard
} from "./chunk-TA7IOGVC.mjs";
import {
  storyBranch
} from "./chunk-OLZJQYTV.mjs";
import {
  AGENT_NAME_RE
} from "./chunk-WXMZ5N7V.mjs";
import {
  writeBackSprintStatus
} from "./chunk-ZP7QG5VT.mjs";
import {
  idKey
} from "./chunk-KNNDJYLI.mjs";
import {
  diag,
  err,
  ok
} from "./chunk-EFR3LY5V.mjs";

// lib/engine/start.ts
import { join } from "node:path";
async function sprintWarnings(root, ctx, id) {
  const w = await writeBackSprintStatus(root, id, "In Progress", ctx.project.sprint);
  return w ? { warnings: [w] } : {};
}
var shellWord = (t) => /^[\w.,-]+$/.test(t) ? t : `'${t.replace(/'/g, "")}'`;
function outsideScope(ctx, key) {
  const scope = runScope(ctx);
  if (!scope.ok || scope.value === null || scope.value.has(key)) return [];
  const id = displayId(ctx, key);
  const terms = (ctx.orch?.scope ?? []).map(shellWord);
  return [diag("not-ready", `story ${id} is outside this run's scope (${terms.join(" ")}); to run it, widen the scope first: \`story-orchestrator next ${[...terms, id].join(" ")}\``)];
}
function readiness(ctx, key) {
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
  const sched = schedulable(ctx);
  const self = sched.find((s) => s.id === key);
  const by = self && new ConflictGuard(sched.filter((s) => isActive(s.status))).blocker(self);
  if (by !== void 0) return [diag("not-ready", `story ${id} conflicts with ${displayId(ctx, by)} (${statusOf(ctx, by)}), which must finish first (conflicts_with or parallel: false)`)];
  return [];
}
async function startStory(root, id, clock = systemClock) {
  return withStory(root, id, withStateLock, async (ctx, story) => {
    const key = idKey(story.id);
    const at = clock.now().toISOString();
    const existing = ctx.states.get(key);
    if (existing && existing.status === "Changes Requested") {
      const t2 = transition(existing, "rework", at);
      if (!t2.ok) return t2;
      await writeStoryState(root, t2.value);
      await appendJournal(root, { at, event: "rework", storyId: story.id });
      await updateOrchestration(root, at, ctx);
      const sprint = await sprintWarnings(root, ctx, story.id);
      return ok({ id: story.id, worktree: existing.worktree ?? "", branch: existing.branch ?? storyBranch(story.id), agent: existing.agent, baseSha: existing.baseSha ?? "", fix: fixRoundFindings(existing), ...sprint });
    }
    const status = statusOf(ctx, key);
    if (status !== "Not Started" && status !== "Blocked") {
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
      const branchTip = await revParse(root, `refs/heads/${branch}`);
      const earlierBase = existing?.branch === branch && existing.baseSha !== null && await isAncestor(root, existing.baseSha, branchTip) ? existing.baseSha : null;
      if (!await isAncestor(root, branchTip, tip)) {
        const own = await commitsOnlyOn(root, branchTip, tip);
        if (!worktreeAbs && earlierBase === null) {
          return err([diag("not-ready", `branch ${branch} already exists with ${own} commit(s) not on ${intBranch}; run \`story-orchestrator resume\` to adopt it, or rename it`)]);
        }
        baseSha = earlierBase ?? branchTip;
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
    const o = await updateOrchestration(root, at, ctx, (o2) => {
      o2.integrationBranch ??= intBranch;
      o2.startTime ??= at;
    });
    if (!o.ok) return o;
    failpoint("start:after-state");
    return ok({ id: story.id, worktree, branch, agent, baseSha, fixRound: false, ...await sprintWarnings(root, ctx, story.id) });
  });
}

export {
  startStory
};
