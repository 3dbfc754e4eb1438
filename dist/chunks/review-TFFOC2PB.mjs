import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  isOutcome,
  oneId,
  outcome,
  warningsText
} from "./chunk-HMC5CVHI.mjs";
import {
  usage
} from "./chunk-D6AISK4I.mjs";
import "./chunk-S74CJSP5.mjs";
import {
  recordReview
} from "./chunk-TMUASQTI.mjs";
import "./chunk-Z2M337YQ.mjs";
import "./chunk-J4FLWKKU.mjs";
import "./chunk-PRYJMW64.mjs";
import "./chunk-X73HXAI3.mjs";
import "./chunk-IPPJ62NW.mjs";
import "./chunk-OXJ2D6ZF.mjs";
import {
  FindingSchema,
  VERDICTS
} from "./chunk-NDF5RAGK.mjs";
import "./chunk-KG5HAFNZ.mjs";
import {
  short
} from "./chunk-3ZEYVYDB.mjs";
import "./chunk-3C4OI2RT.mjs";
import "./chunk-EG7KQHPQ.mjs";
import "./chunk-RPVWIPJZ.mjs";
import "./chunk-A73OOLFP.mjs";
import "./chunk-TA7IOGVC.mjs";
import "./chunk-UXYV742O.mjs";
import {
  command,
  fixRoundSteps,
  storyAdvice
} from "./chunk-F5LBCNN2.mjs";
import "./chunk-2BJZUZ65.mjs";
import "./chunk-2JM6FW5P.mjs";
import "./chunk-VVU4VAXQ.mjs";
import "./chunk-OLZJQYTV.mjs";
import {
  mini_exports
} from "./chunk-V3HTBSD2.mjs";
import "./chunk-WXMZ5N7V.mjs";
import "./chunk-ZP7QG5VT.mjs";
import "./chunk-R2CKZ2VR.mjs";
import {
  loadConfig
} from "./chunk-P7BITJDN.mjs";
import "./chunk-6MSOW3YD.mjs";
import "./chunk-R7PRS5ZI.mjs";
import "./chunk-T7SK64FE.mjs";
import "./chunk-IWUPKGEU.mjs";
import "./chunk-DJAYH52C.mjs";
import "./chunk-KS6NXHCE.mjs";
import "./chunk-JHRD7746.mjs";
import "./chunk-YFTCM4W6.mjs";
import "./chunk-WOOHVJRX.mjs";
import "./chunk-KNNDJYLI.mjs";
import {
  diag
} from "./chunk-EFR3LY5V.mjs";
import "./chunk-EGEKWWZA.mjs";

// lib/cli/verbs/review.ts
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";

// lib/cli/render/review.ts
function renderReview(v) {
  const sha = short(v.reviewedSha);
  const round = `fix round ${v.fixRounds} of ${v.maxFixRounds}`;
  const lines = [];
  let next;
  switch (v.status) {
    case "Changes Requested":
      lines.push(`${v.id}: Changes Requested: ${v.changesRequestedBy.join(", ")} requested changes on ${sha} (${round})`);
      next = `fix round: ${fixRoundSteps(v.id, v.worktree)}`;
      break;
    case "In Progress":
      lines.push(`${v.id}: In Progress (${round}: ${v.changesRequestedBy.join(", ")} requested changes on ${sha})`);
      next = fixRoundSteps(v.id, v.worktree, true);
      break;
    case "Failed":
      lines.push(`${v.id}: Failed (review asked for changes ${v.fixRounds} times; maxFixRounds ${v.maxFixRounds})${v.blocked?.length ? `; blocked: ${v.blocked.join(", ")}` : ""}`);
      next = storyAdvice({ id: v.id, status: "Failed" });
      break;
    case "Approved":
      lines.push(`${v.id}: Approved (${sha}; approved by ${v.approvedBy.join(", ")})`);
      next = `merge it: ${command("merge", v.id)}`;
      break;
    default:
      lines.push(`${v.id}: ${v.status} (${sha}; approved by ${v.approvedBy.join(", ") || "nobody yet"}${v.missing.length ? `; missing: ${v.missing.join(", ")}` : ""})`);
      next = storyAdvice({ id: v.id, status: "Ready for Review", missingReviewers: v.missing });
  }
  if (v.note) lines.push(`note: ${v.note}`);
  lines.push(`Next: ${next}`);
  return lines.join("\n") + "\n";
}

// lib/cli/verbs/review.ts
var LINE = "review ID --verdict approved|changes-requested [--findings FILE] [--reviewer NAME] [--json]";
var reviewVerb = async (ctx) => {
  const a = oneId(ctx, "review", ["verdict", "findings", "reviewer"], LINE);
  if (isOutcome(a)) return a;
  const verdict = ctx.args.options["verdict"];
  if (typeof verdict !== "string" || !VERDICTS.includes(verdict)) return usage("review: --verdict must be approved or changes-requested", LINE);
  let reviewer = ctx.args.options["reviewer"];
  if (reviewer === void 0) {
    const { config } = await loadConfig(ctx.root);
    if (config.reviewers.length !== 1) return usage(`review: several reviewers are configured (${config.reviewers.join(", ")}); say which with --reviewer`, LINE);
    reviewer = config.reviewers[0];
  }
  if (typeof reviewer !== "string") return usage("review: --reviewer needs a name", LINE);
  let findings = [];
  const file = ctx.args.options["findings"];
  if (typeof file === "string") {
    let json;
    try {
      json = JSON.parse(await readFile(resolve(file), "utf8"));
    } catch (e) {
      return outcome(ctx, { ok: false, error: [diag("usage", `--findings ${file}: cannot read JSON (${e.message})`, file)] }, () => "");
    }
    const normalized = Array.isArray(json) ? json.map((f) => f && typeof f === "object" && typeof f.severity === "string" ? { ...f, severity: f.severity.toUpperCase() } : f) : json;
    const parsed = mini_exports.array(FindingSchema).safeParse(normalized);
    if (!parsed.success) {
      const why = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ");
      return outcome(ctx, { ok: false, error: [diag("usage", `--findings ${file}: expected [{severity: CRITICAL|HIGH|MEDIUM|LOW, file?, line?, message}] (${why})`, file)] }, () => "");
    }
    findings = parsed.data;
  }
  const r = await recordReview(ctx.root, a.id, { verdict, findings, reviewer });
  return outcome(ctx, r, (v) => renderReview(v) + warningsText(v.warnings ?? [], ctx.tty), (v) => ({
    id: v.id,
    status: v.status,
    reviewedSha: v.reviewedSha,
    approvedBy: v.approvedBy,
    missing: v.missing,
    ...v.changesRequestedBy.length ? { changesRequestedBy: v.changesRequestedBy } : {},
    ...v.blocked ? { blocked: v.blocked } : {},
    ...v.note ? { note: v.note } : {},
    ...v.warnings ? { warnings: v.warnings } : {}
  }));
};
export {
  reviewVerb
};
