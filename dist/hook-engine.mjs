import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  SAFETY_DENIED
} from "./chunks/chunk-CCTPUZS7.mjs";
import {
  submitStory
} from "./chunks/chunk-PR6ETV56.mjs";
import {
  recordReview
} from "./chunks/chunk-TMUASQTI.mjs";
import {
  findingLine
} from "./chunks/chunk-Z2M337YQ.mjs";
import "./chunks/chunk-J4FLWKKU.mjs";
import "./chunks/chunk-PRYJMW64.mjs";
import "./chunks/chunk-X73HXAI3.mjs";
import "./chunks/chunk-IPPJ62NW.mjs";
import "./chunks/chunk-OXJ2D6ZF.mjs";
import "./chunks/chunk-NDF5RAGK.mjs";
import "./chunks/chunk-KG5HAFNZ.mjs";
import "./chunks/chunk-3ZEYVYDB.mjs";
import {
  nextReady
} from "./chunks/chunk-3C4OI2RT.mjs";
import {
  displayId,
  loadRunContext,
  runScope,
  schedulable
} from "./chunks/chunk-EG7KQHPQ.mjs";
import "./chunks/chunk-RPVWIPJZ.mjs";
import {
  appendJournal
} from "./chunks/chunk-A73OOLFP.mjs";
import "./chunks/chunk-TA7IOGVC.mjs";
import {
  ALLOW,
  agentTranscriptPath,
  liveLaunches,
  readLaunchPromptText,
  readSnapshot,
  render,
  safetyRulesOf,
  storyOf,
  transcriptUsage,
  writeSafetyMemo
} from "./chunks/chunk-EUXTHZFZ.mjs";
import {
  agentName,
  parseLaunchPrompt,
  reviewerPrompt
} from "./chunks/chunk-KYIXOYY7.mjs";
import {
  readLaunches,
  readStopMemory,
  recordAgentId,
  recordDone,
  writeStopMemory
} from "./chunks/chunk-2B7JGNL6.mjs";
import "./chunks/chunk-UXYV742O.mjs";
import {
  fixRoundForModel
} from "./chunks/chunk-F5LBCNN2.mjs";
import "./chunks/chunk-2BJZUZ65.mjs";
import "./chunks/chunk-2JM6FW5P.mjs";
import "./chunks/chunk-VVU4VAXQ.mjs";
import "./chunks/chunk-OLZJQYTV.mjs";
import "./chunks/chunk-V3HTBSD2.mjs";
import "./chunks/chunk-WXMZ5N7V.mjs";
import "./chunks/chunk-ZP7QG5VT.mjs";
import "./chunks/chunk-R2CKZ2VR.mjs";
import {
  loadConfig
} from "./chunks/chunk-P7BITJDN.mjs";
import "./chunks/chunk-6MSOW3YD.mjs";
import "./chunks/chunk-R7PRS5ZI.mjs";
import "./chunks/chunk-T7SK64FE.mjs";
import "./chunks/chunk-IWUPKGEU.mjs";
import "./chunks/chunk-DJAYH52C.mjs";
import "./chunks/chunk-KS6NXHCE.mjs";
import "./chunks/chunk-JHRD7746.mjs";
import "./chunks/chunk-YFTCM4W6.mjs";
import "./chunks/chunk-WOOHVJRX.mjs";
import "./chunks/chunk-KNNDJYLI.mjs";
import {
  diagMessages,
  err,
  ok
} from "./chunks/chunk-EFR3LY5V.mjs";
import "./chunks/chunk-EGEKWWZA.mjs";

// lib/core/hooks/parse-report.ts
function parseReport(text) {
  const result = /^\s*Result:\s*(DONE|BLOCKED)\b/im.exec(text)?.[1]?.toUpperCase();
  const notes = /^\s*Notes:\s*(.+)$/im.exec(text)?.[1]?.trim() ?? "";
  return { result: result === "DONE" ? "done" : result === "BLOCKED" ? "blocked" : "unknown", notes };
}

// lib/core/hooks/parse-verdict.ts
var FINDING = /^[-*]\s*\[?(CRITICAL|HIGH|MEDIUM|LOW)\]?:?\s*(?:`?([^\s`:]+?):(\d+)`?)?\s*(?:[-–—:]\s*)?(.*)$/i;
function parseVerdict(text, blocking) {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const vLines = lines.map((l) => /^\**Verdict\**:\s*\**\s*(APPROVED|CHANGES[ _-]REQUESTED)\b/i.exec(l)).filter((m) => m !== null);
  if (vLines.length === 0) return err('no "Verdict: APPROVED" or "Verdict: CHANGES REQUESTED" line');
  const kinds = new Set(vLines.map((m) => m[1].toUpperCase().startsWith("APPROVED") ? "approved" : "changes-requested"));
  if (kinds.size > 1) return err("the answer gives both APPROVED and CHANGES REQUESTED");
  const said = [...kinds][0];
  const findings = [];
  const start = lines.findIndex((l) => /^\**Findings\**:/i.test(l));
  if (start >= 0) {
    for (const l of lines.slice(start + 1)) {
      if (l === "" || /^```/.test(l)) continue;
      if (/^[-*]\s*none\.?$/i.test(l)) continue;
      const m = FINDING.exec(l);
      if (!m) {
        if (/^[-*]/.test(l)) return err(`a finding without a severity: "${l.slice(0, 120)}"`);
        break;
      }
      const f = { severity: m[1].toUpperCase(), message: (m[4] ?? "").trim() };
      if (m[2]) f.file = m[2];
      if (m[3]) f.line = Number(m[3]);
      findings.push(f);
    }
  }
  const blocks = findings.some((f) => blocking.includes(f.severity));
  const verdict = said === "approved" && blocks ? "changes-requested" : said;
  const story = lines.map((l) => /^Story:\s*(\S+)/.exec(l)?.[1]).find((x) => x !== void 0);
  const head = lines.map((l) => /^Head:\s*([0-9a-f]{7,64})\b/i.exec(l)?.[1]).find((x) => x !== void 0);
  return ok({ verdict, findings, ...story ? { story } : {}, ...head ? { head: head.toLowerCase() } : {} });
}

// lib/core/hooks/next-steps.ts
import { posix } from "node:path";
var TERMINAL = /* @__PURE__ */ new Set(["Done", "Failed", "Blocked", "Skipped"]);
function runningTaskIds(payload) {
  if (!Array.isArray(payload.background_tasks)) return null;
  return new Set(payload.background_tasks.filter((t) => t.status === "running" && t.id).map((t) => t.id));
}
function nextSteps({ snap, payload, ready }) {
  const actions = [];
  const inFlight = [];
  const running = runningTaskIds(payload);
  const live = liveLaunches(snap, payload.session_id).filter((l) => running === null || l.agentId !== void 0 && running.has(l.agentId));
  const isLive = (s, role) => live.some((l) => l.story === s.id && l.role === role);
  for (const id of snap.runStories) {
    const s = storyOf(snap, id);
    if (!s) continue;
    switch (s.status) {
      case "Approved":
        actions.push(`merge story ${s.id}: \`story-orchestrator merge ${s.id} --json\``);
        break;
      case "Ready for Review":
        if (isLive(s, "reviewer")) inFlight.push(`${s.id} (review)`);
        else {
          actions.push(`launch the reviewers of story ${s.id} (prompt "Review: ${s.id}" ... "Base: ${s.baseSha ?? "?"}" "Head: ${s.headSha ?? "?"}")`);
        }
        break;
      case "Changes Requested":
        actions.push(`start the fix round of story ${s.id}: ${fixRoundForModel(s.id)}`);
        break;
      case "In Progress":
        if (isLive(s, "developer")) inFlight.push(`${s.id} (developer)`);
        else {
          const wt = s.worktree ? posix.resolve(snap.root, s.worktree) : "...";
          actions.push(`story ${s.id} is In Progress but no developer is running for it in this session: launch story-orchestrator:${s.agent} (prompt "Story: ${s.id}" / "Worktree: ${wt}" / "Branch: ${s.branch ?? "?"}" / "Story file: ..."), or \`story-orchestrator submit ${s.id} --json\` if its work is committed`);
        }
        break;
      default:
        break;
    }
  }
  for (const r of ready) actions.push(`start story ${r.id}: \`story-orchestrator start ${r.id} --json\`, then launch the ${r.agent} agent`);
  return { actions, inFlight };
}
function progressFingerprint(snap) {
  return snap.runStories.map((id) => `${id}:${storyOf(snap, id)?.status ?? "Not Started"}:${storyOf(snap, id)?.headSha ?? ""}:${storyOf(snap, id)?.reviews.length ?? 0}`).join("|") + `#${snap.launches.length}`;
}
function statusCounts(snap) {
  const counts = /* @__PURE__ */ new Map();
  for (const id of snap.runStories) {
    const st = storyOf(snap, id)?.status ?? "Not Started";
    counts.set(st, (counts.get(st) ?? 0) + 1);
  }
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${v} ${k}`).join(", ");
}

// lib/core/hooks/session-context.ts
function sessionContext(snap) {
  if (!snap.active) return ALLOW;
  const open = snap.runStories.filter((id) => !TERMINAL.has(storyOf(snap, id)?.status ?? "Not Started"));
  if (open.length === 0) return ALLOW;
  return {
    kind: "context",
    text: `story-orchestrator: a run is in progress in this project (${statusCounts(snap)}; open: ${open.join(", ")}). To continue it, run /story-orchestrator:resume-stories (or /implement-stories with the same scope): it reconciles the state with git (\`story-orchestrator resume --json\`) and carries on without redoing finished work.`
  };
}

// lib/core/hooks/stop-gate.ts
var GATE = "stop-gate";
var MAX_IDLE_BLOCKS = 2;
function stopGate({ payload, snap, ready, lastBlock }) {
  if (!snap.active || payload.agent_id !== void 0) return { decision: ALLOW, remember: null };
  const { actions, inFlight } = nextSteps({ snap, payload, ready });
  if (actions.length === 0) return { decision: ALLOW, remember: null };
  const fingerprint = progressFingerprint(snap);
  const idle = payload.stop_hook_active === true && lastBlock !== null && lastBlock.fingerprint === fingerprint;
  const count = idle ? (lastBlock?.count ?? 0) + 1 : 1;
  if (idle && count > MAX_IDLE_BLOCKS) return { decision: ALLOW, remember: null };
  const open = snap.runStories.filter((id) => !TERMINAL.has(storyOf(snap, id)?.status ?? "Not Started")).length;
  const reason = `story-orchestrator: the run is not finished (${open} open ${open === 1 ? "story" : "stories"}). Next:
` + actions.map((a) => `- ${a}`).join("\n") + (inFlight.length ? `
Still working: ${inFlight.join(", ")}.` : "") + "\nDo these in one message where they are independent.";
  return { decision: { kind: "block", gate: GATE, reason }, remember: { fingerprint, count } };
}

// lib/hooks/engine-events.ts
function findingLines(findings) {
  return findings.map(findingLine).join("\n");
}
async function completeDeveloper(root, c) {
  const id = c.launch.id;
  const report = parseReport(c.text);
  if (report.result === "blocked") {
    return `Story ${id}: the developer reports BLOCKED (${report.notes || "no notes"}). Nothing was submitted. Relaunch the developer with what it needs, or give the story up: \`story-orchestrator fail ${id} --reason "..."\`.`;
  }
  const sub = await submitStory(root, id, c.usage);
  if (!sub.ok) {
    return `Story ${id} could not move to review: ${diagMessages(sub.error)}. Relaunch its developer to finish and commit the work in its worktree (same prompt), then it is submitted automatically.`;
  }
  const { config } = await loadConfig(root);
  const snap = readSnapshot(root);
  const st = storyOf(snap, id);
  const worktree = c.launch.headers["worktree"] ?? st?.worktree ?? "?";
  const prompt = reviewerPrompt({ id, worktree, storyFile: c.launch.headers["story file"] ?? "?", base: st?.baseSha ?? "?", head: sub.value.headSha });
  return `Story ${id} is Ready for Review at ${sub.value.headSha}. Next: launch ${config.reviewers.map((r) => `story-orchestrator:${r}`).join(" and ")} (run_in_background: true) with this prompt:
${prompt}`;
}
async function completeReviewer(root, c) {
  const id = c.launch.id;
  const reviewer = agentName(c.agentType);
  const { config } = await loadConfig(root);
  const parsed = parseVerdict(c.text, config.blockingSeverities);
  const reviewedSha = c.launch.headers["head"];
  const input = parsed.ok ? { verdict: parsed.value.verdict, findings: parsed.value.findings, reviewer } : {
    verdict: "changes-requested",
    findings: [{ severity: "HIGH", message: `the reviewer's answer could not be read as a verdict (${parsed.error}); it counts as not approved` }],
    reviewer
  };
  const rec = await recordReview(root, id, { ...input, source: "agent", ...reviewedSha ? { reviewedSha } : {} });
  const why = parsed.ok ? "" : ` The ${reviewer} answer could not be parsed (${parsed.error}), so it was recorded as CHANGES REQUESTED.`;
  if (!rec.ok) return `The review of story ${id} by ${reviewer} could not be recorded: ${diagMessages(rec.error)}.${why}`;
  const r = rec.value;
  if (!r.counted) {
    const who = r.changesRequestedBy.join(", ");
    const said = `${reviewer} approved story ${id} at ${r.reviewedSha}, but ${who} requested changes on that commit, so it cannot be approved: only a new commit gets a new review.`;
    return r.status === "Changes Requested" ? `${said} Next: ${fixRoundForModel(id)} of ${who}.` : `${said} Its fix round is under way (${r.status}).`;
  }
  switch (r.status) {
    case "Approved":
      return `Story ${id} is Approved (${r.approvedBy.join(", ")} on ${r.reviewedSha}).${why} Next: \`story-orchestrator merge ${id} --json\`.`;
    case "Changes Requested":
      return `${reviewer} requested changes on story ${id}.${why} Next: ${fixRoundForModel(id)}:
Fix round:
${findingLines(input.findings)}`;
    case "In Progress":
      return `${reviewer} also requested changes on story ${id}, whose fix round is under way; its developer needs these findings too.${why}
Fix round:
${findingLines(input.findings)}`;
    case "Failed":
      return `Story ${id} Failed: the review asked for changes more than maxFixRounds times.${r.blocked?.length ? ` Blocked: ${r.blocked.join(", ")}.` : ""} Continue with \`story-orchestrator next --json\`.`;
    default:
      return `${reviewer} ${input.verdict === "approved" ? "approved" : "reviewed"} story ${id}; still waiting for: ${r.missing.join(", ") || "nothing"}.${why}`;
  }
}
async function complete(root, c) {
  return c.launch.kind === "story" ? completeDeveloper(root, c) : completeReviewer(root, c);
}
function responseText(resp) {
  const content = resp["content"];
  if (!Array.isArray(content)) return "";
  return content.map((b) => b.type === "text" ? b.text ?? "" : "").join("\n");
}
async function postToolUse(root, payload) {
  const resp = payload.tool_response ?? {};
  const input = payload.tool_input ?? {};
  const launch = parseLaunchPrompt(String(input["prompt"] ?? ""));
  if (!launch) return "";
  const agentId = typeof resp["agentId"] === "string" ? resp["agentId"] : void 0;
  if (resp["status"] === "async_launched") {
    if (agentId && payload.tool_use_id) recordAgentId(root, payload.tool_use_id, agentId);
    return "";
  }
  if (resp["status"] !== "completed") return "";
  if (agentId && payload.tool_use_id) recordAgentId(root, payload.tool_use_id, agentId);
  const ids = { ...payload.tool_use_id ? { toolUseId: payload.tool_use_id } : {}, ...agentId ? { agentId } : {} };
  if (readLaunches(root).some((l) => l.done && (agentId && l.agentId === agentId || l.toolUseId === payload.tool_use_id))) return "";
  const usage = {
    ...typeof resp["totalTokens"] === "number" ? { tokens: resp["totalTokens"] } : {},
    ...typeof resp["totalDurationMs"] === "number" ? { durationMs: resp["totalDurationMs"] } : {}
  };
  const text = await complete(root, { launch, agentType: String(input["subagent_type"] ?? ""), text: responseText(resp), usage });
  recordDone(root, ids);
  return render("PostToolUse", { kind: "context", text });
}
async function subagentStop(root, payload) {
  const agentId = payload.agent_id;
  if (!agentId) return "";
  const mine = readLaunches(root).filter((l) => l.agentId === agentId);
  const open = mine.length > 0 ? mine.some((l) => !l.done) : (payload.background_tasks ?? []).some((t) => t.id === agentId);
  if (!open) return "";
  const path = agentTranscriptPath(payload);
  const promptText = path ? readLaunchPromptText(path) : null;
  const launch = promptText ? parseLaunchPrompt(promptText) : null;
  if (!launch || !path) return "";
  await complete(root, { launch, agentType: payload.agent_type ?? "", text: payload.last_assistant_message ?? "", usage: transcriptUsage(path, /* @__PURE__ */ new Date()) });
  recordDone(root, { agentId });
  return "";
}
async function readyStories(root) {
  const ctx = await loadRunContext(root);
  if (!ctx.ok) return [];
  const scope = runScope(ctx.value);
  const decision = nextReady(schedulable(ctx.value), ctx.value.project.config.maxParallel, scope.ok ? scope.value : null);
  return decision.ready.map((r) => ({ id: displayId(ctx.value, r.id), agent: r.agent }));
}
async function stop(root, payload) {
  const snap = readSnapshot(root);
  if (!snap.active || payload.agent_id !== void 0) return "";
  const verdict = stopGate({ payload, snap, ready: await readyStories(root), lastBlock: readStopMemory(root, payload.session_id) });
  writeStopMemory(root, payload.session_id, verdict.remember);
  return render("Stop", verdict.decision);
}
async function safetyRules(root, text) {
  const { parseConfig } = await import("./chunks/parse-config-R5OARSUM.mjs");
  const rules = safetyRulesOf(parseConfig(text).config.safety);
  await writeSafetyMemo(root, text, rules);
  return rules;
}
async function recordSafetyDenial(root, d, at) {
  await appendJournal(root, { at, event: SAFETY_DENIED, ...d.story !== null ? { storyId: d.story } : {}, data: { rule: d.rule, role: d.role, command: d.command } });
}
async function reviewers(root) {
  return (await loadConfig(root)).config.reviewers;
}
async function sessionStart(root, _payload) {
  return render("SessionStart", sessionContext(readSnapshot(root)));
}
export {
  postToolUse,
  recordSafetyDenial,
  reviewers,
  safetyRules,
  sessionStart,
  stop,
  subagentStop
};
