// `run`: the engine drives the ready queue itself, with no model in the orchestrator's seat.
// Each pass reads the engine's own view (`next`, the story states) and acts: merge one approved
// story (serially, with verify), launch reviewers for a submitted head, send changes back to
// the developer's own session, carry on stories a crash interrupted, start ready stories while
// the budget allows. Worker ends are turned into the same engine calls the hooks make
// (submit, recordReview, fail), so the state is the one `/implement-stories` uses and a run can
// be started one way and continued the other.
import { join } from "node:path";
import { diagMessages as messages, type Diag } from "../../core/diagnostics.js";
import { idKey } from "../../core/ids.js";
import { developerPrompt, reviewerPrompt } from "../../core/hooks/launch-prompt.js";
import { crossedWarning, mayStartStory, usd, workerCapUsd, type BudgetView } from "../../core/run/budget.js";
import { startFacts } from "./start-facts.js";
import { attemptKey, foldLedger, storyUsage, type LedgerLine, type LedgerView } from "../../core/run/ledger.js";
import { retryDecision } from "../../core/run/retry-policy.js";
import { DeveloperReportSchema, ReviewerReportSchema, reportJsonSchema, reportOf, usageOf, type DeveloperReport, type ReviewerReport } from "../../core/run/worker-protocol.js";
import type { StoryState } from "../../core/state/schemas.js";
import { systemClock, type Clock } from "../../adapters/clock.js";
import { loadConfig } from "../../adapters/fs/load-config.js";
import { readAllStoryStates, readOrchestrationState } from "../../adapters/state-store/store.js";
import { appendLedger, readLedger } from "../../adapters/workers/ledger-file.js";
import type { WorkerBackend, WorkerEnd, WorkerHandle } from "../../adapters/workers/worker-backend.js";
import { failStory } from "../fail.js";
import { mergeStory } from "../merge.js";
import { nextStories, type NextResult } from "../next.js";
import { recordReview } from "../review.js";
import { recordUsage } from "../record-usage.js";
import { resumeRun } from "../resume.js";
import { startStory } from "../start.js";
import { submitStory } from "../submit.js";
import { writeSummary } from "../summary.js";
import type { RunnerEvent } from "./runner-events.js";
import type { RunEvent } from "../../core/run/run-events.js";
import { workerLogPath } from "../../adapters/state-store/run-paths.js";
import { reapOrphans } from "./orphans.js";
import { Wakeup } from "./wakeup.js";
import { SAFETY_POLL_MS, sleepPlan, type WakeReason } from "../../core/run/wake.js";
import type { DirWatch } from "../../adapters/fs/watch-dir.js";

/** What the runner needs from the questions store and the notifier (engine/questions.ts, adapters/notify). */
export interface RunnerPorts {
  writeQuestion(root: string, storyId: string, question: string, at: string): Promise<string>;
  /** The answer given (`answer` verb or `<id>.answer.md`), or null. */
  readAnswer(root: string, storyId: string): Promise<string | null>;
  /** An open question of the story's, answered or not (one left by an earlier run counts). */
  hasQuestion(root: string, storyId: string): Promise<boolean>;
  closeQuestion(root: string, storyId: string): Promise<void>;
  /** Calls `onChange` when the questions folder changes (an answer came); without it, answers wait for the safety poll. */
  watchAnswers?(root: string, onChange: () => void): DirWatch;
  notify(event: RunEvent): Promise<void>;
}

export interface RunOptions {
  root: string;
  scope: string[];
  /** `--budget USD`; overrides config budgetUsd. */
  budgetUsd?: number;
  backend: WorkerBackend;
  ports: RunnerPorts;
  emit: (e: RunnerEvent) => void;
  /** Aborted on Ctrl-C: nothing new starts, workers stop, a merge under way finishes. */
  signal: AbortSignal;
  clock?: Clock;
  /**
   * The safety poll: how often the runner looks at the project when no event woke it (verbs run
   * from another session on the same state; an answer when the folder cannot be watched).
   * Default 30 s. Passes otherwise follow events (core/run/wake.ts).
   */
  pollMs?: number;
  /** Called at the start of each pass with what woke it (tests and benches count passes). */
  onPass?: (why: readonly WakeReason[]) => void;
  /** Environment for workers (the model's credentials and base URL come from here). */
  env: NodeJS.ProcessEnv;
}

export interface RunOutcome {
  finished: boolean;
  interrupted: boolean;
  stoppedByBudget: boolean;
  done: number;
  total: number;
  failed: string[];
  spentUsd: number;
  summary: string;
  /** How many passes the runner made, and how many times it loaded the whole project (story files and state). */
  passes: number;
  projectLoads: number;
}

interface Active {
  storyId: string;
  role: string;
  n: number;
  handle: WorkerHandle;
  startedAt: number;
  /** The head a reviewer was shown: its verdict is recorded against this commit only. */
  head?: string;
  /** Why this developer was (re)launched: the first start, a fix round, an answer, a sent-back merge. */
  purpose: "start" | "fix" | "answer" | "merge-back" | "continue" | "retry";
}

type Ended = { active: Active; end: WorkerEnd };

const DEVELOPER = "developer";

export async function runStories(opts: RunOptions): Promise<RunOutcome> {
  const { root, backend, ports, emit, signal } = opts;
  const clock = opts.clock ?? systemClock;
  const now = () => clock.now().toISOString();
  const pollMs = opts.pollMs ?? SAFETY_POLL_MS;
  const log = async (line: LedgerLine) => {
    ledgerLines.push(line);
    await appendLedger(root, line);
  };

  const { config, errors } = await loadConfig(root);
  if (errors.length) throw new RunRefused(errors);
  const budgetUsd = opts.budgetUsd ?? config.budgetUsd;

  // A crash (kill -9) left state and maybe worker processes behind: reconcile both first.
  const resumed = await resumeRun(root, clock);
  if (!resumed.ok) throw new RunRefused(resumed.error);
  const ledgerLines: LedgerLine[] = await readLedger(root);
  for (const o of await reapOrphans(foldLedger(ledgerLines), root)) {
    await log({ at: now(), event: "worker-end", storyId: o.storyId, role: o.role, n: o.n, end: "crashed", costUsd: 0, tokens: 0, outcome: "the runner stopped while it ran", failedAttempt: false });
  }
  await log({ at: now(), event: "run-start", note: opts.scope.join(" ") });

  const active = new Map<string, Active>();
  const ended: Ended[] = [];
  const wakeup = new Wakeup();
  signal.addEventListener("abort", () => wakeup.poke("abort"), { once: true });
  /** The questions folder, watched while a question waits for its answer. */
  let answers: DirWatch | null = null;
  let passes = 0;
  let projectLoads = 0;
  let why: readonly WakeReason[] = ["start"];
  const questions = new Set<string>();
  /** Stories whose merge was refused (verify, conflict): their developer fixes them before the next submit. */
  const sentBack = new Map<string, string>();
  const retryAt = new Map<string, number>();
  let merging: Promise<void> | null = null;
  let stoppedByBudget = false;
  let budgetStopSaid = false;
  let first = true;
  /**
   * Did this pass change anything (a worker launched or ended, a merge started or settled)? A
   * pass that changed nothing, with nothing under way, would be followed by the same pass: the
   * run ends there instead of polling for ever (a launch the budget refuses, a start refused).
   */
  let acted = false;

  /** The budget stops new work: said once, and the run ends when what is under way has ended. */
  const budgetStop = (reason: string) => {
    stoppedByBudget = true;
    if (budgetStopSaid) return;
    budgetStopSaid = true;
    void log({ at: now(), event: "budget-stop", note: reason });
    emit({ type: "budget-stop", at: now(), reason });
  };
  /** May a worker launch now? Checked before a story is started or sent into a fix round, so none is left In Progress with no worker. */
  const mayLaunch = (): boolean => {
    if (signal.aborted) return false;
    const v = budgetView(view());
    const cap = workerCapUsd(v);
    if (cap !== null && cap <= 0) {
      budgetStop(`budget: ${usd(v.spentUsd)} spent of ${usd(v.budgetUsd as number)}, nothing left for another worker`);
      return false;
    }
    return true;
  };

  // The ledger only grows (log() appends): fold it again only when it has new lines.
  let folded: { lines: number; view: LedgerView } | null = null;
  const view = (): LedgerView => {
    if (folded?.lines !== ledgerLines.length) folded = { lines: ledgerLines.length, view: foldLedger(ledgerLines) };
    return folded.view;
  };
  /**
   * What each finished story's headless workers cost together (earlier runs' too): the next
   * story's projection learns from them. Finished = Done, or Approved (its workers are done; its
   * merge may be under way, and a story that waited for it may be ready before it says Done).
   * Read from the state at the start of each pass.
   */
  let storyCosts: number[] = [];
  const budgetView = (v: LedgerView): BudgetView => ({
    budgetUsd,
    spentUsd: v.spentUsd,
    activeWorkers: active.size,
    workerCosts: v.workers.filter((w) => w.endedAt !== null && w.costUsd > 0).map((w) => w.costUsd),
    storyCosts,
  });

  const launch = (st: StoryState, role: string, agent: string, prompt: string, purpose: Active["purpose"], extra: { head?: string; resume?: string } = {}) => {
    if (!mayLaunch()) return false;
    const v = view();
    const cap = workerCapUsd(budgetView(v));
    const n = v.workers.filter((w) => w.storyId === st.storyId && w.role === role).length + 1;
    const worktree = join(root, st.worktree ?? "");
    const handle = backend.launch({
      storyId: st.storyId,
      role,
      agent,
      cwd: worktree,
      prompt,
      jsonSchema: reportJsonSchema(role === DEVELOPER ? "developer" : "reviewer"),
      ...(extra.resume ? { resumeSession: extra.resume } : {}),
      ...(cap !== null ? { capUsd: cap } : {}),
      logFile: workerLogPath(root, st.storyId, role, n),
      env: { ...stringEnv(opts.env), STORY_ORCHESTRATOR_STORY: st.storyId, STORY_ORCHESTRATOR_ROLE: role, STORY_ORCHESTRATOR_WORKTREE: worktree },
      wallTimeMs: config.workerTimeoutMinutes * 60_000,
      silenceMs: config.workerSilenceMinutes * 60_000,
    });
    const a: Active = { storyId: st.storyId, role, n, handle, startedAt: Date.now(), purpose, ...(extra.head ? { head: extra.head } : {}) };
    active.set(attemptKey(st.storyId, role), a);
    void log({ at: now(), event: "worker-start", storyId: st.storyId, role, n, ...(handle.pid !== undefined ? { pid: handle.pid } : {}), ...(extra.resume ? { resume: extra.resume } : {}), ...(cap !== null ? { capUsd: cap } : {}) });
    handle.onSession((sessionId) => void log({ at: now(), event: "worker-session", storyId: st.storyId, role, n, sessionId }));
    emit({ type: "worker-started", at: now(), storyId: st.storyId, role, n, resumed: Boolean(extra.resume), purpose });
    acted = true;
    void handle.done.then((end) => {
      ended.push({ active: a, end });
      wakeup.poke("worker-ended");
    });
    return true;
  };

  const devSession = (storyId: string): string | undefined => view().sessions.get(storyId)?.get(DEVELOPER);
  const launchDeveloper = (st: StoryState, storyFile: string, purpose: Active["purpose"], message?: string) => {
    const base = developerPrompt({ id: st.storyId, worktree: join(root, st.worktree ?? ""), branch: st.branch ?? "", storyFile });
    const resume = purpose === "start" ? undefined : devSession(st.storyId);
    // A continued session already has the story; it needs only what is new.
    const prompt = resume && message ? message : message ? `${base}\n\n${message}` : base;
    return launch(st, DEVELOPER, st.agent, `${prompt}\n\n${HEADLESS_DEVELOPER}`, purpose, resume ? { resume } : {});
  };

  let storyFiles = new Map<string, string>();
  const storyFileOf = (id: string) => storyFiles.get(idKey(id)) ?? "?";

  const failWith = async (storyId: string, reason: string) => {
    const f = await failStory(root, storyId, reason, clock);
    await ports.notify({ type: "story-failed", at: now(), storyId, reason });
    emit({ type: "story-failed", at: now(), storyId, reason });
    return f;
  };

  /** A worker ended without a usable report: retry (continuing its session) or fail the story. */
  const attemptFailed = async (a: Active, why: string) => {
    const tries = view().failedAttempts.get(attemptKey(a.storyId, a.role)) ?? 0;
    const d = retryDecision(tries, config.maxAttempts, config.retryBackoffSeconds, why);
    if (d.retry) {
      retryAt.set(attemptKey(a.storyId, a.role), Date.now() + d.afterMs);
      emit({ type: "retry", at: now(), storyId: a.storyId, role: a.role, afterMs: d.afterMs, reason: why });
    } else await failWith(a.storyId, `${a.role}: ${d.reason}`);
  };

  const handleEnd = async ({ active: a, end }: Ended) => {
    active.delete(attemptKey(a.storyId, a.role));
    const before = view().spentUsd;
    let usage = { costUsd: 0, tokens: 0 };
    let outcome = end.kind === "finished" ? "" : `${end.kind}: ${end.detail}`;
    let dev: ReturnType<typeof reportOf<DeveloperReport>> | null = null;
    let rev: ReturnType<typeof reportOf<ReviewerReport>> | null = null;
    if (end.kind === "finished") {
      usage = usageOf(end.result);
      if (a.role === DEVELOPER) dev = reportOf(end.result, DeveloperReportSchema);
      else rev = reportOf(end.result, ReviewerReportSchema);
      const r = dev ?? rev;
      outcome = r && r.ok ? (dev?.ok ? dev.value.result : rev?.ok ? rev.value.verdict : "") : (r && !r.ok ? r.error : "");
      // It reported, then hung and was killed: the report counts, the ledger says what happened.
      if (end.detail) outcome = `${outcome} (${end.detail})`;
    }
    let usable = (dev?.ok ?? false) || (rev?.ok ?? false);
    // DONE is usable only once submitted: a DONE with no reviewable commit is a failed attempt.
    // Decided before the end is written, so the one worker-end line carries both the worker's
    // cost and whether it counts toward maxAttempts.
    let submitted: Awaited<ReturnType<typeof submitStory>> | null = null;
    if (dev?.ok && dev.value.result === "DONE") {
      submitted = await submitStory(root, a.storyId, usage, clock);
      if (!submitted.ok) {
        usable = false;
        outcome = `submit refused: ${messages(submitted.error)}`;
      }
    }
    await log({ at: now(), event: "worker-end", storyId: a.storyId, role: a.role, n: a.n, end: end.kind, costUsd: usage.costUsd, tokens: usage.tokens, outcome, failedAttempt: !usable && end.kind !== "stopped" });
    // The story's state gets every worker's usage once: a submit carries the developer's.
    if (!submitted?.ok && (usage.costUsd || usage.tokens)) await recordUsage(root, a.storyId, usage, now());
    acted = true;
    emit({ type: "worker-ended", at: now(), storyId: a.storyId, role: a.role, n: a.n, end: end.kind, outcome, costUsd: usage.costUsd, tokens: usage.tokens });
    const after = view().spentUsd;
    if (!view().budgetWarned && crossedWarning(budgetUsd, before, after)) {
      await log({ at: now(), event: "budget-warning" });
      await ports.notify({ type: "budget-warning", at: now(), spentUsd: after, budgetUsd: budgetUsd as number });
      emit({ type: "budget-warning", at: now(), spentUsd: after, budgetUsd: budgetUsd as number });
    }
    if (end.kind === "stopped") return; // the run is stopping; the next `run` carries on
    if (submitted && !submitted.ok) {
      // DONE without a reviewable commit: the developer continues with the reason.
      return attemptFailed(a, outcome);
    }
    if (!usable) return attemptFailed(a, outcome || "no report");
    if (a.role !== DEVELOPER) {
      const verdict = (rev as { ok: true; value: ReviewerReport }).value;
      const findings = verdict.findings.map((f) => ({ severity: f.severity, message: f.message, ...(f.file ? { file: f.file } : {}), ...(f.line ? { line: f.line } : {}) }));
      const rec = await recordReview(root, a.storyId, { verdict: verdict.verdict, findings, reviewer: a.role, ...(a.head ? { reviewedSha: a.head } : {}), source: "agent" }, clock);
      emit({ type: "review", at: now(), storyId: a.storyId, reviewer: a.role, verdict: verdict.verdict, recorded: rec.ok ? rec.value.status : messages(rec.error) });
      return;
    }
    const report = (dev as { ok: true; value: DeveloperReport }).value;
    if (report.result === "QUESTION") {
      const q = report.question ?? report.summary;
      await ports.writeQuestion(root, a.storyId, q, now());
      questions.add(a.storyId);
      // Notified first: whoever watches the events may stop the runner at this one.
      await ports.notify({ type: "question", at: now(), storyId: a.storyId, question: q });
      emit({ type: "question", at: now(), storyId: a.storyId, question: q });
      return;
    }
    if (report.result === "BLOCKED") {
      await failWith(a.storyId, `the developer reported BLOCKED: ${report.summary}`);
      return;
    }
    const sub = submitted as { ok: true; value: { status: string; headSha: string } };
    sentBack.delete(a.storyId);
    emit({ type: "story", at: now(), storyId: a.storyId, status: sub.value.status, note: `head ${sub.value.headSha.slice(0, 8)}` });
  };

  const doMerge = async (id: string) => {
    emit({ type: "merge-started", at: now(), storyId: id });
    const m = await mergeStory(root, id, clock);
    if (m.ok) {
      emit({ type: "story", at: now(), storyId: id, status: "Done", note: `merged ${m.value.mergedSha.slice(0, 8)}` });
    } else {
      const why = messages(m.error);
      const sendBack = m.error.some((d) => d.code === "verify-failed" || d.code === "merge-conflict");
      emit({ type: "merge-refused", at: now(), storyId: id, reason: why });
      if (sendBack) sentBack.set(id, why);
      else await failWith(id, `merge refused: ${why}`);
    }
  };

  try {
    for (;;) {
      passes++;
      opts.onPass?.(why);
      acted = false;
      while (ended.length) await handleEnd(ended.shift() as Ended);
      if (signal.aborted) break;
      projectLoads++;
      const nx = await nextStories(root, first && opts.scope.length ? opts.scope : undefined);
      if (!nx.ok) throw new RunRefused(nx.error);
      if (first) {
        const orch = await readOrchestrationState(root);
        const facts = await startFacts(root);
        if (!facts.ok) throw new RunRefused(facts.error);
        storyFiles = facts.value.storyFiles;
        emit({ type: "run-started", at: now(), total: orch.ok && orch.value ? orch.value.stories.length : 0, done: orch.ok && orch.value ? orch.value.completed.length : 0, ready: nx.value.ready.length, running: nx.value.running.length, waiting: nx.value.waiting.length, setAside: nx.value.setAside.map((s) => s.id), maxParallel: config.maxParallel, budgetUsd, remaining: facts.value.remaining });
        first = false;
      }
      const states = await readAllStoryStates(root);
      if (!states.ok) throw new RunRefused(states.error);
      storyCosts = [...states.value.values()].filter((st) => st.status === "Done" || st.status === "Approved").map((st) => storyUsage(view(), st.storyId).costUsd).filter((c) => c > 0);
      const busy = (id: string, role = DEVELOPER) => active.has(attemptKey(id, role));
      const due = (id: string, role = DEVELOPER) => (retryAt.get(attemptKey(id, role)) ?? 0) <= Date.now();
      const stateOf = (id: string) => states.value.get(idKey(id));

      // 1. One merge at a time, while the workers go on.
      const mergeable = nx.value.byStep.merge.filter((id) => !sentBack.has(id) && !busy(id));
      if (!merging && mergeable.length) {
        const id = mergeable[0] as string;
        acted = true;
        merging = doMerge(id).finally(() => {
          merging = null;
          acted = true;
          wakeup.poke("merge-settled");
        });
      }
      // 2. A merge sent back: the developer fixes it in its own session.
      for (const [id, why] of sentBack) {
        const st = stateOf(id);
        if (!st || busy(id) || !due(id)) continue;
        launchDeveloper(st, storyFileOf(id), "merge-back", `The merge of story ${id} was refused: ${why}\nFix it in the worktree, commit, and report again.`);
      }
      // 3. Reviews of the submitted head, one worker per configured reviewer.
      for (const id of nx.value.byStep.review) {
        const st = stateOf(id);
        if (!st?.headSha) continue;
        for (const reviewer of config.reviewers) {
          if (busy(id, reviewer) || !due(id, reviewer) || st.reviews.some((r) => r.reviewer === reviewer && r.sha === st.headSha)) continue;
          const prompt = reviewerPrompt({ id: st.storyId, worktree: join(root, st.worktree ?? ""), storyFile: storyFileOf(id), base: st.baseSha ?? "?", head: st.headSha });
          launch(st, reviewer, reviewer, `${prompt}\n\n${HEADLESS_REVIEWER}`, "start", { head: st.headSha });
        }
      }
      // 4. Changes requested: the fix round continues the developer's session with the findings.
      for (const id of nx.value.byStep.fix) {
        if (busy(id) || questions.has(id) || !due(id)) continue;
        if (!mayLaunch()) break;
        const s = await startStory(root, id, clock);
        if (!s.ok) {
          emit({ type: "start-refused", at: now(), storyId: id, reason: messages(s.error) });
          continue;
        }
        const st = stateOf(id) as StoryState;
        launchDeveloper({ ...st, worktree: s.value.worktree, branch: s.value.branch }, storyFileOf(id), "fix", fixRoundMessage(s.value.fix ?? []));
      }
      // 5. Questions answered, and stories a crash or a stopped worker left In Progress.
      for (const id of nx.value.byStep.developing) {
        const st = stateOf(id);
        if (!st || busy(id) || !due(id)) continue;
        if (questions.has(id) || (await ports.hasQuestion(root, id))) {
          const answer = await ports.readAnswer(root, id);
          if (answer === null) {
            questions.add(id);
            continue;
          }
          await ports.closeQuestion(root, id);
          questions.delete(id);
          emit({ type: "answered", at: now(), storyId: id });
          launchDeveloper(st, storyFileOf(id), "answer", `A person answered your question:\n${answer}\nGo on with the story, commit, and report again.`);
          continue;
        }
        const tries = view().failedAttempts.get(attemptKey(id, DEVELOPER)) ?? 0;
        launchDeveloper(st, storyFileOf(id), tries ? "retry" : devSession(id) ? "continue" : "start", devSession(id) ? `Your session was interrupted. Go on with story ${id} where you stopped, commit, and report.` : undefined);
      }
      // 6. New stories, while the budget allows.
      for (const r of nx.value.ready) {
        const ok = mayStartStory(budgetView(view()));
        if (!ok.ok) {
          budgetStop(ok.reason);
          break;
        }
        if (!mayLaunch()) break;
        const s = await startStory(root, r.id, clock);
        if (!s.ok) {
          emit({ type: "start-refused", at: now(), storyId: r.id, reason: messages(s.error) });
          continue;
        }
        const fresh = await readAllStoryStates(root);
        const st = fresh.ok ? fresh.value.get(idKey(r.id)) : undefined;
        if (st) {
          emit({ type: "story", at: now(), storyId: r.id, status: "In Progress", note: `${s.value.agent} in ${s.value.worktree}` });
          launchDeveloper(st, storyFileOf(r.id), "start");
        }
      }

      const waitingForPeople = questions.size > 0;
      // An answer wakes the runner: the folder is watched while a question waits (again if
      // a watch died), and no longer once none does.
      if (waitingForPeople && !answers?.alive() && ports.watchAnswers) answers = ports.watchAnswers(root, () => wakeup.poke("answers"));
      else if (!waitingForPeople && answers) {
        answers.close();
        answers = null;
      }
      const pendingRetries = [...retryAt.values()].some((t) => t > Date.now());
      if (active.size === 0 && !merging && ended.length === 0 && !pendingRetries && !waitingForPeople) {
        projectLoads++;
        const again = await nextStories(root);
        if (!again.ok) throw new RunRefused(again.error);
        if (!progressPossible(again.value, acted, stoppedByBudget)) break;
        // Nothing is under way that would wake the runner, but this pass changed something:
        // the next pass comes at once (it ends the run, or acts).
        why = ["follow-up"];
        continue;
      }
      const plan = sleepPlan(Date.now(), retryAt.values(), pollMs);
      why = await wakeup.wait(plan.ms, plan.reason);
    }
  } catch (e) {
    answers?.close();
    // The run cannot go on (the project became unreadable, a state write failed): its workers
    // are stopped and their ends recorded before the error is reported, so none works on alone
    // and the next `run` carries their stories on. The first error is the one reported.
    for (const a of active.values()) a.handle.stop();
    await Promise.all([...active.values()].map((a) => a.handle.done));
    if (merging) await merging.catch(() => undefined);
    while (ended.length) await handleEnd(ended.shift() as Ended).catch(() => undefined);
    throw e;
  }
  answers?.close();
  if (signal.aborted) {
    emit({ type: "stopping", at: now(), workers: active.size, merging: merging !== null });
    for (const a of active.values()) a.handle.stop();
    await Promise.all([...active.values()].map((a) => a.handle.done));
    if (merging) await merging;
    while (ended.length) await handleEnd(ended.shift() as Ended);
  }

  await log({ at: now(), event: "run-end", note: signal.aborted ? "interrupted" : stoppedByBudget ? "budget" : "finished" });
  const sum = await writeSummary(root, clock);
  const v = view();
  const d = sum.ok ? sum.value.summary : null;
  const outcome: RunOutcome = {
    finished: !signal.aborted,
    interrupted: signal.aborted,
    stoppedByBudget,
    done: d ? d.completed.length : 0,
    total: d ? d.completed.length + d.failed.length + d.blocked.length + d.skipped.length + d.unfinished.length : 0,
    failed: d ? d.failed.map((f) => f.id) : [],
    spentUsd: v.spentUsd,
    summary: sum.ok ? sum.value.markdown : messages(sum.error),
    passes,
    projectLoads,
  };
  if (!signal.aborted) {
    await ports.notify({ type: "run-finished", at: now(), done: outcome.done, total: outcome.total, failed: outcome.failed, spentUsd: outcome.spentUsd, summary: outcome.summary });
  }
  emit({ type: "run-finished", at: now(), ...outcome });
  return outcome;
}

/**
 * With no worker, merge, retry or question under way: could another pass change anything? Not
 * when the run is finished, nor when this pass changed nothing (the next would see the same state
 * and do the same nothing: a launch the budget refused, a start the engine refused). Otherwise
 * while stories are under way, or ready and the budget still lets new ones start.
 */
export function progressPossible(n: Pick<NextResult, "finished" | "ready" | "running">, acted: boolean, stoppedByBudget: boolean): boolean {
  if (n.finished || !acted) return false;
  return n.running.length > 0 || (!stoppedByBudget && n.ready.length > 0);
}

export class RunRefused extends Error {
  constructor(readonly diags: Diag[]) {
    super(messages(diags));
  }
}

function stringEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  return out;
}

/** What a fix round's developer is told: the findings to fix (a continued session gets only this). */
export function fixRoundMessage(findings: readonly string[]): string {
  return `Fix round: the reviewers asked for changes.\n${findings.join("\n")}\nFix them in the worktree, commit, and report again.`;
}

export const HEADLESS_DEVELOPER =
  "You run headless: no one reads your text. End by giving your report through the StructuredOutput tool: " +
  "result DONE (everything committed in the worktree), BLOCKED (it cannot be done; say why in summary), or " +
  "QUESTION (you cannot go on without a person's decision; put the question in `question`; the story waits for the answer).";

const HEADLESS_REVIEWER =
  "You run headless: no one reads your text. End by giving your verdict through the StructuredOutput tool: " +
  "verdict approved or changes-requested, with every finding (severity, file, line, message).";
