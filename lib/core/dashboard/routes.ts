// What the dashboard does with a request: refuse it (and how), or which read it serves. Pure: the
// request's facts in, a decision out; the server (lib/adapters/dashboard/server.ts) only carries
// it out. Checks go in this order: the Host, the token, the method, the path, so a request without
// the token learns nothing, not even which paths or methods exist.
import { isStoryId } from "../ids.js";
import { authorize, type AuthRefusal, type RequestFacts, type ServerFacts } from "./auth.js";

export type Route =
  | { kind: "page" }
  | { kind: "status" }
  | { kind: "stories" }
  | { kind: "story"; id: string }
  | { kind: "report" }
  | { kind: "events" };

export interface Refusal {
  status: 400 | 401 | 403 | 404 | 405;
  reason: AuthRefusal | "method" | "not-found" | "bad-id";
  /** Extra response headers (Allow for 405, WWW-Authenticate for 401). */
  headers: Record<string, string>;
  /** Plain text; never says more than the status line does (nothing about the token or the project). */
  body: string;
}

export type Decision = { kind: "serve"; route: Route } | { kind: "refuse"; refusal: Refusal };

const refuse = (status: Refusal["status"], reason: Refusal["reason"], body: string, headers: Record<string, string> = {}): Decision => ({
  kind: "refuse",
  refusal: { status, reason, headers, body: `${body}\n` },
});

/** The path of a request target: only origin-form (`/...`); `..` and `.` segments resolved as browsers do. */
export function pathOf(url: string): string | null {
  if (!url.startsWith("/")) return null;
  try {
    // Prefixing the origin keeps `//host/x` a path, not a host.
    return new URL(`http://127.0.0.1${url}`).pathname;
  } catch {
    return null;
  }
}

/** The route of a path, or the refusal for a path the dashboard does not serve. */
export function routeOf(path: string | null): Decision {
  switch (path) {
    case "/":
      return { kind: "serve", route: { kind: "page" } };
    case "/api/status":
      return { kind: "serve", route: { kind: "status" } };
    case "/api/stories":
      return { kind: "serve", route: { kind: "stories" } };
    case "/api/report":
      return { kind: "serve", route: { kind: "report" } };
    case "/api/events":
      return { kind: "serve", route: { kind: "events" } };
  }
  const m = path === null ? null : /^\/api\/stories\/([^/]+)$/.exec(path);
  if (!m) return refuse(404, "not-found", "Not Found");
  let id: string;
  try {
    id = decodeURIComponent(m[1]!);
  } catch {
    return refuse(400, "bad-id", "Bad Request: not a story id");
  }
  // The id grammar admits only [0-9A-Za-z.-] with no leading dot: `..%2Fx` and friends stop here,
  // before any id reaches a path (run-paths.ts checks again).
  return isStoryId(id) ? { kind: "serve", route: { kind: "story", id } } : refuse(400, "bad-id", "Bad Request: not a story id");
}

export function decide(req: RequestFacts, server: ServerFacts): Decision {
  const auth = authorize(req, server);
  if (auth === "bad-host") return refuse(403, auth, "Forbidden");
  if (auth !== null) return refuse(401, auth, "Unauthorized", { "WWW-Authenticate": "Bearer" });
  // Read-only: no verb but GET exists, whatever the path.
  if (req.method !== "GET") return refuse(405, "method", "Method Not Allowed", { Allow: "GET" });
  return routeOf(pathOf(req.url));
}
