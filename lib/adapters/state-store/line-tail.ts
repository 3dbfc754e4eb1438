// The lines appended to an append-only file since the last look: the journal and the runner's
// ledger for the dashboard, a worker's log for `logs --follow`. A line still being written stays
// pending until its newline arrives; a file that got shorter (replaced) is read again from its
// start. Reads only.
import { stat } from "node:fs/promises";
import { readAppended } from "./worker-logs.js";

export class LineTail {
  private offset = 0;
  private pending = Buffer.alloc(0);

  constructor(readonly path: string) {}

  /** Skips what the file holds now: only lines appended from here on are returned. */
  async skipExisting(): Promise<void> {
    try {
      this.offset = (await stat(this.path)).size;
    } catch {
      this.offset = 0; // not there yet: everything it will hold is new
    }
    this.pending = Buffer.alloc(0);
  }

  /**
   * The complete lines appended since the last call, oldest first. `final`: also a last line
   * that has no newline (the writer is done). `onRestart` is told when the file was replaced,
   * before the lines read from its start.
   */
  async newLines(opts: { final?: boolean; onRestart?: () => void } = {}): Promise<string[]> {
    const out: string[] = [];
    for (;;) {
      const got = await readAppended(this.path, this.offset);
      if (got.restarted) {
        this.pending = Buffer.alloc(0);
        opts.onRestart?.();
      }
      this.offset = got.offset;
      if (got.bytes.length === 0) break;
      let buf = this.pending.length ? Buffer.concat([this.pending, got.bytes]) : got.bytes;
      // The newline byte never occurs inside a UTF-8 character: no character is cut.
      for (let nl = buf.indexOf(0x0a); nl >= 0; nl = buf.indexOf(0x0a)) {
        out.push(buf.subarray(0, nl).toString("utf8"));
        buf = buf.subarray(nl + 1);
      }
      this.pending = Buffer.from(buf);
    }
    if (opts.final && this.pending.length) {
      out.push(this.pending.toString("utf8"));
      this.pending = Buffer.alloc(0);
    }
    return out;
  }
}
