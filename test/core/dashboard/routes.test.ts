// The dashboard's decisions, without a socket: who is refused (and how little they learn), what
// each path serves, and which ids may reach the engine.
import { describe, expect, it } from "vitest";
import { authorize, hostAllowed, sameToken, tokenOf } from "../../../lib/core/dashboard/auth.js";
import { decide, pathOf, routeOf, type Decision } from "../../../lib/core/dashboard/routes.js";

const TOKEN = "a".repeat(64);
const SERVER = { token: TOKEN, port: 4321 };
const get = (url: string, extra: Partial<{ method: string; host: string | undefined; authorization: string }> = {}): Decision =>
  decide({ method: "GET", url, host: "127.0.0.1:4321", authorization: undefined, ...extra }, SERVER);
const status = (d: Decision): number => (d.kind === "refuse" ? d.refusal.status : 200);

describe("who may ask", () => {
  it("only the Host of our own URL passes (DNS rebinding: evil.example resolved to 127.0.0.1)", () => {
    expect(hostAllowed("127.0.0.1:4321", 4321)).toBe(true);
    expect(hostAllowed("LOCALHOST:4321", 4321)).toBe(true);
    for (const h of [undefined, "", "127.0.0.1", "127.0.0.1:80", "evil.example:4321", "127.0.0.1:4321.evil.example", "[::1]:4321", "0.0.0.0:4321"]) expect(hostAllowed(h, 4321)).toBe(false);
  });

  it("the token comes as a bearer header or ?token=, the header first", () => {
    expect(tokenOf("/?token=abc", undefined)).toBe("abc");
    expect(tokenOf("/api/status", "Bearer xyz")).toBe("xyz");
    expect(tokenOf("/api/status", "bearer   xyz ")).toBe("xyz");
    expect(tokenOf("/?token=abc", "Bearer xyz")).toBe("xyz");
    expect(tokenOf("/?token=", undefined)).toBeNull();
    expect(tokenOf("/", "Basic dXNlcjpwYXNz")).toBeNull();
    expect(tokenOf("http://x/?token=abc", undefined)).toBeNull();
  });

  it("tokens compare whole, whatever their lengths", () => {
    expect(sameToken(TOKEN, TOKEN)).toBe(true);
    expect(sameToken(TOKEN.slice(1), TOKEN)).toBe(false);
    expect(sameToken(TOKEN + "a", TOKEN)).toBe(false);
    expect(sameToken("", TOKEN)).toBe(false);
  });

  it("authorize: the Host first, then the token", () => {
    expect(authorize({ method: "GET", url: `/?token=${TOKEN}`, host: "evil.example:4321", authorization: undefined }, SERVER)).toBe("bad-host");
    expect(authorize({ method: "GET", url: "/", host: "127.0.0.1:4321", authorization: undefined }, SERVER)).toBe("no-token");
    expect(authorize({ method: "GET", url: "/?token=nope", host: "127.0.0.1:4321", authorization: undefined }, SERVER)).toBe("wrong-token");
    expect(authorize({ method: "GET", url: "/", host: "localhost:4321", authorization: `Bearer ${TOKEN}` }, SERVER)).toBeNull();
  });
});

describe("decide", () => {
  it("without the token every request is 401, whatever its method or path, and the body says nothing more", () => {
    for (const [method, url] of [["GET", "/"], ["GET", "/api/status"], ["GET", "/nope"], ["POST", "/api/stories"], ["DELETE", "/api/stories/1.1"], ["OPTIONS", "/api/events"]] as const) {
      const d = get(url, { method });
      expect(d).toEqual({ kind: "refuse", refusal: { status: 401, reason: "no-token", headers: { "WWW-Authenticate": "Bearer" }, body: "Unauthorized\n" } });
    }
    expect(status(get("/?token=wrong"))).toBe(401);
  });

  it("a foreign Host is 403 even with the token", () => {
    const d = get(`/?token=${TOKEN}`, { host: "attacker.example:4321" });
    expect(d).toEqual({ kind: "refuse", refusal: { status: 403, reason: "bad-host", headers: {}, body: "Forbidden\n" } });
    expect(status(get(`/?token=${TOKEN}`, { host: undefined }))).toBe(403);
  });

  it("with the token, any method but GET is 405 with Allow: GET (there are no write endpoints)", () => {
    for (const method of ["POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"]) {
      const d = get(`/api/stories?token=${TOKEN}`, { method });
      expect(d).toEqual({ kind: "refuse", refusal: { status: 405, reason: "method", headers: { Allow: "GET" }, body: "Method Not Allowed\n" } });
    }
  });

  it("routes each endpoint", () => {
    const t = `?token=${TOKEN}`;
    expect(get(`/${t}`)).toEqual({ kind: "serve", route: { kind: "page" } });
    expect(get(`/api/status${t}`)).toEqual({ kind: "serve", route: { kind: "status" } });
    expect(get(`/api/stories${t}`)).toEqual({ kind: "serve", route: { kind: "stories" } });
    expect(get(`/api/stories/1.2${t}`)).toEqual({ kind: "serve", route: { kind: "story", id: "1.2" } });
    expect(get(`/api/stories/UGM-19a.2`, { authorization: `Bearer ${TOKEN}` })).toEqual({ kind: "serve", route: { kind: "story", id: "UGM-19a.2" } });
    expect(get(`/api/report${t}`)).toEqual({ kind: "serve", route: { kind: "report" } });
    expect(get(`/api/events${t}`)).toEqual({ kind: "serve", route: { kind: "events" } });
    for (const p of ["/index.html", "/api", "/api/", "/api/stories/", "/api/stories/1.1/logs", "/report.html"]) expect(status(get(`${p}${t}`))).toBe(404);
  });

  it("no id that is not a story id reaches the engine: traversal is resolved away or refused", () => {
    expect(pathOf("/api/stories/../x")).toBe("/api/x");
    expect(pathOf("/api/stories/%2e%2e/x")).toBe("/api/x");
    expect(pathOf("//evil.example/api/status")).toBe("//evil.example/api/status");
    expect(pathOf("http://evil.example/")).toBeNull();
    const t = `?token=${TOKEN}`;
    expect(status(get(`/api/stories/../x${t}`))).toBe(404);
    expect(status(get(`/api/stories/..%2Fx${t}`))).toBe(400);
    expect(status(get(`/api/stories/..%2F..%2Fetc%2Fpasswd${t}`))).toBe(400);
    expect(status(get(`/api/stories/1.1%00${t}`))).toBe(400);
    expect(status(get(`/api/stories/%E0%A4%A${t}`))).toBe(400);
    expect(status(get(`/api/stories/.hidden${t}`))).toBe(400);
    expect(status(get(`/api/stories/${"1".repeat(65)}${t}`))).toBe(400);
    expect(routeOf(null)).toMatchObject({ kind: "refuse", refusal: { status: 404 } });
  });
});
