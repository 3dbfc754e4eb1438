import { describe, expect, it } from "vitest";
import { checkMergeGate } from "../../../lib/core/gate/merge-gate.js";
import { checkMergeSafety } from "../../../lib/core/gate/merge-safety.js";
import type { Review } from "../../../lib/core/state/schemas.js";

const A = "a".repeat(40);
const B = "b".repeat(40);
const rv = (reviewer: string, verdict: Review["verdict"], sha: string, findings: Review["findings"] = []): Review => ({ reviewer, verdict, sha, findings, at: "2026-01-01T00:00:00Z" });
const gate = (reviews: Review[], head = A, reviewers = ["code-reviewer"], engineCommit?: { sha: string; parent: string }) =>
  checkMergeGate({ storyId: "1.2", headSha: head, reviews, reviewers, blockingSeverities: ["CRITICAL", "HIGH"], engineCommit: engineCommit ?? null });

describe("merge gate", () => {
  it("passes with an approval of the exact head", () => {
    expect(gate([rv("code-reviewer", "approved", A)])).toEqual({ ok: true, value: A });
  });
  it("an approval of an earlier commit does not cover a new head", () => {
    const r = gate([rv("code-reviewer", "approved", B)]);
    expect(r).toEqual({ ok: false, error: [{ code: "review-required", message: "story 1.2: head aaaaaaaaaa needs an approval from: code-reviewer (last reviewed bbbbbbbbbb, not aaaaaaaaaa); the branch moved past the submitted commit: run `story-orchestrator submit 1.2`, then review again" }] });
  });
  it("every configured reviewer must approve; a change request on the head is final for it", () => {
    const r = gate([rv("code-reviewer", "approved", A)], A, ["code-reviewer", "security-reviewer"]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]!.message).toContain("security-reviewer (no review of aaaaaaaaaa)");
    expect(gate([rv("code-reviewer", "approved", A), rv("code-reviewer", "changes-requested", A)]).ok).toBe(false);
    // Asked again until it says yes: still refused, by the same reviewer or by another one.
    const again = gate([rv("code-reviewer", "changes-requested", A), rv("code-reviewer", "approved", A)]);
    expect(!again.ok && again.error[0]!.message).toBe("story 1.2: head aaaaaaaaaa needs an approval from: code-reviewer (requested changes on aaaaaaaaaa)");
    const two = ["code-reviewer", "security-reviewer"];
    expect(gate([rv("security-reviewer", "changes-requested", A), rv("code-reviewer", "approved", A), rv("security-reviewer", "approved", A)], A, two).ok).toBe(false);
    expect(gate([rv("code-reviewer", "approved", A, [{ severity: "HIGH", message: "bug" }]), rv("code-reviewer", "approved", A)]).ok).toBe(false);
  });
  it("blocking findings turn an approval into a refusal", () => {
    const r = gate([rv("code-reviewer", "approved", A, [{ severity: "HIGH", message: "sql injection" }])]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error[0]!.message).toContain("approved aaaaaaaaaa with 1 blocking finding(s)");
    expect(gate([rv("code-reviewer", "approved", A, [{ severity: "LOW", message: "naming" }])]).ok).toBe(true);
  });
  it("names the next step only when the head moved past the recorded one", () => {
    const base = { storyId: "1.2", headSha: A, reviewers: ["code-reviewer"], blockingSeverities: ["CRITICAL", "HIGH"] as const };
    const moved = checkMergeGate({ ...base, reviews: [rv("code-reviewer", "approved", B)], recordedSha: B });
    expect(!moved.ok && moved.error[0]!.message).toBe(
      "story 1.2: head aaaaaaaaaa needs an approval from: code-reviewer (last reviewed bbbbbbbbbb, not aaaaaaaaaa); the branch moved past the submitted commit: run `story-orchestrator submit 1.2`, then review again",
    );
    const waiting = checkMergeGate({ ...base, reviews: [], recordedSha: A });
    expect(!waiting.ok && waiting.error[0]!.message).toBe("story 1.2: head aaaaaaaaaa needs an approval from: code-reviewer (no review of aaaaaaaaaa)");
  });
  it("the engine's own bookkeeping commit is covered by the approval of its parent", () => {
    expect(gate([rv("code-reviewer", "approved", B)], A, ["code-reviewer"], { sha: A, parent: B })).toEqual({ ok: true, value: B });
  });
});

describe("merge safety", () => {
  it("refuses a merge that changes or deletes files the story did not touch", () => {
    const r = checkMergeSafety("1.2", [{ path: "src/a.ts", status: "M" }], [
      { path: "src/a.ts", status: "M" },
      { path: "src/old.ts", status: "D" },
      { path: "README.md", status: "M" },
    ]);
    expect(r).toEqual({
      ok: false,
      error: [
        { code: "unsafe-merge", message: "merging story 1.2 would rewrite README.md, which the story's own changes do not touch; merge refused", file: "README.md" },
        { code: "unsafe-merge", message: "merging story 1.2 would delete src/old.ts, which the story's own changes do not touch; merge refused", file: "src/old.ts" },
      ],
    });
  });
  it("allows the story's own changes, deletes included", () => {
    expect(checkMergeSafety("1.2", [{ path: "x", status: "D" }, { path: "y", status: "A" }], [{ path: "x", status: "D" }, { path: "y", status: "A" }]).ok).toBe(true);
    expect(checkMergeSafety("1.2", [{ path: "x", status: "M" }], [{ path: "x", status: "D" }]).ok).toBe(false);
  });
});
