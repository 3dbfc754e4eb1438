// `story-orchestrator dashboard` through the built CLI: what it prints, that its API answers what
// the other verbs print, that Ctrl-C (SIGINT) or SIGTERM stops it with exit 0, and how it refuses.
import { createServer, type Server } from "node:net";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "../helpers/built-cli.js";
import { tempDir } from "../helpers/git-repo.js";
import { cliAsync, template } from "../engine/repo.js";
import { getJson, request } from "../helpers/http.js";
import { noStackTrace } from "./run-built-cli.js";
import { startDashboardProcess } from "./dashboard-process.js";

const fresh = template([{ id: "1.1" }, { id: "1.2", deps: ["1.1"] }], "maxParallel: 2\n");
const temps: string[] = [];
const project = (): string => {
  const root = fresh();
  temps.push(root);
  return root;
};

beforeAll(ensureBuilt, 180_000);
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

describe("dashboard verb", () => {
  it("prints the URL and the API, serves what `status --json` prints, and stops on Ctrl-C with exit 0", async () => {
    const root = project();
    expect((await cliAsync(root, ["start", "1.1"])).code).toBe(0);
    const d = await startDashboardProcess(root);
    try {
      expect(d.stdout()).toContain(`Dashboard of ${root} (read-only; Ctrl-C stops it):\n  ${d.url}\n`);
      expect(d.stdout()).toContain("/api/status, /api/stories, /api/stories/ID, /api/report, /api/events");
      const api = await getJson(d.port, "/api/status", d.token);
      const cli = await cliAsync(root, ["status"]);
      expect({ ...api.json, elapsedMs: 0 }).toEqual({ ...cli.json, elapsedMs: 0 });
      expect((await request(d.port, "/api/status")).status).toBe(401);
    } finally {
      const end = await d.stop("SIGINT");
      expect(end).toEqual({ code: 0, signal: null });
    }
    expect(d.stdout()).toMatch(/Dashboard stopped\.\n$/);
    expect(d.stderr()).toBe("");
    await expect(request(d.port, `/api/status?token=${d.token}`)).rejects.toMatchObject({ code: "ECONNREFUSED" });
  }, 90_000);

  it("--json prints one line with url, port and token, and {stopped: true} after SIGTERM", async () => {
    const root = project();
    const d = await startDashboardProcess(root, ["--json"]);
    const first = JSON.parse(d.stdout().split("\n")[0]!);
    expect(first).toEqual({ url: d.url, port: d.port, token: d.token });
    expect((await getJson(d.port, "/api/stories", d.token)).json.stories.map((s: { id: string }) => s.id)).toEqual(["1.1", "1.2"]);
    expect(await d.stop("SIGTERM")).toEqual({ code: 0, signal: null });
    expect(d.stdout().split("\n").filter(Boolean).map((l) => JSON.parse(l))).toEqual([first, { stopped: true }]);
  }, 90_000);

  it("refuses like the other verbs: outside git, unreadable state, a port in use, bad usage", async () => {
    const outside = tempDir("so-dash-nogit-");
    temps.push(outside);
    const nogit = await cliAsync(outside, ["dashboard"]);
    expect(nogit.code).toBe(1);
    expect(nogit.json.errors[0].code).toBe("not-a-git-repository");

    const root = project();
    expect((await cliAsync(root, ["start", "1.1"])).code).toBe(0);
    writeFileSync(join(root, ".agent-orchestration/story-1.1.json"), "{ not json");
    const bad = await cliAsync(root, ["dashboard"]);
    expect(bad.code).toBe(1);
    expect(bad.json.errors[0]).toMatchObject({ code: "invalid-state", file: ".agent-orchestration/story-1.1.json" });
    noStackTrace({ exitCode: bad.code ?? -1, stdout: bad.stdout, stderr: bad.stderr });

    const busy: Server = createServer();
    await new Promise<void>((res) => busy.listen(0, "127.0.0.1", res));
    const port = (busy.address() as { port: number }).port;
    try {
      const inUse = await cliAsync(project(), ["dashboard", "--port", String(port)]);
      expect(inUse.code).toBe(1);
      expect(inUse.json.errors).toEqual([{ code: "port-in-use", message: `port ${port} on 127.0.0.1 is in use: pass another --port, or none for any free port` }]);
    } finally {
      busy.close();
    }

    for (const args of [["--port", "http"], ["--port", "70000"], ["1.1"], ["--follow"]]) {
      const r = await cliAsync(root, ["dashboard", ...args]);
      expect(r.code).toBe(2);
      expect(r.json.errors[0].code).toBe("usage");
    }
  }, 90_000);
});
