// A folder watched for any change (fs.watch, not recursive). Watching can fail (the folder is
// missing, the platform has no inotify slots left) or stop later with an error: the caller then
// has only its slow poll, and may try again; `alive()` says whether the watch still works.
import { watch, type FSWatcher } from "node:fs";

export interface DirWatch {
  alive(): boolean;
  close(): void;
}

export function watchDir(dir: string, onChange: () => void): DirWatch {
  let w: FSWatcher | null = null;
  try {
    w = watch(dir, { persistent: false }, () => onChange());
    w.on("error", () => {
      w?.close();
      w = null;
    });
  } catch {
    w = null;
  }
  return {
    alive: () => w !== null,
    close: () => {
      w?.close();
      w = null;
    },
  };
}
