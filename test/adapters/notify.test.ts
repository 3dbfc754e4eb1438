// The notifier against real things: a loopback HTTP server for the webhook and real shell
// commands (node one-liners) for the command. A failing notifier is data, never an exception.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notify } from "../../lib/adapters/notify/notify.js";
import type { NotifyConfig } from "../../lib/core/config/schema.js";
import { eventText, RUN_EVENT_TYPES, type RunEvent } from "../../lib/core/run/run-events.js";
import { tempDir } from "../helpers/git-repo.js";

const ALL = [...RUN_EVENT_TYPES];
const question: RunEvent = { type: "question", at: "2030-01-02T03:04:05.000Z", storyId: "1.2", question: "Which database?\nPostgres or SQLite?" };
const finished: RunEvent = { type: "run-finished", at: "2030-01-02T04:00:00.000Z", done: 5, total: 6, failed: ["1.3"], spentUsd: 4.2, summary: "5 merged, 1 failed" };

interface Received {
  method: string;
  contentType: string | undefined;
  body: unknown;
}

/** A loopback server; `answer` decides each reply (`null`: never answer). */
async function server(answer: (req: IncomingMessage, res: ServerResponse) => number | null): Promise<{ url: string; received: Received[]; close: () => Promise<void>; srv: Server }> {
  const received: Received[] = [];
  const srv = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ method: req.method ?? "", contentType: req.headers["content-type"], body: JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown });
      const status = answer(req, res);
      if (status !== null) res.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "ok" : "boom");
    });
  });
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const { port } = srv.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/T000/SECRET`,
    received,
    srv,
    close: () =>
      new Promise<void>((r) => {
        srv.closeAllConnections();
        srv.close(() => r());
      }),
  };
}

const node = JSON.stringify(process.execPath);
let dir: string;
beforeAll(() => {
  dir = tempDir("so-notify-");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("notify: webhook", () => {
  it("POSTs {text, event} as JSON, text being the event's line", async () => {
    const s = await server(() => 200);
    try {
      const r = await notify({ webhook: s.url, events: ALL }, question);
      expect(r).toEqual({ delivered: ["webhook"], failed: [] });
      expect(s.received).toEqual([{ method: "POST", contentType: "application/json", body: { text: eventText(question), event: question } }]);
      expect((s.received[0]?.body as { text: string }).text).toBe('Story 1.2 asks: Which database? Postgres or SQLite? (answer: story-orchestrator answer 1.2 "YOUR ANSWER")');
    } finally {
      await s.close();
    }
  });

  it("an HTTP error is a failure naming the status and the host, never the secret path", async () => {
    const s = await server(() => 500);
    try {
      const r = await notify({ webhook: s.url, events: ALL }, finished);
      expect(r.delivered).toEqual([]);
      expect(r.failed).toHaveLength(1);
      expect(r.failed[0]?.target).toBe("webhook");
      expect(r.failed[0]?.error).toMatch(/^127\.0\.0\.1:\d+ answered HTTP 500 Internal Server Error$/);
      expect(r.failed[0]?.error).not.toContain("SECRET");
    } finally {
      await s.close();
    }
  });

  it("a refused connection is a failure, not an exception", async () => {
    const s = await server(() => 200);
    const url = s.url;
    await s.close();
    const r = await notify({ webhook: url, events: ALL }, finished);
    expect(r).toEqual({ delivered: [], failed: [{ target: "webhook", error: expect.stringMatching(/^cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\)$/) as unknown }] });
  });

  it("a webhook that never answers is given up after the timeout", async () => {
    const s = await server(() => null);
    try {
      const r = await notify({ webhook: s.url, events: ALL }, finished, { timeoutMs: 300 });
      expect(r).toEqual({ delivered: [], failed: [{ target: "webhook", error: expect.stringMatching(/^127\.0\.0\.1:\d+ did not answer within 300 ms$/) as unknown }] });
      expect(s.received).toHaveLength(1);
    } finally {
      await s.close();
    }
  });
});

describe("notify: command", () => {
  it("runs the command through the shell with the event as JSON on stdin", async () => {
    const out = join(dir, "event.json");
    const command = `${node} -e "process.stdin.pipe(require('fs').createWriteStream(process.argv[1]))" ${JSON.stringify(out)} && echo sent >&2`;
    const r = await notify({ command, events: ALL }, question);
    expect(r).toEqual({ delivered: ["command"], failed: [] });
    expect(JSON.parse(readFileSync(out, "utf8"))).toEqual(question);
  });

  it("gets the event type in STORY_ORCHESTRATOR_EVENT and runs in cwd", async () => {
    const command = `${node} -e "require('fs').writeFileSync('type.txt', process.env.STORY_ORCHESTRATOR_EVENT)"`;
    expect(await notify({ command, events: ALL }, finished, { cwd: dir })).toEqual({ delivered: ["command"], failed: [] });
    expect(readFileSync(join(dir, "type.txt"), "utf8")).toBe("run-finished");
  });

  it("a command that does not read its stdin is still delivered", async () => {
    expect(await notify({ command: "true", events: ALL }, finished)).toEqual({ delivered: ["command"], failed: [] });
  });

  it("a failing command is reported with its exit code and stderr", async () => {
    const command = `${node} -e "console.error('no mail server'); process.exit(3)"`;
    expect(await notify({ command, events: ALL }, finished)).toEqual({ delivered: [], failed: [{ target: "command", error: "exit code 3: no mail server" }] });
    const missing = await notify({ command: "definitely-not-a-command-xyz", events: ALL }, finished);
    expect(missing.failed[0]?.error).toMatch(/^exit code 127: .*definitely-not-a-command-xyz/);
  });

  it("a command that hangs is stopped at the timeout", async () => {
    const command = `${node} -e "setInterval(() => {}, 1000)"`;
    expect(await notify({ command, events: ALL }, finished, { timeoutMs: 300 })).toEqual({ delivered: [], failed: [{ target: "command", error: "timed out after 300 ms" }] });
  });
});

describe("notify: configuration", () => {
  it("sends to both targets, and one failing does not stop the other", async () => {
    const s = await server(() => 200);
    try {
      const cfg: NotifyConfig = { command: "exit 1", webhook: s.url, events: ALL };
      expect(await notify(cfg, finished)).toEqual({ delivered: ["webhook"], failed: [{ target: "command", error: "exit code 1" }] });
      expect(s.received).toHaveLength(1);
    } finally {
      await s.close();
    }
  });

  it("sends nothing without a config or for an event not listed", async () => {
    const s = await server(() => 200);
    try {
      expect(await notify(undefined, finished)).toEqual({ delivered: [], failed: [] });
      expect(await notify({ webhook: s.url, events: ["question"] }, finished)).toEqual({ delivered: [], failed: [] });
      expect(await notify({ webhook: s.url, events: ["question"] }, question)).toEqual({ delivered: ["webhook"], failed: [] });
      expect(s.received.map((x) => (x.body as { event: RunEvent }).event.type)).toEqual(["question"]);
    } finally {
      await s.close();
    }
  });
});

describe("eventText", () => {
  it("says each event in one line", () => {
    expect(eventText({ type: "story-failed", at: "t", storyId: "2.1", reason: "verify failed:\nnpm test exited 1" })).toBe("Story 2.1 failed: verify failed: npm test exited 1");
    expect(eventText({ type: "budget-warning", at: "t", spentUsd: 7.5, budgetUsd: 10 })).toBe("Budget warning: $7.50 of $10.00 spent (75%)");
    expect(eventText(finished)).toBe("Run finished: 5/6 stories done; failed: 1.3; $4.20 spent. 5 merged, 1 failed");
    expect(eventText({ ...finished, failed: [], summary: "" })).toBe("Run finished: 5/6 stories done; $4.20 spent");
    const long = eventText({ ...question, question: "x".repeat(2000) });
    expect(long.includes("\n")).toBe(false);
    expect(long).toContain(`${"x".repeat(499)}…`);
  });
});
