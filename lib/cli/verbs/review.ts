// `review ID --verdict approved|changes-requested [--findings FILE] [--reviewer NAME]`: a review
// of the story's current head commit (for people; the model's reviews come through hooks).
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { z } from "../../core/zod.js";
import type { Verb } from "../verb.js";
import { diag } from "../../core/diagnostics.js";
import { FindingSchema, VERDICTS, type Finding, type Verdict } from "../../core/state/schemas.js";
import { loadConfig } from "../../adapters/fs/load-config.js";
import { recordReview } from "../../engine/review.js";
import { isOutcome, oneId, outcome, warningsText } from "./run-outcome.js";
import { usage } from "../check-options.js";
import { renderReview } from "../render/review.js";

const LINE = "review ID --verdict approved|changes-requested [--findings FILE] [--reviewer NAME] [--json]";

export const reviewVerb: Verb = async (ctx) => {
  const a = oneId(ctx, "review", ["verdict", "findings", "reviewer"], LINE);
  if (isOutcome(a)) return a;
  const verdict = ctx.args.options["verdict"];
  if (typeof verdict !== "string" || !(VERDICTS as readonly string[]).includes(verdict)) return usage("review: --verdict must be approved or changes-requested", LINE);
  let reviewer = ctx.args.options["reviewer"];
  if (reviewer === undefined) {
    const { config } = await loadConfig(ctx.root);
    if (config.reviewers.length !== 1) return usage(`review: several reviewers are configured (${config.reviewers.join(", ")}); say which with --reviewer`, LINE);
    reviewer = config.reviewers[0]!;
  }
  if (typeof reviewer !== "string") return usage("review: --reviewer needs a name", LINE);
  let findings: Finding[] = [];
  const file = ctx.args.options["findings"];
  if (typeof file === "string") {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(resolve(file), "utf8"));
    } catch (e) {
      return outcome(ctx, { ok: false, error: [diag("usage", `--findings ${file}: cannot read JSON (${(e as Error).message})`, file)] }, () => "");
    }
    // Severities are matched case-insensitively ("high" is HIGH); everything else is exact.
    const normalized = Array.isArray(json) ? json.map((f: unknown) => (f && typeof f === "object" && typeof (f as { severity?: unknown }).severity === "string" ? { ...f, severity: (f as { severity: string }).severity.toUpperCase() } : f)) : json;
    const parsed = z.array(FindingSchema).safeParse(normalized);
    if (!parsed.success) {
      const why = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
      return outcome(ctx, { ok: false, error: [diag("usage", `--findings ${file}: expected [{severity: CRITICAL|HIGH|MEDIUM|LOW, file?, line?, message}] (${why})`, file)] }, () => "");
    }
    findings = parsed.data;
  }
  const r = await recordReview(ctx.root, a.id, { verdict: verdict as Verdict, findings, reviewer });
  return outcome(ctx, r, (v) => renderReview(v) + warningsText(v.warnings ?? [], ctx.tty), (v) => ({
    id: v.id,
    status: v.status,
    reviewedSha: v.reviewedSha,
    approvedBy: v.approvedBy,
    missing: v.missing,
    ...(v.changesRequestedBy.length ? { changesRequestedBy: v.changesRequestedBy } : {}),
    ...(v.blocked ? { blocked: v.blocked } : {}),
    ...(v.note ? { note: v.note } : {}),
    ...(v.warnings ? { warnings: v.warnings } : {}),
  }));
};
