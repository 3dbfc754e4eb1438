// `dashboard [--port N]`: serves the run report live, and a read-only JSON API, on 127.0.0.1
// with a random token in the URL it prints; it runs until Ctrl-C (or SIGTERM), then closes the
// event streams and the server and says it stopped. It only reads the project (see
// lib/engine/dashboard-data.ts): every change still goes through the engine's verbs and gates.
import type { Verb, VerbContext, VerbOutcome } from "../verb.js";
import { diag, err } from "../../core/diagnostics.js";
import { rejectUnknownOptions, usage } from "../check-options.js";
import { outcome } from "./run-outcome.js";
import { dashboardStatus } from "../../engine/dashboard-data.js";
import { startDashboard } from "../../engine/dashboard.js";
import type { RunningDashboard } from "../../adapters/dashboard/server.js";

const LINE = "dashboard [--port N] [--json]";

/** The port asked for: 0 (any free port) without --port, null for anything that is not one. */
function portOf(v: string | true | undefined): number | null {
  if (v === undefined) return 0;
  if (typeof v !== "string" || !/^\d{1,5}$/.test(v)) return null;
  const n = Number(v);
  return n <= 65535 ? n : null;
}

export const dashboardVerb: Verb = async (ctx) => {
  const bad = rejectUnknownOptions("dashboard", ctx.args, ["port"], LINE);
  if (bad) return bad;
  if (ctx.args.positionals.length) return usage("dashboard: takes no arguments", LINE);
  const port = portOf(ctx.args.options["port"]);
  if (port === null) return usage("dashboard: --port needs a port number (0 to 65535; 0 = any free port)", LINE);
  // Refused like `status` when the state or the config cannot be read: nothing is served then.
  const first = await dashboardStatus(ctx.root);
  if (!first.ok) return outcome(ctx, first, () => "");
  return serve(ctx, port);
};

async function serve(ctx: VerbContext, port: number): Promise<VerbOutcome> {
  const root = ctx.root;
  // Listening before the server starts: a Ctrl-C at any moment from here on stops it cleanly.
  const stop = untilSignalled();
  let dash: RunningDashboard;
  try {
    dash = await startDashboard(root, { port, onError: (e) => process.stderr.write(`story-orchestrator dashboard: Internal error: ${e instanceof Error ? e.message : String(e)}\n`) });
  } catch (e) {
    stop.dispose();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE" || code === "EACCES") {
      const why = code === "EADDRINUSE" ? "is in use" : "may not be used by this user";
      return outcome(ctx, err([diag("port-in-use", `port ${port} on 127.0.0.1 ${why}: pass another --port, or none for any free port`)]), () => "");
    }
    throw e;
  }
  process.stdout.write(
    ctx.args.json
      ? JSON.stringify({ url: dash.url, port: dash.port, token: dash.token }) + "\n"
      : [
          `Dashboard of ${root} (read-only; Ctrl-C stops it):`,
          `  ${dash.url}`,
          `API (same token, as ?token= or "Authorization: Bearer"): /api/status, /api/stories, /api/stories/ID, /api/report, /api/events (server-sent events)`,
          "",
        ].join("\n"),
  );
  await stop.signalled;
  await dash.close();
  return { exitCode: 0, json: { stopped: true }, human: "Dashboard stopped.\n" };
}

/** `signalled` resolves on the first SIGINT or SIGTERM; the listeners go then, or on `dispose`. */
function untilSignalled(): { signalled: Promise<void>; dispose: () => void } {
  let dispose!: () => void;
  const signalled = new Promise<void>((resolve) => {
    const stop = (): void => {
      dispose();
      resolve();
    };
    dispose = () => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  return { signalled, dispose };
}
