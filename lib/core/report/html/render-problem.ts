// The dashboard's page when the report cannot be made (a state file or the config is invalid):
// the diagnostics, as `status` would print them, on a page that keeps following the run, so it
// turns into the report as soon as the problem is fixed.
import type { Diag } from "../../diagnostics.js";
import { esc } from "./escape.js";
import { htmlPage, pageHeading, TITLE, type LiveOptions } from "./page.js";

export function renderProblemHtml(errors: readonly Diag[], live: LiveOptions | undefined): string {
  const items = errors.map((d) => `<li><code>${esc(d.code)}</code> ${d.file ? `<code>${esc(d.file)}${d.line ? `:${d.line}` : ""}</code> ` : ""}${esc(d.message)}</li>`);
  const main = [
    `<header>${pageHeading(TITLE, live !== undefined)}</header>`,
    `<section id="problems"><h2>The run's state cannot be read</h2><p class="muted">The engine's verbs refuse to run until this is fixed; this page shows the report once it is.</p><ul class="reasons">${items.join("")}</ul></section>`,
  ].join("\n");
  return htmlPage(TITLE, main, live);
}
