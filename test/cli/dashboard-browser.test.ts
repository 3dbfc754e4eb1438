// The dashboard in a real browser: Debian's Chromium (driven by playwright-core, no browser
// download) opens the URL the built CLI's `dashboard` printed; while the page stays open, stories
// change state through the engine's own functions, and the page must show each new status
// without a reload. No console error, no request anywhere but the dashboard, and a page asked
// for without the token is refused. Screenshots go to .test-report/dashboard*.png.
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ensureBuilt, ROOT } from "../helpers/built-cli.js";
import { template, work } from "../engine/repo.js";
import { startStory } from "../../lib/engine/start.js";
import { submitStory } from "../../lib/engine/submit.js";
import { chromiumSkipNote, launchChromium, skipWithoutChromium, watchPage } from "../helpers/browser.js";
import { startDashboardProcess, type DashboardProcess } from "./dashboard-process.js";

const fresh = template([{ id: "1.1" }, { id: "1.2", deps: ["1.1"] }, { id: "1.3" }, { id: "1.4", deps: ["1.3"] }], "maxParallel: 2\n");

const ok = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
};

/** The status the stories table shows for `id` (the engine's, on the row's outcome cell). */
const shownStatus = (page: Page, id: string): Promise<string | null> => page.locator(`#stories tr[data-story="${id}"] td.outcome`).getAttribute("data-status");

describe.skipIf(skipWithoutChromium)(`the dashboard in Chromium${chromiumSkipNote}`, () => {
  let root = "";
  let browser: Browser | null = null;
  let dash: DashboardProcess | null = null;
  let worktree11 = "";

  beforeAll(async () => {
    await ensureBuilt();
    root = fresh();
    worktree11 = ok(await startStory(root, "1.1")).worktree;
    dash = await startDashboardProcess(root);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await dash?.stop("SIGKILL");
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it("refuses the page without the token", async () => {
    const page = await browser!.newPage();
    const r = await page.goto(`http://127.0.0.1:${dash!.port}/`);
    expect(r?.status()).toBe(401);
    expect((await page.locator("body").innerText()).trim()).toBe("Unauthorized");
    const wrong = await page.goto(`http://127.0.0.1:${dash!.port}/?token=${"0".repeat(64)}`);
    expect(wrong?.status()).toBe(401);
    await page.close();
  }, 60_000);

  it("follows the run live: a started and a submitted story change on the open page, with no reload", async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const { errors, requests } = watchPage(page);
    let navigations = 0;
    page.on("framenavigated", (f) => {
      if (f === page.mainFrame()) navigations++;
    });

    await page.goto(dash!.url, { waitUntil: "load" });
    expect(await page.title()).toBe("Story run report");
    for (const id of ["timeline", "graph", "stories", "analytics"]) expect(await page.locator(`section#${id}`).isVisible()).toBe(true);
    // The script connected to the event stream (its first connection refetches the page once).
    await page.waitForSelector("body[data-refreshed]", { timeout: 30_000 });
    expect(await page.locator("#live").getAttribute("data-state")).toBe("up");
    expect(await shownStatus(page, "1.1")).toBe("In Progress");
    expect(await shownStatus(page, "1.3")).toBe("Not Started");
    mkdirSync(join(ROOT, ".test-report"), { recursive: true });
    await page.screenshot({ path: join(ROOT, ".test-report", "dashboard.png"), fullPage: true });

    // The engine moves: 1.3 starts, 1.1 is submitted for review.
    ok(await startStory(root, "1.3"));
    await page.locator('#stories tr[data-story="1.3"] td.outcome[data-status="In Progress"]').waitFor({ timeout: 30_000 });
    work(root, worktree11, "src/login.txt", "login\n");
    ok(await submitStory(root, "1.1", { tokens: 4200, costUsd: 0.12 }));
    await page.locator('#stories tr[data-story="1.1"] td.outcome[data-status="Ready for Review"]').waitFor({ timeout: 30_000 });
    expect(await page.locator('#stories tr[data-story="1.1"] td.outcome').innerText()).toContain("Ready for Review");
    expect(await page.locator('#stories tr[data-story="1.1"]').innerText()).toContain("4,200");
    expect(await page.locator('svg.timeline g.row[data-story="1.3"] rect.bar').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(ROOT, ".test-report", "dashboard-after.png"), fullPage: true });

    expect(navigations).toBe(1); // the first load only: every change came in without a reload
    expect(errors).toEqual([]);
    const origin = `http://127.0.0.1:${dash!.port}/`;
    expect(requests.filter((u) => !u.startsWith(origin))).toEqual([]);
    expect(requests.some((u) => u.startsWith(`${origin}api/events?token=`))).toBe(true);

    // Ctrl-C: the dashboard stops cleanly, and the page says it lost the stream.
    expect(await dash!.stop("SIGINT")).toEqual({ code: 0, signal: null });
    await page.waitForSelector('#live[data-state="down"]', { timeout: 30_000 });
    expect(await page.locator("#live").innerText()).toBe("live · reconnecting…");
    await page.screenshot({ path: join(ROOT, ".test-report", "dashboard-stopped.png") });
  }, 120_000);
});
