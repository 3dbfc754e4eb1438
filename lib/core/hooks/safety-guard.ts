// Gate: the safety rules (config `safety`) for story agents, interactive subagents and headless
// workers alike. By default a story agent may not push (`git push` in any form), run database
// migrations, or delete files outside its story's worktree; a project can turn each rule off
// and deny commands of its own. Pure: the call, who makes it, the rules and the paths in; a
// decision out, with what to log when it is a denial. Other sessions (the orchestrator, a
// person) are not story agents and are not judged here.
import { posix } from "node:path";
import { effectiveCommands, type EffectiveCommand } from "./effective-commands.js";
import { launchedIndex, migrationOf } from "./migration-commands.js";
import { patternRuleId, type BuiltInRule, type DeniedPattern, type SafetyRules } from "./safety-rules.js";
import { gitInvocation, isInside } from "./shell-words.js";
import type { StoryAgent } from "./story-agent.js";
import { ALLOW, deny, type Decision, type HookPayload } from "./types.js";

export const GATE = "safety-guard";

/** Outside the project, deleting is allowed here (scratch space, as for writes). */
const SCRATCH = ["/tmp", "/var/tmp"];
/** Commands in messages and in the journal are cut to this many characters. */
const MAX_COMMAND = 300;

export interface SafetyInput {
  payload: HookPayload;
  /** The story agent making the call; null: not a story agent, nothing to judge. */
  agent: StoryAgent | null;
  rules: SafetyRules;
  /** Absolute project root. */
  root: string;
  /** The directory the command starts in. */
  cwd: string;
}

/** What a denial leaves in the journal (`safety-denied`). */
export interface SafetyDenial {
  story: string | null;
  role: string;
  rule: BuiltInRule | string;
  command: string;
}

export interface SafetyVerdict {
  decision: Decision;
  denial?: SafetyDenial;
}

const clip = (s: string) => (s.length <= MAX_COMMAND ? s : `${s.slice(0, MAX_COMMAND)}…`);
const FOOTER = "(Safety rules: config `safety` in .agent-orchestration/config.yaml; only a person changes them.)";

function gitPushOf(c: EffectiveCommand): boolean {
  const words = posix.basename(c.words[0] ?? "") === "hub" ? ["git", ...c.words.slice(1)] : c.words;
  const g = gitInvocation({ words, redirects: [], dir: c.dir });
  if (!g) return false;
  if (g.sub === "push") return !g.args.some((a) => a === "--help" || a === "-h");
  return (g.sub === "subtree" || g.sub === "lfs") && g.args[0] === "push";
}

/** A path operand resolved against the command's directory; null when it cannot be known before it runs. */
function resolveOperand(word: string, dir: string): string | null {
  if (word.includes("$") || word.startsWith("~")) return null;
  return posix.resolve(dir, word);
}

const DELETERS = new Set(["rm", "rmdir", "unlink", "shred", "srm", "trash", "trash-put"]);

/** What a command deletes (operands as written), or null when it deletes nothing. */
function deletionTargets(c: EffectiveCommand): { words: string[]; dir: string; rootOk: boolean } | null {
  const prog = posix.basename(c.words[0] ?? "");
  const args = c.words.slice(1);
  if (DELETERS.has(prog)) {
    const dash = args.indexOf("--");
    const ops = dash < 0 ? args.filter((a) => !a.startsWith("-")) : [...args.slice(0, dash).filter((a) => !a.startsWith("-")), ...args.slice(dash + 1)];
    // No operands (they come from `xargs`): judged by where it runs.
    return { words: ops.length ? ops : ["."], dir: c.dir, rootOk: false };
  }
  if (prog === "find") {
    const runs = (i: number) => ["-exec", "-execdir", "-ok", "-okdir"].includes(args[i] as string) && DELETERS.has(posix.basename(args[i + 1] ?? ""));
    if (!args.some((a, i) => a === "-delete" || runs(i))) return null;
    let i = 0;
    while (["-H", "-L", "-P"].includes(args[i] as string) || (args[i] ?? "").startsWith("-O") || args[i] === "-D") i += args[i] === "-D" ? 2 : 1;
    const starts: string[] = [];
    for (; i < args.length && !/^[-(!]/.test(args[i] as string); i++) starts.push(args[i] as string);
    // A search from the worktree's top folder deletes what it matches there, not the worktree.
    return { words: starts.length ? starts : ["."], dir: c.dir, rootOk: true };
  }
  const g = gitInvocation({ words: c.words, redirects: [], dir: c.dir });
  if (g && (g.sub === "clean" || (g.sub === "rm" && !g.args.includes("--cached")))) {
    if (g.sub === "clean" && g.args.some((a) => a === "-n" || a === "--dry-run" || /^-[a-zA-Z]*n/.test(a))) return null;
    const dash = g.args.indexOf("--");
    const paths = dash < 0 ? g.args.filter((a) => !a.startsWith("-") && !a.startsWith(":")) : g.args.slice(dash + 1);
    // `git clean` in the worktree's top folder is the story's own business.
    return { words: paths.length ? paths : ["."], dir: g.dir, rootOk: true };
  }
  return null;
}

function wordMatches(pattern: string, word: string): boolean {
  if (!pattern.includes("*")) return pattern === word;
  const re = new RegExp(`^${pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
  return re.test(word);
}

/** The pattern's program (as itself or after a launcher), then its other words in that order. */
export function patternMatches(p: DeniedPattern, words: readonly string[]): boolean {
  const [head, ...rest] = p.words;
  if (head === undefined) return false;
  const i = launchedIndex(words, (n) => wordMatches(posix.basename(head), n));
  if (i < 0) return false;
  let k = 0;
  for (const w of words.slice(i + 1)) if (k < rest.length && wordMatches(rest[k] as string, w)) k++;
  return k === rest.length;
}

export function safetyGuard({ payload, agent, rules, root, cwd }: SafetyInput): SafetyVerdict {
  if (agent === null || payload.tool_name !== "Bash") return { decision: ALLOW };
  const line = payload.tool_input?.["command"];
  if (typeof line !== "string" || line.trim() === "") return { decision: ALLOW };
  const shown = `\`${clip(line.trim())}\``;
  const refuse = (rule: string, why: string, instead: string): SafetyVerdict => ({
    decision: deny(GATE, `Safety rule ${rule}: ${shown} was refused: ${why}. ${instead} ${FOOTER}`),
    denial: { story: agent.story, role: agent.name, rule, command: clip(line.trim()) },
  });
  const wt = agent.worktree;
  const scratch = (p: string) => SCRATCH.some((s) => isInside(p, s)) && !isInside(p, root);

  for (const c of effectiveCommands(line, cwd)) {
    if (rules.gitPush && gitPushOf(c)) {
      return refuse("gitPush", "story agents do not push; what leaves this machine, and when, is decided by the person who runs the orchestrator, after the review and the merge", "Commit your work on the story branch and leave pushing to that person; the engine merges the story once it is approved.");
    }
    const migration = rules.migrations ? migrationOf(c.words) : null;
    if (migration !== null) {
      return refuse("migrations", `it runs database migrations (${migration}), which change a database that other stories and people share`, "Write and commit the migration files (creating one without applying it is fine, e.g. `prisma migrate dev --create-only`, `makemigrations`), and say in your report how to apply them: running them is left to the person who runs the orchestrator.");
    }
    const del = rules.deleteOutsideWorktree ? deletionTargets(c) : null;
    if (del !== null) {
      for (const w of del.words) {
        const p = resolveOperand(w, del.dir);
        const inWorktree = p !== null && wt !== null && isInside(p, wt) && (del.rootOk || p !== wt);
        if (inWorktree || (p !== null && scratch(p))) continue;
        const where = wt === null ? "your story's worktree is not known, so only /tmp is open for deleting" : `your story's worktree is ${wt}`;
        const what = p === null ? `it deletes \`${w}\`, a path that cannot be known before the command runs (a variable or ~)` : p === wt ? `it deletes the worktree itself (${p})` : `it deletes ${p}, outside your story's worktree`;
        return refuse("deleteOutsideWorktree", `${what}; ${where}`, "Delete only inside the worktree (or under /tmp), with literal paths that resolve there (`cd` into the worktree first); if something outside must go, say so in your report instead.");
      }
    }
    for (const p of rules.deny) {
      if (!patternMatches(p, c.words)) continue;
      return refuse(patternRuleId(p), p.reason ?? "this project does not let story agents run it", "Do not work around it: if the step is needed, say so in your report and leave it to the person who runs the orchestrator.");
    }
  }
  return { decision: ALLOW };
}
