import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  usage
} from "./chunk-D6AISK4I.mjs";
import {
  ALLOW,
  DEFAULT_SAFETY_RULES,
  WRITE_TOOLS,
  agentTranscriptPath,
  awaitLaunchPromptText,
  awaitingReviewLaunch,
  deny,
  patternRuleId,
  readSafetyRules,
  readSnapshot,
  render,
  storyOf
} from "./chunk-EUXTHZFZ.mjs";
import {
  agentName,
  developerPrompt,
  isOurAgent,
  isReviewerName,
  parseLaunchPrompt
} from "./chunk-KYIXOYY7.mjs";
import {
  recordLaunch
} from "./chunk-2B7JGNL6.mjs";
import "./chunk-UXYV742O.mjs";
import {
  fixRoundForModel
} from "./chunk-F5LBCNN2.mjs";
import {
  WORKTREES_DIR
} from "./chunk-2JM6FW5P.mjs";
import "./chunk-R7PRS5ZI.mjs";
import "./chunk-T7SK64FE.mjs";
import {
  relativeStaysInside
} from "./chunk-IWUPKGEU.mjs";
import {
  STATE_DIR
} from "./chunk-DJAYH52C.mjs";
import "./chunk-KNNDJYLI.mjs";
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
  const out = [];
  const pending = [];
  for (const l of line.split("\n")) {
    const open = pending[0];
    if (open) {
      const end = (open.dash ? l.replace(/^\t+/, "") : l) === open.delim;
      if (end) pending.shift();
      if (open.keep) out.push(end ? "" : l);
      continue;
    }
    out.push(l);
    for (const m of l.matchAll(HEREDOC)) {
      const before = l.slice(0, m.index).split(/[;&|()]/).at(-1) ?? "";
      const prog = posix5.basename(unwrap(before.trim().split(/\s+/))[0] ?? "");
      pending.push({ delim: m[3], dash: m[1] === "-", keep: SHELLS.has(prog) });
    }
  }
  return out.join("\n");
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
  const out = [];
  if (depth < 4) for (const inner of substitutions(text)) out.push(...effectiveCommands(inner, cwd, depth + 1));
  const parsed = parseCommand(text.replaceAll("`", " "), cwd);
  for (const cmd of parsed.commands) {
    const words = unwrap(cmd.words);
    if (words.length === 0) continue;
    const prog = posix5.basename(words[0]);
    const script = SHELLS.has(prog) ? shellScript(words.slice(1)) : prog === "eval" ? words.slice(1).join(" ") : null;
    if (script !== null && depth < 4) out.push(...effectiveCommands(script, cmd.dir, depth + 1));
    else out.push({ words, dir: cmd.dir });
  }
  return out;
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
function safetyGuard({ payload, agent, rules, root, cwd }) {
  if (agent === null || payload.tool_name !== "Bash") return { decision: ALLOW };
  const line = payload.tool_input?.["command"];
  if (typeof line !== "string" || line.trim() === "") return { decision: ALLOW };
  const shown = `\`${clip(line.trim())}\``;
  const refuse = (rule, why, instead) => ({
    decision: deny(GATE5, `Safety rule ${rule}: ${shown} was refused: ${why}. ${instead} ${FOOTER}`),
    denial: { story: agent.story, role: agent.name, rule, command: clip(line.trim()) }
  });
  const wt = agent.worktree;
  const scratch = (p) => SCRATCH.some((s) => isInside(p, s)) && !isInside(p, root);
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

// lib/core/hooks/state-dir-guard.ts
var GATE6 = "state-dir-guard";
var REASON = `${STATE_DIR}/ belongs to the story-orchestrator engine: its state changes only through engine verbs (\`story-orchestrator start|submit|merge|fail|resume ...\`), and reviews are recorded by the hooks from the reviewer agents. Run \`story-orchestrator next --json\` or \`story-orchestrator status\` to see the legal next step.`;
function touchesStateDir(path) {
  return path.split(/[\\/]/).includes(STATE_DIR);
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
      const path = agentTranscriptPath(payload);
      const writes = WRITE_TOOLS.has(payload.tool_name ?? "") || payload.tool_name === "Bash";
      const text = path ? awaitLaunchPromptText(path, writes ? LAUNCH_PROMPT_WAIT_MS : 0) : null;
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
async function runHook(env, event, stdin) {
  let payload;
  try {
    const v = JSON.parse(stdin || "{}");
    payload = v !== null && typeof v === "object" ? v : {};
  } catch {
    payload = {};
  }
  if (event === "PreToolUse") return runPreToolUse(env, payload);
  if (env.worker) return "";
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
  const out = await runHook({ root: ctx.root, loadEngine: () => import("../hook-engine.mjs"), now: () => /* @__PURE__ */ new Date(), worker: workerEnvOf(process.env) }, event, await ctx.readStdin());
  return { exitCode: 0, json: out ? JSON.parse(out) : {}, human: out };
};
export {
  hookVerb
};
