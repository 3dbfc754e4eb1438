// Real-browser tests run Debian's Chromium through playwright-core (no browser download). CI
// installs it and sets STORY_ORCHESTRATOR_REQUIRE_SHARED=1: there a missing Chromium fails the
// tests. Elsewhere (`npm ci && npm test` on a fresh machine) they are skipped, and say why.
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = "/usr/bin/chromium";
const present = existsSync(CHROMIUM);
const required = process.env["STORY_ORCHESTRATOR_REQUIRE_SHARED"] === "1";

/** Skip these tests (no Chromium here, and not CI). */
export const skipWithoutChromium = !present && !required;
/** The label a skipped suite carries. */
export const chromiumSkipNote = skipWithoutChromium ? ` [skipped: needs Debian's Chromium at ${CHROMIUM} (apt-get install chromium); not found]` : "";
if (skipWithoutChromium) console.warn(`The browser tests are skipped: ${CHROMIUM} was not found (apt-get install chromium).`);

export function launchChromium(): Promise<Browser> {
  if (!present) throw new Error(`Chromium is required here (STORY_ORCHESTRATOR_REQUIRE_SHARED=1) but ${CHROMIUM} is missing: apt-get install chromium`);
  return chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
}

/** What a page reported from now on: console errors and warnings, uncaught errors, and every URL it requested. */
export function watchPage(page: Page): { errors: string[]; requests: string[] } {
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("request", (r) => requests.push(r.url()));
  return { errors, requests };
}
