// Stories that must not run at the same time (ccpm's scheduling hints):
// - `conflicts_with: [12, 14]`: "tasks that modify the same files" (ccpm's epic-decompose). A
//   conflict holds both ways, whichever file names it: 12 never runs beside this story either.
// - `parallel: false`: ccpm asks "can this run in parallel with other tasks?", and a task's
//   other tasks are those of its epic (ccpm decomposes, numbers and runs one epic at a time, in
//   one branch). So the story runs alone within its epic: no other story of the epic is started
//   while it is active, and it is not started while another one of the epic is. Stories of other
//   epics still run beside it: reading it as "alone in the whole project" would serialise every
//   run that holds one such task, which nobody wrote.
// Ids resolve like dependency ids (own-edges.ts resolveRef). Pure: stories in, positions out.
import { diag } from "../diagnostics.js";
import type { RelatedDiag, StoryIndex } from "../graph/dep-graph.js";
import { describeTarget, resolveRef } from "../graph/own-edges.js";

export interface ConflictFacts {
  /** Per story position: the positions it must not run beside, both ways, in id order; undefined for none. */
  with: (readonly number[] | undefined)[];
  /** Per story position: 1 for `parallel: false` (alone within its epic). */
  alone: Uint8Array;
  /** Whether any story is `parallel: false` (then every story's group matters). */
  anyAlone: boolean;
  /** Per story position: its epic, the group `parallel: false` speaks of. */
  group(position: number): string;
  diagnostics: RelatedDiag[];
}

export function resolveConflicts(index: StoryIndex): ConflictFacts {
  const { sorted, keys } = index;
  const alone = new Uint8Array(sorted.length);
  const sets: (Set<number> | undefined)[] = new Array<Set<number> | undefined>(sorted.length);
  const diagnostics: RelatedDiag[] = [];
  const targets: number[] = [];
  let any = false;
  let anyAlone = false;
  for (let i = 0; i < sorted.length; i++) {
    const { overrides, id, path } = sorted[i]!;
    if (overrides.parallel === false) {
      alone[i] = 1;
      anyAlone = true;
    }
    const refs = overrides.conflictsWith;
    if (refs === undefined) continue;
    for (const ref of refs) {
      const n = resolveRef(index, ref, targets);
      if (n === 0) {
        diagnostics.push({
          diag: diag("unknown-dependency", `${id} conflicts with ${describeTarget(ref)} ("${ref.raw}"); the reference is ignored.`, path, ref.line),
          stories: [keys[i]!],
          severity: "warning",
        });
      }
      for (let k = 0; k < n; k++) {
        const t = targets[k]!;
        if (t === i) continue;
        (sets[i] ??= new Set()).add(t);
        (sets[t] ??= new Set()).add(i);
        any = true;
      }
    }
  }
  const out: (readonly number[] | undefined)[] = new Array<readonly number[] | undefined>(sorted.length);
  if (any) sets.forEach((s, i) => s && (out[i] = [...s].sort((a, b) => a - b)));
  return {
    with: out,
    alone,
    anyAlone,
    group: (i) => {
      const { epic } = sorted[i]!;
      return epic.number !== "" ? `#${epic.number}` : `@${epic.name ?? ""}`;
    },
    diagnostics,
  };
}

/** What the ready queue needs of a story to keep conflicting ones apart. */
export interface ConflictView {
  id: string;
  /** Ids it must not run beside (both ways already). */
  conflicts?: readonly string[];
  /** `parallel: false`: alone within `group`. */
  alone?: boolean;
  /** Its epic. */
  group?: string;
}

/**
 * The stories holding a slot (active) and those handed out so far; `blocker(s)` names one of
 * them that `s` must not run beside, if any.
 */
export class ConflictGuard {
  readonly #busy = new Set<string>();
  /** group → a busy story of it; and the busy story that wants its group to itself. */
  readonly #inGroup = new Map<string, string>();
  readonly #aloneIn = new Map<string, string>();

  constructor(active: readonly ConflictView[]) {
    for (const s of active) this.take(s);
  }

  blocker(s: ConflictView): string | undefined {
    for (const c of s.conflicts ?? []) if (this.#busy.has(c)) return c;
    if (s.group === undefined) return undefined;
    const alone = this.#aloneIn.get(s.group);
    if (alone !== undefined) return alone;
    return s.alone ? this.#inGroup.get(s.group) : undefined;
  }

  take(s: ConflictView): void {
    this.#busy.add(s.id);
    if (s.group === undefined) return;
    if (!this.#inGroup.has(s.group)) this.#inGroup.set(s.group, s.id);
    if (s.alone && !this.#aloneIn.has(s.group)) this.#aloneIn.set(s.group, s.id);
  }
}
