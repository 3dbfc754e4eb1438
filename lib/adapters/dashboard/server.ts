// The dashboard's HTTP server (node:http): 127.0.0.1 only, every request decided by the pure
// core (core/dashboard/routes.ts: Host, token, method, path), every answer a read. The data comes
// in through `DashboardReads` (lib/engine/dashboard-data.ts in the CLI, anything in tests); the
// event stream fans out one StateWatcher's events to every open stream.
import { randomBytes } from "node:crypto";
import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Diag, Result } from "../../core/diagnostics.js";
import { decide, type Route } from "../../core/dashboard/routes.js";
import { SSE_PING, sseFrame, sseOpening, type DashboardEvent } from "../../core/dashboard/events.js";
import { dashboardCsp } from "../../core/report/html/csp.js";
import type { LiveOptions } from "../../core/report/html/page.js";

/** The reads behind the endpoints. Each returns the project's problems as diagnostics. */
export interface DashboardReads {
  status(): Promise<Result<unknown, Diag[]>>;
  stories(): Promise<Result<unknown, Diag[]>>;
  /** null: no such story (404). */
  story(id: string): Promise<Result<unknown, Diag[]>>;
  report(): Promise<Result<unknown, Diag[]>>;
  page(live: LiveOptions): Promise<{ ok: boolean; html: string }>;
}

/** Where the events come from (a StateWatcher). */
export interface EventFeed {
  subscribe(fn: (e: DashboardEvent) => void): () => void;
}

export interface DashboardServerOptions {
  reads: DashboardReads;
  events: EventFeed;
  /** 0 (default): any free port. */
  port?: number;
  /** Default: 32 random bytes, hex. */
  token?: string;
  /** How often an open event stream gets a `: ping` (ms). */
  pingMs?: number;
  /** A read that threw (a bug): told here; the client gets a bare 500. */
  onError?: (e: unknown) => void;
}

export interface RunningDashboard {
  port: number;
  token: string;
  /** The page's address with the token: what the user opens. */
  url: string;
  /** Ends the event streams and stops the server; resolves once every connection is closed. */
  close(): Promise<void>;
}

/** Sent with every answer: nothing cached, sniffed, framed or referred (the URL holds the token). No CORS header, ever. */
const COMMON_HEADERS: Record<string, string> = {
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Resource-Policy": "same-origin",
};

/** How long a client waits before reconnecting a dropped event stream (ms). */
const RETRY_MS = 2000;

export function newToken(): string {
  return randomBytes(32).toString("hex");
}

export async function startDashboardServer(opts: DashboardServerOptions): Promise<RunningDashboard> {
  const token = opts.token ?? newToken();
  const streams = new Set<ServerResponse>();
  let port = 0;

  const send = (res: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void => {
    res.writeHead(status, { ...COMMON_HEADERS, "Content-Type": type, "Content-Length": String(Buffer.byteLength(body)), ...headers });
    res.end(body);
  };
  const json = (res: ServerResponse, status: number, value: unknown): void => send(res, status, "application/json; charset=utf-8", JSON.stringify(value));
  /** The project's problems (invalid state or config): the engine's diagnostics, as `--json` prints them. */
  const answer = (res: ServerResponse, r: Result<unknown, Diag[]>): void => (r.ok ? json(res, 200, r.value) : json(res, 500, { errors: r.error }));

  const openStream = (res: ServerResponse): void => {
    res.writeHead(200, { ...COMMON_HEADERS, "Content-Type": "text/event-stream; charset=utf-8", Connection: "keep-alive", "X-Accel-Buffering": "no" });
    res.write(sseOpening(RETRY_MS));
    streams.add(res);
    const unsubscribe = opts.events.subscribe((e) => res.write(sseFrame(e)));
    const end = (): void => {
      unsubscribe();
      streams.delete(res);
    };
    // The response closes when the client goes (or the server ends the stream); the request may close earlier (its body is done).
    res.on("close", end);
    res.on("error", end);
  };

  const serve = async (route: Route, res: ServerResponse): Promise<void> => {
    switch (route.kind) {
      case "page": {
        // A fresh nonce per page: the policy header allows exactly this response's script.
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

  const server: Server = createServer((req, res) => {
    const d = decide({ method: req.method ?? "", url: req.url ?? "", host: req.headers.host, authorization: req.headers.authorization }, { token, port });
    if (d.kind === "refuse") {
      const r = d.refusal;
      return send(res, r.status, "text/plain; charset=utf-8", r.body, r.headers);
    }
    serve(d.route, res).catch((e: unknown) => {
      opts.onError?.(e);
      if (!res.headersSent) send(res, 500, "text/plain; charset=utf-8", "Internal Server Error\n");
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port: opts.port ?? 0, host: "127.0.0.1" }, () => {
      server.off("error", reject);
      port = (server.address() as AddressInfo).port;
      resolve();
    });
  });

  const ping = setInterval(() => {
    for (const res of streams) res.write(SSE_PING);
  }, opts.pingMs ?? 15_000);
  ping.unref();

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> =>
    (closing ??= new Promise<void>((resolve) => {
      clearInterval(ping);
      for (const res of streams) res.end();
      streams.clear();
      server.close(() => resolve());
      // Keep-alive connections (a browser's) would hold close() open until they time out.
      server.closeAllConnections();
    }));

  return { port, token, url: `http://127.0.0.1:${port}/?token=${token}`, close };
}
