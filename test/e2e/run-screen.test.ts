// What a PERSON sees on a terminal while `story-orchestrator run` works: the built CLI runs on
// a pseudo-terminal (util-linux `script`), drives real Claude Code workers against the scripted
// model server, and its output is replayed on a headless xterm. During the run the screen shows
// one line per active story (phase, elapsed, tokens, cost) and the totals line; at the end it
// shows the outcome, and the live frame was redrawn in place: one totals line in the whole
// scrollback, not one per redraw (log-update on a real terminal, not a string in a unit test).
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { StringDecoder } from "node:string_decoder";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, ensureBuilt } from "../helpers/built-cli.js";
import { CLAUDE_BIN, claudeEnv, makeHome, makeProject } from "./harness.js";
import { startModelServer, type ModelServer } from "./model-server.js";
import { headlessPolicy, type HeadlessMemo } from "./headless-policies.js";
import { Screen } from "./tui.js";

const COLS = 120;
const ROWS = 30;
/** The totals line of the live frame: "  0/2 done · $0.0000 spent · 0:03 elapsed". */
const TOTALS = /^\s+\d+\/2 done · \$\d+\.\d+ spent · \d+:\d\d elapsed/;
/** A story's row: "  1.1        implementing               0:02         0 tok  $0.0000". */
const ROW = /^\s+(1\.[12])\s+(implementing|review \(code-reviewer\)|between steps|merging)\s+\d+:\d\d\s+\d+ tok\s+\$\d+\.\d+$/;

const shq = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

function story(id: string): string {
  return `# Story ${id}: Greeting part ${id}\n\n## Status\nDraft\n\n## Story\nAs a user I want greeting part ${id}.\n\n## Acceptance Criteria\n1. story-${id}.txt exists\n\n## Dependencies\nNone\n`;
}

function status(root: string, id: string): string {
  return (JSON.parse(readFileSync(join(root, `.agent-orchestration/story-${id}.json`), "utf8")) as { status: string }).status;
}

describe("run on a terminal: the live view", { timeout: 600_000 }, () => {
  let server: ModelServer;
  let child: ChildProcessWithoutNullStreams | undefined;
  const memo: HeadlessMemo = { stalled: new Set(), continued: [], denials: [], reviews: new Map() };

  beforeAll(async () => {
    await ensureBuilt();
    server = await startModelServer({ policy: headlessPolicy({}, memo), maxRequests: 100 });
  });
  afterAll(async () => {
    // A failed test must not leave the runner or its workers behind: `script` leads their group.
    if (child?.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // Already gone.
      }
    }
    await server?.close();
  });

  it("shows a row per active story and the totals line while it runs, and redraws them in place", async () => {
    const root = makeProject({
      "README.md": "# demo\n",
      ".agent-orchestration/config.yaml": "maxParallel: 2\nreviewers: [code-reviewer]\nworkerSilenceMinutes: 0.5\nretryBackoffSeconds: 0\n",
      "docs/stories/1.1.greeting.md": story("1.1"),
      "docs/stories/1.2.greeting.md": story("1.2"),
    });
    const screen = new Screen(COLS, ROWS);
    const env: NodeJS.ProcessEnv = { ...claudeEnv(server.url, makeHome()), STORY_ORCHESTRATOR_CLAUDE: CLAUDE_BIN, TERM: "xterm-256color", COLUMNS: String(COLS), LINES: String(ROWS) };
    const command = `stty cols ${COLS} rows ${ROWS} && exec ${[process.execPath, BIN, "run"].map(shq).join(" ")}`;
    child = spawn("script", ["-qfec", command, "/dev/null"], { cwd: root, env, stdio: ["pipe", "pipe", "pipe"], detached: true });
    const utf8 = new StringDecoder("utf8");
    // Every screen the runner showed, sampled as its output arrives.
    const seen: string[] = [];
    child.stdout.on("data", (d: Buffer) => {
      screen.write(utf8.write(d));
      // xterm parses asynchronously: read the screen once this chunk is in.
      setTimeout(() => seen.push(screen.text()), 20);
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString("utf8")));
    const code = await new Promise<number | null>((resolve) => child?.on("close", resolve));
    await new Promise((r) => setTimeout(r, 200));
    const final = screen.allText();

    expect(server.errors).toEqual([]);
    expect(code, `${final}\n${stderr}`).toBe(0);
    expect(status(root, "1.1")).toBe("Done");
    expect(status(root, "1.2")).toBe("Done");

    // While it ran: a screen with the totals line under the active stories' rows.
    const live = seen.filter((s) => s.split("\n").some((l) => TOTALS.test(l)));
    expect(live.length, final).toBeGreaterThan(0);
    const rows = new Set(live.flatMap((s) => s.split("\n").map((l) => ROW.exec(l)?.[1]).filter((x): x is string => x !== undefined)));
    expect([...rows].sort(), live.join("\n----\n")).toEqual(["1.1", "1.2"]);
    // Both stories on one screen: the view showed them in parallel, each on its own line.
    expect(live.some((s) => s.split("\n").filter((l) => ROW.test(l)).length === 2), live.join("\n----\n")).toBe(true);
    // While stories were active, the totals line was the frame's last line, under their rows.
    for (const s of live.filter((x) => x.split("\n").some((l) => ROW.test(l)))) {
      const lines = s.split("\n").filter((l) => l.trim());
      expect(TOTALS.test(lines.at(-1) ?? ""), s).toBe(true);
    }

    // At the end: the outcome is on screen, and the frame was redrawn in place.
    expect(final).toMatch(/2\/2 done/);
    expect(final.split("\n").filter((l) => TOTALS.test(l)), final).toHaveLength(1);
    expect(final.split("\n").filter((l) => ROW.test(l)), final).toEqual([]);
  });
});
