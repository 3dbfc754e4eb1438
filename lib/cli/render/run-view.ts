// Three renderings of the runner's events: a live view on a terminal (one line per active story
// with its phase, elapsed time, tokens and cost, and a totals line), one plain line per event
// elsewhere (logs, CI), and NDJSON for other tools. Pure: events in, text out; the verb
// decides where the text goes.
import type { RunnerEvent } from "../../engine/run/runner-events.js";
import { usd } from "../../core/run/budget.js";
import { estimateRemainingMs, type RemainingStory } from "../../core/run/eta.js";

/** One line for an event, for logs and non-terminal output. */
export function eventLine(e: RunnerEvent): string {
  const t = e.at.slice(11, 19);
  switch (e.type) {
    case "run-started":
      return `${t} run: ${e.total} stories, ${e.ready} ready, ${e.running} in flight, ${e.waiting} waiting${e.setAside.length ? `, set aside: ${e.setAside.join(", ")}` : ""} (maxParallel ${e.maxParallel}${e.budgetUsd !== null ? `, budget ${usd(e.budgetUsd)}` : ""})`;
    case "worker-started":
      return `${t} ${e.storyId}: ${e.role} #${e.n} started (${e.purpose}${e.resumed ? ", continuing its session" : ""})`;
    case "worker-ended":
      return `${t} ${e.storyId}: ${e.role} #${e.n} ${e.end}${e.outcome ? `: ${e.outcome}` : ""} (${usd(e.costUsd)}, ${e.tokens} tokens)`;
    case "story":
      return `${t} ${e.storyId}: ${e.status}${e.note ? ` (${e.note})` : ""}`;
    case "review":
      return `${t} ${e.storyId}: ${e.reviewer} ${e.verdict} → ${e.recorded}`;
    case "question":
      return `${t} ${e.storyId}: QUESTION: ${e.question}\n    answer with: story-orchestrator answer ${e.storyId} "..."`;
    case "answered":
      return `${t} ${e.storyId}: answered; its developer goes on`;
    case "retry":
      return `${t} ${e.storyId}: ${e.role} ${e.reason}; retry in ${Math.round(e.afterMs / 1000)} s`;
    case "story-failed":
      return `${t} ${e.storyId}: Failed: ${e.reason}`;
    case "merge-started":
      return `${t} ${e.storyId}: merging`;
    case "merge-refused":
      return `${t} ${e.storyId}: merge refused: ${e.reason}`;
    case "start-refused":
      return `${t} ${e.storyId}: not started: ${e.reason}`;
    case "budget-warning":
      return `${t} budget: ${usd(e.spentUsd)} of ${usd(e.budgetUsd)} spent (75%)`;
    case "budget-stop":
      return `${t} ${e.reason}: no new story starts; stories under way finish`;
    case "stopping":
      return `${t} stopping: ${e.workers} worker${e.workers === 1 ? "" : "s"} asked to stop${e.merging ? ", the merge under way finishes" : ""}`;
    case "run-finished":
      return `${t} run ${e.interrupted ? "interrupted" : "finished"}: ${e.done}/${e.total} done${e.failed.length ? `, failed: ${e.failed.join(", ")}` : ""}, ${usd(e.spentUsd)} spent`;
  }
}

interface Row {
  storyId: string;
  phase: string;
  since: number;
  tokens: number;
  costUsd: number;
}

/** The live view's model: events folded into rows and totals. */
export class LiveView {
  private readonly rows = new Map<string, Row>();
  private spent = 0;
  private done = 0;
  private total = 0;
  private budget: number | null = null;
  private readonly recent: string[] = [];
  private startedAt = Date.now();
  /** The finish estimate's schedule: the stories left at the start, the cap, and what has left it since. */
  private remaining: RemainingStory[] = [];
  private maxParallel = 1;
  private readonly gone = new Set<string>();
  /** When each story's first worker of this run started, and how long the finished ones took. */
  private readonly firstStart = new Map<string, number>();
  private readonly storyMs: number[] = [];


  apply(e: RunnerEvent): void {
    const at = Date.parse(e.at);
    const row = (id: string) => this.rows.get(id) ?? { storyId: id, phase: "", since: at, tokens: 0, costUsd: 0 };
    switch (e.type) {
      case "run-started":
        this.budget = e.budgetUsd;
        this.total = e.total;
        this.done = e.done;
        this.startedAt = at;
        this.remaining = e.remaining;
        this.maxParallel = e.maxParallel;
        break;
      case "worker-started":
        if (!this.firstStart.has(e.storyId)) this.firstStart.set(e.storyId, at);
        this.rows.set(e.storyId, { ...row(e.storyId), phase: e.role === "developer" ? (e.purpose === "start" ? "implementing" : e.purpose) : `review (${e.role})`, since: at });
        break;
      case "worker-ended": {
        const r = row(e.storyId);
        this.spent += e.costUsd;
        this.rows.set(e.storyId, { ...r, phase: "between steps", tokens: r.tokens + e.tokens, costUsd: r.costUsd + e.costUsd, since: at });
        break;
      }
      case "question":
        this.rows.set(e.storyId, { ...row(e.storyId), phase: "waiting for an answer", since: at });
        break;
      case "merge-started":
        this.rows.set(e.storyId, { ...row(e.storyId), phase: "merging", since: at });
        break;
      case "story":
        if (e.status === "Done") {
          this.rows.delete(e.storyId);
          this.done++;
          this.gone.add(e.storyId);
          const first = this.firstStart.get(e.storyId);
          if (first !== undefined) this.storyMs.push(at - first);
        }
        break;
      case "story-failed":
        this.rows.delete(e.storyId);
        this.leaveWithDependents(e.storyId);
        break;
      default:
        break;
    }
    if (e.type !== "worker-started" && e.type !== "worker-ended") {
      this.recent.push(eventLine(e));
      if (this.recent.length > 4) this.recent.shift();
    }
  }

  /** The frame: recent events, one line per active story, the totals line. */
  frame(nowMs: number, width: number): string {
    const cut = (s: string) => (s.length > width ? `${s.slice(0, Math.max(0, width - 1))}…` : s);
    const lines = [...this.recent];
    for (const r of [...this.rows.values()].sort((a, b) => a.storyId.localeCompare(b.storyId, undefined, { numeric: true }))) {
      lines.push(`  ${r.storyId.padEnd(10)} ${r.phase.padEnd(24)} ${clock(nowMs - r.since).padStart(6)}  ${String(r.tokens).padStart(8)} tok  ${usd(r.costUsd)}`);
    }
    const budget = this.budget !== null ? ` of ${usd(this.budget)}` : "";
    lines.push(`  ${this.done}/${this.total} done · ${usd(this.spent)}${budget} spent · ${clock(nowMs - this.startedAt)} elapsed${this.eta()}`);
    return lines.map(cut).join("\n");
  }

  /** Finish estimate from the schedule left (core/run/eta.ts); none before a story of this run has finished. */
  private eta(): string {
    const ms = estimateRemainingMs(this.remaining, this.gone, this.maxParallel, this.storyMs);
    return ms === null ? "" : ` · about ${clock(ms)} to go`;
  }

  /** A failed story leaves the schedule, and so do the stories that wait for it (they are blocked). */
  private leaveWithDependents(id: string): void {
    const queue = [id];
    while (queue.length) {
      const cur = queue.pop() as string;
      if (this.gone.has(cur) && cur !== id) continue;
      this.gone.add(cur);
      for (const s of this.remaining) if (!this.gone.has(s.id) && s.dependsOn.includes(cur)) queue.push(s.id);
    }
  }
}

function clock(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return h ? `${h}h${String(m).padStart(2, "0")}m` : `${m}:${String(sec).padStart(2, "0")}`;
}
