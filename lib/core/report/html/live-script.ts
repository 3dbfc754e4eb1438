// The dashboard page's one script (render-report.ts adds it only when live): it listens to the
// dashboard's event stream and, a moment after the engine changed something, fetches the page
// again and swaps its <main> in, so the view follows the run without reloading (the scroll
// position stays, and nothing flickers). Several events in a burst (a merge writes the
// state, the journal and the story file) cost one refetch. The stream reconnects by itself; the
// badge says when it is down. Plain ES2017 in a string: lib/ has no DOM types, and the page loads
// nothing else.

/** How long after an event the page waits for more before refetching. */
export const REFRESH_DEBOUNCE_MS = 300;
/** How often the page is redrawn without any event, so that elapsed times move on. */
export const IDLE_REDRAW_MS = 30_000;

export function liveScript(token: string): string {
  // JSON.stringify quotes the token; "<" is escaped so no token could ever close the <script>.
  const tok = JSON.stringify(token).replace(/</g, "\\u003c");
  return `(function () {
  "use strict";
  var q = "?token=" + encodeURIComponent(${tok});
  var timer = null, busy = false, again = false, connected = false;
  // The page's own "Made ..." line says when it was last refreshed; the badge only says whether
  // changes still arrive.
  function badge() {
    var b = document.getElementById("live");
    if (!b) return;
    b.setAttribute("data-state", connected ? "up" : "down");
    b.textContent = connected ? "live" : "live · reconnecting…";
    b.title = connected ? "Following the run: the page updates when the engine changes something." : "The dashboard does not answer (stopped?); trying again every few seconds.";
  }
  function schedule() {
    if (busy) { again = true; return; }
    if (timer === null) timer = setTimeout(refresh, ${REFRESH_DEBOUNCE_MS});
  }
  function refresh() {
    timer = null;
    busy = true;
    fetch("/" + q, { cache: "no-store", headers: { Accept: "text/html" } })
      // 500 is the page that lists the state's problems: shown like the report.
      .then(function (r) { if (!r.ok && r.status !== 500) throw new Error("HTTP " + r.status); return r.text(); })
      .then(function (html) {
        var next = new DOMParser().parseFromString(html, "text/html").querySelector("main");
        var main = document.querySelector("main");
        if (next && main) main.innerHTML = next.innerHTML;
        document.body.setAttribute("data-refreshed", String(Number(document.body.getAttribute("data-refreshed") || "0") + 1));
      })
      // A failed fetch changes nothing: the next event, or the next idle redraw, tries again.
      .catch(function () {})
      .then(function () {
        busy = false;
        badge();
        if (again) { again = false; schedule(); }
      });
  }
  var events = new EventSource("/api/events" + q);
  ["journal", "ledger", "story"].forEach(function (t) { events.addEventListener(t, schedule); });
  // Events between the page's render and this connection, or while the stream was down, were
  // missed: every (re)connection fetches the page once.
  events.addEventListener("open", function () { connected = true; badge(); schedule(); });
  events.addEventListener("error", function () { connected = false; badge(); });
  // Running stories' bars and times grow while nothing happens: redraw now and then anyway.
  setInterval(function () { if (connected) schedule(); }, ${IDLE_REDRAW_MS});
})();`;
}
