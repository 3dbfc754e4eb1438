// Plain HTTP on loopback for the dashboard's tests: node:http (not fetch), so a test may send any
// Host header and method, and read an event stream as it arrives.
import { request as httpRequest, type IncomingHttpHeaders, type ClientRequest } from "node:http";

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export function request(port: number, path: string, opts: { method?: string; headers?: Record<string, string> } = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, method: opts.method ?? "GET", headers: opts.headers ?? {}, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

export const getJson = async (port: number, path: string, token: string): Promise<{ status: number; json: any }> => { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await request(port, path, { headers: { Authorization: `Bearer ${token}` } });
  return { status: r.status, json: JSON.parse(r.body) };
};

/** Waits for `check` to hold, looking every 50 ms; fails after `timeoutMs` saying what it waited for. */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export interface SseEvent {
  event: string;
  data: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** An open event stream: what arrived so far (`raw`, parsed `events`), and whether it ended. */
export interface SseClient {
  status: number;
  headers: IncomingHttpHeaders;
  raw: () => string;
  events: SseEvent[];
  ended: () => boolean;
  close: () => void;
}

export function openEvents(port: number, path: string): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    let raw = "";
    let ended = false;
    const events: SseEvent[] = [];
    const req: ClientRequest = httpRequest({ host: "127.0.0.1", port, path, agent: false }, (res) => {
      res.setEncoding("utf8");
      let buf = "";
      res.on("data", (c: string) => {
        raw += c;
        buf += c;
        for (let i = buf.indexOf("\n\n"); i >= 0; i = buf.indexOf("\n\n")) {
          const frame = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const event = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (event !== undefined && data !== undefined) events.push({ event, data: JSON.parse(data) });
        }
      });
      const done = (): void => {
        ended = true;
      };
      res.on("end", done);
      res.on("close", done);
      res.on("error", done);
      resolve({ status: res.statusCode ?? 0, headers: res.headers, raw: () => raw, events, ended: () => ended, close: () => req.destroy() });
    });
    req.on("error", (e) => (ended ? undefined : reject(e)));
    req.end();
  });
}
