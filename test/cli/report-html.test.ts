// report.html in a real browser: a run made with the built CLI's verbs on a real git repository
// (two stories implemented at the same time, a fix round, a failure and the story it blocks),
// then `summary`, then Debian's Chromium (driven by playwright-core, no browser download) opens
// the file from disk. Every section must render, nothing may be logged as an error, and no
// request may leave file://. A screenshot goes to .test-report/report.png for people to look at.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { ensureBuilt, ROOT } from "../helpers/built-cli.js";
import { commitAll, tempDir } from "../helpers/git-repo.js";
import { cliAsync, work } from "../engine/repo.js";
import { removeProject } from "./run-built-cli.js";
import { chromiumSkipNote, launchChromium, skipWithoutChromium, watchPage } from "../helpers/browser.js";


const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

const storyFile = (id: string, title: string, deps: string) => `# Story ${id}: ${title}\n\n**Status:** Draft\n\n**Dependencies:** ${deps}\n\n## Tasks\n- [ ] do it\n`;

/** A finished run: 1.1 and 1.2 overlap, 1.2 goes through a fix round, 1.4 fails and blocks 1.5. */
async function finishedRun(): Promise<string> {
  const root = commitAll(
    tempDir("so-report-", {
      ".agent-orchestration/config.yaml": "maxParallel: 2\n",
      "README.md": "base\n",
      "docs/stories/1.1.login.md": storyFile("1.1", "Login form", "None"),
      "docs/stories/1.2.search.md": storyFile("1.2", `Search <b>bold</b> & "quoted"`, "None"),
      "docs/stories/1.3.profile.md": storyFile("1.3", "Profile page", "1.1"),
      "docs/stories/1.4.export.md": storyFile("1.4", "Export to CSV", "1.3"),
      "docs/stories/1.5.import.md": storyFile("1.5", "Import from CSV", "1.4"),
    }),
  );
  const run = async (...args: string[]) => {
    const r = await cliAsync(root, args);
    if (r.code !== 0) throw new Error(`${args.join(" ")} exited ${r.code}: ${r.stdout}${r.stderr}`);
    return r.json;
  };
  const a = await run("start", "1.1");
  const b = await run("start", "1.2");
  work(root, a.worktree, "src/login.txt", "login\n");
  await run("submit", "1.1", "--tokens", "12000", "--cost", "0.42");
  work(root, b.worktree, "src/search.txt", "search\n");
  await run("submit", "1.2", "--tokens", "9000", "--cost", "0.31");
  const findings = join(root, "..", `findings-${Date.now()}.json`);
  writeFileSync(findings, JSON.stringify([{ severity: "HIGH", file: "src/search.txt", line: 1, message: "no <escaping> of the query" }, { severity: "LOW", message: "naming" }]));
  await run("review", "1.1", "--verdict", "approved");
  await run("review", "1.2", "--verdict", "changes-requested", "--findings", findings);
  await run("merge", "1.1");
  await run("start", "1.2"); // the fix round
  work(root, b.worktree, "src/search.txt", "search, escaped\n");
  await run("submit", "1.2");
  await run("review", "1.2", "--verdict", "approved");
  const c = await run("start", "1.3");
  work(root, c.worktree, "src/profile.txt", "profile\n");
  // The chain 1.1 → 1.3 → 1.4 must outweigh 1.2 (with its fix round) however long each CLI call
  // takes on a loaded machine: 1.3 and 1.4 work a while, so the critical path the test expects is
  // the one the run had.
  await sleep(3000);
  await run("merge", "1.2");
  await run("submit", "1.3");
  await run("review", "1.3", "--verdict", "approved");
  await run("merge", "1.3");
  await run("start", "1.4");
  await sleep(3000);
  await run("fail", "1.4", "--reason", "the CSV library <csv-x> is not allowed");
  return root;
}

describe.skipIf(skipWithoutChromium)(`report.html in Chromium${chromiumSkipNote}`, () => {
  let root = "";
  let browser: Browser | null = null;
  beforeAll(async () => {
    await ensureBuilt();
    root = await finishedRun();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    if (root) removeProject(root);
  });

  it("summary writes report.html and --json carries the figures", async () => {
    const s = await cliAsync(root, ["summary"]);
    expect(s.code).toBe(0);
    expect(s.json.html).toBe(".agent-orchestration/report.html");
    expect(s.json.analytics).toMatchObject({ peakConcurrency: 2, ranSerially: false, criticalPath: expect.arrayContaining(["1.1", "1.3"]) });
    expect(s.json.analytics.efficiency).toBeGreaterThan(0);
    expect(s.json.analytics.makespanMs).toBeGreaterThanOrEqual(s.json.analytics.lowerBoundMs);
    expect(s.json.analytics.longestWaits.length).toBeGreaterThan(0);
    expect(readFileSync(join(root, ".agent-orchestration/report.md"), "utf8")).toContain("Parallelisation efficiency");
  });

  it("opens from file:// with every section, no console error, and no request outside file://", async () => {
    const file = join(root, ".agent-orchestration", "report.html");
    expect(existsSync(file)).toBe(true);
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const { errors, requests } = watchPage(page);
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: "load" });

    expect(await page.title()).toBe("Story run report");
    for (const id of ["timeline", "graph", "stories", "analytics"]) expect(await page.locator(`section#${id}`).isVisible()).toBe(true);
    // Timeline: a row per story, bars for the started ones, a fix round for 1.2; the two overlapping stories share a column.
    expect(await page.locator("svg.timeline g.row").count()).toBe(5);
    expect(await page.locator('svg.timeline g.row[data-story="1.2"] rect.bar-fix-round').count()).toBe(1);
    const span = async (id: string) =>
      page.locator(`svg.timeline g.row[data-story="${id}"] rect.bar`).evaluateAll((els) => {
        const xs = els.map((e) => [Number(e.getAttribute("x")), Number(e.getAttribute("x")) + Number(e.getAttribute("width"))]);
        return [Math.min(...xs.map((x) => x[0]!)), Math.max(...xs.map((x) => x[1]!))];
      });
    const [a, b] = [await span("1.1"), await span("1.2")];
    expect(a[0]! < b[1]! && b[0]! < a[1]!).toBe(true);
    expect(await page.locator("svg.concurrency polygon.conc").count()).toBe(1);
    // Graph: every story a node, the critical path marked, the blocked and failed ones with their reason.
    expect(await page.locator("svg.graph g.node").count()).toBe(5);
    expect(await page.locator("svg.graph g.node.crit").count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator("svg.graph path.edge").count()).toBe(3);
    const reasons = await page.locator("#graph ul.reasons").innerText();
    expect(reasons).toContain("the CSV library <csv-x> is not allowed");
    expect(reasons).toMatch(/1\.5 Import from CSV/);
    // Table: the user's title is text, not markup; findings by severity; merged commits.
    expect(await page.locator("#stories tbody tr").count()).toBe(5);
    expect(await page.locator('#stories tr[data-story="1.2"] td.title').innerText()).toContain(`Search <b>bold</b> & "quoted"`);
    expect(await page.locator("#stories b:text-is('bold')").count()).toBe(0);
    expect(await page.locator('#stories tr[data-story="1.2"] td.findings').innerText()).toBe("1 high 1 low");
    expect(await page.locator("#stories td code").count()).toBe(3);
    // Analytics: six figures, each with its definition; longest waits listed.
    expect(await page.locator("#analytics .figure").count()).toBe(6);
    expect(await page.locator("#analytics .figure .def").count()).toBe(6);
    expect(await page.locator("#analytics table.waits tbody tr").count()).toBeGreaterThan(0);

    mkdirSync(join(ROOT, ".test-report"), { recursive: true });
    await page.screenshot({ path: join(ROOT, ".test-report", "report.png"), fullPage: true });
    expect(errors).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !u.startsWith("file://"))).toEqual([]);
  }, 120_000);
});
