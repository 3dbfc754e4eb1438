import { createRequire as __soCreateRequire } from 'node:module'; const require = __soCreateRequire(import.meta.url);
import {
  TITLE,
  dashboardCsp,
  esc,
  htmlPage,
  ledgerPath,
  loadRunReport,
  pageHeading,
  renderReportHtml
} from "./chunk-SGVNV3ZE.mjs";
import {
  watchDir
} from "./chunk-FKXRRTD4.mjs";
import {
  LineTail,
  createLogRenderer,
  listWorkerLogs,
  readTailLines
} from "./chunk-EFRLLGVI.mjs";
import "./chunk-644RGFZP.mjs";
import {
  progressJson,
  runProgress,
  runStoryIds
} from "./chunk-XPICGLJM.mjs";
import {
  adviceIn
} from "./chunk-SF5OX4YS.mjs";
import {
  outcome
} from "./chunk-HMC5CVHI.mjs";
import {
  rejectUnknownOptions,
  usage
} from "./chunk-D6AISK4I.mjs";
import "./chunk-S74CJSP5.mjs";
import "./chunk-IPPJ62NW.mjs";
import {
  systemClock
} from "./chunk-OXJ2D6ZF.mjs";
import "./chunk-NDF5RAGK.mjs";
import "./chunk-3ZEYVYDB.mjs";
import "./chunk-3C4OI2RT.mjs";
import {
  agentOf,
  displayId,
  loadRunContext,
  statusOf
} from "./chunk-EG7KQHPQ.mjs";
import "./chunk-RPVWIPJZ.mjs";
import {
  readAllStoryStates,
  stateDir
} from "./chunk-A73OOLFP.mjs";
import "./chunk-TA7IOGVC.mjs";
import "./chunk-2B7JGNL6.mjs";
import "./chunk-UXYV742O.mjs";
import "./chunk-F5LBCNN2.mjs";
import "./chunk-2BJZUZ65.mjs";
import "./chunk-2JM6FW5P.mjs";
import "./chunk-VVU4VAXQ.mjs";
import "./chunk-V3HTBSD2.mjs";
import "./chunk-WXMZ5N7V.mjs";
import "./chunk-ZP7QG5VT.mjs";
import "./chunk-R2CKZ2VR.mjs";
import "./chunk-P7BITJDN.mjs";
import "./chunk-6MSOW3YD.mjs";
import "./chunk-R7PRS5ZI.mjs";
import "./chunk-T7SK64FE.mjs";
import "./chunk-IWUPKGEU.mjs";
import {
  JOURNAL_FILE
} from "./chunk-DJAYH52C.mjs";
import "./chunk-KS6NXHCE.mjs";
import "./chunk-JHRD7746.mjs";
import "./chunk-YFTCM4W6.mjs";
import "./chunk-WOOHVJRX.mjs";
import {
  idKey,
  isStoryId
} from "./chunk-KNNDJYLI.mjs";
import {
  diag,
  err,
  ok
} from "./chunk-EFR3LY5V.mjs";
import "./chunk-EGEKWWZA.mjs";

// lib/engine/dashboard-data.ts
import { relative } from "node:path";

// lib/core/report/html/render-problem.ts
function renderProblemHtml(errors, live) {
  const items = errors.map((d) => `<li><code>${esc(d.code)}</code> ${d.file ? `<code>${esc(d.file)}${d.line ? `:${d.line}` : ""}</code> ` : ""}${esc(d.message)}</li>`);
  const main = [
    `<header>${pageHeading(TITLE, live !== void 0)}</header>`,
    `<section id="problems"><h2>The run's state cannot be read</h2><p class="muted">The engine's verbs refuse to run until this is fixed; this page shows the report once it is.</p><ul class="reasons">${items.join("")}</ul></section>`
  ].join("\n");
  return htmlPage(TITLE, main, live);
}

// lib/engine/dashboard-data.ts
var READ_ONLY = { cache: "read-only" };
var LOG_TAIL_BYTES = 256 * 1024;
var LOG_TAIL_LINES = 200;
function rowOf(ctx, key) {
  const st = ctx.states.get(key);
  const story = ctx.analysis.index.byKey.get(key);
  return {
    id: displayId(ctx, key),
    title: story?.title ?? "",
    status: statusOf(ctx, key),
    agent: agentOf(ctx, key),
    dependencies: ctx.analysis.edgesOf(key).map((e) => displayId(ctx, e.to)),
    worktree: st?.worktree ?? null,
    branch: st?.branch ?? null,
    headSha: st?.headSha ?? null,
    attempts: st?.attempts ?? 0,
    fixRounds: st?.fixRounds ?? 0,
    tokens: st?.tokens ?? null,
    costUsd: st?.costUsd ?? null,
    startTime: st?.startTime ?? null,
    lastUpdate: st?.lastUpdate ?? null,
    mergedSha: st?.mergedSha ?? null,
    reason: st?.reason ?? null
  };
}
async function dashboardStatus(root, clock = systemClock) {
  const p = await runProgress(root, clock, READ_ONLY);
  return p.ok ? ok(progressJson(p.value)) : p;
}
async function dashboardStories(root) {
  const loaded = await loadRunContext(root, READ_ONLY);
  if (!loaded.ok) return loaded;
  return ok({ stories: runStoryIds(loaded.value).map((id) => rowOf(loaded.value, idKey(id))) });
}
async function dashboardStory(root, id) {
  if (!isStoryId(id)) return ok(null);
  const loaded = await loadRunContext(root, READ_ONLY);
  if (!loaded.ok) return loaded;
  const ctx = loaded.value;
  const key = idKey(id);
  const st = ctx.states.get(key);
  if (!st && !ctx.analysis.index.byKey.has(key)) return ok(null);
  const row = rowOf(ctx, key);
  const logs = [];
  for (const log of await listWorkerLogs(root, row.id)) {
    const tail = await readTailLines(log.path, LOG_TAIL_BYTES);
    const renderer = createLogRenderer();
    const lines = tail.lines.flatMap((raw, i) => renderer.line(raw, i + 1));
    logs.push({ role: log.role, n: log.n, file: relative(root, log.path).split("\\").join("/"), lines: lines.slice(-LOG_TAIL_LINES), cut: tail.cut || lines.length > LOG_TAIL_LINES });
  }
  const next = ctx.analysis.index.byKey.has(key) ? adviceIn(ctx, key) : "";
  return ok({ story: { ...row, baseSha: st?.baseSha ?? null, reviews: st?.reviews ?? [], history: st?.history ?? [], next }, logs });
}
function dashboardReport(root, clock = systemClock) {
  return loadRunReport(root, clock, READ_ONLY);
}
async function dashboardPage(root, live, clock = systemClock) {
  const report = await dashboardReport(root, clock);
  return report.ok ? { ok: true, html: renderReportHtml(report.value, { live }) } : { ok: false, html: renderProblemHtml(report.error, live) };
}

// lib/adapters/dashboard/server.ts
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";

// lib/core/dashboard/auth.ts
import { createHash, timingSafeEqual } from "node:crypto";
function hostAllowed(host, port) {
  if (host === void 0) return false;
  const h = host.toLowerCase();
  return h === `127.0.0.1:${port}` || h === `localhost:${port}`;
}
function tokenOf(url, authorization) {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (bearer) return bearer[1];
  const q = queryOf(url).get("token");
  return q === null || q === "" ? null : q;
}
function queryOf(url) {
  const i = url.indexOf("?");
  return new URLSearchParams(url.startsWith("/") && i >= 0 ? url.slice(i + 1).split("#")[0] : "");
}
function sameToken(given, token) {
  const digest = (s) => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(digest(given), digest(token));
}
function authorize(req, server) {
  if (!hostAllowed(req.host, server.port)) return "bad-host";
  const given = tokenOf(req.url, req.authorization);
  if (given === null) return "no-token";
  return sameToken(given, server.token) ? null : "wrong-token";
}

// lib/core/dashboard/routes.ts
var refuse = (status, reason, body, headers = {}) => ({
  kind: "refuse",
  refusal: { status, reason, headers, body: `${body}
` }
});
function pathOf(url) {
  if (!url.startsWith("/")) return null;
  try {
    return new URL(`http://127.0.0.1${url}`).pathname;
  } catch {
    return null;
  }
}
function routeOf(path) {
  switch (path) {
    case "/":
      return { kind: "serve", route: { kind: "page" } };
    case "/api/status":
      return { kind: "serve", route: { kind: "status" } };
    case "/api/stories":
      return { kind: "serve", route: { kind: "stories" } };
    case "/api/report":
      return { kind: "serve", route: { kind: "report" } };
    case "/api/events":
      return { kind: "serve", route: { kind: "events" } };
  }
  const m = path === null ? null : /^\/api\/stories\/([^/]+)$/.exec(path);
  if (!m) return refuse(404, "not-found", "Not Found");
  let id;
  try {
    id = decodeURIComponent(m[1]);
  } catch {
    return refuse(400, "bad-id", "Bad Request: not a story id");
  }
  return isStoryId(id) ? { kind: "serve", route: { kind: "story", id } } : refuse(400, "bad-id", "Bad Request: not a story id");
}
function decide(req, server) {
  const auth = authorize(req, server);
  if (auth === "bad-host") return refuse(403, auth, "Forbidden");
  if (auth !== null) return refuse(401, auth, "Unauthorized", { "WWW-Authenticate": "Bearer" });
  if (req.method !== "GET") return refuse(405, "method", "Method Not Allowed", { Allow: "GET" });
  return routeOf(pathOf(req.url));
}

// lib/core/dashboard/events.ts
function sseFrame(e) {
  return `event: ${e.type}
data: ${JSON.stringify(e.data)}

`;
}
var SSE_PING = ": ping\n\n";
var sseOpening = (retryMs) => `retry: ${Math.round(retryMs)}
: story-orchestrator dashboard events

`;
function storyChanges(before, after) {
  const out = [];
  for (const key of [...after.keys()].sort()) {
    const now = after.get(key);
    const was = before.get(key);
    if (was && was.status === now.status && was.lastUpdate === now.lastUpdate && was.headSha === now.headSha) continue;
    out.push({ id: now.id, status: now.status, previous: was?.status ?? null, lastUpdate: now.lastUpdate, headSha: now.headSha });
  }
  return out;
}
function lineData(raw) {
  if (!raw.trim()) return null;
  try {
    const v = JSON.parse(raw);
    return v !== null && typeof v === "object" && !Array.isArray(v) && typeof v.event === "string" ? v : null;
  } catch {
    return null;
  }
}

// lib/adapters/dashboard/server.ts
var COMMON_HEADERS = {
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Resource-Policy": "same-origin"
};
var RETRY_MS = 2e3;
function newToken() {
  return randomBytes(32).toString("hex");
}
async function startDashboardServer(opts) {
  const token = opts.token ?? newToken();
  const streams = /* @__PURE__ */ new Set();
  let port = 0;
  const send = (res, status, type, body, headers = {}) => {
    res.writeHead(status, { ...COMMON_HEADERS, "Content-Type": type, "Content-Length": String(Buffer.byteLength(body)), ...headers });
    res.end(body);
  };
  const json = (res, status, value) => send(res, status, "application/json; charset=utf-8", JSON.stringify(value));
  const answer = (res, r) => r.ok ? json(res, 200, r.value) : json(res, 500, { errors: r.error });
  const openStream = (res) => {
    res.writeHead(200, { ...COMMON_HEADERS, "Content-Type": "text/event-stream; charset=utf-8", Connection: "keep-alive", "X-Accel-Buffering": "no" });
    res.write(sseOpening(RETRY_MS));
    streams.add(res);
    const unsubscribe = opts.events.subscribe((e) => res.write(sseFrame(e)));
    const end = () => {
      unsubscribe();
      streams.delete(res);
    };
    res.on("close", end);
    res.on("error", end);
  };
  const serve2 = async (route, res) => {
    switch (route.kind) {
      case "page": {
        const nonce = randomBytes(18).toString("base64");
        const page = await opts.reads.page({ nonce, token });
        return send(res, page.ok ? 200 : 500, "text/html; charset=utf-8", page.html, { "Content-Security-Policy": dashboardCsp(nonce) });
      }
      case "status":
        return answer(res, await opts.reads.status());
      case "stories":
        return answer(res, await opts.reads.stories());
      case "story": {
        const r = await opts.reads.story(route.id);
        if (r.ok && r.value === null) return json(res, 404, { errors: [{ code: "unknown-story", message: `no story ${route.id}` }] });
        return answer(res, r);
      }
      case "report":
        return answer(res, await opts.reads.report());
      case "events":
        return openStream(res);
    }
  };
  const server = createServer((req, res) => {
    const d = decide({ method: req.method ?? "", url: req.url ?? "", host: req.headers.host, authorization: req.headers.authorization }, { token, port });
    if (d.kind === "refuse") {
      const r = d.refusal;
      return send(res, r.status, "text/plain; charset=utf-8", r.body, r.headers);
    }
    serve2(d.route, res).catch((e) => {
      opts.onError?.(e);
      if (!res.headersSent) send(res, 500, "text/plain; charset=utf-8", "Internal Server Error\n");
      else res.destroy();
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port: opts.port ?? 0, host: "127.0.0.1" }, () => {
      server.off("error", reject);
      port = server.address().port;
      resolve();
    });
  });
  const ping = setInterval(() => {
    for (const res of streams) res.write(SSE_PING);
  }, opts.pingMs ?? 15e3);
  ping.unref();
  let closing = null;
  const close = () => closing ??= new Promise((resolve) => {
    clearInterval(ping);
    for (const res of streams) res.end();
    streams.clear();
    server.close(() => resolve());
    server.closeAllConnections();
  });
  return { port, token, url: `http://127.0.0.1:${port}/?token=${token}`, close };
}

// lib/adapters/dashboard/state-watcher.ts
import { dirname, join } from "node:path";
var StateWatcher = class {
  constructor(root, opts = {}) {
    this.root = root;
    this.journal = new LineTail(join(stateDir(root), JOURNAL_FILE));
    this.ledger = new LineTail(ledgerPath(root));
    this.pollMs = opts.pollMs ?? 2e3;
    this.settleMs = opts.settleMs ?? 50;
  }
  journal;
  ledger;
  listeners = /* @__PURE__ */ new Set();
  watchers = /* @__PURE__ */ new Map();
  stories = /* @__PURE__ */ new Map();
  poll = null;
  settle = null;
  looking = null;
  lookAgain = false;
  closed = false;
  pollMs;
  settleMs;
  /** Reads where things stand (later changes are the events), then starts watching. */
  async start() {
    await this.journal.skipExisting();
    await this.ledger.skipExisting();
    this.stories = await this.readStories() ?? /* @__PURE__ */ new Map();
    this.watchFolders();
    this.poll = setInterval(() => {
      this.watchFolders();
      void this.look();
    }, this.pollMs);
    this.poll.unref();
  }
  /** `fn` gets every event from now on; the returned function stops that. */
  subscribe(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
  /** Stops watching; waits for a look in progress, so nothing is read after it returns. */
  async close() {
    this.closed = true;
    if (this.poll) clearInterval(this.poll);
    if (this.settle) clearTimeout(this.settle);
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
    this.listeners.clear();
    await this.looking;
  }
  /** Looks now (and once more after a look in progress); resolves when done. For tests and the poll. */
  look() {
    if (this.closed) return Promise.resolve();
    if (this.looking) {
      this.lookAgain = true;
      return this.looking;
    }
    this.looking = (async () => {
      try {
        do {
          this.lookAgain = false;
          await this.lookOnce();
        } while (this.lookAgain && !this.closed);
      } finally {
        this.looking = null;
      }
    })();
    return this.looking;
  }
  /** Watches each folder not watched yet, or whose watch died (it went away, or was not there yet). */
  watchFolders() {
    if (this.closed) return;
    for (const dir of [stateDir(this.root), dirname(ledgerPath(this.root))]) {
      if (this.watchers.get(dir)?.alive()) continue;
      this.watchers.set(dir, watchDir(dir, () => this.soon()));
    }
  }
  /** A notification: look once the burst of writes (state, orchestration, journal) has settled. */
  soon() {
    if (this.closed || this.settle) return;
    this.settle = setTimeout(() => {
      this.settle = null;
      void this.look();
    }, this.settleMs);
  }
  async lookOnce() {
    const events = [];
    for (const raw of await this.journal.newLines()) {
      const data = lineData(raw);
      if (data) events.push({ type: "journal", data });
    }
    for (const raw of await this.ledger.newLines()) {
      const data = lineData(raw);
      if (data) events.push({ type: "ledger", data });
    }
    const now = await this.readStories();
    if (now) {
      for (const change of storyChanges(this.stories, now)) events.push({ type: "story", data: change });
      this.stories = now;
    }
    if (this.closed) return;
    for (const e of events) for (const fn of this.listeners) fn(e);
  }
  async readStories() {
    const all = await readAllStoryStates(this.root);
    if (!all.ok) return null;
    const out = /* @__PURE__ */ new Map();
    for (const [key, st] of all.value) out.set(key, { id: st.storyId, status: st.status, lastUpdate: st.lastUpdate, headSha: st.headSha });
    return out;
  }
};

// lib/engine/dashboard.ts
function dashboardReads(root) {
  return {
    status: () => dashboardStatus(root),
    stories: () => dashboardStories(root),
    story: (id) => dashboardStory(root, id),
    report: () => dashboardReport(root),
    page: (live) => dashboardPage(root, live)
  };
}
async function startDashboard(root, opts = {}) {
  const watcher = new StateWatcher(root, opts.pollMs !== void 0 ? { pollMs: opts.pollMs } : {});
  await watcher.start();
  let server;
  try {
    server = await startDashboardServer({ reads: dashboardReads(root), events: watcher, port: opts.port ?? 0, ...opts.pingMs !== void 0 ? { pingMs: opts.pingMs } : {}, ...opts.onError ? { onError: opts.onError } : {} });
  } catch (e) {
    await watcher.close();
    throw e;
  }
  return {
    ...server,
    close: async () => {
      await server.close();
      await watcher.close();
    }
  };
}

// lib/cli/verbs/dashboard.ts
var LINE = "dashboard [--port N] [--json]";
function portOf(v) {
  if (v === void 0) return 0;
  if (typeof v !== "string" || !/^\d{1,5}$/.test(v)) return null;
  const n = Number(v);
  return n <= 65535 ? n : null;
}
var dashboardVerb = async (ctx) => {
  const bad = rejectUnknownOptions("dashboard", ctx.args, ["port"], LINE);
  if (bad) return bad;
  if (ctx.args.positionals.length) return usage("dashboard: takes no arguments", LINE);
  const port = portOf(ctx.args.options["port"]);
  if (port === null) return usage("dashboard: --port needs a port number (0 to 65535; 0 = any free port)", LINE);
  const first = await dashboardStatus(ctx.root);
  if (!first.ok) return outcome(ctx, first, () => "");
  return serve(ctx, port);
};
async function serve(ctx, port) {
  const root = ctx.root;
  const stop = untilSignalled();
  let dash;
  try {
    dash = await startDashboard(root, { port, onError: (e) => process.stderr.write(`story-orchestrator dashboard: Internal error: ${e instanceof Error ? e.message : String(e)}
`) });
  } catch (e) {
    stop.dispose();
    const code = e.code;
    if (code === "EADDRINUSE" || code === "EACCES") {
      const why = code === "EADDRINUSE" ? "is in use" : "may not be used by this user";
      return outcome(ctx, err([diag("port-in-use", `port ${port} on 127.0.0.1 ${why}: pass another --port, or none for any free port`)]), () => "");
    }
    throw e;
  }
  process.stdout.write(
    ctx.args.json ? JSON.stringify({ url: dash.url, port: dash.port, token: dash.token }) + "\n" : [
      `Dashboard of ${root} (read-only; Ctrl-C stops it):`,
      `  ${dash.url}`,
      `API (same token, as ?token= or "Authorization: Bearer"): /api/status, /api/stories, /api/stories/ID, /api/report, /api/events (server-sent events)`,
      ""
    ].join("\n")
  );
  await stop.signalled;
  await dash.close();
  return { exitCode: 0, json: { stopped: true }, human: "Dashboard stopped.\n" };
}
function untilSignalled() {
  let dispose;
  const signalled = new Promise((resolve) => {
    const stop = () => {
      dispose();
      resolve();
    };
    dispose = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  return { signalled, dispose };
}
export {
  dashboardVerb
};
