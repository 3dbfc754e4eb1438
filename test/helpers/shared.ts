// ../shared beside the clone (the product's design notes and the real story corpora) is there in
// CI and in the developers' workplace, but not in a fresh clone of this repository alone. Tests
// that read it are skipped there, each named with the reason, so `npm ci && npm test` works on a
// fresh machine; vitest's summary counts them as skipped. CI sets STORY_ORCHESTRATOR_REQUIRE_SHARED=1:
// there a missing folder fails those tests instead, and .ci/run refuses any skipped test.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, it } from "vitest";
import { ROOT } from "./built-cli.js";

export const CORPORA = resolve(ROOT, "../shared/corpora");

const present = existsSync(CORPORA);
const required = process.env["STORY_ORCHESTRATOR_REQUIRE_SHARED"] === "1";
const SKIP_REASON = `[skipped: needs ${join("..", "shared", "corpora")} beside the clone, not found at ${CORPORA}]`;

/** Runs the tests when ../shared/corpora is there (or is required); otherwise skips them with the reason in their name. */
if (!present && !required) console.warn(`Tests that read ../shared/corpora are skipped: ${CORPORA} was not found (a clone without ../shared beside it).`);

export function describeShared(name: string, fn: () => void): void {
  if (present || required) describe(name, fn);
  else describe.skip(`${name} ${SKIP_REASON}`, fn);
}

export function itShared(name: string, fn: () => Promise<void> | void, timeout?: number): void {
  if (present || required) it(name, fn, timeout);
  else it.skip(`${name} ${SKIP_REASON}`, fn, timeout);
}
