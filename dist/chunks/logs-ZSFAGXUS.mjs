import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  LineTail,
  createLogRenderer,
  hasLogsDir,
  listWorkerLogs,
  workerHeading
} from "./chunk-EFRLLGVI.mjs";
import {
  logsDir
} from "./chunk-644RGFZP.mjs";
import {
  outcome
} from "./chunk-HMC5CVHI.mjs";
import {
  rejectUnknownOptions,
  usage
} from "./chunk-D6AISK4I.mjs";
import {
  printable,
  style
} from "./chunk-S74CJSP5.mjs";
import {
  notAStoryId
} from "./chunk-RPVWIPJZ.mjs";
import {
  readAllStoryStates
} from "./chunk-A73OOLFP.mjs";
import "./chunk-UXYV742O.mjs";
import "./chunk-2BJZUZ65.mjs";
import "./chunk-2JM6FW5P.mjs";
import "./chunk-WXMZ5N7V.mjs";
import "./chunk-R2CKZ2VR.mjs";
import "./chunk-6MSOW3YD.mjs";
import "./chunk-T7SK64FE.mjs";
import "./chunk-IWUPKGEU.mjs";
import "./chunk-DJAYH52C.mjs";
import {
  idKey,
  isStoryId
} from "./chunk-KNNDJYLI.mjs";
import {
  err,
  ok
} from "./chunk-EFR3LY5V.mjs";
import "./chunk-EGEKWWZA.mjs";

// lib/cli/verbs/logs.ts
import { relative } from "node:path";
var LINE = "logs ID [--role R] [--follow] [--json]";
var POLL_MS = 250;
var logsVerb = async (ctx) => {
  const bad = rejectUnknownOptions("logs", ctx.args, ["role", "follow"], LINE);
  if (bad) return bad;
  if (ctx.args.positionals.length !== 1) return usage("logs: needs exactly one story id", LINE);
  const id = ctx.args.positionals[0];
  const role = ctx.args.options["role"];
  const known = await knownStory(ctx.root, id);
  if (!known.ok) return outcome(ctx, known, () => "");
  const filter = typeof role === "string" ? role : void 0;
  if (ctx.args.options["follow"] === true) return follow(ctx, id, filter);
  return outcome(ctx, ok(await readAll(ctx.root, id, filter)), (r) => human(r, id, filter, ctx.tty), (r) => ({ id, workers: r.workers.map(({ lines: _, ...w }) => w) }));
};
async function knownStory(root, id) {
  if (!isStoryId(id)) return notAStoryId(id);
  if (await hasLogsDir(root, id)) return ok(true);
  const states = await readAllStoryStates(root);
  if (states.ok && states.value.has(idKey(id))) return ok(true);
  const { loadRunContext, findStory } = await import("./run-context-2YYROYZ3.mjs");
  const ctx = await loadRunContext(root);
  if (!ctx.ok) return ctx;
  const found = findStory(ctx.value, id);
  return found.ok ? ok(true) : err(found.error);
}
var newCursor = (log) => ({ log, tail: new LineTail(log.path), lineNo: 0, renderer: createLogRenderer() });
async function advance(c, final) {
  const raws = await c.tail.newLines({ final, onRestart: () => Object.assign(c, { lineNo: 0, renderer: createLogRenderer() }) });
  return raws.map((raw) => ({ lineNo: ++c.lineNo, raw }));
}
function parseOrNull(raw) {
  try {
    const v = JSON.parse(raw);
    return v !== null && typeof v === "object" && !Array.isArray(v) && typeof v.type === "string" ? v : null;
  } catch {
    return null;
  }
}
var relPath = (root, p) => relative(root, p).split("\\").join("/");
async function readAll(root, id, role) {
  const logs = await listWorkerLogs(root, id);
  const roles = [...new Set(logs.map((l) => l.role))];
  const workers = [];
  for (const log of logs.filter((l) => role === void 0 || l.role === role)) {
    const c = newCursor(log);
    const w = { role: log.role, n: log.n, file: relPath(root, log.path), messages: [], malformed: [], lines: [] };
    for (const { lineNo, raw } of await advance(c, true)) {
      if (raw.trim() === "") continue;
      const m = parseOrNull(raw);
      if (m === null) w.malformed.push({ line: lineNo, text: raw });
      else w.messages.push(m);
      w.lines.push(...c.renderer.line(raw, lineNo));
    }
    workers.push(w);
  }
  return { workers, roles };
}
function paint(s, l) {
  switch (l.kind) {
    case "error":
      return s.red(l.text);
    case "malformed":
      return s.yellow(l.text);
    case "tool":
      return s.cyan(l.text);
    case "result":
      return s.green(l.text);
    case "info":
      return s.dim(l.text);
    case "text":
      return l.text;
  }
}
function human(r, id, role, tty) {
  const s = style(tty);
  if (r.workers.length === 0) {
    if (role !== void 0 && r.roles.length) return `${id}: no logs of role ${role} (roles with logs: ${r.roles.join(", ")})
`;
    return `${id}: no worker logs yet (a headless run writes them, one file per worker)
`;
  }
  return r.workers.map((w) => [s.bold(`${workerHeading(w.role, w.n)}  ${s.dim(w.file)}`), ...w.lines.map((l) => paint(s, l))].join("\n")).join("\n\n") + "\n";
}
async function follow(ctx, id, role) {
  const s = style(ctx.tty);
  let stop;
  const stopped = new Promise((res) => stop = res);
  let done = false;
  const onStop = () => {
    done = true;
    stop();
  };
  process.once("SIGINT", onStop);
  process.once("SIGTERM", onStop);
  process.stdout.on("error", onStop);
  const write = (text) => {
    if (!done) process.stdout.write(printable(text, ctx.tty));
  };
  const cursors = /* @__PURE__ */ new Map();
  let last;
  let waiting = false;
  try {
    while (!done) {
      const logs = (await listWorkerLogs(ctx.root, id)).filter((l) => role === void 0 || l.role === role);
      if (logs.length === 0 && !waiting && !ctx.args.json) {
        write(`${id}: waiting for worker logs in ${relPath(ctx.root, logsDir(ctx.root, id))}/ (Ctrl-C stops)
`);
        waiting = true;
      }
      for (const log of logs) {
        let c = cursors.get(log.path);
        if (!c) cursors.set(log.path, c = newCursor(log));
        for (const { lineNo, raw } of await advance(c, false)) {
          if (raw.trim() === "") continue;
          const file = relPath(ctx.root, log.path);
          if (ctx.args.json) {
            const m = parseOrNull(raw);
            write(JSON.stringify({ role: log.role, n: log.n, file, line: lineNo, ...m === null ? { malformed: raw } : { message: m } }) + "\n");
            continue;
          }
          const lines = c.renderer.line(raw, lineNo);
          if (lines.length === 0) continue;
          if (last !== log.path) write(`${last === void 0 ? "" : "\n"}${s.bold(`${workerHeading(log.role, log.n)}  ${s.dim(file)}`)}
`);
          last = log.path;
          write(lines.map((l) => paint(s, l)).join("\n") + "\n");
        }
      }
      await Promise.race([stopped, new Promise((res) => setTimeout(res, POLL_MS))]);
    }
  } finally {
    process.off("SIGINT", onStop);
    process.off("SIGTERM", onStop);
  }
  return { exitCode: 0, json: { id, stopped: true }, human: "" };
}
export {
  logsVerb
};
