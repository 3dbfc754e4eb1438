// The frame every report page shares: the policy that forbids loading anything, the inline
// style, and, live (served by the dashboard), the one script that follows the run.
import { reportCsp } from "./csp.js";
import { esc } from "./escape.js";
import { liveScript } from "./live-script.js";
import { STYLE } from "./style.js";

/** What the live page needs from the dashboard serving it. */
export interface LiveOptions {
  /** The nonce of the page's one inline script; the response's policy header names the same. */
  nonce: string;
  /** The dashboard's access token: the script sends it with the event stream and each refetch. */
  token: string;
}

/** Every report page's title: the static report, the live one, and the live one's problem page. */
export const TITLE = "Story run report";

/** The page's heading; live, with the badge the live script turns orange while the dashboard does not answer. */
export function pageHeading(title: string, live: boolean): string {
  return `<h1>${esc(title)}${live ? ` <span class="live" id="live" data-state="up">live</span>` : ""}</h1>`;
}

/** `main`: the page's content, markup already escaped. The live script swaps <main> on each change. */
export function htmlPage(title: string, main: string, live: LiveOptions | undefined): string {
  return [
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`,
    // Nothing may load from anywhere: the policy makes a stray reference fail instead of fetch.
    `<meta http-equiv="Content-Security-Policy" content="${reportCsp(live?.nonce)}">`,
    // Served, a browser asks for /favicon.ico (a refused request, logged as an error): an empty icon it need not fetch.
    live ? `<link rel="icon" href="data:,">` : "",
    `<title>${esc(title)}</title><style>${STYLE}</style></head><body><main>`,
    main,
    `</main>`,
    live ? `<script nonce="${esc(live.nonce)}">${liveScript(live.token)}</script>` : "",
    `</body></html>`,
  ].join("\n");
}
