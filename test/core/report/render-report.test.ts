// report.html is made from users' text (titles, reasons, findings): none of it may become markup,
// and the page must stand alone (no script, nothing fetched).
import { describe, expect, it } from "vitest";
import { buildRunReport, type ReportStoryInput } from "../../../lib/core/report/run-report.js";
import { renderReportHtml } from "../../../lib/core/report/html/render-report.js";
import { clip, esc } from "../../../lib/core/report/html/escape.js";
import { newStoryState } from "../../../lib/core/state/schemas.js";
import { transition } from "../../../lib/core/state/transitions.js";

const T0 = Date.parse("2026-03-01T10:00:00Z");
const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)> & 'q'`;

function hostileReport() {
  let st = newStoryState({ storyId: "1.1", agent: "general-developer", dependencies: [], at: new Date(T0).toISOString() });
  for (const [ev, m] of [["start", 0], ["submit", 5], ["request-changes", 6], ["submit", 9], ["approve", 10], ["merge", 11]] as const) {
    const t = transition(st, ev, new Date(T0 + m * 60_000).toISOString());
    if (!t.ok) throw new Error(t.error[0]!.message);
    st = t.value;
  }
  const stories: ReportStoryInput[] = [
    { id: "1.1", title: HOSTILE, status: "Done", agent: "general-developer", dependencies: [] },
    { id: "1.2", title: "Set aside", status: "Not Started", agent: "general-developer", dependencies: ["1.1"], setAsideReason: `duplicate-id at docs/<b>bad</b>.md` },
  ];
  return buildRunReport({ now: T0 + 20 * 60_000, maxParallel: 2, strict: true, integrationBranch: "<main>", stories, states: [st], journal: [] });
}

describe("escaping", () => {
  it("esc() escapes the five characters HTML gives meaning to; clip() cuts before escaping", () => {
    expect(esc(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    expect(clip("<<<<<", 3)).toBe("&lt;&lt;…");
  });

  it("story titles, reasons and the branch name appear as text in every section, never as markup", () => {
    const html = renderReportHtml(hostileReport());
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain("<b>bad</b>");
    expect(html).not.toContain("<main>into");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html).toContain("duplicate-id at docs/&lt;b&gt;bad&lt;/b&gt;.md");
    expect(html).toContain("into &lt;main&gt;");
  });

  it("the page stands alone: every section, no script, no URL, a policy that forbids loading anything", () => {
    const html = renderReportHtml(hostileReport());
    for (const id of ["timeline", "graph", "stories", "analytics"]) expect(html).toContain(`<section id="${id}">`);
    expect(html).not.toMatch(/https?:\/\/|\s(src|href)="|<link|url\((?!#)/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toContain("http-equiv=\"refresh\"");
    expect(html).not.toContain(`id="live"`);
  });

  it("live (the dashboard's page): one script with the response's nonce, allowed by the page's policy, nothing else loaded", () => {
    const html = renderReportHtml(hostileReport(), { live: { nonce: "bm9uY2Utb25l", token: "abc123" } });
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain(`<script nonce="bm9uY2Utb25l">`);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'nonce-bm9uY2Utb25l'; connect-src 'self'; base-uri 'none'; form-action 'none'">`);
    expect(html).toContain(`new EventSource("/api/events" + q)`);
    expect(html).toContain(`<span class="live" id="live" data-state="up">live</span>`);
    // Relative URLs only; the one href is the empty icon that spares the browser a /favicon.ico request.
    expect(html).not.toMatch(/https?:\/\//);
    expect([...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1])).toEqual(["data:,"]);
    expect(html).not.toMatch(/http-equiv="refresh"/);
  });

  it("a token cannot close the live script, and a nonce must be a nonce", () => {
    const html = renderReportHtml(hostileReport(), { live: { nonce: "n0nce", token: "</script><b>x" } });
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    expect(() => renderReportHtml(hostileReport(), { live: { nonce: `x' 'unsafe-inline`, token: "t" } })).toThrow(/not a nonce/);
  });
});

describe("the serial banner", () => {
  /** 1.1 then 1.2, one after the other, though neither waits for the other and two may run at once. */
  function serialReport() {
    const states = [
      ["1.1", 0],
      ["1.2", 10],
    ].map(([id, from]) => {
      let st = newStoryState({ storyId: id as string, agent: "general-developer", dependencies: [], at: new Date(T0).toISOString() });
      for (const [ev, m] of [["start", 0], ["submit", 5], ["approve", 6], ["merge", 9]] as const) {
        const t = transition(st, ev, new Date(T0 + ((from as number) + m) * 60_000).toISOString());
        if (!t.ok) throw new Error(t.error[0]!.message);
        st = t.value;
      }
      return st;
    });
    const stories: ReportStoryInput[] = ["1.1", "1.2"].map((id) => ({ id, title: `Story ${id}`, status: "Done", agent: "general-developer", dependencies: [] }));
    return buildRunReport({ now: T0 + 30 * 60_000, maxParallel: 2, strict: true, integrationBranch: "main", stories, states, journal: [] });
  }

  it("says the finished run ran serially, and the live page that it is serial so far", () => {
    const report = serialReport();
    expect(report.analytics.serial.ranSerially).toBe(true);
    expect(renderReportHtml(report)).toContain("<b>Ran serially.</b>");
    const live = renderReportHtml(report, { live: { nonce: "bm9uY2Utb25l", token: "abc123" } });
    expect(live).toContain("<b>Serial so far.</b>");
    expect(live).toContain("of the run so far.");
    expect(live).not.toContain("Ran serially.");
  });
});
