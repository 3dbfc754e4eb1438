// The report's Content-Security-Policy, spelled once: the static page carries it in a <meta>, and
// the dashboard sends the live page's as a header too (both apply; the page is built to pass both).
// Nothing may load from anywhere ('none' by default, not even 'self'): styles and SVG are inline.
// The live page adds its one inline script, allowed by a nonce fresh for each response, and its
// connections back to the dashboard (the event stream and the refetch of the page).

/** The policy of the page's <meta>; with a nonce, the live page's. No quote or angle bracket in it. */
export function reportCsp(liveNonce?: string): string {
  const base = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
  if (liveNonce === undefined) return base;
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(liveNonce)) throw new Error(`Internal error: not a nonce: ${JSON.stringify(liveNonce)}`);
  return `${base}; script-src 'nonce-${liveNonce}'; connect-src 'self'; base-uri 'none'; form-action 'none'`;
}

/**
 * The dashboard's header for the live page: the same, and no framing by other pages (a directive
 * browsers ignore, with a console error, in a <meta>, so it is only here).
 */
export const dashboardCsp = (nonce: string): string => `${reportCsp(nonce)}; frame-ancestors 'none'`;
