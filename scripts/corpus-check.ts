// Compares what `plan --json` says about a corpus folder with what a careful person reads in it
// (test/corpora.expected.json). Pure: the corpus test asserts its answer and `npm run corpora`
// prints a summary of it. Each expectation key gives a list of problems; an empty list is met.
import type { CorpusExpectation, CorpusPlan, CorpusStory } from "./corpus-plan.js";

export const EXPECTATION_KEYS = [
  "stories", "ids", "storyFiles", "notStories", "edges", "nonEdges", "done", "notDone", "noFileYet", "duplicates",
] as const;
export type ExpectationKey = (typeof EXPECTATION_KEYS)[number];

/**
 * The comparison key of an id, so that one story written two ways is one story: case, a leading
 * word "Story", zero padding and the separator between parts do not count (`STORY-064` = `Story 64`,
 * `01.05` = `1.5`, `1-2` = `1.2`). A prefix stays (`UGM-1.2` is not `1.2`).
 */
export function idKey(id: string): string {
  return id
    .toLowerCase()
    .replace(/^story[\s_.-]*/, "")
    .split(/[\s_.-]+/)
    .filter((p) => p !== "")
    .map((p) => (/^\d+$/.test(p) ? String(Number(p)) : p))
    .join(".");
}

/** `*` within a path segment, `**` across segments; matches the end of a path at a segment boundary. */
function globRegex(glob: string): RegExp {
  const body = glob
    .split(/(\*\*\/?|\*)/)
    .map((part) => (part === "**" || part === "**/" ? ".*" : part === "*" ? "[^/]*" : part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`(^|/)${body}$`);
}

const isPath = (ref: string) => ref.endsWith(".md");
const epicOf = (ref: string) => /^epic\s+(.+)$/i.exec(ref)?.[1];

export class CorpusView {
  /** Stories read from a file, ambiguous files aside. */
  readonly stories: CorpusStory[];
  private readonly ambiguous: RegExp[];

  constructor(readonly plan: CorpusPlan, readonly exp: CorpusExpectation) {
    this.ambiguous = (exp.ambiguous ?? []).map(globRegex);
    this.stories = (plan.stories ?? []).filter((s) => typeof s.path === "string" && s.path !== "" && !this.ambiguous.some((r) => r.test(s.path!)));
  }

  private idMatches(actual: string, expected: string): boolean {
    const a = idKey(actual);
    const e = idKey(expected);
    return a === e || (this.exp.idsMayBeNamespaced === true && a.endsWith(`.${e}`));
  }

  /** The stories a reference names: a file path, `epic N`, or an id. */
  resolve(ref: string): CorpusStory[] {
    if (isPath(ref)) {
      const r = globRegex(ref);
      return this.stories.filter((s) => r.test(s.path!));
    }
    const epic = epicOf(ref);
    if (epic !== undefined) {
      const k = idKey(epic);
      return this.stories.filter((s) => idKey(s.id).startsWith(`${k}.`));
    }
    return this.stories.filter((s) => this.idMatches(s.id, ref));
  }

  private one(ref: string, problems: string[]): CorpusStory | undefined {
    const found = this.resolve(ref);
    if (found.length !== 1) problems.push(`${ref}: ${found.length === 0 ? "not found" : `${found.length} stories match`}`);
    return found.length === 1 ? found[0] : undefined;
  }

  private dependsOn(story: CorpusStory, target: string): boolean | "unresolved" {
    const targets = this.resolve(target);
    if (targets.length === 0) return story.dependencies.some((d) => this.idMatches(d, target)) ? true : "unresolved";
    // A whole epic is a dependency on every one of its stories; an id or a path on that story.
    return targets.every((t) => story.dependencies.includes(t.id));
  }

  check(key: ExpectationKey): string[] {
    const p: string[] = [];
    const exp = this.exp;
    switch (key) {
      case "stories": {
        const n = new Set(this.stories.map((s) => idKey(s.id))).size;
        if (n !== exp.stories) p.push(`${n} distinct story ids, expected ${exp.stories}`);
        break;
      }
      case "ids": {
        const { missing, extra } = this.idDiff();
        if (missing.length > 0) p.push(`missing ${missing.length}: ${missing.slice(0, 12).join(", ")}`);
        if (extra.length > 0) p.push(`extra ${extra.length}: ${extra.slice(0, 12).join(", ")}`);
        break;
      }
      case "storyFiles":
        for (const f of exp.storyFiles ?? []) if (this.resolve(f).length === 0) p.push(`${f} is not taken as a story`);
        break;
      case "notStories":
        for (const group of exp.notStories ?? [])
          for (const glob of group.files) {
            const r = globRegex(glob);
            for (const s of this.stories) if (r.test(s.path!)) p.push(`${s.path} (${group.reason}) is taken as story ${s.id}`);
          }
        break;
      case "edges":
        for (const { edge: [from, to] } of exp.edges ?? []) {
          const s = this.one(from, p);
          if (s && this.dependsOn(s, to) !== true) p.push(`${from} → ${to} missing (has ${s.dependencies.join(", ") || "none"})`);
        }
        break;
      case "nonEdges":
        for (const { edge: [from, to] } of exp.nonEdges ?? []) {
          const s = this.one(from, p);
          if (!s) continue;
          const targets = epicOf(to) === undefined ? this.resolve(to) : [];
          if (targets.some((t) => s.dependencies.includes(t.id)) || s.dependencies.some((d) => this.idMatches(d, to))) p.push(`${from} → ${to} is present`);
        }
        break;
      case "done":
      case "notDone":
        for (const ref of exp[key] ?? []) {
          const s = this.one(ref, p);
          if (s && (s.status === "Done") !== (key === "done")) p.push(`${ref} is ${s.status ?? "without status"}`);
        }
        break;
      case "noFileYet":
        for (const id of exp.noFileYet ?? []) {
          if (this.stories.some((s) => this.idMatches(s.id, id))) p.push(`${id} is listed as a story with a file`);
          else if (!this.knowsWithoutFile(id)) p.push(`${id} is not shown as "no story file yet"`);
          if ((this.plan.waves ?? []).some((w) => w.some((x) => this.idMatches(x, id)))) p.push(`${id} is scheduled to run`);
        }
        break;
      case "duplicates":
        for (const d of exp.duplicates ?? []) {
          const names = d.files.map((f) => f.split("/").pop()!);
          if (!(this.plan.errors ?? []).some((e) => e.code === "duplicate-id" && names.every((n) => e.message.includes(n))))
            p.push(`no duplicate-id error naming ${names.join(" and ")}`);
        }
        break;
    }
    return p;
  }

  /** Expected ids the plan lacks, and ids the plan has that nobody expected. */
  idDiff(): { missing: string[]; extra: string[] } {
    const missing = this.exp.ids.filter((e) => !this.stories.some((s) => this.idMatches(s.id, e)));
    const extra = [...new Set(this.stories.map((s) => s.id))].filter((a) => !this.exp.ids.some((e) => this.idMatches(a, e)));
    return { missing, extra };
  }

  /** The plan names the id somewhere other than a story read from a file (a story without a path, or a list of its own). */
  private knowsWithoutFile(id: string): boolean {
    if ((this.plan.stories ?? []).some((s) => (s.path === undefined || s.path === null || s.path === "") && this.idMatches(s.id, id))) return true;
    const { stories: _s, waves: _w, criticalPath: _c, warnings: _wa, errors: _e, outOfScope: _o, ...rest } = this.plan;
    const ids: string[] = [];
    JSON.stringify(rest, (_k, v: unknown) => {
      if (typeof v === "string") ids.push(v);
      return v;
    });
    return ids.some((x) => this.idMatches(x, id));
  }

  /** Expected edges present, of those expected. */
  edgeScore(): { found: number; expected: number } {
    const edges = this.exp.edges ?? [];
    const found = edges.filter(({ edge: [from, to] }) => {
      const s = this.resolve(from);
      return s.length === 1 && this.dependsOn(s[0]!, to) === true;
    }).length;
    return { found, expected: edges.length };
  }
}

/** Every key's problems for one folder. */
export function checkCorpus(plan: CorpusPlan, exp: CorpusExpectation): Record<ExpectationKey, string[]> {
  const view = new CorpusView(plan, exp);
  return Object.fromEntries(EXPECTATION_KEYS.map((k) => [k, view.check(k)])) as Record<ExpectationKey, string[]>;
}
