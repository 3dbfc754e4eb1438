import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG, type Config } from "../../lib/core/config/schema.js";
import type { ParsedStory } from "../../lib/core/model.js";
import { analyzeProject, buildPlan } from "../../lib/core/plan.js";
import { parseStories } from "../../lib/core/stories/parse-stories.js";
import { story } from "./story-builder.js";

const bare: Config = { ...DEFAULT_CONFIG, implicitDependencies: "never", foundation: [] };

function plan(stories: ParsedStory[], scope: string[] = [], config: Config = bare, statuses?: Map<string, ParsedStory["status"]["normalized"]>) {
  return buildPlan(statuses ? { stories, config, scope, statuses } : { stories, config, scope });
}

describe("buildPlan", () => {
  // The diamond 1.1 ← {1.2, 1.3} ← 1.4, with 1.0 already Done.
  const diamond = () => [
    story("1.0", { status: "Done" }),
    story("1.1", { deps: ["1.0"] }),
    story("1.2", { deps: ["1.1"], technologies: ["python"] }),
    story("1.3", { deps: ["1.1"] }),
    story("1.4", { deps: ["1.2", "1.3"] }),
  ];

  it("the critical path runs through the foundation gate: the longest chain wins, scoped or not", () => {
    // 1.1 reaches foundation 0.1 only through the gate; 1.2 names 0.1 itself. The longest
    // chain is 0.1 → 1.1 → 1.3 → 1.4, whichever way each story reaches the foundation.
    const stories = [story("0.1"), story("1.1"), story("1.2", { deps: ["0.1"] }), story("1.3", { deps: ["1.1"] }), story("1.4", { deps: ["1.3"] })];
    const config: Config = { ...DEFAULT_CONFIG, implicitDependencies: "never" };
    expect(plan(stories, [], config).criticalPath).toEqual(["0.1", "1.1", "1.3", "1.4"]);
    expect(plan(stories, ["0.1", "1.*"], config).criticalPath).toEqual(["0.1", "1.1", "1.3", "1.4"]);
    expect(plan(stories, ["1.*"], config, new Map([["0.1", "Done"]])).criticalPath).toEqual(["1.1", "1.3", "1.4"]);
  });

  it("plans a diamond: waves, critical path, Done stories listed but not scheduled", () => {
    const p = plan(diamond());
    expect(p.waves).toEqual([["1.1"], ["1.2", "1.3"], ["1.4"]]);
    expect(p.criticalPath).toEqual(["1.1", "1.2", "1.4"]);
    expect(p.stories.map((s) => [s.id, s.status, s.wave, s.dependencies.join(",")])).toEqual([
      ["1.0", "Done", null, ""],
      ["1.1", "Not Started", 0, "1.0"],
      ["1.2", "Not Started", 1, "1.1"],
      ["1.3", "Not Started", 1, "1.1"],
      ["1.4", "Not Started", 2, "1.2,1.3"],
    ]);
    expect(p.stories[2]).toEqual({
      id: "1.2",
      title: "Story 1.2",
      path: "docs/stories/1.2.story.md",
      status: "Not Started",
      epic: "1",
      agent: "python-developer",
      agentReason: "detected Python (python)",
      dependencies: ["1.1"],
      wave: 1,
    });
    expect(p.errors).toEqual([]);
    expect(p.warnings).toEqual([]);
    expect(p.outOfScope).toEqual([]);
  });

  it("engine statuses override the file: a Done dependency leaves the waves", () => {
    const p = plan(diamond(), [], bare, new Map([["1.1", "Done"]]));
    expect(p.waves).toEqual([["1.2", "1.3"], ["1.4"]]);
  });

  it("a dependency outside the scope that is not done is reported with the three choices", () => {
    const p = plan(diamond(), ["1.2-1.4"]);
    expect(p.outOfScope).toEqual([
      { story: "1.2", dependsOn: "1.1" },
      { story: "1.3", dependsOn: "1.1" },
    ]);
    expect(p.warnings).toEqual([
      {
        code: "out-of-scope-dependency",
        message: "1.2 depends on 1.1, which is outside the scope and not done. Choose: expand the scope to include 1.1, skip 1.2, or cancel.",
        file: "docs/stories/1.2.story.md",
        line: 7,
      },
      {
        code: "out-of-scope-dependency",
        message: "1.3 depends on 1.1, which is outside the scope and not done. Choose: expand the scope to include 1.1, skip 1.3, or cancel.",
        file: "docs/stories/1.3.story.md",
        line: 7,
      },
    ]);
    expect(p.waves).toEqual([["1.2", "1.3"], ["1.4"]]);
    // A Done dependency outside the scope is fine.
    expect(plan(diamond(), ["1.1"]).outOfScope).toEqual([]);
  });

  it("foundation stories precede everything, through the foundation sinks", () => {
    const s = [story("0.1"), story("0.2", { deps: ["0.1"] }), story("1.1", { deps: [] }), story("1.2", { deps: ["1.1"] })];
    const p = plan(s, [], { ...bare, foundation: ["0.*"] });
    expect(p.waves).toEqual([["0.1"], ["0.2"], ["1.1"], ["1.2"]]);
    expect(p.stories.map((x) => x.dependencies)).toEqual([[], ["0.1"], ["0.2"], ["0.2", "1.1"]]);
    const scoped = plan(s, ["1.*"], { ...bare, foundation: ["0.*"] });
    expect(scoped.outOfScope).toEqual([
      { story: "1.1", dependsOn: "0.2" },
      { story: "1.2", dependsOn: "0.2" },
    ]);
    expect(scoped.warnings[0]).toEqual({
      code: "out-of-scope-dependency",
      message: "1.1 depends on 0.2 (foundation story), which is outside the scope and not done. Choose: expand the scope to include 0.1, 0.2, skip 1.1, or cancel.",
      file: "docs/stories/1.1.story.md",
    });
  });

  it("the expand choice lists the transitive closure of open dependencies outside the scope", () => {
    // 1.4 → 1.2, 1.3; 1.2 → 1.1 (open) → 1.0 (Done). outOfScope keeps the direct pairs.
    const s = [
      story("1.0", { status: "Done" }),
      story("1.1", { deps: ["1.0"] }),
      story("1.2", { deps: ["1.1"] }),
      story("1.3", { deps: [] }),
      story("1.4", { deps: ["1.2", "1.3"] }),
      story("1.5", { deps: ["1.4"] }),
    ];
    const p = plan(s, ["1.4"]);
    expect(p.outOfScope).toEqual([
      { story: "1.4", dependsOn: "1.2" },
      { story: "1.4", dependsOn: "1.3" },
    ]);
    expect(p.warnings).toEqual([
      {
        code: "out-of-scope-dependency",
        message: "1.4 depends on 1.2, 1.3, which are outside the scope and not done. Choose: expand the scope to include 1.1, 1.2, 1.3, skip 1.4, or cancel.",
        file: "docs/stories/1.4.story.md",
        line: 7,
      },
    ]);
    // An in-scope dependency ends the walk: 1.5's own need is only 1.4's closure minus the scope.
    expect(plan(s, ["1.2", "1.5"]).warnings.map((w) => w.message)).toEqual([
      "1.2 depends on 1.1, which is outside the scope and not done. Choose: expand the scope to include 1.1, skip 1.2, or cancel.",
      "1.5 depends on 1.4, which is outside the scope and not done. Choose: expand the scope to include 1.3, 1.4, skip 1.5, or cancel.",
    ]);
  });

  it("one warning per story lists all its open out-of-scope dependencies; outOfScope keeps the pairs", () => {
    const s = [story("0.1"), story("0.2"), story("1.1"), story("1.2"), story("2.1", { deps: ["1.1", "1.2"], depLine: 5 }), story("2.2", { deps: [] })];
    const p = plan(s, ["epic:2"], { ...bare, foundation: ["0.*"] });
    expect(p.outOfScope).toEqual([
      { story: "2.1", dependsOn: "0.1" },
      { story: "2.1", dependsOn: "0.2" },
      { story: "2.1", dependsOn: "1.1" },
      { story: "2.1", dependsOn: "1.2" },
      { story: "2.2", dependsOn: "0.1" },
      { story: "2.2", dependsOn: "0.2" },
    ]);
    expect(p.warnings).toEqual([
      {
        code: "out-of-scope-dependency",
        message:
          "2.1 depends on 1.1, 1.2; 0.1, 0.2 (foundation stories), which are outside the scope and not done. " +
          "Choose: expand the scope to include 0.1, 0.2, 1.1, 1.2, skip 2.1, or cancel.",
        file: "docs/stories/2.1.story.md",
        line: 5,
      },
      {
        code: "out-of-scope-dependency",
        message: "2.2 depends on 0.1, 0.2 (foundation stories), which are outside the scope and not done. Choose: expand the scope to include 0.1, 0.2, skip 2.2, or cancel.",
        file: "docs/stories/2.2.story.md",
      },
    ]);
  });

  it("many foundation sinks × many stories: one warning per story, not per pair", () => {
    const s: ParsedStory[] = [];
    for (let i = 1; i <= 20; i++) s.push(story(`0.${i}`));
    for (let i = 1; i <= 500; i++) s.push(story(`1.${i}`, { deps: [] }));
    const p = plan(s, ["1.*"], { ...bare, foundation: ["0.*"] });
    expect(p.outOfScope).toHaveLength(20 * 500);
    expect(p.warnings).toHaveLength(500);
    expect(p.warnings.every((d) => d.code === "out-of-scope-dependency")).toBe(true);
  });

  it("the default config: foundation 0.* and implicit order when undeclared", () => {
    const s = [story("0.1"), story("1.1"), story("1.2"), story("1.3", { deps: [] }), story("2.1", { deps: ["1.1"] })];
    const p = buildPlan({ stories: s, config: DEFAULT_CONFIG, scope: [] });
    expect(p.stories.map((x) => `${x.id}:${x.dependencies.join(",")}`)).toEqual(["0.1:", "1.1:0.1", "1.2:0.1,1.1", "1.3:0.1", "2.1:0.1,1.1"]);
  });

  it("a bad scope yields only the scope errors", () => {
    expect(plan(diamond(), ["1.9"])).toEqual({
      stories: [],
      waves: [],
      criticalPath: [],
      warnings: [],
      errors: [{ code: "unknown-story", message: 'Scope "1.9" matches no story; did you mean 1.4, 1.3 or 1.2?' }],
      outOfScope: [],
      setAside: [],
    });
  });

  it("keeps the diagnostics that concern the scope", () => {
    const s = [
      story("1.1", { deps: ["8.8"], depLine: 4 }),
      story("2.1", { deps: ["9.9"], depLine: 5 }),
      story("3.1", { deps: ["3.2"] }),
      story("3.2", { deps: ["3.1"] }),
      story("4.1", { deps: ["3.1"] }),
    ];
    expect(plan(s, ["1.1"]).warnings.map((d) => d.line)).toEqual([4]);
    expect(plan(s, ["1.1"]).errors).toEqual([]);
    // 4.1 waits behind the 3.x cycle, so the cycle concerns a plan of 4.1.
    const p = plan(s, ["4.1"]);
    expect(p.errors.map((d) => d.code)).toEqual(["dependency-cycle"]);
    expect(p.stories[0]?.wave).toBe(null);
    expect(p.waves).toEqual([]);
  });

  it("handles 10,000 stories with a couple of dependencies each", () => {
    const n = 10_000;
    const s: ParsedStory[] = [];
    for (let i = 0; i < n; i++) {
      const epic = Math.floor(i / 100) + 1;
      const num = (i % 100) + 1;
      const deps = num > 2 ? [`${epic}.${num - 1}`, `${epic}.${num - 2}`] : num === 2 ? [`${epic}.1`] : epic > 1 ? [`${epic - 1}.100`] : null;
      s.push(story(`${epic}.${num}`, { deps }));
    }
    s.push(story("0.1"), story("0.2"));
    const p = buildPlan({ stories: s, config: DEFAULT_CONFIG, scope: [] });
    expect(p.errors).toEqual([]);
    expect(p.stories).toHaveLength(n + 2);
    expect(p.criticalPath).toHaveLength(n + 2);
    expect(p.waves).toHaveLength(n + 2);
    expect(analyzeProject(s, DEFAULT_CONFIG).priority.get("1.1")).toBe(n);
  });
});

describe("errors stay local: set-aside stories", () => {
  const file = (id: string, deps = "None") => `# Story ${id}: T${id}\n\n## Status\nDraft\n\n## Story\nAs a dev, I want x\n\n**Dependencies:** ${deps}\n`;
  const planOf = (files: Record<string, string>, scope: string[] = []) =>
    buildPlan({ stories: parseStories(Object.entries(files).map(([path, text]) => ({ path, text }))).stories, config: bare, scope });

  it("a duplicate id: neither file runs, nor what depends on it (transitively); the rest gets its waves", () => {
    const p = planOf({
      "d/1.1.a.md": file("1.1"),
      "d/1.2.login.md": file("1.2", "1.1"),
      "d/1.2.story.md": file("1.2", "1.1"),
      "d/1.3.b.md": file("1.3", "1.2"),
      "d/1.4.c.md": file("1.4", "1.3"),
      "d/2.1.d.md": file("2.1", "1.1"),
    });
    expect(p.waves).toEqual([["1.1"], ["2.1"]]);
    expect(p.setAside).toEqual([
      {
        id: "1.2",
        reason: "Story 1.2 is defined twice: d/1.2.login.md and d/1.2.story.md. Give one of them another id, or move the one that is not a story out of the stories folder",
        file: "d/1.2.story.md",
        line: 1,
      },
      { id: "1.3", reason: "waits for 1.2, which is set aside (duplicate-id at d/1.2.story.md:1)", file: "d/1.3.b.md", line: 9 },
      { id: "1.4", reason: "waits for 1.3, which waits for 1.2, set aside (duplicate-id at d/1.2.story.md:1)", file: "d/1.4.c.md", line: 9 },
    ]);
    expect(p.stories.filter((st) => st.wave === null).map((st) => st.id)).toEqual(["1.2", "1.3", "1.4"]);
    expect(p.criticalPath).toEqual(["1.1", "2.1"]);
  });

  it("a file whose front matter does not parse: its dependents wait for it instead of losing the edge", () => {
    const p = planOf({ "d/1.1.a.md": "---\nstatus: [\n---\n# Story 1.1: A\n", "d/1.2.b.md": file("1.2", "1.1"), "d/1.3.c.md": file("1.3") });
    expect(p.warnings).toEqual([]); // not "1.1, which is not a story"
    expect(p.waves).toEqual([["1.3"]]);
    expect(p.setAside.map((a) => [a.id, a.reason.split(":")[0], a.file, a.line])).toEqual([
      ["1.1", "Front matter is not valid YAML", "d/1.1.a.md", 2],
      ["1.2", "waits for 1.1, which is set aside (invalid-front-matter at d/1.1.a.md", "d/1.2.b.md", 9],
    ]);
  });

  it("a real cycle: its stories and their dependents are set aside with the cycle, each cited at its own edge", () => {
    const p = plan([story("1.1", { deps: ["1.2"], depLine: 4 }), story("1.2", { deps: ["1.1"], depLine: 5 }), story("1.3", { deps: ["1.2"], depLine: 6 }), story("2.1")]);
    expect(p.errors.map((d) => d.code)).toEqual(["dependency-cycle"]);
    expect(p.waves).toEqual([["2.1"]]);
    expect(p.setAside).toEqual([
      { id: "1.1", reason: "on a dependency cycle: 1.1 → 1.2 → 1.1", file: "docs/stories/1.1.story.md", line: 4 },
      { id: "1.2", reason: "on a dependency cycle: 1.1 → 1.2 → 1.1", file: "docs/stories/1.2.story.md", line: 5 },
      { id: "1.3", reason: "waits for 1.2, which is set aside (dependency-cycle at docs/stories/1.2.story.md:5)", file: "docs/stories/1.3.story.md", line: 6 },
    ]);
    // A scope lists its own set-aside stories only.
    const stories = [story("1.1", { deps: ["1.2"] }), story("1.2", { deps: ["1.1"] }), story("1.3", { deps: ["1.2"] }), story("2.1")];
    expect(plan(stories, ["2.1"]).setAside).toEqual([]);
    expect(plan(stories, ["1.3"]).setAside.map((a) => a.id)).toEqual(["1.3"]);
  });

  it("a broken foundation story sets aside everything that waits for the foundation, naming it", () => {
    const stories = parseStories([
      { path: "d/0.1.setup.md", text: "---\nid: [\n---\n" },
      { path: "d/1.1.a.md", text: file("1.1") },
      { path: "d/1.2.b.md", text: file("1.2", "1.1") },
    ]).stories;
    const p = buildPlan({ stories, config: { ...DEFAULT_CONFIG, implicitDependencies: "never" }, scope: [] });
    expect(p.waves).toEqual([]);
    expect(p.setAside.map((a) => [a.id, a.reason.replace(/ at .*/, "")])).toEqual([
      ["0.1", expect.stringMatching(/^Front matter is not valid YAML/) as unknown as string],
      ["1.1", "waits for 0.1, which is set aside (invalid-front-matter"],
      // 1.2 waits for the foundation itself (the nearest problem is named).
      ["1.2", "waits for 0.1, which is set aside (invalid-front-matter"],
    ]);
  });

  it("a Done story behind a problem is not listed; a scope lists only its own set-aside stories", () => {
    const s = [story("1.1", { deps: ["1.2"] }), story("1.2", { deps: ["1.1"] }), story("1.3", { deps: ["1.1"], status: "Done" }), story("1.4", { deps: ["1.1"] })];
    expect(plan(s).setAside.map((a) => a.id)).toEqual(["1.1", "1.2", "1.4"]);
    expect(plan(s, ["1.4"]).setAside.map((a) => a.id)).toEqual(["1.4"]);
    expect(analyzeProject(s, bare).setAside.has("1.3")).toBe(true);
  });
});

describe("analysis by position and by key", () => {
  const s = [story("1.1", { status: "Done" }), story("1.2", { deps: ["1.1"], status: "In Progress" }), story("1.3", { deps: ["1.2"] })];

  it("statuses as a function of the story give what the same map gives", () => {
    const asMap = analyzeProject(s, bare, new Map([["1.1", "Done"], ["1.2", "Not Started"], ["1.3", "Not Started"]]));
    const asFunction = analyzeProject(s, bare, (st) => (st.status.normalized === "Done" ? "Done" : "Not Started"));
    expect([...asFunction.status]).toEqual([...asMap.status]);
    expect(buildPlan({ stories: s, config: bare, scope: [], statuses: (st) => (st.status.normalized === "Done" ? "Done" : "Not Started") })).toEqual(
      buildPlan({ stories: s, config: bare, scope: [], statuses: new Map([["1.1", "Done"], ["1.2", "Not Started"], ["1.3", "Not Started"]]) }),
    );
  });

  it("a status map keyed by ids in any form, in any order, still applies", () => {
    const a = analyzeProject(s, bare, new Map([["1.03", "Done"], ["1.01", "Failed"]]));
    expect([...a.status]).toEqual([["1.1", "Failed"], ["1.2", "In Progress"], ["1.3", "Done"]]);
  });

  it("the maps the engine reads hold what the arrays hold", () => {
    const a = analyzeProject(s, bare);
    expect([...a.status.values()]).toEqual(a.byPosition.status);
    expect([...a.agents.values()]).toEqual(a.byPosition.agents);
    expect([...a.priority]).toEqual([["1.2", 2], ["1.3", 1]]);
    expect(a.isDone("1.1")).toBe(true);
    expect(a.isDone("9.9")).toBe(false);
    const { edgesOf } = a; // callable detached from the analysis
    expect(edgesOf("1.3").map((e) => e.to)).toEqual(["1.2"]);
  });
});
