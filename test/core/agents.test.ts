import { describe, expect, it } from "vitest";
import { selectAgent, titleHints } from "../../lib/core/agents/select-agent.js";
import type { AgentRule } from "../../lib/core/config/schema.js";
import { story } from "./story-builder.js";
import { epicNames } from "../../lib/core/scope.js";

const rules: AgentRule[] = [
  { agent: "payments-developer", keywords: ["stripe"] },
  { agent: "auth-developer", stories: "1.*" },
];

describe("selectAgent", () => {
  it("front matter agent: wins over config rules and detection", () => {
    expect(selectAgent(story("1.1", { agent: "golang-developer", technologies: ["python"] }), rules)).toEqual({ agent: "golang-developer", reason: "front matter agent:" });
  });

  it("an invalid front matter agent name is ignored", () => {
    expect(selectAgent(story("1.1", { agent: "../evil" }), rules)).toEqual({ agent: "auth-developer", reason: "config rule 2 (stories: 1.*)" });
  });

  it("config rules: first match wins, by keywords in the story text or by stories pattern", () => {
    expect(selectAgent(story("1.2", { tasks: ["Wire the Stripe webhook"] }), rules)).toEqual({ agent: "payments-developer", reason: "config rule 1 (keywords: stripe)" });
    expect(selectAgent(story("1.2", { technologies: ["python"] }), rules)).toEqual({ agent: "auth-developer", reason: "config rule 2 (stories: 1.*)" });
    expect(selectAgent(story("2.1", { title: "Stripes on the header" }), rules).agent).toBe("general-developer");
  });

  it("a rule with both stories and keywords needs both", () => {
    const both: AgentRule[] = [{ agent: "x-dev", stories: "2.*", keywords: ["ledger"] }];
    expect(selectAgent(story("2.1", { title: "Ledger export" }), both)).toEqual({ agent: "x-dev", reason: "config rule 1 (stories: 2.*; keywords: ledger)" });
    expect(selectAgent(story("3.1", { title: "Ledger export" }), both).agent).toBe("general-developer");
  });

  it("detects technologies from hints and the title", () => {
    expect(selectAgent(story("3.1", { technologies: ["pytest", "fastapi"] }), [])).toEqual({ agent: "python-developer", reason: "detected Python (fastapi, pytest)" });
    expect(selectAgent(story("3.1", { technologies: ["golang"] }), [])).toEqual({ agent: "golang-developer", reason: "detected Go (golang)" });
    expect(selectAgent(story("3.1", { title: "React dashboard widgets" }), [])).toEqual({ agent: "react-developer", reason: "detected React (react)" });
    expect(selectAgent(story("3.1", { title: "Go live checklist" }), [])).toEqual({ agent: "general-developer", reason: "no technology detected" });
  });

  it("Next.js comes before React", () => {
    expect(selectAgent(story("3.1", { technologies: ["react", "next.js"] }), [])).toEqual({ agent: "nextjs-developer", reason: "detected Next.js (next.js, react)" });
  });

  it("ties are broken by a fixed order and the reason says so", () => {
    expect(selectAgent(story("3.1", { technologies: ["python", "go"] }), [])).toEqual({ agent: "python-developer", reason: "detected Python (python); tie with Go, Python comes first" });
    expect(selectAgent(story("3.1", { technologies: ["python", "react", "jsx"] }), [])).toEqual({ agent: "react-developer", reason: "detected React (react, jsx); fewer hints for Python" });
  });

  it("design-only and docs-only stories", () => {
    expect(selectAgent(story("3.1", { title: "Design system tokens", technologies: ["css"] }), [])).toEqual({ agent: "frontend-design", reason: "detected UI design (design system, css), no code technology" });
    expect(selectAgent(story("3.1", { title: "Write the README and operator guide" }), [])).toEqual({ agent: "general-developer", reason: "docs-only (readme, guide)" });
    expect(selectAgent(story("3.1", { title: "Python API documentation", technologies: ["python"] }), []).agent).toBe("python-developer");
    // Code without a specialist (a TypeScript service that also mentions its docs) is not docs-only.
    expect(selectAgent(story("2.5", { title: "Event Executor Use Case", technologies: ["typescript", "node", "docs"] }), [])).toEqual({
      agent: "general-developer",
      reason: "detected node, typescript, no specialist agent for it",
    });
    expect(selectAgent(story("3.1", { title: "Landing page styles", technologies: ["css", "html", "docs"] }), [])).toEqual({
      agent: "frontend-design",
      reason: "detected UI design (css), no code technology",
    });
  });
});

describe("config rules by epic name", () => {
  it("`stories: epic:NAME` covers the whole epic once any story of it declares the name", () => {
    const named = story("1.1", { title: "A" });
    named.epic = { number: "1", name: "Core" };
    const unnamed = story("1.5", { title: "B" });
    unnamed.epic = { number: "1" };
    const names = epicNames([named, unnamed]);
    const rules = [{ agent: "golang-developer", stories: "epic:core" }];
    expect(selectAgent(unnamed, rules, names)).toEqual({ agent: "golang-developer", reason: "config rule 1 (stories: epic:core)" });
  });
});

describe("titleHints (one regex scan for every hint word of a title)", () => {
  const hints = ["next.js", "nextjs", "next", "app router", "react", "react native", "react-query", "go", "golang", "docs", "design system", "ui design", "ux"];
  /** What a whole-word search per hint gives: the definition titleHints must match. */
  const oneByOne = (title: string) =>
    hints.filter((h) => new RegExp(`(?<![a-z0-9])${h.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![a-z0-9])`).test(title)).sort().join(",");

  it("finds whole words only, overlapping ones and prefixes included, sorted and joined", () => {
    const titles = [
      "react native app with react-query",
      "next.js app router migration",
      "ui design system refresh",
      "go live: golang goroutines and good docs",
      "nextjsish, reactive, uxy, 2go, go2, go-to docs.",
      "no hint here",
      "",
    ];
    for (const t of titles) expect(titleHints(t).split(",").filter(Boolean).sort().join(",")).toBe(oneByOne(t));
    expect(titleHints("react native app with react-query")).toBe("react,react native,react-query");
    expect(titleHints("ui design system refresh")).toBe("design system,ui design");
    expect(titleHints("no hint here")).toBe("");
  });

  it("detection reads the title hints the same whatever the story's other text", () => {
    const a = selectAgent(story("3.1", { title: "React Native screens", technologies: ["typescript"] }), []);
    expect(a).toEqual({ agent: "react-developer", reason: "detected React (react, react native)" });
    expect(selectAgent(story("3.2", { title: "react native screens", technologies: ["typescript"] }), [])).toEqual(a);
  });
});
