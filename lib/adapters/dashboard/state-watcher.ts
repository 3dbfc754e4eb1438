// Watches a project's `.agent-orchestration/` for what the engine does and turns it into the
// dashboard's events (core/dashboard/events.ts): new journal lines, new runner-ledger lines, and
// story state files that changed. fs.watch says something happened (quickly, on Linux through
// inotify); a modest poll catches what a watch misses (a folder made after we started, file
// systems without notifications). Every look only reads: the state files through the store's
// read function (no lock is taken; the engine writes them atomically), the two logs by offset.
import { dirname, join } from "node:path";
import { JOURNAL_FILE } from "../../core/state/state-files.js";
import { lineData, storyChanges, type DashboardEvent, type StorySnapshot } from "../../core/dashboard/events.js";
import { readAllStoryStates, stateDir } from "../state-store/store.js";
import { ledgerPath } from "../workers/ledger-file.js";
import { LineTail } from "../state-store/line-tail.js";
import { watchDir, type DirWatch } from "../fs/watch-dir.js";

export interface StateWatcherOptions {
  /** How often to look without a notification (ms). */
  pollMs?: number;
  /** How long to wait after a notification for the rest of a burst of writes (ms). */
  settleMs?: number;
}

type Snapshots = Map<string, StorySnapshot & { id: string }>;

export class StateWatcher {
  private readonly journal: LineTail;
  private readonly ledger: LineTail;
  private readonly listeners = new Set<(e: DashboardEvent) => void>();
  private readonly watchers = new Map<string, DirWatch>();
  private stories: Snapshots = new Map();
  private poll: NodeJS.Timeout | null = null;
  private settle: NodeJS.Timeout | null = null;
  private looking: Promise<void> | null = null;
  private lookAgain = false;
  private closed = false;
  private readonly pollMs: number;
  private readonly settleMs: number;

  constructor(
    private readonly root: string,
    opts: StateWatcherOptions = {},
  ) {
    this.journal = new LineTail(join(stateDir(root), JOURNAL_FILE));
    this.ledger = new LineTail(ledgerPath(root));
    this.pollMs = opts.pollMs ?? 2000;
    this.settleMs = opts.settleMs ?? 50;
  }

  /** Reads where things stand (later changes are the events), then starts watching. */
  async start(): Promise<void> {
    await this.journal.skipExisting();
    await this.ledger.skipExisting();
    this.stories = (await this.readStories()) ?? new Map();
    this.watchFolders();
    this.poll = setInterval(() => {
      this.watchFolders(); // a folder made since (the first `start`, the first headless run)
      void this.look();
    }, this.pollMs);
    this.poll.unref();
  }

  /** `fn` gets every event from now on; the returned function stops that. */
  subscribe(fn: (e: DashboardEvent) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Stops watching; waits for a look in progress, so nothing is read after it returns. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.poll) clearInterval(this.poll);
    if (this.settle) clearTimeout(this.settle);
    for (const w of this.watchers.values()) w.close();
    this.watchers.clear();
    this.listeners.clear();
    await this.looking;
  }

  /** Looks now (and once more after a look in progress); resolves when done. For tests and the poll. */
  look(): Promise<void> {
    if (this.closed) return Promise.resolve();
    if (this.looking) {
      this.lookAgain = true;
      return this.looking;
    }
    this.looking = (async () => {
      try {
        do {
          this.lookAgain = false;
          await this.lookOnce();
        } while (this.lookAgain && !this.closed);
      } finally {
        this.looking = null;
      }
    })();
    return this.looking;
  }

  /** Watches each folder not watched yet, or whose watch died (it went away, or was not there yet). */
  private watchFolders(): void {
    if (this.closed) return;
    for (const dir of [stateDir(this.root), dirname(ledgerPath(this.root))]) {
      if (this.watchers.get(dir)?.alive()) continue;
      this.watchers.set(dir, watchDir(dir, () => this.soon()));
    }
  }

  /** A notification: look once the burst of writes (state, orchestration, journal) has settled. */
  private soon(): void {
    if (this.closed || this.settle) return;
    this.settle = setTimeout(() => {
      this.settle = null;
      void this.look();
    }, this.settleMs);
  }

  private async lookOnce(): Promise<void> {
    const events: DashboardEvent[] = [];
    for (const raw of await this.journal.newLines()) {
      const data = lineData(raw);
      if (data) events.push({ type: "journal", data });
    }
    for (const raw of await this.ledger.newLines()) {
      const data = lineData(raw);
      if (data) events.push({ type: "ledger", data });
    }
    const now = await this.readStories();
    // An unreadable or invalid state file (mid-edit by a person): keep the last good reading.
    if (now) {
      for (const change of storyChanges(this.stories, now)) events.push({ type: "story", data: change });
      this.stories = now;
    }
    if (this.closed) return;
    for (const e of events) for (const fn of this.listeners) fn(e);
  }

  private async readStories(): Promise<Snapshots | null> {
    const all = await readAllStoryStates(this.root);
    if (!all.ok) return null;
    const out: Snapshots = new Map();
    for (const [key, st] of all.value) out.set(key, { id: st.storyId, status: st.status, lastUpdate: st.lastUpdate, headSha: st.headSha });
    return out;
  }
}
