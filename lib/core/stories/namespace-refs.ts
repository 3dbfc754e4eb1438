// A reference with no namespace (`1.2`, `Stories 1.1-1.3`, `Epic 3`) written in a namespaced story
// (UGM-2.1) means the story of its own namespace when there is one (UGM-1.2), else the
// un-namespaced one. Why: a namespace is a track of its own with its own numbering (hanibalsk's
// UGM-1.1 ... UGM-6.4 beside 1.1 ... 15.3), and people inside a track shorten its ids as
// they shorten a path inside the current folder. A ref that names a namespace (`UGM-1.1`,
// `Epic UGM-3`) always means that one. Done once over the parsed stories, so every consumer
// (graph, validate, hooks) sees the same targets and the graph knows nothing of namespaces.
import { epicOf, idKey, namespaceOf, withNamespace } from "../ids.js";
import type { DepRef, DepTarget, ParsedStory } from "../model.js";

/** `stories` with bare references in namespaced stories pointed into the namespace where it has the target. */
export function resolveInNamespaces(stories: readonly ParsedStory[]): readonly ParsedStory[] {
  // Most projects have no namespace at all: one scan, nothing built.
  if (!stories.some((s) => s.id.includes("-"))) return stories;
  const ids = new Set<string>();
  const epics = new Set<string>();
  for (const s of stories) {
    ids.add(idKey(s.id));
    if (s.epic.number !== "") epics.add(idKey(s.epic.number));
    const e = epicOf(s.id);
    if (e !== "") epics.add(idKey(e));
  }
  return stories.map((s) => {
    const ns = namespaceOf(s.id);
    if (ns === "") return s;
    const within = (id: string, known: Set<string>): string | null => {
      if (namespaceOf(id) !== "" || id.includes("-")) return null;
      const scoped = withNamespace(ns, id);
      return known.has(idKey(scoped)) ? scoped : null;
    };
    const target = (t: DepTarget): DepTarget | null => {
      switch (t.kind) {
        case "story": {
          const id = within(t.id, ids);
          return id === null ? null : { kind: "story", id };
        }
        case "range": {
          const from = within(t.from, ids);
          const to = within(t.to, ids);
          return from !== null || to !== null ? { kind: "range", from: withNamespace(ns, t.from), to: withNamespace(ns, t.to) } : null;
        }
        case "epic": {
          const epic = within(t.epic, epics);
          return epic === null ? null : { kind: "epic", epic };
        }
        case "file":
          // A file reference names its story by file, which has no namespace to add.
          return null;
      }
    };
    let changed = false;
    const scoped = (refs: DepRef[]): DepRef[] =>
      refs.map((r) => {
        const t = target(r.target);
        if (t === null) return r;
        changed = true;
        return { ...r, target: t };
      });
    const refs = scoped(s.dependencies.refs);
    const blocks = scoped(s.blocks);
    return changed ? { ...s, dependencies: { ...s.dependencies, refs }, blocks } : s;
  });
}
