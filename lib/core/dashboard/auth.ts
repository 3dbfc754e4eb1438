// Who may talk to the dashboard: decided from the request's facts alone (no socket), so every
// rule is a unit test. The server binds 127.0.0.1, but any local process, and any web page the
// user's browser opens, can reach a loopback port: the random token is what keeps them out, and
// the Host check stops a page that rebinds its own domain name to 127.0.0.1 (DNS rebinding) from
// reading the answers with the browser's same-origin blessing.
import { createHash, timingSafeEqual } from "node:crypto";

/** The parts of a request the decisions look at. */
export interface RequestFacts {
  method: string;
  /** The request target as sent: path and query. */
  url: string;
  host: string | undefined;
  authorization: string | undefined;
}

/** The running server: its token and the port it listens on. */
export interface ServerFacts {
  token: string;
  port: number;
}

export type AuthRefusal = "bad-host" | "no-token" | "wrong-token";

/** The Host a browser sends for our URL (`127.0.0.1:PORT`, or `localhost:PORT` typed by hand). */
export function hostAllowed(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const h = host.toLowerCase();
  return h === `127.0.0.1:${port}` || h === `localhost:${port}`;
}

/** The token a request carries: `Authorization: Bearer T` first, else `?token=T`; null without one. */
export function tokenOf(url: string, authorization: string | undefined): string | null {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (bearer) return bearer[1]!;
  const q = queryOf(url).get("token");
  return q === null || q === "" ? null : q;
}

/** The query of a request target (none for anything that is not a path). */
export function queryOf(url: string): URLSearchParams {
  const i = url.indexOf("?");
  return new URLSearchParams(url.startsWith("/") && i >= 0 ? url.slice(i + 1).split("#")[0] : "");
}

/**
 * Whether `given` is the token, in time that does not depend on where they differ: both are
 * hashed first, so the comparison also takes the same time whatever their lengths.
 */
export function sameToken(given: string, token: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(digest(given), digest(token));
}

/** Why the request may not be answered, or null when it may. */
export function authorize(req: RequestFacts, server: ServerFacts): AuthRefusal | null {
  if (!hostAllowed(req.host, server.port)) return "bad-host";
  const given = tokenOf(req.url, req.authorization);
  if (given === null) return "no-token";
  return sameToken(given, server.token) ? null : "wrong-token";
}
