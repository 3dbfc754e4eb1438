// Atomic file replacement: write a temporary file in the same directory, fsync it, rename it
// over the target (atomic on POSIX), then fsync the directory so the rename itself survives a
// crash. A reader sees the old file or the new one, never half of either.
import { open, rename, unlink } from "node:fs/promises";
import { dirname, basename, join } from "node:path";
import { randomBytes } from "node:crypto";

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
  const fh = await open(tmp, "wx", 0o644);
  try {
    await fh.writeFile(data, typeof data === "string" ? "utf8" : undefined);
    await fh.sync();
  } finally {
    await fh.close();
  }
  try {
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await syncDir(dirname(path));
}

async function syncDir(dir: string): Promise<void> {
  // Not every platform lets a directory be opened for fsync (Windows); durability there is best effort.
  try {
    const d = await open(dir, "r");
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    /* best effort */
  }
}
