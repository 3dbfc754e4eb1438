// Tailing the journal and the ledger: only lines appended after the start, a line being written
// waits for its newline, and a replaced (shorter) file is read from its start.
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LineTail } from "../../lib/adapters/state-store/line-tail.js";

const dir = mkdtempSync(join(tmpdir(), "so-tail-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("LineTail", () => {
  it("returns only new whole lines, keeps a half-written one until its newline, and restarts on a shorter file", async () => {
    const f = join(dir, "journal.jsonl");
    writeFileSync(f, `{"event":"old"}\n`);
    const tail = new LineTail(f);
    await tail.skipExisting();
    expect(await tail.newLines()).toEqual([]);
    appendFileSync(f, `{"event":"a"}\n{"event":"b","note":"é`);
    expect(await tail.newLines()).toEqual([`{"event":"a"}`]);
    appendFileSync(f, `"}\n`);
    expect(await tail.newLines()).toEqual([`{"event":"b","note":"é"}`]);
    writeFileSync(f, `{"event":"c"}\n`);
    expect(await tail.newLines()).toEqual([`{"event":"c"}`]);
  });

  it("a file that does not exist yet: everything it will hold is new", async () => {
    const f = join(dir, "runner", "workers.jsonl");
    const tail = new LineTail(f);
    await tail.skipExisting();
    expect(await tail.newLines()).toEqual([]);
    mkdirSync(join(dir, "runner"));
    writeFileSync(f, `{"event":"run-start"}\n`);
    expect(await tail.newLines()).toEqual([`{"event":"run-start"}`]);
  });

  it("final: a last line without its newline is returned; a replaced file is said before its lines", async () => {
    const f = join(dir, "developer-1.jsonl");
    writeFileSync(f, `{"type":"a"}\n{"type":"b"`);
    const tail = new LineTail(f);
    expect(await tail.newLines()).toEqual([`{"type":"a"}`]);
    expect(await tail.newLines({ final: true })).toEqual([`{"type":"b"`]);
    writeFileSync(f, `{"type":"c"}\n`);
    const seen: string[] = [];
    const lines = await tail.newLines({ onRestart: () => seen.push("restart") });
    expect(seen).toEqual(["restart"]);
    expect(lines).toEqual([`{"type":"c"}`]);
  });
});
