import { describe, expect, it } from "vitest";
import { countSafetyDenials, renderSafetyDenials } from "../../../lib/core/report/safety-denials.js";
import { summarize, renderSummary } from "../../../lib/core/report/summary.js";

const denied = (storyId: string | undefined, rule: string) => ({ event: "safety-denied", ...(storyId ? { storyId } : {}), data: { rule, command: "x" } });

describe("countSafetyDenials", () => {
  it("counts per story and per rule, in id order, ignoring other events", () => {
    const c = countSafetyDenials([
      denied("1.10", "gitPush"),
      { event: "start", storyId: "1.2" },
      denied("1.2", "migrations"),
      denied("1.2", "gitPush"),
      denied("1.2", "gitPush"),
      denied(undefined, "deny: terraform apply"),
    ]);
    expect(c).toEqual({
      total: 5,
      byRule: { "deny: terraform apply": 1, gitPush: 3, migrations: 1 },
      byStory: { "1.2": { total: 3, byRule: { gitPush: 2, migrations: 1 } }, "1.10": { total: 1, byRule: { gitPush: 1 } }, "?": { total: 1, byRule: { "deny: terraform apply": 1 } } },
    });
    expect(Object.keys(c.byStory)).toEqual(["1.2", "1.10", "?"]);
    expect(renderSafetyDenials(c)).toEqual(["- deny: terraform apply: 1 (?: 1)", "- gitPush: 3 (1.2: 2, 1.10: 1)", "- migrations: 1 (1.2: 1)"]);
  });

  it("says none when there were none", () => {
    const c = countSafetyDenials([]);
    expect(c).toEqual({ total: 0, byRule: {}, byStory: {} });
    const md = renderSummary(summarize({ stories: [], waves: [], integrationBranch: "main", elapsedMs: null, tokens: null, costUsd: null }, c));
    expect(md).toContain("- Safety denials: 0\n");
    expect(md).not.toContain("## Safety denials");
  });
});
