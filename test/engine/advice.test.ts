// Advice must match what the engine accepts: for a story in each status, every verb the engine
// refuses names a command to run instead; following that command (the built CLI, a real
// repository) must not be refused in turn.
import { beforeAll, describe, expect, it } from "vitest";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { cliAsync as cli, template, work } from "./repo.js";
import { ensureBuilt } from "../helpers/built-cli.js";

beforeAll(ensureBuilt, 120_000);

// 1.2 depends on 1.1, so failing 1.1 blocks it; 2.1 is independent.
const fresh = template([{ id: "1.1" }, { id: "1.2", deps: ["1.1"] }, { id: "2.1" }], "maxParallel: 3\n");

/** Brings story 1.1 (or 1.2 for Blocked) into `status`; returns the story to probe. */
async function inStatus(root: string, status: string): Promise<string> {
  if (status === "Not Started") return "1.1";
  if (status === "Done by its file") {
    writeFileSync(join(root, "docs/stories/1.1.story-1-1.md"), "# Story 1.1: Story 1.1\n\n**Status:** Done\n\n**Dependencies:** None\n");
    return "1.1";
  }
  const s = await cli(root, ["start", "1.1"]);
  // A developer at work has committed something: that is what `submit` takes.
  work(root, s.json.worktree, "a.txt", "1\n");
  if (status === "In Progress") return "1.1";
  if (status === "Failed" || status === "Blocked") {
    await cli(root, ["fail", "1.1", "--reason", "x"]);
    return status === "Failed" ? "1.1" : "1.2";
  }
  await cli(root, ["submit", "1.1"]);
  if (status === "Ready for Review") return "1.1";
  if (status === "Changes Requested") {
    await cli(root, ["review", "1.1", "--verdict", "changes-requested"]);
    return "1.1";
  }
  await cli(root, ["review", "1.1", "--verdict", "approved"]);
  if (status === "Approved") return "1.1";
  expect((await cli(root, ["merge", "1.1"])).code).toBe(0); // Done
  return "1.1";
}

/** The runnable commands a message advises (placeholders like FILE or "..." are not runnable as they stand). */
function advised(message: string): string[][] {
  return [...message.matchAll(/`story-orchestrator ([^`]+)`/g)].map((m) => m[1]!).filter((c) => !/FILE|\.\.\.|TEXT|\bID\b/.test(c)).map((c) => c.split(" ").map((w) => w.replace(/^'(.*)'$/, "$1")));
}

const VERBS: string[][] = [
  ["review", "ID", "--verdict", "approved"],
  ["start", "ID"],
  ["submit", "ID"],
  ["merge", "ID"],
  ["retry", "ID"],
];
const STATUSES = ["Not Started", "Done by its file", "In Progress", "Ready for Review", "Changes Requested", "Approved", "Done", "Failed", "Blocked"];

describe("advice in refusals is accepted by the engine", () => {
  it.each(STATUSES)("%s", async (status) => {
    // Each verb on a repository of its own, all at once: the runs share nothing.
    const probe = async (verb: string[]): Promise<string | null> => {
      const root = fresh();
      const id = await inStatus(root, status);
      const args = verb.map((w) => (w === "ID" ? id : w));
      const r = await cli(root, args);
      if (r.code === 0) return null;
      expect(r.code, `${args.join(" ")}: ${r.stdout}`).toBe(1);
      const message = (r.json.errors as { message: string }[]).map((e) => e.message).join("\n");
      const steps = advised(message);
      expect(steps.length, `${status}: ${args.join(" ")} gives no command to run:\n${message}`).toBeGreaterThan(0);
      const step = steps[0]!;
      const after = await cli(root, step);
      expect(after.code, `${status}: \`${args.join(" ")}\` advised \`${step.join(" ")}\`, which was refused:\n${message}\n→ ${after.stdout}`).toBe(0);
      return `${args[0]} → ${step.join(" ")}`;
    };
    const followed = (await Promise.all(VERBS.map(probe))).filter((f) => f !== null);
    expect(followed.length).toBeGreaterThan(0);
  });

  it("review on a story Done by its file does not advise `start` (which refuses)", async () => {
    const root = fresh();
    await inStatus(root, "Done by its file");
    const r = await cli(root, ["review", "1.1", "--verdict", "approved"]);
    expect(r.json.errors[0].message).toBe("story 1.1 is Done (its story file says so) and was never started by the engine: nothing to review. Next: nothing: it is done; `story-orchestrator next` lists what may start now");
  });
});
