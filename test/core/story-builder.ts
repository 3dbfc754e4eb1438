// A tiny ParsedStory builder for pure-unit tests of scope, graph, agents and plan.
import { epicOf } from "../../lib/core/ids.js";
import type { DepRef, ParsedStory, StoryStatus } from "../../lib/core/model.js";

export interface StoryOpts {
  /** Refs as written: "1.1", "1.1-1.5", "epic:2". `null` = the file has no dependency statement. */
  deps?: string[] | null;
  /** Line of the first dependency ref; each next ref is one line lower. */
  depLine?: number;
  fromFrontMatter?: boolean;
  blocks?: string[];
  blocksLine?: number;
  status?: StoryStatus;
  title?: string;
  epicName?: string;
  epic?: string;
  technologies?: string[];
  agent?: string;
  tasks?: string[];
}

export function ref(text: string, line: number, source?: DepRef["source"]): DepRef {
  let r: DepRef;
  if (text.startsWith("epic:")) r = { target: { kind: "epic", epic: text.slice(5) }, raw: `Epic ${text.slice(5)}`, line };
  else if (text.includes("-")) {
    const [from = "", to = ""] = text.split("-");
    r = { target: { kind: "range", from, to }, raw: `Stories ${text}`, line };
  } else r = { target: { kind: "story", id: text }, raw: `Story ${text}`, line };
  if (source) r.source = source;
  return r;
}

export function pathOf(id: string): string {
  return `docs/stories/${id}.story.md`;
}

export function story(id: string, o: StoryOpts = {}): ParsedStory {
  const depLine = o.depLine ?? 7;
  const blocksLine = o.blocksLine ?? 9;
  const epic: ParsedStory["epic"] = { number: o.epic ?? epicOf(id) };
  if (o.epicName !== undefined) epic.name = o.epicName;
  const s: ParsedStory = {
    id,
    idSource: "file-name",
    title: o.title ?? `Story ${id}`,
    path: pathOf(id),
    status: { raw: o.status ?? "Draft", normalized: o.status ?? "Not Started", line: 3 },
    epic,
    dependencies:
      o.deps === null || o.deps === undefined
        ? { declared: false, refs: [] }
        : { declared: true, refs: o.deps.map((d, i) => ref(d, depLine + i, o.fromFrontMatter ? "front-matter" : undefined)), line: depLine },
    blocks: (o.blocks ?? []).map((b, i) => ref(b, blocksLine + i)),
    acceptanceCriteria: [],
    tasks: (o.tasks ?? []).map((text, i) => ({ text, done: false, line: 20 + i })),
    technologies: o.technologies ?? [],
    overrides: {},
  };
  if (o.agent !== undefined) s.overrides.agent = o.agent;
  return s;
}
