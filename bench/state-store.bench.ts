// State-store throughput: 8 concurrent writers doing locked read-modify-write cycles (read a
// story state, change it, write it atomically, append to the journal) on one story file, as
// parallel hooks do. Reports cycles per second and checks that no update was lost.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { newStoryState } from "../lib/core/state/schemas.js";
import { appendJournal, readStoryState, withStateLock, writeStoryState } from "../lib/adapters/state-store/store.js";
import { ok } from "../lib/core/diagnostics.js";

export async function run(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), "so-bench-store-"));
  try {
    const at = new Date().toISOString();
    await writeStoryState(root, newStoryState({ storyId: "1.1", agent: "general-developer", dependencies: [], at }));
    const writers = 8;
    const perWriter = 50;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: writers }, async () => {
        for (let i = 0; i < perWriter; i++) {
          const r = await withStateLock(root, async () => {
            const cur = await readStoryState(root, "1.1");
            if (!cur.ok || !cur.value) throw new Error("Internal error: state vanished");
            await writeStoryState(root, { ...cur.value, attempts: cur.value.attempts + 1 });
            await appendJournal(root, { at, event: "bench", storyId: "1.1" });
            return ok(undefined);
          });
          if (!r.ok) throw new Error(r.error[0]!.message);
        }
      }),
    );
    const secs = (performance.now() - started) / 1000;
    const final = await readStoryState(root, "1.1");
    const count = final.ok && final.value ? final.value.attempts : -1;
    const total = writers * perWriter;
    return [
      `${writers} concurrent writers x ${perWriter} locked read-modify-write cycles (atomic write + fsync + journal append)`,
      `${total} cycles in ${secs.toFixed(2)} s: ${(total / secs).toFixed(0)} cycles/s, ${((secs * 1000) / total).toFixed(2)} ms each`,
      `lost updates: ${total - count} (counter ${count}/${total})`,
    ].join("\n");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
