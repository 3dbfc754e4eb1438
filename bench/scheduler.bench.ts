// Scheduler simulation on random story graphs: the ready queue (lib/core/scheduler/next.ts,
// priorities from the plan core's remaining critical path, by story count as the engine has no
// durations) against wave-by-wave execution, both measured against the lower bound
// max(critical path, total work / cap). Seeded, so every run prints the same figures.
import { nextReady, type SchedulableStory } from "../lib/core/scheduler/next.js";
import { makeDepGraph } from "../lib/core/graph/dep-graph.js";
import { remainingPathLengths } from "../lib/core/graph/critical-path.js";
import { computeWaves } from "../lib/core/graph/waves.js";
import { prng } from "../test/helpers/prng.js";

interface Dag {
  ids: string[];
  deps: Map<string, string[]>;
  dur: Map<string, number>;
}

function randomDag(n: number, seed: number): Dag {
  const r = prng(seed);
  const ids = Array.from({ length: n }, (_, i) => String(i + 1));
  const deps = new Map<string, string[]>();
  const dur = new Map<string, number>();
  ids.forEach((id, i) => {
    const k = Math.floor(r() * 4); // 0..3 dependencies on recent stories
    const set = new Set<string>();
    for (let j = 0; j < k && i > 0; j++) set.add(ids[Math.max(0, i - 1 - Math.floor(r() * Math.min(i, 40)))]!);
    deps.set(id, [...set]);
    dur.set(id, 1 + Math.floor(r() * 10));
  });
  return { ids, deps, dur };
}

function lowerBound(d: Dag, cap: number): number {
  const finish = new Map<string, number>();
  let cp = 0;
  for (const id of d.ids) {
    const f = Math.max(0, ...d.deps.get(id)!.map((x) => finish.get(x)!)) + d.dur.get(id)!;
    finish.set(id, f);
    cp = Math.max(cp, f);
  }
  const work = d.ids.reduce((a, id) => a + d.dur.get(id)!, 0);
  return Math.max(cp, work / cap);
}

function readyQueueMakespan(d: Dag, cap: number): number {
  const graph = makeDepGraph(d.ids, d.deps, new Set());
  const prio = remainingPathLengths(graph, new Set(d.ids));
  const stories: SchedulableStory[] = d.ids.map((id) => ({ id, dependencies: d.deps.get(id)!, status: "Not Started", agent: "a", priority: prio.get(id) ?? 0 }));
  const byId = new Map(stories.map((s) => [s.id, s]));
  const running: { id: string; end: number }[] = [];
  let t = 0;
  let done = 0;
  while (done < stories.length) {
    for (const r of nextReady(stories, cap).ready) {
      byId.get(r.id)!.status = "In Progress";
      running.push({ id: r.id, end: t + d.dur.get(r.id)! });
    }
    running.sort((a, b) => a.end - b.end);
    t = running[0]!.end;
    while (running.length && running[0]!.end === t) {
      byId.get(running.shift()!.id)!.status = "Done";
      done++;
    }
  }
  return t;
}

function wavesMakespan(d: Dag, cap: number): number {
  const graph = makeDepGraph(d.ids, d.deps, new Set());
  const { waves } = computeWaves(graph, new Set(d.ids));
  let t = 0;
  for (const wave of waves) {
    // Longest first within a wave (LPT), cap machines; the next wave waits for the whole wave.
    const slots = Array<number>(Math.min(cap, wave.length)).fill(0);
    for (const id of [...wave].sort((a, b) => d.dur.get(b)! - d.dur.get(a)!)) {
      const i = slots.indexOf(Math.min(...slots));
      slots[i]! += d.dur.get(id)!;
    }
    t += Math.max(...slots);
  }
  return t;
}

export async function run(): Promise<string> {
  const lines = ["stories  cap  runs  ready/bound (avg, max)  waves/bound (avg, max)  ready better than waves"];
  let allReady = 0;
  let allWaves = 0;
  let count = 0;
  for (const n of [100, 500, 1000, 2000]) {
    for (const cap of [2, 4, 8, 16]) {
      const seeds = n >= 1000 ? 2 : 4;
      const rq: number[] = [];
      const wv: number[] = [];
      let better = 0;
      for (let s = 0; s < seeds; s++) {
        const d = randomDag(n, n * 1000 + cap * 10 + s);
        const lb = lowerBound(d, cap);
        const a = readyQueueMakespan(d, cap);
        const b = wavesMakespan(d, cap);
        rq.push(a / lb);
        wv.push(b / lb);
        if (a < b) better++;
      }
      const avg = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
      allReady += rq.reduce((x, y) => x + y, 0);
      allWaves += wv.reduce((x, y) => x + y, 0);
      count += seeds;
      lines.push(
        `${String(n).padStart(7)}  ${String(cap).padStart(3)}  ${String(seeds).padStart(4)}  ${avg(rq).toFixed(3)}, ${Math.max(...rq).toFixed(3)}`.padEnd(47) +
          `${avg(wv).toFixed(3)}, ${Math.max(...wv).toFixed(3)}`.padEnd(24) +
          `${better}/${seeds}`,
      );
    }
  }
  lines.push(`average over ${count} graphs: ready queue ${(allReady / count).toFixed(3)}x the lower bound, waves ${(allWaves / count).toFixed(3)}x (goal: ready queue <= 1.05 and better than waves)`);
  return lines.join("\n");
}
