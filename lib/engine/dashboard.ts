// The dashboard put together: the project's reads (dashboard-data.ts) behind the HTTP server,
// and one watcher of the state folder feeding every event stream. The verb and the tests start
// it the same way.
import { startDashboardServer, type DashboardReads, type RunningDashboard } from "../adapters/dashboard/server.js";
import { StateWatcher } from "../adapters/dashboard/state-watcher.js";
import { dashboardPage, dashboardReport, dashboardStatus, dashboardStories, dashboardStory } from "./dashboard-data.js";

export interface DashboardOptions {
  /** 0 (default): any free port. */
  port?: number;
  /** For tests: a short ping and poll. */
  pingMs?: number;
  pollMs?: number;
  onError?: (e: unknown) => void;
}

export function dashboardReads(root: string): DashboardReads {
  return {
    status: () => dashboardStatus(root),
    stories: () => dashboardStories(root),
    story: (id) => dashboardStory(root, id),
    report: () => dashboardReport(root),
    page: (live) => dashboardPage(root, live),
  };
}

/** Starts watching and serving; `close()` stops both. Throws what listen throws (EADDRINUSE...). */
export async function startDashboard(root: string, opts: DashboardOptions = {}): Promise<RunningDashboard> {
  const watcher = new StateWatcher(root, opts.pollMs !== undefined ? { pollMs: opts.pollMs } : {});
  await watcher.start();
  let server: RunningDashboard;
  try {
    server = await startDashboardServer({ reads: dashboardReads(root), events: watcher, port: opts.port ?? 0, ...(opts.pingMs !== undefined ? { pingMs: opts.pingMs } : {}), ...(opts.onError ? { onError: opts.onError } : {}) });
  } catch (e) {
    await watcher.close();
    throw e;
  }
  return {
    ...server,
    close: async () => {
      await server.close();
      await watcher.close();
    },
  };
}
