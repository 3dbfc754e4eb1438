// The runner's one place to sleep between passes. Whatever happens while a pass runs (a worker
// ends while the pass awaits the project) is kept, so the next wait returns at once instead of
// sleeping until the safety poll with an event unhandled.
import type { WakeReason } from "../../core/run/wake.js";

export class Wakeup {
  private pending: WakeReason[] = [];
  private resolve: (() => void) | null = null;

  poke(reason: WakeReason): void {
    this.pending.push(reason);
    this.resolve?.();
  }

  /** Resolves with why it woke: the events since the last wait, or `timeoutReason` after `ms`. */
  async wait(ms: number, timeoutReason: WakeReason): Promise<WakeReason[]> {
    if (this.pending.length === 0) {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.resolve = resolve;
        timer = setTimeout(() => {
          this.pending.push(timeoutReason);
          resolve();
        }, ms);
      });
      clearTimeout(timer);
      this.resolve = null;
    }
    const why = [...new Set(this.pending)];
    this.pending = [];
    return why;
  }
}
