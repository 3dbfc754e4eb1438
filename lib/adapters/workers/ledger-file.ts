// The runner's ledger file (core/run/ledger.ts): appended one line at a time (a line is far
// below the size an append writes at once), read back whole. A torn last line after a crash is
// skipped, never fatal.
import { appendFile, mkdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { STATE_DIR } from "../../core/state/state-files.js";
import type { LedgerLine } from "../../core/run/ledger.js";

export const ledgerPath = (root: string): string => join(root, STATE_DIR, "runner", "workers.jsonl");

export async function appendLedger(root: string, line: LedgerLine): Promise<void> {
  const p = ledgerPath(root);
  await mkdir(dirname(p), { recursive: true });
  await appendFile(p, `${JSON.stringify(line)}\n`, "utf8");
}

export async function readLedger(root: string): Promise<LedgerLine[]> {
  let text: string;
  try {
    text = await readFile(ledgerPath(root), "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw e;
  }
  const out: LedgerLine[] = [];
  for (const l of text.split("\n")) {
    if (!l.trim()) continue;
    try {
      const v = JSON.parse(l) as LedgerLine;
      if (v && typeof v === "object" && typeof v.event === "string") out.push(v);
    } catch {
      // A line torn by a crash mid-append.
    }
  }
  return out;
}
