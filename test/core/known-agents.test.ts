// The engine's list of agents is the plugin's agents/ folder: a config may name only these.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEVELOPER_AGENTS, REVIEWER_AGENTS } from "../../lib/core/agents/known-agents.js";
import { ROOT } from "../helpers/built-cli.js";

describe("known agents", () => {
  it("are exactly agents/*.md (by their front-matter name), reviewers being the *-reviewer ones", () => {
    const names = readdirSync(join(ROOT, "agents"))
      .filter((f) => f.endsWith(".md"))
      .map((f) => /^name:\s*(\S+)/m.exec(readFileSync(join(ROOT, "agents", f), "utf8"))?.[1] ?? f)
      .sort();
    expect([...REVIEWER_AGENTS].sort()).toEqual(names.filter((n) => n.endsWith("-reviewer")));
    expect([...DEVELOPER_AGENTS].sort()).toEqual(names.filter((n) => !n.endsWith("-reviewer")));
  });
});
