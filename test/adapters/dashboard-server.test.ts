// The dashboard's server on real loopback HTTP, over a real git repository whose stories are
// started and submitted with the engine's own functions: who is refused, what each endpoint
// answers, the event stream following the engine, that nothing is written, and a clean close.
import { lstatSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { template, work } from "../engine/repo.js";
import { getJson, openEvents, request, until, type SseClient } from "../helpers/http.js";
import { startDashboard } from "../../lib/engine/dashboard.js";
import type { RunningDashboard } from "../../lib/adapters/dashboard/server.js";
import { startStory } from "../../lib/engine/start.js";
import { submitStory } from "../../lib/engine/submit.js";
import { progressJson } from "../../lib/core/report/progress.js";
import { runProgress } from "../../lib/engine/status.js";
import { appendLedger } from "../../lib/adapters/workers/ledger-file.js";

const fresh = template([{ id: "1.1" }, { id: "1.2", deps: ["1.1"] }, { id: "1.3" }, { id: "1.4" }], "maxParallel: 3\n");

/** Every file and folder under the state folder with its size and modification time. */
function stateTree(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      const st = lstatSync(p);
      out[p.slice(root.length)] = st.isDirectory() ? "dir" : `${st.size}:${st.mtimeMs}`;
      if (st.isDirectory()) walk(p);
    }
  };
  walk(join(root, ".agent-orchestration"));
  return out;
}

const ok = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

describe("dashboard server", () => {
  let root = "";
  let dash: RunningDashboard;
  let wt11 = "";
  const streams: SseClient[] = [];

  beforeAll(async () => {
    root = fresh();
    wt11 = ok(await startStory(root, "1.1")).worktree;
    work(root, wt11, "src/a.txt", "a\n");
    ok(await submitStory(root, "1.1", { tokens: 1500, costUsd: 0.25 }));
    ok(await startStory(root, "1.3"));
    // A headless worker's log, as the runner writes it (Claude Code stream-json, one message a line).
    mkdirSync(join(root, ".agent-orchestration/logs/1.1"), { recursive: true });
    const msgs = [
      { type: "system", subtype: "init", session_id: "s1", model: "claude" },
      { type: "assistant", message: { content: [{ type: "text", text: "Reading the story." }, { type: "tool_use", id: "t1", name: "Bash", input: { command: "npm test" } }] } },
      { type: "result", subtype: "success", total_cost_usd: 0.25, duration_ms: 1000, usage: { input_tokens: 1000, output_tokens: 500 } },
    ];
    writeFileSync(join(root, ".agent-orchestration/logs/1.1/developer-1.jsonl"), msgs.map((m) => JSON.stringify(m)).join("\n") + "\nnot json\n");
    dash = await startDashboard(root, { pingMs: 200, pollMs: 500 });
  }, 60_000);

  afterAll(async () => {
    for (const s of streams) s.close();
    await dash?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it("prints a loopback URL with a long random token", () => {
    expect(dash.url).toBe(`http://127.0.0.1:${dash.port}/?token=${dash.token}`);
    expect(dash.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses every request without the right token with 401, and the body says nothing else", async () => {
    for (const path of ["/", "/api/status", "/api/stories", "/api/stories/1.1", "/api/report", "/api/events", "/nope"]) {
      for (const headers of [{}, { Authorization: "Bearer wrong" }, { Authorization: `Basic ${dash.token}` }] as Record<string, string>[]) {
        const r = await request(dash.port, path, { headers });
        expect([r.status, r.body]).toEqual([401, "Unauthorized\n"]);
        expect(r.headers["content-type"]).toBe("text/plain; charset=utf-8");
        expect(Object.keys(r.headers).filter((h) => h.startsWith("access-control-"))).toEqual([]);
      }
      // One character off (a token that ends in 0 gets a 1: "…0" would be the token itself, 1 run in 16).
      const wrong = await request(dash.port, `${path}?token=${dash.token.slice(0, -1)}${dash.token.endsWith("0") ? "1" : "0"}`);
      expect(wrong.status).toBe(401);
    }
  });

  it("refuses a Host other than its own (DNS rebinding) with 403, token or not", async () => {
    for (const host of ["evil.example:" + dash.port, "127.0.0.1", `127.0.0.1:${dash.port + 1}`, "localhost"]) {
      const r = await request(dash.port, `/api/status?token=${dash.token}`, { headers: { Host: host } });
      expect([r.status, r.body]).toEqual([403, "Forbidden\n"]);
    }
    expect((await request(dash.port, `/api/status?token=${dash.token}`, { headers: { Host: `localhost:${dash.port}` } })).status).toBe(200);
  });

  it("answers 405 with Allow: GET to every other method: no write endpoint exists", async () => {
    const before = stateTree(root);
    for (const method of ["POST", "PUT", "DELETE", "PATCH"]) {
      for (const path of ["/", "/api/stories", "/api/stories/1.1", "/api/events"]) {
        const r = await request(dash.port, path, { method, headers: { Authorization: `Bearer ${dash.token}` } });
        expect([r.status, r.headers["allow"], r.body]).toEqual([405, "GET", "Method Not Allowed\n"]);
      }
    }
    expect(stateTree(root)).toEqual(before);
  });

  it("/api/status is what `status --json` prints", async () => {
    const r = await getJson(dash.port, "/api/status", dash.token);
    expect(r.status).toBe(200);
    const want = progressJson(ok(await runProgress(root))) as { elapsedMs: number | null };
    expect({ ...r.json, elapsedMs: 0 }).toEqual({ ...want, elapsedMs: 0 });
    expect(r.json.totals).toMatchObject({ total: 4, active: 2 });
  });

  it("/api/stories lists each story with its state", async () => {
    const r = await getJson(dash.port, "/api/stories", dash.token);
    expect(r.status).toBe(200);
    expect(r.json.stories.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([["1.1", "Ready for Review"], ["1.2", "Not Started"], ["1.3", "In Progress"], ["1.4", "Not Started"]]);
    const s11 = r.json.stories[0];
    expect(s11).toMatchObject({ id: "1.1", title: "Story 1.1", agent: "general-developer", dependencies: [], worktree: wt11, branch: "story/1.1", attempts: 1, fixRounds: 0, tokens: 1500, costUsd: 0.25, mergedSha: null, reason: null });
    expect(s11.headSha).toMatch(/^[0-9a-f]{40}$/);
    expect(Object.keys(s11).sort()).toEqual(["agent", "attempts", "branch", "costUsd", "dependencies", "fixRounds", "headSha", "id", "lastUpdate", "mergedSha", "reason", "startTime", "status", "title", "tokens", "worktree"]);
    expect(r.json.stories[1]).toMatchObject({ id: "1.2", dependencies: ["1.1"], worktree: null, headSha: null, attempts: 0 });
  });

  it("/api/stories/:id has the story's history, reviews, next step and a readable tail of its worker logs", async () => {
    const r = await getJson(dash.port, "/api/stories/1.1", dash.token);
    expect(r.status).toBe(200);
    expect(r.json.story.history.map((h: { event: string; to: string }) => [h.event, h.to])).toEqual([["start", "In Progress"], ["submit", "Ready for Review"]]);
    expect(r.json.story.reviews).toEqual([]);
    expect(r.json.story.next).toContain("review");
    expect(r.json.logs).toHaveLength(1);
    const log = r.json.logs[0];
    expect(log).toMatchObject({ role: "developer", n: 1, file: ".agent-orchestration/logs/1.1/developer-1.jsonl", cut: false });
    const text = log.lines.map((l: { text: string }) => l.text).join("\n");
    expect(text).toContain("Reading the story.");
    expect(text).toContain("→ Bash: npm test");
    expect(log.lines.some((l: { kind: string }) => l.kind === "malformed")).toBe(true);
    // A story of the project that never started: known, empty.
    const r4 = await getJson(dash.port, "/api/stories/1.4", dash.token);
    expect(r4.json).toMatchObject({ story: { id: "1.4", status: "Not Started", history: [], reviews: [] }, logs: [] });
  });

  it("an unknown story is 404; an id that is not one never reaches a path (400, or 404 once resolved)", async () => {
    const unknown = await getJson(dash.port, "/api/stories/9.9", dash.token);
    expect(unknown).toEqual({ status: 404, json: { errors: [{ code: "unknown-story", message: "no story 9.9" }] } });
    const auth = { headers: { Authorization: `Bearer ${dash.token}` } };
    expect((await request(dash.port, "/api/stories/../../../etc/passwd", auth)).status).toBe(404);
    expect((await request(dash.port, "/api/stories/..%2F..%2F..%2Fetc%2Fpasswd", auth)).status).toBe(400);
    expect((await request(dash.port, "/api/stories/..%2Fstory-1.1.json", auth)).body).toBe("Bad Request: not a story id\n");
    expect((await request(dash.port, "/api/stories/1.1%2F..%2F..", auth)).status).toBe(400);
  });

  it("/api/report is the RunReport summary draws", async () => {
    const r = await getJson(dash.port, "/api/report", dash.token);
    expect(r.status).toBe(200);
    expect(r.json.stories.map((s: { id: string; outcome: string }) => [s.id, s.outcome])).toEqual([["1.1", "running"], ["1.2", "not-started"], ["1.3", "running"], ["1.4", "not-started"]]);
    expect(r.json.analytics).toHaveProperty("efficiency");
    expect(r.json.maxParallel).toBe(3);
  });

  it("/ is the live report page, its one script allowed by the nonce in the policy header", async () => {
    const r = await request(dash.port, `/?token=${dash.token}`);
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toBe("text/html; charset=utf-8");
    const csp = String(r.headers["content-security-policy"]);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toBe(`default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'nonce-${nonce}'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`);
    expect(r.body.match(/<script[^>]*>/g)).toEqual([`<script nonce="${nonce}">`]);
    expect(r.body).toContain(`<tr data-story="1.1">`);
    // Each page its own nonce.
    const again = await request(dash.port, `/?token=${dash.token}`);
    expect(again.headers["content-security-policy"]).not.toBe(csp);
  });

  it("streams engine events: the journal, the runner's ledger, story state changes, and pings", async () => {
    const es = await openEvents(dash.port, `/api/events?token=${dash.token}`);
    streams.push(es);
    expect(es.status).toBe(200);
    expect(es.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
    await until("the stream's opening", () => es.raw().startsWith("retry: "));
    const wt14 = ok(await startStory(root, "1.4")).worktree;
    await until("1.4's state change", () => es.events.some((e) => e.event === "story" && e.data.id === "1.4"));
    expect(es.events.find((e) => e.event === "story" && e.data.id === "1.4")!.data).toMatchObject({ id: "1.4", status: "In Progress", previous: null, headSha: null });
    await until("the journal's start line", () => es.events.some((e) => e.event === "journal" && e.data.event === "start" && e.data.storyId === "1.4"));
    // Nothing was reported that happened before the stream opened.
    expect(es.events.filter((e) => e.event === "story").map((e) => e.data.id)).toEqual(["1.4"]);

    work(root, wt14, "src/d.txt", "d\n");
    ok(await submitStory(root, "1.4"));
    await until("1.4 submitted", () => es.events.some((e) => e.event === "story" && e.data.id === "1.4" && e.data.status === "Ready for Review" && e.data.previous === "In Progress"));

    await appendLedger(root, { at: new Date().toISOString(), event: "run-start", note: "test" });
    await until("the ledger line", () => es.events.some((e) => e.event === "ledger" && e.data.event === "run-start" && e.data.note === "test"));
    await until("a ping", () => es.raw().includes("\n: ping\n\n"));
  });

  it("writes nothing in .agent-orchestration/ while serving every endpoint, not even the parse cache", async () => {
    // A new story file and a changed config: a verb would update its caches now.
    writeFileSync(join(root, "docs/stories/1.5.story-1-5.md"), "# Story 1.5: Story 1.5\n\n**Dependencies:** None\n");
    writeFileSync(join(root, ".agent-orchestration/config.yaml"), "maxParallel: 3 # changed\n");
    const before = stateTree(root);
    for (const path of ["/", "/api/status", "/api/stories", "/api/stories/1.1", "/api/stories/1.4", "/api/report", "/api/stories/9.9"]) {
      expect((await request(dash.port, path, { headers: { Authorization: `Bearer ${dash.token}` } })).status).toBeLessThan(500);
    }
    expect(stateTree(root)).toEqual(before);
  });

  it("closes cleanly: open streams end, the port stops answering", async () => {
    const es = await openEvents(dash.port, `/api/events?token=${dash.token}`);
    streams.push(es);
    await until("the stream's opening", () => es.raw().startsWith("retry: "));
    await dash.close();
    await until("the stream to end", () => es.ended());
    await expect(request(dash.port, `/api/status?token=${dash.token}`)).rejects.toMatchObject({ code: "ECONNREFUSED" });
    await dash.close(); // twice is fine
  });
});

describe("dashboard on a project whose state cannot be read", () => {
  it("answers the diagnostics (500, as --json prints them) and a page that shows them and keeps following the run", async () => {
    const root = fresh();
    ok(await startStory(root, "1.1"));
    const dash = await startDashboard(root);
    try {
      writeFileSync(join(root, ".agent-orchestration/story-1.1.json"), "{ torn");
      for (const path of ["/api/status", "/api/stories", "/api/stories/1.1", "/api/report"]) {
        const r = await getJson(dash.port, path, dash.token);
        expect(r.status).toBe(500);
        expect(r.json.errors[0]).toMatchObject({ code: "invalid-state", file: ".agent-orchestration/story-1.1.json" });
      }
      const page = await request(dash.port, `/?token=${dash.token}`);
      expect(page.status).toBe(500);
      expect(page.body).toContain("The run's state cannot be read");
      expect(page.body).toContain("<code>.agent-orchestration/story-1.1.json</code>");
      expect(page.body).toContain(`new EventSource("/api/events" + q)`);
    } finally {
      await dash.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe("dashboard on a project that has not run yet", () => {
  it("serves it, and reports the first story started once the state folder appears (found by the poll)", async () => {
    const root = fresh();
    rmSync(join(root, ".agent-orchestration"), { recursive: true, force: true });
    const dash = await startDashboard(root, { pollMs: 300 });
    try {
      const stories = await getJson(dash.port, "/api/stories", dash.token);
      expect(stories.json.stories.map((s: { status: string }) => s.status)).toEqual(["Not Started", "Not Started", "Not Started", "Not Started"]);
      const report = await getJson(dash.port, "/api/report", dash.token);
      expect(report.json.startedAt).toBeNull();
      const es = await openEvents(dash.port, `/api/events?token=${dash.token}`);
      await until("the stream's opening", () => es.raw().startsWith("retry: "));
      ok(await startStory(root, "1.1"));
      await until("1.1's state change", () => es.events.some((e) => e.event === "story" && e.data.id === "1.1" && e.data.status === "In Progress"));
      await until("the journal's start line", () => es.events.some((e) => e.event === "journal" && e.data.event === "start"));
      es.close();
    } finally {
      await dash.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
