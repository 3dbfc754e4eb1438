// Story ids: "1.1", "1.11b", "19A.2", "0.5.3", "13". Parts are numbers with an optional letter
// suffix; ids order part by part, numerically (1.9 < 1.10 < 1.10b < 1.11). Letter case keeps
// what the author wrote but never matters for identity: 19a.2 and 19A.2 are one story.
// The grammar is also the path-safety guarantee: an id that passes `isStoryId` contains only
// [0-9A-Za-z.], so it can name a state file, a branch or a worktree without escaping anything.

export type StoryId = string;

const ID_RE = /^\d+[A-Za-z]?(?:\.\d+[A-Za-z]?)*$/;
const PART_RE = /^(\d+)([A-Za-z]?)$/;

export function isStoryId(text: string): boolean {
  return text.length <= 40 && ID_RE.test(text);
}

/** Key for maps and equality: case-insensitive, leading zeros dropped (1.01 = 1.1). */
export function idKey(id: StoryId): string {
  return id
    .split(".")
    .map((p) => {
      const m = PART_RE.exec(p);
      return m ? `${Number(m[1])}${(m[2] ?? "").toLowerCase()}` : p.toLowerCase();
    })
    .join(".");
}

/** Normalises leading zeros ("01.02" → "1.2") and keeps the letter case. */
export function normalizeId(id: StoryId): StoryId {
  return id
    .split(".")
    .map((p) => {
      const m = PART_RE.exec(p);
      return m ? `${Number(m[1])}${m[2] ?? ""}` : p;
    })
    .join(".");
}

/**
 * The id as [number, suffix, number, suffix, ...]: what id order compares. A part that is not
 * a number with an optional letter sorts after every numbered part.
 */
export type IdSortKey = (number | string)[];

export function idSortKey(id: StoryId): IdSortKey {
  const out: IdSortKey = [];
  for (const p of id.split(".")) {
    const m = PART_RE.exec(p);
    if (m) out.push(Number(m[1]), (m[2] ?? "").toLowerCase());
    else out.push(Number.MAX_SAFE_INTEGER, p.toLowerCase());
  }
  return out;
}

/** Part by part; a missing part sorts first (1 < 1.1); "" < "a" < "b" within a number. */
export function compareIdSortKeys(a: IdSortKey, b: IdSortKey): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i += 2) {
    const na = (a[i] as number | undefined) ?? -1;
    const nb = (b[i] as number | undefined) ?? -1;
    if (na !== nb) return na - nb;
    const sa = (a[i + 1] as string | undefined) ?? "";
    const sb = (b[i + 1] as string | undefined) ?? "";
    if (sa !== sb) return sa < sb ? -1 : 1;
  }
  return 0;
}

/** Part-by-part numeric order; a prefix sorts first (1 < 1.1); "" < "a" < "b" within a number. */
export function compareIds(a: StoryId, b: StoryId): number {
  return compareIdSortKeys(idSortKey(a), idSortKey(b));
}

/** The epic number of an id: every part but the last ("1.2" → "1", "0.5.3" → "0.5", "13" → ""). */
export function epicOf(id: StoryId): string {
  const i = id.lastIndexOf(".");
  return i < 0 ? "" : id.slice(0, i);
}
