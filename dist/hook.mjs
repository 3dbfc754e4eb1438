import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);

// lib/core/hooks/agent-launch-gate.ts
import { posix } from "node:path";

// lib/core/hooks/launch-prompt.ts
var PLUGIN = "story-orchestrator";
function parseLaunchPrompt(prompt) {
  const lines = prompt.split(/\r?\n/).map((l) => l.trim());
  let i = 0;
  for (; ; ) {
    while (i < lines.length && lines[i] === "") i++;
    if (!lines[i]?.startsWith("<system-reminder>")) break;
    while (i < lines.length && !lines[i].includes("</system-reminder>")) i++;
    i++;
  }
  const first = /^(Story|Review):\s*([A-Za-z0-9._-]+)\s*$/.exec(lines[i] ?? "");
  if (!first) return null;
  const headers = {};
  for (const l of lines.slice(i + 1, i + 40)) {
    const m = /^([A-Z][A-Za-z ]{1,20}):\s*(.+)$/.exec(l);
    if (m) headers[m[1].toLowerCase()] = m[2].trim();
  }
  return { kind: first[1] === "Story" ? "story" : "review", id: first[2], headers };
}
function agentName(subagentType) {
  const t = subagentType ?? "";
  return t.startsWith(`${PLUGIN}:`) ? t.slice(PLUGIN.length + 1) : t;
}
function isOurAgent(subagentType) {
  return (subagentType ?? "").startsWith(`${PLUGIN}:`);
}
function isReviewerName(name) {
  return name.endsWith("-reviewer");
}
function developerPrompt(input) {
  return `Story: ${input.id}
Worktree: ${input.worktree}
Branch: ${input.branch}
Story file: ${input.storyFile}`;
}

// lib/core/advice/story-advice.ts
var command = (...words) => `\`story-orchestrator ${words.join(" ")}\``;
function fixRoundForModel(id) {
  return `${command("start", id, "--json")} (begins the fix round in the same worktree; its \`fix\` lists the findings), then continue the story's developer with \`Fix round:\` and the findings (SendMessage to its agentId, so it keeps its context) or, if it cannot be continued, relaunch it with the same prompt plus \`Fix round:\` and the findings`;
}

// lib/core/ids.ts
var MAX_ID_LENGTH = 64;
var ID_SUFFIX_SRC = String.raw`[Pp](?:[Aa][Rr][Tt]|[Aa][Tt][Cc][Hh]|[Tt])?\d+`;
var SUFFIX_RE = new RegExp(String.raw`^([A-Za-z]+)(\d+)$`);
var ID_RE = new RegExp(String.raw`^(?:[A-Za-z][A-Za-z0-9]*-)*\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)*(?:-${ID_SUFFIX_SRC})?$`);
var PART_RE = /^(\d+)([A-Za-z]?)$/;
var NAMESPACE_PREFIX_SRC = String.raw`(?:[A-Za-z][A-Za-z0-9]{0,15}-(?=\d))?`;
var ID_TOKEN_SRC = String.raw`${NAMESPACE_PREFIX_SRC}\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)*(?:-${ID_SUFFIX_SRC})?(?![A-Za-z0-9])`;
var DOTTED_ID_TOKEN_SRC = String.raw`${NAMESPACE_PREFIX_SRC}\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)+(?:-${ID_SUFFIX_SRC})?(?![A-Za-z0-9])`;
function isStoryId(text) {
  return text.length <= MAX_ID_LENGTH && ID_RE.test(text);
}
var KIND_WORD_RE = /^(?:story|stories|task|issue)(?:-|$)/i;
function numberStart(id) {
  const c = id.charCodeAt(0);
  if (c >= 48 && c <= 57) return 0;
  const m = /-\d/.exec(id);
  return m ? m.index + 1 : 0;
}
function suffixStart(id, from) {
  return id.indexOf("-", from);
}
function splitId(id) {
  const n = numberStart(id);
  const s = suffixStart(id, n);
  return {
    prefix: n === 0 ? "" : id.slice(0, n - 1),
    numbers: s < 0 ? id.slice(n) : id.slice(n, s),
    suffix: s < 0 ? "" : id.slice(s + 1)
  };
}
function namespaceOf(id) {
  const n = numberStart(id);
  if (n === 0) return "";
  const ns = id.slice(0, n - 1);
  const kind = KIND_WORD_RE.exec(ns);
  return kind ? ns.slice(kind[0].length) : ns;
}
function withNamespace(ns, id) {
  return ns === "" ? id : `${ns}-${id}`;
}
var KEY_FORM_RE = /^(?:0|[1-9]\d{0,14})[a-z]?(?:\.(?:0|[1-9]\d{0,14})[a-z]?)*$/;
function isIdKey(id) {
  return KEY_FORM_RE.test(id);
}
function dropZeros(digits) {
  return digits.replace(/^0+(?=\d)/, "");
}
function numberKey(id) {
  return id.split(".").map((p) => {
    const m = PART_RE.exec(p);
    return m ? `${dropZeros(m[1])}${(m[2] ?? "").toLowerCase()}` : p.toLowerCase();
  }).join(".");
}
function idKey(id) {
  if (isIdKey(id)) return id;
  const { prefix, numbers, suffix } = splitId(id);
  const key = numberKey(numbers) + (suffix === "" ? "" : `-${suffixKey(suffix).toLowerCase()}`);
  return prefix === "" ? key : withNamespace(namespaceOf(id).toLowerCase(), key);
}
function suffixKey(suffix) {
  const m = SUFFIX_RE.exec(suffix);
  return m ? `${m[1]}${dropZeros(m[2])}` : suffix;
}

// lib/core/hooks/types.ts
var ALLOW = { kind: "allow" };
function deny(gate, reason) {
  return { kind: "deny", gate, reason };
}
var WRITE_TOOLS = /* @__PURE__ */ new Set(["Write", "Edit", "MultiEdit", "NotebookEdit"]);
function storyOf(snap, id) {
  return snap.stories[idKey(id)];
}

// lib/core/hooks/review-queue.ts
function reviewLaunched(snap, story, session) {
  if (story.headSha === null) return false;
  const reviewed = story.reviews.some((r) => r.sha === story.headSha);
  return reviewed || snap.launches.some((l) => l.role === "reviewer" && l.story === story.id && l.head === story.headSha && (session === void 0 || l.session === session));
}
function awaitingReviewLaunch(snap, session) {
  return snap.runStories.map((id) => storyOf(snap, id)).filter((s) => s !== void 0 && s.status === "Ready for Review" && !reviewLaunched(snap, s, session));
}

// lib/core/hooks/agent-launch-gate.ts
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

// lib/core/path-safety.ts
function relativeStaysInside(rel) {
  return !(rel === ".." || /^\.\.[\\/]/.test(rel) || /^[\\/]/.test(rel) || /^[A-Za-z]:/.test(rel));
}

// lib/core/hooks/shell-words.ts
var SEPARATORS = /* @__PURE__ */ new Set([";", "&&", "||", "|", "&", "\n", "(", ")", "{", "}"]);
function tokenize(line) {
  const out2 = [];
  let cur = "";
  let has = false;
  const push = () => {
    if (has) out2.push(cur);
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
      out2.push(c);
    } else if (c === "&" || c === "|") {
      push();
      if (line[i + 1] === c) {
        out2.push(c + c);
        i++;
      } else if (c === "&" && line[i + 1] === ">") {
        out2.push(line[i + 2] === ">" ? "&>>" : "&>");
        i += line[i + 2] === ">" ? 2 : 1;
      } else out2.push(c);
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
      out2.push(op);
    } else {
      cur += c;
      has = true;
    }
  }
  push();
  return out2;
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

// lib/core/project-root.ts
import { basename, dirname, relative } from "node:path";
var WORKTREES_DIR = ".worktrees";
var ENGINE_WORKTREE_PREFIXES = ["agent-", "merge-"];
function within(outer, inner) {
  return relativeStaysInside(relative(outer, inner));
}
function engineWorktreeProject(tree) {
  if (tree.mainWorktree === null) return null;
  const holder = dirname(tree.top);
  if (basename(holder) !== WORKTREES_DIR) return null;
  const name = basename(tree.top);
  if (!ENGINE_WORKTREE_PREFIXES.some((p) => name.startsWith(p))) return null;
  const project = dirname(holder);
  return within(tree.mainWorktree, project) ? project : null;
}
function chooseProjectRoot(start, tree, holdsProject2) {
  if (tree === null) return { kind: "outside-git", root: start };
  const owner = engineWorktreeProject(tree);
  if (owner !== null) return { kind: "in-git", root: owner, top: tree.top, reason: "engine-worktree" };
  for (let dir = start; within(tree.top, dir); dir = dirname(dir)) {
    if (holdsProject2(dir)) return { kind: "in-git", root: dir, top: tree.top, reason: "project-files" };
    if (dir === tree.top || dirname(dir) === dir) break;
  }
  return { kind: "in-git", root: tree.top, top: tree.top, reason: "work-tree-top" };
}

// lib/core/hooks/git-guard.ts
var GATE4 = "git-guard";
var isStoryRef = (w) => /(^|[\s:/])story\/|^refs\/heads\/story\//.test(w) || w.startsWith("story/");
function denial(what, next) {
  return deny(GATE4, `${what} is reserved to the story-orchestrator engine. ${next}`);
}
var MERGE_NEXT = "Merge an approved story with `story-orchestrator merge ID --json` (it checks the approval of the head commit, runs the tests and merges one story at a time).";
function judge(cmd, root2) {
  const g = gitInvocation(cmd);
  if (!g) return ALLOW;
  const inStoryWorktree = isInside(g.dir, posix4.join(root2, WORKTREES_DIR));
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
      const storyTarget = action === "prune" || targets.some((t) => isInside(t, posix4.join(root2, WORKTREES_DIR)));
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
function gitGuard(payload, cwd, root2) {
  if (payload.tool_name !== "Bash") return ALLOW;
  const line = payload.tool_input?.["command"];
  if (typeof line !== "string" || !line.includes("git")) return ALLOW;
  for (const cmd of parseCommand(line, cwd).commands) {
    const d = judge(cmd, root2);
    if (d.kind !== "allow") return d;
  }
  return ALLOW;
}

// lib/core/hooks/safety-guard.ts
import { posix as posix7 } from "node:path";

// lib/core/hooks/effective-commands.ts
import { posix as posix5 } from "node:path";
var SHELLS = /* @__PURE__ */ new Set(["sh", "bash", "zsh", "dash", "ksh", "ash", "fish"]);
var WRAPPERS = {
  sudo: { valueOptions: ["-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "-T", "--user", "--group"] },
  doas: { valueOptions: ["-u", "-C"] },
  env: { valueOptions: ["-u", "-C", "--unset", "--chdir"] },
  command: {},
  builtin: {},
  exec: { valueOptions: ["-a"] },
  time: { valueOptions: ["-f", "-o"] },
  nohup: {},
  nice: { valueOptions: ["-n"] },
  ionice: { valueOptions: ["-c", "-n", "-p"] },
  timeout: { valueOptions: ["-s", "-k", "--signal", "--kill-after"], operands: 1 },
  stdbuf: { valueOptions: ["-i", "-o", "-e"] },
  xargs: { valueOptions: ["-I", "-i", "-n", "-P", "-L", "-l", "-d", "-E", "-e", "-s", "-a", "--arg-file", "--delimiter", "--max-args", "--max-procs", "--max-lines", "--replace", "--eof", "--max-chars"] }
};
var ASSIGNMENT2 = /^[A-Za-z_][A-Za-z0-9_]*=/;
function unwrap(words) {
  let w = [...words];
  for (let guard = 0; guard < 10; guard++) {
    while (w.length > 0 && ASSIGNMENT2.test(w[0])) w = w.slice(1);
    const spec = WRAPPERS[posix5.basename(w[0] ?? "")];
    if (!spec) break;
    let i = 1;
    while (i < w.length) {
      const a = w[i];
      if (a === "--") {
        i++;
        break;
      }
      if (!a.startsWith("-") || a === "-") break;
      i += spec.valueOptions?.includes(a) ? 2 : 1;
    }
    w = w.slice(Math.min(w.length, i + (spec.operands ?? 0)));
  }
  return w;
}
var HEREDOC = /(?<!<)<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_-]*)\2/g;
function withoutHeredocText(line) {
  if (!line.includes("<<")) return line;
  const out2 = [];
  const pending = [];
  for (const l of line.split("\n")) {
    const open = pending[0];
    if (open) {
      const end = (open.dash ? l.replace(/^\t+/, "") : l) === open.delim;
      if (end) pending.shift();
      if (open.keep) out2.push(end ? "" : l);
      continue;
    }
    out2.push(l);
    for (const m of l.matchAll(HEREDOC)) {
      const before = l.slice(0, m.index).split(/[;&|()]/).at(-1) ?? "";
      const prog = posix5.basename(unwrap(before.trim().split(/\s+/))[0] ?? "");
      pending.push({ delim: m[3], dash: m[1] === "-", keep: SHELLS.has(prog) });
    }
  }
  return out2.join("\n");
}
function shellScript(args) {
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith("-") || a === "--") return null;
    if (/^-[A-Za-z]*c[A-Za-z]*$/.test(a)) return args[i + 1] ?? null;
    if (a === "-o" || a === "+o") i++;
  }
  return null;
}
function substitutions(text) {
  if (!text.includes("$(") && !text.includes("`")) return [];
  return [...text.matchAll(/\$\(([^()]*)\)|`([^`]*)`/g)].map((m) => m[1] ?? m[2] ?? "").filter((s) => s.trim() !== "");
}
function effectiveCommands(line, cwd, depth = 0) {
  const text = withoutHeredocText(line);
  const out2 = [];
  if (depth < 4) for (const inner of substitutions(text)) out2.push(...effectiveCommands(inner, cwd, depth + 1));
  const parsed = parseCommand(text.replaceAll("`", " "), cwd);
  for (const cmd of parsed.commands) {
    const words = unwrap(cmd.words);
    if (words.length === 0) continue;
    const prog = posix5.basename(words[0]);
    const script = SHELLS.has(prog) ? shellScript(words.slice(1)) : prog === "eval" ? words.slice(1).join(" ") : null;
    if (script !== null && depth < 4) out2.push(...effectiveCommands(script, cmd.dir, depth + 1));
    else out2.push({ words, dir: cmd.dir });
  }
  return out2;
}

// lib/core/hooks/migration-commands.ts
import { posix as posix6 } from "node:path";
var operands = (args) => args.filter((a) => !a.startsWith("-"));
var anyOf = (names) => (args) => operands(args).some((a) => names.includes(a));
var matching = (re) => (args) => operands(args).some((a) => re.test(a));
var pair = (first, seconds) => (args) => {
  const ops = operands(args);
  return ops.some((a, i) => a === first && seconds.includes(ops[i + 1] ?? ""));
};
var either = (...tests) => (args) => tests.some((t) => t(args));
var RAILS_TASKS = /^db:(migrate(:(up|down|redo|reset))?|rollback|reset|drop(:all)?|setup|schema:load|structure:load|prepare|purge(:all)?)$/;
var django = { label: "Django", migrates: (args) => operands(args)[0] === "migrate" };
var typeorm = { label: "TypeORM", migrates: anyOf(["migration:run", "migration:revert", "schema:sync", "schema:drop"]) };
var TOOLS = {
  prisma: { label: "Prisma", migrates: (args) => !args.includes("--create-only") && either(pair("migrate", ["deploy", "dev", "reset", "resolve"]), pair("db", ["push", "execute"]))(args) },
  alembic: { label: "Alembic", migrates: anyOf(["upgrade", "downgrade", "stamp"]) },
  rails: { label: "Rails", migrates: matching(RAILS_TASKS) },
  rake: { label: "Rails", migrates: matching(RAILS_TASKS) },
  knex: { label: "Knex", migrates: matching(/^migrate:(latest|up|down|rollback)$/) },
  flyway: { label: "Flyway", migrates: anyOf(["migrate", "clean", "undo", "repair", "baseline"]) },
  sequelize: { label: "Sequelize", migrates: matching(/^db:migrate(:undo(:all)?)?$/) },
  "sequelize-cli": { label: "Sequelize", migrates: matching(/^db:migrate(:undo(:all)?)?$/) },
  typeorm,
  "typeorm-ts-node-commonjs": typeorm,
  "typeorm-ts-node-esm": typeorm,
  "manage.py": django,
  "django-admin": django,
  django,
  goose: { label: "goose", migrates: anyOf(["up", "up-by-one", "up-to", "down", "down-to", "redo", "reset"]) },
  dbmate: { label: "dbmate", migrates: anyOf(["up", "migrate", "down", "rollback", "drop"]) },
  migrate: { label: "golang-migrate", migrates: anyOf(["up", "down", "goto", "force", "drop"]) },
  liquibase: { label: "Liquibase", migrates: matching(/^(update|update-count|update-to-tag|updatecount|updatetotag|rollback|rollback-count|rollback-to-date|rollbackcount|rollbacktodate|drop-all|dropall)$/i) },
  diesel: { label: "Diesel", migrates: either(pair("migration", ["run", "revert", "redo"]), pair("database", ["setup", "reset"])) },
  sqlx: { label: "SQLx", migrates: either(pair("migrate", ["run", "revert"]), pair("database", ["setup", "reset", "drop"])) },
  mix: { label: "Ecto", migrates: matching(/^ecto\.(migrate|rollback|reset|drop|setup)$/) },
  "drizzle-kit": { label: "Drizzle", migrates: matching(/^(push|migrate)(:.*)?$/) },
  "mikro-orm": { label: "MikroORM", migrates: matching(/^(migration:(up|down|fresh)|schema:(update|drop|fresh|create))$/) },
  atlas: { label: "Atlas", migrates: either(pair("migrate", ["apply"]), pair("schema", ["apply", "clean"])) },
  sqitch: { label: "Sqitch", migrates: anyOf(["deploy", "revert", "rebase", "checkout"]) },
  supabase: { label: "Supabase", migrates: either(pair("db", ["push", "reset"]), pair("migration", ["up"])) },
  artisan: { label: "Laravel", migrates: matching(/^(migrate(:(fresh|refresh|reset|rollback|install))?|db:wipe)$/) },
  hasura: { label: "Hasura", migrates: pair("migrate", ["apply"]) },
  dotnet: { label: "Entity Framework", migrates: (args) => operands(args).includes("ef") && pair("database", ["update", "drop"])(args) },
  "dotnet-ef": { label: "Entity Framework", migrates: pair("database", ["update", "drop"]) },
  mvn: { label: "Maven", migrates: matching(/^(flyway:(migrate|clean|undo|repair|baseline)|liquibase:(update|rollback|dropAll))$/) },
  gradle: { label: "Gradle", migrates: matching(/^(flyway(Migrate|Clean|Undo|Repair|Baseline)|liquibase(Update|Rollback|DropAll)|update)$/) }
};
TOOLS["mvnw"] = TOOLS["mvn"];
TOOLS["gradlew"] = TOOLS["gradle"];
var LAUNCHERS = /* @__PURE__ */ new Set([
  "npx",
  "bunx",
  "pnpx",
  "pnpm",
  "yarn",
  "npm",
  "bun",
  "node",
  "deno",
  "uv",
  "uvx",
  "poetry",
  "pipenv",
  "pdm",
  "pipx",
  "hatch",
  "rye",
  "python",
  "python3",
  "bundle",
  "ruby",
  "php",
  "docker",
  "docker-compose",
  "podman",
  "kubectl",
  "dotenv",
  "dotenvx",
  "cross-env",
  "nix-shell"
]);
var SCRIPT_RUNNERS = /* @__PURE__ */ new Set(["npm", "pnpm", "yarn", "bun", "make", "just", "task", "composer"]);
var MIGRATE_SCRIPT = /migrat/i;
var NOT_APPLYING = /status|make|create|generate|new|list|diff|check|lint|plan/i;
function launchedIndex(words, isTool) {
  const prog = posix6.basename(words[0] ?? "");
  if (isTool(prog)) return 0;
  if (!LAUNCHERS.has(prog)) return -1;
  return words.findIndex((w, i) => i > 0 && isTool(posix6.basename(w)));
}
function migrationOf(words) {
  const i = launchedIndex(words, (n) => Object.hasOwn(TOOLS, n));
  if (i >= 0) {
    const tool = TOOLS[posix6.basename(words[i])];
    if (tool.migrates(words.slice(i + 1))) return tool.label;
  }
  const prog = posix6.basename(words[0] ?? "");
  if (SCRIPT_RUNNERS.has(prog)) {
    const ops = operands(words.slice(1));
    const names = prog === "npm" ? ops[0] === "run" || ops[0] === "run-script" ? ops.slice(1, 2) : [] : ops[0] === "run" ? ops.slice(1, 2) : ops;
    const script = names.find((n) => MIGRATE_SCRIPT.test(n) && !NOT_APPLYING.test(n));
    if (script !== void 0) return `the \`${script}\` script`;
  }
  return null;
}

// lib/core/hooks/safety-rules.ts
var SAFETY_RULES_VERSION = 1;
var DEFAULT_SAFETY_RULES = { gitPush: true, migrations: true, deleteOutsideWorktree: true, deny: [] };
function patternRuleId(p) {
  return `deny: ${p.words.join(" ")}`;
}

// lib/core/hooks/safety-guard.ts
var GATE5 = "safety-guard";
var SCRATCH = ["/tmp", "/var/tmp"];
var MAX_COMMAND = 300;
var clip = (s) => s.length <= MAX_COMMAND ? s : `${s.slice(0, MAX_COMMAND)}\u2026`;
var FOOTER = "(Safety rules: config `safety` in .agent-orchestration/config.yaml; only a person changes them.)";
function gitPushOf(c) {
  const words = posix7.basename(c.words[0] ?? "") === "hub" ? ["git", ...c.words.slice(1)] : c.words;
  const g = gitInvocation({ words, redirects: [], dir: c.dir });
  if (!g) return false;
  if (g.sub === "push") return !g.args.some((a) => a === "--help" || a === "-h");
  return (g.sub === "subtree" || g.sub === "lfs") && g.args[0] === "push";
}
function resolveOperand(word, dir) {
  if (word.includes("$") || word.startsWith("~")) return null;
  return posix7.resolve(dir, word);
}
var DELETERS = /* @__PURE__ */ new Set(["rm", "rmdir", "unlink", "shred", "srm", "trash", "trash-put"]);
function deletionTargets(c) {
  const prog = posix7.basename(c.words[0] ?? "");
  const args = c.words.slice(1);
  if (DELETERS.has(prog)) {
    const dash = args.indexOf("--");
    const ops = dash < 0 ? args.filter((a) => !a.startsWith("-")) : [...args.slice(0, dash).filter((a) => !a.startsWith("-")), ...args.slice(dash + 1)];
    return { words: ops.length ? ops : ["."], dir: c.dir, rootOk: false };
  }
  if (prog === "find") {
    const runs = (i2) => ["-exec", "-execdir", "-ok", "-okdir"].includes(args[i2]) && DELETERS.has(posix7.basename(args[i2 + 1] ?? ""));
    if (!args.some((a, i2) => a === "-delete" || runs(i2))) return null;
    let i = 0;
    while (["-H", "-L", "-P"].includes(args[i]) || (args[i] ?? "").startsWith("-O") || args[i] === "-D") i += args[i] === "-D" ? 2 : 1;
    const starts = [];
    for (; i < args.length && !/^[-(!]/.test(args[i]); i++) starts.push(args[i]);
    return { words: starts.length ? starts : ["."], dir: c.dir, rootOk: true };
  }
  const g = gitInvocation({ words: c.words, redirects: [], dir: c.dir });
  if (g && (g.sub === "clean" || g.sub === "rm" && !g.args.includes("--cached"))) {
    if (g.sub === "clean" && g.args.some((a) => a === "-n" || a === "--dry-run" || /^-[a-zA-Z]*n/.test(a))) return null;
    const dash = g.args.indexOf("--");
    const paths = dash < 0 ? g.args.filter((a) => !a.startsWith("-") && !a.startsWith(":")) : g.args.slice(dash + 1);
    return { words: paths.length ? paths : ["."], dir: g.dir, rootOk: true };
  }
  return null;
}
function wordMatches(pattern, word) {
  if (!pattern.includes("*")) return pattern === word;
  const re = new RegExp(`^${pattern.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
  return re.test(word);
}
function patternMatches(p, words) {
  const [head, ...rest] = p.words;
  if (head === void 0) return false;
  const i = launchedIndex(words, (n) => wordMatches(posix7.basename(head), n));
  if (i < 0) return false;
  let k = 0;
  for (const w of words.slice(i + 1)) if (k < rest.length && wordMatches(rest[k], w)) k++;
  return k === rest.length;
}
function safetyGuard({ payload, agent, rules, root: root2, cwd }) {
  if (agent === null || payload.tool_name !== "Bash") return { decision: ALLOW };
  const line = payload.tool_input?.["command"];
  if (typeof line !== "string" || line.trim() === "") return { decision: ALLOW };
  const shown = `\`${clip(line.trim())}\``;
  const refuse = (rule, why, instead) => ({
    decision: deny(GATE5, `Safety rule ${rule}: ${shown} was refused: ${why}. ${instead} ${FOOTER}`),
    denial: { story: agent.story, role: agent.name, rule, command: clip(line.trim()) }
  });
  const wt = agent.worktree;
  const scratch = (p) => SCRATCH.some((s) => isInside(p, s)) && !isInside(p, root2);
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
        if (inWorktree || p !== null && scratch(p)) continue;
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

// lib/core/hooks/state-dir-guard.ts
import { posix as posix8 } from "node:path";

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

// lib/core/state/state-files.ts
var STATE_DIR = ".agent-orchestration";
var CONFIG_FILE_NAME = "config.yaml";
var CONFIG_FILE = `${STATE_DIR}/${CONFIG_FILE_NAME}`;
var ORCHESTRATION_FILE = "orchestration-state.json";
var HOOK_JOURNAL = "hooks.jsonl";
var STORY_FILE_RE = /^story-(.+)\.json$/;
function storyIdOfFileName(name) {
  const m = STORY_FILE_RE.exec(name);
  return m && isStoryId(m[1]) ? m[1] : null;
}

// lib/core/hooks/state-dir-guard.ts
var GATE6 = "state-dir-guard";
var REASON = `${STATE_DIR}/ belongs to the story-orchestrator engine: its state changes only through engine verbs (\`story-orchestrator start|submit|merge|fail|resume ...\`), and reviews are recorded by the hooks from the reviewer agents. Run \`story-orchestrator next --json\` or \`story-orchestrator status\` to see the legal next step.`;
function touchesStateDir(path2) {
  return path2.split(/[\\/]/).includes(STATE_DIR);
}
function stateDirGuard(payload, cwd) {
  const tool = payload.tool_name ?? "";
  const input = payload.tool_input ?? {};
  if (WRITE_TOOLS.has(tool)) {
    const p = input["file_path"] ?? input["notebook_path"];
    return typeof p === "string" && touchesStateDir(posix8.resolve(cwd, p)) ? deny(GATE6, REASON) : ALLOW;
  }
  if (tool !== "Bash") return ALLOW;
  const line = typeof input["command"] === "string" ? input["command"] : "";
  if (!line.includes(STATE_DIR)) return ALLOW;
  const parsed = parseCommand(line, cwd);
  if (parsed.opaque) return deny(GATE6, REASON);
  for (const cmd of parsed.commands) {
    if (cmd.redirects.some(touchesStateDir)) return deny(GATE6, REASON);
    const mentions = touchesStateDir(cmd.dir) || cmd.words.some((w) => w.includes(STATE_DIR));
    if (!mentions) continue;
    const { name, args } = programOf(cmd.words);
    if (READ_ONLY_PROGRAMS.has(name)) continue;
    if (name === "find" && !findWrites(args)) continue;
    const g = gitInvocation(cmd);
    if (g && READ_ONLY_GIT.has(g.sub)) continue;
    return deny(GATE6, REASON);
  }
  return ALLOW;
}

// lib/core/hooks/story-agent.ts
import { posix as posix9 } from "node:path";
var WORKER_ENV = { story: "STORY_ORCHESTRATOR_STORY", role: "STORY_ORCHESTRATOR_ROLE", worktree: "STORY_ORCHESTRATOR_WORKTREE" };
function workerEnvOf(env) {
  const story = env[WORKER_ENV.story]?.trim();
  if (!story) return null;
  const worktree = env[WORKER_ENV.worktree]?.trim();
  return { story, role: env[WORKER_ENV.role]?.trim() || "developer", worktree: worktree && worktree.startsWith("/") ? posix9.normalize(worktree) : null };
}
function storyAgentOf(payload, snap, launch, worker) {
  if (payload.agent_id !== void 0 && isOurAgent(payload.agent_type)) {
    const name = agentName(payload.agent_type);
    const recorded2 = launch ? storyOf(snap, launch.id)?.worktree : void 0;
    const header = launch?.headers["worktree"];
    const worktree2 = recorded2 ? posix9.resolve(snap.root, recorded2) : header ? posix9.resolve(snap.root, header) : null;
    return { source: "subagent", name, reviewer: isReviewerName(name) || launch?.kind === "review", story: launch?.id ?? null, worktree: worktree2 };
  }
  if (worker === null) return null;
  const recorded = storyOf(snap, worker.story)?.worktree;
  const worktree = worker.worktree ?? (recorded ? posix9.resolve(snap.root, recorded) : null);
  return { source: "worker", name: worker.role, reviewer: worker.role !== "developer" && isReviewerName(worker.role), story: worker.story, worktree };
}

// lib/core/hooks/subagent-write-guard.ts
import { posix as posix10 } from "node:path";
var GATE7 = "subagent-write-guard";
var SCRATCH2 = ["/tmp", "/dev", "/var/tmp"];
function subagentWriteGuard(payload, snap, agent, cwd) {
  if (agent === null) return ALLOW;
  const tool = payload.tool_name ?? "";
  if (!WRITE_TOOLS.has(tool) && tool !== "Bash") return ALLOW;
  const { name, reviewer, worktree: wt } = agent;
  if (!reviewer && wt === null) {
    const how = agent.source === "worker" ? `${WORKER_ENV.story} names story ${agent.story}, which has no worktree; ${WORKER_ENV.worktree} must name it` : 'its prompt must start with "Story: <id>" and "Worktree: <path>"';
    return deny(GATE7, `The ${name} agent could not be matched to a started story (${how}), so it may not change files.`);
  }
  const where = reviewer ? "A reviewer changes nothing" : `You work on story ${agent.story} only inside its worktree ${wt}`;
  const scratch = (p) => SCRATCH2.some((s) => isInside(p, s)) && !isInside(p, snap.root);
  const writable = (p) => scratch(p) || !reviewer && wt !== null && isInside(p, wt);
  if (WRITE_TOOLS.has(tool)) {
    const raw = payload.tool_input?.["file_path"] ?? payload.tool_input?.["notebook_path"];
    const p = typeof raw === "string" ? posix10.resolve(cwd, raw) : "";
    return writable(p) ? ALLOW : deny(GATE7, `${where}: ${tool} of ${p || "(no path)"} is not allowed.${reviewer ? " Report findings in your verdict instead." : " Use absolute paths under the worktree."}`);
  }
  const line = payload.tool_input?.["command"];
  if (typeof line !== "string") return ALLOW;
  const parsed = parseCommand(line, cwd);
  for (const cmd of parsed.commands) {
    for (const r of cmd.redirects) if (!writable(r)) return deny(GATE7, `${where}: the command writes to ${r}.`);
    const { name: prog, args } = programOf(cmd.words);
    if (prog === "" || prog === "cd" || prog === "pushd") continue;
    const g = gitInvocation(cmd);
    if (g) {
      if (READ_ONLY_GIT.has(g.sub)) continue;
      if (reviewer) return deny(GATE7, `${where}: \`git ${g.sub}\` changes the repository. Reviewers only read (git diff/log/show) and run tests.`);
      if (wt === null || !isInside(g.dir, wt)) return deny(GATE7, `${where}: run git there (\`cd "${wt}" && git ...\`), not in ${g.dir}.`);
      continue;
    }
    if (READ_ONLY_PROGRAMS.has(prog) || prog === "find" && !findWrites(args)) continue;
    const home = wt;
    if (home !== null && !isInside(cmd.dir, home) && !scratch(cmd.dir)) {
      return deny(GATE7, `${where}: \`${prog}\` would run in ${cmd.dir}; start the command with \`cd "${home}" && \`.`);
    }
    const outside = args.filter((a) => a.startsWith("/") && isInside(a, snap.root) && !(home !== null && isInside(a, home)));
    if (outside.length > 0) return deny(GATE7, `${where}: \`${prog}\` names ${outside[0]}, outside the story's worktree.`);
  }
  if (parsed.opaque && !reviewer && wt !== null && !parsed.commands.every((c) => isInside(c.dir, wt))) {
    return deny(GATE7, `${where}: command substitutions are only allowed when the whole command runs in the worktree.`);
  }
  return ALLOW;
}

// lib/core/hooks/pre-tool-use.ts
function preToolUse({ payload, snap, launch, worker = null, safety = DEFAULT_SAFETY_RULES }) {
  const cwd = payload.cwd ?? snap.root;
  const agent = storyAgentOf(payload, snap, launch, worker);
  const safe = safetyGuard({ payload, agent, rules: safety, root: snap.root, cwd });
  if (safe.decision.kind !== "allow") return { decision: safe.decision, ...safe.denial ? { safety: safe.denial } : {} };
  for (const d of [stateDirGuard(payload, cwd), gitGuard(payload, cwd, snap.root), engineCommandGuard(payload, cwd)]) {
    if (d.kind !== "allow") return { decision: d };
  }
  if (agent !== null) return { decision: subagentWriteGuard(payload, snap, agent, cwd) };
  if (payload.agent_id !== void 0) return { decision: ALLOW };
  if (payload.tool_name === "Agent" || payload.tool_name === "Task") return agentLaunchGate(payload, snap);
  if (payload.tool_name === SEND_MESSAGE) return continueAgentGate(payload, snap);
  return { decision: ALLOW };
}

// lib/adapters/hooks/journal.ts
import { appendFileSync, mkdirSync, readFileSync, writeFileSync as writeFileSync2, renameSync } from "node:fs";
import { join as join2 } from "node:path";

// lib/adapters/state-store/ignore-file.ts
import { lstatSync, writeFileSync } from "node:fs";
import { join } from "node:path";
var STATE_IGNORE_FILE = ".gitignore";
var STATE_IGNORE_TEXT = [
  "# story-orchestrator: the run state stays out of git (and out of Claude Code's view of the",
  "# files a Bash command changed). config.yaml is yours to commit. Written by story-orchestrator.",
  "*",
  "!config.yaml",
  ""
].join("\n");
function ensureStateIgnoreFile(dir) {
  try {
    if (!lstatSync(dir, { throwIfNoEntry: false })?.isDirectory()) return;
    const file = join(dir, STATE_IGNORE_FILE);
    if (lstatSync(file, { throwIfNoEntry: false })) return;
    writeFileSync(file, STATE_IGNORE_TEXT, { flag: "wx", mode: 420 });
  } catch {
  }
}

// lib/adapters/hooks/journal.ts
function prepareStateDir(root2) {
  mkdirSync(join2(root2, STATE_DIR), { recursive: true });
  ensureStateIgnoreFile(join2(root2, STATE_DIR));
}
function append(root2, line) {
  prepareStateDir(root2);
  appendFileSync(join2(root2, STATE_DIR, HOOK_JOURNAL), JSON.stringify(line) + "\n");
}
function recordLaunch(root2, rec, at) {
  append(root2, { t: "launch", at, ...rec });
}
function readLaunches(root2) {
  let text;
  try {
    text = readFileSync(join2(root2, STATE_DIR, HOOK_JOURNAL), "utf8");
  } catch {
    return [];
  }
  const launches = [];
  const byTool = /* @__PURE__ */ new Map();
  for (const raw of text.split("\n")) {
    if (!raw) continue;
    let l;
    try {
      l = JSON.parse(raw);
    } catch {
      continue;
    }
    if (l.t === "launch") {
      const { t: _t, at: _at, ...rec } = l;
      launches.push(rec);
      if (rec.toolUseId) byTool.set(rec.toolUseId, rec);
    } else if (l.t === "agent") {
      const rec = byTool.get(l.toolUseId);
      if (rec) rec.agentId = l.agentId;
    } else if (l.t === "done") {
      for (const rec of launches) if (l.toolUseId && rec.toolUseId === l.toolUseId || l.agentId && rec.agentId === l.agentId) rec.done = true;
    }
  }
  return launches;
}

// lib/adapters/hooks/snapshot.ts
import { existsSync, readdirSync, readFileSync as readFileSync2 } from "node:fs";
import { join as join3 } from "node:path";
function readJson(path2) {
  try {
    const v = JSON.parse(readFileSync2(path2, "utf8"));
    return v !== null && typeof v === "object" ? v : null;
  } catch {
    return null;
  }
}
var str = (v) => typeof v === "string" ? v : null;
function storyOf2(j) {
  const id = str(j["storyId"]);
  const status = str(j["status"]);
  if (id === null || status === null) return null;
  const reviews = Array.isArray(j["reviews"]) ? j["reviews"] : [];
  return {
    id,
    status,
    agent: str(j["agent"]) ?? "general-developer",
    worktree: str(j["worktree"]),
    branch: str(j["branch"]),
    baseSha: str(j["baseSha"]),
    headSha: str(j["headSha"]),
    dependencies: Array.isArray(j["dependencies"]) ? j["dependencies"].filter((d) => typeof d === "string") : [],
    reviews: reviews.map((r) => ({ reviewer: str(r["reviewer"]) ?? "", verdict: str(r["verdict"]) ?? "", sha: str(r["sha"]) ?? "" }))
  };
}
function readStrict(dir) {
  try {
    const text = readFileSync2(join3(dir, CONFIG_FILE_NAME), "utf8");
    return !/^strict:\s*(false|no|off)\s*(#.*)?$/m.test(text);
  } catch {
    return true;
  }
}
function readSnapshot(root2) {
  const dir = join3(root2, STATE_DIR);
  const orch = readJson(join3(dir, ORCHESTRATION_FILE));
  const snap = { root: root2, active: orch !== null, stories: {}, runStories: [], strict: true, launches: [], reviewers: null };
  if (!existsSync(dir)) return snap;
  for (const name of readdirSync(dir)) {
    if (storyIdOfFileName(name) === null) continue;
    const j = readJson(join3(dir, name));
    const s = j ? storyOf2(j) : null;
    if (s) snap.stories[idKey(s.id)] = s;
  }
  if (orch) {
    const stories = Array.isArray(orch["stories"]) ? orch["stories"].filter((s) => typeof s === "string") : [];
    const keys = new Set(stories.map(idKey));
    snap.runStories = [...stories, ...Object.values(snap.stories).filter((s) => !keys.has(idKey(s.id))).map((s) => s.id)];
  }
  snap.strict = readStrict(dir);
  snap.launches = readLaunches(root2);
  return snap;
}

// lib/adapters/hooks/safety-config.ts
import { readFileSync as readFileSync4 } from "node:fs";
import { join as join4 } from "node:path";

// lib/adapters/fs/cache-dir.ts
import { isAscii } from "node:buffer";
import { lstatSync as lstatSync2, mkdirSync as mkdirSync2, readFileSync as readFileSync3, readdirSync as readdirSync2, statSync, unlinkSync, writeFileSync as writeFileSync3 } from "node:fs";
import path from "node:path";
var CACHE_DIR = ".agent-orchestration/cache";
function readCacheFile(absRoot, name) {
  try {
    for (const d of [path.join(absRoot, ".agent-orchestration"), path.join(absRoot, CACHE_DIR)]) {
      if (!lstatSync2(d, { throwIfNoEntry: false })?.isDirectory()) return null;
    }
    const file = path.join(absRoot, CACHE_DIR, name);
    const st = lstatSync2(file, { throwIfNoEntry: false });
    if (!st || !st.isFile()) return null;
    return { text: asciiText(readFileSync3(file)), mtimeMs: st.mtimeMs };
  } catch {
    return null;
  }
}
function asciiText(bytes) {
  return isAscii(bytes) ? bytes.toString("latin1") : bytes.toString("utf8");
}

// lib/adapters/hooks/safety-config.ts
var SAFETY_MEMO = "safety.json";
function readConfigText(root2) {
  try {
    return readFileSync4(join4(root2, STATE_DIR, CONFIG_FILE_NAME), "utf8");
  } catch {
    return null;
  }
}
function mentionsSafety(text) {
  return text !== null && /^["']?safety["']?\s*:/m.test(text);
}
function readSafetyMemo(root2, text) {
  const file = readCacheFile(root2, SAFETY_MEMO);
  if (!file) return null;
  try {
    const m = JSON.parse(file.text);
    return m && m.version === SAFETY_RULES_VERSION && m.text === text && m.rules && Array.isArray(m.rules.deny) ? m.rules : null;
  } catch {
    return null;
  }
}
async function readSafetyRules(root2, compute) {
  const text = readConfigText(root2);
  if (!mentionsSafety(text)) return DEFAULT_SAFETY_RULES;
  return readSafetyMemo(root2, text) ?? await compute(text);
}

// lib/adapters/hooks/transcript.ts
import { closeSync, openSync, readFileSync as readFileSync5, readSync } from "node:fs";
import { dirname as dirname2, join as join5 } from "node:path";
function agentTranscriptPath(payload) {
  if (payload.agent_transcript_path) return payload.agent_transcript_path;
  if (!payload.transcript_path || !payload.session_id || !payload.agent_id || !/^[A-Za-z0-9_-]+$/.test(payload.agent_id)) return null;
  return join5(dirname2(payload.transcript_path), payload.session_id, "subagents", `agent-${payload.agent_id}.jsonl`);
}
function textOf(content) {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((b) => b.type === "text" ? b.text ?? "" : "").join("\n");
  return "";
}
function readLaunchPromptText(path2) {
  let fd;
  try {
    fd = openSync(path2, "r");
  } catch {
    return null;
  }
  try {
    const buf = Buffer.alloc(65536);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const first = buf.subarray(0, n).toString("utf8").split("\n")[0] ?? "";
    const j = JSON.parse(first);
    return textOf(j.message?.content);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
function awaitLaunchPromptText(path2, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let pause;
  for (; ; ) {
    const text = readLaunchPromptText(path2);
    if (text !== null || Date.now() >= deadline) return text;
    pause ??= new Int32Array(new SharedArrayBuffer(4));
    Atomics.wait(pause, 0, 0, 25);
  }
}

// lib/hooks/output.ts
function render(event2, d) {
  switch (d.kind) {
    case "allow":
      return "";
    case "deny":
      return JSON.stringify({ hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "deny", permissionDecisionReason: d.reason } });
    case "block":
      return JSON.stringify({ decision: "block", reason: d.reason });
    case "context":
      return JSON.stringify({ hookSpecificOutput: { hookEventName: event2, additionalContext: d.text } });
  }
}

// lib/hooks/dispatch.ts
var LAUNCH_PROMPT_WAIT_MS = 3e3;
function inOurTerritory(p, worker) {
  if (p.agent_id !== void 0 && isOurAgent(p.agent_type) || worker !== null) return true;
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
      const path2 = agentTranscriptPath(payload);
      const writes = WRITE_TOOLS.has(payload.tool_name ?? "") || payload.tool_name === "Bash";
      const text = path2 ? awaitLaunchPromptText(path2, writes ? LAUNCH_PROMPT_WAIT_MS : 0) : null;
      launch = text ? parseLaunchPrompt(text) : null;
    }
    const worker = env.worker ?? null;
    const storyAgentBash = payload.tool_name === "Bash" && (payload.agent_id !== void 0 && isOurAgent(payload.agent_type) || worker !== null);
    const safety = storyAgentBash ? await readSafetyRules(env.root, async (text) => (await env.loadEngine()).safetyRules(env.root, text)) : DEFAULT_SAFETY_RULES;
    const verdict = preToolUse({ payload, snap, launch, worker, safety });
    if (verdict.decision.kind === "allow" && verdict.record) recordLaunch(env.root, verdict.record, env.now().toISOString());
    if (verdict.safety) await logSafetyDenial(env, verdict.safety);
    return render("PreToolUse", verdict.decision);
  } catch (e) {
    if (!inOurTerritory(payload, env.worker ?? null)) return "";
    return render("PreToolUse", deny("hook-error", `story-orchestrator's PreToolUse hook failed (${e instanceof Error ? e.message : String(e)}), so this call is refused to protect the run. Run \`story-orchestrator resume\` and \`story-orchestrator status\`; report the error if it persists.`));
  }
}
async function logSafetyDenial(env, d) {
  try {
    await (await env.loadEngine()).recordSafetyDenial(env.root, d, env.now().toISOString());
  } catch {
  }
}
async function runHook(env, event2, stdin) {
  let payload;
  try {
    const v = JSON.parse(stdin || "{}");
    payload = v !== null && typeof v === "object" ? v : {};
  } catch {
    payload = {};
  }
  if (event2 === "PreToolUse") return runPreToolUse(env, payload);
  if (env.worker) return "";
  try {
    switch (event2) {
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
    if (event2 === "PostToolUse") {
      return render("PostToolUse", { kind: "context", text: `story-orchestrator could not record this agent's completion (${e instanceof Error ? e.message : String(e)}). Run \`story-orchestrator resume --json\` to reconcile, then \`story-orchestrator next --json\`.` });
    }
    return "";
  }
}

// lib/adapters/fs/locate-project.ts
import { readFileSync as readFileSync6, readdirSync as readdirSync3, realpathSync, statSync as statSync2 } from "node:fs";
import { basename as basename2, dirname as dirname3, join as join6, relative as relative2, resolve } from "node:path";

// lib/core/stories/story-folders.ts
var DEFAULT_STORY_DIRS = [
  // BMAD v4 and most home-grown layouts, with or without epic subfolders.
  "docs/stories",
  // BMAD v6's output folder: stories at its top or in its stories/ (epic subfolders too).
  "_bmad-output/implementation-artifacts",
  // BMAD v6 alpha: stories/, epic-N/stories/, or story files at the top.
  "docs/sprint-artifacts"
];
var CCPM_EPICS_DIR = ".claude/epics";

// lib/adapters/fs/locate-project.ts
var MAX_GIT_FILE_BYTES = 4096;
function statOf(p) {
  try {
    return statSync2(p, { throwIfNoEntry: false });
  } catch {
    return void 0;
  }
}
var isDir = (p) => statOf(p)?.isDirectory() === true;
var isFile = (p) => statOf(p)?.isFile() === true;
function readSmall(p) {
  try {
    if (!isFile(p)) return null;
    const text = readFileSync6(p, "utf8");
    return text.length <= MAX_GIT_FILE_BYTES ? text : null;
  } catch {
    return null;
  }
}
function mainWorktreeOf(top) {
  const line = /^gitdir:\s*(.+?)\s*$/m.exec(readSmall(join6(top, ".git")) ?? "");
  if (!line) return null;
  const gitDir = resolve(top, line[1]);
  const commonDir = readSmall(join6(gitDir, "commondir"))?.trim();
  if (!commonDir) return null;
  const common = resolve(gitDir, commonDir);
  if (basename2(common) !== ".git") return null;
  try {
    return resolve(top, relative2(realpathSync(top), realpathSync(dirname3(common))));
  } catch {
    return null;
  }
}
function findWorkTree(start) {
  for (let dir = start; ; dir = dirname3(dir)) {
    const git = statOf(join6(dir, ".git"));
    if (git?.isDirectory()) return { top: dir, mainWorktree: null };
    if (git?.isFile()) return { top: dir, mainWorktree: mainWorktreeOf(dir) };
    if (dirname3(dir) === dir) return null;
  }
}
function holdsProject(dir) {
  const state = join6(dir, STATE_DIR);
  if (isFile(join6(state, CONFIG_FILE_NAME))) return true;
  try {
    if (readdirSync3(state).some((name) => storyIdOfFileName(name) !== null)) return true;
  } catch {
  }
  if (DEFAULT_STORY_DIRS.some((d) => isDir(join6(dir, d)))) return true;
  try {
    return readdirSync3(join6(dir, CCPM_EPICS_DIR), { withFileTypes: true }).some((e) => e.isDirectory());
  } catch {
    return false;
  }
}
function locateProject(start) {
  const abs = resolve(start);
  return chooseProjectRoot(abs, findWorkTree(abs), holdsProject);
}

// lib/hooks/entry.ts
async function readStdin() {
  const chunks = [];
  for await (const c of process.stdin) chunks.push(c);
  return Buffer.concat(chunks).toString("utf8");
}
var event = process.argv[2] ?? "";
var root = locateProject(process.env["CLAUDE_PROJECT_DIR"] || process.cwd()).root;
var out = await runHook(
  {
    root,
    // A computed specifier: the bundler must not inline the engine into this file.
    loadEngine: async () => await import(new URL("./hook-engine.mjs", import.meta.url).href),
    now: () => /* @__PURE__ */ new Date(),
    // A headless worker of `story-orchestrator run` is known by the environment the runner set.
    worker: workerEnvOf(process.env)
  },
  event,
  await readStdin()
);
if (out) process.stdout.write(out + "\n");
