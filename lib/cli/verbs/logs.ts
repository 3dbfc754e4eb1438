// `logs ID [--role R] [--follow]`: a story's worker message streams (logs/<id>/<role>-<n>.jsonl),
// readably (lib/core/run/render-log.ts), newest worker last. `--follow` keeps printing lines as
// the runner appends them, picks up each new worker's file as it appears, and stops cleanly on
// Ctrl-C (or SIGTERM). Reads only.
import { relative } from "node:path";
import type { Verb, VerbContext, VerbOutcome } from "../verb.js";
import { err, ok, type Diag, type Result } from "../../core/diagnostics.js";
import { idKey, isStoryId } from "../../core/ids.js";
import { createLogRenderer, workerHeading, type LogLine, type LogRenderer } from "../../core/run/render-log.js";
import { notAStoryId } from "../../engine/story-ref.js";
import { hasLogsDir, listWorkerLogs, type WorkerLog } from "../../adapters/state-store/worker-logs.js";
import { LineTail } from "../../adapters/state-store/line-tail.js";
import { logsDir } from "../../adapters/state-store/run-paths.js";
import { readAllStoryStates } from "../../adapters/state-store/store.js";
import { printable, style, type Style } from "../render/style.js";
import { rejectUnknownOptions, usage } from "../check-options.js";
import { outcome } from "./run-outcome.js";

const LINE = "logs ID [--role R] [--follow] [--json]";
/** How often `--follow` looks for appended lines and new files. */
const POLL_MS = 250;

export const logsVerb: Verb = async (ctx) => {
  const bad = rejectUnknownOptions("logs", ctx.args, ["role", "follow"], LINE);
  if (bad) return bad;
  if (ctx.args.positionals.length !== 1) return usage("logs: needs exactly one story id", LINE);
  const id = ctx.args.positionals[0]!;
  const role = ctx.args.options["role"];
  const known = await knownStory(ctx.root, id);
  if (!known.ok) return outcome(ctx, known, () => "");
  const filter = typeof role === "string" ? role : undefined;
  if (ctx.args.options["follow"] === true) return follow(ctx, id, filter);
  return outcome(ctx, ok(await readAll(ctx.root, id, filter)), (r) => human(r, id, filter, ctx.tty), (r) => ({ id, workers: r.workers.map(({ lines: _, ...w }) => w) }));
};

/**
 * A story the user can ask about: one with logs or a state file (fast, no markdown), else one
 * the project's stories name (a typo gets `unknown-story` with the nearest ids).
 */
async function knownStory(root: string, id: string): Promise<Result<true, Diag[]>> {
  if (!isStoryId(id)) return notAStoryId(id);
  if (await hasLogsDir(root, id)) return ok(true);
  const states = await readAllStoryStates(root);
  if (states.ok && states.value.has(idKey(id))) return ok(true);
  const { loadRunContext, findStory } = await import("../../engine/run-context.js");
  const ctx = await loadRunContext(root);
  if (!ctx.ok) return ctx;
  const found = findStory(ctx.value, id);
  return found.ok ? ok(true) : err(found.error);
}

interface WorkerJson {
  role: string;
  n: number;
  /** Project-relative path. */
  file: string;
  messages: unknown[];
  malformed: { line: number; text: string }[];
}

interface ReadResult {
  workers: (WorkerJson & { lines: LogLine[] })[];
  /** Every role with logs, for the message when --role matched none. */
  roles: string[];
}

/** One worker file being read: its tail (where the next read starts), the line number reached, the renderer. */
interface Cursor {
  log: WorkerLog;
  tail: LineTail;
  lineNo: number;
  renderer: LogRenderer;
}

const newCursor = (log: WorkerLog): Cursor => ({ log, tail: new LineTail(log.path), lineNo: 0, renderer: createLogRenderer() });

/** The complete lines appended since the cursor's last read (with `final`, also a last line without its newline). */
async function advance(c: Cursor, final: boolean): Promise<{ lineNo: number; raw: string }[]> {
  // A replaced file is read from its start: its lines are numbered, and rendered, afresh.
  const raws = await c.tail.newLines({ final, onRestart: () => Object.assign(c, { lineNo: 0, renderer: createLogRenderer() }) });
  return raws.map((raw) => ({ lineNo: ++c.lineNo, raw }));
}

function parseOrNull(raw: string): unknown {
  try {
    const v: unknown = JSON.parse(raw);
    return v !== null && typeof v === "object" && !Array.isArray(v) && typeof (v as { type?: unknown }).type === "string" ? v : null;
  } catch {
    return null;
  }
}

const relPath = (root: string, p: string): string => relative(root, p).split("\\").join("/");

async function readAll(root: string, id: string, role: string | undefined): Promise<ReadResult> {
  const logs = await listWorkerLogs(root, id);
  const roles = [...new Set(logs.map((l) => l.role))];
  const workers: ReadResult["workers"] = [];
  for (const log of logs.filter((l) => role === undefined || l.role === role)) {
    const c = newCursor(log);
    const w: ReadResult["workers"][number] = { role: log.role, n: log.n, file: relPath(root, log.path), messages: [], malformed: [], lines: [] };
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

function paint(s: Style, l: LogLine): string {
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

function human(r: ReadResult, id: string, role: string | undefined, tty: boolean): string {
  const s = style(tty);
  if (r.workers.length === 0) {
    if (role !== undefined && r.roles.length) return `${id}: no logs of role ${role} (roles with logs: ${r.roles.join(", ")})\n`;
    return `${id}: no worker logs yet (a headless run writes them, one file per worker)\n`;
  }
  return r.workers.map((w) => [s.bold(`${workerHeading(w.role, w.n)}  ${s.dim(w.file)}`), ...w.lines.map((l) => paint(s, l))].join("\n")).join("\n\n") + "\n";
}

/** `--follow`: prints as the files grow until a signal (or a closed stdout) stops it. */
async function follow(ctx: VerbContext, id: string, role: string | undefined): Promise<VerbOutcome> {
  const s = style(ctx.tty);
  let stop!: () => void;
  const stopped = new Promise<void>((res) => (stop = res));
  let done = false;
  const onStop = () => {
    done = true;
    stop();
  };
  process.once("SIGINT", onStop);
  process.once("SIGTERM", onStop);
  // A reader that went away (`logs --follow | head`) ends the follow, not the process with EPIPE.
  process.stdout.on("error", onStop);
  const write = (text: string): void => {
    if (!done) process.stdout.write(printable(text, ctx.tty));
  };
  const cursors = new Map<string, Cursor>();
  let last: string | undefined;
  let waiting = false;
  try {
    while (!done) {
      const logs = (await listWorkerLogs(ctx.root, id)).filter((l) => role === undefined || l.role === role);
      if (logs.length === 0 && !waiting && !ctx.args.json) {
        write(`${id}: waiting for worker logs in ${relPath(ctx.root, logsDir(ctx.root, id))}/ (Ctrl-C stops)\n`);
        waiting = true;
      }
      for (const log of logs) {
        let c = cursors.get(log.path);
        if (!c) cursors.set(log.path, (c = newCursor(log)));
        for (const { lineNo, raw } of await advance(c, false)) {
          if (raw.trim() === "") continue;
          const file = relPath(ctx.root, log.path);
          if (ctx.args.json) {
            const m = parseOrNull(raw);
            write(JSON.stringify({ role: log.role, n: log.n, file, line: lineNo, ...(m === null ? { malformed: raw } : { message: m }) }) + "\n");
            continue;
          }
          const lines = c.renderer.line(raw, lineNo);
          if (lines.length === 0) continue;
          // A heading whenever the output switches worker: reviewers run side by side.
          if (last !== log.path) write(`${last === undefined ? "" : "\n"}${s.bold(`${workerHeading(log.role, log.n)}  ${s.dim(file)}`)}\n`);
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
