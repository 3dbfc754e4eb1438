import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  usage
} from "./chunk-D6AISK4I.mjs";
import {
  ALLOW,
  WRITE_TOOLS,
  agentName,
  agentTranscriptPath,
  awaitLaunchPromptText,
  awaitingReviewLaunch,
  deny,
  developerPrompt,
  isOurAgent,
  isReviewerName,
  parseLaunchPrompt,
  readSnapshot,
  recordLaunch,
  render,
  storyOf
} from "./chunk-7FQ2EFAU.mjs";
import "./chunk-UXYV742O.mjs";
import {
  fixRoundForModel
} from "./chunk-F5LBCNN2.mjs";
import {
  WORKTREES_DIR
} from "./chunk-2JM6FW5P.mjs";
import {
  relativeStaysInside
} from "./chunk-IWUPKGEU.mjs";
import {
  STATE_DIR
} from "./chunk-CA2ZPRLX.mjs";
import "./chunk-UOPRRJVN.mjs";
import "./chunk-EGEKWWZA.mjs";

// lib/core/hooks/agent-launch-gate.ts
import { posix } from "node:path";
var GATE = "agent-launch-gate";
var FORMAT = 'Name the story in the first lines of the prompt: a developer gets "Story: <id>" then "Worktree: <path from `story-orchestrator start`>"; a reviewer gets "Review: <id>", "Worktree: ...", "Story file: ...", "Base: <baseSha>", "Head: <headSha>".';
function no(reason) {
  return { decision: deny(GATE, reason) };
}
function agentLaunchGate(payload, snap) {
  if (payload.tool_name !== "Agent" && payload.tool_name !== "Task") return { decision: ALLOW };
  const input = payload.tool_input ?? {};
  const type = typeof input["subagent_type"] === "string" ? input["subagent_type"] : "";
  const prompt = typeof input["prompt"] === "string" ? input["prompt"] : "";
  const launch = parseLaunchPrompt(prompt);
  const name = agentName(type);
  if (!launch) {
    return isOurAgent(type) ? no(`The ${name} agent works on one story. ${FORMAT}`) : { decision: ALLOW };
  }
  const story = storyOf(snap, launch.id);
  const reviewer = launch.kind === "review" || isReviewerName(name);
  if (!story) {
    return no(`Story ${launch.id} has not been started by the engine. Ask \`story-orchestrator next --json\` what may start, then \`story-orchestrator start ${launch.id} --json\`.`);
  }
  return reviewer ? judgeReviewer(payload, snap, launch, story, name) : judgeDeveloper(payload, snap, launch, story, type);
}
function judgeDeveloper(payload, snap, launch, story, type) {
  const id = story.id;
  if (launch.kind !== "story") return no(`A developer agent takes "Story: ${id}" as its first line. ${FORMAT}`);
  if (story.status !== "In Progress") {
    const next = story.status === "Not Started" ? `Start it first: \`story-orchestrator start ${id} --json\`.` : story.status === "Changes Requested" ? `Begin the fix round: ${fixRoundForModel(id)}.` : story.status === "Ready for Review" ? "Launch its reviewers instead." : story.status === "Approved" ? `Merge it: \`story-orchestrator merge ${id} --json\`.` : "Ask `story-orchestrator next --json` what may start.";
    return no(`Story ${id} is "${story.status}", not In Progress: no developer may work on it now. ${next}`);
  }
  const openDeps = story.dependencies.filter((d) => storyOf(snap, d) !== void 0 && storyOf(snap, d)?.status !== "Done");
  if (openDeps.length > 0) return no(`Story ${id} depends on ${openDeps.join(", ")}, which ${openDeps.length > 1 ? "are" : "is"} not Done (merged) yet. Work on what \`story-orchestrator next --json\` lists as ready.`);
  const expected = story.agent;
  if (type !== `story-orchestrator:${expected}` && type !== expected) {
    return no(`The engine assigned story ${id} to the ${expected} agent: launch it with subagent_type "story-orchestrator:${expected}".`);
  }
  if (story.worktree !== null) {
    const want = posix.resolve(snap.root, story.worktree);
    const got = launch.headers["worktree"] ? posix.resolve(snap.root, launch.headers["worktree"]) : "";
    if (got !== want) return no(`Story ${id} lives in the worktree ${want}: put "Worktree: ${want}" on the prompt's second line.`);
  }
  if (snap.strict) {
    const waiting = awaitingReviewLaunch(snap, payload.session_id).filter((s) => s.id !== id);
    if (waiting.length > 0) {
      const w = waiting[0];
      return no(
        `Strict mode: story ${waiting.map((s) => s.id).join(", ")} finished and waits for review. Launch the reviewers for ${w.id} first (prompt "Review: ${w.id}" with "Head: ${w.headSha ?? "?"}"); reviews in flight do not hold other stories back.`
      );
    }
  }
  return { decision: ALLOW, record: { story: id, role: "developer", agentType: type, ...payload.tool_use_id ? { toolUseId: payload.tool_use_id } : {}, ...payload.session_id ? { session: payload.session_id } : {} } };
}
function judgeReviewer(payload, snap, launch, story, name) {
  const id = story.id;
  if (launch.kind !== "review") return no(`A reviewer takes "Review: ${id}" as its first line. ${FORMAT}`);
  if (snap.reviewers !== null && !snap.reviewers.includes(name)) {
    const list = snap.reviewers.map((r) => `story-orchestrator:${r}`).join(", ");
    return no(`${name} is not one of this project's reviewers (config \`reviewers\`): launch ${list} for story ${id}.`);
  }
  if (story.status !== "Ready for Review" && story.status !== "Approved") {
    return no(`Story ${id} is "${story.status}": only a story Ready for Review is reviewed. ${story.status === "In Progress" ? "Its developer has not finished." : "Ask `story-orchestrator next --json`."}`);
  }
  const head = launch.headers["head"];
  if (!head || story.headSha === null || !story.headSha.startsWith(head) || head.length < 7) {
    return no(`Review the commit the engine recorded for story ${id}: put "Head: ${story.headSha ?? "?"}" (and "Base: ${story.baseSha ?? "?"}") in the prompt.`);
  }
  if (story.reviews.some((r) => r.reviewer === name && r.sha === story.headSha && r.verdict === "approved")) {
    return no(`${name} already approved story ${id} at ${story.headSha}. ${story.status === "Approved" ? `Merge it: \`story-orchestrator merge ${id} --json\`.` : "Wait for the other reviewers."}`);
  }
  if (snap.launches.some((l) => l.role === "reviewer" && l.story === id && l.agentType === name && l.head === story.headSha && !l.done && l.session === payload.session_id)) {
    return no(`A ${name} review of story ${id} at ${story.headSha} is already running; its verdict will be recorded when it finishes.`);
  }
  return {
    decision: ALLOW,
    record: {
      story: id,
      role: "reviewer",
      agentType: name,
      head: story.headSha,
      ...payload.tool_use_id ? { toolUseId: payload.tool_use_id } : {},
      ...payload.session_id ? { session: payload.session_id } : {}
    }
  };
}

// lib/core/hooks/continue-agent-gate.ts
import { posix as posix2 } from "node:path";
var GATE2 = "continue-agent-gate";
var SEND_MESSAGE = "SendMessage";
function continueAgentGate(payload, snap) {
  const to = payload.tool_input?.["to"];
  if (typeof to !== "string" || to === "") return { decision: ALLOW };
  const ours = snap.launches.filter((l) => l.agentId === to);
  const last = ours[ours.length - 1];
  if (!last) return { decision: ALLOW };
  const story = storyOf(snap, last.story);
  if (last.role === "reviewer") {
    return {
      decision: deny(
        GATE2,
        `Agent ${to} reviewed story ${last.story} at ${last.head ?? "?"}; a review counts only for the head commit in its prompt, so a reviewer is not continued. Launch a new story-orchestrator:${last.agentType} with "Review: ${last.story}" ... "Head: ${story?.headSha ?? "<the recorded head>"}".`
      )
    };
  }
  if (ours.some((l) => !l.done)) return { decision: ALLOW };
  if (!story) return { decision: deny(GATE2, `Story ${last.story} has no state: ask \`story-orchestrator next --json\` what may start.`) };
  const worktree = story.worktree !== null ? posix2.resolve(snap.root, story.worktree) : "";
  const asLaunch = {
    ...payload,
    tool_name: "Agent",
    tool_input: { subagent_type: last.agentType, prompt: developerPrompt({ id: story.id, worktree, branch: story.branch ?? "", storyFile: "" }) }
  };
  const v = agentLaunchGate(asLaunch, snap);
  if (v.decision.kind === "deny") return { decision: deny(GATE2, `Continuing agent ${to} (the developer of story ${story.id}) is a new round of work on it. ${v.decision.reason}`) };
  return { decision: ALLOW, ...v.record ? { record: { ...v.record, agentId: to } } : {} };
}

// lib/core/hooks/shell-words.ts
import { posix as posix3 } from "node:path";
var SEPARATORS = /* @__PURE__ */ new Set([";", "&&", "||", "|", "&", "\n", "(", ")", "{", "}"]);
function tokenize(line) {
  const out = [];
  let cur = "";
  let has = false;
  const push = () => {
    if (has) out.push(cur);
    cur = "";
    has = false;
  };
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      cur += line.slice(i + 1, end < 0 ? line.length : end);
      has = true;
      i = end < 0 ? line.length : end;
    } else if (c === '"') {
      let j = i + 1;
      while (j < line.length && line[j] !== '"') {
        if (line[j] === "\\" && j + 1 < line.length) j++;
        cur += line[j];
        j++;
      }
      has = true;
      i = j;
    } else if (c === "\\" && i + 1 < line.length) {
      if (line[i + 1] !== "\n") cur += line[i + 1];
      has = true;
      i++;
    } else if (c === " " || c === "	") {
      push();
    } else if (c === "#" && !has) {
      const nl = line.indexOf("\n", i);
      i = nl < 0 ? line.length : nl - 1;
    } else if (c === "\n" || c === ";" || c === "(" || c === ")" || c === "{" || c === "}") {
      push();
      out.push(c);
    } else if (c === "&" || c === "|") {
      push();
      if (line[i + 1] === c) {
        out.push(c + c);
        i++;
      } else if (c === "&" && line[i + 1] === ">") {
        out.push(line[i + 2] === ">" ? "&>>" : "&>");
        i += line[i + 2] === ">" ? 2 : 1;
      } else out.push(c);
    } else if (c === ">" || c === "<") {
      let op = c;
      if (has && /^\d$/.test(cur)) {
        op = cur + c;
        cur = "";
        has = false;
      } else push();
      if (line[i + 1] === ">" && c === ">") {
        op += ">";
        i++;
      }
      if (line[i + 1] === "&") {
        op += "&";
        i++;
      }
      out.push(op);
    } else {
      cur += c;
      has = true;
    }
  }
  push();
  return out;
}
var ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
function parseCommand(line, cwd) {
  const opaque = /\$\(|`|(^|[\s;&|(])(eval|source)\s|(^|[;&|(]\s*)\.\s/.test(line);
  const tokens = tokenize(line);
  const commands = [];
  let dir = cwd;
  let words = [];
  let redirects = [];
  const flush = () => {
    while (words.length > 0 && ASSIGNMENT.test(words[0])) words.shift();
    if (words.length > 0 || redirects.length > 0) {
      commands.push({ words, redirects, dir });
      if (words[0] === "cd") dir = words[1] === void 0 || words[1] === "~" ? dir : posix3.resolve(dir, words[1]);
      else if (words[0] === "pushd" && words[1]) dir = posix3.resolve(dir, words[1]);
    }
    words = [];
    redirects = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (SEPARATORS.has(t)) {
      flush();
    } else if (/^\d?>>?&?$|^&>>?$/.test(t)) {
      const target = tokens[i + 1];
      i++;
      if (target === void 0) continue;
      if (t.endsWith("&") || target === "/dev/null" || target === "/dev/stderr" || target === "/dev/stdout") continue;
      redirects.push(posix3.resolve(dir, target));
    } else if (/^\d?<&?$/.test(t)) {
      i++;
    } else {
      words.push(t);
    }
  }
  flush();
  return { commands, opaque };
}
function programOf(words) {
  let i = 0;
  while (i < words.length && ["sudo", "env", "command", "time", "nice", "nohup", "exec"].includes(words[i])) i++;
  const name = posix3.basename(words[i] ?? "");
  return { name, args: words.slice(i + 1) };
}
function gitInvocation(cmd) {
  const { name, args } = programOf(cmd.words);
  if (name !== "git") return null;
  let dir = cmd.dir;
  let i = 0;
  while (i < args.length && args[i].startsWith("-")) {
    const a = args[i];
    if (a === "-C" && args[i + 1] !== void 0) {
      dir = posix3.resolve(dir, args[i + 1]);
      i += 2;
    } else if ((a === "-c" || a === "--git-dir" || a === "--work-tree") && args[i + 1] !== void 0) {
      if (a === "--work-tree") dir = posix3.resolve(dir, args[i + 1]);
      i += 2;
    } else i++;
  }
  return { sub: args[i] ?? "", args: args.slice(i + 1), dir };
}
function isInside(p, dir) {
  return relativeStaysInside(posix3.relative(dir, p));
}

// lib/core/hooks/engine-command-guard.ts
var GATE3 = "engine-command-guard";
var FORBIDDEN = {
  review: `Reviews are recorded from the reviewer agents' verdicts, not by the orchestrator. Launch the reviewer agents for the story (prompt "Review: <id>" ... "Head: <headSha>"); the hook records their verdict against the reviewed commit.`,
  hook: "The `hook` verb is for Claude Code's hooks only."
};
function engineVerb(words) {
  const { name, args } = programOf(words);
  if (name === "story-orchestrator") return args.find((a) => !a.startsWith("-"));
  if (name === "node" || name === "npx" || name === "tsx") {
    const i = args.findIndex((a) => /(^|\/)(story-orchestrator(\.mjs)?|main\.ts)$/.test(a));
    if (i >= 0) return args.slice(i + 1).find((a) => !a.startsWith("-"));
    if (args.some((a) => /(^|\/)hook(-engine)?\.mjs$|lib\/hooks\/entry\.ts$/.test(a))) return "hook";
  }
  return void 0;
}
function engineCommandGuard(payload, cwd) {
  if (payload.tool_name !== "Bash") return ALLOW;
  const line = payload.tool_input?.["command"];
  if (typeof line !== "string" || !/story-orchestrator|hook/.test(line)) return ALLOW;
  for (const cmd of parseCommand(line, cwd).commands) {
    const verb = engineVerb(cmd.words);
    if (verb !== void 0 && FORBIDDEN[verb]) return deny(GATE3, FORBIDDEN[verb]);
  }
  return ALLOW;
}

// lib/core/hooks/git-guard.ts
import { posix as posix4 } from "node:path";
var GATE4 = "git-guard";
var isStoryRef = (w) => /(^|[\s:/])story\/|^refs\/heads\/story\//.test(w) || w.startsWith("story/");
function denial(what, next) {
  return deny(GATE4, `${what} is reserved to the story-orchestrator engine. ${next}`);
}
var MERGE_NEXT = "Merge an approved story with `story-orchestrator merge ID --json` (it checks the approval of the head commit, runs the tests and merges one story at a time).";
function judge(cmd, root) {
  const g = gitInvocation(cmd);
  if (!g) return ALLOW;
  const inStoryWorktree = isInside(g.dir, posix4.join(root, WORKTREES_DIR));
  const namesStory = g.args.some(isStoryRef);
  const aimed = namesStory || inStoryWorktree;
  switch (g.sub) {
    case "merge":
      if (g.args.includes("--abort") && !namesStory) return ALLOW;
      return aimed ? denial("`git merge` of a story branch", MERGE_NEXT) : ALLOW;
    case "rebase":
    case "cherry-pick":
      return namesStory ? denial(`\`git ${g.sub}\` of a story branch`, MERGE_NEXT) : ALLOW;
    case "worktree": {
      const [action, ...rest] = g.args;
      if (action !== "remove" && action !== "prune" && action !== "move") return ALLOW;
      const targets = rest.filter((a) => !a.startsWith("-")).map((a) => posix4.resolve(g.dir, a));
      const storyTarget = action === "prune" || targets.some((t) => isInside(t, posix4.join(root, WORKTREES_DIR)));
      return storyTarget ? denial(`\`git worktree ${action}\` of story worktrees`, "Run `story-orchestrator cleanup` (it removes only worktrees that are merged and clean) or `story-orchestrator resume`.") : ALLOW;
    }
    case "branch": {
      const destructive = g.args.some((a) => /^-[a-zA-Z]*[dDmMfC]/.test(a) || a === "--delete" || a === "--move" || a === "--force" || a === "--copy");
      return destructive && namesStory ? denial("Deleting, moving or forcing a story branch", "Story branches are removed by `story-orchestrator cleanup` after their merge; a story that should not be merged is ended with `story-orchestrator fail ID --reason TEXT`.") : ALLOW;
    }
    case "reset":
      return g.args.includes("--hard") && aimed ? denial("`git reset --hard` on a story branch", "A developer fixes its story with new commits; to give a story up use `story-orchestrator fail ID --reason TEXT`.") : ALLOW;
    case "push":
      return aimed || g.args.some((a) => a.includes("story/")) ? denial("Pushing story branches", "Story branches reach the integration branch only through `story-orchestrator merge ID`.") : ALLOW;
    case "update-ref":
      return g.args.some((a) => a.includes("story/")) ? denial("`git update-ref` on a story branch", MERGE_NEXT) : ALLOW;
    default:
      return ALLOW;
  }
}
function gitGuard(payload, cwd, root) {
  if (payload.tool_name !== "Bash") return ALLOW;
  const line = payload.tool_input?.["command"];
  if (typeof line !== "string" || !line.includes("git")) return ALLOW;
  for (const cmd of parseCommand(line, cwd).commands) {
    const d = judge(cmd, root);
    if (d.kind !== "allow") return d;
  }
  return ALLOW;
}

// lib/core/hooks/state-dir-guard.ts
import { posix as posix5 } from "node:path";

// lib/core/hooks/read-only-programs.ts
var READ_ONLY_PROGRAMS = /* @__PURE__ */ new Set([
  "cat",
  "ls",
  "head",
  "tail",
  "less",
  "more",
  "grep",
  "rg",
  "egrep",
  "fgrep",
  "wc",
  "jq",
  "stat",
  "file",
  "diff",
  "cmp",
  "md5sum",
  "sha1sum",
  "sha256sum",
  "du",
  "tree",
  "realpath",
  "readlink",
  "basename",
  "dirname",
  "echo",
  "printf",
  "pwd",
  "cd",
  "test",
  "[",
  "true",
  "false",
  "sort",
  "uniq",
  "cut",
  "tr",
  "column",
  "nl",
  "od",
  "xxd",
  "hexdump",
  "which",
  "type",
  "date",
  "story-orchestrator"
]);
var READ_ONLY_GIT = /* @__PURE__ */ new Set([
  "status",
  "diff",
  "log",
  "show",
  "rev-parse",
  "ls-files",
  "ls-tree",
  "blame",
  "grep",
  "cat-file",
  "rev-list",
  "describe",
  "shortlog",
  "merge-base",
  "name-rev",
  "for-each-ref",
  "show-ref",
  "whatchanged",
  "version",
  "help"
]);
function findWrites(args) {
  return args.some((a) => a === "-delete" || a === "-exec" || a === "-execdir" || a === "-ok" || a === "-fprint");
}

// lib/core/hooks/state-dir-guard.ts
var GATE5 = "state-dir-guard";
var REASON = `${STATE_DIR}/ belongs to the story-orchestrator engine: its state changes only through engine verbs (\`story-orchestrator start|submit|merge|fail|resume ...\`), and reviews are recorded by the hooks from the reviewer agents. Run \`story-orchestrator next --json\` or \`story-orchestrator status\` to see the legal next step.`;
function touchesStateDir(path) {
  return path.split(/[\\/]/).includes(STATE_DIR);
}
function stateDirGuard(payload, cwd) {
  const tool = payload.tool_name ?? "";
  const input = payload.tool_input ?? {};
  if (WRITE_TOOLS.has(tool)) {
    const p = input["file_path"] ?? input["notebook_path"];
    return typeof p === "string" && touchesStateDir(posix5.resolve(cwd, p)) ? deny(GATE5, REASON) : ALLOW;
  }
  if (tool !== "Bash") return ALLOW;
  const line = typeof input["command"] === "string" ? input["command"] : "";
  if (!line.includes(STATE_DIR)) return ALLOW;
  const parsed = parseCommand(line, cwd);
  if (parsed.opaque) return deny(GATE5, REASON);
  for (const cmd of parsed.commands) {
    if (cmd.redirects.some(touchesStateDir)) return deny(GATE5, REASON);
    const mentions = touchesStateDir(cmd.dir) || cmd.words.some((w) => w.includes(STATE_DIR));
    if (!mentions) continue;
    const { name, args } = programOf(cmd.words);
    if (READ_ONLY_PROGRAMS.has(name)) continue;
    if (name === "find" && !findWrites(args)) continue;
    const g = gitInvocation(cmd);
    if (g && READ_ONLY_GIT.has(g.sub)) continue;
    return deny(GATE5, REASON);
  }
  return ALLOW;
}

// lib/core/hooks/subagent-write-guard.ts
import { posix as posix6 } from "node:path";
var GATE6 = "subagent-write-guard";
var SCRATCH = ["/tmp", "/dev", "/var/tmp"];
function subagentWriteGuard(payload, snap, launch, cwd) {
  if (payload.agent_id === void 0 || !isOurAgent(payload.agent_type)) return ALLOW;
  const tool = payload.tool_name ?? "";
  if (!WRITE_TOOLS.has(tool) && tool !== "Bash") return ALLOW;
  const name = agentName(payload.agent_type);
  const reviewer = isReviewerName(name) || launch?.kind === "review";
  const story = launch ? storyOf(snap, launch.id) : void 0;
  const wt = story?.worktree ? posix6.resolve(snap.root, story.worktree) : launch?.headers["worktree"] ? posix6.resolve(snap.root, launch.headers["worktree"]) : null;
  if (!reviewer && wt === null) {
    return deny(GATE6, `The ${name} agent could not be matched to a started story (its prompt must start with "Story: <id>" and "Worktree: <path>"), so it may not change files.`);
  }
  const where = reviewer ? "A reviewer changes nothing" : `You work on story ${launch?.id} only inside its worktree ${wt}`;
  const scratch = (p) => SCRATCH.some((s) => isInside(p, s)) && !isInside(p, snap.root);
  const writable = (p) => scratch(p) || !reviewer && wt !== null && isInside(p, wt);
  if (WRITE_TOOLS.has(tool)) {
    const raw = payload.tool_input?.["file_path"] ?? payload.tool_input?.["notebook_path"];
    const p = typeof raw === "string" ? posix6.resolve(cwd, raw) : "";
    return writable(p) ? ALLOW : deny(GATE6, `${where}: ${tool} of ${p || "(no path)"} is not allowed.${reviewer ? " Report findings in your verdict instead." : " Use absolute paths under the worktree."}`);
  }
  const line = payload.tool_input?.["command"];
  if (typeof line !== "string") return ALLOW;
  const parsed = parseCommand(line, cwd);
  for (const cmd of parsed.commands) {
    for (const r of cmd.redirects) if (!writable(r)) return deny(GATE6, `${where}: the command writes to ${r}.`);
    const { name: prog, args } = programOf(cmd.words);
    if (prog === "" || prog === "cd" || prog === "pushd") continue;
    const g = gitInvocation(cmd);
    if (g) {
      if (READ_ONLY_GIT.has(g.sub)) continue;
      if (reviewer) return deny(GATE6, `${where}: \`git ${g.sub}\` changes the repository. Reviewers only read (git diff/log/show) and run tests.`);
      if (wt === null || !isInside(g.dir, wt)) return deny(GATE6, `${where}: run git there (\`cd "${wt}" && git ...\`), not in ${g.dir}.`);
      continue;
    }
    if (READ_ONLY_PROGRAMS.has(prog) || prog === "find" && !findWrites(args)) continue;
    const home = wt;
    if (home !== null && !isInside(cmd.dir, home) && !scratch(cmd.dir)) {
      return deny(GATE6, `${where}: \`${prog}\` would run in ${cmd.dir}; start the command with \`cd "${home}" && \`.`);
    }
    const outside = args.filter((a) => a.startsWith("/") && isInside(a, snap.root) && !(home !== null && isInside(a, home)));
    if (outside.length > 0) return deny(GATE6, `${where}: \`${prog}\` names ${outside[0]}, outside the story's worktree.`);
  }
  if (parsed.opaque && !reviewer && wt !== null && !parsed.commands.every((c) => isInside(c.dir, wt))) {
    return deny(GATE6, `${where}: command substitutions are only allowed when the whole command runs in the worktree.`);
  }
  return ALLOW;
}

// lib/core/hooks/pre-tool-use.ts
function preToolUse({ payload, snap, launch }) {
  const cwd = payload.cwd ?? snap.root;
  for (const d of [stateDirGuard(payload, cwd), gitGuard(payload, cwd, snap.root), engineCommandGuard(payload, cwd)]) {
    if (d.kind !== "allow") return { decision: d };
  }
  if (payload.agent_id !== void 0) return { decision: subagentWriteGuard(payload, snap, launch, cwd) };
  if (payload.tool_name === "Agent" || payload.tool_name === "Task") return agentLaunchGate(payload, snap);
  if (payload.tool_name === SEND_MESSAGE) return continueAgentGate(payload, snap);
  return { decision: ALLOW };
}

// lib/hooks/dispatch.ts
var LAUNCH_PROMPT_WAIT_MS = 3e3;
function inOurTerritory(p) {
  if (p.agent_id !== void 0 && isOurAgent(p.agent_type)) return true;
  const input = p.tool_input ?? {};
  if ((p.tool_name === "Agent" || p.tool_name === "Task") && (isOurAgent(String(input["subagent_type"] ?? "")) || parseLaunchPrompt(String(input["prompt"] ?? "")) !== null)) return true;
  const text = JSON.stringify(input);
  return text.includes(STATE_DIR) || text.includes("story-orchestrator") || /\bgit\b/.test(text);
}
function launchesReviewer(payload) {
  if (payload.tool_name !== "Agent" && payload.tool_name !== "Task") return false;
  const input = payload.tool_input ?? {};
  return isReviewerName(agentName(String(input["subagent_type"] ?? ""))) || parseLaunchPrompt(String(input["prompt"] ?? ""))?.kind === "review";
}
async function runPreToolUse(env, payload) {
  try {
    const snap = readSnapshot(env.root);
    if (snap.active && launchesReviewer(payload)) snap.reviewers = await (await env.loadEngine()).reviewers(env.root);
    let launch = null;
    if (payload.agent_id !== void 0 && isOurAgent(payload.agent_type)) {
      const path = agentTranscriptPath(payload);
      const writes = WRITE_TOOLS.has(payload.tool_name ?? "") || payload.tool_name === "Bash";
      const text = path ? awaitLaunchPromptText(path, writes ? LAUNCH_PROMPT_WAIT_MS : 0) : null;
      launch = text ? parseLaunchPrompt(text) : null;
    }
    const verdict = preToolUse({ payload, snap, launch });
    if (verdict.decision.kind === "allow" && verdict.record) recordLaunch(env.root, verdict.record, env.now().toISOString());
    return render("PreToolUse", verdict.decision);
  } catch (e) {
    if (!inOurTerritory(payload)) return "";
    return render("PreToolUse", deny("hook-error", `story-orchestrator's PreToolUse hook failed (${e instanceof Error ? e.message : String(e)}), so this call is refused to protect the run. Run \`story-orchestrator resume\` and \`story-orchestrator status\`; report the error if it persists.`));
  }
}
async function runHook(env, event, stdin) {
  let payload;
  try {
    const v = JSON.parse(stdin || "{}");
    payload = v !== null && typeof v === "object" ? v : {};
  } catch {
    payload = {};
  }
  if (event === "PreToolUse") return runPreToolUse(env, payload);
  try {
    switch (event) {
      case "PostToolUse":
        if (payload.tool_name !== "Agent" && payload.tool_name !== "Task") return "";
        return await (await env.loadEngine()).postToolUse(env.root, payload);
      case "SubagentStop":
        return await (await env.loadEngine()).subagentStop(env.root, payload);
      case "Stop":
        return await (await env.loadEngine()).stop(env.root, payload);
      case "SessionStart":
        return await (await env.loadEngine()).sessionStart(env.root, payload);
      default:
        return "";
    }
  } catch (e) {
    if (event === "PostToolUse") {
      return render("PostToolUse", { kind: "context", text: `story-orchestrator could not record this agent's completion (${e instanceof Error ? e.message : String(e)}). Run \`story-orchestrator resume --json\` to reconcile, then \`story-orchestrator next --json\`.` });
    }
    return "";
  }
}

// lib/cli/verbs/hook.ts
var hookVerb = async (ctx) => {
  const event = ctx.args.positionals[0];
  if (!event) return usage("hook: needs an EVENT (PreToolUse, PostToolUse, SubagentStop, Stop, SessionStart)", "hook EVENT < payload.json");
  const out = await runHook({ root: ctx.root, loadEngine: () => import("../hook-engine.mjs"), now: () => /* @__PURE__ */ new Date() }, event, await ctx.readStdin());
  return { exitCode: 0, json: out ? JSON.parse(out) : {}, human: out };
};
export {
  hookVerb
};
